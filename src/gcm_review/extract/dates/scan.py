"""The date expressions of one passage: the compiled grammar of a language scans it for
dates and ranges, before their years are settled.
"""

from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from operator import attrgetter
from typing import NamedTuple

from ...phrases import longest_keys
from ...text import Token, tokenize
from .patterns import alt, anchor_automaton, core_patterns, left_patterns, relative_names
from .words import DateWords, load_date_words, part_months, table_names, word_key

_WINDOW = 80  # longer than any run of words before a date ("entre le mercredi")
_ANCHORED = {
    "month": ("month_first", "month_year", "month"),
    "year": ("iso", "numeric", "years", "year"),
    "rel": ("relative",),
    "weekday": ("weekday",),
    "part": ("part",),
}
_UNITS = ("days", "weeks", "months", "years")
# four digits in a row (a class of the digits years are written in is checked faster than \d)
_FOUR_DIGITS = re.compile("[0-9٠-٩۰-۹]" * 4)
_FOLDED = attrgetter("folded")
_NUMBER = re.compile(r"(?<!\d)\d")  # the first digit of a number
_CLAUSE_STOPS = (". ", "! ", "? ", "؟", "\n", ",", "،", ";", "؛")  # what ends a date's clause


# Point and Found are named tuples, not frozen dataclasses: a passage builds dozens of
# them and a frozen dataclass costs three times as much to create.
class Point(NamedTuple):
    """A date as written; what the text leaves out is None ("juillet 2024" has no day)."""

    year: int | None
    month: int | None = None
    day: int | None = None


class Found(NamedTuple):
    """A date expression in a text, before its year is settled.

    ``points`` holds the date or the two ends of a range (empty for a relative word);
    ``shift`` the unit and offset of a relative word; ``weekday`` the weekday written
    beside it (0 = Monday); ``year_shift`` the offset of the relative year that follows a
    date without its year ("le 18 décembre de cette année").
    """

    start: int
    end: int
    points: tuple[Point, ...] = ()
    shift: tuple[str, int] | None = None
    weekday: int | None = None
    year_shift: int | None = None  # "18 December this year": the document's year + 0


