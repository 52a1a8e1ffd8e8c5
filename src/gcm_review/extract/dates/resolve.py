"""Dates resolved to ISO 8601: the mentions of a passage, with the year or day a
reference supplies, and the date a document's own dates point to.
"""

from __future__ import annotations

import bisect
import datetime
import logging
from collections.abc import Sequence

from ...models import DateMention
from ...text import Token
from .scan import Found, Point, compiled_grammar, valid

logger = logging.getLogger(__name__)


def find_dates(
    text: str,
    lang: str,
    reference: datetime.date | None = None,
    tokens: Sequence[Token] | None = None,
) -> list[DateMention]:
    """Find the dates and date ranges written in ``text`` (language ``lang``), resolved to ISO 8601.

    Args:
        text: a passage.
        lang: its language code; a language without a date table gives no dates.
        reference: the document date, for relative words and dates without a year.
        tokens: the passage's tokens, when the caller has them (a passage without a month,
            a relative word or a four-digit number is then passed over at once).

    Returns:
        The mentions in text order, without overlaps; ``text[start:end] == mention.text``.
    """
    grammar = compiled_grammar(lang)
    if grammar is None or (tokens is not None and not grammar.may_hold(text, tokens)):
        return []
    found = grammar.scan(text)
    # where the text writes a year, for year-less dates when there is no reference
    dated = [] if reference else [(i.start, y) for i in found if (y := _last_year(i.points))]
    mentions: list[DateMention] = []
    for item in found:
        ahead = reference is not None and _yearless(item) and grammar.ahead(text, item.start)
        resolved = _resolve(item, dated, reference, ahead)
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
    grammar = compiled_grammar(lang)
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


def _yearless(item: Found) -> bool:
    """Whether the mention leaves its year, or for a weekday alone its week, to the reader."""
    if item.shift is not None:
        return item.shift == ("weekday", 0)
    return item.year_shift is None and all(point.year is None for point in item.points)


def _resolve(
    item: Found,
    dated: Sequence[tuple[int, int]],
    reference: datetime.date | None,
    ahead: bool = False,
) -> tuple[str, bool] | None:
    """The ISO value of a mention and whether it needed a date from outside it (``ahead``:
    the sentence speaks of the future)."""
    if item.shift is not None:
        if ahead and item.shift == ("weekday", 0):  # "se tiendra jeudi": on or after it
            item = item._replace(shift=("weekday", 1))
        return None if reference is None else (_shifted(item, reference), True)
    points = _fill(item.points)
    if points[-1].year is not None:
        value = _format(points)
        return None if value is None else (value, False)
    if reference is None:
        year = _text_year(item.start, dated)
    elif item.year_shift is not None:
        year = reference.year + item.year_shift
    else:
        year = _next_year(points[-1], reference) if ahead else _nearest_year(points[-1], reference)
    value = None if year is None else _format(_fill(points, year))
    return None if value is None else (value, True)


def _shifted(item: Found, reference: datetime.date) -> str:
    """The value of a relative word or a weekday alone; a weekday beside a relative word
    that disagrees with it is only logged."""
    unit, offset = item.shift or ("days", 0)
    if unit == "weekday" and item.weekday is not None:
        back = (reference.weekday() - item.weekday) % 7  # the last such day on or before
        if offset > 0:
            back -= 7  # the first one after the reference
        elif offset < 0 and back == 0:
            back = 7  # the last one before it
        return (reference - datetime.timedelta(days=back)).isoformat()
    if unit == "days":
        day = reference + datetime.timedelta(days=offset)
        if item.weekday is not None and day.weekday() != item.weekday:
            logger.debug("%s is not the weekday written beside the relative word", day)
        return day.isoformat()
    if unit == "weeks":  # Monday to Sunday
        monday = reference - datetime.timedelta(days=reference.weekday() - 7 * offset)
        return f"{monday.isoformat()}/{(monday + datetime.timedelta(days=6)).isoformat()}"
    if unit == "months":
        index = reference.year * 12 + reference.month - 1 + offset
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    return f"{reference.year + offset:04d}"


def _fill(points: tuple[Point, ...], year: int | None = None) -> tuple[Point, ...]:
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
    return Point(first_year, first_month, first.day), Point(last_year, last_month, last.day)


def _format(points: tuple[Point, ...]) -> str | None:
    """``YYYY[-MM[-DD]]``, or ``start/end`` for a range; None if a date cannot exist."""
    values = [value for point in points if (value := _iso(point)) is not None]
    if len(values) < len(points) or values != sorted(values):
        return None
    return "/".join(dict.fromkeys(values))


def _iso(point: Point) -> str | None:
    if point.year is None or valid(point) is None:
        return None
    if point.month is None:  # a lone year ("3" in "3 et 4 juillet" has its month by now)
        return f"{point.year:04d}"
    day = "" if point.day is None else f"-{point.day:02d}"
    return f"{point.year:04d}-{point.month:02d}{day}"


def _nearest_year(point: Point, reference: datetime.date) -> int:
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


def _next_year(point: Point, reference: datetime.date) -> int:
    """The first year that puts ``point`` on or after the reference (its month will do)."""
    month = point.month or 1
    if point.day is None:
        same = month >= reference.month
    else:
        same = (month, point.day) >= (reference.month, reference.day)
    return reference.year if same else reference.year + 1


def _last_year(points: tuple[Point, ...]) -> int | None:
    return _fill(points)[-1].year if points else None


def _text_year(start: int, dated: Sequence[tuple[int, int]]) -> int | None:
    """The year of the dated mention nearest to ``start`` (``dated`` is in text order)."""
    index = bisect.bisect_left(dated, (start, 0))
    near = [(abs(at - start), year) for at, year in dated[max(0, index - 1) : index + 1]]
    return min(near)[1] if near else None


def _explicit_years(found: Sequence[Found]) -> list[int]:
    """Years of full dates, then of month-year mentions, latest first within each."""
    ranked = {
        (point.day is None, -point.year)
        for item in found
        for point in _fill(item.points)
        if point.year is not None and point.month is not None
    }
    return list(dict.fromkeys(-year for _, year in sorted(ranked)))


def _days(found: Sequence[Found], year: int | None) -> list[datetime.date]:
    """Every day the mentions name, year-less ones taking ``year`` (skipped if None)."""
    days: list[datetime.date] = []
    for item in found:
        for point in _fill(item.points, year):
            if point.year and point.month and point.day and valid(point):
                days.append(datetime.date(point.year, point.month, point.day))
    return days
