"""Load the gazetteers of countries and organisations (data files plus CLDR names)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Annotated

from babel import Locale
from pydantic import BaseModel, ConfigDict, StringConstraints

from .datafiles import load_model
from .text import fold

_Phrase = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
CLDR_LANGUAGES = ("ar", "en", "es", "fr")
# CLDR region codes that are not states (EU, UN, Eurozone, "outlying Oceania", "unknown"),
# and the codes ISO 3166-1 only reserves: Ascension, Clipperton, Diego Garcia, Ceuta and
# Melilla, the Canary Islands, Tristan da Cunha.
_NOT_STATES = {"EU", "EZ", "UN", "QO", "ZZ", "AC", "CP", "DG", "EA", "IC", "TA"}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Grouping(_Strict):
    """A regional grouping of states.

    Attributes:
        name: the grouping's name, by language.
        members: ISO codes of its member states.
        together: phrases that name the members as a bloc ("GCC countries"), by language; a
            passage that uses one is about each member.
        body: the organisation id of the grouping's own body (``GCC``).
        after_body: phrases that name the members as a bloc only once the passage has named
            the body ("Council member states", "دول المجلس").
    """

    name: dict[_Phrase, _Phrase]
    members: list[_Phrase]
    together: dict[_Phrase, list[_Phrase]] = {}
    body: _Phrase | None = None
    after_body: dict[_Phrase, list[_Phrase]] = {}


class CountriesSpec(_Strict):
    """The contents of ``gazetteers/countries.yaml``."""

    version: _Phrase
    source: _Phrase
    countries: dict[_Phrase, dict[_Phrase, list[_Phrase]]]
    groupings: dict[_Phrase, Grouping]
    exclude: dict[_Phrase, list[_Phrase]] = {}
    not_states: dict[_Phrase, list[_Phrase]] = {}


class Organisation(_Strict):
    """One body of migration governance."""

    id: _Phrase
    kind: _Phrase
    names: dict[_Phrase, list[_Phrase]]
    acronyms: list[_Phrase] = []


class OrganisationsSpec(_Strict):
    """The contents of ``gazetteers/organisations.yaml``."""

    version: _Phrase
    source: _Phrase
    organisations: list[Organisation]


def _gazetteer_path(name: str) -> Path:
    return Path(str(resources.files("gcm_review") / "data" / "gazetteers" / name))


@cache
def load_countries() -> CountriesSpec:
    """Load the shipped country gazetteer."""
    return load_model(_gazetteer_path("countries.yaml"), CountriesSpec, "gazetteers/countries.yaml")


@cache
def load_organisations() -> OrganisationsSpec:
    """Load the shipped organisation gazetteer."""
    path = _gazetteer_path("organisations.yaml")
    return load_model(path, OrganisationsSpec, "gazetteers/organisations.yaml")


@cache
def meeting_bodies() -> frozenset[str]:
    """Ids of the bodies that are recurring meetings (kind ``meeting``): a mention of one
    is an event too ("the second International Migration Review Forum")."""
    return frozenset(o.id for o in load_organisations().organisations if o.kind == "meeting")


def country_names() -> dict[str, dict[str, list[str]]]:
    """Every name of every state: CLDR names in four languages plus the gazetteer's forms.

    Returns:
        ``{iso_code: {lang: [names]}}`` without the names the gazetteer excludes as
        ambiguous (a French "Réunion" is mostly a meeting).
    """
    spec = load_countries()
    names: dict[str, dict[str, list[str]]] = {}
    for lang in CLDR_LANGUAGES:
        # compared folded: CLDR writes Oman "عُمان", which is Amman "عمان" once vowels go
        excluded = {fold(name) for name in spec.exclude.get(lang, [])}
        for code, name in Locale(lang).territories.items():
            is_state = len(code) == 2 and code.isalpha() and code not in _NOT_STATES
            if is_state and fold(name) not in excluded:
                names.setdefault(code, {}).setdefault(lang, []).append(name)
        for code, forms in spec.countries.items():
            for form in forms.get(lang, []):
                if fold(form) not in excluded:
                    names.setdefault(code, {}).setdefault(lang, []).append(form)
    return names


def country_name(code: str, lang: str = "en") -> str:
    """The CLDR name of a state in ``lang`` (the code itself when unknown)."""
    territories = Locale(lang if lang in CLDR_LANGUAGES else "en").territories
    return str(territories.get(code, code))
