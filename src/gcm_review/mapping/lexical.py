"""Lexical evidence for the map stage: explicit references, weighted cues, relevance gate.

Everything is read from the framework's lexicons: explicit references ("objective 15",
"l'objectif n° 15", "الهدف ١٥", "para. 31") and weighted cue phrases matched on lemmatised and
folded words in one pass. The relevance gate (a migration term, an explicit reference, or
strong cue evidence with no sign of another sense of "migration") keeps bird migration or a
database migration out.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Literal, NamedTuple

from ..framework import Framework, Lexicon
from ..models import Evidence
from ..phrases import PhraseHit, PhraseMatcher, longest_keys
from ..text import (
    KeyMaker,
    Token,
    as_tokens,
    fold,
    fold_with_offsets,
    key_maker,
    surface_keys,
    tokenize,
)

Target = tuple[str, str]
Signal = Literal["strong", "weak"] | None  # ("objective", "15") or ("principle", "human rights")

_CITE_WINDOW = 4  # words between a trigger and its number ("objective no. 15", "n o 15")
_TITLE_WORDS = 10  # a heading of more content words than this names no objective by its title
_ROMAN_RE = re.compile(r"x{0,3}(?:ix|iv|v?i{0,3})")  # a folded Roman numeral ("iv", "xii")
_TITLE_SHARE = 0.6  # the share of a heading's worth an objective's title must hold to be named


@dataclass(frozen=True, slots=True)
class LexicalOptions:
    """Settings of the lexical layer.

    Attributes:
        reference_weight: evidence weight of an explicit reference.
        evidence_gate: cue weight that makes a passage relevant without a migration term.
        weak_gate: cue weight needed beside a weak migration term ("migration", "border").
        reference_window: characters after a number searched for another framework's name.
    """

    reference_weight: float = 3.0
    evidence_gate: float = 2.0
    weak_gate: float = 0.5
    reference_window: int = 45


class Hit(NamedTuple):
    """One piece of lexical evidence for one target: the words (``text``, ``start``,
    ``end`` in the passage) and the tokens it covers (``first``, ``last``; -1 for a
    reference). A named tuple: a passage makes dozens."""

    target: Target
    weight: float
    kind: Literal["reference", "cue"]
    text: str
    start: int
    end: int
    first: int
    last: int

    def evidence(self) -> Evidence:
        """The hit as evidence shown with a match."""
        return Evidence(self.text, self.start, self.end, self.kind, self.weight)


class LexiconIndex:
    """One language's lexicon compiled for matching (``gaps``: also for cues read with one
    word inside them)."""

    def __init__(self, lexicon: Lexicon, framework: Framework, keys: KeyMaker, gaps: bool) -> None:
        self.keys = keys
        cues: list[tuple[list[str], tuple[Target, float]]] = []
        for number, entries in lexicon.objectives.items():
            cues += [
                (keys.lemma_keys(cue), (("objective", str(number)), w))
                for cue, w in entries.items()
            ]
        for name, entries in lexicon.principles.items():
            cues += [(keys.lemma_keys(cue), (("principle", name), w)) for cue, w in entries.items()]
        cues += _with_person_nouns(cues, keys)
        relevance = lexicon.relevance
        # naming the Compact itself ("Pacte mondial pour des migrations…") is a strong signal;
        # a one-word name ("compact", "pacte") is too common on its own
        names = [keys.lemma_keys(name) for name in lexicon.references.compact_names]
        terms: list[tuple[list[str], str]] = (
            [(name, "strong") for name in names if len(name) > 1]
            + [(keys.lemma_keys(term), "strong") for term in relevance.strong]
            + [(keys.lemma_keys(term), "weak") for term in relevance.weak]
            + [(keys.lemma_keys(term), "off_topic") for term in relevance.off_topic]
        )
        # cues (target, weight) and relevance terms (their kind) share one automaton: one pass
        self.phrases: PhraseMatcher[tuple[Target, float] | str] = PhraseMatcher([*cues, *terms])
        self.gaps = (
            _Gaps(cues, [keys for keys, _ in (*cues, *terms)], keys.negations) if gaps else None
        )
        self.references = _ReferencePatterns(lexicon, framework, keys)
        invocations = [
            (keys.lemma_keys(phrase), name)
            for name, phrases in lexicon.references.principles.items()
            for phrase in phrases
        ]
        self.invocations: PhraseMatcher[str] = PhraseMatcher(invocations)
        # a passage whose keys miss all of these invokes no principle (a cheap pre-check)
        self.invocation_keys = longest_keys(keys for keys, _ in invocations)


class _ReferencePatterns:
    """Regular expressions for explicit citations, built from a lexicon's word lists."""

    def __init__(self, lexicon: Lexicon, framework: Framework, keys: KeyMaker) -> None:
        refs = lexicon.references
        clitics = _alternation(keys.prefixes)
        words = _alternation(refs.objective_words)
        lead = rf"(?<![^\W_])(?:{clitics})?" if clitics else r"(?<![^\W_])"
        numbers = r"(\d{1,2}(?:\s*(?:[,;/&–-]|[^\W\d_]{1,3})\s*\d{1,2})*)(?![\d]|[.,]\d)"
        marker = _alternation(refs.number_words)
        marker = rf"(?:(?:{marker})\s*\.?\s*)?" if marker else ""
        self.numbered = re.compile(rf"{lead}(?:{words})\s*{marker}{numbers}")
        ordinal_words = {fold(w): n for n, ws in refs.ordinals.items() for w in ws}
        ordinals = _alternation(ordinal_words)
        self.ordinal_words = ordinal_words
        self.ordinal = re.compile(
            rf"{lead}(?:(?P<o1>{ordinals})\s+(?:{words})|(?:{words})\s+(?P<o2>{ordinals}))(?![^\W_])"
        )
        paragraphs = _alternation(refs.paragraph_words)
        self.paragraph = re.compile(rf"(?<![^\W_])(?:{paragraphs})\.?\s*(\d{{2}})(?!\d)")
        self.compact = re.compile(rf"(?<![^\W_])(?:{_alternation(refs.compact_names)})(?![^\W_])")
        self.other = re.compile(rf"(?<![^\W_])(?:{_alternation(refs.other_frameworks)})(?![^\W_])")
        self.by_paragraph = framework.objective_by_paragraph()
        self.known = set(framework.objectives)
        # a citation needs one of these words with a number or an ordinal near it, so most
        # passages skip the regular expressions
        self.triggers = {
            key
            for word in (*refs.objective_words, *refs.paragraph_words)
            for key in surface_keys(word)
        }
        self.ordinal_keys = {key for word in ordinal_words for key in surface_keys(word)}

    def may_cite(self, tokens: Sequence[Token]) -> bool:
        """Whether a citation can stand among the tokens: a trigger word ("objective",
        "الهدف", "para") with a number or an ordinal within the next or previous words."""
        keys = as_tokens(tokens).keys
        if self.triggers.isdisjoint(keys):
            return False
        for i, key in enumerate(keys):
            if key in self.triggers:
                near = keys[max(0, i - _CITE_WINDOW) : i + _CITE_WINDOW + 1]
                if any(k.isdigit() or k in self.ordinal_keys for k in near):
                    return True
        return False


