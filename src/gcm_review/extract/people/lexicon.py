"""The words found around people's names in one language: the schema of
``data/people/<lang>.yaml``, its loading, its compiled form with a cheap pre-check, and the
titles and articles of all languages that ``person_key`` drops.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from functools import cache
from importlib import resources
from operator import attrgetter
from pathlib import Path
from typing import Annotated, Literal

import ahocorasick
from pydantic import BaseModel, ConfigDict, StringConstraints

from ...datafiles import load_model
from ...phrases import PhraseMatcher, longest_keys
from ...text import Token, fold, key_maker, load_profile, surface_keys, tokenize

_Phrase = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Kind = Literal["hon", "role", "speech", "conn", "body"]
# When one phrase is listed under several kinds, the first kind here wins.
KIND_ORDER: tuple[Kind, ...] = ("hon", "role", "speech", "conn", "body")
_KEY = attrgetter("key")
_MAX_SPELLINGS = 64  # spellings of one pre-check needle


class PeopleLexicon(BaseModel):
    """The contents of ``data/people/<lang>.yaml``: the words found around people's names.

    Attributes:
        names_capitalised: whether the script marks names with capitals (false for Arabic).
        honorifics: titles before a name, as written ("M.", "H.E.", "السيد").
        roles: function words, both genders ("directeur", "directrice", "head of").
        speech_verbs: verbs that report what a named person said ("a souligné", "said").
        connectors: words that introduce the body a person belongs to ("au", "of the").
        bodies: words that open a body's name when the gazetteer does not know it.
        ambiguous_bodies: body words with a common sense too ("government", "programme",
            "إدارة" management): they give affiliations but open no unknown body's name.
        particles: words inside names ("de", "bin", "عبد").
        not_names: words that are never part of a name (months, "Pacte", "Global").
        attached_connectors: prepositions glued to a body's name -> what replaces them.
        complement_prefixes: prefixes that mark a word as continuing a role (Arabic article).
        not_name_prefixes: prefixes no name word starts with (Arabic "and the").
        not_name_suffixes: endings no name word of five letters or more has (Arabic
            possessive pronouns: "بلادها", her country).
        not_name_written_endings: endings, as written with their marks, no name word has
            (the Arabic accusative "قراراً").
        stopword_names: names that fold like a stop word, as written ("علي").
        nisba_names: whether a state's adjective with the article after a first name is a
            family name (Arabic "هالة المصري").
        envoys: one-word roles of people posted abroad ("ambassador", "consul", "سفير").
        posted_at: words before the state an envoy is posted to, not the one they stand
            for ("to", "en", "ante", "لدى"): "ambassador of Mexico to Chile" is Mexican.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    language: _Phrase
    version: _Phrase
    source: _Phrase
    names_capitalised: bool = True
    honorifics: list[_Phrase]
    roles: list[_Phrase]
    speech_verbs: list[_Phrase]
    connectors: list[_Phrase]
    bodies: list[_Phrase]
    ambiguous_bodies: list[_Phrase] = []
    particles: list[_Phrase]
    not_names: list[_Phrase]
    attached_connectors: dict[_Phrase, str] = {}
    complement_prefixes: list[_Phrase] = []
    not_name_prefixes: list[_Phrase] = []
    not_name_suffixes: list[_Phrase] = []
    not_name_written_endings: list[_Phrase] = []
    stopword_names: list[_Phrase] = []
    nisba_names: bool = False
    envoys: list[_Phrase] = []
    posted_at: list[_Phrase] = []


def people_path() -> Path:
    """The folder of the people lexicons shipped with the package."""
    return Path(str(resources.files("gcm_review") / "data" / "people"))


@cache
def load_people_lexicon(lang: str) -> PeopleLexicon | None:
    """Load the shipped people lexicon of ``lang``, or None when there is none."""
    path = people_path() / f"{lang}.yaml"
    if not path.is_file():
        return None
    return load_model(path, PeopleLexicon, label=f"people/{lang}.yaml")


