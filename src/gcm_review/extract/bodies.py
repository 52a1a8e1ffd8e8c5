"""Organisations the gazetteer does not know, found by their shape: "National Migration
Observatory", "Association Terre d'Accueil", "جمعية رعاية المهاجرين".

A body word from the people lexicons (ministry, observatoire, fundación, جمعية …) opens or
closes the name; in scripts with capitals the name runs over capitalised words and the
lower-case words that join them; in Arabic it is the body word and the words of its
construct that follow. Such organisations are reported with an ``unknown:`` id.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Sequence
from functools import cache

from ..models import Entity
from ..text import Token, fold, is_arabic, key_maker
from .people import load_people_lexicon

UNKNOWN = "unknown:"
_JOIN_RE = re.compile(r"^[\s'’-]*$")  # what may stand between two words of one name
_MAX_WORDS = 8
_ARABIC_WORDS = 3
_PROCLITICS = re.compile(r"^(?:[وفبلك]?ال|لل|[وفبلك])(?=..)")  # folded: "وال", "بال", "لل", "و"
_CONJUNCT = ("وال",)  # "and the": a new conjunct
_GLUED = re.compile(r"^[وف]?[بلك]?")  # a conjunction and a preposition glued to a word
_ACRONYM = re.compile(r"[A-ZÀ-Ý][A-Za-zÀ-ÿ]{1,9}")
_AFTER_NAME = re.compile(r"\s*\(([A-ZÀ-Ý][A-Za-zÀ-ÿ]{1,9})\)")
_SENTENCE_GAP = re.compile(r"[.;:!?]")
# connectors that lead from a body to what it serves or where it sits, not inside its name:
# "Coalition of South Asia to the Second Regional Review", "Office at the Ministry"
_NOT_INSIDE = frozenset({"to", "at", "in", "on"})


@cache
def _words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The body words that may open an unknown body's name, and the lower-case joining
    words of a language (folded). In Arabic a body word counts as written, a proclitic or
    the article aside: a plural ("منظمات", "الحكومات") names no one body."""
    lexicon = load_people_lexicon(lang)
    if lexicon is None:
        return frozenset(), frozenset()
    keys = key_maker(lang)
    ambiguous = {_bare(fold(body)) for body in lexicon.ambiguous_bodies}
    bodies = frozenset(
        key
        for body in lexicon.bodies
        if " " not in body and _bare(fold(body)) not in ambiguous
        for key in _keys(body, keys.stem)
    )
    joins = frozenset(fold(w) for w in (*lexicon.particles, *lexicon.connectors) if " " not in w)
    return bodies, joins


def _keys(body: str, stem: Callable[[str], str]) -> tuple[str, ...]:
    """The keys a body word is looked up by: as written in Arabic, else folded and stemmed."""
    folded = fold(body)
    return (_bare(folded),) if is_arabic(body) else (folded, stem(folded))


def _bare(word: str) -> str:
    """An Arabic word without its proclitics and article ("وللجنة" -> "لجنة")."""
    return _PROCLITICS.sub("", word) if is_arabic(word) else word


def glued_length(word: str, names: Container[str] = ()) -> int:
    """The letters of the conjunction or preposition glued to an Arabic name's first word:
    1 in "واتحاد" and "لاتحاد", 1 in "والمنظمة", 0 in "وزارة" (a word of its own). What
    remains must open with the article or be one of ``names`` (as its bare form)."""
    if not is_arabic(word):
        return 0
    size = len(glued.group()) if (glued := _GLUED.match(word)) else 0
    rest = word[size:]
    kept = rest.startswith("ال") or _bare(fold(rest)) in names
    return size if size and len(rest) >= 3 and kept else 0