class _Titles:
    """The titles, short labels and other names of one kind of target (objectives or
    principles) in one language, as content words, which a heading may name a target by
    ("Fair recruitment and decent work", "Retorno y reintegración", "Whole-of-society
    approach") instead of citing its number.

    A word is worth more the fewer targets hold it in their titles and names
    ("reintegration" more than "migrants"). A heading names a target when that target's title
    holds at least two of the heading's words, or the heading holds all the words of one of
    its other names ("Integrated border management" those of "Border management"), making
    most of the heading's worth, and no other target holds as much. A heading that is a
    target's short label or one of its names ("Data", "البيانات", "Gestion des frontières")
    also names it. The words of the Compact's own name ("safe", "orderly", "regular
    migration") count for nothing: a report's title names the Compact, not its objective 23.
    Numbering counts for nothing either.

    Args:
        targets: per target id, its title, short label ("" for none) and other names.
        lang: their language.
        lexicon: the lexicon of that language (the Compact's names, ordinal words).
    """

    def __init__(
        self, targets: Mapping[str, tuple[str, str, Sequence[str]]], lang: str, lexicon: Lexicon
    ) -> None:
        self.keys = key_maker(lang)
        self.ignored: frozenset[str] = frozenset()
        references = lexicon.references
        ordinals = [word for words in references.ordinals.values() for word in words]
        # nor do the words that number a heading ("ثانيا", "II", "Second")
        self.ignored = frozenset().union(*map(self.content, [*references.compact_names, *ordinals]))
        self.words: dict[str, frozenset[str]] = {}
        self.short: dict[frozenset[str], str] = {}
        self.exact: set[frozenset[str]] = set()  # each title, short label and name, whole
        named: dict[frozenset[str], set[str]] = {}
        every: dict[str, set[str]] = {}  # all the words of each target's title and names
        for target, (title, label, others) in targets.items():
            whole, short = self.content(title), self.content(label)
            names = [self.content(name) for name in others]
            self.words[target] = whole | short
            every[target] = set(self.words[target]).union(*names)
            if short:
                self.short.setdefault(short, target)
            self.exact.update([whole, short, *names])
            for name, written in zip(names, others, strict=True):
                # "Labour migration" ({labour}) is no name of one objective; "Gender" is one
                if len(name) >= 2 or len(written.split()) == 1:
                    named.setdefault(name, set()).add(target)
        self.exact.discard(frozenset())
        # a name two targets share names neither
        self.names = [(name, owners.pop()) for name, owners in named.items() if len(owners) == 1]
        held = Counter(word for words in every.values() for word in words)
        count = len(self.words)
        self.worth = {word: math.log((count + 1) / n) for word, n in held.items()}
        self.unknown = math.log(count + 1)  # a word no title holds

    def content(self, text: str) -> frozenset[str]:
        """The lemma keys of the content words of ``text`` (no numbers, no stop words)."""
        lemmas = self.keys.lemmas
        return frozenset(
            key
            for token in tokenize(text)
            if (key := lemmas[token.text]) is not None
            and len(key) > 1
            and not key.isdigit()
            and not _ROMAN_RE.fullmatch(key)
            and key not in self.ignored
        )

    def is_exact(self, heading: str) -> bool:
        """Whether ``heading`` is a target's title, short label or name, word for word."""
        return self.content(heading) in self.exact

    def named(self, heading: str) -> str | None:
        """The target ``heading`` names by its title, short label or another name, or None."""
        words = self.content(heading)
        if not words or len(words) > _TITLE_WORDS:
            return None
        if words in self.short:
            return self.short[words]
        total = sum(self.worth.get(word, self.unknown) for word in words)
        covered: dict[str, set[str]] = {}  # the heading's words each target holds
        for target, title in self.words.items():
            if len(shared := words & title) >= 2:
                covered[target] = set(shared)
        for name, target in self.names:  # a name counts whole: "Integrated border management"
            if name <= words:
                covered.setdefault(target, set()).update(name)
        scores = sorted(
            (sum(self.worth[word] for word in held), target) for target, held in covered.items()
        )
        if not scores or scores[-1][0] < _TITLE_SHARE * total:
            return None
        if len(scores) > 1 and scores[-2][0] >= scores[-1][0]:
            return None  # two objectives hold it as much
        return scores[-1][1]


