"""What kind of statement a passage is: practice, commitment, challenge, recommendation, report.

Each language profile lists weighted surface phrases per type (tense, modality, reporting
verbs: "a mis en place", "will", "ينبغي", "persisten"). Their summed weights are the features;
a multinomial logistic model trained on the framework's labelled examples turns them into a
type. When the kind of document is known, its share of each type among the labelled examples
shifts the model's odds (a pledge commits, a stakeholder submission recommends). Without a
trained model, the type with the highest summed weight wins.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from functools import cache

from ..framework import LinearLayer
from ..linear import LinearModel, Vector
from ..models import StatementType
from ..phrases import PhraseMatcher
from ..text import Token, load_profile, surface_keys

# the feature order, and on a tie the more specific type first
STATEMENT_FEATURES: tuple[StatementType, ...] = (
    "recommendation",
    "commitment",
    "challenge",
    "practice",
    "report",
)
_CAP = 3.0


def kind_of_title(tokens: Sequence[Token], lang: str) -> str | None:
    """The kind of document a title names ("Voluntary National Review of ...", "Chair's
    summary", "Communiqué de presse"): the kind of the longest ``kind_titles`` phrase of the
    language profile found in it (of the kind listed first, between phrases as long), or
    None."""
    kinds: list[str] = list(load_profile(lang).kind_titles)
    hits = _title_phrases(lang).find([token.key for token in tokens])
    ranked = [(h.last - h.first, -kinds.index(kind), kind) for h in hits for kind in h.payloads]
    return max(ranked)[2] if ranked else None


@cache
def _title_phrases(lang: str) -> PhraseMatcher[str]:
    """The ``kind_titles`` phrases of a language, each with its kind."""
    return PhraseMatcher(
        (surface_keys(phrase), kind)
        for kind, phrases in load_profile(lang).kind_titles.items()
        for phrase in phrases
    )


class StatementClassifier:
    """Tells the statement type of passages.

    Args:
        default: the type of a relevant passage without any type phrase (rule mode).
        layer: the trained model; the rule mode when None.
        kinds: per document kind, the log odds ratio of each type (``Fusion.statement_kinds``).
    """

    def __init__(
        self,
        default: StatementType,
        layer: LinearLayer | None,
        kinds: Mapping[str, Mapping[str, float]] | None = None,
    ) -> None:
        self.default = default
        self.model = LinearModel(layer) if layer is not None else None
        self.kinds = kinds or {}
        self._matchers: dict[str, PhraseMatcher[tuple[str, float]]] = {}

    def features(self, lang: str, tokens: Sequence[Token]) -> list[float]:
        """Summed phrase weights per type, in ``STATEMENT_FEATURES`` order (capped)."""
        scores = dict.fromkeys(STATEMENT_FEATURES, 0.0)
        for hit in self._matcher(lang).find([t.key for t in tokens]):
            for kind, weight in hit.payloads:
                scores[kind] += weight  # type: ignore[index]
        return [min(scores[kind], _CAP) for kind in STATEMENT_FEATURES]

    def classify(
        self,
        lang: str,
        tokens: Sequence[Token],
        relevant: bool,
        vector: Vector | None = None,
        kind: str | None = None,
    ) -> StatementType:
        """The statement type; ``none`` for a passage that is not about migration.

        The trained model is used when there is one and, if it reads sentence vectors, the
        passage's vector is given; otherwise the phrase weights decide.

        Args:
            kind: the kind of document the passage comes from (``DOCUMENT_KINDS``), if known.
        """
        if not relevant:
            return "none"
        row = self.features(lang, tokens)
        if self.model is not None and (vector is not None or not self.model.uses_vector):
            shift = self.kinds.get(kind or "", {})
            scores = {
                type_: math.log(max(p, 1e-9)) + shift.get(type_, 0.0)
                for type_, p in self.model.probabilities(row, vector).items()
            }
            best = max(scores, key=scores.__getitem__)
            return next(t for t in STATEMENT_FEATURES if t == best)
        if not any(row):
            return self.default
        return STATEMENT_FEATURES[max(range(len(row)), key=lambda i: (row[i], -i))]

    def _matcher(self, lang: str) -> PhraseMatcher[tuple[str, float]]:
        if lang not in self._matchers:
            profile = load_profile(lang)
            self._matchers[lang] = PhraseMatcher(
                (surface_keys(phrase), (kind, weight))
                for kind, phrases in profile.statement_types.items()
                for phrase, weight in phrases.items()
            )
        return self._matchers[lang]
