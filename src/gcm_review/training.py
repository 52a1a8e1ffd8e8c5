"""Train the fusion and statement-type layers of a framework on its labelled examples.

The examples are ``training/*.jsonl`` inside the framework folder, written for the framework
(never the evaluation sets). Thresholds are chosen on out-of-fold predictions (grouped by
passage), so they reflect passages the model did not see. The result is framework data:
``fusion.yaml``, read by the map and extract stages.
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import product
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import yaml

from .errors import ConfigError, InputFormatError
from .evaluate import GoldPassage, load_gold, principle_lookup
from .extract import states_named
from .extract.statements import STATEMENT_CUES, STATEMENT_FEATURES, STATEMENT_INPUTS
from .framework import Fusion, FusionLayer, LinearLayer, RelevanceLayer
from .linear import LinearModel
from .mapping.fusion import (
    FEATURES,
    MIGRATION,
    PRINCIPLE_FEATURES,
    RELEVANCE_FEATURES,
    document_kind_prior,
    relevance_row,
    topic_prior,
)
from .mapping.lexical import LexicalEvidence
from .mapping.semantic import Encoded, SemanticIndex
from .normalise import normalise_text
from .pipeline import Engine
from .segment import first_sentence_end
from .text import fold, tokenize

logger = logging.getLogger(__name__)

_FOLDS = 5
_REJECTION = 0.97  # share of held-out off-topic passages the relevance layer keeps out
_CLASSIFIER_C = 10.0
_RELEVANCE_C = 1.0  # held-out positives let in at 0.3, 1 and 3: 0.83, 0.92, 0.90 (same rejection)
_PRINCIPLE_C = 3.0  # chosen by 5-fold CV on the training examples (0.3-10 tried)
_STATEMENT_C = 3.0  # chosen by 5-fold CV on the training examples (0.3-10 tried)
_GRID = [round(0.05 * i, 2) for i in range(2, 19)]
# held-out precision the objective thresholds keep: passages that name several objectives pull
# the best-F1 threshold down, and a suggestion an analyst must strike costs more than one missed
_OBJECTIVE_PRECISION = 0.85
# held-out precision every principle threshold keeps: floors of 0.6, 0.7 and 0.75 give held-out
# F1 0.728, 0.716 and 0.691 at precision 0.708, 0.754 and 0.812; suggestions should be right
_PRINCIPLE_PRECISION = 0.7
_OWN_THRESHOLD = 30  # positive examples a target needs to get a threshold of its own
_TOPIC_PRIOR = 2.0  # pseudo-examples of a principle's overall share in P(principle | objective)
_SHIFT_SCALES = [round(0.1 * i, 1) for i in range(11)]


@dataclass
class _Rows:
    """Feature rows of one kind: features, labels and the passage each row belongs to."""

    x: list[list[float]]
    y: list[int]
    group: list[int]
    target: list[str]
    strong: list[bool]


@dataclass(frozen=True)
class TrainingReport:
    """What training produced and how well it did on held-out folds."""

    fusion: Fusion
    examples: int
    cross_validated: dict[str, dict[str, float]]


def train_framework(engine: Engine) -> TrainingReport:
    """Train the layers of ``engine.framework`` on the framework's labelled examples.

    Args:
        engine: an engine over the framework (its mapper gives the features).

    Raises:
        InputFormatError: when the framework folder has no training examples.
        ConfigError: when scikit-learn is not installed.
    """
    framework = engine.framework
    mapper = engine.mapper
    examples = [
        g for path in sorted((framework.path / "training").glob("*.jsonl")) for g in load_gold(path)
    ]
    if not examples:
        raise InputFormatError(f"{framework.path / 'training'}: no labelled examples (*.jsonl)")
    if not framework.prototypes:
        raise InputFormatError(
            f"{framework.path / 'prototypes'}: the semantic layer needs prototypes"
        )
    texts = [normalise_text(e.text) for e in examples]
    vectors = mapper.encoder.encode(texts)
    # the fusion rows read classifiers that never saw the example: the objective classifier
    # saw only prototypes; each example reads the principle classifier of the folds without it
    classifiers = {"objective": _fit_objective_classifier(mapper.index)}
    # each example's principles by id, as the mapper names them
    lookup = principle_lookup(framework)
    labels = [{lookup.get(fold(p), p) for p in e.principles} for e in examples]
    classifiers["principle"], unseen = _fit_principle_classifier(engine, labels, vectors)
    objective_model = LinearModel(classifiers["objective"])
    passages = _collect(
        engine,
        examples,
        texts,
        vectors,
        [{"objective": objective_model, "principle": model} for model in unseen],
    )
    classifiers["relevance"], migration = _fit_relevance_classifier(examples, vectors)
    relevance, relevance_cv, relevant = _fit_relevance(passages, migration)
    objective, principle = _target_rows(passages, labels, relevant)
    obj_layer, obj_cv, obj_held_out = _fit_layer(
        objective,
        FEATURES,
        limit=engine.mapper.options.max_objectives,
        precision=_OBJECTIVE_PRECISION,
        ranked=True,
    )
    topics = _principle_topics(engine, examples, labels)
    _add_topics(principle, objective, obj_held_out, topics)
    kinds = _principle_kinds(engine, examples, labels)
    _add_kinds(principle, examples, kinds)
    pri_layer, pri_cv, pri_held_out = _fit_layer(
        principle,
        PRINCIPLE_FEATURES,
        limit=engine.mapper.options.max_principles,
        precision=_PRINCIPLE_PRECISION,
        ranked=False,
    )
    statement, statement_kinds, statement_cv = _fit_statement(passages, vector=True)
    lexical_statement, lexical_statement_kinds, lexical_statement_cv = _fit_statement(
        passages, vector=False
    )
    fusion = Fusion(
        version=framework.spec.version,
        source=f"trained on {len(examples)} examples of {framework.path.name}/training "
        f"on {datetime.now(UTC).date().isoformat()}",
        encoder=engine.mapper.encoder.name,
        relevance=relevance,
        objective=obj_layer,
        principle=pri_layer,
        objective_classifier=classifiers["objective"],
        principle_classifier=classifiers["principle"],
        relevance_classifier=classifiers["relevance"],
        statement=statement,
        statement_kinds=statement_kinds,
        lexical_statement=lexical_statement,
        lexical_statement_kinds=lexical_statement_kinds,
        principle_topics=topics,
        principle_kinds=kinds,
    )
    figures = {"relevance": relevance_cv, "objective": obj_cv, "principle": pri_cv}
    languages = [e.lang for e in examples]
    for kind, rows, held_out, layer, limit in (
        ("objective", objective, obj_held_out, obj_layer, engine.mapper.options.max_objectives),
        ("principle", principle, pri_held_out, pri_layer, engine.mapper.options.max_principles),
    ):
        for lang, by_lang in _by_language(rows, held_out, layer, limit, languages).items():
            figures[f"{kind} ({lang})"] = by_lang
    figures["statement"] = statement_cv
    figures["statement (lexical mode)"] = lexical_statement_cv
    return TrainingReport(fusion, len(examples), figures)


def write_fusion(fusion: Fusion, folder: Path) -> Path:
    """Write ``fusion.yaml`` into a framework folder."""
    path = folder / "fusion.yaml"
    header = "# Generated by `gcm-review framework train`; do not edit by hand.\n"
    path.write_text(
        header + yaml.safe_dump(fusion.model_dump(), sort_keys=False, allow_unicode=True),
        encoding="utf-8",
    )
    return path


@dataclass(frozen=True)
class _Passage:
    """One training example with everything computed from it."""

    example: GoldPassage
    lexical: LexicalEvidence
    rows: dict[str, dict[str, list[float]]]
    statement: npt.NDArray[np.float32]
    states: int  # distinct states named


def _collect(
    engine: Engine,
    examples: Sequence[GoldPassage],
    texts: Sequence[str],
    vectors: npt.NDArray[np.float32],
    classifiers: Sequence[dict[str, LinearModel]],
) -> list[_Passage]:
    """Everything the layers are fitted on, per example (``classifiers``: by example)."""
    similarities = engine.mapper.index.closest(vectors)
    passages: list[_Passage] = []
    for i, (example, text) in enumerate(zip(examples, texts, strict=True)):
        tokens = tokenize(text)
        encoded = Encoded(vectors[i], similarities[i])
        lexical, rows = engine.mapper.features(text, example.lang, tokens, encoded, classifiers[i])
        cues = engine.extractor.statements.features(example.lang, tokens, first_sentence_end(text))
        statement = np.concatenate([np.asarray(cues, dtype=np.float32), vectors[i]])
        states = states_named(engine.extractor.entities(text, tokens, example.lang))
        passages.append(_Passage(example, lexical, rows, statement, states))
    return passages


def _fit_relevance_classifier(
    examples: Sequence[GoldPassage], vectors: npt.NDArray[np.float32]
) -> tuple[LinearLayer, list[float]]:
    """A logistic model over sentence vectors of whether a passage is about people moving
    (an example with objectives) or not.

    Returns:
        the model trained on every example, and each example's probability from the model
        trained on the folds without it.
    """
    sklearn = _sklearn()
    y = [int(bool(e.objectives)) for e in examples]
    model = sklearn.linear_model.LogisticRegression(
        C=_RELEVANCE_C, max_iter=3000, class_weight="balanced"
    )
    folds = sklearn.model_selection.KFold(n_splits=_FOLDS, shuffle=True, random_state=0)
    held_out = sklearn.model_selection.cross_val_predict(
        model, vectors, y, cv=folds, method="predict_proba"
    )[:, 1]
    model.fit(vectors, y)
    return _multilabel_layer([MIGRATION], [model]), [float(p) for p in held_out]


def _fit_relevance(
    passages: Sequence[_Passage], migration: Sequence[float]
) -> tuple[RelevanceLayer, dict[str, float], list[bool]]:
    """Fit the relevance layer on the passages the lexical gate does not let in
    (``migration``: each passage's held-out probability from the relevance classifier).

    The threshold keeps at least ``_REJECTION`` of the held-out negatives out while letting
    in as many held-out positives as possible.
    """
    sklearn = _sklearn()
    weak = [i for i, p in enumerate(passages) if not p.lexical.relevant]
    x = [
        relevance_row(
            passages[i].lexical, passages[i].rows["objective"], passages[i].states, migration[i]
        )
        for i in weak
    ]
    y = [int(bool(passages[i].example.objectives)) for i in weak]
    model = sklearn.linear_model.LogisticRegression(C=1.0, max_iter=2000)
    held_out = sklearn.model_selection.cross_val_predict(
        model, x, y, cv=_FOLDS, method="predict_proba"
    )[:, 1]
    negatives = sorted(p for p, label in zip(held_out, y, strict=True) if not label)
    cut = negatives[min(len(negatives) - 1, int(_REJECTION * len(negatives)))] if negatives else 0.5
    threshold = min(0.95, round(float(cut) + 0.01, 2))
    kept = {i for i, p in zip(weak, held_out, strict=True) if p >= threshold}
    positives = sum(y)
    figures = {
        "weak_passages": float(len(weak)),
        "positives_kept": round(
            sum(1 for i in kept if passages[i].example.objectives) / positives, 4
        )
        if positives
        else 1.0,
        "negatives_rejected": round(
            1 - sum(1 for i in kept if not passages[i].example.objectives) / max(len(negatives), 1),
            4,
        ),
    }
    model.fit(x, y)
    layer = RelevanceLayer(
        features=list(RELEVANCE_FEATURES),
        coef=[round(float(c), 5) for c in model.coef_[0]],
        intercept=round(float(model.intercept_[0]), 5),
        threshold=threshold,
    )
    relevant = [p.lexical.relevant or i in kept for i, p in enumerate(passages)]
    return layer, figures, relevant


def _target_rows(
    passages: Sequence[_Passage], labels: Sequence[set[str]], relevant: Sequence[bool]
) -> tuple[_Rows, _Rows]:
    objective, principle = _Rows([], [], [], [], []), _Rows([], [], [], [], [])
    for i, passage in enumerate(passages):
        if not relevant[i]:
            continue
        example = passage.example
        gold = {
            "objective": {str(o) for o in example.objectives},
            "principle": labels[i],
        }
        for kind, table in (("objective", objective), ("principle", principle)):
            for target, row in passage.rows[kind].items():
                table.x.append(row)
                table.y.append(int(target in gold[kind]))
                table.group.append(i)
                table.target.append(target)
                table.strong.append(passage.lexical.signal == "strong")
    return objective, principle


def _sklearn() -> Any:
    try:
        import sklearn.linear_model
        import sklearn.model_selection
    except ImportError as exc:
        raise ConfigError("training needs scikit-learn: pip install 'gcm-review[train]'") from exc
    return sklearn


def _principle_topics(
    engine: Engine, examples: Sequence[GoldPassage], labels: Sequence[set[str]]
) -> dict[str, dict[str, float]]:
    """P(principle | objective) over the examples (``labels``: their principles), smoothed
    towards each principle's overall share by ``_TOPIC_PRIOR`` pseudo-examples."""
    overall = Counter(p for row in labels for p in row)
    table: dict[str, dict[str, float]] = {}
    for objective in engine.mapper.targets["objective"]:
        rows = [
            row for e, row in zip(examples, labels, strict=True) if int(objective) in e.objectives
        ]
        counts = Counter(p for row in rows for p in row)
        table[objective] = {
            principle: round(
                (counts[principle] + _TOPIC_PRIOR * overall[principle] / len(examples))
                / (len(rows) + _TOPIC_PRIOR),
                4,
            )
            for principle in engine.mapper.targets["principle"]
        }
    return table


def _principle_kinds(
    engine: Engine, examples: Sequence[GoldPassage], labels: Sequence[set[str]]
) -> dict[str, dict[str, float]]:
    """P(principle | document kind) over the examples about migration, smoothed towards each
    principle's overall share by ``_TOPIC_PRIOR`` pseudo-examples; ``other`` (a passage of
    unknown kind) holds the overall shares."""
    about = [(e.kind, row) for e, row in zip(examples, labels, strict=True) if e.objectives]
    principles = engine.mapper.targets["principle"]
    overall = Counter(p for _, row in about for p in row)
    shares = {p: overall[p] / len(about) for p in principles}
    table = {"other": {p: round(share, 4) for p, share in shares.items()}}
    for kind in sorted({kind for kind, _ in about if kind}):
        rows = [row for of, row in about if of == kind]
        counts = Counter(p for row in rows for p in row)
        table[kind] = {
            p: round((counts[p] + _TOPIC_PRIOR * shares[p]) / (len(rows) + _TOPIC_PRIOR), 4)
            for p in principles
        }
    return table


def _add_kinds(
    principle: _Rows, examples: Sequence[GoldPassage], table: dict[str, dict[str, float]]
) -> None:
    """Append each principle row's document-kind prior, as the mapper reads it (the overall
    shares for an example of no document kind, as the off-topic ones)."""
    for row, group, target in zip(principle.x, principle.group, principle.target, strict=True):
        row.append(document_kind_prior(examples[group].kind, table).get(target, 0.0))


def _add_topics(
    principle: _Rows,
    objective: _Rows,
    held_out: Sequence[float],
    table: dict[str, dict[str, float]],
) -> None:
    """Append each principle row's topic prior, read from the held-out objective
    probabilities of its passage (as the mapper reads the fitted objective layer's)."""
    likely: dict[int, dict[str, float]] = {}
    for group, target, p in zip(objective.group, objective.target, held_out, strict=True):
        likely.setdefault(group, {})[target] = float(p)
    priors = {group: topic_prior(values, table) for group, values in likely.items()}
    for row, group, target in zip(principle.x, principle.group, principle.target, strict=True):
        row.append(priors[group].get(target, 0.0))


def _fit_layer(
    rows: _Rows, features: Sequence[str], limit: int, precision: float, ranked: bool
) -> tuple[FusionLayer, dict[str, float], list[float]]:
    """Fit one fusion layer and choose its thresholds on held-out folds.

    The thresholds maximise micro F1 (plus top-1 accuracy when ``ranked``: objectives are
    read best first, and the best one has a lower ``top_threshold``; principles are read as a
    set) among those keeping held-out precision at ``precision`` or above. Each target with
    enough positive examples then gets its own threshold (``_target_thresholds``); the figures
    returned apply them. Ranked layers keep each target at the precision floor or at its
    precision under the layer's threshold, whichever is lower (``relative``): a target often
    confused with its neighbours would otherwise be pushed to a threshold that drops most of
    its passages.
    """
    sklearn = _sklearn()
    model = sklearn.linear_model.LogisticRegression(C=1.0, max_iter=2000)
    folds = sklearn.model_selection.GroupKFold(n_splits=_FOLDS)
    held_out = sklearn.model_selection.cross_val_predict(
        model, rows.x, rows.y, groups=rows.group, cv=folds, method="predict_proba"
    )[:, 1]
    if ranked:
        pairs = [(t, top) for t, top in product(_GRID, _GRID) if top <= t]
    else:  # a set (principles) has no best target: a top_threshold of 1.0 is never reached
        pairs = [(t, 1.0) for t in _GRID]
    threshold, top, figures = _best_pair(rows, held_out, pairs, limit, precision, ranked)
    own = _target_thresholds(rows, held_out, threshold, precision, relative=ranked)
    if own:
        # the targets' own thresholds change the precision the best target's lower threshold
        # keeps: it is chosen again under them, the first choice kept unless another does better
        tops = [top, *(t for t in _GRID if t <= threshold and t != top)] if ranked else [top]
        pairs = [(threshold, t) for t in tops]
        _, top, figures = _best_pair(rows, held_out, pairs, limit, precision, ranked, own)
    model.fit(rows.x, rows.y)
    layer = FusionLayer(
        features=list(features),
        coef=[round(float(c), 5) for c in model.coef_[0]],
        intercept=round(float(model.intercept_[0]), 5),
        threshold=threshold,
        top_threshold=top,
        thresholds=own,
    )
    return layer, figures, [float(p) for p in held_out]


def _best_pair(
    rows: _Rows,
    held_out: Sequence[float],
    pairs: Sequence[tuple[float, float]],
    limit: int,
    precision: float,
    ranked: bool,
    own: Mapping[str, float] | None = None,
) -> tuple[float, float, dict[str, float]]:
    """The (threshold, top_threshold) pair of ``pairs`` with the best held-out micro F1 (plus
    top-1 accuracy when ``ranked``) among those keeping precision at ``precision`` or above
    (the first pair when none does), with its figures."""
    best: tuple[float, float, float, dict[str, float]] | None = None
    for threshold, top in pairs:
        figures = _simulate(rows, held_out, threshold, top, limit, own)
        value = figures["f1"] + (figures["top1"] if ranked else 0.0)
        if figures["precision"] < precision:
            value = -1.0
        if best is None or value > best[0]:
            best = (value, threshold, top, figures)
    assert best is not None
    _, threshold, top, figures = best
    return threshold, top, figures


def _target_thresholds(
    rows: _Rows,
    probabilities: Sequence[float],
    default: float,
    precision: float,
    relative: bool = False,
) -> dict[str, float]:
    """Each target's own threshold: the one of ``_GRID`` with the best held-out F1 on that
    target's rows alone among those keeping its held-out precision at ``precision`` or above
    (``relative``: or at its precision under ``default``, when that is lower; ties go to the
    value nearest ``default``), for the targets with at least ``_OWN_THRESHOLD`` positive
    examples. Targets whose best is ``default`` are left out; a target that keeps the floor
    at no threshold with a single hit gets 1.0: it is never asserted.
    """
    by_target: dict[str, list[tuple[float, int]]] = {}
    for target, p, label in zip(rows.target, probabilities, rows.y, strict=True):
        by_target.setdefault(target, []).append((p, label))
    own: dict[str, float] = {}
    for target, scored in sorted(by_target.items()):
        positives = sum(label for _, label in scored)
        if positives < _OWN_THRESHOLD:
            continue
        kept = [[label for p, label in scored if p >= t] for t in _GRID]
        floor = precision
        if relative:
            at_default = [label for p, label in scored if p >= default]
            floor = min(floor, sum(at_default) / len(at_default) if at_default else 1.0)
        f1 = [
            round(2 * sum(labels) / (len(labels) + positives), 6)
            if sum(labels) >= floor * len(labels)
            else -1.0
            for labels in kept
        ]
        best, _, chosen = max(zip(f1, (-abs(t - default) for t in _GRID), _GRID, strict=True))
        if best <= 0:
            chosen = 1.0
        if chosen != default:
            own[target] = chosen
    return own


def _simulate(
    rows: _Rows,
    probabilities: Sequence[float],
    threshold: float,
    top: float,
    limit: int,
    own: Mapping[str, float] | None = None,
) -> dict[str, float]:
    """Apply the assertion rule of ``fusion.asserted`` to held-out probabilities (``own``:
    the targets' own thresholds): cited targets first and always kept, then those above
    their threshold, up to ``limit`` in all unless more are cited."""
    own = own or {}
    by_group: dict[int, list[tuple[bool, float, int, float]]] = {}
    strong: dict[int, bool] = {}
    for group, target, p, label, clear, row in zip(
        rows.group, rows.target, probabilities, rows.y, rows.strong, rows.x, strict=True
    ):
        cited = row[0] > 0  # FEATURES[0] is "reference"
        by_group.setdefault(group, []).append((cited, p, label, own.get(target, threshold)))
        strong[group] = clear
    tp = fp = fn = hits = positives = 0
    for group, scored in by_group.items():
        scored.sort(key=lambda item: (not item[0], -item[1]))
        kept = [
            label
            for i, (cited, p, label, own_threshold) in enumerate(scored)
            if cited or p >= own_threshold or (i == 0 and strong[group] and p >= top)
        ]
        kept = kept[: max(limit, sum(cited for cited, *_ in scored))]
        gold = sum(label for *_, label, _ in scored)
        tp += sum(kept)
        fp += len(kept) - sum(kept)
        fn += gold - sum(kept)
        if gold:
            positives += 1
            hits += bool(kept) and kept[0] == 1
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "top1": round(hits / positives, 4) if positives else 0.0,
    }


