"""Stage "extract": the cities a passage names, from ``data/gazetteers/places.yaml``.

How: each language's names are compiled once into a phrase matcher over word keys. A
cheap pre-check skips the passages that hold no city name, so most passages cost a few
microseconds: a set test of their word keys when the caller has the tokens, else one
Aho-Corasick pass over the lower-cased text.

Rules:

* Latin names match folded (case and accents ignored) on whole words, and the last word must
  be capitalised in the text when it is in the gazetteer ("Lima" is a city, "lima" is not).
* Arabic names match with one proclitic in front (و، ب، ل، ال، بال، لل ... from
  ``data/languages/ar.yaml``) and never with a suffix, so "بالقاهرة" is Cairo but "الرياضة"
  (sport) is not Riyadh. A word that is a name as written is never read as another name
  behind a proclitic.
* A name inside a ``not_places`` phrase ("Pacte de Marrakech", "رياض الأطفال") is no place.
* Places never overlap: the longest name wins, then the earliest.
* A language without names in the gazetteer is read with the names of every language.

The pre-check expects NFC text (the normalise stage gives it); Arabic vowel marks and
tatweel are dropped before it looks. ``needle_automaton`` and ``may_hold`` serve the events
module's pre-check too.

Not handled: cities missing from the gazetteer, venues below the city (a ministry, the
League of Arab States headquarters), names the gazetteer leaves out as ambiguous (Arabic
تونس, عمان, الجزائر, وجدة; Kuwait, Djibouti, Panama alone), the other Tripoli and Santiago,
lower-cased Latin names.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Literal

import ahocorasick
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from ..datafiles import load_model
from ..models import Place
from ..phrases import PhraseMatcher, longest_keys
from ..text import Token, as_tokens, fold, is_arabic, key_maker, tokenize

_Phrase = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
_Lang = Literal["ar", "en", "es", "fr"]
_LANGS: tuple[_Lang, ...] = ("ar", "en", "es", "fr")
_ALIFS = "اأإآ"
_SHIFTY_ENDS = "ةهىي"  # final letters written either way (ة/ه, ى/ي)
_MARKS_RE = re.compile("[\u064b-\u065f\u0670\u0640]")
_MAX_SPELLINGS = 64
_KEY_CACHE = 100_000  # words whose match key is remembered, per index


class PlaceEntry(BaseModel):
    """One city of the gazetteer."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    city: _Phrase
    country: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
    names: dict[_Lang, Annotated[list[_Phrase], Field(min_length=1)]]
    note: _Phrase | None = None

    @model_validator(mode="after")
    def _gaps_explained(self) -> PlaceEntry:
        missing = [lang for lang in _LANGS if lang not in self.names]
        if missing and self.note is None:
            raise ValueError(f"no names in {missing}; list them or say why in `note`")
        return self


