"""The bundled sample corpus, and the demo run over it."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

from .analyse import CoverageMatrix, coverage_matrix
from .datafiles import load_model
from .models import DocumentInfo
from .pipeline import Engine, IngestReport, ingest
from .present.html import render_report, write_report
from .store import open_store

_Phrase = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class SampleDocument(BaseModel):
    """One entry of the demo manifest."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    file: _Phrase
    title: _Phrase
    kind: _Phrase
    country: str | None
    cycle: int | None
    date: datetime.date | None
    lang: _Phrase


class Manifest(BaseModel):
    """The demo manifest: a note on the samples and their metadata."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: _Phrase
    source: _Phrase
    note: _Phrase
    documents: list[SampleDocument]


@dataclass(frozen=True)
class DemoResult:
    """What the demo produced."""

    database: Path
    report: Path
    ingest: IngestReport
    matrix: CoverageMatrix


def demo_corpus_path() -> Path:
    """The folder of the bundled sample documents."""
    return Path(str(resources.files("gcm_review") / "data" / "demo"))


def load_manifest() -> Manifest:
    """Read the demo manifest."""
    folder = demo_corpus_path()
    return load_model(folder / "manifest.yaml", Manifest, "demo/manifest.yaml")


def run_demo(database: Path | str, report: Path | str, engine: Engine | None = None) -> DemoResult:
    """Ingest the sample corpus with its declared metadata, then write the HTML report.

    Args:
        database: SQLite file to create or update.
        report: path of the HTML report to write.
        engine: the pipeline (the default GCM engine when omitted).
    """
    engine = engine or Engine()
    folder = demo_corpus_path()
    total = IngestReport()
    with open_store(database) as store:
        for sample in load_manifest().documents:
            info = DocumentInfo(
                country=sample.country,
                kind=sample.kind,
                cycle=sample.cycle,
                title=sample.title,
                date=sample.date.isoformat() if sample.date else None,
            )
            result = ingest([folder / sample.file], store, info, engine)
            total.added += result.added
            total.unchanged += result.unchanged
            total.failed += result.failed
        matrix = coverage_matrix(store, engine.framework)
        html = render_report(matrix, store.passages(), engine.framework, events=store.events())
    return DemoResult(Path(database), write_report(html, report), total, matrix)
