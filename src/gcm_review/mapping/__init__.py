"""Stage "map": tie a passage to the objectives and principles it addresses, with evidence.

Three kinds of evidence, all read from the framework's data:

* explicit references ("objective 15", "الهدف ١٥"), strong (``lexical``);
* weighted cue phrases on lemmatised, folded words (``lexical``);
* similarity to prototype statements of each target, by a multilingual sentence encoder
  (``semantic``);
* the heading a passage stands under, when it cites objectives ("Objective 6: Fair and
  ethical recruitment"): the document files the passage there, as if the passage cited them.

In the full mode a trained logistic model (``fusion``) turns them into one calibrated
probability per target; in the lexical mode (faster, no encoder) the cue and reference weights
are summed. Both keep the evidence trail: cues with spans, references, closest prototypes.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal

from ..errors import ConfigError
from ..framework import Framework
from ..linear import LinearModel
from ..models import HEADING_SEPARATOR, Evidence, Match
from ..text import Token, tokenize
from .fusion import (
    MIGRATION,
    asserted,
    document_kind_prior,
    feature_rows,
    probabilities,
    probability,
    relevance_row,
    topic_prior,
)
from .lexical import LexicalEvidence, LexicalMatcher, LexicalOptions
from .semantic import (
    Encoded,
    Encoder,
    SemanticIndex,
    Similarities,
    UniversalSentenceEncoder,
    Vectors,
)

__all__ = ["Mapper", "MappingOptions", "PassageMap"]

_OPENING = 40  # characters: a citation starting within them opens the paragraph
_FILED_CACHE = 4096  # heading paths whose filing is remembered (a document repeats them)


@dataclass(frozen=True, slots=True)
class MappingOptions:
    """Settings of the map stage.

    Attributes:
        mode: ``full`` (lexical + semantic, fused) or ``lexical`` (no encoder, and cues read
            whole, without a word inside them: faster).
        cache_dir: where prototype vectors are cached between runs (None: not cached).
        max_objectives: at most this many objectives per passage, besides those it cites (a
            passage that lists "objectives 1, 3, 10 and 23" has the four).
        max_principles: at most this many guiding principles per passage (a reviewer cites a
            passage for the one or two it makes salient, not for every one it touches).
        min_score: lexical mode: a target is asserted from this score up.
        relative_floor: lexical mode: and only at this share of the best target's evidence.
        lexical: settings of the lexical layer.
    """

    mode: Literal["full", "lexical"] = "full"
    cache_dir: Path | None = None
    max_objectives: int = 3
    max_principles: int = 2
    min_score: float = 0.55
    relative_floor: float = 0.45
    lexical: LexicalOptions = field(default_factory=LexicalOptions)


@dataclass(frozen=True, slots=True)
class PassageMap:
    """What the map stage found in one passage."""

    relevant: bool
    objectives: tuple[Match, ...]
    principles: tuple[Match, ...]


class Mapper:
    """Maps passages to a framework's objectives and principles.

    Args:
        framework: the validated framework.
        options: settings; defaults when omitted.
        encoder: the sentence encoder (the multilingual USE when omitted).
    """

    def __init__(
        self,
        framework: Framework,
        options: MappingOptions | None = None,
        encoder: Encoder | None = None,
    ) -> None:
        self.framework = framework
        self.options = options or MappingOptions()
        self.lexical = LexicalMatcher(
            framework, self.options.lexical, gaps=self.options.mode == "full"
        )
        self.encoder = encoder or UniversalSentenceEncoder()
        fusion = framework.fusion
        if (
            self.options.mode == "full"
            and fusion is not None
            and fusion.encoder != self.encoder.name
        ):
            raise ConfigError(
                f"{framework.path / 'fusion.yaml'} was trained on the vectors of {fusion.encoder}, "
                f"not of {self.encoder.name}: retrain the framework with "
                f"`gcm-review framework train {framework.path}`"
            )
        self._filed: dict[tuple[str, str, str], dict[str, Evidence]] = {}

    @property
    def semantic(self) -> bool:
        """Whether passages are encoded and scored with the fused model."""
        has_data = bool(self.framework.prototypes) and self.framework.fusion is not None
        return self.options.mode == "full" and has_data

    @cached_property
    def index(self) -> SemanticIndex:
        """The prototype vectors (embedded on first use, then cached)."""
        return SemanticIndex(self.framework, self.encoder, self.options.cache_dir)

    @cached_property
    def targets(self) -> dict[str, list[str]]:
        """Target ids per kind, in framework order."""
        return {
            "objective": [str(n) for n in sorted(self.framework.objectives)],
            "principle": list(self.framework.principles),
        }

    def encode(self, texts: Sequence[str]) -> list[Encoded] | None:
        """Passage vectors and prototype similarities, one batch at a time (None in the
        lexical mode)."""
        if not self.semantic:
            return None
        vectors = self.encoder.encode(texts)
        return [
            Encoded(vector, similarities)
            for vector, similarities in zip(vectors, self.index.closest(vectors), strict=True)
        ]

    def map_passage(
        self,
        text: str,
        lang: str,
        tokens: Sequence[Token] | None = None,
        encoded: Encoded | None = None,
        kind: str | None = None,
        states: int = 0,
        heading: str = "",
    ) -> PassageMap:
        """Map one passage.

        Args:
            text: the passage text (normalised).
            lang: its language code.
            tokens: the passage's tokens, when the caller has them already.
            encoded: the passage as ``encode`` returned it, in the full mode.
            kind: the kind of document it comes from (``DOCUMENT_KINDS``), when known.
            states: how many distinct states the passage names (the relevance layer reads
                it: a passage without a migration term that names several states is more
                often about people moving between them).
            heading: the heading path above the passage (``Passage.heading``).

        Returns:
            Relevance, and the asserted objectives and principles with their evidence.
        """
        tokens = tokenize(text) if tokens is None else tokens
        lexical = self.lexical.find(text, lang, tokens)
        if self.lexical.index(lang) is None:
            return PassageMap(False, (), ())
        filed = self.filed_under(heading, lang)
        principled = self.filed_under(heading, lang, "principle")
        if not self.semantic:
            if not lexical.relevant and not filed:
                return PassageMap(False, (), ())
            objectives, principles = (
                self._summed("objective", lexical, filed),
                self._summed("principle", lexical, principled),
            )
            return PassageMap(True, objectives, principles)
        if encoded is None:
            [encoded] = self.encode([text]) or []
        vector, closest = encoded.vector, encoded.similarities
        rows = {"objective": self._rows("objective", lexical, closest, vector, self.classifiers)}
        for target in filed:  # filed under a heading that cites it: as if the passage did
            rows["objective"][target][0] = 1.0  # FEATURES[0] is "reference"
        if not filed and not self._relevant(lexical, rows["objective"], states, vector):
            return PassageMap(False, (), ())
        fusion = self.framework.fusion
        assert fusion is not None  # guarded by self.semantic
        likely = probabilities(fusion.objective, rows["objective"])
        for target, title in filed.items():
            likely[target] = max(likely[target], _lexical_score(title.weight))
        topic = None
        if "topic" in fusion.principle.features:  # layers trained before it read no prior
            topic = topic_prior(likely, fusion.principle_topics)
        shares = None
        if "document_kind" in fusion.principle.features:
            shares = document_kind_prior(kind, fusion.principle_kinds)
        rows["principle"] = self._rows(
            "principle", lexical, closest, vector, self.classifiers, topic, shares
        )
        objectives = self._fused(
            "objective", lexical, closest, rows["objective"], likely, lang, filed
        )
        scores = probabilities(fusion.principle, rows["principle"])
        for target, title in principled.items():  # asserted whatever the model makes of it
            rows["principle"][target][0] = 1.0
            scores[target] = max(scores[target], _lexical_score(title.weight))
        return PassageMap(
            True,
            objectives,
            self._fused("principle", lexical, closest, rows["principle"], scores, lang, principled),
        )

    def filed_under(self, heading: str, lang: str, kind: str = "objective") -> dict[str, Evidence]:
        """The objectives a passage is filed under, with the heading as their evidence: those
        of the nearest heading above it that cites any ("Objective 6: …"), when they are at
        most ``max_objectives`` (a heading citing more introduces a group of objectives, not
        one), or that names one by its title ("Fair recruitment and decent work").

        With ``kind`` "principle": the principle the nearest heading naming one names
        ("Whole-of-society approach", "Gender equality")."""
        if not heading:
            return {}
        key = (heading, lang, kind)
        if key not in self._filed:
            if len(self._filed) >= _FILED_CACHE:
                self._filed.clear()
            self._filed[key] = self._filed_under(heading, lang, kind)
        return self._filed[key]

    def _filed_under(self, heading: str, lang: str, kind: str) -> dict[str, Evidence]:
        weight = self.lexical.options.reference_weight
        titles = reversed(heading.split(HEADING_SEPARATOR))
        if kind == "principle":
            for title in titles:
                if (named := self.lexical.named(title, lang, kind)) is not None:
                    return {named: Evidence(title, 0, 0, "heading", weight)}
            return {}
        for title in titles:
            hits = self.lexical.citations(title, lang, heading=True)
            cited = list(dict.fromkeys(hit.target[1] for hit in hits))
            if not cited and (named := self.lexical.named(title, lang)) is not None:
                cited = [named]
            if cited:
                if len(cited) > self.options.max_objectives:
                    return {}
                return {target: Evidence(title, 0, 0, "heading", weight) for target in cited}
        return {}

    def opening_citation(self, text: str, lang: str) -> str:
        """The words that open ``text`` by citing objectives ("Objective 6:", "Conformément
        à l'objectif 6"), or "": a paragraph that opens so is filed under them, its later
        passages as well, as under a heading."""
        opening = [h for h in self.lexical.citations(text, lang) if h.start < _OPENING]
        return text[: max(h.end for h in opening)] if opening else ""

    def features(
        self,
        text: str,
        lang: str,
        tokens: Sequence[Token],
        encoded: Encoded,
        classifiers: dict[str, LinearModel],
    ) -> tuple[LexicalEvidence, dict[str, dict[str, list[float]]]]:
        """Lexical evidence and the fusion features of every target (for training the fusion;
        the principle rows without their topic and document-kind priors, which training adds).

        Args:
            text: the passage (normalised).
            lang: its language.
            tokens: its tokens.
            encoded: its vector and similarities.
            classifiers: the sentence-vector classifiers to read, by kind.
        """
        lexical = self.lexical.find(text, lang, tokens)
        vector, closest = encoded.vector, encoded.similarities
        return lexical, {
            kind: self._rows(kind, lexical, closest, vector, classifiers) for kind in self.targets
        }

    def _rows(
        self,
        kind: str,
        lexical: LexicalEvidence,
        closest: Similarities,
        vector: Vectors,
        classifiers: dict[str, LinearModel],
        topic: Mapping[str, float] | None = None,
        document_kind: Mapping[str, float] | None = None,
    ) -> dict[str, list[float]]:
        classifier = classifiers[kind].probabilities([], vector) if kind in classifiers else {}
        return feature_rows(
            kind, self.targets[kind], lexical, closest, classifier, topic, document_kind
        )

    def _relevant(
        self, lexical: LexicalEvidence, rows: dict[str, list[float]], states: int, vector: Vectors
    ) -> bool:
        """A migration term with enough cue evidence decides (the lexical gate); otherwise the
        relevance layer weighs the evidence, semantic included."""
        if lexical.relevant:
            return True
        fusion = self.framework.fusion
        assert fusion is not None  # guarded by self.semantic
        migration = self.classifiers["relevance"].probabilities([], vector)[MIGRATION]
        row = relevance_row(lexical, rows, states, migration)
        return probability(fusion.relevance, row) >= fusion.relevance.threshold

    @cached_property
    def classifiers(self) -> dict[str, LinearModel]:
        """The sentence-vector classifiers of the fusion, by kind (empty before training)."""
        fusion = self.framework.fusion
        if fusion is None:
            return {}
        return {
            "objective": LinearModel(fusion.objective_classifier),
            "principle": LinearModel(fusion.principle_classifier),
            "relevance": LinearModel(fusion.relevance_classifier),
        }

    def _fused(
        self,
        kind: str,
        lexical: LexicalEvidence,
        closest: Similarities,
        rows: dict[str, list[float]],
        scores: dict[str, float],
        lang: str,
        filed: Mapping[str, Evidence] | None = None,
    ) -> tuple[Match, ...]:
        fusion = self.framework.fusion
        assert fusion is not None  # guarded by self.semantic
        layer = fusion.objective if kind == "objective" else fusion.principle
        limit = self.options.max_objectives if kind == "objective" else self.options.max_principles
        matches = []
        strong = lexical.signal == "strong"
        for target, score in asserted(layer, rows, scores, limit, strong):
            similarity = round(closest.best[(kind, target)], 3)
            # the closest statement in the passage's language explains it (the score takes
            # the closest in any language)
            nearest = closest.prototype((kind, target), lang)
            prototype = Evidence(nearest, 0, 0, "prototype", similarity)
            heading = (filed[target],) if filed and target in filed else ()
            evidence = (*heading, *lexical.evidence_of(kind, target), prototype)
            matches.append(Match(kind, target, round(score, 3), evidence, self.framework.key))  # type: ignore[arg-type]
        return tuple(matches)

    def _summed(
        self, kind: str, lexical: LexicalEvidence, filed: Mapping[str, Evidence] | None = None
    ) -> tuple[Match, ...]:
        totals = lexical.totals(kind)
        for target, title in (filed or {}).items():
            totals[target] = totals.get(target, 0.0) + title.weight
        if not totals:
            return ()
        top = max(totals.values())
        limit = self.options.max_principles
        if kind == "objective":  # every objective the passage cites, however many
            limit = max(self.options.max_objectives, len(lexical.referenced() | set(filed or ())))
        matches: list[Match] = []
        for target, total in sorted(totals.items(), key=lambda item: -item[1]):
            score = _lexical_score(total)
            if score < self.options.min_score or total < self.options.relative_floor * top:
                continue
            heading = (filed[target],) if filed and target in filed else ()
            evidence = (*heading, *lexical.evidence_of(kind, target))
            matches.append(Match(kind, target, round(score, 3), evidence, self.framework.key))  # type: ignore[arg-type]
        return tuple(matches[:limit])


def _lexical_score(weight: float) -> float:
    """The lexical mode's score of a target's summed evidence weight (an explicit reference
    alone: 0.95); in the full mode, the least an objective filed under a heading that cites it
    scores (the fusion reads the passage alone)."""
    return 1.0 - math.exp(-weight)
