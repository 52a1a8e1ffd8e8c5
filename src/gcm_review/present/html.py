"""Render the evidence map as one self-contained HTML page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from ..analyse import CoverageMatrix
from ..framework import Framework
from ..gazetteer import country_name
from ..store import StoredEvent, StoredPassage


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of passage text, highlighted or not."""

    text: str
    mark: bool


def highlight(text: str, spans: list[tuple[int, int]]) -> list[Segment]:
    """Split ``text`` into plain and highlighted runs; overlapping spans are merged."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    segments: list[Segment] = []
    cursor = 0
    for start, end in merged:
        if start > cursor:
            segments.append(Segment(text[cursor:start], False))
        segments.append(Segment(text[start:end], True))
        cursor = end
    if cursor < len(text):
        segments.append(Segment(text[cursor:], False))
    return segments


def render_report(
    matrix: CoverageMatrix,
    passages: list[StoredPassage],
    framework: Framework,
    lang: str = "en",
    events: Sequence[StoredEvent] = (),
) -> str:
    """Render the HTML report: the coverage heat map, the meetings the documents report
    with their sessions, then per objective its evidence.

    Args:
        matrix: the coverage matrix.
        passages: every stored passage with its mapping.
        framework: gives the objective titles.
        lang: language of the objective titles (ar, en, es, fr).
        events: the stored meetings (``Store.events``), most recent first.
    """
    environment = Environment(
        loader=PackageLoader("gcm_review", "present/templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    sections = []
    for number, objective in sorted(framework.objectives.items()):
        items: list[dict[str, Any]] = []
        for passage in passages:
            match = next((m for m in passage.objectives if m.target == str(number)), None)
            if match is not None:
                spans = [(e.start, e.end) for e in match.evidence if e.end > e.start]
                items.append(
                    {"passage": passage, "match": match, "segments": highlight(passage.text, spans)}
                )
        items.sort(key=lambda item: -item["match"].score)
        sections.append({"number": number, "title": objective.title.get(lang), "items": items})
    template = environment.get_template("report.html.j2")
    return template.render(
        matrix=matrix,
        sections=sections,
        framework=framework,
        lang=lang,
        names={code: country_name(code, lang) for code in matrix.countries},
        short={n: o.short.get(lang) for n, o in framework.objectives.items()},
        peak=max(matrix.maximum(), 1),
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        documents=len({p.document_id for p in passages}),
        events=events,
    )


def write_report(html: str, path: Path | str) -> Path:
    """Write the rendered report and return its path."""
    target = Path(path)
    target.write_text(html, encoding="utf-8")
    return target
