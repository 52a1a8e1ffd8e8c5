"""The default store: one SQLite file (WAL journal, FTS5 full-text index)."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from ..errors import StoreError
from ..models import AnalysedDocument, AnalysedPassage, Event, Evidence, Match, Session
from ..text import fold, surface_keys
from .base import (
    CoverageCell,
    Store,
    StoredDocument,
    StoredEntity,
    StoredEvent,
    StoredMatch,
    StoredPassage,
)

SCHEMA_VERSION = 2
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY, source TEXT NOT NULL, title TEXT NOT NULL, format TEXT NOT NULL,
    kind TEXT NOT NULL, country TEXT, cycle INTEGER, lang TEXT NOT NULL, date TEXT,
    pages INTEGER NOT NULL, framework TEXT NOT NULL, ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS passages (
    id INTEGER PRIMARY KEY, document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, paragraph INTEGER NOT NULL, page INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, heading TEXT NOT NULL, lang TEXT NOT NULL,
    text TEXT NOT NULL, statement_type TEXT NOT NULL, UNIQUE (document_id, idx)
);
CREATE TABLE IF NOT EXISTS matches (
    passage_id INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('objective', 'principle')), target TEXT NOT NULL,
    score REAL NOT NULL, evidence TEXT NOT NULL, framework TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS matches_target ON matches (kind, target);
CREATE TABLE IF NOT EXISTS entities (
    passage_id INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
    type TEXT NOT NULL, value TEXT NOT NULL, text TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    actor INTEGER NOT NULL DEFAULT 0, data TEXT
);
CREATE INDEX IF NOT EXISTS entities_value ON entities (type, value);
CREATE TABLE IF NOT EXISTS actors (
    passage_id INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
    country TEXT NOT NULL, PRIMARY KEY (passage_id, country)
);
CREATE TABLE IF NOT EXISTS events (
    key TEXT PRIMARY KEY, event TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS event_documents (
    event_key TEXT NOT NULL REFERENCES events(key),
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (event_key, document_id)
);
CREATE VIRTUAL TABLE IF NOT EXISTS passages_fts USING fts5(
    body, content='', tokenize='unicode61 remove_diacritics 2'
);
"""


# statements that bring a database of version N to N + 1
_MIGRATIONS = {
    1: "ALTER TABLE entities ADD COLUMN actor INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE entities ADD COLUMN data TEXT;",
}


def search_keys(text: str) -> str:
    """The text the full-text index holds for ``text``: folded words, Arabic without clitics.

    Indexing and querying go through the same function, so "للمهاجرين" finds "المهاجرين"
    and "geneve" finds "Genève".
    """
    return " ".join(surface_keys(text))


