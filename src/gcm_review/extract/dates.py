"""Stage "extract": the dates and date ranges a passage writes, resolved to ISO 8601.

How: regular expressions built from the word tables of ``data/dates/<lang>.yaml``, compiled
once per language. dateparser was left out: it misses ranges ("les 3 et 4 juillet"),
Levantine months ("تموز") and dates inside Arabic sentences, reads "une seconde" as a date,
and costs far more than the ~20 µs a passage may spend here. For speed, one Aho-Corasick
pass finds month and relative words and one regex looks for a year; a passage with neither
stops there. Patterns then start only at a digit or at a word found by that pass, and the
words before a date (article, weekday, "du", "in") are matched backwards from its start.

Rules:

* Days have one or two digits, years four (1800-2199), in ASCII, Arabic-Indic or Persian
  digits. A number touching another digit group or a decimal mark ("15 000", "3.1") is not
  a day or a year. A lone year needs a year word or a time preposition before it ("in
  2023", "عام 2023") or a dash to another year ("2019-2023").
* Numeric dates need a four-digit year. Year first (``2024-07-03``, ``2024/7/3``) is read
  everywhere. ``03/07/2024`` is day first when ``numeric_order`` is ``dmy`` (fr, es, ar);
  ``unambiguous`` (en) reads it only when a number exceeds 12 or both are equal.
* A list of days ("les 3 et 4 juillet", "17 and 20 May") gives the range first/last.
* A date without a year takes the year that puts it nearest to ``reference`` (ties go to the
  past); without a reference, the year of the nearest mention in the same text that writes
  one; it is skipped when there is none. Either way it is marked ``relative``.
* Relative words ("hier", "last year") need ``reference``. A weekday beside one ("Hier,
  mercredi") joins the mention but never overrides it. Weeks ("la semaine dernière") are
  skipped: they name neither a day nor a month.
* Mentions never overlap: the longest wins, then the earliest.

Not handled: ordinal words ("the third of July"), times of day, Hijri dates, two-digit
years, lone weekdays ("mercredi dernier"), month ranges ("janvier-mars 2024").
"""

from __future__ import annotations

import bisect
import datetime
import logging
import re
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Literal, NamedTuple

import ahocorasick
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
)

from ..datafiles import load_model
from ..models import DateMention
from ..text import fold

logger = logging.getLogger(__name__)

_Word = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
_Words = list[_Word]
_Names = Annotated[list[_Word], Field(min_length=1)]

_LB = r"(?<![^\W\d_])"  # not right after a letter
_LA = r"(?![^\W\d_])"  # not right before a letter
_DASH = r"[-‐‑‒–—−]"
_SEP = r"[.,٫٬]"  # decimal and thousands marks
# Patterns start with a plain \d so the regex engine can skip to digits; the look-behinds
# after the first digit keep "15 000" and "3.1" out.
_GUARD = rf"(?<![\d/]\d)(?<!\d{_SEP}\d)"
_DAY = rf"\d{_GUARD}\d?(?!\d)(?!{_SEP}\d)"
_YEAR = rf"\d{_GUARD}(?:(?<=[1١۱])[89٨٩۸۹]|(?<=[2٢۲])[01٠١۰۱])\d\d(?!\d)(?!{_SEP}\d)"
_ISO = r"(?P<y>\d(?<![\d/.\-]\d)\d{3})(?P<sep>[-/.])(?P<m1>\d\d?)(?P=sep)(?P<d1>\d\d?)(?!\d)"
_NUMERIC = r"(?P<a>\d(?<![\d/.\-]\d)\d?)(?P<sep>[-/.])(?P<b>\d\d?)(?P=sep)(?P<y>\d{4})(?!\d)"
_WINDOW = 80  # longer than any run of words before a date ("entre le mercredi")
_ANCHORED = {
    "month": ("month_first", "month_year", "month"),
    "year": ("iso", "numeric", "years", "year"),
    "rel": ("relative",),
}
_UNITS = ("days", "months", "years")