def _by_language(
    rows: _Rows,
    held_out: Sequence[float],
    layer: FusionLayer,
    limit: int,
    languages: Sequence[str],
) -> dict[str, dict[str, float]]:
    """A layer's held-out figures on each language's examples (``languages``: each
    example's, which the rows' groups index), to see how far apart the languages are."""
    figures: dict[str, dict[str, float]] = {}
    for lang in sorted(set(languages)):
        kept = [i for i, group in enumerate(rows.group) if languages[group] == lang]
        subset = _Rows(
            x=[rows.x[i] for i in kept],
            y=[rows.y[i] for i in kept],
            group=[rows.group[i] for i in kept],
            target=[rows.target[i] for i in kept],
            strong=[rows.strong[i] for i in kept],
        )
        probabilities = [held_out[i] for i in kept]
        figures[lang] = _simulate(
            subset, probabilities, layer.threshold, layer.top_threshold, limit, layer.thresholds
        )
    return figures


def _linear_layer(model: Any, features: Sequence[str], vector: bool) -> LinearLayer:
    return LinearLayer(
        classes=[str(c) for c in model.classes_],
        features=list(features),
        vector=vector,
        coef=[[round(float(c), 4) for c in row] for row in model.coef_],
        intercept=[round(float(b), 4) for b in model.intercept_],
    )


