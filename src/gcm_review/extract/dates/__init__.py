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

from .resolve import find_dates, infer_document_date
from .words import DateWords, load_date_words

__all__ = ["DateWords", "find_dates", "infer_document_date", "load_date_words"]
