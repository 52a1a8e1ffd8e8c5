"""The seed news item (../shared/seeds/): the smallest picture of the whole job."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import shared_file
from gcm_review import Engine, SQLiteStore, coverage_matrix, ingest


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
