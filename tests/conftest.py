"""Shared fixtures: paths to the small real files, one engine, fresh databases."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from gcm_review import AnalysedDocument, DocumentInfo, Engine, SQLiteStore, read_document

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def fixtures() -> Path:
    """The folder of small real test files."""
    return FIXTURES


@pytest.fixture(scope="session")
def engine() -> Engine:
    """The default GCM engine, built once."""
    return Engine()


Analyse = Callable[..., AnalysedDocument]


@pytest.fixture
def analyse_text(engine: Engine, tmp_path: Path) -> Analyse:
    """Analyse a text the way a user's file is: written to a real .txt file (paragraphs
    apart by blank lines), read and analysed, with what the caller declares about it."""

    def analyse(text: str, info: DocumentInfo | None = None) -> AnalysedDocument:
        path = tmp_path / f"document-{len(list(tmp_path.glob('document-*')))}.txt"
        path.write_text(text, encoding="utf-8")
        return engine.analyse(read_document(path), info)

    return analyse


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A path for a new SQLite database."""
    return tmp_path / "test.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[SQLiteStore]:
    """A fresh SQLite store in a temporary file."""
    with SQLiteStore(db_path) as opened:
        yield opened  # type: ignore[misc]


def shared_file(*parts: str) -> Path:
    """A file of ../shared/, or skip the test with the reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not found: the shared development data sits beside the clone")
    return path
