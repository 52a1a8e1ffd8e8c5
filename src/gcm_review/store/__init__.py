"""Stage "store": keep analysed documents in a database and query them."""

from __future__ import annotations

from pathlib import Path

from .base import (
    CoverageCell,
    Store,
    StoredDocument,
    StoredEntity,
    StoredEvent,
    StoredMatch,
    StoredPassage,
)
from .sqlite import SQLiteStore

DEFAULT_DB = "gcm-review.db"

__all__ = [
    "DEFAULT_DB",
    "CoverageCell",
    "SQLiteStore",
    "Store",
    "StoredDocument",
    "StoredEntity",
    "StoredEvent",
    "StoredMatch",
    "StoredPassage",
    "open_store",
]


def open_store(location: Path | str = DEFAULT_DB) -> Store:
    """Open the store at ``location`` (a SQLite file path)."""
    return SQLiteStore(location)
