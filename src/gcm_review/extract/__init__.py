"""Stage "extract": the states and organisations a passage names, and its statement type."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from ..framework import LinearLayer
from ..gazetteer import country_names, load_countries, load_organisations
from ..linear import Vector
from ..models import Entity, Place, StatementType
from ..phrases import PhraseHit, PhraseMatcher, longest_keys
from ..segment import first_sentence_end
from ..text import Token, as_tokens, is_arabic, key_maker, load_profile, surface_keys, tokenize
from .actors import actor_rules
from .statements import StatementClassifier, type_of_section


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    """Settings of the extract stage.

    Attributes:
        default_statement_type: the type of a migration-relevant passage with no type cue.
    """

    default_statement_type: StatementType = "practice"


@dataclass(frozen=True, slots=True)
class _Name:
    """What a name in the gazetteers stands for. ``cores``: for an Arabic name, each word's
    forms without a proclitic; the text's word must have one of them (keys also drop
    suffixes, so "الغابات", forests, has the key of "الغابون", Gabon)."""

    value: str
    type: str
    capitalised: bool
    cores: tuple[frozenset[str], ...] = ()

    @classmethod
    def of(cls, name: str, value: str, type_: str, capitalised: bool) -> _Name:
        """The record of one written name."""
        words = [token.folded for token in tokenize(name)]
        cores = tuple(_cores(word) for word in words) if any(map(is_arabic, words)) else ()
        return cls(value, type_, capitalised, cores)

    def fits(self, words: Sequence[Token]) -> bool:
        """Whether the text's words can be this name's (always, outside Arabic)."""
        if not self.cores:
            return True
        return all(_cores(t.folded) & core for t, core in zip(words, self.cores, strict=True))


class Extractor:
    """Finds countries and organisations and tells the statement type of passages."""

    def __init__(
        self,
        options: ExtractOptions | None = None,
        statement_layer: LinearLayer | None = None,
        statement_kinds: Mapping[str, Mapping[str, float]] | None = None,
    ) -> None:
        self.options = options or ExtractOptions()
        self.statements = StatementClassifier(
            self.options.default_statement_type, statement_layer, statement_kinds
        )
        self._names = PhraseMatcher(self._name_phrases())
        acronyms = [
            ([token.text for token in tokenize(acronym)], org.id)
            for org in load_organisations().organisations
            for acronym in org.acronyms
        ]
        self._acronyms = PhraseMatcher(acronyms)
        self._acronym_words = longest_keys(words for words, _ in acronyms)

    def _name_phrases(self) -> list[tuple[list[str], _Name]]:
        phrases: list[tuple[list[str], _Name]] = []
        for code, by_lang in country_names().items():
            for names in by_lang.values():
                phrases += [
                    (surface_keys(n), _Name.of(n, code, "country", n[0].isupper())) for n in names
                ]
        for names in load_countries().not_states.values():
            phrases += [(surface_keys(n), _Name.of(n, "", "none", False)) for n in names]
        for key, grouping in load_countries().groupings.items():
            for kind, table in (("bloc", grouping.together), ("bloc_after", grouping.after_body)):
                for names in table.values():
                    phrases += [
                        (surface_keys(n), _Name.of(n, key, kind, n[0].isupper())) for n in names
                    ]
        for org in load_organisations().organisations:
            for names in org.names.values():
                phrases += [
                    (surface_keys(n), _Name.of(n, org.id, "organisation", n[0].isupper()))
                    for n in names
                ]
        return phrases

    def entities(
        self, text: str, tokens: Sequence[Token] | None = None, lang: str = "en"
    ) -> list[Entity]:
        """Find the countries and organisations a passage names, longest names first.

        Each country is marked acting or merely named (``actors``).
        """
        tokens = tokenize(text) if tokens is None else as_tokens(tokens)
        candidates: list[tuple[int, int, str, str]] = []
        languages = _languages(lang)
        for hit in self._names.find(tokens.keys):
            name = _pick(hit, tokens)
            if name is None:
                continue
            kind = name.type
            if kind == "country" and languages.names(tokens, hit.first, hit.last):
                kind = "none"  # "cours d'allemand": the language, not Germany
            candidates.append((hit.first, hit.last, kind, name.value))
        words = tokens.words
        found = [] if self._acronym_words.isdisjoint(words) else self._acronyms.find(words)
        for acronym in found:
            candidates.append((acronym.first, acronym.last, "organisation", acronym.payloads[0]))
        taken: set[int] = set()
        entities: list[Entity] = []
        blocs: list[tuple[int, int, str, str]] = []
        for first, last, kind, value in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
            span = set(range(first, last + 1))
            if span & taken:
                continue
            if kind.startswith("bloc"):  # the body named inside stays an organisation
                blocs.append((first, last, kind, value))
                continue
            taken |= span
            if kind == "none":
                continue
            start, end = tokens[first].start, tokens[last].end
            entities.append(Entity(kind, text[start:end], start, end, value, False))  # type: ignore[arg-type]
        if blocs:
            entities += _bloc_members(text, tokens, blocs, entities)
        entities.sort(key=lambda e: e.start)
        states = iter(
            actor_rules(lang).mark(text, tokens, [e for e in entities if e.type == "country"])
        )
        return [next(states) if e.type == "country" else e for e in entities]

    @staticmethod
    def city_countries(places: Sequence[Place]) -> list[Entity]:
        """The states of the cities a passage names (``find_places``), as countries concerned,
        never acting: a meeting's host city too ("held in Cairo" concerns Egypt as its host)."""
        return [Entity("country", p.text, p.start, p.end, p.country, False) for p in places]

    def statement_type(
        self,
        text: str,
        lang: str,
        relevant: bool,
        tokens: Sequence[Token] | None = None,
        vector: Vector | None = None,
        kind: str | None = None,
        heading: str = "",
    ) -> StatementType:
        """Tell whether a passage reports a practice, a commitment, a challenge, a
        recommendation or plain news (``report``); ``none`` when it is not about migration
        or is a heading (a few words with no closing full stop: "Objectif 15 : Accès aux
        services de base"). ``kind`` is the kind of document it comes from, when known;
        ``heading`` the heading path above it, whose nearest section name ("Challenges")
        weighs in."""
        tokens = tokenize(text) if tokens is None else tokens
        if len(tokens) <= _HEADING_WORDS and not text.rstrip().endswith(_CLOSERS):
            return "none"
        section = type_of_section(heading, lang) if heading else None
        lead = first_sentence_end(text) if relevant else None
        return self.statements.classify(lang, tokens, relevant, vector, kind, section, lead)