class RelativeWords(BaseModel):
    """Words naming a day, month or year by its distance from the document date.

    ``days``, ``months`` and ``years`` map an offset to words ("hier" is -1 day).
    ``not_before`` and ``not_after`` list words that, right before or after a relative word,
    make it no date ("la mañana" is the morning, "اليوم الدولي" a world day).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    days: dict[Annotated[int, Field(ge=-7, le=7)], _Words] = {}
    months: dict[Annotated[int, Field(ge=-12, le=12)], _Words] = {}
    years: dict[Annotated[int, Field(ge=-10, le=10)], _Words] = {}
    not_before: _Words = []
    not_after: _Words = []


class DateWords(BaseModel):
    """How one language writes dates: the schema of ``data/dates/<lang>.yaml``.

    Month names (abbreviations end with ".") are keyed 1-12, weekdays 1-7 (ISO, Monday 1).
    The word lists name the parts of a date: ``day_articles`` ("le", "el día") and
    ``month_words`` ("au mois de") and ``year_words`` ("عام") belong to the mention;
    ``time_prepositions`` ("en", "in") only license a lone month or year. ``range_openers``
    ("du", "between") and ``range_connectors`` ("au", "and"; dashes always connect) make
    ranges. The shipped files (``data/dates/en.yaml`` ...) comment every field.
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
                if owner.setdefault(_key(name), number) != number:
                    raise ValueError(f"{name!r} is listed under {owner[_key(name)]} and {number}")
        return table


# _Point and _Found are named tuples, not frozen dataclasses: a passage builds dozens of
# them and a frozen dataclass costs three times as much to create.
class _Point(NamedTuple):
    """A date as written; what the text leaves out is None ("juillet 2024" has no day)."""

    year: int | None
    month: int | None = None
    day: int | None = None


class _Found(NamedTuple):
    """A date expression in a text, before its year is settled.

    ``points`` holds the date or the two ends of a range (empty for a relative word);
    ``shift`` the unit and offset of a relative word; ``weekday`` the weekday written
    beside it (0 = Monday).
    """

    start: int
    end: int
    points: tuple[_Point, ...] = ()
    shift: tuple[str, int] | None = None
    weekday: int | None = None


@cache
def load_date_words(lang: str) -> DateWords | None:
    """Load the shipped date words of ``lang``; None when the language has no table."""
    path = Path(str(resources.files("gcm_review") / "data" / "dates" / f"{lang}.yaml"))
    return load_model(path, DateWords, label=f"dates/{lang}.yaml") if path.is_file() else None


def find_dates(text: str, lang: str, reference: datetime.date | None = None) -> list[DateMention]:
    """Find the dates and date ranges written in ``text`` (language ``lang``), resolved to ISO 8601.

    Args:
        text: a passage.
        lang: its language code; a language without a date table gives no dates.
        reference: the document date, for relative words and dates without a year.

    Returns:
        The mentions in text order, without overlaps; ``text[start:end] == mention.text``.
    """
    grammar = _grammar(lang)
    found = [] if grammar is None else grammar.scan(text)
    # where the text writes a year, for year-less dates when there is no reference
    dated = [] if reference else [(i.start, y) for i in found if (y := _last_year(i.points))]
    mentions: list[DateMention] = []
    for item in found:
        resolved = _resolve(item, dated, reference)
        if resolved is not None:
            span = text[item.start : item.end]
            mentions.append(DateMention(span, item.start, item.end, *resolved))
    return mentions


