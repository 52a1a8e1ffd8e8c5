"""The framework's own data is written independently of the development set it is measured on.

A training example or prototype that recounts a development passage (same case, same
specific words) would make the figures on that set say nothing about unseen documents. The
check counts the rare words (found in at most three of our own texts) that one of our texts
shares with one development passage: recounting the same case shares many, writing on the
same topic shares a few.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pytest

from conftest import shared_file
from gcm_review import load_framework, load_gold
from gcm_review.framework import default_framework_path
from gcm_review.text import tokenize

_RARE = 3  # a word in at most this many of our texts is rare
_MOST = 4  # shared rare words allowed between one of our texts and one development passage


def _words(text: str) -> set[str]:
    return {t.folded for t in tokenize(text) if len(t.folded) > 2 and not t.folded.isdigit()}


def _examples() -> list[tuple[str, str]]:
    folder = default_framework_path() / "training"
    return [(g.id, g.text) for path in sorted(folder.glob("*.jsonl")) for g in load_gold(path)]


def _prototypes() -> list[tuple[str, str]]:
    return [
        (f"{lang} {kind} {target}", statement)
        for lang, prototypes in load_framework().prototypes.items()
        for kind, table in (
            ("objectives", prototypes.objectives),
            ("principles", prototypes.principles),
        )
        for target, statements in table.items()
        for statement in statements
    ]


def _overlaps(ours: list[tuple[str, str]], theirs: Iterable[tuple[str, str]]) -> list[str]:
    words = [_words(text) for _, text in ours]
    counts = Counter(w for found in words for w in found)
    rare = [{w for w in found if counts[w] <= _RARE} for found in words]
    too_close = []
    for passage_id, text in theirs:
        passage = _words(text)
        for (name, _), own in zip(ours, rare, strict=True):
            shared = own & passage
            if len(shared) > _MOST:
                too_close.append(f"{name} ~ {passage_id}: {sorted(shared)}")
    return too_close


@pytest.fixture(scope="module")
def development() -> list[tuple[str, str]]:
    return [(g.id, g.text) for g in load_gold(shared_file("data", "dev_passages.jsonl"))]


def test_no_training_example_recounts_a_development_passage(
    development: list[tuple[str, str]],
) -> None:
    assert _overlaps(_examples(), development) == []


def test_no_prototype_recounts_a_development_passage(
    development: list[tuple[str, str]],
) -> None:
    assert _overlaps(_prototypes(), development) == []
