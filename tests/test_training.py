"""Training the fusion layers from a framework's own examples, with real scikit-learn."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gcm_review import Engine, MappingOptions, Options, load_framework
from gcm_review.cli import app
from gcm_review.errors import ConfigError
from gcm_review.framework import FusionLayer, default_framework_path
from gcm_review.training import (
    _best_pair,
    _by_language,
    _Rows,
    _simulate,
    _target_thresholds,
)

runner = CliRunner()


def test_training_reproduces_the_shipped_fusion(tmp_path: Path) -> None:
    """fusion.yaml is derived data: retraining on the shipped examples gives it back."""
    folder = tmp_path / "gcm"
    shutil.copytree(default_framework_path(), folder)
    (folder / "fusion.yaml").unlink()
    result = runner.invoke(app, ["framework", "train", str(folder)])
    assert result.exit_code == 0, result.output
    assert "objective: held-out precision" in result.stdout
    for lang in ("ar", "en", "es", "fr"):  # and each language's own figures
        assert f"objective ({lang}): held-out precision" in result.stdout
        assert f"principle ({lang}): held-out precision" in result.stdout
    retrained, shipped = load_framework(folder).fusion, load_framework().fusion
    assert retrained is not None and shipped is not None
    for kind in ("objective", "principle"):
        new, old = getattr(retrained, kind), getattr(shipped, kind)
        assert (new.threshold, new.top_threshold) == (old.threshold, old.top_threshold)
        assert new.thresholds == old.thresholds
        assert all(abs(a - b) < 0.05 for a, b in zip(new.coef, old.coef, strict=True))
    assert retrained.relevance.threshold == shipped.relevance.threshold
    assert retrained.statement.classes == shipped.statement.classes
    assert retrained.statement_kinds == shipped.statement_kinds
    assert retrained.principle_topics == shipped.principle_topics
    assert retrained.principle_kinds == shipped.principle_kinds
    assert "statement: held-out accuracy" in result.stdout
    pledge = shipped.statement_kinds["pledge"]
    assert max(pledge, key=pledge.__getitem__) == "commitment"


def test_a_fusion_trained_on_another_encoders_vectors_is_refused(tmp_path: Path) -> None:
    """The layers read the vectors of the encoder named in fusion.yaml: with another encoder
    the full mode would score nonsense, so the engine says to retrain; the lexical mode, which
    reads no vector, still runs."""
    folder = tmp_path / "gcm"
    shutil.copytree(default_framework_path(), folder)
    path = folder / "fusion.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines = [
        "encoder: an older sentence encoder\n" if line.startswith("encoder:") else line
        for line in lines
    ]
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(
        ConfigError, match=f"retrain the framework with `gcm-review framework train {folder}`"
    ):
        Engine(load_framework(folder))
    lexical = Engine(load_framework(folder), Options(mapping=MappingOptions(mode="lexical")))
    match = lexical.classify(
        "Le Maroc a adopté une loi sur le recrutement équitable des travailleurs migrants.", "fr"
    )
    assert [m.target for m in match.objectives][:1] == ["6"]


def test_training_needs_examples(fixtures: Path, tmp_path: Path) -> None:
    folder = tmp_path / "mini"
    shutil.copytree(fixtures / "mini_framework", folder)
    result = runner.invoke(app, ["framework", "train", str(folder)])
    assert result.exit_code == 1 and "no labelled examples" in result.stderr


def _scored_rows(scored: list[tuple[float, int]], target: str) -> tuple[_Rows, list[float]]:
    """One target's rows, one passage each, from (held-out probability, label) pairs."""
    rows = _Rows(
        x=[[0.0]] * len(scored),  # no reference feature: none cited
        y=[label for _, label in scored],
        group=list(range(len(scored))),
        target=[target] * len(scored),
        strong=[True] * len(scored),
    )
    return rows, [p for p, _ in scored]


def test_a_principle_threshold_of_its_own_keeps_the_precision_floor() -> None:
    # 40 positives scored 0.9, 30 positives and 20 negatives at 0.3. F1 is best at 0.3
    # (precision 70/90 = 0.78, recall 1.0, F1 0.875); a floor of 0.8 moves the threshold
    # above 0.3, where only the 40 sure positives are kept (precision 1.0, F1 0.73)
    scored = [(0.9, 1)] * 40 + [(0.3, 1)] * 30 + [(0.3, 0)] * 20
    rows, probabilities = _scored_rows(scored, "human rights")
    assert _target_thresholds(rows, probabilities, 0.5, precision=0.5) == {"human rights": 0.3}
    # above 0.3 every threshold scores the same: the tie goes to the layer's (left out) ...
    assert _target_thresholds(rows, probabilities, 0.5, precision=0.8) == {}
    # ... or to the one nearest it
    assert _target_thresholds(rows, probabilities, 0.2, precision=0.8) == {"human rights": 0.35}


