"""Match many phrases against a token sequence in one pass (Aho-Corasick over keys)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from typing import Generic, NamedTuple, TypeVar

import ahocorasick

PayloadT = TypeVar("PayloadT", bound=Hashable)

_SEP = "\x1f"  # separates keys; cannot occur inside a key


class PhraseHit(NamedTuple, Generic[PayloadT]):
    """A phrase found in a token sequence (a named tuple: hits are made by the million).

    Attributes:
        first: index of the first token of the hit.
        last: index of the last token of the hit (inclusive).
        payloads: what was registered for the phrase.
    """

    first: int
    last: int
    payloads: tuple[PayloadT, ...]


def longest_keys(phrases: Iterable[Sequence[str]]) -> frozenset[str]:
    """One key of each phrase, such that a passage whose keys miss all of them holds none of
    the phrases (a cheap, sure pre-check before matching): a phrase found among a passage's
    keys has all its keys there. A phrase that contains a one-key phrase needs no key of its
    own ("regional director" is covered by "director"); any other gives its longest key."""
    phrases = [tuple(keys) for keys in phrases if keys]
    chosen = {keys[0] for keys in phrases if len(keys) == 1}
    for keys in phrases:
        if chosen.isdisjoint(keys):
            chosen.add(max(keys, key=len))
    return frozenset(chosen)


class PhraseMatcher(Generic[PayloadT]):
    """A set of key sequences, each with payloads, found in a key sequence in one pass."""

    def __init__(self, phrases: Iterable[tuple[Sequence[str], PayloadT]]) -> None:
        grouped: dict[str, list[PayloadT]] = {}
        for keys, payload in phrases:
            if not keys:
                continue
            pattern = _SEP + _SEP.join(keys) + _SEP
            bucket = grouped.setdefault(pattern, [])
            if payload not in bucket:
                bucket.append(payload)
        self._automaton = ahocorasick.Automaton()
        for pattern, payloads in grouped.items():
            self._automaton.add_word(pattern, (pattern.count(_SEP) - 1, tuple(payloads)))
        self.empty = not grouped
        if not self.empty:
            self._automaton.make_automaton()

    def find(self, keys: Sequence[str]) -> list[PhraseHit[PayloadT]]:
        """Find every registered phrase in ``keys`` (overlapping hits included)."""
        if self.empty or not keys:
            return []
        haystack = _SEP + _SEP.join(keys) + _SEP
        count = haystack.count
        hits: list[PhraseHit[PayloadT]] = []
        last, counted = -1, 0  # the token the separator at ``counted`` closes
        for end, (length, payloads) in self._automaton.iter(haystack):  # by end, in order
            last += count(_SEP, counted, end)
            counted = end
            hits.append(PhraseHit(last - length + 1, last, payloads))
        return hits
