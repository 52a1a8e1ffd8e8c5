"""The command line: every command through the CLI runner, with real files and databases."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gcm_review.cli import app

runner = CliRunner()


@pytest.fixture
def loaded_db(tmp_path: Path, fixtures: Path) -> Path:
    db = tmp_path / "cli.db"
    result = runner.invoke(
        app,
        [
            "ingest",
            str(fixtures / "statement_fr.docx"),
            "--db",
            str(db),
            "--country",
            "ma",
            "--kind",
            "statement",
            "--cycle",
            "2024",
        ],
    )
    assert result.exit_code == 0, result.output
    return db


def test_ingest_reports_and_is_idempotent(loaded_db: Path, fixtures: Path) -> None:
    again = runner.invoke(
        app, ["ingest", str(fixtures / "statement_fr.docx"), "--db", str(loaded_db)]
    )
    assert again.exit_code == 0
    assert "unchanged" in again.stderr and "0 added, 1 unchanged, 0 failed" in again.stderr


def test_ingest_with_a_bad_file_exits_1_and_keeps_the_good_ones(
    tmp_path: Path, fixtures: Path
) -> None:
    db = tmp_path / "mixed.db"
    result = runner.invoke(
        app,
        ["ingest", str(fixtures / "corrupt.pdf"), str(fixtures / "news_ar.html"), "--db", str(db)],
    )
    assert result.exit_code == 1
    assert "corrupt.pdf" in result.stderr and "1 added" in result.stderr


@pytest.mark.parametrize(
    "arguments",
    [
        ["ingest", "x.pdf", "--country", "XX"],
        ["ingest", "x.pdf", "--kind", "novel"],
        ["coverage", "--format", "pdf"],
        ["nonsense"],
    ],
)
def test_usage_errors_exit_2(arguments: list[str]) -> None:
    assert runner.invoke(app, arguments).exit_code == 2


def test_coverage_formats(loaded_db: Path) -> None:
    table = runner.invoke(app, ["coverage", "--db", str(loaded_db)])
    assert table.exit_code == 0 and "MA Morocco" in table.stdout
    as_csv = runner.invoke(app, ["coverage", "--db", str(loaded_db), "--format", "csv"])
    rows = list(csv.reader(io.StringIO(as_csv.stdout)))
    assert rows[0][:3] == ["country", "name", "1"] and rows[1][0] == "MA"
    assert int(rows[1][2 + 14]) >= 1  # objective 15 column
    as_json = json.loads(
        runner.invoke(app, ["coverage", "--db", str(loaded_db), "--format", "json"]).stdout
    )
    morocco = as_json["countries"][0]
    assert (
        morocco["country"] == "MA" and "15" in morocco["objectives"] and 15 not in morocco["gaps"]
    )


def test_search(loaded_db: Path) -> None:
    result = runner.invoke(app, ["search", "santé", "--db", str(loaded_db), "--objective", "15"])
    assert result.exit_code == 0 and "1 passages" in result.stdout
    none = runner.invoke(app, ["search", "santé", "--db", str(loaded_db), "--lang", "ar"])
    assert "0 passages" in none.stdout


def test_report_html(loaded_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "r.html"
    result = runner.invoke(
        app, ["report", "--db", str(loaded_db), "--format", "html", "-o", str(target)]
    )
    assert result.exit_code == 0
    html = target.read_text(encoding="utf-8")
    assert "<mark>" in html and 'id="objective-15"' in html and "Morocco" in html
    assert "<h2>Meetings reported</h2>" in html


def test_classify_contract(tmp_path: Path) -> None:
    lines = [
        {
            "id": "a",
            "text": "Le Maroc garantit l'accès des migrants aux services de base (objectif 15).",
            "lang": "fr",
        },
        {
            "id": "b",
            "text": "Millions of birds follow the migration route along the Rift Valley.",
        },
        {"id": "c", "text": "ويدعو البيان إلى خفض تكلفة التحويلات المالية للمهاجرين."},
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    result = runner.invoke(app, ["classify", str(source)])
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == ["a", "b", "c"]
    first = records[0]
    assert set(first) == {
        "id",
        "lang",
        "objectives",
        "principles",
        "statement_type",
        "countries",
        "organisations",
    }
    assert first["objectives"][0]["objective"] == 15 and first["countries"] == ["MA"]
    assert all(isinstance(e, str) for e in first["objectives"][0]["evidence"])
    assert records[1]["objectives"] == [] and records[1]["statement_type"] == "none"
    assert records[2]["lang"] == "ar" and records[2]["objectives"][0]["objective"] == 20


def test_classify_from_stdin_skips_bad_lines_with_a_message() -> None:
    stdin = '{"id": "x", "text": "Remittances sent by migrant workers."}\nnot json\n'
    result = runner.invoke(app, ["classify", "-"], input=stdin)
    assert result.exit_code == 1
    assert "<stdin>:2" in result.stderr
    assert json.loads(result.stdout)["id"] == "x"


def test_evaluate_on_a_small_gold_file(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    rows = [
        {
            "id": "1",
            "lang": "en",
            "text": "Remittance fees paid by migrant workers fell to 3 per cent.",
            "objectives": [20],
            "principles": ["Human rights"],
            "statement_type": "recommendation",
            "countries": [],
        },
        {
            "id": "2",
            "lang": "en",
            "text": "The football club confirmed the transfer of its striker.",
            "objectives": [],
            "principles": [],
            "statement_type": "none",
            "countries": [],
        },
    ]
    gold.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(gold), "--json"])
    assert result.exit_code == 0
    figures = json.loads(result.stdout)
    assert figures["overall"]["top1_accuracy"] == 1.0
    assert figures["overall"]["off_topic_rejection"] == 1.0
    assert figures["per_principle"]["human rights"]["support"] == 1
    # a statement of fact labelled as a recommendation is counted as a confusion
    assert figures["statement_confusions"][0]["gold"] == "recommendation"
    table = runner.invoke(app, ["evaluate", str(gold)])
    assert "top1_accuracy" in table.stdout and "Per principle" in table.stdout
    assert "confusions of statement types (gold → predicted): recommendation→" in table.stdout
    assert "intervals" not in figures and "95 %" not in table.stdout
    # one passage of each kind: every resample agrees with the figure itself
    with_intervals = json.loads(
        runner.invoke(app, ["evaluate", str(gold), "--json", "--intervals"]).stdout
    )
    assert with_intervals["intervals"]["en"]["top1_accuracy"] == [1.0, 1.0]
    shown = runner.invoke(app, ["evaluate", str(gold), "--intervals"]).stdout
    assert "95 % intervals" in shown and "1.000–1.000" in shown


def test_evaluate_names_the_bad_line(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "1", "text": "x", "objectives": [1]}\n{"id": 2}\n', encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(gold)])
    assert result.exit_code == 1 and "gold.jsonl:2" in result.stderr


def test_framework_check(fixtures: Path) -> None:
    good = runner.invoke(app, ["framework", "check", str(fixtures / "mini_framework")])
    assert good.exit_code == 0 and "OK" in good.stdout
    bad = runner.invoke(app, ["framework", "check", str(fixtures / "broken_framework")])
    assert bad.exit_code == 1 and "objective 24" in bad.stdout


def test_demo(tmp_path: Path) -> None:
    db, report = tmp_path / "demo.db", tmp_path / "demo.html"
    result = runner.invoke(app, ["demo", "--db", str(db), "-o", str(report)])
    assert result.exit_code == 0, result.output
    assert "Report:" in result.stdout and report.is_file()
    for code in ("JO", "EG", "MA"):
        assert code in result.stdout
    again = runner.invoke(app, ["demo", "--db", str(db), "-o", str(report)])
    assert "0 sample documents added" in again.stdout


def test_analyze_the_seed_like_statement(fixtures: Path) -> None:
    result = runner.invoke(
        app, ["analyze", str(fixtures / "statement_fr.docx"), "--date", "2024-07-03"]
    )
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["document"]["date"] == "2024-07-03" and record["document"]["lang"] == "fr"
    assert {"passages", "countries", "organisations", "people", "dates"} <= set(record)
    morocco = next(c for c in record["countries"] if c["code"] == "MA")
    assert morocco["actor"] is True and morocco["passages"]
    iom = next(o for o in record["organisations"] if o["id"] == "IOM")
    assert iom["name_en"] == "International Organization for Migration"
    # the forms the document writes, each found in a passage
    texts = [p["text"] for p in record["passages"]]
    assert iom["written"] and all(any(w in t for t in texts) for w in iom["written"])
    passage = record["passages"][0]
    for entity in passage["entities"]:
        assert passage["text"][entity["start"] : entity["end"]] == entity["text"]
    # each piece of evidence says what it is: words of the passage, or an example statement
    matches = [m for p in record["passages"] for m in p["objectives"]]
    assert matches
    for match, text in ((m, p["text"]) for p in record["passages"] for m in p["objectives"]):
        assert list(dict.fromkeys(e["text"] for e in match["explanation"])) == match["evidence"]
        for piece in match["explanation"]:
            if piece["kind"] == "prototype":
                assert 0 < piece["similarity"] <= 1
            elif piece["kind"] == "heading":  # the heading above the passage, not in it
                assert "start" not in piece
            else:
                assert text[piece["start"] : piece["end"]] == piece["text"]


def test_analyze_rejects_a_bad_date(fixtures: Path) -> None:
    result = runner.invoke(app, ["analyze", str(fixtures / "news_es.html"), "--date", "5/7/24"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_entities_across_documents(loaded_db: Path, fixtures: Path) -> None:
    runner.invoke(app, ["ingest", str(fixtures / "news_es.html"), "--db", str(loaded_db)])
    result = runner.invoke(app, ["entities", "--db", str(loaded_db), "--json"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    morocco = next(r for r in rows if r["type"] == "country" and r["value"] == "MA")
    assert morocco["documents"] == 2
    dates = runner.invoke(app, ["entities", "--db", str(loaded_db), "--type", "date"])
    assert dates.exit_code == 0 and "2024" in dates.stdout
    assert runner.invoke(app, ["entities", "--type", "planet"]).exit_code == 2


def test_coverage_of_a_region_shows_every_member(loaded_db: Path) -> None:
    result = runner.invoke(
        app, ["coverage", "--db", str(loaded_db), "--region", "maghreb", "--format", "json"]
    )
    codes = [row["country"] for row in json.loads(result.stdout)["countries"]]
    assert sorted(codes) == ["DZ", "LY", "MA", "MR", "TN"]
    unknown = runner.invoke(app, ["coverage", "--db", str(loaded_db), "--region", "atlantis"])
    assert unknown.exit_code == 1 and "maghreb" in unknown.stderr


CAIRO_EN = (
    "The second regional review conference of the Global Compact for Migration in the Arab "
    "region opened in Cairo on 3 July 2024, organised by the League of Arab States, ESCWA and "
    "IOM.\n\nMorocco chaired the plenary session on migrants' access to basic services.\n"
)
CAIRO_ES = (
    "La segunda conferencia regional de examen del Pacto Mundial para la Migración en la región "
    "árabe se celebró en El Cairo del 3 al 4 de julio de 2024, organizada por la OIM, la CESPAO "
    "y la Liga de los Estados Árabes.\n"
)


def test_one_event_reported_in_two_languages(tmp_path: Path) -> None:
    (tmp_path / "cairo_en.txt").write_text(CAIRO_EN, encoding="utf-8")
    (tmp_path / "cairo_es.txt").write_text(CAIRO_ES, encoding="utf-8")
    db = tmp_path / "events.db"
    assert runner.invoke(app, ["ingest", str(tmp_path), "--db", str(db)]).exit_code == 0
    events = json.loads(runner.invoke(app, ["events", "--db", str(db), "--json"]).stdout)
    [cairo] = [e for e in events if e["city"] == "Cairo"]
    assert cairo["key"] == "conference|2|EG|2024-07" and len(cairo["documents"]) == 2
    assert {"IOM", "LAS"} <= set(cairo["organisers"])
    [plenary] = cairo["sessions"]
    assert plenary["kind"] == "plenary" and plenary["chair"]["country"] == "MA"
    assert 15 in plenary["objectives"]
    table = runner.invoke(app, ["events", "--db", str(db)])
    assert "Cairo EG" in table.stdout
    target = tmp_path / "report.html"
    report = runner.invoke(app, ["report", "--db", str(db), "-o", str(target)])
    assert report.exit_code == 0
    html = target.read_text(encoding="utf-8")
    meetings = html.split("<h2>Meetings reported</h2>")[1].split("</table>")[0]
    assert "Cairo · EG" in meetings and "2024-07-03" in meetings
    assert "the plenary session on migrants" in meetings and "chair MA" in meetings
    assert 'href="#objective-15"' in meetings


CAIRO_AR = (
    "انطلقت في القاهرة أعمال مؤتمر الاستعراض الإقليمي الثاني للاتفاق العالمي من أجل الهجرة "
    "الآمنة والمنظمة والنظامية في المنطقة العربية، بتنظيم من جامعة الدول العربية والمنظمة "
    "الدولية للهجرة.\n"
)


@pytest.mark.parametrize("undated_first", [True, False])
def test_an_undated_report_joins_the_dated_meeting(tmp_path: Path, undated_first: bool) -> None:
    """Kind, ordinal and state name a meeting where a report gives no date: the Arabic item
    without a date and the English one dated July 2024 are one conference, in either order."""
    (tmp_path / "ar.txt").write_text(CAIRO_AR, encoding="utf-8")
    (tmp_path / "en.txt").write_text(CAIRO_EN, encoding="utf-8")
    db = tmp_path / "events.db"
    order = ["ar.txt", "en.txt"] if undated_first else ["en.txt", "ar.txt"]
    for name in order:
        assert runner.invoke(app, ["ingest", str(tmp_path / name), "--db", str(db)]).exit_code == 0
    events = json.loads(runner.invoke(app, ["events", "--db", str(db), "--json"]).stdout)
    [cairo] = [e for e in events if e["city"] == "Cairo"]
    assert cairo["key"] == "conference|2|EG|2024-07" and len(cairo["documents"]) == 2
    assert cairo["start"] == "2024-07-03"


@pytest.mark.parametrize("undated_first", [True, False])
def test_a_report_without_date_or_state_joins_the_one_dated_meeting(
    tmp_path: Path, undated_first: bool
) -> None:
    """A report that names "the second regional review meeting" with neither date nor place
    joins the one dated second meeting of the store, in either order."""
    (tmp_path / "dated.txt").write_text(
        "The second regional review meeting on the Global Compact for Migration was held in "
        "Beirut on 12 and 13 March 2024, organised by ESCWA and IOM.\n",
        encoding="utf-8",
    )
    (tmp_path / "undated.txt").write_text(
        "Speaking at the second regional review meeting, the delegate of Iraq presented the "
        "national plan for the return of displaced families.\n",
        encoding="utf-8",
    )
    db = tmp_path / "events.db"
    order = ["undated.txt", "dated.txt"] if undated_first else ["dated.txt", "undated.txt"]
    for name in order:
        assert runner.invoke(app, ["ingest", str(tmp_path / name), "--db", str(db)]).exit_code == 0
    events = json.loads(runner.invoke(app, ["events", "--db", str(db), "--json"]).stdout)
    assert [(e["key"], len(e["documents"])) for e in events] == [("meeting|2|LB|2024-03", 2)]


def test_analyze_reports_events_and_places(tmp_path: Path) -> None:
    source = tmp_path / "cairo.txt"
    source.write_text(CAIRO_EN, encoding="utf-8")
    record = json.loads(runner.invoke(app, ["analyze", str(source)]).stdout)
    [event] = record["events"]
    assert (event["ordinal"], event["start"]) == (2, "2024-07-03")
    assert {"text": "Cairo", "city": "Cairo", "country": "EG", "passage": 0} in record["places"]


def test_analyze_explains_a_heading_that_files_a_passage(tmp_path: Path) -> None:
    source = tmp_path / "review.md"
    source.write_text(
        "## Objectif 6 : recrutement équitable\n\n"
        "Le ministère a ouvert douze bureaux régionaux et formé 400 inspecteurs.\n",
        encoding="utf-8",
    )
    record = json.loads(runner.invoke(app, ["analyze", str(source)]).stdout)
    [passage] = record["passages"]
    first = passage["objectives"][0]
    assert first["objective"] == 6 and passage["heading"].startswith("Objectif 6")
    assert first["explanation"][0] == {"kind": "heading", "text": passage["heading"]}


def test_classify_reads_the_document_kind(tmp_path: Path) -> None:
    text = "Fair recruitment of migrant domestic workers and an end to recruitment fees."
    source = tmp_path / "in.jsonl"
    source.write_text(
        "\n".join(
            json.dumps({"id": kind, "text": text, "lang": "en", "kind": kind})
            for kind in ("pledge", "stakeholder")
        )
    )
    result = runner.invoke(app, ["classify", str(source)])
    assert result.exit_code == 0, result.output
    types = [json.loads(line)["statement_type"] for line in result.stdout.splitlines()]
    assert types[0] == "commitment" and types[1] in ("challenge", "recommendation")


def test_classify_reads_the_heading(tmp_path: Path) -> None:
    text = "The ministry opened twelve regional offices and trained 400 inspectors."
    source = tmp_path / "in.jsonl"
    source.write_text(
        "\n".join(
            json.dumps({"id": str(i), "text": text, "lang": "en", "heading": heading})
            for i, heading in enumerate(["Review > Objective 6: Decent work", "Review"])
        )
    )
    result = runner.invoke(app, ["classify", str(source)])
    assert result.exit_code == 0, result.output
    filed, alone = (json.loads(line)["objectives"] for line in result.stdout.splitlines())
    assert filed[0]["objective"] == 6 and filed[0]["evidence"][0] == "Objective 6: Decent work"
    assert 6 not in {m["objective"] for m in alone}


def test_classify_lexical_mode(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "r", "text": "Remittance fees for migrant workers fell."}\n')
    result = runner.invoke(app, ["classify", str(source), "--mode", "lexical"])
    assert result.exit_code == 0 and json.loads(result.stdout)["objectives"][0]["objective"] == 20
    assert runner.invoke(app, ["classify", str(source), "--mode", "fast"]).exit_code == 2