def infer_document_date(texts: Sequence[str], lang: str) -> datetime.date | None:
    """Infer a publication date from a document's passages when no metadata gives one.

    Candidate years are those of full dates, then of month-year mentions, latest first.
    For each in turn, year-less days take that year; if a relative day word stands beside
    a weekday ("Hier, mercredi"), the answer is the first day mentioned that falls on that
    weekday, minus the word's offset ("hier" is -1: Wednesday 3 July 2024 gives Thursday 4
    July). Otherwise it is the latest day mentioned, year-less days taking the first
    candidate year.

    Args:
        texts: the passages or paragraphs of one document, in order.
        lang: their language code.

    Returns:
        The inferred publication date, or None when the texts give no dated day.
    """
    grammar = _grammar(lang)
    found = [] if grammar is None else [item for text in texts for item in grammar.scan(text)]
    years = _explicit_years(found)
    cues = [
        (item.weekday, item.shift[1])
        for item in found
        if item.shift is not None and item.shift[0] == "days" and item.weekday is not None
    ]
    for year in years if cues else []:
        days = _days(found, year)
        for weekday, offset in cues:
            hit = next((day for day in days if day.weekday() == weekday), None)
            if hit is not None:
                return hit - datetime.timedelta(days=offset)
    return max(_days(found, years[0] if years else None), default=None)


