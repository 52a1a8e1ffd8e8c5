"""What kind of statement a passage is: practice, commitment, challenge, recommendation, report.

Each language profile lists weighted surface phrases per type (tense, modality, reporting
verbs: "a mis en place", "will", "ينبغي", "persisten") and how its verbs mark their tense
("reforzará", "devrait", "ha aprobado"). The summed phrase weights, those of the first
sentence alone (which most often says what the passage is: a measure described, then a gap
admitted in a closing clause, is a practice) and the number of verbs in the future, the
conditional and the past are the features, beside the sentence vector (the lexical mode's
model reads the phrase weights alone); a multinomial logistic model trained on the
framework's labelled examples turns them into a type.
When the kind of document is known, its share of each type among the labelled examples shifts
the model's odds (a pledge commits, a stakeholder submission recommends). The nearest heading
above the passage that names what its section holds ("Challenges", "Prochaines étapes",
"التوصيات") says more, and shifts them instead; for a passage without a phrase of any type,
it decides. Without a trained model, the type with the highest summed phrase weight wins.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import cache, lru_cache
from operator import itemgetter

from ..errors import ConfigError
from ..framework import LinearLayer
from ..language import WORKING_LANGUAGES
from ..linear import LinearModel, Vector
from ..models import HEADING_SEPARATOR, StatementType
from ..phrases import PhraseMatcher
from ..text import (
    Memo,
    Tense,
    Token,
    as_tokens,
    fold,
    is_arabic,
    lemma_of,
    load_profile,
    surface_keys,
    tokenize,
)

# the feature order, and on a tie the more specific type first
STATEMENT_FEATURES: tuple[StatementType, ...] = (
    "recommendation",
    "commitment",
    "challenge",
    "practice",
    "report",
)
TENSES: tuple[Tense, ...] = ("future", "conditional", "past")
# the phrase weights of the passage's first sentence, which most often states what it is
# about (a measure described, then a gap admitted in a closing clause, is a practice)
STATEMENT_LEAD: tuple[str, ...] = tuple(f"lead {t}" for t in STATEMENT_FEATURES)
# what the lexical mode's model reads: the phrase weights, in the passage and its first sentence
STATEMENT_CUES: tuple[str, ...] = (*STATEMENT_FEATURES, *STATEMENT_LEAD)
# what the full mode's model reads besides the sentence vector
STATEMENT_INPUTS: tuple[str, ...] = (*STATEMENT_CUES, *TENSES)
_CAP = 3.0
# the log odds a section heading adds to its type: a section holds about four passages of its
# type in five (odds 4:1), where a passage alone is one type in five (odds 1:4)
_SECTION_SHIFT = math.log(16)
_WORD_CACHE = 200_000  # words per language whose tense marks are remembered
_AUXILIARY_REACH = 2  # words from a perfect auxiliary to its participle ("ha ya aprobado")


def kind_of_title(tokens: Sequence[Token], lang: str) -> str | None:
    """The kind of document a title names ("Voluntary National Review of ...", "Chair's
    summary", "Communiqué de presse"): the kind of the longest ``kind_titles`` phrase of the
    language profile found in it (of the kind listed first, between phrases as long), or
    None."""
    kinds: list[str] = list(load_profile(lang).kind_titles)
    hits = _profile_phrases(lang, "kind_titles").find([token.key for token in tokens])
    ranked = [(h.last - h.first, -kinds.index(kind), kind) for h in hits for kind in h.payloads]
    return max(ranked)[2] if ranked else None


@cache
def _profile_phrases(lang: str, field: str) -> PhraseMatcher[str]:
    """The phrases of one of a language profile's phrase lists by name (``kind_titles``,
    ``section_types``), each with the name of its list."""
    listed: Mapping[str, Sequence[str]] = getattr(load_profile(lang), field)
    return PhraseMatcher(
        (surface_keys(phrase), name) for name, phrases in listed.items() for phrase in phrases
    )


@lru_cache(maxsize=4096)  # a document repeats its heading paths, passage after passage
def type_of_section(heading: str, lang: str) -> StatementType | None:
    """The statement type the nearest heading of a heading path names ("Objective 6 >
    Challenges": challenge), from the language profiles' ``section_types`` (``lang``'s
    first: a review may keep its headings in another language); None when that heading
    names two ("Challenges and the way forward"), or no heading names one."""
    for title in reversed(heading.split(HEADING_SEPARATOR) if heading else []):
        keys = [token.key for token in tokenize(title)]
        for language in dict.fromkeys([lang, *WORKING_LANGUAGES]):
            hits = _profile_phrases(language, "section_types").find(keys)
            named = [t for t in STATEMENT_FEATURES if any(t in hit.payloads for hit in hits)]
            if named:
                return named[0] if len(named) == 1 else None
    return None


class StatementClassifier:
    """Tells the statement type of passages.

    Args:
        default: the type of a relevant passage without any type phrase (rule mode).
        layer: the trained model; the rule mode when None.
        kinds: per document kind, the log odds ratio of each type (``Fusion.statement_kinds``).

    Raises:
        ConfigError: when the layer reads a feature this version does not compute.
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
        # where each of the layer's features is among ``STATEMENT_INPUTS`` (a layer trained
        # before the first sentence's weights were a feature reads the others only)
        names = layer.features if layer is not None else []
        unknown = [name for name in names if name not in STATEMENT_INPUTS]
        if unknown:
            raise ConfigError(
                f"the statement-type layer reads unknown features {unknown}: retrain the "
                "framework with `gcm-review framework train <folder>`"
            )
        self._columns = [STATEMENT_INPUTS.index(name) for name in names]
        self._tenses = any(name in TENSES for name in names)

    def features(
        self, lang: str, tokens: Sequence[Token], lead: int, tenses: bool = True
    ) -> list[float]:
        """What a trained model reads, in ``STATEMENT_INPUTS`` order: the phrase weights per
        type, those of the first sentence (which ends at offset ``lead``), then, with
        ``tenses``, the verbs per tense (each capped)."""
        weights = self.cue_weights(lang, tokens, lead)
        return weights + tense_counts(lang, tokens) if tenses else weights

    def cue_weights(
        self, lang: str, tokens: Sequence[Token], lead: int | None = None
    ) -> list[float]:
        """Summed phrase weights per type, in ``STATEMENT_FEATURES`` order (capped), then,
        with ``lead``, those of the phrases that start before that offset."""
        scores = dict.fromkeys(STATEMENT_FEATURES, 0.0)
        first = dict.fromkeys(STATEMENT_FEATURES, 0.0)
        for hit in self._matcher(lang).find(as_tokens(tokens).keys):
            early = lead is not None and tokens[hit.first].start < lead
            for kind, weight in hit.payloads:
                scores[kind] += weight  # type: ignore[index]
                if early:
                    first[kind] += weight  # type: ignore[index]
        weights = [min(scores[kind], _CAP) for kind in STATEMENT_FEATURES]
        if lead is None:
            return weights
        return weights + [min(first[kind], _CAP) for kind in STATEMENT_FEATURES]

    def classify(
        self,
        lang: str,
        tokens: Sequence[Token],
        relevant: bool,
        vector: Vector | None = None,
        kind: str | None = None,
        section: StatementType | None = None,
        lead: int | None = None,
    ) -> StatementType:
        """The statement type; ``none`` for a passage that is not about migration.

        The trained model is used when there is one and, if it reads sentence vectors, the
        passage's vector is given; otherwise the phrase weights decide.

        Args:
            kind: the kind of document the passage comes from (``DOCUMENT_KINDS``), if known.
            section: the type the heading above the passage names (``type_of_section``).
            lead: the offset where the passage's first sentence ends (``first_sentence_end``);
                None for a passage of one sentence.
        """
        if not relevant:
            return "none"
        if self.model is not None and (vector is not None or not self.model.uses_vector):
            # the kind of document shifts the log odds, or the section's name does, which says
            # more of the passage (the log-softmax's constant does not change the best)
            shift = self.kinds.get(kind or "", {})
            if section is not None:
                shift = {section: _SECTION_SHIFT}
            end = tokens[-1].end if tokens else 0
            values = self.features(lang, tokens, end if lead is None else lead, self._tenses)
            if section is not None and not any(values[: len(STATEMENT_FEATURES)]):
                return section  # no phrase of its own says what it is: its section does
            logits = self.model.logits([values[i] for i in self._columns], vector)
            scores = {type_: value + shift.get(type_, 0.0) for type_, value in logits.items()}
            best = max(scores, key=scores.__getitem__)
            return next(t for t in STATEMENT_FEATURES if t == best)
        row = self.cue_weights(lang, tokens)
        if section is not None:
            row[STATEMENT_FEATURES.index(section)] += _SECTION_SHIFT
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


