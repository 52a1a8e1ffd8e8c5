"""The SQLite store: WAL, FTS5 with Arabic folding, one transaction per document."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from gcm_review import DocumentInfo, Engine, SQLiteStore, StoreError, read_bytes
from gcm_review.models import AnalysedDocument


def _analysed(
    engine: Engine, text: str, name: str = "note.txt", **info: object
) -> AnalysedDocument:
    document = read_bytes(text.encode(), name)
    return engine.analyse(document, DocumentInfo(**info))  # type: ignore[arg-type]


def test_wal_mode_and_schema(store: SQLiteStore, db_path: Path) -> None:
    mode = store.connection.execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    tables = {r[0] for r in sqlite3.connect(db_path).execute("SELECT name FROM sqlite_master")}
    assert {"documents", "passages", "matches", "entities", "actors", "passages_fts"} <= tables


def test_document_round_trip_with_framework_version(store: SQLiteStore, engine: Engine) -> None:
    analysed = _analysed(
        engine,
        "Migrant workers in Jordan now have access to public health care and basic services.",
        country="JO",
        kind="national_review",
        cycle=2024,
    )
    store.add_document(analysed)
    assert store.has_document(analysed.document.id)
    [document] = store.documents()
    assert (document.country, document.kind, document.cycle) == ("JO", "national_review", 2024)
    [passage] = store.passages()
    assert passage.actors == ("JO",)
    assert passage.objectives[0].target == "15"
    assert passage.objectives[0].framework == "gcm@1.0.0"
    assert passage.objectives[0].evidence[0].text in passage.text
    cells = store.coverage()
    assert any(c.country == "JO" and c.objective == 15 and c.passages == 1 for c in cells)


def test_a_failure_leaves_no_half_document(store: SQLiteStore, engine: Engine) -> None:
    analysed = _analysed(engine, "First paragraph on migrants.\n\nSecond paragraph on migrants.")
    first, second = analysed.passages
    clash = dataclasses.replace(second, passage=dataclasses.replace(second.passage, index=0))
    broken = dataclasses.replace(analysed, passages=(first, clash))
    with pytest.raises(StoreError, match="nothing of it was kept"):
        store.add_document(broken)
    assert not store.has_document(analysed.document.id)
    assert store.connection.execute("SELECT count(*) FROM passages").fetchone()[0] == 0
    store.add_document(analysed)
    assert len(store.passages()) == 2


def test_arabic_search_ignores_clitics_diacritics_and_alef_forms(
    store: SQLiteStore, engine: Engine
) -> None:
    store.add_document(
        _analysed(
            engine, "تُقدّم الوزارة الرعاية الصحية للمهاجرين في إطار الاتفاق العالمي.", "ar.txt"
        )
    )
    store.add_document(_analysed(engine, "Le centre de Genève accueille les migrants.", "fr.txt"))
    assert len(store.passages(query="المهاجرين")) == 1
    assert len(store.passages(query="تقدم")) == 1
    assert len(store.passages(query="الاتفاق")) == 1
    assert len(store.passages(query="geneve")) == 1
    assert store.passages(query="...") == []


def test_filters_combine(store: SQLiteStore, engine: Engine) -> None:
    store.add_document(
        _analysed(
            engine, "Remittance costs for migrants fell to 4 per cent.", "a.txt", country="PH"
        )
    )
    store.add_document(
        _analysed(
            engine, "Remittance transfer fees paid by migrants were cut.", "b.txt", country="MX"
        )
    )
    assert len(store.passages(query="remittance")) == 2
    assert len(store.passages(query="remittance", country="ph")) == 1
    assert len(store.passages(objective=20, lang="en")) == 2
    assert store.passages(objective=20, lang="ar") == []
    assert len(store.passages(limit=1)) == 1


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are notes, not a database " * 100, encoding="utf-8")
    with pytest.raises(StoreError, match="cannot open as a gcm-review database"):
        SQLiteStore(path)
    assert path.read_text(encoding="utf-8").startswith("these are notes")


def test_schema_version_is_checked(db_path: Path) -> None:
    SQLiteStore(db_path).close()
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    with pytest.raises(StoreError, match="schema version 99"):
        SQLiteStore(db_path)


def test_a_version_1_database_is_migrated(db_path: Path, engine: Engine) -> None:
    with sqlite3.connect(db_path) as connection:
        connection.executescript(
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
            "INSERT INTO meta VALUES ('schema_version', '1');"
            "CREATE TABLE entities (passage_id INTEGER NOT NULL, type TEXT NOT NULL,"
            " value TEXT NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL,"
            ' "end" INTEGER NOT NULL);'
        )
    with SQLiteStore(db_path) as store:
        store.add_document(_analysed(engine, "Le Maroc a ouvert ses écoles aux enfants migrants."))
        [morocco] = store.entities("country")
        assert (morocco.value, morocco.acting) == ("MA", 1)
    with sqlite3.connect(db_path) as connection:
        version = connection.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    assert version == ("2",)