class _Grammar:
    """The compiled patterns and word lookups of one language."""

    def __init__(self, words: DateWords) -> None:
        rel = words.relative
        self.numeric_order = words.numeric_order
        self.months = _lookup(words.months)
        self.weekdays = {key: number - 1 for key, number in _lookup(words.weekdays).items()}
        tables = zip(_UNITS, (rel.days, rel.months, rel.years), strict=True)
        self.shifts = {k: (unit, n) for unit, table in tables for k, n in _lookup(table).items()}
        self.not_before = [_key(word) for word in rel.not_before]
        self.not_after = [_key(word) for word in rel.not_after]
        self.anchors = _automaton(words)
        self.year = re.compile(r"\d(?<!\d\d)\d{3}(?!\d)")  # any four-digit number
        month = _alt(_names(words.months), case_sensitive=words.case_sensitive_months)
        self.month_name = re.compile(month, re.IGNORECASE)
        self.cores = {k: re.compile(v, re.IGNORECASE) for k, v in _cores(words).items()}
        self.lefts = {k: re.compile(v, re.IGNORECASE) for k, v in _lefts(words).items()}

    def scan(self, text: str) -> list[_Found]:
        """Every date expression of ``text``, the longest where they overlap, in order."""
        anchors = self._anchors(text)
        anchors += [(match.start(), "year") for match in self.year.finditer(text)]
        found: list[_Found] = []
        spans = _Spans()
        if any(anchor == "month" for _, anchor in anchors):
            for kind in ("range", "day"):  # they start at a digit, before their month
                self._collect(found, spans, kind, self.cores[kind].finditer(text))
        for start, anchor in anchors:
            for kind in _ANCHORED[anchor]:
                if spans.holds(start, start + 1):  # a longer date holds this word
                    break
                self._collect(found, spans, kind, [self._match(kind, text, start)])
        chosen, taken = [], _Spans()
        for item in sorted(found, key=lambda f: (f.start - f.end, f.start)):
            if not taken.overlaps(item.start, item.end):
                chosen.append(item)
                taken.add(item.start, item.end)
        return sorted(chosen, key=lambda f: f.start)

    def _anchors(self, text: str) -> list[tuple[int, str]]:
        """Where month and relative words start (word boundaries checked)."""
        low = text.lower()
        if len(low) != len(text):  # a letter whose lower case is longer ("İ")
            low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        found: list[tuple[int, str]] = []
        for end, (kind, size) in self.anchors.iter(low):
            start = end - size + 1
            before = start > 0 and low[start - 1].isalpha()
            if not before and not (end + 1 < len(low) and low[end + 1].isalpha()):
                found.append((start, kind))
        return found

    def _match(self, kind: str, text: str, start: int) -> re.Match[str] | None:
        """The ``kind`` pattern at an anchor (a numeric date ends with its year)."""
        pattern = self.cores.get(kind)
        if pattern is None:
            return None
        if kind == "numeric":
            return pattern.search(text, max(0, start - 6), start + 4)
        return pattern.match(text, start)

    def _collect(
        self,
        found: list[_Found],
        spans: _Spans,
        kind: str,
        matches: Iterable[re.Match[str] | None],
    ) -> None:
        """Add the dates ``matches`` stand for, unless a date already found contains them."""
        for match in matches:
            if match is not None and not spans.holds(*match.span()):
                item = self._convert(kind, match)
                if item is not None:
                    found.append(item)
                    spans.add(item.start, item.end)

    def _convert(self, kind: str, match: re.Match[str]) -> _Found | None:
        if kind == "numeric":
            return self._numeric(match)
        if kind == "relative":
            return self._relative(match)
        groups = match.groupdict()
        points = [self._point(groups.get("y1"), groups.get("m1"), groups.get("d1"))]
        if groups.get("d2") or groups.get("y2"):
            points.append(self._point(groups.get("y2"), groups.get("m2"), groups.get("d2")))
        if groups.get("y") and (last := points[-1]) is not None:  # the year written last
            points[-1] = _valid(last._replace(year=int(groups["y"])))
        complete = tuple(point for point in points if point is not None)
        start = self._extend(kind, match)
        if start is None or len(complete) < len(points):
            return None
        return _Found(start, match.end(), complete)

    def _extend(self, kind: str, match: re.Match[str]) -> int | None:
        """Where the mention starts once the words before it are added; None if a needed
        cue word (a preposition before a lone year, an opener before "2019 and 2023") is
        missing."""
        start, left = match.start(), self.lefts.get(kind)
        before = match.string[max(0, start - _WINDOW) : start][::-1]
        context = None if left is None else left.match(before)
        if context is None:
            return start
        cue, prep, opener = (context.groupdict().get(name) for name in ("cue", "prep", "open"))
        if kind in ("month", "year"):
            return None if not (cue or prep) else start - (context.end("cue") if cue else 0)
        if kind == "years" and not (opener or match["dash"]):
            return None
        return start - context.end()

    def _numeric(self, match: re.Match[str]) -> _Found | None:
        first, second = int(match["a"]), int(match["b"])
        day, month = first, second
        if self.numeric_order == "unambiguous":
            if first <= 12 and second <= 12 and first != second:
                return None
            day, month = (second, first) if second > 12 else (first, second)
        point = _valid(_Point(int(match["y"]), month, day))
        return None if point is None else _Found(match.start(), match.end(), (point,))

    def _relative(self, match: re.Match[str]) -> _Found | None:
        text, start, end = match.string, match.start(), match.end("rel")
        before, after = _key(text[max(0, start - 24) : start]), _key(text[end : end + 24])
        # a word that starts ``after`` ends the reversed ``after``
        if any(_ends_with(before, word) for word in self.not_before) or any(
            _ends_with(after[::-1], word[::-1]) for word in self.not_after
        ):
            return None
        shift = self.shifts.get(_key(match["rel"]))
        weekday = None if match["wd"] is None else self.weekdays.get(_key(match["wd"]))
        return None if shift is None else _Found(start, match.end(), shift=shift, weekday=weekday)

    def _point(self, year: str | None, month: str | None, day: str | None) -> _Point | None:
        number = None
        if month is not None and month.isdigit():
            number = int(month)
        elif month is not None and (name := self.month_name.match(month)) is not None:
            number = self.months.get(_key(name[0]))  # the first of "تموز/يوليو"
        return _valid(_Point(int(year) if year else None, number, int(day) if day else None))


@cache
def _grammar(lang: str) -> _Grammar | None:
    words = load_date_words(lang)
    return None if words is None else _Grammar(words)


def _automaton(words: DateWords) -> ahocorasick.Automaton:
    """Lower-case month and relative words, each with its kind and length."""
    automaton = ahocorasick.Automaton()
    for kind, names in (("month", _names(words.months)), ("rel", _relative_names(words))):
        for name in names:
            key = name.lower().rstrip(".")
            for variant in {key, key.replace("'", "’"), key.replace("’", "'")}:
                automaton.add_word(variant, (kind, len(variant)))
    automaton.make_automaton()
    return automaton