class Lexicon:
    """A people lexicon compiled once: phrase matcher, word sets and a cheap pre-check."""

    def __init__(self, spec: PeopleLexicon) -> None:
        self.cased = spec.names_capitalised
        keys = key_maker(spec.language)
        self.stopwords = keys.stopwords
        self.clitics, self.suffixes = frozenset({"", *keys.prefixes}), {"", *keys.suffixes}
        groups = (spec.honorifics, spec.roles, spec.speech_verbs, spec.connectors, spec.bodies)
        # connectors are everywhere ("de", "of"): a word lookup finds them, not the matcher
        self.phrases: PhraseMatcher[tuple[Kind, str]] = PhraseMatcher(
            (surface_keys(form), (kind, form))
            for kind, forms in zip(KIND_ORDER, groups, strict=True)
            if kind != "conn"
            for form in forms
        )
        self.connectors: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for form in sorted(spec.connectors, key=lambda f: -len(surface_keys(f))):
            if words := tuple(surface_keys(form)):
                self.connectors.setdefault(words[0], []).append((words, form))
        # the honorifics and connectors whose dots, capitals or accents a match must keep
        self.written = frozenset(
            [("hon", form) for form in spec.honorifics if "." in form or cased(form)]
            + [("conn", form) for form in spec.connectors if cased(form)]
        )
        self.particles = frozenset(key for word in spec.particles for key in surface_keys(word))
        self.not_names = frozenset(key for word in spec.not_names for key in surface_keys(word))
        self.prefixes = tuple(fold(prefix) for prefix in spec.complement_prefixes)
        self.blocked = tuple(fold(prefix) for prefix in spec.not_name_prefixes)
        self.blocked_endings = tuple(fold(suffix) for suffix in spec.not_name_suffixes)
        self.nisba_names = spec.nisba_names
        self.written_endings = tuple(spec.not_name_written_endings)
        self.stopword_names = frozenset(spec.stopword_names)
        self.coordinators = frozenset(fold(w) for w in load_profile(spec.language).coordinators)
        self.envoys = frozenset(key for word in spec.envoys for key in surface_keys(word))
        self.posted_at = frozenset(key for word in spec.posted_at for key in surface_keys(word))
        pairs = spec.attached_connectors.items()
        self.attached = sorted(((fold(p), j) for p, j in pairs), key=lambda pair: -len(pair[0]))
        self.lowered = {form: [t.text.lower() for t in tokenize(form)] for form in spec.connectors}
        # without capitals, a reporting verb alone never brings a name, so it need not pass
        verbs = spec.speech_verbs if self.cased else []
        self.needles = _needle_automaton([*spec.honorifics, *spec.roles, *verbs])
        # the same pre-check on tokens
        self.triggers = longest_keys(
            surface_keys(form) for form in (*spec.honorifics, *spec.roles, *verbs)
        )

    def may_hold(self, tokens: Sequence[Token]) -> bool:
        """Whether the tokens hold a title, role word or reporting verb (False is sure)."""
        return not self.triggers.isdisjoint(map(_KEY, tokens))

    def may_name_people(self, text: str) -> bool:
        """Whether the raw text holds a title, role word or reporting verb (False is sure)."""
        lowered = text.lower()
        for last, (length, whole) in self.needles.iter(lowered):
            check = _whole_word if whole else self._stem_at
            if check(lowered, last - length + 1, last + 1):
                return True
        return False

    def _stem_at(self, text: str, start: int, end: int) -> bool:
        """Whether the stem at ``start:end`` is a word but for its clitics and affixes."""
        first, after = start, end
        while first > 0 and text[first - 1].isalpha() and start - first < 5:
            first -= 1
        while after < len(text) and text[after].isalpha() and after - end < 5:
            after += 1
        clitic, affix = fold(text[first:start]), fold(text[end:after])
        return clitic in self.clitics and affix in self.suffixes


def _needle_automaton(forms: Sequence[str]) -> ahocorasick.Automaton:
    alphabet = {char for form in forms for char in form.lower()}
    automaton = ahocorasick.Automaton()
    for form in forms:
        needles, whole = _needles(form, alphabet)
        for needle in needles:
            automaton.add_word(needle, (len(needle), whole))
    automaton.make_automaton()
    return automaton


def _needles(form: str, alphabet: set[str]) -> tuple[set[str], bool]:
    """What to look for in lower-cased raw text to spot ``form``, and whether as whole words:
    a cased phrase as written or unaccented, an uncased one by its first stem in any spelling."""
    first = tokenize(form)[0]
    if "." in form or cased(first.text):
        spellings = {form.lower(), fold(form)}
        swaps = (("-", " "), (" ", "-"), ("'", "’"))
        return spellings | {text.replace(a, b) for text in spellings for a, b in swaps}, True
    options = [sorted({char, *(x for x in alphabet if fold(x) == char)}) for char in first.key]
    if math.prod(len(option) for option in options) > _MAX_SPELLINGS:
        return {first.key}, False
    return {"".join(chars) for chars in itertools.product(*options)}, False


def _whole_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and (not text[end - 1].isalnum() or not after.isalnum())


def cased(word: str) -> bool:
    """Whether ``word`` holds letters that have a capital form."""
    return word.lower() != word.upper()


@cache
def compiled(lang: str) -> Lexicon | None:
    """The compiled people lexicon of ``lang``, or None when there is none."""
    spec = load_people_lexicon(lang)
    return None if spec is None else Lexicon(spec)


@cache
def titles() -> dict[str, list[tuple[str, ...]]]:
    """Folded words of every honorific and role word, by first word, longest first."""
    specs = [load_people_lexicon(path.stem) for path in people_path().glob("*.yaml")]
    forms = [form for spec in specs if spec for form in [*spec.honorifics, *spec.roles]]
    table: dict[str, list[tuple[str, ...]]] = {}
    sequences = {tuple(t.folded for t in tokenize(form)) for form in forms} - {()}
    for words in sorted(sequences, key=len):
        table.setdefault(words[0], []).insert(0, words)
    return table


@cache
def articles() -> frozenset[str]:
    """Folded stop words of every language with a people lexicon (articles before a name)."""
    langs = [path.stem for path in people_path().glob("*.yaml")]
    return frozenset(fold(word) for lang in langs for word in load_profile(lang).stopwords)
