"""Exceptions raised by gcm-review.

All of them derive from one base class, so a caller can catch everything the library raises
on purpose with a single ``except GcmReviewError``::

    GcmReviewError
    ├── DataFileError          a framework, lexicon, profile or gazetteer file is invalid
    ├── IngestError            one input file cannot be read
    │   ├── UnsupportedFormatError
    │   ├── EmptyDocumentError
    │   ├── EncryptedDocumentError
    │   └── CorruptDocumentError
    ├── InputFormatError       a JSON Lines input or gold file is malformed
    ├── ConfigError            an option or optional component is missing or invalid
    └── StoreError             the database cannot be opened or written
"""

from __future__ import annotations

from pathlib import Path


class GcmReviewError(Exception):
    """Base class of every error gcm-review raises on purpose."""


class DataFileError(GcmReviewError):
    """One or more data files are invalid; ``problems`` holds one line per problem."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        count = len(problems)
        head = f"{count} problem{'s' if count != 1 else ''} in framework data"
        super().__init__(head + ":\n" + "\n".join(problems))


class IngestError(GcmReviewError):
    """A file could not be turned into a document."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class UnsupportedFormatError(IngestError):
    """The file type is not one gcm-review reads."""


class EmptyDocumentError(IngestError):
    """The file holds no text."""


class EncryptedDocumentError(IngestError):
    """The file is password-protected."""


class CorruptDocumentError(IngestError):
    """The file is damaged or not what its extension says."""


class InputFormatError(GcmReviewError):
    """A JSON Lines input is malformed; the message names the file and line."""


class StoreError(GcmReviewError):
    """The database cannot be opened, migrated or written."""


class ConfigError(GcmReviewError):
    """An option or an optional component is missing or invalid; the message names the fix."""