class SQLiteStore(Store):
    """A store in one SQLite file.

    Args:
        path: the database file; created with its schema when missing.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        try:
            self.connection = sqlite3.connect(self.path)
            self.connection.execute("PRAGMA journal_mode=WAL")
            self.connection.execute("PRAGMA foreign_keys=ON")
            self.connection.executescript(_SCHEMA)
            self._check_version()
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"{self.path}: cannot open as a gcm-review database ({exc}); "
                "give another --db path or remove the file"
            ) from exc

    def _check_version(self) -> None:
        row = self.connection.execute(
            "SELECT value FROM meta WHERE key='schema_version'"
        ).fetchone()
        if row is None:
            with self.connection:
                self.connection.execute(
                    "INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
                )
        elif int(row[0]) in _MIGRATIONS:
            with self.connection:
                for version in range(int(row[0]), SCHEMA_VERSION):
                    self.connection.executescript(_MIGRATIONS[version])
                self.connection.execute(
                    "UPDATE meta SET value=? WHERE key='schema_version'", (str(SCHEMA_VERSION),)
                )
        elif int(row[0]) != SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: schema version {row[0]}, this gcm-review expects {SCHEMA_VERSION}"
            )

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Cursor]:
        cursor = self.connection.cursor()
        try:
            cursor.execute("BEGIN IMMEDIATE")
            yield cursor
            cursor.execute("COMMIT")
        except BaseException:
            cursor.execute("ROLLBACK")
            raise
        finally:
            cursor.close()

    def has_document(self, document_id: str) -> bool:
        row = self.connection.execute("SELECT 1 FROM documents WHERE id=?", (document_id,))
        return row.fetchone() is not None

    def add_document(self, document: AnalysedDocument) -> None:
        doc, info = document.document, document.info
        try:
            with self._transaction() as cursor:
                cursor.execute(
                    "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        doc.id,
                        doc.source,
                        info.title or doc.title or Path(doc.source).name,
                        doc.format,
                        info.kind,
                        info.country,
                        info.cycle,
                        document.lang,
                        document.date,
                        len(doc.pages),
                        document.framework,
                        datetime.now(UTC).isoformat(timespec="seconds"),
                    ),
                )
                for analysed in document.passages:
                    self._add_passage(cursor, doc.id, analysed)
                for event in document.events:
                    self._add_event(cursor, doc.id, event)
        except sqlite3.Error as exc:
            raise StoreError(
                f"{self.path}: could not store {doc.source} ({exc}); nothing of it was kept"
            ) from exc

    def _add_passage(
        self, cursor: sqlite3.Cursor, document_id: str, analysed: AnalysedPassage
    ) -> None:
        passage, mapping = analysed.passage, analysed.mapping
        cursor.execute(
            'INSERT INTO passages (document_id, idx, paragraph, page, start, "end", heading, lang,'
            " text, statement_type) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                document_id,
                passage.index,
                passage.paragraph,
                passage.page,
                passage.start,
                passage.end,
                passage.heading,
                mapping.lang,
                passage.text,
                mapping.statement_type,
            ),
        )
        passage_id = int(cursor.lastrowid or 0)
        cursor.execute(
            "INSERT INTO passages_fts (rowid, body) VALUES (?, ?)",
            (passage_id, search_keys(passage.text)),
        )
        cursor.executemany(
            "INSERT INTO matches VALUES (?,?,?,?,?,?)",
            [
                (passage_id, m.kind, m.target, m.score, _evidence_json(m), m.framework)
                for m in (*mapping.objectives, *mapping.principles)
            ],
        )
        cursor.executemany(
            "INSERT INTO entities VALUES (?,?,?,?,?,?,?,?)", _entity_rows(passage_id, analysed)
        )
        cursor.executemany(
            "INSERT INTO actors VALUES (?,?)", [(passage_id, code) for code in analysed.actors]
        )

    def _add_event(self, cursor: sqlite3.Cursor, document_id: str, event: Event) -> None:
        # kind and ordinal (and state, when given) name a meeting even where a report gives
        # no date
        numbered = event.ordinal is not None
        key = _dated_key(cursor, event) if numbered and not event.start else event.key
        row = cursor.execute("SELECT event FROM events WHERE key=?", (key,)).fetchone()
        # passages are positions in one document: across documents they mean nothing
        merged = merge_events(_event_from_json(row[0]), event) if row else event
        merged = dataclasses.replace(merged, key=key, passages=())
        # the same meeting may be stored without a date, with its state or without one
        undated = _undated_keys(cursor, key) if numbered and event.start else []
        for other in undated:
            found = cursor.execute("SELECT event FROM events WHERE key=?", (other,)).fetchone()
            if found is not None:
                merged = merge_events(merged, _event_from_json(found[0]))
        cursor.execute(
            "INSERT INTO events VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET event=excluded.event",
            (key, json.dumps(dataclasses.asdict(merged), ensure_ascii=False)),
        )
        for other in undated:
            cursor.execute(
                "UPDATE OR IGNORE event_documents SET event_key=? WHERE event_key=?", (key, other)
            )
            cursor.execute("DELETE FROM event_documents WHERE event_key=?", (other,))
            cursor.execute("DELETE FROM events WHERE key=?", (other,))
        cursor.execute("INSERT OR IGNORE INTO event_documents VALUES (?, ?)", (key, document_id))

    def events(self) -> list[StoredEvent]:
        rows = self.connection.execute(
            "SELECT e.event, json_group_array(d.document_id) FROM events e"
            " JOIN event_documents d ON d.event_key = e.key GROUP BY e.key"
        ).fetchall()
        found = [StoredEvent(_event_from_json(e), tuple(json.loads(d))) for e, d in rows]
        return sorted(found, key=lambda s: s.event.start or "", reverse=True)

    def documents(self) -> list[StoredDocument]:
        rows = self.connection.execute(
            "SELECT d.id, d.source, d.title, d.kind, d.country, d.cycle, d.lang, d.date,"
            " (SELECT count(*) FROM passages p WHERE p.document_id = d.id), d.framework"
            " FROM documents d ORDER BY d.ingested_at, d.rowid"
        )
        return [StoredDocument(*row) for row in rows]

    def coverage(self) -> list[CoverageCell]:
        rows = self.connection.execute(
            "SELECT a.country, CAST(m.target AS INTEGER), count(DISTINCT p.id),"
            " count(DISTINCT p.document_id)"
            " FROM matches m JOIN passages p ON p.id = m.passage_id"
            " JOIN actors a ON a.passage_id = p.id WHERE m.kind = 'objective'"
            " GROUP BY a.country, m.target"
        )
        return [CoverageCell(*row) for row in rows]

    def passages(
        self,
        objective: int | None = None,
        country: str | None = None,
        lang: str | None = None,
        query: str | None = None,
        limit: int | None = None,
    ) -> list[StoredPassage]:
        where: list[str] = []
        params: list[object] = []
        if objective is not None:
            where.append(
                "p.id IN (SELECT passage_id FROM matches WHERE kind='objective' AND target=?)"
            )
            params.append(str(objective))
        if country is not None:
            where.append("p.id IN (SELECT passage_id FROM actors WHERE country=?)")
            params.append(country.upper())
        if lang is not None:
            where.append("p.lang = ?")
            params.append(lang)
        if query:
            expression = _fts_query(query)
            if not expression:
                return []
            where.append("p.id IN (SELECT rowid FROM passages_fts WHERE passages_fts MATCH ?)")
            params.append(expression)
        sql = (
            "SELECT p.id, p.document_id, d.title, p.idx, p.page, p.heading, p.lang, p.text,"
            " p.statement_type FROM passages p JOIN documents d ON d.id = p.document_id"
        )
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY d.rowid, p.idx"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [self._passage(row) for row in self.connection.execute(sql, params).fetchall()]

    def _passage(self, row: tuple[object, ...]) -> StoredPassage:
        passage_id = int(str(row[0]))
        matches = self.connection.execute(
            "SELECT kind, target, score, evidence, framework FROM matches WHERE passage_id=?"
            " ORDER BY score DESC, rowid",
            (passage_id,),
        ).fetchall()
        actors = [
            r[0]
            for r in self.connection.execute(
                "SELECT country FROM actors WHERE passage_id=? ORDER BY rowid", (passage_id,)
            )
        ]
        stored = {
            kind: tuple(
                StoredMatch(t, s, _evidence_from_json(e), f)
                for k, t, s, e, f in matches
                if k == kind
            )
            for kind in ("objective", "principle")
        }
        return StoredPassage(
            passage_id,
            str(row[1]),
            str(row[2]),
            int(str(row[3])),
            int(str(row[4])),
            str(row[5]),
            str(row[6]),
            str(row[7]),
            str(row[8]),
            tuple(actors),
            stored["objective"],
            stored["principle"],
        )

    def entities(self, type: str | None = None) -> list[StoredEntity]:
        where = "WHERE e.type = ?" if type else ""
        rows = self.connection.execute(
            "SELECT e.type, e.value, count(DISTINCT p.document_id), count(DISTINCT e.passage_id),"
            " count(DISTINCT CASE WHEN e.actor THEN e.passage_id END),"
            " json_group_array(e.text), json_group_array(e.data)"
            f" FROM entities e JOIN passages p ON p.id = e.passage_id {where}"
            " GROUP BY e.type, e.value ORDER BY 4 DESC, 1, 2",
            (type,) if type else (),
        ).fetchall()
        return [
            StoredEntity(kind, value, _most_common(texts), docs, passages, acting, _details(data))
            for kind, value, docs, passages, acting, texts, data in rows
        ]

    def close(self) -> None:
        self.connection.close()


def _entity_rows(passage_id: int, analysed: AnalysedPassage) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = [
        (passage_id, e.type, e.value, e.text, e.start, e.end, int(e.actor), None)
        for e in analysed.mapping.entities
    ]
    for person in analysed.people:
        data = {
            "honorific": person.honorific,
            "role": person.role,
            "affiliation": person.affiliation,
            "country": person.country,
        }
        rows.append(
            (
                passage_id,
                "person",
                person.key,
                person.name,
                person.start,
                person.end,
                0,
                json.dumps(data, ensure_ascii=False),
            )
        )
    rows += [(passage_id, "date", d.value, d.text, d.start, d.end, 0, None) for d in analysed.dates]
    return rows


def _undated(key: str) -> str:
    """An event key without its date: 'conference|2|EG|2024-07' → 'conference|2|EG|'."""
    return key.rsplit("|", 1)[0] + "|"


def _dated_key(cursor: sqlite3.Cursor, event: Event) -> str:
    """The key of the one stored meeting an undated report of a meeting stands for: same
    kind, ordinal and state (any state when the report names none), with a date (the second
    regional review in Egypt is one meeting, whether or not a report gives its month). With
    several candidates, the event keeps its own key."""
    dated = _dated(cursor, _undated(event.key) if event.country else _stateless(event.key))
    return dated[0] if len(dated) == 1 else event.key


def _undated_keys(cursor: sqlite3.Cursor, key: str) -> list[str]:
    """The undated keys a dated meeting's key takes over: its own without the date, and its
    kind and ordinal alone when it is the only dated meeting of them."""
    keys = [_undated(key)]
    if _dated(cursor, _stateless(key)) in ([], [key]):
        keys.append(_stateless(key) + "|")
    return [k for k in dict.fromkeys(keys) if k != key]


def _dated(cursor: sqlite3.Cursor, prefix: str) -> list[str]:
    """The stored keys with a date that start with ``prefix``."""
    rows = cursor.execute(
        "SELECT key FROM events WHERE substr(key, 1, ?) = ? AND substr(key, -1) != '|'",
        (len(prefix), prefix),
    ).fetchall()
    return [str(row[0]) for row in rows]


def _stateless(key: str) -> str:
    """An event key's kind and ordinal: 'conference|2|EG|2024-07' → 'conference|2|'."""
    kind, ordinal, *_ = key.split("|")
    return f"{kind}|{ordinal}|"