def _cores(words: DateWords) -> dict[str, str]:
    """Patterns of each kind of date, from its first digit or word on."""
    article, weekday = _alt(words.day_articles), _alt(_names(words.weekdays))
    month = _alt(_names(words.months), case_sensitive=words.case_sensitive_months)
    monthx = rf"{month}(?:\s*/\s*{month}|\s*\(\s*{month}\s*\))?"  # "تموز/يوليو"
    m1, m2 = rf"(?P<m1>{monthx})", rf"(?P<m2>{monthx})"
    suffix = rf"(?:{_alt(words.day_suffixes)})?"
    d1, d2 = rf"(?P<d1>{_DAY}){suffix}", rf"(?P<d2>{_DAY}){suffix}"
    ytail = rf"(?:\s?{_alt(words.year_suffixes)}|{_LA})"
    year, y1 = rf"(?P<y>{_YEAR}){ytail}", rf"(?P<y1>{_YEAR}){ytail}"
    link = rf"\s*(?:{_alt(words.day_month_links)}\s+)?"
    ysep = rf"\s*[,،]?\s*(?:{_alt(words.year_links)}\s+)?"
    conn = rf"\s*(?:{_DASH}|{_alt(words.range_connectors)})\s*"
    days = rf"(?:\s*,\s*{_DAY}{suffix})*{conn}"  # "3, 4 et" before the last day of a list
    pre = rf"(?:(?:{article}\s+)?{weekday}\s*[,،]?\s*)?(?:{article}\s+)?"
    cores = {
        "day": rf"{d1}{link}{m1}(?:{ysep}{year})?",
        "range": rf"{d1}(?:{link}{m1}(?:{ysep}{y1})?)?{days}{pre}{d2}{link}{m2}(?:{ysep}{year})?",
        "month_year": rf"{m1}{ysep}{year}",
        "month": m1,
        "year": year,
        "years": rf"{y1}(?:\s*(?P<dash>{_DASH})\s*|{conn})(?P<y2>{_YEAR}){ytail}",
        "iso": _ISO,
        "numeric": _NUMERIC,
        "relative": rf"(?P<rel>{_alt(_relative_names(words))})"
        rf"(?:\s*[,،]?\s*(?:{article}\s+)?(?P<wd>{weekday}))?",
    }
    if words.month_day_order:
        cores["month_first"] = rf"{m1}\s+{d1}(?:{days}(?:{m2}\s+)?{d2})?(?:{ysep}{year})?"
    return cores


def _lefts(words: DateWords) -> dict[str, str]:
    """Patterns of the words before each kind of date, read backwards from its start."""
    article = _alt(words.day_articles, reverse=True)
    weekday = _alt(_names(words.weekdays), reverse=True)
    pre = rf"(?:\s+{article})?(?:\s*[,،]?\s*{weekday}(?:\s+{article})?)?"
    opener = rf"(?P<open>{_alt(words.range_openers, reverse=True)})"
    prep = rf"(?:\s+(?P<prep>{_alt(words.time_prepositions, reverse=True)}))?"
    month_words = _alt(words.month_words, reverse=True)
    return {
        "day": pre,
        "month_first": pre,
        "range": rf"{pre}(?:\s*{opener})?",
        "month_year": rf"(?:\s*{month_words})?",
        "month": rf"(?P<cue>\s*{month_words})?{prep}",
        "year": rf"(?P<cue>\s*{_alt(words.year_words, reverse=True)})?{prep}",
        "years": rf"(?:\s*{_alt(words.year_words, reverse=True)})?(?:\s+{opener})?",
    }


