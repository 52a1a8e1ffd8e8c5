"""Bootstrap intervals of the evaluation's headline figures."""

from __future__ import annotations

import numpy as np

from gcm_review.evaluate import INTERVAL_METRICS, bootstrap_intervals


def _passages(hits: int, misses: int) -> np.ndarray:
    # one row per passage about migration, in the order of the evaluation's counts: positives,
    # top-1 hits, negatives, rejected, typed, type hits, objective tp/fp/fn, principle tp/fp/fn
    hit = [1, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0]
    miss = [1, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0]
    return np.asarray([hit] * hits + [miss] * misses, dtype=np.int64)


def test_an_interval_holds_the_figure_and_narrows_with_more_passages() -> None:
    few = bootstrap_intervals(_passages(10, 10), draws=2000)
    many = bootstrap_intervals(_passages(100, 100), draws=2000)
    for intervals in (few, many):
        low, high = intervals["top1_accuracy"] or (0.0, 0.0)
        assert low < 0.5 < high
    few_top1, many_top1 = few["top1_accuracy"], many["top1_accuracy"]
    assert few_top1 is not None and many_top1 is not None
    assert few_top1[1] - few_top1[0] > 2 * (many_top1[1] - many_top1[0])
    assert set(few) == set(INTERVAL_METRICS)


def test_a_figure_without_passages_has_no_interval_and_runs_repeat() -> None:
    counts = _passages(3, 1)
    intervals = bootstrap_intervals(counts, draws=500)
    # no off-topic passage and no principle label: nothing to resample
    assert intervals["off_topic_rejection"] is None and intervals["principle_f1"] is None
    assert intervals == bootstrap_intervals(counts, draws=500)