def merge_events(old: Event, new: Event) -> Event:
    """One event reported twice: the fuller name, every organiser, every session once (a
    session is the same when its title is, or when its kind and objectives are, as with the
    same plenary reported in two languages)."""
    seen = {fold(s.title) for s in old.sessions} | {
        (s.kind, s.objectives) for s in old.sessions if s.objectives
    }

    def known(session: Session) -> bool:
        return fold(session.title) in seen or (session.kind, session.objectives) in seen

    return dataclasses.replace(
        old,
        name=max(old.name, new.name, key=len),
        city=old.city or new.city,
        country=old.country or new.country,
        start=old.start or new.start,
        end=old.end or new.end,
        organisers=tuple(dict.fromkeys((*old.organisers, *new.organisers))),
        sessions=(*old.sessions, *(s for s in new.sessions if not known(s))),
    )


def _event_from_json(raw: str) -> Event:
    data = json.loads(raw)
    sessions = tuple(
        Session(**{**s, "speakers": tuple(s["speakers"]), "objectives": tuple(s["objectives"])})
        for s in data.pop("sessions")
    )
    return Event(
        **{**data, "organisers": tuple(data["organisers"]), "passages": tuple(data["passages"])},
        sessions=sessions,
    )


def _most_common(texts: str) -> str:
    counts = Counter(json.loads(texts))
    return counts.most_common(1)[0][0] if counts else ""


def _details(data: str) -> dict[str, str]:
    """The first non-empty value of each field over the stored descriptions."""
    merged: dict[str, str] = {}
    for item in json.loads(data):
        for field, value in (json.loads(item) if item else {}).items():
            if value and field not in merged:
                merged[field] = value
    return merged


def _fts_query(query: str) -> str:
    terms = search_keys(query).split()
    return " ".join(f'"{term}"' for term in terms)


def _evidence_json(match: Match) -> str:
    return json.dumps(
        [[e.text, e.start, e.end, e.kind, e.weight] for e in match.evidence], ensure_ascii=False
    )


def _evidence_from_json(raw: str) -> tuple[Evidence, ...]:
    return tuple(Evidence(t, s, e, k, w) for t, s, e, k, w in json.loads(raw))