def _multilabel_layer(classes: Sequence[str], models: Sequence[Any]) -> LinearLayer:
    """One binary logistic model per class over the sentence vector, as one stored layer."""
    return LinearLayer(
        classes=list(classes),
        features=[],
        vector=True,
        coef=[[round(float(c), 4) for c in model.coef_[0]] for model in models],
        intercept=[round(float(model.intercept_[0]), 4) for model in models],
        multilabel=True,
    )


def _fit_objective_classifier(index: SemanticIndex) -> LinearLayer:
    """A multinomial classifier of sentence vectors trained on the objective prototypes."""
    sklearn = _sklearn()
    rows = [i for i, target in enumerate(index.targets) if target[0] == "objective"]
    model = sklearn.linear_model.LogisticRegression(
        C=_CLASSIFIER_C, max_iter=3000, class_weight="balanced"
    )
    model.fit(index.vectors[rows], [index.targets[i][1] for i in rows])
    return _linear_layer(model, [], vector=True)


def _fit_principle_classifier(
    engine: Engine, labels: Sequence[set[str]], vectors: npt.NDArray[np.float32]
) -> tuple[LinearLayer, list[LinearModel]]:
    """One logistic model per principle over sentence vectors, trained on the labelled
    examples (a passage may show several principles) and the principle prototypes.

    Returns:
        the model trained on everything, and for each example the model trained on the
        folds without it.
    """
    sklearn = _sklearn()
    index = engine.mapper.index
    classes = list(engine.mapper.targets["principle"])
    prototypes = [i for i, target in enumerate(index.targets) if target[0] == "principle"]

    def fit(rows: Sequence[int]) -> LinearLayer:
        x = np.vstack([vectors[list(rows)], index.vectors[prototypes]])
        y = [labels[i] for i in rows] + [{index.targets[i][1]} for i in prototypes]
        models = [
            sklearn.linear_model.LogisticRegression(
                C=_PRINCIPLE_C, max_iter=3000, class_weight="balanced"
            ).fit(x, [int(target in row) for row in y])
            for target in classes
        ]
        return _multilabel_layer(classes, models)

    unseen: list[LinearModel | None] = [None] * len(labels)
    folds = sklearn.model_selection.KFold(n_splits=_FOLDS, shuffle=True, random_state=0)
    for train, test in folds.split(vectors):
        model = LinearModel(fit(train))
        for i in test:
            unseen[i] = model
    return fit(range(len(labels))), [m for m in unseen if m is not None]


