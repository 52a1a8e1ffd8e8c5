"""Stage "extract": the people a passage names, with their honorific, role, body and state.

Patterns around the words of ``data/people/<lang>.yaml`` find them: an honorific or a role
before a name ("M. Ismail Chakouri", "le Roi Mohammed VI"), a role in apposition after a name
("Ismail Chakouri, directeur ... au ministère ..."), a reporting verb next to a name. Where the
script has capitals a name is a run of capitalised words; where it has none, a few words after
a title or before an apposition. A span that overlaps a country or an organisation is no name.
Where a language has a named-entity model (``ner``), the names it finds join the patterns'
when they pass the same tests as a name word.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

from ...models import Entity, PersonMention
from ...text import Token, tokenize
from .lexicon import (
    Lexicon,
    PeopleLexicon,
    articles,
    compiled,
    load_people_lexicon,
    people_path,
    titles,
)
from .scan import Found, Scan
from .speakers import find_speakers

__all__ = [
    "PeopleFinder",
    "PeopleLexicon",
    "find_speakers",
    "load_people_lexicon",
    "people_path",
    "person_key",
    "within_document",
]


def _merge(found: Iterable[Found]) -> list[Found]:
    """Join what several patterns say about overlapping names; the longest span wins."""
    merged: list[Found] = []
    for item in sorted(found, key=lambda f: (f.first, f.first - f.last)):
        previous = merged[-1] if merged else None
        if previous is None or item.first > previous.last:
            merged.append(item)
        else:
            previous.honorific = previous.honorific or item.honorific
            previous.role = previous.role or item.role
    return merged


class PeopleFinder:
    """Finds people, their honorific, role, affiliation and country in passages."""

    def __init__(self) -> None:
        self._lexicons: dict[str, Lexicon | None] = {}

    def find(
        self,
        text: str,
        lang: str,
        countries: Sequence[Entity] = (),
        organisations: Sequence[Entity] = (),
        recognised: Sequence[tuple[int, int]] = (),
        tokens: Sequence[Token] | None = None,
    ) -> list[PersonMention]:
        """Find the people a passage names.

        Args:
            text: the passage text.
            lang: its language code; a language without a people lexicon gives no people.
            countries: the country entities of the passage. A name never overlaps one; they
                tell which state a person stands for.
            organisations: the organisation entities of the passage. A name never overlaps
                one; they give the body a person belongs to.
            recognised: (start, end) of the names a named-entity model found (``ner``);
                those that look like names join what the patterns find.
            tokens: the passage's tokens, when the caller has them.

        Returns:
            The people named, in order of appearance, one mention per occurrence.
        """
        if lang not in self._lexicons:
            self._lexicons[lang] = compiled(lang)
        lexicon = self._lexicons[lang]
        if lexicon is None:
            return []
        may = lexicon.may_name_people(text) if tokens is None else lexicon.may_hold(tokens)
        if not (recognised or may):
            return []
        scan = Scan(text, lexicon, [*countries, *organisations], tokens)
        # appositions first: a role word given in apposition introduces no name after it
        found = _merge(
            itertools.chain(
                scan.appositions(), scan.titled(), scan.reported(), scan.recognised(recognised)
            )
        )
        states = [entity for entity in countries if entity.type == "country"]
        return [scan.mention(item, states) for item in found]


def person_key(name: str) -> str:
    """A key under which differently written forms of one person's name meet.

    Case, accents, Arabic letter variants, initials, leading honorifics and titles, and the
    order of the words ('Chakouri Ismail' vs 'Ismail Chakouri') do not change the key.

    Args:
        name: a name as written ("M. Ismail CHAKOURI", "Chakouri, Ismail").

    Returns:
        The folded words of the name, initials and titles dropped, sorted, joined by spaces.
    """
    words = [token.folded for token in tokenize(name)]
    while len(words) > 1:
        starting = titles().get(words[0], [])
        title = next((t for t in starting if tuple(words[: len(t)]) == t), ())
        if 0 < len(title) < len(words):
            words = words[len(title) :]
        elif len(words) > 2 and words[0] in articles():
            words = words[1:]
        else:
            break
    kept = [word for word in words if len(word) > 1] or words
    return " ".join(sorted(kept))


def within_document(keys: Iterable[str]) -> dict[str, str]:
    """For the person keys of one document, the fuller key a partial one stands for: "M.
    Bennani" after "Karim Bennani" is the same person, when exactly one fuller name of the
    document holds every word of the partial one.

    Returns:
        partial key -> fuller key, for the partial keys that have exactly one fuller key.
    """
    words = {key: frozenset(key.split()) for key in dict.fromkeys(keys)}
    merged: dict[str, str] = {}
    for key, own in words.items():
        fuller = [other for other, theirs in words.items() if own < theirs]
        if len(fuller) == 1:
            merged[key] = fuller[0]
    return merged
