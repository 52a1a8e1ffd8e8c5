"""The seed news item (../shared/seeds/): the smallest picture of the whole job."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import shared_file
from gcm_review import Engine, SQLiteStore, coverage_matrix, ingest, read_document
from gcm_review.present.records import analysis_record


@pytest.fixture(scope="module")
def seed() -> tuple[list[str], dict]:
    seeds = shared_file("seeds")
    path = next(iter(sorted(seeds.glob("*.txt"))), None)
    if path is None:
        pytest.skip(f"no seed text in {seeds}")
    expected = json.loads(shared_file("data", "seed_expected.json").read_text(encoding="utf-8"))
    return path.read_text(encoding="utf-8").split("\n"), expected


def test_objective_15_first_where_the_paragraph_cites_it(seed, engine: Engine) -> None:
    paragraphs, _ = seed
    [citing] = [i for i, p in enumerate(paragraphs) if "l'objectif 15" in p]
    mapping = engine.classify(paragraphs[citing], "fr")
    assert mapping.objectives[0].target == "15"
    assert any(e.kind == "reference" for e in mapping.objectives[0].evidence)


def test_finds_most_of_the_paragraph_objectives(seed, engine: Engine) -> None:
    paragraphs, expected = seed
    wanted: set[tuple[int, int]] = set()
    for paragraph in expected["paragraphs"]:
        for objective in paragraph["gcm_objectives"]:
            if objective.get("required", True):
                wanted.add((paragraph["index"], objective["objective"]))
    found = {
        (index, int(m.target))
        for index, text in enumerate(paragraphs)
        for m in engine.classify(text, "fr").objectives
    }
    recall = len(wanted & found) / len(wanted)
    assert recall >= 0.6, f"found {sorted(wanted & found)} of {sorted(wanted)}"


def test_ingest_then_coverage_shows_morocco(seed, tmp_path: Path, engine: Engine) -> None:
    path = next(iter(sorted(shared_file("seeds").glob("*.txt"))))
    with SQLiteStore(tmp_path / "seed.db") as store:
        report = ingest([path], store, engine=engine)
        assert report.added == [str(path)]
        matrix = coverage_matrix(store, engine.framework)
    assert "MA" in matrix.countries
    assert matrix.passages("MA", 15) >= 1


@pytest.fixture(scope="module")
def seed_record(engine: Engine) -> dict:
    path = next(iter(sorted(shared_file("seeds").glob("*.txt"))))
    return analysis_record(engine.analyse(read_document(path)))


def test_seed_facts_event_and_session(seed_record: dict) -> None:
    [event] = [e for e in seed_record["events"] if e["ordinal"] == 2]
    assert (event["city"], event["country"]) == ("Cairo", "EG")
    assert (event["start"], event["end"]) == ("2024-07-03", "2024-07-04")
    assert set(event["organisers"]) == {"LAS", "ESCWA", "UNNM", "IOM"}
    plenary = next(s for s in event["sessions"] if s["kind"] == "plenary")
    assert plenary["chair"]["country"] == "MA" and 15 in plenary["objectives"]
    assert "Ismail Chakouri" in plenary["speakers"]
    assert "Ismail Chakouri" in seed_record["passages"][2]["speakers"]
    assert seed_record["passages"][0]["speakers"] == []  # Morocco chaired; no one quoted
    assert any(s["kind"] == "high-level" and 5 in s["objectives"] for s in event["sessions"])


def test_seed_facts_people_organisations_countries_dates(seed_record: dict) -> None:
    expected = json.loads(shared_file("data", "seed_expected.json").read_text(encoding="utf-8"))
    people = {p["name"]: p for p in seed_record["people"]}
    chakouri = people["Ismail Chakouri"]
    assert chakouri["role"] == "directeur des questions globales"
    assert chakouri["affiliation"].startswith("ministère des Affaires étrangères")
    assert chakouri["country"] == "MA" and people["Mohammed VI"]["country"] == "MA"
    assert set(people) == {"Ismail Chakouri", "Mohammed VI"}  # nobody invented
    found = {o["id"] for o in seed_record["organisations"]}
    assert {"LAS", "ESCWA", "UNNM", "IOM", "MIN-FOREIGN"} <= found
    assert found <= {"LAS", "LAS-GS", "ESCWA", "UNNM", "IOM", "MIN-FOREIGN", "UN"}
    assert len(expected["organisations"]) == 7  # the list the line above mirrors
    countries = {c["code"]: c for c in seed_record["countries"]}
    assert countries["MA"]["actor"] and not countries["EG"]["actor"]
    assert set(countries) <= {"MA", "EG", "US"}
    values = {d["value"] for d in seed_record["dates"]}
    assert {"2024-07-03/2024-07-04", "2018-12", "2024-11"} <= values
    assert (
        seed_record["document"]["date"]
        == expected["document"]["publication_date_inferred"]["value"]
    )