def _alt(words: Iterable[str], case_sensitive: bool = False, reverse: bool = False) -> str:
    """A pattern for any of ``words`` as whole words (for reversed text if ``reverse``)."""
    forms = set(words)
    if case_sensitive:
        forms |= {word.upper() for word in forms}
    ordered = sorted(forms, key=lambda word: (-len(word), word))
    body = "|".join(_word_pattern(word, case_sensitive, reverse) for word in ordered)
    if not body:
        return "(?!)"
    return rf"(?:{body}){_LA}" if reverse else rf"{_LB}(?:{body})"


def _word_pattern(word: str, case_sensitive: bool, reverse: bool) -> str:
    """One word or phrase: any spacing, either apostrophe, an optional final dot."""
    edge = _LB if reverse else _LA
    if word.endswith("."):
        word, edge = word[:-1], rf"(?:\.|{edge})"
    elif word.endswith(("'", "’")):
        edge = ""
    parts = [part[::-1] for part in reversed(word.split())] if reverse else word.split()
    body = r"\s+".join(re.escape(part) for part in parts)
    body = re.sub("['’]", "['’]", body).replace(r"\-", "[-‐‑]")
    if case_sensitive:
        body = rf"(?-i:{body})"
    return edge + body if reverse else body + edge


class _Spans:
    """Character spans kept sorted, so long texts are searched by bisection."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def add(self, start: int, end: int) -> None:
        bisect.insort(self.spans, (start, end))

    def holds(self, start: int, end: int) -> bool:
        """Whether a span contains ``start:end`` (spans may overlap; none is 300 long)."""
        index = bisect.bisect_left(self.spans, (start + 1, -1))  # past every span from start
        while index > 0 and self.spans[index - 1][0] > start - 300:
            index -= 1
            if self.spans[index][1] >= end:
                return True
        return False

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``start:end`` overlaps a span (spans do not overlap one another)."""
        index = bisect.bisect_left(self.spans, (start, start))
        after = index < len(self.spans) and self.spans[index][0] < end
        return after or (index > 0 and self.spans[index - 1][1] > start)


def _names(table: dict[int, list[str]]) -> list[str]:
    return [name for names in table.values() for name in names]


def _relative_names(words: DateWords) -> list[str]:
    rel = words.relative
    return [*_names(rel.days), *_names(rel.months), *_names(rel.years)]


def _lookup(table: dict[int, list[str]]) -> dict[str, int]:
    return {_key(name): number for number, names in table.items() for name in names}


def _key(text: str) -> str:
    """The form words are looked up by: folded, one apostrophe and hyphen, single spaces."""
    folded = fold(text).replace("’", "'").replace("‐", "-").replace("‑", "-")
    return " ".join(folded.rstrip(".").split())


def _ends_with(text: str, word: str) -> bool:
    """Whether ``text`` ends with the whole word ``word``."""
    rest = text[: len(text) - len(word)]
    return text.endswith(word) and not (rest and rest[-1].isalpha() and word[0].isalpha())


def _valid(point: _Point) -> _Point | None:
    """The point if it can exist (year 1800-2199; 29 February allowed without a year)."""
    if point.year is not None and not 1800 <= point.year <= 2199:
        return None
    if point.month is None:  # the first day of "3 et 4 juillet" waits for its month
        return point if point.day is None or 1 <= point.day <= 31 else None
    try:
        datetime.date(point.year or 2000, point.month, point.day or 1)
    except ValueError:
        return None
    return point


def _resolve(
    item: _Found, dated: Sequence[tuple[int, int]], reference: datetime.date | None
) -> tuple[str, bool] | None:
    """The ISO value of a mention and whether it needed a date from outside it."""
    if item.shift is not None:
        return None if reference is None else (_shifted(item, reference), True)
    points = _fill(item.points)
    if points[-1].year is not None:
        value = _format(points)
        return None if value is None else (value, False)
    year = _nearest_year(points[-1], reference) if reference else _text_year(item.start, dated)
    value = None if year is None else _format(_fill(points, year))
    return None if value is None else (value, True)