def _fit_statement(
    passages: Sequence[_Passage], vector: bool
) -> tuple[LinearLayer, dict[str, dict[str, float]], dict[str, float]]:
    """The statement-type model, and the shift of its log odds per document kind.

    With ``vector`` the model reads the phrase weights, the tense counts and the sentence
    vector; without, the phrase weights alone (it serves the lexical mode, where speed
    counts: the tenses would add a point of held-out accuracy for a tenth of its throughput).

    The shift is log P(type | kind) - log P(type) over the typed examples (add-one
    smoothing), scaled by the factor that gives the best held-out accuracy when applied to
    the model's held-out probabilities (0 when knowing the kind does not help).
    """
    sklearn = _sklearn()
    typed = [p for p in passages if p.example.statement_type not in (None, "none")]
    inputs = STATEMENT_INPUTS if vector else STATEMENT_CUES
    width = None if vector else len(inputs)
    x = np.vstack([p.statement[:width] for p in typed])
    y = [str(p.example.statement_type) for p in typed]
    model = sklearn.linear_model.LogisticRegression(C=_STATEMENT_C, max_iter=3000)
    held_out = sklearn.model_selection.cross_val_predict(
        model, x, y, cv=_FOLDS, method="predict_proba"
    )
    classes = sorted(set(y))
    shifts = _kind_shifts([p.example for p in typed])
    accuracy: dict[float, float] = {}
    for scale in _SHIFT_SCALES:
        hits = 0
        for probabilities, passage, gold in zip(held_out, typed, y, strict=True):
            shift = shifts.get(passage.example.kind or "", {})
            scores = np.log(np.maximum(probabilities, 1e-9)) + scale * np.asarray(
                [shift.get(c, 0.0) for c in classes]
            )
            hits += classes[int(np.argmax(scores))] == gold
        accuracy[scale] = hits / len(typed)
    # the one-standard-error rule: the largest scale (the plain Bayes shift at 1.0) among those
    # within one standard error of the best held-out accuracy, as nearby scales differ by a few
    # examples only
    top = max(accuracy.values())
    error = math.sqrt(top * (1 - top) / len(typed))
    scale = max(s for s, value in accuracy.items() if value >= top - error)
    best = (accuracy[scale], scale)
    model.fit(x, y)
    kinds = {
        kind: {t: round(best[1] * value, 4) for t, value in shift.items()}
        for kind, shift in shifts.items()
    }
    return (
        _linear_layer(model, inputs, vector=vector),
        kinds,
        {"accuracy": round(best[0], 4), "kind_scale": best[1]},
    )


def _kind_shifts(examples: Sequence[GoldPassage]) -> dict[str, dict[str, float]]:
    """Per document kind, log P(type | kind) - log P(type), with add-one smoothing."""
    overall = Counter(str(e.statement_type) for e in examples)
    size = len(examples) + len(STATEMENT_FEATURES)
    shifts: dict[str, dict[str, float]] = {}
    for kind in sorted({e.kind for e in examples if e.kind}):
        counts = Counter(str(e.statement_type) for e in examples if e.kind == kind)
        local = sum(counts.values()) + len(STATEMENT_FEATURES)
        shifts[kind] = {
            t: math.log((counts[t] + 1) / local) - math.log((overall[t] + 1) / size)
            for t in STATEMENT_FEATURES
        }
    return shifts
