"""How one language writes dates: the schema of ``data/dates/<lang>.yaml``, its loading
and the word lookups built on it.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
)

from ...datafiles import load_model
from ...text import fold

_Word = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
_Words = list[_Word]
_Names = Annotated[list[_Word], Field(min_length=1)]


class RelativeWords(BaseModel):
    """Words naming a day, month or year by its distance from the document date.

    ``days``, ``weeks``, ``months`` and ``years`` map an offset to words ("hier" is -1 day,
    "la semaine prochaine" +1 week: the Monday-to-Sunday week after the document date's).
    ``not_before`` and ``not_after`` list words that, right before or after a relative word,
    make it no date ("la mañana" is the morning, "اليوم الدولي" a world day).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    days: dict[Annotated[int, Field(ge=-7, le=7)], _Words] = {}
    weeks: dict[Annotated[int, Field(ge=-4, le=4)], _Words] = {}
    months: dict[Annotated[int, Field(ge=-12, le=12)], _Words] = {}
    years: dict[Annotated[int, Field(ge=-10, le=10)], _Words] = {}
    not_before: _Words = []
    not_after: _Words = []


class WeekdayWords(BaseModel):
    """How a weekday alone names a day near the document date ("on Tuesday", "el martes",
    "يوم الثلاثاء"): the last such day on or before it, after a ``next`` word the first one
    after it, after a ``last`` word the last one before it.

    ``openers`` lists the words one of which must stand right before the weekday (Arabic
    "يوم": "الأحد" alone is also "the one"); ``habitual`` the words before it that make a
    habit, not a day ("every Tuesday", "le mardi", "los martes"); ``next`` and ``last`` the
    words before or after it that move it ("next Tuesday", "mardi prochain").
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    openers: _Words = []
    habitual: _Words = []
    next: _Words = []
    last: _Words = []


class DateWords(BaseModel):
    """How one language writes dates: the schema of ``data/dates/<lang>.yaml``.

    Month names (abbreviations end with ".") are keyed 1-12, weekdays 1-7 (ISO, Monday 1).
    The word lists name the parts of a date: ``day_articles`` ("le", "el día") and
    ``month_words`` ("au mois de") and ``year_words`` ("عام") belong to the mention;
    ``time_prepositions`` ("en", "in") only license a lone month or year. ``range_openers``
    ("du", "between") and ``range_connectors`` ("au", "and"; dashes always connect) make
    ranges. ``weekdays_alone`` says how a weekday without a date is read (none if absent).
    ``future_words`` ("will", "se tiendra", "ستعقد") put a sentence ahead of the document
    date: a day or month without a year there takes the first year on or after that date;
    ``future_verbs`` is a regular expression for the verbs in the future tense the list
    cannot enumerate (Spanish "-rá", French "-era", Arabic "سـ"), matched as written.
    ``relative_year_links`` ("of", "de", "من") join a date without its year to the relative
    year that gives it ("18 December of this year"). ``year_parts`` are quarters and halves
    keyed by their first and last month ("01-03": "first quarter"); before a year (after
    one of ``year_part_links``: "of", "de", "من عام") they make a range of months. The
    shipped files (``data/dates/en.yaml`` ...) comment every field.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    language: _Word
    version: _Word
    source: _Word
    months: dict[Annotated[int, Field(ge=1, le=12)], _Names]
    weekdays: dict[Annotated[int, Field(ge=1, le=7)], _Names]
    case_sensitive_months: bool = False  # "May" is a month, "may" is not
    month_day_order: bool = False  # also read "July 3, 2024"
    numeric_order: Literal["dmy", "unambiguous"] = "dmy"
    day_suffixes: _Words = []
    day_articles: _Words = []
    day_month_links: _Words = []
    year_links: _Words = []
    year_suffixes: _Words = []
    month_words: _Words = []
    year_words: _Words = []
    time_prepositions: _Words = []
    range_openers: _Words = []
    range_connectors: _Words = []
    relative: RelativeWords = RelativeWords()
    weekdays_alone: WeekdayWords | None = None
    future_words: _Words = []
    future_verbs: _Word | None = None
    relative_year_links: _Words = []
    year_parts: dict[Annotated[str, StringConstraints(pattern=r"^\d\d-\d\d$")], _Names] = {}
    year_part_links: _Words = []

    @field_validator("months", "weekdays")
    @classmethod
    def _complete_and_distinct(
        cls, table: dict[int, list[str]], info: ValidationInfo
    ) -> dict[int, list[str]]:
        expected = set(range(1, 13 if info.field_name == "months" else 8))
        if missing := sorted(expected - set(table)):
            raise ValueError(f"no names for {missing}; give every one of the {info.field_name}")
        owner: dict[str, int] = {}
        for number, names in table.items():
            for name in names:
                if owner.setdefault(word_key(name), number) != number:
                    raise ValueError(
                        f"{name!r} is listed under {owner[word_key(name)]} and {number}"
                    )
        return table

    @field_validator("year_parts")
    @classmethod
    def _months_in_order(cls, parts: dict[str, list[str]]) -> dict[str, list[str]]:
        for key in parts:
            first, last = part_months(key)
            if not 1 <= first <= last <= 12:
                raise ValueError(f"{key!r} is no run of months: write it 'MM-MM', as '01-03'")
        return parts


def part_months(key: str) -> tuple[int, int]:
    """The first and last month of a year part's key ("01-03" is January to March)."""
    first, last = key.split("-")
    return int(first), int(last)


@cache
def load_date_words(lang: str) -> DateWords | None:
    """Load the shipped date words of ``lang``; None when the language has no table."""
    path = Path(str(resources.files("gcm_review") / "data" / "dates" / f"{lang}.yaml"))
    return load_model(path, DateWords, label=f"dates/{lang}.yaml") if path.is_file() else None


def table_names(table: Mapping[Any, list[str]]) -> list[str]:
    return [name for names in table.values() for name in names]


def word_key(text: str) -> str:
    """The form words are looked up by: folded, one apostrophe and hyphen, single spaces."""
    folded = fold(text).replace("’", "'").replace("‐", "-").replace("‑", "-")
    return " ".join(folded.rstrip(".").split())