def find_unknown_organisations(
    text: str, lang: str, tokens: Sequence[Token], known: Sequence[Entity]
) -> list[Entity]:
    """Organisations named in ``text`` that no known entity covers.

    A state's name or adjective may stand inside such a name ("Ghana Statistical Service",
    "Instituto Guatemalteco de Migración"); an organisation already known may not.

    Args:
        text: the passage.
        lang: its language.
        tokens: its tokens.
        known: the entities already found (countries, organisations of the gazetteer).
    """
    bodies, joins = _words(lang)
    if not bodies:
        return []
    owners = [[e for e in known if e.start < t.end and t.start < e.end] for t in tokens]
    free = [not owner for owner in owners]
    state = [bool(owner) and all(e.type == "country" for e in owner) for owner in owners]
    found: list[Entity] = []
    for i, token in enumerate(tokens):
        if not free[i]:
            continue
        if is_arabic(token.text):
            body = _bare(token.folded) in bodies
            span = _arabic_name(text, tokens, i, (free, state)) if body else None
        elif token.folded in bodies or token.key in bodies:
            inside = (joins | key_maker(lang).stopwords) - _NOT_INSIDE
            span = _capital_name(text, tokens, i, (free, state), inside)
            span = _up_to_acronym(text, tokens, span or (i, i), (free, state)) or span
        else:
            continue
        if span is None:
            continue
        free[span[0] : span[1] + 1] = [False] * (span[1] + 1 - span[0])
        start, end = tokens[span[0]].start, tokens[span[1]].end
        start += glued_length(tokens[span[0]].text, bodies)
        name = text[start:end]
        found.append(Entity("organisation", name, start, end, UNKNOWN + fold(name)))
    return found + _acronyms_of(text, tokens, found, free)


def _up_to_acronym(
    text: str,
    tokens: Sequence[Token],
    span: tuple[int, int],
    words: tuple[Sequence[bool], Sequence[bool]],
) -> tuple[int, int] | None:
    """A capitalised body word's name that runs, in any case, to the acronym in brackets
    its initials make: "Agence nationale de la statistique et de la démographie (ANSD)";
    a state's name or adjective may stand inside ("des Sénégalais de l'extérieur")."""
    free, state = words
    first = span[0]
    if not tokens[first].text[:1].isupper():
        return None
    for j in range(span[1] + 1, min(len(tokens), first + _MAX_WORDS + 6)):
        if not (free[j] or state[j]):
            return None
        if _bracketed(text, tokens, j):
            initials = [t.text[0] for t in tokens[first:j] if t.text[:1].isalpha()]
            return (first, j - 1) if _initials(tokens[j].text, initials) else None
        if _SENTENCE_GAP.search(text[tokens[j - 1].end : tokens[j].start]):
            return None
    return None


def _bracketed(text: str, tokens: Sequence[Token], j: int) -> bool:
    """Whether token ``j`` is an acronym alone in brackets: "(ANSD)"."""
    token = tokens[j]
    return (
        _ACRONYM.fullmatch(token.text) is not None
        and text[tokens[j - 1].end : token.start].strip() == "("
        and text[token.end : token.end + 1] == ")"
    )


def _initials(acronym: str, initials: Sequence[str]) -> bool:
    """Whether the acronym's letters are the initials of the name's words, in order, the
    first one first (words such as "de", "la" may give none)."""
    letters = iter(letter.upper() for letter in initials)
    return acronym[0] == initials[0].upper() and all(c in letters for c in acronym.upper())


def _acronyms_of(
    text: str, tokens: Sequence[Token], found: Sequence[Entity], free: Sequence[bool]
) -> list[Entity]:
    """The acronym given in brackets after an unknown body's name, wherever the passage
    writes it, as that body."""
    owners: dict[str, str] = {}
    for entity in found:
        after = text[entity.end : entity.end + 16]
        match = _AFTER_NAME.match(after)
        if match:
            owners[match[1]] = entity.value
    return [
        Entity("organisation", t.text, t.start, t.end, owners[t.text])
        for i, t in enumerate(tokens)
        if free[i] and t.text in owners
    ]


def _joined(text: str, tokens: Sequence[Token], i: int) -> bool:
    """Whether tokens ``i`` and ``i + 1`` are separated only by space or an apostrophe."""
    return bool(_JOIN_RE.match(text[tokens[i].end : tokens[i + 1].start]))