@dataclass(frozen=True, slots=True)
class LexicalEvidence:
    """The lexical evidence of one passage.

    Attributes:
        signal: ``strong`` (a term only human migration uses, or an explicit reference),
            ``weak`` (a word like "migration" or "border" beside objective cues), or None
            (not about human migration: the passage maps to nothing).
        hits: cue and reference hits, a shorter cue covered by a longer one removed.
        terms: the kinds of relevance terms found (strong, weak, off_topic).
        sums: the summed weight of ``hits`` per target.
    """

    signal: Signal
    hits: tuple[Hit, ...]
    terms: frozenset[str]
    sums: dict[Target, float] = field(default_factory=dict)

    @property
    def relevant(self) -> bool:
        """Whether the passage passed the migration-relevance gate."""
        return self.signal is not None

    def totals(self, kind: str) -> dict[str, float]:
        """Summed evidence weight per target id of one kind (objective or principle)."""
        return {target: w for (of, target), w in self.sums.items() if of == kind}

    def cue_totals(self, kind: str) -> dict[str, float]:
        """Summed weight of the cue hits alone per target id of one kind: the evidence of
        its words, without the references that cite or invoke it."""
        cues = (hit for hit in self.hits if hit.kind == "cue" and hit.target[0] == kind)
        return {target: w for (_, target), w in _totals(cues).items()}

    def referenced(self, kind: str = "objective") -> set[str]:
        """The objectives the passage cites explicitly, or the principles it invokes by name
        (``kind``)."""
        return {h.target[1] for h in self.hits if h.kind == "reference" and h.target[0] == kind}

    def evidence_of(self, kind: str, target: str) -> tuple[Evidence, ...]:
        """The evidence for one target, strongest first."""
        unique: dict[tuple[int, int], Hit] = {}
        for hit in self.hits:
            if hit.target == (kind, target):
                unique.setdefault((hit.start, hit.end), hit)
        ranked = sorted(unique.values(), key=lambda h: (-h.weight, h.start))
        return tuple(hit.evidence() for hit in ranked)


