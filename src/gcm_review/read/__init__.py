"""Stage "read": turn a file (PDF, DOCX, HTML, text or Markdown) into a ``Document``."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from ..errors import EmptyDocumentError, IngestError, UnsupportedFormatError
from ..models import Document
from .docx import read_docx
from .html import read_html
from .pdf import read_pdf
from .text import read_text

Reader = Callable[[bytes, str, str], Document]

READERS: dict[str, Reader] = {
    ".pdf": read_pdf,
    ".docx": read_docx,
    ".html": read_html,
    ".htm": read_html,
    ".txt": read_text,
    ".md": read_text,
    ".markdown": read_text,
}
SUPPORTED_SUFFIXES = tuple(sorted(READERS))


def read_document(path: Path | str) -> Document:
    """Read one file into a ``Document``.

    Args:
        path: a file with a supported extension (see ``SUPPORTED_SUFFIXES``).

    Raises:
        IngestError: (or a subclass) naming the file and what to do about it.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(path, f"cannot read the file ({exc.strerror})") from exc
    return read_bytes(data, str(path))


def read_bytes(data: bytes, name: str) -> Document:
    """Read the bytes of a file whose name (for its extension) is ``name``."""
    suffix = Path(name).suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        supported = ", ".join(SUPPORTED_SUFFIXES)
        raise UnsupportedFormatError(
            name, f"unsupported file type {suffix or '(none)'!r}; gcm-review reads {supported}"
        )
    if not data.strip():
        raise EmptyDocumentError(name, "the file is empty; nothing to ingest")
    document_id = hashlib.sha256(data).hexdigest()
    document = reader(data, name, document_id)
    if not any(block.text.strip() for block in document.blocks):
        raise EmptyDocumentError(name, "no text found (a scanned PDF needs OCR first)")
    return document