def test_a_ranked_target_below_the_floor_keeps_its_precision_instead() -> None:
    # 10 positives scored 0.95, 30 positives and 20 negatives at 0.5: at the layer's 0.4
    # precision is 40/60. A floor of 0.85 would raise the threshold above 0.5 and keep only
    # the 10 sure positives (F1 0.4); relative to its own precision the target keeps 0.4
    # (F1 0.8), the layer's threshold, so it gets none of its own
    scored = [(0.95, 1)] * 10 + [(0.5, 1)] * 30 + [(0.5, 0)] * 20
    rows, probabilities = _scored_rows(scored, "7")
    assert _target_thresholds(rows, probabilities, 0.4, precision=0.85) == {"7": 0.55}
    assert _target_thresholds(rows, probabilities, 0.4, precision=0.85, relative=True) == {}


def test_a_target_that_never_keeps_the_floor_is_never_asserted() -> None:
    # every threshold that keeps a hit keeps one negative for each positive: precision 0.5
    # under a floor of 0.7 at all of them, so the target gets 1.0 rather than a guess
    scored = [(0.8, 1), (0.8, 0)] * 20 + [(0.3, 1), (0.3, 0)] * 20
    rows, probabilities = _scored_rows(scored, "people-centred")
    assert _target_thresholds(rows, probabilities, 0.35, precision=0.7) == {"people-centred": 1.0}


def test_held_out_figures_are_given_per_language() -> None:
    # two passages of one target each: the English one found, the Spanish one missed
    rows, probabilities = _scored_rows([(0.9, 1), (0.2, 1)], "6")
    layer = FusionLayer(features=["x"], coef=[1.0], intercept=0.0, threshold=0.5, top_threshold=0.5)
    figures = _by_language(rows, probabilities, layer, limit=3, languages=["en", "es"])
    assert figures["en"]["recall"] == 1.0 and figures["en"]["top1"] == 1.0
    assert figures["es"]["recall"] == 0.0 and figures["es"]["top1"] == 0.0


def test_held_out_figures_keep_cited_targets_as_the_map_does() -> None:
    # one passage cites objectives 10 and 11 and scores 11 at 0.1 only: the map asserts both
    # (cited ones always), and so must the held-out figures the thresholds are chosen on
    rows = _Rows(
        x=[[1.0], [1.0], [0.0]],
        y=[1, 1, 0],
        group=[0, 0, 0],
        target=["10", "11", "7"],
        strong=[True] * 3,
    )
    figures = _simulate(rows, [0.9, 0.1, 0.6], threshold=0.5, top=0.5, limit=1)
    assert figures["recall"] == 1.0  # both cited kept, beyond the limit of one
    assert figures["precision"] == 1.0  # the uncited 7 (0.6) does not fit under the limit


def test_the_best_targets_lower_threshold_is_chosen_under_the_targets_own() -> None:
    # six passages, each one's targets with (held-out probability, label): a right objective
    # at 0.2 and a wrong one at 0.25, each the best of its passage; a wrong 7 at 0.6 beside a
    # right 6. Under the layer's threshold (0.5) alone, a top threshold of 0.2 keeps 5 right
    # and 2 wrong (precision 0.71, under the floor of 0.8), so 0.35 is chosen. Once 7 has its
    # own threshold of 0.9, 0.2 keeps precision 0.83 and finds every passage's best: chosen
    scored = [
        [("5", 0.2, 1)],
        [("6", 0.95, 1), ("7", 0.6, 0)],
        [("6", 0.95, 1)],
        [("6", 0.95, 1)],
        [("6", 0.95, 1)],
        [("9", 0.25, 0)],
    ]
    flat = [(group, *row) for group, rows in enumerate(scored) for row in rows]
    rows = _Rows(
        x=[[0.0]] * len(flat),  # none cited
        y=[label for *_, label in flat],
        group=[group for group, *_ in flat],
        target=[target for _, target, *_ in flat],
        strong=[True] * len(flat),
    )
    held_out = [p for _, _, p, _ in flat]
    pairs = [(0.5, 0.2), (0.5, 0.35)]
    assert _best_pair(rows, held_out, pairs, 3, 0.8, ranked=True)[:2] == (0.5, 0.35)
    own = {"7": 0.9}
    threshold, top, figures = _best_pair(rows, held_out, pairs, 3, 0.8, ranked=True, own=own)
    assert (threshold, top) == (0.5, 0.2) and figures["top1"] == 1.0
    # when no pair keeps the floor, the first one given stays: the training gives its first
    # choice first, so an unreachable floor leaves it as it was
    assert _best_pair(rows, held_out, pairs[::-1], 3, 0.95, ranked=True)[:2] == (0.5, 0.35)
