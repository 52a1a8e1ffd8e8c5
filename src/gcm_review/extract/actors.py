"""Which states a passage shows acting, and which it merely names.

A state acts when it is the subject of its sentence (named within the sentence's first words,
no place preposition such as "in", "à", "في" before it) or of a clause inside it ("while Egypt
reported", "que la Tunisie avait signé"), when an agent phrase of the language profile
introduces it ("chaired by", "au nom de la délégation", "en nombre de", "برئاسة"), when it is
the agent of a passive ("adopted by Qatar", "pratiquées par l'Algérie"), or when it is listed
with an acting state ("La Côte d'Ivoire et le Burkina Faso ont présenté"). A state an
addressing verb introduces ("urged", "exhorte", "instó a") or the subject of a passive one
("Nepal was invited to") is addressed, not acting; "his country" ("su país", "بلاده") makes
the nearest state named before it in its sentence act.
A document whose heading is a state's statement ("Statement by the Delegation of Ghana",
"بيان وفد جمهورية العراق") speaks for that state (``ActorRules.speaker``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from ..models import Entity
from ..phrases import PhraseHit, PhraseMatcher, longest_keys
from ..text import Token, as_tokens, fold, is_arabic, load_profile, sentence_ends_before, tokenize

_SUBJECT_WINDOW = 6  # tokens from the start of a sentence where its subject stands
_MARKER_REACH = 4  # words between an agent or addressing phrase and the state it introduces
_SENTENCE_END = frozenset(".!?؟;:")
_HEADING_WORDS = 30  # a longer first passage is no heading
_PASSIVE_REACH = 3  # words between a state and the passive verb it is the subject of
# the kinds of marker phrases
_AGENT, _ADDRESSEE, _PASSIVE, _OWN = "agent", "addressee", "passive", "own"


class ActorRules:
    """The words of one language that tell an acting state from a state merely named."""

    def __init__(self, lang: str) -> None:
        profile = load_profile(lang)
        self.places = frozenset(fold(w) for w in profile.place_prepositions if " " not in w)
        self.glued = tuple(
            fold(w) for w in profile.place_prepositions if len(w) == 1 and is_arabic(w)
        )
        groups = (
            (_AGENT, profile.agent_markers),
            (_ADDRESSEE, profile.addressee_markers),
            (_PASSIVE, profile.addressed_passives),
            (_OWN, profile.own_country),
        )
        phrases = [([t.folded for t in tokenize(m)], kind) for kind, ms in groups for m in ms]
        self.markers: PhraseMatcher[str] = PhraseMatcher(phrases)
        self.marker_words = longest_keys(words for words, _ in phrases)
        self.joiners = frozenset(fold(w) for w in profile.coordinators)
        self.by = frozenset(fold(w) for w in profile.passive_agents)
        self.participles = tuple(fold(w) for w in profile.participle_endings)
        self.openers = frozenset(fold(w) for w in profile.clause_openers)
        self.not_openers = frozenset(fold(w) for w in profile.not_clause_openers_after)
        self.articles = frozenset(fold(w) for w in profile.articles)
        self.heads = [[t.folded for t in tokenize(h)] for h in profile.statement_heads]
        self.topics = frozenset(fold(w) for w in profile.topic_prepositions)

    def speaker(self, tokens: Sequence[Token], entities: Sequence[Entity]) -> str | None:
        """The state a heading says the document speaks for: the heading opens with a
        statement word ("Statement", "Déclaration", "بيان") not followed by a topic word
        ("on", "sur", "حول"), and names one state and no organisation before it; states
        after an agent phrase are those it speaks on behalf of."""
        words = [token.folded for token in tokens]
        head = next((h for h in self.heads if words[: len(h)] == h), None)
        if head is None or len(words) > _HEADING_WORDS or len(words) == len(head):
            return None
        if words[len(head)] in self.topics:
            return None
        countries = [e for e in entities if e.type == "country"]
        hits = [] if self.marker_words.isdisjoint(words) else self.markers.find(words)
        agents = [tokens[h.first].start for h in hits if h.payloads[0] == _AGENT]
        before = [e for e in countries if agents and e.start < min(agents)]
        countries = before or countries  # "Statement by Morocco on behalf of the AMU states"
        states = {e.value for e in countries}
        if len(states) != 1:
            return None
        # a body named before the state speaks ("Statement by IOM on Ghana"); one after it is
        # the venue or a group ("… of Colombia at the International Migration Review Forum")
        first = min(e.start for e in countries)
        named = any(e.type == "organisation" and e.start < first for e in entities)
        return None if named else states.pop()

    def mark(self, text: str, tokens: Sequence[Token], states: Sequence[Entity]) -> list[Entity]:
        """The states with ``actor`` set; ``states`` are in text order."""
        if not states:
            return []
        starts = [token.start for token in tokens]
        firsts = [bisect_right(starts, state.start) - 1 for state in states]
        words = as_tokens(tokens).folded
        hits = [] if self.marker_words.isdisjoint(words) else self.markers.find(words)
        owners = self._owners(text, tokens, hits, states, firsts)
        addressed = self._addressed(text, tokens, hits, states, firsts)
        marked: list[Entity] = []
        for state, first, passive in zip(states, firsts, addressed, strict=True):
            said = self._marker(text, tokens, hits, first)
            if said is None:
                said = (
                    self._subject(text, tokens, first)
                    or self._opens(text, tokens, first)
                    or self._agent_of_passive(tokens, first)
                )
            actor = said and not passive  # "Nepal was urged to", "le Niger a été invité à"
            if not actor and marked and marked[-1].actor and self._listed(text, marked[-1], state):
                actor = True
            marked.append(replace(state, actor=actor or state.value in owners))
        return marked

    def _owners(
        self,
        text: str,
        tokens: Sequence[Token],
        hits: Sequence[PhraseHit[str]],
        states: Sequence[Entity],
        firsts: Sequence[int],
    ) -> set[str]:
        """The states whose own country a sentence speaks of: the nearest one named before
        "his country" in its sentence ("the vice-minister of Ecuador said that his country
        has regularised 100,000 Venezuelans" is Ecuador acting)."""
        owners: set[str] = set()
        for hit in (h for h in hits if h.payloads[0] == _OWN):
            before = [
                state.value
                for state, first in zip(states, firsts, strict=True)
                if first < hit.first and not self._ended(text, tokens, first, hit.first)
            ]
            owners |= set(before[-1:])
        return owners

    def _ended(self, text: str, tokens: Sequence[Token], a: int, b: int) -> bool:
        """Whether a sentence ends between tokens ``a`` and ``b``."""
        return any(self._clause_at(text, tokens, k) for k in range(a + 1, b + 1))

    @staticmethod
    def _clause_at(text: str, tokens: Sequence[Token], k: int) -> bool:
        """Whether a sentence or clause ends right before token ``k``."""
        return sentence_ends_before(text, tokens, k, clauses=True)

    def _addressed(
        self,
        text: str,
        tokens: Sequence[Token],
        hits: Sequence[PhraseHit[str]],
        states: Sequence[Entity],
        firsts: Sequence[int],
    ) -> list[bool]:
        """For each state, whether it is the subject of a passive addressing verb after it
        in its clause. The verb is the nearest state's before it, unless another state not
        listed with that one stands between ("Nepal and Bhutan were invited", "Nepal urged
        Bhutan, which was invited")."""
        passives = [hit for hit in hits if hit.payloads[0] == _PASSIVE]
        if not passives:
            return [False] * len(states)
        starts = [token.start for token in tokens]
        bounds = [
            after if not self._listed(text, state, following) else len(tokens)
            for state, following, after in zip(states, states[1:], firsts[1:], strict=False)
        ] + [len(tokens)]
        addressed = []
        for state, bound in zip(states, bounds, strict=True):
            last = bisect_right(starts, state.end - 1) - 1
            addressed.append(
                any(
                    last < hit.first <= min(last + _PASSIVE_REACH + 1, bound - 1)
                    and not self._ended(text, tokens, last, hit.first)
                    for hit in passives
                )
            )
        return addressed

    def _marker(
        self, text: str, tokens: Sequence[Token], hits: Sequence[PhraseHit[str]], first: int
    ) -> bool | None:
        """True after an agent phrase, False after an addressing one, None after neither."""
        before = [
            hit
            for hit in hits
            if hit.payloads[0] in (_AGENT, _ADDRESSEE)
            and hit.last < first <= hit.last + _MARKER_REACH + 1
        ]
        if not before:
            return None
        nearest = max(before, key=lambda hit: hit.last)
        if self._ended(text, tokens, nearest.last, first):
            return None
        return nearest.payloads[0] == _AGENT

    def _subject(self, text: str, tokens: Sequence[Token], first: int) -> bool:
        """Whether the token at ``first`` stands in subject position of its sentence."""
        token = tokens[first]
        if token.folded.startswith(self.glued) and token.folded != token.key:
            return False  # "بالمغرب", "للأردن": a preposition glued to the name
        start = first  # the sentence's first token, looked for among the window's only
        while (
            start > 0
            and first - start < _SUBJECT_WINDOW
            and not self._clause_at(text, tokens, start)
        ):
            start -= 1
        if first - start >= _SUBJECT_WINDOW:
            return False
        before = tokens[max(start, first - 2) : first]
        return not any(t.folded in self.places for t in before)

    def _opens(self, text: str, tokens: Sequence[Token], first: int) -> bool:
        """Whether the state at token ``first`` opens a clause inside its sentence, perhaps
        after an article: after a clause word ("while Egypt reported", "told participants that
        Tunisia had signed", "tandis que le Maroc") or a coordinator after a comma (", and
        Chile and Uruguay signed")."""
        k = self._past_article(tokens, first)
        if k == 0:
            return False
        word = tokens[k - 1].folded
        if word in self.openers:
            return k < 2 or tokens[k - 2].folded not in self.not_openers
        comma = k > 1 and "," in text[tokens[k - 2].end : tokens[k - 1].start]
        return word in self.joiners and comma

    def _agent_of_passive(self, tokens: Sequence[Token], first: int) -> bool:
        """Whether the state at token ``first`` is the agent of a passive participle, an
        article perhaps between ("les expulsions pratiquées par l'Algérie", "the reforms
        adopted by Qatar", "realizadas por Chile")."""
        k = self._past_article(tokens, first)
        if k < 2 or tokens[k - 1].folded not in self.by:
            return False
        participle = tokens[k - 2].folded
        return len(participle) > 4 and participle.endswith(self.participles)

    def _past_article(self, tokens: Sequence[Token], first: int) -> int:
        """The token a state at ``first`` starts from, with the article before it."""
        return first - 1 if first > 0 and tokens[first - 1].folded in self.articles else first

    def _listed(self, text: str, previous: Entity, state: Entity) -> bool:
        """Whether ``state`` follows ``previous`` in a list: only a comma, a coordinator and
        an article between ("Jordan and Egypt", "le Maroc et la Tunisie", "l'Algérie, la
        Libye", "والأردن")."""
        between = text[previous.end : state.start]
        words = [w for w in _WORDS.findall(between) if fold(w) not in self.articles]
        if _SENTENCE_END.intersection(between) or len(words) > 1:
            return False
        if not words:  # "Jordan, Egypt", or Arabic "والأردن" with its "و" glued
            glued = is_arabic(state.text) and fold(state.text)[:1] in self.joiners
            return glued or "," in between or "،" in between
        return fold(words[0]) in self.joiners


_WORDS = re.compile(r"\w+")


@cache
def actor_rules(lang: str) -> ActorRules:
    """The compiled actor rules of a language."""
    return ActorRules(lang)
