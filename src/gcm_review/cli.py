"""Command-line interface: each command parses, calls one library function, and renders."""

from __future__ import annotations

import dataclasses
import datetime
import json
import logging
import sys
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from babel import Locale
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from . import (
    DOCUMENT_KINDS,
    DocumentInfo,
    Engine,
    GcmReviewError,
    MappingOptions,
    Options,
    Query,
    check_framework,
    collect_files,
    coverage_matrix,
    evaluate,
    ingest,
    known_kind,
    load_framework,
    load_gold,
    open_store,
    read_document,
    render_report,
    run_demo,
    search_passages,
    write_report,
)
from .analyse import ENTITY_TYPES, list_entities, list_events
from .evaluate import INTERVAL_METRICS
from .pipeline import default_cache_dir
from .present.coverage import coverage_csv, coverage_json, coverage_table
from .present.records import analysis_record, classify_record, event_record
from .training import train_framework, write_fusion

app = typer.Typer(
    help="Map Global Compact for Migration review documents to the GCM objectives and principles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
framework_app = typer.Typer(help="Work with framework folders.", no_args_is_help=True)
app.add_typer(framework_app, name="framework")

# Piped output is not cut to 80 columns: the coverage table is wider than that.
out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[Path, typer.Option("--db", help="SQLite database file.")]
DEFAULT_DB = Path("gcm-review.db")
_DRAWS = 1000  # bootstrap resamples of `evaluate --intervals`


def _mode(value: str) -> str:
    if value not in {"full", "lexical"}:
        raise typer.BadParameter("choose full or lexical")
    return value


ModeOption = typer.Option(
    help="full (lexical + semantic) or lexical (faster, no encoder).", callback=_mode
)


def _engine(mode: str) -> Engine:
    mapping = MappingOptions(
        mode="lexical" if mode == "lexical" else "full", cache_dir=default_cache_dir()
    )
    return Engine(options=Options(mapping=mapping))


@contextmanager
def _library_errors() -> Iterator[None]:
    """Turn library errors into one message on stderr and exit code 1."""
    try:
        yield
    except GcmReviewError as exc:
        err.print(f"[red]error:[/red] {exc}", markup=True, highlight=False)
        raise typer.Exit(1) from exc


_SPEAKER_HELP = "Without it, a statement heading says it ('Statement by the Delegation of Ghana')."


def _country(value: str | None) -> str | None:
    if value is None:
        return None
    code = value.strip().upper()
    if len(code) != 2 or code not in Locale("en").territories:
        raise typer.BadParameter(f"{value!r} is not an ISO 3166-1 alpha-2 code (e.g. MA, JO, EG)")
    return code


def _date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD") from exc


def _kind(value: str) -> str:
    if value not in DOCUMENT_KINDS:
        raise typer.BadParameter(f"{value!r}; choose one of {', '.join(DOCUMENT_KINDS)}")
    return value


@app.callback()
def _main(
    verbose: Annotated[int, typer.Option("-v", "--verbose", count=True, help="More logging.")] = 0,
) -> None:
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


@app.command("ingest")
def ingest_command(
    paths: Annotated[
        list[Path], typer.Argument(help="Files or directories (searched recursively).")
    ],
    db: DbOption = DEFAULT_DB,
    country: Annotated[
        str | None,
        typer.Option(
            help=f"ISO code of the state the documents speak for. {_SPEAKER_HELP}",
            callback=_country,
        ),
    ] = None,
    kind: Annotated[str, typer.Option(help="Document kind.", callback=_kind)] = "other",
    cycle: Annotated[int | None, typer.Option(help="Review cycle (year).")] = None,
    title: Annotated[str | None, typer.Option(help="Title to store instead of the file's.")] = None,
    date: Annotated[
        str | None, typer.Option(help="Publication date, YYYY-MM-DD.", callback=_date)
    ] = None,
) -> None:
    """Read documents, map every passage, and store the evidence."""
    info = DocumentInfo(country=country, kind=kind, cycle=cycle, title=title, date=date)
    files = collect_files(paths)
    with _library_errors(), open_store(db) as store, Progress(console=err, transient=True) as bar:
        task = bar.add_task("ingesting", total=len(files))
        report = ingest(files, store, info, on_file=lambda _: bar.advance(task))
    for source in report.unchanged:
        err.print(f"unchanged: {source} (these bytes are already stored)", highlight=False)
    for source, reason in report.failed:
        err.print(f"[red]failed:[/red] {source}: {reason}", highlight=False)
    err.print(
        f"{len(report.added)} added, {len(report.unchanged)} unchanged, "
        f"{len(report.failed)} failed → {db}",
        highlight=False,
    )
    if report.failed:
        raise typer.Exit(1)


def _read_records(
    source: TextIO, name: str, ids: deque[str], failures: list[int]
) -> Iterator[Query]:
    """Yield the query of each valid line, queueing its id; report bad lines on stderr."""
    for number, line in enumerate(source, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text, record_id = record["text"], str(record["id"])
            if not isinstance(text, str):
                raise TypeError("'text' must be a string")
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            failures.append(number)
            err.print(
                f"{name}:{number}: skipped ({exc}); each line must be a JSON object "
                'like {"id": "p1", "text": "...", "lang": "fr"}',
                highlight=False,
            )
            continue
        ids.append(record_id)
        heading = record.get("heading")
        yield Query(text, record.get("lang") or None, known_kind(record), str(heading or ""))


def _classify_stream(source: TextIO, name: str, engine: Engine) -> int:
    ids: deque[str] = deque()
    failures: list[int] = []
    for mapping in engine.classify_many(_read_records(source, name, ids, failures)):
        record = classify_record(mapping, ids.popleft())
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(failures)


@app.command("classify")
def classify_command(
    file: Annotated[str, typer.Argument(help="JSON Lines file, or - for standard input.")] = "-",
    mode: Annotated[str, ModeOption] = "full",
) -> None:
    """Map JSON Lines passages {"id", "text", "lang"?, "kind"?, "heading"?} and print one JSON
    line each.

    "kind" (or "genre") is the kind of document a passage comes from, one of the ingest
    kinds; it helps tell the statement type. "heading" is the headings above the passage,
    outermost first, joined with " > "; one that cites or names objectives ("Objective 6: ...",
    "Fair recruitment and decent work") or a guiding principle ("Whole-of-society approach")
    files the passage under them, and one that names its section ("Challenges") leans its
    statement type. Streams: passages are read, encoded in
    batches and written as they come, in input order.
    """
    with _library_errors():
        engine = _engine(mode)
        if file == "-":
            failures = _classify_stream(sys.stdin, "<stdin>", engine)
        else:
            path = Path(file)
            if not path.is_file():
                raise typer.BadParameter(f"{file}: no such file", param_hint="FILE")
            with path.open(encoding="utf-8") as handle:
                failures = _classify_stream(handle, file, engine)
    if failures:
        raise typer.Exit(1)


@app.command("analyze")
def analyze_command(
    file: Annotated[Path, typer.Argument(help="One document (PDF, DOCX, HTML, TXT, Markdown).")],
    format: Annotated[str, typer.Option("--format", help="Output format: json.")] = "json",
    country: Annotated[
        str | None,
        typer.Option(
            help=f"ISO code of the state the document speaks for. {_SPEAKER_HELP}",
            callback=_country,
        ),
    ] = None,
    kind: Annotated[str, typer.Option(help="Document kind.", callback=_kind)] = "other",
    date: Annotated[
        str | None, typer.Option(help="Publication date, YYYY-MM-DD.", callback=_date)
    ] = None,
) -> None:
    """Print everything found in one document: passages, states, bodies, people, dates."""
    if format != "json":
        raise typer.BadParameter("only json is available", param_hint="--format")
    with _library_errors():
        document = read_document(file)
        analysed = Engine().analyse(document, DocumentInfo(country=country, kind=kind, date=date))
    sys.stdout.write(json.dumps(analysis_record(analysed), ensure_ascii=False, indent=2) + "\n")


@app.command("coverage")
def coverage_command(
    db: DbOption = DEFAULT_DB,
    format: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
    region: Annotated[
        str | None,
        typer.Option(help="Only the members of a grouping: las, escwa, gcc, maghreb, au, eu."),
    ] = None,
) -> None:
    """Show the state × objective coverage of the stored evidence."""
    if format not in {"table", "csv", "json"}:
        raise typer.BadParameter("choose table, csv or json", param_hint="--format")
    with _library_errors(), open_store(db) as store:
        matrix = coverage_matrix(store, load_framework(), region)
    if format == "table":
        out.print(coverage_table(matrix))
    else:
        sys.stdout.write((coverage_csv if format == "csv" else coverage_json)(matrix) + "\n")


@app.command("entities")
def entities_command(
    db: DbOption = DEFAULT_DB,
    type: Annotated[
        str | None, typer.Option("--type", help="country, organisation, person or date.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List the states, organisations, people and dates named across stored documents."""
    if type is not None and type not in ENTITY_TYPES:
        raise typer.BadParameter(f"choose one of {', '.join(ENTITY_TYPES)}", param_hint="--type")
    with _library_errors(), open_store(db) as store:
        found = list_entities(store, type)
    if as_json:
        rows = [dataclasses.asdict(entity) for entity in found]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(title=f"{len(found)} entities")
    for column in ("type", "id", "as written", "documents", "passages", "acting", "details"):
        table.add_column(column)
    for entity in found:
        details = "; ".join(f"{k}: {v}" for k, v in entity.details.items())
        table.add_row(
            entity.type,
            entity.value,
            entity.label,
            str(entity.documents),
            str(entity.passages),
            str(entity.acting),
            details,
        )
    out.print(table)


@app.command("events")
def events_command(
    db: DbOption = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List the meetings the stored documents report, with their sessions, one per event."""
    with _library_errors(), open_store(db) as store:
        found = list_events(store)
    if as_json:
        rows = [event_record(s.event) | {"documents": list(s.documents)} for s in found]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(title=f"{len(found)} events", show_lines=True)
    for column in ("event", "where", "when", "organisers", "sessions", "documents"):
        table.add_column(column)
    for stored in found:
        event = stored.event
        when = "/".join(d for d in (event.start, event.end) if d)
        sessions = "\n".join(
            f"{s.title} [{', '.join(map(str, s.objectives)) or '-'}]"
            + (f" {s.date}" if s.date else "")
            + (
                f" chair {s.chair_country or s.chair_person}"
                if s.chair_country or s.chair_person
                else ""
            )
            for s in event.sessions
        )
        table.add_row(
            event.name,
            f"{event.city or ''} {event.country or ''}".strip(),
            when,
            ", ".join(event.organisers),
            sessions,
            str(len(stored.documents)),
        )
    out.print(table)


@app.command("search")
def search_command(
    query: Annotated[str, typer.Argument(help="Words to find (all of them).")],
    db: DbOption = DEFAULT_DB,
    objective: Annotated[
        int | None, typer.Option(help="Only passages mapped to this objective.")
    ] = None,
    country: Annotated[
        str | None, typer.Option(help="Only passages of this state.", callback=_country)
    ] = None,
    lang: Annotated[str | None, typer.Option(help="Only passages in this language.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many results.")] = 20,
) -> None:
    """Full-text search over stored passages (Arabic, accents and case folded)."""
    with _library_errors(), open_store(db) as store:
        hits = search_passages(store, query, objective, country, lang, limit)
    table = Table(title=f"{len(hits)} passages", show_lines=True)
    for column in ("document", "lang", "objectives", "text"):
        table.add_column(column)
    for hit in hits:
        objectives = ", ".join(m.target for m in hit.objectives) or "-"
        table.add_row(f"{hit.document_title} #{hit.index}", hit.lang, objectives, hit.text)
    out.print(table)


@app.command("report")
def report_command(
    db: DbOption = DEFAULT_DB,
    format: Annotated[str, typer.Option("--format", help="Report format: html.")] = "html",
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")] = Path(
        "report.html"
    ),
    lang: Annotated[str, typer.Option(help="Language of objective titles: ar, en, es, fr.")] = "en",
) -> None:
    """Write the evidence map report (coverage heat map, meetings, evidence per objective)."""
    if format != "html":
        raise typer.BadParameter("only html is available", param_hint="--format")
    with _library_errors(), open_store(db) as store:
        framework = load_framework()
        matrix = coverage_matrix(store, framework)
        html = render_report(matrix, store.passages(), framework, lang, store.events())
        path = write_report(html, output)
    err.print(f"report written to {path.resolve()}", highlight=False)


@app.command("evaluate")
def evaluate_command(
    gold: Annotated[
        Path, typer.Argument(help="Labelled JSON Lines file.", exists=True, dir_okay=False)
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    mode: Annotated[str, ModeOption] = "full",
    intervals: Annotated[
        bool,
        typer.Option(
            "--intervals",
            help=f"Also give 95 % bootstrap intervals ({_DRAWS} resamples of the passages).",
        ),
    ] = False,
) -> None:
    """Score the engine on a labelled set: top-1, micro/macro F1, rejection, per language."""
    with _library_errors():
        result = evaluate(load_gold(gold), _engine(mode), _DRAWS if intervals else 0)
    if as_json:
        sys.stdout.write(json.dumps(result, indent=2) + "\n")
        return
    out.print(_evaluation_table(result))
    if intervals:
        out.print(_interval_table(result["intervals"]))
    out.print(_target_table("objective", result["per_objective"]))
    out.print(_target_table("principle", result["per_principle"]))
    for key, label in (("confusions", "objectives"), ("statement_confusions", "statement types")):
        pairs = ", ".join(f"{c['gold']}→{c['predicted']} ×{c['count']}" for c in result[key])
        out.print(f"Most frequent confusions of {label} (gold → predicted): {pairs or 'none'}")


def _target_table(name: str, rows: dict[str, dict[str, Any]]) -> Table:
    table = Table(title=f"Per {name}")
    for column in (name, "precision", "recall", "F1", "support"):
        table.add_column(column, justify="right")
    for target, row in rows.items():
        figures = (f"{row[k]:.2f}" for k in ("precision", "recall", "f1"))
        table.add_row(target, *figures, str(row["support"]))
    return table


def _interval_table(intervals: dict[str, dict[str, list[float] | None]]) -> Table:
    table = Table(title=f"95 % intervals ({_DRAWS} bootstrap resamples of the passages)")
    table.add_column("metric")
    for name in intervals:
        table.add_column(name, justify="right")
    for metric in INTERVAL_METRICS:
        cells = (intervals[name][metric] for name in intervals)
        table.add_row(metric, *("-" if c is None else f"{c[0]:.3f}–{c[1]:.3f}" for c in cells))
    return table


def _evaluation_table(result: dict[str, Any]) -> Table:
    slices = {"all": result["overall"], **result["per_language"]}
    table = Table(title="Evaluation")
    table.add_column("metric")
    for name in slices:
        table.add_column(name, justify="right")
    for metric in result["overall"]:
        values = [slices[name][metric] for name in slices]
        table.add_row(
            metric,
            *("-" if v is None else (str(v) if isinstance(v, int) else f"{v:.3f}") for v in values),
        )
    return table


@app.command("demo")
def demo_command(
    db: DbOption = DEFAULT_DB,
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML report to write.")] = Path(
        "report.html"
    ),
) -> None:
    """Ingest the bundled sample corpus, show the coverage and write the HTML report."""
    with _library_errors():
        result = run_demo(db, output)
    out.print(coverage_table(result.matrix))
    for source, reason in result.ingest.failed:
        err.print(f"failed: {source}: {reason}", highlight=False)
    out.print(
        f"{len(result.ingest.added)} sample documents added, "
        f"{len(result.ingest.unchanged)} already stored.\n"
        f"Database: {result.database.resolve()}\nReport:   {result.report.resolve()}",
        highlight=False,
    )
    if result.ingest.failed:
        raise typer.Exit(1)


@framework_app.command("check")
def framework_check_command(
    path: Annotated[
        Path, typer.Argument(help="Framework folder (with framework.yaml and lexicons/).")
    ],
) -> None:
    """Validate a framework folder and list every problem with file and line."""
    if not path.is_dir():
        raise typer.BadParameter(f"{path}: not a folder", param_hint="PATH")
    framework, problems = check_framework(path)
    for problem in problems:
        out.print(problem, highlight=False, markup=False)
    if problems or framework is None:
        err.print(f"{len(problems)} problem(s) in {path}", highlight=False)
        raise typer.Exit(1)
    spec = framework.spec
    out.print(
        f"{path}: {spec.id} {spec.version}, {len(spec.objectives)} objectives, "
        f"{len(spec.principles)} principles, lexicons: {', '.join(sorted(framework.lexicons))}: OK",
        highlight=False,
    )


@framework_app.command("train")
def framework_train_command(
    path: Annotated[Path, typer.Argument(help="Framework folder with prototypes/ and training/.")],
) -> None:
    """Train the fusion and statement-type layers on the folder's labelled examples."""
    if not path.is_dir():
        raise typer.BadParameter(f"{path}: not a folder", param_hint="PATH")
    with _library_errors():
        report = train_framework(Engine(load_framework(path, trained=False)))
        written = write_fusion(report.fusion, path)
    for kind, figures in report.cross_validated.items():
        shown = ", ".join(f"{name} {value:.3f}" for name, value in figures.items())
        out.print(f"{kind}: held-out {shown}", highlight=False)
    err.print(f"trained on {report.examples} examples → {written}", highlight=False)


def main() -> None:
    """Entry point of the ``gcm-review`` command."""
    app()
