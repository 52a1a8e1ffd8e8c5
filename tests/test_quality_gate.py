"""Quality gate: the engine must not fall below the floors pinned in eval_baseline.json.

The floors sit a little under the figures measured on ../shared/data/dev_passages.jsonl when
they were last raised. Lowering one is a reviewed change to eval_baseline.json, never a
side effect.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import shared_file
from gcm_review import Engine, evaluate, load_gold

BASELINE = json.loads((Path(__file__).parent / "eval_baseline.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def figures(engine: Engine) -> dict:
    gold = load_gold(shared_file("data", "dev_passages.jsonl"))
    return evaluate(gold, engine)


@pytest.mark.parametrize("metric", sorted(BASELINE["overall"]))
def test_overall_floor(figures: dict, metric: str) -> None:
    assert figures["overall"][metric] >= BASELINE["overall"][metric]


@pytest.mark.parametrize("lang", sorted(BASELINE["per_language"]))
def test_per_language_floor(figures: dict, lang: str) -> None:
    for metric, floor in BASELINE["per_language"][lang].items():
        assert figures["per_language"][lang][metric] >= floor, f"{lang} {metric}"