def _shifted(item: _Found, reference: datetime.date) -> str:
    """The value of a relative word; a weekday beside it that disagrees is only logged."""
    unit, offset = item.shift or ("days", 0)
    if unit == "days":
        day = reference + datetime.timedelta(days=offset)
        if item.weekday is not None and day.weekday() != item.weekday:
            logger.debug("%s is not the weekday written beside the relative word", day)
        return day.isoformat()
    if unit == "months":
        index = reference.year * 12 + reference.month - 1 + offset
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    return f"{reference.year + offset:04d}"


def _fill(points: tuple[_Point, ...], year: int | None = None) -> tuple[_Point, ...]:
    """Complete each end of a range from the other ("3 et 4 juillet", "30 juin - 2 juillet");
    ``year`` goes to the last point when no point has one."""
    if len(points) < 2:
        needs = year is not None and points and points[0].year is None
        return (points[0]._replace(year=year),) if needs else points
    first, last = points
    if first.year is None and last.year is None:
        last = last._replace(year=year)
    first_month, last_month = first.month or last.month, last.month or first.month
    backwards = (first_month or 0, first.day or 0) > (last_month or 0, last.day or 0)
    first_year, last_year = first.year, last.year
    if first_year is None and last_year is not None:
        first_year = last_year - backwards
    elif last_year is None and first_year is not None:
        last_year = first_year + backwards
    return _Point(first_year, first_month, first.day), _Point(last_year, last_month, last.day)


def _format(points: tuple[_Point, ...]) -> str | None:
    """``YYYY[-MM[-DD]]``, or ``start/end`` for a range; None if a date cannot exist."""
    values = [value for point in points if (value := _iso(point)) is not None]
    if len(values) < len(points) or values != sorted(values):
        return None
    return "/".join(dict.fromkeys(values))


def _iso(point: _Point) -> str | None:
    if point.year is None or _valid(point) is None:
        return None
    if point.month is None:  # a lone year ("3" in "3 et 4 juillet" has its month by now)
        return f"{point.year:04d}"
    day = "" if point.day is None else f"-{point.day:02d}"
    return f"{point.year:04d}-{point.month:02d}{day}"


def _nearest_year(point: _Point, reference: datetime.date) -> int:
    """The year, among the reference's and its neighbours, that brings ``point`` nearest."""

    def distance(year: int) -> int:
        month = point.month or 1
        if point.day is None:
            return abs((year - reference.year) * 12 + month - reference.month)
        try:
            return abs((datetime.date(year, month, point.day) - reference).days)
        except ValueError:  # 29 February outside a leap year
            return 10**6

    return min((reference.year - 1, reference.year, reference.year + 1), key=distance)


def _last_year(points: tuple[_Point, ...]) -> int | None:
    return _fill(points)[-1].year if points else None


def _text_year(start: int, dated: Sequence[tuple[int, int]]) -> int | None:
    """The year of the dated mention nearest to ``start`` (``dated`` is in text order)."""
    index = bisect.bisect_left(dated, (start, 0))
    near = [(abs(at - start), year) for at, year in dated[max(0, index - 1) : index + 1]]
    return min(near)[1] if near else None


def _explicit_years(found: Sequence[_Found]) -> list[int]:
    """Years of full dates, then of month-year mentions, latest first within each."""
    ranked = {
        (point.day is None, -point.year)
        for item in found
        for point in _fill(item.points)
        if point.year is not None and point.month is not None
    }
    return list(dict.fromkeys(-year for _, year in sorted(ranked)))


def _days(found: Sequence[_Found], year: int | None) -> list[datetime.date]:
    """Every day the mentions name, year-less ones taking ``year`` (skipped if None)."""
    days: list[datetime.date] = []
    for item in found:
        for point in _fill(item.points, year):
            if point.year and point.month and point.day and _valid(point):
                days.append(datetime.date(point.year, point.month, point.day))
    return days
