"""Apply the multinomial logistic layers stored as framework data (``fusion.yaml``)."""

from __future__ import annotations

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

    def probabilities(self, features: Sequence[float], vector: Vector | None) -> dict[str, float]:
        """Class probabilities for one input (summing to one unless the layer is multilabel).

        Args:
            features: the named features, in the layer's order.
            vector: the sentence vector (required when the layer uses one).
        """
        row = np.asarray(features, dtype=np.float32)
        if self.uses_vector:
            if vector is None:
                raise ValueError("this layer needs the sentence vector")
            row = np.concatenate([row, vector])
        logits = self.weights @ row + self.bias
        if self.multilabel:
            values = 1.0 / (1.0 + np.exp(-np.clip(logits, -30.0, 30.0)))
        else:
            exps = np.exp(logits - logits.max())
            values = exps / exps.sum()
        return dict(zip(self.classes, values.tolist(), strict=True))