def _capital_name(
    text: str,
    tokens: Sequence[Token],
    i: int,
    words: tuple[Sequence[bool], Sequence[bool]],
    joins: frozenset[str],
) -> tuple[int, int] | None:
    """Capitalised words around the body word ("National Migration Observatory"), joined by
    lower-case particles ("Casa del Migrante"); never an article before it, never a word of
    an entity already found but a state's name or adjective inside the name ("Ghana
    Statistical Service", "Instituto Guatemalteco de Migración"), which never ends it
    ("Observatory of Jordan" is Jordan's observatory)."""
    free, state = words
    if not tokens[i].text[:1].isupper():
        return None
    first = i
    while first > 0 and (free[first - 1] or state[first - 1]) and _joined(text, tokens, first - 1):
        before = tokens[first - 1]
        if not before.text[:1].isupper() or before.folded in joins:
            break
        first -= 1
    last, end = i, i
    while end + 1 < len(tokens) and end - first < _MAX_WORDS and _joined(text, tokens, end):
        if not (free[end + 1] or state[end + 1]):
            break
        following = tokens[end + 1]
        if following.text[:1].isupper():
            end += 1
            last = end if free[end] else last
        elif following.folded in joins:
            end += 1
        else:
            break
    return (first, last) if last > first else None


def _arabic_name(
    text: str, tokens: Sequence[Token], i: int, words: tuple[Sequence[bool], Sequence[bool]]
) -> tuple[int, int] | None:
    """The body word and the words of its construct ("جمعية رعاية المهاجرين"): the construct
    ends with its first definite word. A definite body word right after a definite word is
    that word's adjective ("الشؤون القنصلية", "الآمنة والمنظمة"), and a word joined by "و"
    and the article is a new conjunct, not part of the name. A definite head keeps its
    definite adjectives, a state's among them ("الاتحاد العام التونسي"), and one complement
    a glued "ل" opens ("للشغل", "للضمان الاجتماعي", "لمنع الاتجار")."""
    free, state = words
    stopwords = key_maker("ar").stopwords
    definite = _definite()
    if i and _joined(text, tokens, i - 1) and tokens[i].folded.startswith(definite):
        before = tokens[i - 1]
        if before.folded.startswith(definite) and before.folded not in stopwords:
            return None
    last = i
    while last + 1 < len(tokens) and last - i < _ARABIC_WORDS and _joined(text, tokens, last):
        following = tokens[last + 1]
        adjective = state[last + 1] and following.folded.startswith("ال") and last > i
        if not (free[last + 1] or adjective) or following.folded in stopwords:
            break
        if not is_arabic(following.text) or following.folded.startswith(_CONJUNCT):
            break
        # after a definite head only its definite adjectives: "اللجنة الوطنية", not
        # "اللجنة بالتعاون" (the committee, in cooperation)
        if tokens[i].folded.startswith(definite) and not following.folded.startswith("ال"):
            break
        last += 1
        if following.folded.startswith(definite) and not tokens[i].folded.startswith(definite):
            break  # an indefinite head's construct ends with its definite word
    if tokens[i].folded.startswith(definite):
        last = _complement(text, tokens, last, free)
    # an indefinite head's construct ends with a definite word: "منظمة غير حكومية" (a
    # non-governmental organisation) and "ائتلاف يضم ..." (a coalition that includes) name none
    closed = tokens[last].folded.startswith(definite) or tokens[i].folded.startswith(definite)
    return (i, last) if last > i and closed else None


def _complement(text: str, tokens: Sequence[Token], last: int, free: Sequence[bool]) -> int:
    """The last word of the complement a glued "ل" opens after a definite name ending at
    ``last``: a definite noun and its definite adjectives ("للضمان الاجتماعي"), or a noun
    and the definite word it governs ("لمنع الاتجار"); ``last`` if there is none."""
    k = last + 1
    if k >= len(tokens) or not free[k] or not _joined(text, tokens, last):
        return last
    word = tokens[k].folded
    if word.startswith("لل") and len(word) > 4:
        end = k
    elif word.startswith("ل") and len(word) > 3 and not word.startswith("ال"):
        after = k + 1
        definite_next = after < len(tokens) and tokens[after].folded.startswith("ال")
        if not (definite_next and free[after] and _joined(text, tokens, k)):
            return last
        end = after
    else:
        return last
    while (  # the definite adjectives that follow
        end + 1 < len(tokens)
        and end - last < _ARABIC_WORDS
        and free[end + 1]
        and _joined(text, tokens, end)
        and tokens[end + 1].folded.startswith("ال")
        and not tokens[end + 1].folded.startswith(_CONJUNCT)
    ):
        end += 1
    return end


@cache
def _definite() -> tuple[str, ...]:
    lexicon = load_people_lexicon("ar")
    return tuple(fold(p) for p in lexicon.complement_prefixes) if lexicon else ()
