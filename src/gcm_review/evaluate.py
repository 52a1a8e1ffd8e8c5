"""Score the engine against a labelled set of passages (JSON Lines, like the development set)."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from .errors import InputFormatError
from .framework import Framework
from .models import known_kind
from .pipeline import Engine
from .text import fold


@dataclass(frozen=True, slots=True)
class GoldPassage:
    """One labelled passage."""

    id: str
    lang: str
    text: str
    objectives: tuple[int, ...]
    principles: frozenset[str]
    statement_type: str | None
    countries: frozenset[str]
    kind: str | None = None


@dataclass
class Counts:
    """True positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: Iterable[object], predicted: Iterable[object]) -> None:
        """Count one passage's labels."""
        gold_set, predicted_set = set(gold), set(predicted)
        self.tp += len(gold_set & predicted_set)
        self.fp += len(predicted_set - gold_set)
        self.fn += len(gold_set - predicted_set)

    @property
    def precision(self) -> float:
        """tp / (tp + fp), 1.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn), 1.0 when there was nothing to find."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    """The figures of one slice of the gold set (all passages, or one language)."""

    passages: int = 0
    positives: int = 0
    top1_hits: int = 0
    negatives: int = 0
    rejected: int = 0
    typed: int = 0
    type_hits: int = 0
    objectives: Counts = field(default_factory=Counts)
    principles: Counts = field(default_factory=Counts)
    countries: Counts = field(default_factory=Counts)

    def as_dict(self, macro_f1: float) -> dict[str, Any]:
        """The figures as plain numbers."""
        return {
            "passages": self.passages,
            "top1_accuracy": _ratio(self.top1_hits, self.positives),
            "micro_precision": round(self.objectives.precision, 4),
            "micro_recall": round(self.objectives.recall, 4),
            "micro_f1": round(self.objectives.f1, 4),
            "macro_f1": round(macro_f1, 4),
            "off_topic_rejection": _ratio(self.rejected, self.negatives),
            "principle_precision": round(self.principles.precision, 4),
            "principle_recall": round(self.principles.recall, 4),
            "principle_f1": round(self.principles.f1, 4),
            "statement_type_accuracy": _ratio(self.type_hits, self.typed),
            "country_precision": round(self.countries.precision, 4),
            "country_recall": round(self.countries.recall, 4),
        }


def load_gold(path: Path | str) -> list[GoldPassage]:
    """Read a labelled set; every malformed line is reported with its number."""
    items: list[GoldPassage] = []
    problems: list[str] = []
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                items.append(
                    GoldPassage(
                        id=str(record["id"]),
                        lang=str(record.get("lang") or ""),
                        text=str(record["text"]),
                        objectives=tuple(int(o) for o in record.get("objectives", [])),
                        principles=frozenset(record.get("principles", [])),
                        statement_type=record.get("statement_type"),
                        countries=frozenset(record.get("countries", [])),
                        kind=known_kind(record),
                    )
                )
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                problems.append(f"{path}:{number}: {type(exc).__name__}: {exc}")
    if problems:
        fix = "each line must be a JSON object with at least 'id', 'text' and 'objectives'"
        raise InputFormatError("\n".join([*problems, fix]))
    return items


def evaluate(gold: list[GoldPassage], engine: Engine, draws: int = 0) -> dict[str, Any]:
    """Classify every gold passage and compare.

    Args:
        gold: the labelled passages.
        engine: the engine to score.
        draws: with a positive number, also give 95 % bootstrap intervals of the headline
            figures from this many resamples of the passages (``intervals``).

    Returns:
        ``overall`` and ``per_language`` figures, ``per_objective`` and ``per_principle``
        precision/recall/F1, the most frequent ``confusions`` (gold primary objective →
        predicted first) and ``statement_confusions`` (gold statement type → predicted);
        ``intervals`` per slice (``all`` and each language) when ``draws`` is given.
    """
    principle_ids = principle_lookup(engine.framework)
    overall = Scores()
    by_lang: dict[str, Scores] = defaultdict(Scores)
    per_objective: dict[int, Counts] = defaultdict(Counts)
    by_lang_objective: dict[str, dict[int, Counts]] = defaultdict(lambda: defaultdict(Counts))
    per_principle: dict[str, Counts] = defaultdict(Counts)
    confusions: Counter[tuple[str, str]] = Counter()
    type_confusions: Counter[tuple[str, str]] = Counter()
    rows: dict[str, list[list[int]]] = defaultdict(list)  # per-passage counts, by language
    for item in gold:
        mapping = engine.classify(item.text, item.lang or None, item.kind)
        predicted = [int(m.target) for m in mapping.objectives]
        principles = {m.target for m in mapping.principles}
        gold_principles = {principle_ids.get(fold(p), p) for p in item.principles}
        single = Scores()
        for scores in (overall, by_lang[item.lang], single):
            _score(
                scores,
                item,
                predicted,
                principles,
                gold_principles,
                mapping.statement_type,
                mapping.countries,
            )
        rows[item.lang].append(_counts(single))
        for number in set(item.objectives) | set(predicted):
            for table in (per_objective, by_lang_objective[item.lang]):
                table[number].add(
                    [number] if number in item.objectives else [],
                    [number] if number in predicted else [],
                )
        for principle in gold_principles | principles:
            per_principle[principle].add(
                [principle] if principle in gold_principles else [],
                [principle] if principle in principles else [],
            )
        if item.statement_type not in (None, mapping.statement_type):
            type_confusions[(str(item.statement_type), mapping.statement_type)] += 1
        if item.objectives and (not predicted or predicted[0] not in item.objectives):
            confusions[(str(item.objectives[0]), str(predicted[0]) if predicted else "none")] += 1
        if not item.objectives and predicted:
            confusions[("none", str(predicted[0]))] += 1
    result = {
        "overall": overall.as_dict(_macro(per_objective)),
        "per_language": {
            lang: by_lang[lang].as_dict(_macro(by_lang_objective[lang])) for lang in sorted(by_lang)
        },
        "per_objective": {str(n): _row(c) for n, c in sorted(per_objective.items())},
        "per_principle": {p: _row(c) for p, c in sorted(per_principle.items())},
        "confusions": _pairs(confusions),
        "statement_confusions": _pairs(type_confusions),
    }
    if draws > 0:
        languages = sorted(rows)
        slices = {"all": [row for lang in languages for row in rows[lang]]}
        slices |= {lang: rows[lang] for lang in languages}
        result["intervals"] = {
            name: bootstrap_intervals(np.asarray(counts, dtype=np.int64), draws)
            for name, counts in slices.items()
        }
    return result


INTERVAL_METRICS = (
    "top1_accuracy",
    "micro_f1",
    "off_topic_rejection",
    "principle_f1",
    "statement_type_accuracy",
)


def bootstrap_intervals(
    counts: npt.NDArray[np.int64], draws: int, seed: int = 0
) -> dict[str, list[float] | None]:
    """95 % percentile intervals of the headline figures (``INTERVAL_METRICS``), resampling
    the passages with replacement ``draws`` times; None for a figure the slice has no
    passage for (no off-topic passage, say).

    Args:
        counts: one row per passage, as ``_counts`` gives it.
        draws: how many resamples.
        seed: of the random generator, so that a run can be repeated.
    """
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(counts), size=(draws, len(counts)))
    sums = counts[picks].sum(axis=1).T.astype(np.float64)
    positives, hits, negatives, rejected, typed, type_hits = sums[:6]
    objectives, principles = sums[6:9], sums[9:12]
    figures = {
        "top1_accuracy": (hits, positives),
        "micro_f1": (2 * objectives[0], 2 * objectives[0] + objectives[1] + objectives[2]),
        "off_topic_rejection": (rejected, negatives),
        "principle_f1": (2 * principles[0], 2 * principles[0] + principles[1] + principles[2]),
        "statement_type_accuracy": (type_hits, typed),
    }
    intervals: dict[str, list[float] | None] = {}
    for metric in INTERVAL_METRICS:
        numerator, denominator = figures[metric]
        defined = denominator > 0
        if not defined.any():
            intervals[metric] = None
            continue
        values = numerator[defined] / denominator[defined]
        low, high = np.percentile(values, [2.5, 97.5])
        intervals[metric] = [round(float(low), 4), round(float(high), 4)]
    return intervals


def _counts(scores: Scores) -> list[int]:
    """The counts behind the headline figures, in the order ``bootstrap_intervals`` reads."""
    objectives, principles = scores.objectives, scores.principles
    return [
        scores.positives,
        scores.top1_hits,
        scores.negatives,
        scores.rejected,
        scores.typed,
        scores.type_hits,
        objectives.tp,
        objectives.fp,
        objectives.fn,
        principles.tp,
        principles.fp,
        principles.fn,
    ]


def _row(counts: Counts) -> dict[str, Any]:
    return {
        "precision": round(counts.precision, 4),
        "recall": round(counts.recall, 4),
        "f1": round(counts.f1, 4),
        "support": counts.tp + counts.fn,
    }


def _pairs(counts: Counter[tuple[str, str]]) -> list[dict[str, Any]]:
    """The most frequent (gold, predicted) pairs."""
    return [{"gold": g, "predicted": p, "count": n} for (g, p), n in counts.most_common(15)]


def _score(
    scores: Scores,
    item: GoldPassage,
    predicted: list[int],
    principles: set[str],
    gold_principles: set[str],
    statement_type: str,
    countries: list[str],
) -> None:
    scores.passages += 1
    scores.objectives.add(item.objectives, predicted)
    scores.principles.add(gold_principles, principles)
    scores.countries.add(item.countries, countries)
    if item.objectives:
        scores.positives += 1
        scores.top1_hits += bool(predicted) and predicted[0] in item.objectives
    else:
        scores.negatives += 1
        scores.rejected += not predicted
    if item.statement_type is not None:
        scores.typed += 1
        scores.type_hits += statement_type == item.statement_type


def principle_lookup(framework: Framework) -> dict[str, str]:
    """Map folded principle ids and English titles to principle ids."""
    lookup: dict[str, str] = {}
    for principle in framework.spec.principles:
        lookup[fold(principle.id)] = principle.id
        lookup[fold(principle.title.en)] = principle.id
    return lookup


def _macro(table: dict[int, Counts]) -> float:
    return sum(c.f1 for c in table.values()) / len(table) if table else 0.0


def _ratio(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None