class PlacesSpec(BaseModel):
    """The contents of ``gazetteers/places.yaml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: _Phrase
    source: _Phrase
    places: list[PlaceEntry]
    not_places: dict[_Lang, list[_Phrase]] = {}

    @model_validator(mode="after")
    def _one_city_per_name(self) -> PlacesSpec:
        owner: dict[tuple[str, str], str] = {}
        for entry in self.places:
            for lang, names in entry.names.items():
                for name in names:
                    other = owner.setdefault((lang, fold(name)), entry.city)
                    if other != entry.city:
                        raise ValueError(
                            f"{lang} name {name!r} is listed for {other} and {entry.city}"
                        )
        return self


@cache
def load_places() -> PlacesSpec:
    """Load the shipped place gazetteer."""
    path = Path(str(resources.files("gcm_review") / "data" / "gazetteers" / "places.yaml"))
    return load_model(path, PlacesSpec, label="gazetteers/places.yaml")


def find_places(text: str, lang: str, tokens: Sequence[Token] | None = None) -> list[Place]:
    """Find the cities a passage names.

    Args:
        text: the passage text.
        lang: its language code; names of that language are looked for (every language's
            names for a language the gazetteer does not cover).
        tokens: the passage's tokens when the caller has them.

    Returns:
        The places in text order, without overlaps; ``text[start:end] == place.text``.
    """
    index = _index(lang if lang in _LANGS else "")
    if tokens is None:
        if not index.may_hold(text):
            return []
        tokens = tokenize(text)
    return index.find(text, tokens)


def needle_automaton(forms: Iterable[str]) -> ahocorasick.Automaton:
    """An automaton that finds, in lower-cased text, every spelling of a word of ``forms``.

    Each phrase contributes its longest word: as written and folded for Latin script; for
    Arabic, without its proclitic and shifty last letter, in every spelling of its alifs. Use
    with ``may_hold``: a miss is sure, a hit only says the phrase may be there.
    """
    proclitics = sorted(key_maker("ar").prefixes, key=len, reverse=True)
    automaton = ahocorasick.Automaton()
    for form in forms:
        word = max((token.text.lower() for token in tokenize(form)), key=len, default="")
        for needle in _spellings(word, proclitics) if word else ():
            automaton.add_word(needle, needle)
    if len(automaton):
        automaton.make_automaton()
    return automaton


def may_hold(automaton: ahocorasick.Automaton, text: str) -> bool:
    """Whether lower-cased ``text`` holds a needle of ``automaton`` (False is sure)."""
    if not len(automaton):
        return False
    lowered = text.lower()
    if _MARKS_RE.search(lowered):
        lowered = _MARKS_RE.sub("", lowered)
    return next(automaton.iter(lowered), None) is not None


def _spellings(word: str, proclitics: Sequence[str]) -> set[str]:
    if not is_arabic(word):
        return {word, fold(word)}
    core = next((word[len(p) :] for p in proclitics if _strips(word, p)), word)
    core = core[:-1] if len(core) > 2 and core[-1] in _SHIFTY_ENDS else core
    options = [_ALIFS if char in _ALIFS else char for char in core]
    if math.prod(len(option) for option in options) > _MAX_SPELLINGS:
        options = [_ALIFS if char in _ALIFS else char for char in core[1:]]
    return {"".join(chars) for chars in itertools.product(*options)}


def _strips(word: str, prefix: str) -> bool:
    return word.startswith(prefix) and len(word) - len(prefix) >= 3


class _PlaceIndex:
    """The names of one language (all languages for ``""``) compiled for matching."""

    def __init__(self, lang: str) -> None:
        spec = load_places()
        langs = [code for code in _LANGS if code == lang] or list(_LANGS)
        named = [
            (number, name)
            for number, entry in enumerate(spec.places)
            for code in langs
            for name in entry.names.get(code, [])
        ]
        excluded = [name for code in langs for name in spec.not_places.get(code, [])]
        self._arabic = "ar" in langs  # only Arabic names are keyed without their proclitic
        self._proclitics = sorted(key_maker("ar").prefixes, key=len, reverse=True)
        self._key_cache: dict[str, str] = {}
        self._canon = self._canonical_forms([name for _, name in named] + excluded)
        # payload: (entry number or -1 for a not-place phrase, last word must be capitalised)
        phrases = [(self._keys(tokenize(name)), (n, _capital_last(name))) for n, name in named]
        phrases += [(self._keys(tokenize(name)), (-1, False)) for name in excluded]
        self._entries = spec.places
        self._matcher: PhraseMatcher[tuple[int, bool]] = PhraseMatcher(phrases)
        self._words = longest_keys(keys for keys, (n, _) in phrases if n >= 0)
        self._needles = needle_automaton(name for _, name in named)

    def _canonical_forms(self, names: Sequence[str]) -> dict[str, str]:
        """Arabic words of the names, and each without a proclitic, to the name's word."""
        words = {t.folded for name in names for t in tokenize(name) if is_arabic(t.folded)}
        canon = {word: word for word in words}
        for word in sorted(words):
            for prefix in self._proclitics:
                if _strips(word, prefix):
                    canon.setdefault(word[len(prefix) :], word)
        return canon

    def _keys(self, tokens: Sequence[Token]) -> list[str]:
        if not self._arabic:  # a Latin word's key is its folded form
            return as_tokens(tokens).folded
        keys = self._key_cache
        return [keys.get(t.folded) or self._key(t.folded) for t in tokens]

    def _key(self, folded: str) -> str:
        key = self._compute_key(folded)
        if len(self._key_cache) < _KEY_CACHE:
            self._key_cache[folded] = key
        return key

    def _compute_key(self, folded: str) -> str:
        if not is_arabic(folded) or folded in self._canon:
            return self._canon.get(folded, folded)
        for prefix in self._proclitics:
            if _strips(folded, prefix) and folded[len(prefix) :] in self._canon:
                return self._canon[folded[len(prefix) :]]
        return folded

    def may_hold(self, text: str) -> bool:
        """Whether the text may name a city of this index (False is sure)."""
        return may_hold(self._needles, text)

    def find(self, text: str, tokens: Sequence[Token]) -> list[Place]:
        """The places of ``text``, longest first where they overlap, in text order."""
        keys = self._keys(tokens)
        if self._words.isdisjoint(keys):
            return []
        hits = self._matcher.find(keys)
        taken: set[int] = set()
        places: list[Place] = []
        for hit in sorted(hits, key=lambda h: (h.first - h.last, h.first)):
            capital = tokens[hit.last].text[:1].isupper()
            chosen = [n for n, needs_capital in hit.payloads if capital or not needs_capital]
            span = set(range(hit.first, hit.last + 1))
            if not chosen or span & taken:
                continue
            taken |= span
            if chosen[0] >= 0:  # a not-place phrase only takes its words
                entry = self._entries[chosen[0]]
                start, end = tokens[hit.first].start, tokens[hit.last].end
                places.append(Place(text[start:end], start, end, entry.city, entry.country))
        return sorted(places, key=lambda place: place.start)


def _capital_last(name: str) -> bool:
    return tokenize(name)[-1].text[:1].isupper()


@cache
def _index(lang: str) -> _PlaceIndex:
    return _PlaceIndex(lang)
