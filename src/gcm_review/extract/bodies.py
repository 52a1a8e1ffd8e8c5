"""Organisations the gazetteer does not know, found by their shape: "National Migration
Observatory", "Association Terre d'Accueil", "جمعية رعاية المهاجرين".

A body word from the people lexicons (ministry, observatoire, fundación, جمعية …) opens or
closes the name; in scripts with capitals the name runs over capitalised words and the
lower-case words that join them; in Arabic it is the body word and the words of its
construct that follow. Such organisations are reported with an ``unknown:`` id.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from ..models import Entity
from ..text import Token, fold, is_arabic, key_maker
from .people import load_people_lexicon

UNKNOWN = "unknown:"
_JOIN_RE = re.compile(r"^[\s'’-]*$")  # what may stand between two words of one name
_MAX_WORDS = 8
_ARABIC_WORDS = 3


@cache
def _words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The body words and the lower-case joining words of a language (folded)."""
    lexicon = load_people_lexicon(lang)
    if lexicon is None:
        return frozenset(), frozenset()
    keys = key_maker(lang)
    bodies = frozenset(
        key
        for body in lexicon.bodies
        if " " not in body
        for key in (fold(body), keys.stem(fold(body)))
    )
    joins = frozenset(fold(w) for w in (*lexicon.particles, *lexicon.connectors) if " " not in w)
    return bodies, joins


def find_unknown_organisations(
    text: str, lang: str, tokens: Sequence[Token], known: Sequence[Entity]
) -> list[Entity]:
    """Organisations named in ``text`` that no known entity covers.

    Args:
        text: the passage.
        lang: its language.
        tokens: its tokens.
        known: the entities already found (countries, organisations of the gazetteer).
    """
    bodies, joins = _words(lang)
    if not bodies:
        return []
    taken = [(e.start, e.end) for e in known]
    free = [not any(s < t.end and t.start < e for s, e in taken) for t in tokens]
    found: list[Entity] = []
    for i, token in enumerate(tokens):
        if not free[i] or (token.folded not in bodies and token.key not in bodies):
            continue
        if is_arabic(token.text):
            span = _arabic_name(text, tokens, i, free)
        else:
            span = _capital_name(text, tokens, i, free, joins | key_maker(lang).stopwords)
        if span is None:
            continue
        free[span[0] : span[1] + 1] = [False] * (span[1] + 1 - span[0])
        start, end = tokens[span[0]].start, tokens[span[1]].end
        name = text[start:end]
        found.append(Entity("organisation", name, start, end, UNKNOWN + fold(name)))
    return found


def _joined(text: str, tokens: Sequence[Token], i: int) -> bool:
    """Whether tokens ``i`` and ``i + 1`` are separated only by space or an apostrophe."""
    return bool(_JOIN_RE.match(text[tokens[i].end : tokens[i + 1].start]))


def _capital_name(
    text: str, tokens: Sequence[Token], i: int, free: Sequence[bool], joins: frozenset[str]
) -> tuple[int, int] | None:
    """Capitalised words around the body word ("National Migration Observatory"), joined by
    lower-case particles ("Casa del Migrante"); never an article before it, never a word of
    an entity already found."""
    if not tokens[i].text[:1].isupper():
        return None
    first = i
    while first > 0 and free[first - 1] and _joined(text, tokens, first - 1):
        before = tokens[first - 1]
        if not before.text[:1].isupper() or before.folded in joins:
            break
        first -= 1
    last, end = i, i
    while end + 1 < len(tokens) and end - first < _MAX_WORDS and _joined(text, tokens, end):
        if not free[end + 1]:
            break
        following = tokens[end + 1]
        if following.text[:1].isupper():
            last = end = end + 1
        elif following.folded in joins:
            end += 1
        else:
            break
    return (first, last) if last > first else None


def _arabic_name(
    text: str, tokens: Sequence[Token], i: int, free: Sequence[bool]
) -> tuple[int, int] | None:
    """The body word and the words of its construct ("جمعية رعاية المهاجرين"): the construct
    ends with its first definite word."""
    stopwords = key_maker("ar").stopwords
    lexicon = load_people_lexicon("ar")
    definite = tuple(fold(p) for p in lexicon.complement_prefixes) if lexicon else ()
    last = i
    while last + 1 < len(tokens) and last - i < _ARABIC_WORDS and _joined(text, tokens, last):
        following = tokens[last + 1]
        if not free[last + 1] or following.folded in stopwords or not is_arabic(following.text):
            break
        last += 1
        if definite and following.folded.startswith(definite):
            break
    return (i, last) if last > i else None