class LexicalMatcher:
    """Finds the lexical evidence of passages against a framework's lexicons.

    Args:
        framework: the validated framework.
        options: settings of the layer.
        gaps: also read a cue with one word inside it ("cursos gratuitos de español" for
            "cursos de español"; the lexical mode reads cues whole, for speed).
    """

    def __init__(self, framework: Framework, options: LexicalOptions, gaps: bool = True) -> None:
        self.framework = framework
        self.options = options
        self._gaps = gaps
        self._indexes: dict[str, LexiconIndex] = {}
        self._titles: dict[tuple[str, str], _Titles] = {}

    def index(self, lang: str) -> LexiconIndex | None:
        """The compiled lexicon of ``lang``, or None when the framework has none."""
        if lang not in self._indexes:
            lexicon = self.framework.lexicons.get(lang)
            if lexicon is None:
                return None
            self._indexes[lang] = LexiconIndex(lexicon, self.framework, key_maker(lang), self._gaps)
        return self._indexes[lang]

    def find(self, text: str, lang: str, tokens: Sequence[Token]) -> LexicalEvidence:
        """Collect the references and cues of a passage and apply the relevance gate."""
        index = self.index(lang)
        if index is None:
            return LexicalEvidence(None, (), frozenset())
        lemmas = index.keys.lemmas
        content = [(key, token) for token in tokens if (key := lemmas[token.text]) is not None]
        sequence = [key for key, _ in content]
        found = index.phrases.find(sequence)
        if index.gaps is not None:
            found += index.gaps.hits(sequence, found)
        words = [token for _, token in content]
        hits = self._cue_hits(found, words, text)
        if not index.invocation_keys.isdisjoint(sequence):
            # first: the evidence of a principle shows its invocation, not a cue on its words
            hits = self._invocation_hits(index.invocations.find(sequence), words, text) + hits
        if index.references.may_cite(tokens) or "§" in text:
            hits += self._reference_hits(index, text)
        terms = self._terms(found)
        kept = _longest_only(hits)
        return LexicalEvidence(self._signal(terms, hits), tuple(kept), terms, _totals(kept))

    def _cue_hits(
        self,
        found: Sequence[PhraseHit[tuple[Target, float] | str]],
        tokens: Sequence[Token],
        text: str,
    ) -> list[Hit]:
        hits: list[Hit] = []
        for hit in found:
            start, end = tokens[hit.first].start, tokens[hit.last].end
            words = text[start:end]
            for payload in hit.payloads:
                if isinstance(payload, str):
                    continue  # a relevance term
                target, weight = payload
                hits.append(Hit(target, weight, "cue", words, start, end, hit.first, hit.last))
        return hits

    def _invocation_hits(
        self, found: Sequence[PhraseHit[str]], tokens: Sequence[Token], text: str
    ) -> list[Hit]:
        """The phrases that invoke a principle by name, as references to it: the longest for
        each principle ("people-centred approach", not also "people-centred")."""
        weight = self.options.reference_weight
        longest: dict[str, PhraseHit[str]] = {}
        for hit in found:
            for name in hit.payloads:
                if (
                    name not in longest
                    or hit.last - hit.first > longest[name].last - longest[name].first
                ):
                    longest[name] = hit
        hits: list[Hit] = []
        for name, hit in longest.items():
            start, end = tokens[hit.first].start, tokens[hit.last].end
            target = ("principle", name)
            hits.append(Hit(target, weight, "reference", text[start:end], start, end, -1, -1))
        return hits

    def citations(self, text: str, lang: str, heading: bool = False) -> list[Hit]:
        """The explicit references to objectives in ``text``, in order (``heading``: the text
        is a heading of a review, where an ordinal needs no name of the Compact beside it:
        "الهدف السادس", "Objetivo sexto")."""
        index = self.index(lang)
        if index is None:
            return []
        return sorted(self._reference_hits(index, text, heading), key=lambda hit: hit.start)

    def named(self, heading: str, lang: str, kind: str = "objective") -> str | None:
        """The objective (or principle, by ``kind``) a heading names by its title, short label
        or another of its names, not its number ("Fair recruitment and decent work",
        "Whole-of-society approach"), read in ``lang`` first, then in the framework's other
        languages (a review may keep headings in another language than its text).

        A heading that is word for word a principle's name ("Sustainable development") names
        no objective whose title merely holds its words."""
        for language in dict.fromkeys([lang, *self.framework.lexicons]):
            index = self.index(language)
            if index is None:
                continue
            titles = self._titles_of(kind, language)
            if kind == "objective":
                if index.references.other.search(fold(heading)):
                    continue  # a heading naming another framework ("SDG 8") names none of ours
                if self._titles_of("principle", language).is_exact(heading) and not (
                    titles.is_exact(heading)
                ):
                    return None
            if (target := titles.named(heading)) is not None:
                return target
        return None

    def _titles_of(self, kind: str, lang: str) -> _Titles:
        """The titles and names of the objectives or the principles in ``lang``."""
        if (kind, lang) not in self._titles:
            framework = self.framework
            targets: dict[str, tuple[str, str, Sequence[str]]] = (
                {
                    str(number): (o.title.get(lang), o.short.get(lang), o.names.get(lang))
                    for number, o in framework.objectives.items()
                }
                if kind == "objective"
                else {
                    pid: (p.title.get(lang), "", p.names.get(lang))
                    for pid, p in framework.principles.items()
                }
            )
            self._titles[kind, lang] = _Titles(targets, lang, framework.lexicons[lang])
        return self._titles[kind, lang]

    def _reference_hits(self, index: LexiconIndex, text: str, heading: bool = False) -> list[Hit]:
        folded, offsets = fold_with_offsets(text)
        patterns = index.references
        has_compact = bool(patterns.compact.search(folded))
        found: list[tuple[int, int, set[int]]] = []
        for match in patterns.numbered.finditer(folded):
            if not self._beside_other_framework(patterns, folded, match.end()):
                found.append((match.start(), match.end(), _numbers(match.group(1))))
        if has_compact or heading:
            for match in patterns.ordinal.finditer(folded):
                word = match.group("o1") or match.group("o2")
                found.append((match.start(), match.end(), {patterns.ordinal_words[word]}))
        if has_compact:
            for match in patterns.paragraph.finditer(folded):
                number = patterns.by_paragraph.get(int(match.group(1)))
                if number is not None:
                    found.append((match.start(), match.end(), {number}))
        hits: list[Hit] = []
        weight = self.options.reference_weight
        for start, end, numbers in found:
            first, last = offsets[start], offsets[end - 1] + 1
            for number in sorted(numbers & patterns.known):
                target = ("objective", str(number))
                hits.append(Hit(target, weight, "reference", text[first:last], first, last, -1, -1))
        return hits

    def _beside_other_framework(self, patterns: _ReferencePatterns, folded: str, end: int) -> bool:
        window = folded[end : end + self.options.reference_window]
        other = patterns.other.search(window)
        if other is None:
            return False
        compact = patterns.compact.search(window)
        if compact is None or other.start() < compact.start():
            return True
        # "pacte mondial sur les réfugiés" starts like "pacte mondial": the longer name wins
        return other.start() == compact.start() and other.end() > compact.end()

    def _terms(self, found: Sequence[PhraseHit[tuple[Target, float] | str]]) -> frozenset[str]:
        """Which relevance terms the passage holds: strong, weak, off_topic."""
        blocked = [(h.first, h.last) for h in found if "off_topic" in h.payloads]
        # "migratory birds" holds "migratory": a term inside an off-topic phrase does not count
        return frozenset(
            kind
            for hit in found
            for kind in hit.payloads
            if isinstance(kind, str)
            and (
                kind == "off_topic" or not any(a <= hit.first and hit.last <= b for a, b in blocked)
            )
        )

    def _signal(self, kinds: frozenset[str], hits: Sequence[Hit]) -> Signal:
        """How clearly the passage is about human migration: strong, weak or not at all."""
        cited = any(hit.kind == "reference" and hit.target[0] == "objective" for hit in hits)
        if "strong" in kinds or cited:
            return "strong"
        if "off_topic" in kinds:
            return None
        totals = _totals(h for h in hits if h.target[0] == "objective")
        evidence = max(totals.values(), default=0.0)
        # a weak term ("migration", "border") needs objective evidence beside it
        gate = self.options.weak_gate if "weak" in kinds else self.options.evidence_gate
        enough = evidence >= gate
        return "weak" if enough else None