class _Grammar:
    """The compiled patterns and word lookups of one language."""

    def __init__(self, words: DateWords) -> None:
        rel = words.relative
        self.numeric_order = words.numeric_order
        self.months = _lookup(words.months)
        self.weekdays = {key: number - 1 for key, number in _lookup(words.weekdays).items()}
        tables = zip(_UNITS, (rel.days, rel.weeks, rel.months, rel.years), strict=True)
        self.shifts = {k: (unit, n) for unit, table in tables for k, n in _lookup(table).items()}
        self.parts = {
            word_key(name): part_months(key)
            for key, names in words.year_parts.items()
            for name in names
        }
        self.not_before = [word_key(word) for word in rel.not_before]
        self.not_after = [word_key(word) for word in rel.not_after]
        self.anchors = anchor_automaton(words)
        self.alone = words.weekdays_alone
        # a month, relative word or weekday stands as whole words, so they are among the tokens
        weekdays = table_names(words.weekdays) if self.alone else []
        self.anchor_words = longest_keys(
            [token.folded for token in tokenize(name)]
            for name in (*table_names(words.months), *relative_names(words), *weekdays)
        )
        self.year = re.compile(r"\d(?<!\d\d)\d{3}(?!\d)")  # any four-digit number
        month = alt(table_names(words.months), case_sensitive=words.case_sensitive_months)
        self.month_name = re.compile(month, re.IGNORECASE)
        self.future = re.compile(alt(words.future_words), re.IGNORECASE)
        self.future_verbs = re.compile(words.future_verbs) if words.future_verbs else None
        links = alt(words.relative_year_links)
        self.year_after = re.compile(
            rf"\s*[,،]?\s*(?:{links}\s+)?(?P<rel>{alt(table_names(rel.years))})", re.IGNORECASE
        )
        self.cores = {k: re.compile(v, re.IGNORECASE) for k, v in core_patterns(words).items()}
        self.lefts = {k: re.compile(v, re.IGNORECASE) for k, v in left_patterns(words).items()}

    def may_hold(self, text: str, tokens: Sequence[Token]) -> bool:
        """Whether a date can stand in the text (False is sure): every date has a month or
        relative word, or a four-digit number in Western, Arabic-Indic or Persian digits."""
        if _FOUR_DIGITS.search(text):
            return True
        return not self.anchor_words.isdisjoint(map(_FOLDED, tokens))

    def ahead(self, text: str, start: int) -> bool:
        """Whether the clause around ``start`` speaks of the future ("will be held in
        March", "se tiendra en mars", "ستعقد في مارس"); a comma ends the clause, so "was
        presented on 18 June, and X was invited to report next year" stays in the past."""
        begin = max((text.rfind(stop, 0, start) for stop in _CLAUSE_STOPS), default=-1) + 1
        ends = [end for stop in _CLAUSE_STOPS if (end := text.find(stop, start)) >= 0]
        end = min(ends, default=len(text))
        verbs = self.future_verbs
        return bool(
            self.future.search(text, begin, end) or (verbs and verbs.search(text, begin, end))
        )

    def scan(self, text: str) -> list[Found]:
        """Every date expression of ``text``, the longest where they overlap, in order."""
        anchors = self._anchors(text)
        anchors += [(match.start(), "year") for match in self.year.finditer(text)]
        found: list[Found] = []
        spans = _Spans()
        if months := [start for start, anchor in anchors if anchor == "month"]:
            # they start at the first digit of a number a few words before their month
            low, high = max(0, min(months) - _WINDOW), max(months)
            starts = [match.start() for match in _NUMBER.finditer(text, low, high)]
            for kind in ("range", "day"):
                self._collect(found, spans, kind, _matches_at(self.cores[kind], text, starts))
        for start, anchor in anchors:
            for kind in _ANCHORED[anchor]:
                if spans.holds(start, start + 1):  # a longer date holds this word
                    break
                self._collect(found, spans, kind, (self._match(kind, text, start),))
        found = [self._with_year_after(text, item) for item in found]
        chosen, taken = [], _Spans()
        for item in sorted(found, key=lambda f: (f.start - f.end, f.start)):
            if not taken.overlaps(item.start, item.end):
                chosen.append(item)
                taken.add(item.start, item.end)
        return sorted(chosen, key=lambda f: f.start)

    def _with_year_after(self, text: str, item: Found) -> Found:
        """A date without a year that a relative year follows ("18 de diciembre de este
        año", "في 18 ديسمبر من هذا العام"), with that year's offset and the words added."""
        if item.shift is not None or any(point.year is not None for point in item.points):
            return item
        after = self.year_after.match(text, item.end)
        shift = None if after is None else self.shifts.get(word_key(after["rel"]))
        if after is None or shift is None or shift[0] != "years":
            return item
        return item._replace(end=after.end(), year_shift=shift[1])

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
        found: list[Found],
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

    def _convert(self, kind: str, match: re.Match[str]) -> Found | None:
        if kind == "numeric":
            return self._numeric(match)
        if kind == "relative":
            return self._relative(match)
        if kind == "weekday":
            return self._weekday(match)
        if kind == "part":
            return self._part(match)
        groups = match.groupdict()
        points = [self._point(groups.get("y1"), groups.get("m1"), groups.get("d1"))]
        if groups.get("d2") or groups.get("y2"):
            points.append(self._point(groups.get("y2"), groups.get("m2"), groups.get("d2")))
        if groups.get("y") and (last := points[-1]) is not None:  # the year written last
            points[-1] = valid(last._replace(year=int(groups["y"])))
        complete = tuple(point for point in points if point is not None)
        start = self._extend(kind, match)
        if start is None or len(complete) < len(points):
            return None
        return Found(start, match.end(), complete)

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

    def _numeric(self, match: re.Match[str]) -> Found | None:
        first, second = int(match["a"]), int(match["b"])
        day, month = first, second
        if self.numeric_order == "unambiguous":
            if first <= 12 and second <= 12 and first != second:
                return None
            day, month = (second, first) if second > 12 else (first, second)
        point = valid(Point(int(match["y"]), month, day))
        return None if point is None else Found(match.start(), match.end(), (point,))

    def _relative(self, match: re.Match[str]) -> Found | None:
        text, start, end = match.string, match.start(), match.end("rel")
        before, after = word_key(text[max(0, start - 24) : start]), word_key(text[end : end + 24])
        # a word that starts ``after`` ends the reversed ``after``
        if any(_ends_with(before, word) for word in self.not_before) or any(
            _ends_with(after[::-1], word[::-1]) for word in self.not_after
        ):
            return None
        shift = self.shifts.get(word_key(match["rel"]))
        weekday = None if match["wd"] is None else self.weekdays.get(word_key(match["wd"]))
        return None if shift is None else Found(start, match.end(), shift=shift, weekday=weekday)

    def _part(self, match: re.Match[str]) -> Found | None:
        """A quarter or half of a year: the range of its months ("Q1 2027" is 2027-01 to
        2027-03)."""
        year, months = int(match["y"]), self.parts.get(word_key(match["part"]))
        if months is None:
            return None
        points = (valid(Point(year, months[0])), valid(Point(year, months[1])))
        complete = tuple(point for point in points if point is not None)
        return Found(match.start(), match.end(), complete) if len(complete) == 2 else None

    def _weekday(self, match: re.Match[str]) -> Found | None:
        """A weekday alone: the day it names by the words around it (``WeekdayWords``)."""
        words = self.alone
        if words is None:
            return None
        before = word_key(match.string[max(0, match.start() - _WINDOW) : match.start()]).split()
        if any(_last_words(before, w) for w in words.habitual) or (
            words.openers and not any(_last_words(before, w) for w in words.openers)
        ):
            return None
        moves = [*before[-2:], *(word_key(match["move"]).split() if match["move"] else [])]
        step = 1 if any(word_key(w) in moves for w in words.next) else 0
        step = -1 if any(word_key(w) in moves for w in words.last) else step
        weekday = self.weekdays.get(word_key(match["wd"]))
        return Found(match.start(), match.end(), shift=("weekday", step), weekday=weekday)

    def _point(self, year: str | None, month: str | None, day: str | None) -> Point | None:
        number = None
        if month is not None and month.isdigit():
            number = int(month)
        elif month is not None and (name := self.month_name.match(month)) is not None:
            number = self.months.get(word_key(name[0]))  # the first of "تموز/يوليو"
        return valid(Point(int(year) if year else None, number, int(day) if day else None))


@cache
def compiled_grammar(lang: str) -> _Grammar | None:
    words = load_date_words(lang)
    return None if words is None else _Grammar(words)


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


def _matches_at(
    pattern: re.Pattern[str], text: str, starts: Iterable[int]
) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` that start at one of ``starts``, none overlapping the one
    before (as ``finditer`` gives them)."""
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)) is not None:
            end = match.end()
            yield match


def _lookup(table: dict[int, list[str]]) -> dict[str, int]:
    return {word_key(name): number for number, names in table.items() for name in names}


def _ends_with(text: str, word: str) -> bool:
    """Whether ``text`` ends with the whole word ``word``."""
    rest = text[: len(text) - len(word)]
    return text.endswith(word) and not (rest and rest[-1].isalpha() and word[0].isalpha())


def valid(point: Point) -> Point | None:
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


def _last_words(words: Sequence[str], phrase: str) -> bool:
    """Whether ``words`` end with the words of ``phrase``."""
    wanted = word_key(phrase).split()
    return list(words[-len(wanted) :]) == wanted