def tense_counts(lang: str, tokens: Sequence[Token]) -> list[float]:
    """How many verbs of the passage are in the future, the conditional and the past, in
    ``TENSES`` order (each capped), as the language profile's ``tenses`` tell them."""
    words = _tense_marks(lang).words
    marks = [words[token.text] for token in tokens]
    counts = Counter(map(itemgetter(0), marks))
    # a perfect: a participle within reach of an auxiliary, no tense marked in between
    if any(map(itemgetter(1), marks)):
        for i, (_, auxiliary, _) in enumerate(marks):
            if not auxiliary:
                continue
            for tense, _, participle in marks[i + 1 : i + 1 + _AUXILIARY_REACH]:
                if tense is not None:
                    break
                if participle:
                    counts["past"] += 1
                    break
    return [float(min(counts[tense], _CAP)) for tense in TENSES]


class _TenseMarks:
    """A language profile's ``tenses``, ready for matching; ``words`` tells, by word as
    written, its tense (or None), and whether it is a perfect auxiliary or may be a
    participle."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        tenses = load_profile(lang).tenses
        self.marked = {w: tense for tense, words in tenses.words.items() for w in _forms(words)}
        # the longest ending first: "-ría" (conditional) before "-ía" (past)
        self.endings = sorted(
            ((e.lower(), tense) for tense, ends in tenses.endings.items() for e in ends),
            key=lambda pair: -len(pair[0]),
        )
        self.any_ending = tuple(ending for ending, _ in self.endings)
        self.verb_lemmas = tuple(tenses.verb_lemmas)
        self.auxiliaries = frozenset(_forms(tenses.auxiliaries))
        self.participles = tuple(e.lower() for e in tenses.participles)
        self.words = Memo(self.read, _WORD_CACHE)

    def read(self, text: str) -> tuple[Tense | None, bool, bool]:
        """What a word as written marks (not cached: use ``words``)."""
        tokens = tokenize(text)  # one token: the word as a passage's token has it
        if not tokens:
            return None, False, False
        word = _form(tokens[0])
        tense = self.marked.get(word) or self._conjugated(word)
        return tense, word in self.auxiliaries, word.endswith(self.participles)

    def _conjugated(self, word: str) -> Tense | None:
        """The tense a word's ending marks, if the word is a verb whose lemma is not itself."""
        if not word.endswith(self.any_ending):
            return None
        for ending, tense in self.endings:
            if word.endswith(ending) and len(word) >= len(ending) + 2:
                lemma = lemma_of(word, self.lang)
                if lemma != fold(word) and lemma.endswith(self.verb_lemmas or ("",)):
                    return tense
                return None
        return None


@cache
def _tense_marks(lang: str) -> _TenseMarks:
    return _TenseMarks(lang)


def _form(token: Token) -> str:
    """A word as tense marks are matched: in lower case with its accents ("será", not
    "sera"; "a", not "à"), an Arabic word folded and without its clitics ("وسيتم": "سيتم")."""
    return token.key if is_arabic(token.folded) else token.text.lower()


def _forms(words: Sequence[str]) -> list[str]:
    return [_form(token) for word in words for token in tokenize(word)]