def _with_person_nouns(
    cues: Sequence[tuple[list[str], tuple[Target, float]]], keys: KeyMaker
) -> list[tuple[list[str], tuple[Target, float]]]:
    """Twins of the cues that name a group ("muertes de migrantes") with the language's person
    noun before it ("muertes de personas migrantes"), as rights-based writing has it."""
    twins = []
    for noun, groups in keys.person_nouns.items():
        [person] = keys.lemma_keys(noun)
        named = {key for group in groups for key in keys.lemma_keys(group)}
        for cue, payload in cues:
            at = next((i for i, key in enumerate(cue) if key in named), None)
            if len(cue) > 1 and at is not None and (at == 0 or cue[at - 1] != person):
                twins.append(([*cue[:at], person, *cue[at:]], payload))
    return twins


class _Gaps:
    """Cues read with one word inside them, as adjectives follow their noun in Spanish,
    French and Arabic ("cursos gratuitos de español" holds "cursos de español").

    The word inside may not be a negation ("migración no regular" is not "migración
    regular") nor bound to a neighbour by a phrase of the lexicon: in "autonomisation des
    travailleurs migrants", "travailleurs migrants" is a phrase, so the passage is not about
    the "autonomisation des migrants" of another objective.

    Args:
        cues: the cues, as lemma keys with their payload.
        phrases: the lemma keys of every phrase of the lexicon, cues and relevance terms.
        negations: the lemma keys of the language's negations.
    """

    def __init__(
        self,
        cues: Sequence[tuple[list[str], tuple[Target, float]]],
        phrases: Iterable[Sequence[str]],
        negations: frozenset[str],
    ) -> None:
        # each pair of consecutive words of a cue: (the pair's position, the cue, its payload)
        pairs: dict[tuple[str, str], list[tuple[int, tuple[str, ...], tuple[Target, float]]]]
        pairs = defaultdict(list)
        for cue, payload in cues:
            for at in range(len(cue) - 1):
                pairs[(cue[at], cue[at + 1])].append((at, tuple(cue), payload))
        self.pairs = dict(pairs)
        self.bound = frozenset(pair for keys in phrases for pair in pairwise(keys))
        self.negations = negations

    def hits(
        self, keys: Sequence[str], found: Sequence[PhraseHit[tuple[Target, float] | str]]
    ) -> list[PhraseHit[tuple[Target, float] | str]]:
        """The cues in ``keys`` with one word inside them, unless a cue of the same target
        in ``found`` (read whole) covers them."""
        hits: list[PhraseHit[tuple[Target, float] | str]] = []
        if self.pairs.keys().isdisjoint(zip(keys, keys[2:], strict=False)):
            return hits  # most passages: no two words of a cue one word apart
        spans: dict[Target, list[tuple[int, int]]] | None = None
        # (word j, word j + 2), word j + 1 between them
        for j, pair in enumerate(zip(keys, keys[2:], strict=False)):
            entries = self.pairs.get(pair)
            inside = keys[j + 1]
            if (
                entries is None
                or inside in self.negations
                or (pair[0], inside) in self.bound
                or (inside, pair[1]) in self.bound
            ):
                continue
            for at, cue, payload in entries:
                first, last = j - at, j + len(cue) - at
                if (
                    first < 0
                    or last >= len(keys)
                    or tuple(keys[first : j + 1]) != cue[: at + 1]
                    or tuple(keys[j + 2 : last + 1]) != cue[at + 1 :]
                ):
                    continue
                if spans is None:  # built for the few passages with a gapped cue
                    spans = defaultdict(list)
                    for hit in found:
                        for whole in hit.payloads:
                            if not isinstance(whole, str):
                                spans[whole[0]].append((hit.first, hit.last))
                if not any(f <= first and last <= to for f, to in spans[payload[0]]):
                    hits.append(PhraseHit(first, last, (payload,)))
        return hits


