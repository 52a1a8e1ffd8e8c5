"""Plain JSON records of what the pipeline found: the ``classify`` contract and ``analyze``."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from ..extract.bodies import glued_length
from ..gazetteer import country_name, load_organisations
from ..models import AnalysedDocument, AnalysedPassage, Event, Evidence, Mapping, Match
from ..text import fold

_ACRONYM = re.compile(r"[A-Z][A-Z0-9&-]{1,9}")  # "MWSN", "ANETI", "CSTMM"


def _evidence(evidence: Iterable[Evidence]) -> list[str]:
    return list(dict.fromkeys(e.text for e in evidence))


def _matches(matches: Iterable[Match], key: str) -> list[dict[str, Any]]:
    return [
        {
            key: int(m.target) if key == "objective" else m.target,
            "score": m.score,
            "evidence": _evidence(m.evidence),
        }
        for m in matches
    ]


def _explained(matches: Sequence[Match], key: str) -> list[dict[str, Any]]:
    """The matches as ``classify`` gives them, each piece of evidence also told apart:
    a reference or cue with its span in the passage, the heading the passage stands under
    (``heading``, not in the passage), or the framework's example statement the passage is
    closest to (``prototype``, with the similarity; not text of the document)."""
    records = _matches(matches, key)
    for record, match in zip(records, matches, strict=True):
        record["explanation"] = [_explanation(e) for e in match.evidence]
    return records


def _explanation(evidence: Evidence) -> dict[str, Any]:
    if evidence.kind == "prototype":
        return {"kind": "prototype", "text": evidence.text, "similarity": evidence.weight}
    if evidence.kind == "heading":
        return {"kind": "heading", "text": evidence.text}
    return {
        "kind": evidence.kind,
        "text": evidence.text,
        "start": evidence.start,
        "end": evidence.end,
    }


def classify_record(mapping: Mapping, record_id: str) -> dict[str, Any]:
    """One output line of ``classify`` (the contract of DESIGN.md)."""
    return {
        "id": record_id,
        "lang": mapping.lang,
        "objectives": _matches(mapping.objectives, "objective"),
        "principles": _matches(mapping.principles, "principle"),
        "statement_type": mapping.statement_type,
        "countries": mapping.countries,
        "organisations": mapping.organisations,
    }


def _passage_entities(analysed: AnalysedPassage) -> list[dict[str, Any]]:
    entities = [
        {"type": e.type, "text": e.text, "start": e.start, "end": e.end, "id": e.value}
        | ({"actor": e.actor} if e.type == "country" else {})
        for e in analysed.mapping.entities
    ]
    entities += [
        {"type": "person", "text": p.name, "start": p.start, "end": p.end, "id": p.key}
        for p in analysed.people
    ]
    entities += [
        {"type": "date", "text": d.text, "start": d.start, "end": d.end, "value": d.value}
        for d in analysed.dates
    ]
    entities += [
        {
            "type": "place",
            "text": p.text,
            "start": p.start,
            "end": p.end,
            "id": p.city,
            "country": p.country,
        }
        for p in analysed.places
    ]
    return sorted(entities, key=lambda e: (e["start"], e["type"]))


def _passage_record(analysed: AnalysedPassage) -> dict[str, Any]:
    passage, mapping = analysed.passage, analysed.mapping
    return {
        "index": passage.index,
        "paragraph": passage.paragraph,
        "page": passage.page,
        "heading": passage.heading,
        "text": passage.text,
        "lang": mapping.lang,
        "objectives": _explained(mapping.objectives, "objective"),
        "principles": _explained(mapping.principles, "principle"),
        "statement_type": mapping.statement_type,
        "actors": list(analysed.actors),
        "speakers": list(analysed.speakers),
        "entities": _passage_entities(analysed),
    }


def _countries(document: AnalysedDocument) -> list[dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}

    def mention(code: str, index: int, actor: bool) -> None:
        row = found.setdefault(
            code,
            {
                "code": code,
                "name": country_name(code, document.lang),
                "actor": False,
                "passages": [],
            },
        )
        row["actor"] = row["actor"] or actor
        if index not in row["passages"]:
            row["passages"].append(index)

    for analysed in document.passages:
        index = analysed.passage.index
        for entity in analysed.mapping.entities:
            if entity.type == "country":
                acting = entity.actor or entity.value in analysed.actors
                mention(entity.value, index, acting)
        for place in analysed.places:  # the state of a city named: concerned, not acting
            mention(place.country, index, False)
    if document.info.country and document.info.country not in found:
        for analysed in document.passages:
            mention(document.info.country, analysed.passage.index, True)
    return list(found.values())


def _organisations(document: AnalysedDocument) -> list[dict[str, Any]]:
    """The organisations of a document under their id, with the forms the document writes
    (``written``: a ministry's id stands for its function, its written name says whose)."""
    gazetteer = {org.id: org for org in load_organisations().organisations}
    found: dict[str, dict[str, Any]] = {}
    for analysed in document.passages:
        for entity in analysed.mapping.entities:
            if entity.type != "organisation":
                continue
            org = gazetteer.get(entity.value)
            if org is None:  # found by its shape, not in the gazetteer
                first = {"name": entity.text, "name_en": None, "acronym": None, "kind": "unknown"}
            else:
                names = org.names.get(document.lang) or org.names.get("en") or [entity.text]
                first = {
                    "name": names[0],
                    "name_en": (org.names.get("en") or names)[0],
                    "acronym": org.acronyms[0] if org.acronyms else None,
                    "kind": org.kind,
                }
            known = org is not None
            row = found.setdefault(
                entity.value,
                {"id": entity.value, **first, "known": known, "written": [], "passages": []},
            )
            written = _unglued(entity.text, _name_heads(entity.value) if org else frozenset())
            if written not in row["written"]:
                row["written"].append(written)
            if row["acronym"] is None and _ACRONYM.fullmatch(written):
                row["acronym"] = written  # an unknown body's acronym, written in the document
            if analysed.passage.index not in row["passages"]:
                row["passages"].append(analysed.passage.index)
    return list(found.values())


def _unglued(text: str, heads: frozenset[str]) -> str:
    """A body's name as written, without the conjunction or preposition glued to it in
    Arabic ("وجامعة الدول العربية" -> "جامعة الدول العربية"); ``heads`` are the folded
    first words of the body's names."""
    return text[glued_length(text.split(" ", 1)[0], heads) :]


@cache
def _name_heads(org_id: str) -> frozenset[str]:
    """The folded first words of a gazetteer body's names, in every language."""
    org = next(o for o in load_organisations().organisations if o.id == org_id)
    return frozenset(fold(name.split(" ", 1)[0]) for forms in org.names.values() for name in forms)


def _people(document: AnalysedDocument) -> list[dict[str, Any]]:
    """People merged across passages under one key, keeping the fullest description."""
    found: dict[str, dict[str, Any]] = {}
    for analysed in document.passages:
        for person in analysed.people:
            row = found.setdefault(
                person.key,
                {
                    "name": person.name,
                    "honorific": None,
                    "role": None,
                    "affiliation": None,
                    "country": None,
                    "passages": [],
                },
            )
            for field in ("honorific", "role", "affiliation", "country"):
                row[field] = row[field] or getattr(person, field)
            if analysed.passage.index not in row["passages"]:
                row["passages"].append(analysed.passage.index)
    return list(found.values())


def event_record(event: Event) -> dict[str, Any]:
    """An event and its sessions as plain JSON."""
    return {
        "key": event.key,
        "name": event.name,
        "kind": event.kind,
        "ordinal": event.ordinal,
        "city": event.city,
        "country": event.country,
        "start": event.start,
        "end": event.end,
        "organisers": list(event.organisers),
        "passages": list(event.passages),
        "sessions": [
            {
                "title": s.title,
                "kind": s.kind,
                "passage": s.passage,
                "objectives": list(s.objectives),
                "chair": {"country": s.chair_country, "person": s.chair_person},
                "speakers": list(s.speakers),
                "date": s.date,
            }
            for s in event.sessions
        ],
    }


def analysis_record(document: AnalysedDocument) -> dict[str, Any]:
    """The ``analyze`` record of one document: passages and the facts they state."""
    doc, info = document.document, document.info
    return {
        "document": {
            "id": doc.id,
            "source": doc.source,
            "title": info.title or doc.title,
            "lang": document.lang,
            "date": document.date,
            "kind": info.kind,
            "country": info.country,
            "framework": document.framework,
        },
        "passages": [_passage_record(p) for p in document.passages],
        "countries": _countries(document),
        "organisations": _organisations(document),
        "people": _people(document),
        "dates": [
            {"text": d.text, "value": d.value, "passage": p.passage.index}
            for p in document.passages
            for d in p.dates
        ],
        "places": [
            {
                "text": place.text,
                "city": place.city,
                "country": place.country,
                "passage": p.passage.index,
            }
            for p in document.passages
            for place in p.places
        ],
        "events": [event_record(e) for e in document.events],
    }
