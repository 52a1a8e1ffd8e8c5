"""Apply the multinomial logistic layers stored as framework data (``fusion.yaml``)."""

from __future__ import annotations

import operator
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from .framework import LinearLayer

Vector = npt.NDArray[np.float32]


class LinearModel:
    """A ``LinearLayer`` as numpy arrays.

    Args:
        layer: the stored layer: named features, then the sentence vector if it uses one.
    """

    def __init__(self, layer: LinearLayer) -> None:
        self.classes = list(layer.classes)
        self.uses_vector = layer.vector
        self.multilabel = layer.multilabel
        self.named = len(layer.features)
        self.weights = np.asarray(layer.coef, dtype=np.float32)
        self.bias = np.asarray(layer.intercept, dtype=np.float32)
        # a layer of a few named features only is faster in plain Python than through numpy
        self._rows = (
            None
            if layer.vector
            else [(row, b) for row, b in zip(layer.coef, layer.intercept, strict=True)]
        )

    def logits(self, features: Sequence[float], vector: Vector | None) -> dict[str, float]:
        """Class scores before the softmax or sigmoid, for one input (the best class of a
        multinomial layer is the one with the highest; shifts of log odds add to them).

        Args:
            features: the named features, in the layer's order.
            vector: the sentence vector (required when the layer uses one).
        """
        if self._rows is not None:
            values = [sum(map(operator.mul, row, features)) + b for row, b in self._rows]
            return dict(zip(self.classes, values, strict=True))
        return dict(zip(self.classes, self._logits(features, vector).tolist(), strict=True))

    def probabilities(self, features: Sequence[float], vector: Vector | None) -> dict[str, float]:
        """Class probabilities for one input (summing to one unless the layer is multilabel).

        Args:
            features: the named features, in the layer's order.
            vector: the sentence vector (required when the layer uses one).
        """
        logits = self._logits(features, vector)
        if self.multilabel:
            values = 1.0 / (1.0 + np.exp(-np.clip(logits, -30.0, 30.0)))
        else:
            exps = np.exp(logits - logits.max())
            values = exps / exps.sum()
        return dict(zip(self.classes, values.tolist(), strict=True))

    def _logits(self, features: Sequence[float], vector: Vector | None) -> npt.NDArray[np.float32]:
        row = np.asarray(features, dtype=np.float32)
        if self.uses_vector:
            if vector is None:
                raise ValueError("this layer needs the sentence vector")
            row = np.concatenate([row, vector])
        return self.weights @ row + self.bias