def _alternation(words: Iterable[str]) -> str:
    folded = sorted({fold(w).strip() for w in words if w.strip()}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in folded)


def _numbers(listing: str) -> set[int]:
    numbers: set[int] = set()
    parts = re.findall(r"\d{1,2}|[–-]", listing)
    previous: int | None = None
    ranged = False
    for part in parts:
        if part in "–-":
            ranged = previous is not None
            continue
        value = int(part)
        if ranged and previous is not None and previous < value <= previous + 23:
            numbers.update(range(previous, value + 1))
        numbers.add(value)
        previous, ranged = value, False
    return numbers


def _longest_only(hits: Sequence[Hit]) -> list[Hit]:
    """Drop a cue hit when a longer hit for the same target covers its tokens."""
    by_target: dict[Target, list[Hit]] = defaultdict(list)
    for hit in hits:
        by_target[hit.target].append(hit)
    return [
        hit
        for hit in hits
        if hit.first < 0
        or not any(
            other.first <= hit.first
            and hit.last <= other.last
            and (other.last - other.first) > (hit.last - hit.first)
            for other in by_target[hit.target]
        )
    ]


def _totals(hits: Iterable[Hit]) -> dict[Target, float]:
    """Sum the weights per target, counting each distinct cue or reference once."""
    seen: dict[Target, dict[tuple[str, str], float]] = defaultdict(dict)
    for hit in hits:
        key = (hit.kind, fold(hit.text))
        seen[hit.target][key] = max(hit.weight, seen[hit.target].get(key, 0.0))
    return {target: sum(weights.values()) for target, weights in seen.items()}