def states_named(entities: Iterable[Entity]) -> int:
    """How many distinct states the entities name (what the map's relevance layer reads)."""
    return len({e.value for e in entities if e.type == "country"})


def _bloc_members(
    text: str,
    tokens: Sequence[Token],
    blocs: Sequence[tuple[int, int, str, str]],
    entities: Sequence[Entity],
) -> list[Entity]:
    """The member states of the blocs a passage names ("GCC countries"), one country entity
    each over the phrase; "Council member states" only where the passage names the body."""
    groupings = load_countries().groupings
    bodies = {e.value for e in entities if e.type == "organisation"}
    members: list[Entity] = []
    for first, last, kind, key in blocs:
        grouping = groupings[key]
        if kind == "bloc_after" and grouping.body not in bodies:
            continue
        start, end = tokens[first].start, tokens[last].end
        members += [
            Entity("country", text[start:end], start, end, code, False) for code in grouping.members
        ]
    return members


@dataclass(frozen=True, slots=True)
class _Languages:
    """The language names of a language that are also demonyms, with the words that make
    one a language: right before it ("cours d'", "en", "اللغة") or right after ("lessons")."""

    words: frozenset[str]
    before: tuple[tuple[str, ...], ...]
    after: frozenset[str]

    def names(self, tokens: Sequence[Token], first: int, last: int) -> bool:
        """Whether the tokens ``first``..``last`` name a language, not a state."""
        if first != last or tokens[first].key not in self.words:
            return False
        if last + 1 < len(tokens) and tokens[last + 1].key in self.after:
            return True
        keys = tuple(t.key for t in tokens[max(0, first - 3) : first])
        return any(keys[len(keys) - len(words) :] == words for words in self.before)


@cache
def _languages(lang: str) -> _Languages:
    profile = load_profile(lang)
    return _Languages(
        frozenset(key for name in profile.language_names for key in surface_keys(name)),
        tuple(tuple(keys) for words in profile.language_before if (keys := surface_keys(words))),
        frozenset(key for word in profile.language_after for key in surface_keys(word)),
    )


def _pick(hit: PhraseHit[_Name], tokens: Sequence[Token]) -> _Name | None:
    """Choose the name a hit stands for, honouring capitalisation of proper names and the
    words of Arabic names."""
    capital = tokens[hit.first].text[:1].isupper()
    words = tokens[hit.first : hit.last + 1]
    return next(
        (name for name in hit.payloads if (capital or not name.capitalised) and name.fits(words)),
        None,
    )


_HEADING_WORDS = 20  # a passage this short without a closing full stop is a heading
_CLOSERS = (".", "!", "?", "؟", "…", "»", '"', "”")


@cache
def _proclitics() -> tuple[str, ...]:
    return tuple(key_maker("ar").prefixes)


# the endings of a nisba adjective or demonym after its ي (folded: ة is ه): "مغربية",
# "مغربيون", "مغربيين", "مغربيات", "مغربيان"…
_NISBA = re.compile(r"(.{2,}ي)(?:ه|ون|ين|ات|ان|تان|تين)")


@lru_cache(maxsize=50_000)
def _cores(word: str) -> frozenset[str]:
    """An Arabic word as written and without each proclitic that may open it ("والنيجر":
    also "نيجر", "النيجر"…; two letters at least remain), and a nisba in any gender and
    number also as its masculine singular ("العراقيات": also "عراقي")."""
    stripped = [word[len(p) :] for p in _proclitics() if word.startswith(p)]
    forms = {word, *(core for core in stripped if len(core) >= 2)}
    forms |= {nisba[1] for form in forms if (nisba := _NISBA.fullmatch(form))}
    return frozenset(forms)
