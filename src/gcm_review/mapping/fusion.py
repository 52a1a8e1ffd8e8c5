"""Combine lexical and semantic evidence into one calibrated score per target.

The combination is a logistic model over a few features of each (passage, target) pair,
trained on labelled examples written for the framework (``training/*.jsonl``) and stored as
framework data (``fusion.yaml``). Its thresholds were chosen on held-out folds of those
examples so that precision stays high.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from ..framework import FusionLayer, RelevanceLayer
from .lexical import LexicalEvidence
from .semantic import Similarities

FEATURES = (
    "reference",
    "lexical",
    "lexical_share",
    "semantic",
    "semantic_gap",
    "semantic_top",
    "classifier",
)
PRINCIPLE_FEATURES = (*FEATURES, "topic", "document_kind")
_LEXICAL_CAP = 4.0


def feature_rows(
    kind: str,
    targets: Sequence[str],
    lexical: LexicalEvidence,
    closest: Similarities,
    classifier: Mapping[str, float],
    topic: Mapping[str, float] | None = None,
    document_kind: Mapping[str, float] | None = None,
) -> dict[str, list[float]]:
    """The features of every target of one kind for one passage, in ``FEATURES`` order, then
    the target's ``topic`` prior and its ``document_kind`` prior when given (principles)."""
    totals = lexical.cue_totals(kind)
    referenced = lexical.referenced(kind)
    cues = {t: totals.get(t, 0.0) for t in targets}
    best_cue = max(cues.values(), default=0.0)
    similarities = {t: closest.best.get((kind, t), 0.0) for t in targets}
    ranked = sorted(similarities.values(), reverse=True)
    rows: dict[str, list[float]] = {}
    for target in targets:
        similarity = similarities[target]
        runner_up = ranked[1] if similarity == ranked[0] and len(ranked) > 1 else ranked[0]
        rows[target] = [
            1.0 if target in referenced else 0.0,
            min(cues[target], _LEXICAL_CAP),
            cues[target] / best_cue if best_cue else 0.0,
            similarity,
            similarity - runner_up,
            1.0 if similarity == ranked[0] else 0.0,
            classifier.get(target, 0.0),
        ]
        if topic is not None:
            rows[target].append(topic.get(target, 0.0))
        if document_kind is not None:
            rows[target].append(document_kind.get(target, 0.0))
    return rows


def topic_prior(
    objectives: Mapping[str, float], table: Mapping[str, Mapping[str, float]]
) -> dict[str, float]:
    """Each principle's prior from the passage's objective probabilities: the average of
    P(principle | objective) weighted by how likely each objective is."""
    weight = max(1.0, sum(objectives.values()))
    prior: dict[str, float] = {}
    for objective, p in objectives.items():
        for principle, share in table.get(objective, {}).items():
            prior[principle] = prior.get(principle, 0.0) + p * share / weight
    return prior


def document_kind_prior(
    kind: str | None, table: Mapping[str, Mapping[str, float]]
) -> Mapping[str, float]:
    """Each principle's prior from the kind of document: P(principle | kind), or the overall
    shares (``other``) for a kind unknown or absent from the examples."""
    return table.get(kind or "other") or table.get("other", {})


RELEVANCE_FEATURES = (
    "weak",
    "off_topic",
    "lexical",
    "semantic",
    "classifier",
    "states",
    "migration",
)
MIGRATION = "migration"  # the one class of the relevance classifier
_STATES_CAP = 3  # states named: migration links two or more; a third adds little


def relevance_row(
    lexical: LexicalEvidence, rows: Mapping[str, Sequence[float]], states: int, migration: float
) -> list[float]:
    """Passage-level features of the relevance layer, from the objective feature rows, the
    number of distinct states the passage names and the probability that the passage is about
    people moving given by the sentence-vector relevance classifier (``migration``)."""
    column = {name: i for i, name in enumerate(FEATURES)}
    best = {
        name: max((row[column[name]] for row in rows.values()), default=0.0)
        for name in ("lexical", "semantic", "classifier")
    }
    return [
        1.0 if "weak" in lexical.terms else 0.0,
        1.0 if "off_topic" in lexical.terms else 0.0,
        best["lexical"],
        best["semantic"],
        best["classifier"],
        min(states, _STATES_CAP) / _STATES_CAP,
        migration,
    ]


def probability(layer: FusionLayer | RelevanceLayer, row: Sequence[float]) -> float:
    """The calibrated probability that the target is addressed."""
    z = layer.intercept + sum(c * x for c, x in zip(layer.coef, row, strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def probabilities(layer: FusionLayer, rows: Mapping[str, Sequence[float]]) -> dict[str, float]:
    """The calibrated probability of every target of the rows."""
    return {target: probability(layer, row) for target, row in rows.items()}


def asserted(
    layer: FusionLayer,
    rows: Mapping[str, Sequence[float]],
    scores: Mapping[str, float],
    limit: int,
    strong: bool,
) -> list[tuple[str, float]]:
    """Targets asserted by the model, best first, from their feature rows and their
    ``probabilities``: every explicitly cited one (cited ones first, each scored at least
    its threshold: the passage says it addresses it, even when it says nothing more of it),
    then, up to ``limit`` targets in all, those above their threshold (their own or the
    layer's), and the best one when it clears the lower ``top_threshold`` in a passage
    clearly about migration."""
    cited = {t for t, row in rows.items() if row[0] > 0}  # FEATURES[0] is "reference"
    floors = {t: layer.thresholds.get(t, layer.threshold) for t in scores}
    raised = {t: max(p, floors[t]) if t in cited else p for t, p in scores.items()}
    scored = sorted(raised.items(), key=lambda x: (x[0] not in cited, -x[1]))
    kept = [
        (t, p)
        for i, (t, p) in enumerate(scored)
        if t in cited or p >= floors[t] or (i == 0 and strong and p >= layer.top_threshold)
    ]
    return kept[: max(limit, len(cited))]
