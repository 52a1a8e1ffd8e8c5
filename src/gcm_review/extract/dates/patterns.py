"""The regular expressions and the Aho-Corasick automaton built from a language's date
words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import ahocorasick

from .words import DateWords, table_names

_LB = r"(?<![^\W\d_])"  # not right after a letter
_LA = r"(?![^\W\d_])"  # not right before a letter
_DASH = r"[-‐‑‒–—−]"
_CUE_GAP = r"[\s‐‑-]*"  # between a cue word and its month: "mid-June", "mi-juin"
_SEP = r"[.,٫٬]"  # decimal and thousands marks
# Patterns start with a plain \d so the regex engine can skip to digits; the look-behinds
# after the first digit keep "15 000" and "3.1" out.
_GUARD = rf"(?<![\d/]\d)(?<!\d{_SEP}\d)"
_DAY = rf"\d{_GUARD}\d?(?!\d)(?!{_SEP}\d)"
_YEAR = rf"\d{_GUARD}(?:(?<=[1١۱])[89٨٩۸۹]|(?<=[2٢۲])[01٠١۰۱])\d\d(?!\d)(?!{_SEP}\d)"
_ISO = r"(?P<y>\d(?<![\d/.\-]\d)\d{3})(?P<sep>[-/.])(?P<m1>\d\d?)(?P=sep)(?P<d1>\d\d?)(?!\d)"
_NUMERIC = r"(?P<a>\d(?<![\d/.\-]\d)\d?)(?P<sep>[-/.])(?P<b>\d\d?)(?P=sep)(?P<y>\d{4})(?!\d)"


def anchor_automaton(words: DateWords) -> ahocorasick.Automaton:
    """Lower-case month and relative words, each with its kind and length."""
    automaton = ahocorasick.Automaton()
    alone = table_names(words.weekdays) if words.weekdays_alone else []
    tables = (
        ("month", table_names(words.months)),
        ("rel", relative_names(words)),
        ("part", table_names(words.year_parts)),
    )
    for kind, names in (*tables, ("weekday", alone)):
        for name in names:
            key = name.lower().rstrip(".")
            for variant in {key, key.replace("'", "’"), key.replace("’", "'")}:
                automaton.add_word(variant, (kind, len(variant)))
    automaton.make_automaton()
    return automaton


def core_patterns(words: DateWords) -> dict[str, str]:
    """Patterns of each kind of date, from its first digit or word on."""
    article, weekday = alt(words.day_articles), alt(table_names(words.weekdays))
    month = alt(table_names(words.months), case_sensitive=words.case_sensitive_months)
    part = alt(table_names(words.year_parts))
    monthx = rf"{month}(?:\s*/\s*{month}|\s*\(\s*{month}\s*\))?"  # "تموز/يوليو"
    m1, m2 = rf"(?P<m1>{monthx})", rf"(?P<m2>{monthx})"
    suffix = rf"(?:{alt(words.day_suffixes)})?"
    d1, d2 = rf"(?P<d1>{_DAY}){suffix}", rf"(?P<d2>{_DAY}){suffix}"
    ytail = rf"(?:\s?{alt(words.year_suffixes)}|{_LA})"
    year, y1 = rf"(?P<y>{_YEAR}){ytail}", rf"(?P<y1>{_YEAR}){ytail}"
    link = rf"\s*(?:{alt(words.day_month_links)}\s+)?"
    ysep = rf"\s*[,،]?\s*(?:{alt(words.year_links)}\s+)?"
    conn = rf"\s*(?:{_DASH}|{alt(words.range_connectors)})\s*"
    days = rf"(?:\s*,\s*{_DAY}{suffix})*{conn}"  # "3, 4 et" before the last day of a list
    pre = rf"(?:(?:{article}\s+)?{weekday}\s*[,،]?\s*)?(?:{article}\s+)?"
    cores = {
        "day": rf"{d1}{link}{m1}(?:{ysep}{year})?",
        "range": rf"{d1}(?:{link}{m1}(?:{ysep}{y1})?)?{days}{pre}{d2}{link}{m2}(?:{ysep}{year})?",
        "month_year": rf"{m1}{ysep}{year}",
        "part": rf"(?P<part>{part})\s*(?:{alt(words.year_part_links)}\s*)?{year}",
        "month": m1,
        "year": year,
        "years": rf"{y1}(?:\s*(?P<dash>{_DASH})\s*|{conn})(?P<y2>{_YEAR}){ytail}",
        "iso": _ISO,
        "numeric": _NUMERIC,
        "relative": rf"(?P<rel>{alt(relative_names(words))})"
        rf"(?:\s*[,،]?\s*(?:{article}\s+)?(?P<wd>{weekday}))?",
    }
    if words.weekdays_alone:
        moves = alt([*words.weekdays_alone.next, *words.weekdays_alone.last])
        cores["weekday"] = rf"(?P<wd>{weekday})(?:\s+(?P<move>{moves}))?"
    if words.month_day_order:
        cores["month_first"] = rf"{m1}\s+{d1}(?:{days}(?:{m2}\s+)?{d2})?(?:{ysep}{year})?"
    return cores


def left_patterns(words: DateWords) -> dict[str, str]:
    """Patterns of the words before each kind of date, read backwards from its start."""
    article = alt(words.day_articles, reverse=True)
    weekday = alt(table_names(words.weekdays), reverse=True)
    pre = rf"(?:\s+{article})?(?:\s*[,،]?\s*{weekday}(?:\s+{article})?)?"
    opener = rf"(?P<open>{alt(words.range_openers, reverse=True)})"
    prep = rf"(?:\s+(?P<prep>{alt(words.time_prepositions, reverse=True)}))?"
    month_words = alt(words.month_words, reverse=True)
    return {
        "day": pre,
        "month_first": pre,
        "range": rf"{pre}(?:\s*{opener})?",
        "month_year": rf"(?:{_CUE_GAP}{month_words})?",
        "month": rf"(?P<cue>{_CUE_GAP}{month_words})?{prep}",
        "year": rf"(?P<cue>\s*{alt(words.year_words, reverse=True)})?{prep}",
        "years": rf"(?:\s*{alt(words.year_words, reverse=True)})?(?:\s+{opener})?",
    }


def alt(words: Iterable[str], case_sensitive: bool = False, reverse: bool = False) -> str:
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


def relative_names(words: DateWords) -> list[str]:
    """The relative words of a language ("hier", "last year"), all units."""
    rel = words.relative
    tables = (rel.days, rel.weeks, rel.months, rel.years)
    return [name for table in tables for name in table_names(table)]
