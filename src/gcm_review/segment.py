"""Stage "segment": split a document's clean blocks into passages.

A passage is a paragraph, or a window of its sentences when the paragraph is long; the items
of a list ("- ...", "• ...", "2. ...") are passages of their own. Passages never cross a
paragraph, and each keeps its page, its span in the page text and the heading path above it.
A paragraph that a page break cut is read whole: a passage may start on one page and end on
the next.

A table of contents (lines that end with dot leaders and a page number) gives no passage: it
names every objective and says nothing of any. Nor does a list of abbreviations (lines that
open with an acronym and spell it out), whose names of bodies say nothing of what was done.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from .layout import LIST_ITEM_RE
from .models import HEADING_SEPARATOR, CleanBlock, Passage

# A sentence ends at . ! ? ؟ … followed by space and a capital, an Arabic letter or an
# opening quote; a short capitalised word before the stop ("M.", "Dr.", "H.E.") is an
# abbreviation, not an end. (The stop is looked for first: most places have none, and the
# pattern gives up there at once.)
_SENTENCE_END_RE = re.compile(
    r"(?<=[.!?؟…])(?<!\b[A-Z]\.)(?<!\b[A-Z][a-z]\.)(?<!\b[A-Z][a-z]{2}\.)"
    r"\s+(?=[\"«“(\[]?[A-ZÀ-ÖØ-Þ\u0621-\u064a])"
)
_HAS_LETTER_RE = re.compile(r"[^\W\d_]")
# an entry of a table of contents: a line that ends with leaders and a page number
_CONTENTS_LINE_RE = re.compile(r"(?:(?:\.\s?){4,}|…{2,}|_{4,})\s*\d{1,4}\s*$")
# an entry of a list of abbreviations: an acronym (two capitals at least), then what it stands
# for ("IOM – International Organization for Migration", "OIT : Organisation internationale du
# Travail", "IOM المنظمة الدولية للهجرة")
_GLOSSARY_LINE_RE = re.compile(
    r"^\s*(?=\S*[A-Z]\S*[A-Z])[A-Z][\w&/.()-]{1,11}\s*[-–—:=|]?\s+(?:[A-ZÀ-Ö]|[\u0621-\u064a])"
)
_GLOSSARY_LINES = 3  # a shorter block is no list of abbreviations


@dataclass(frozen=True, slots=True)
class SegmentOptions:
    """How long passages may be.

    Attributes:
        max_chars: a paragraph longer than this is split into sentence windows.
        window_chars: target length of a sentence window.
    """

    max_chars: int = 900
    window_chars: int = 600


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return the spans of the sentences of ``text``."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END_RE.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if e > s]


def first_sentence_end(text: str) -> int:
    """The offset where the first sentence of ``text`` ends (its length, for one sentence)."""
    match = _SENTENCE_END_RE.search(text)
    return match.start() if match else len(text)


def split_passages(
    document_id: str, blocks: Sequence[CleanBlock], options: SegmentOptions | None = None
) -> list[Passage]:
    """Split clean blocks into passages.

    Args:
        document_id: id of the document the blocks belong to.
        blocks: the document's blocks after normalisation, in reading order.
        options: passage length limits.

    Returns:
        The passages in reading order, numbered from 0.
    """
    options = options or SegmentOptions()
    passages: list[Passage] = []
    headings: list[tuple[int, str]] = []
    paragraphs: list[tuple[str, list[CleanBlock]]] = []  # heading path, and the blocks
    for clean in blocks:
        if not _HAS_LETTER_RE.search(clean.text) or _is_apparatus(clean.block.text):
            paragraphs.append(("", []))  # nothing goes on across it
            continue
        if clean.block.kind == "heading":
            level = clean.block.level or 1
            headings = [(lvl, text) for lvl, text in headings if lvl < level]
            headings.append((level, clean.text))
            paragraphs.append(("", []))  # a heading ends the paragraph before it
            continue
        if clean.block.continues and paragraphs and paragraphs[-1][1]:
            paragraphs[-1][1].append(clean)  # cut by a page break: one paragraph
        else:
            paragraphs.append((HEADING_SEPARATOR.join(text for _, text in headings), [clean]))
    for paragraph, (heading, parts) in enumerate(p for p in paragraphs if p[1]):
        for page, start, end, text in _paragraph_windows(parts, options):
            passages.append(
                Passage(
                    document_id=document_id,
                    index=len(passages),
                    paragraph=paragraph,
                    page=page,
                    start=start,
                    end=end,
                    heading=heading,
                    text=text,
                )
            )
    return passages


def _paragraph_windows(
    parts: list[CleanBlock], options: SegmentOptions
) -> list[tuple[int, int, int, str]]:
    """The passages of a paragraph as (page, start, end, text): those of its block, or, when a
    page break cut it into several, those of their texts joined (a passage may then start on
    one page and end on the next)."""
    if len(parts) == 1 or any(len(LIST_ITEM_RE.findall(part.block.text)) >= 2 for part in parts):
        return [
            (part.block.page, *part.original_span(start, end), part.text[start:end])
            for part in parts
            for start, end in _item_windows(part, options)
        ]
    joined = " ".join(part.text for part in parts)
    bases = list(accumulate((len(part.text) + 1 for part in parts[:-1]), initial=0))
    windows = []
    for start, end in _windows(joined, options):
        first = bisect.bisect_right(bases, start) - 1
        last = bisect.bisect_right(bases, end - 1) - 1
        head, tail = parts[first], parts[last]
        page_start, _ = head.original_span(start - bases[first], len(head.text))
        _, page_end = tail.original_span(max(start - bases[last], 0), end - bases[last])
        windows.append((head.block.page, page_start, page_end, joined[start:end]))
    return windows


def _item_windows(clean: CleanBlock, options: SegmentOptions) -> list[tuple[int, int]]:
    """The windows of a block: one or more per list item when its lines are a list (two
    items or more: what each item says is its own), else those of its text."""
    starts = [m.start() for m in LIST_ITEM_RE.finditer(clean.block.text)]
    if len(starts) < 2:
        return _windows(clean.text, options)
    # where each item starts in the clean text (the text before the first is a lead-in)
    cuts = sorted({0, *(bisect.bisect_left(clean.offsets, start) for start in starts)})
    windows: list[tuple[int, int]] = []
    for start, end in zip(cuts, [*cuts[1:], len(clean.text)], strict=True):
        item = clean.text[start:end]
        lead = len(item) - len(item.lstrip())
        size = len(item.rstrip())
        if size > lead and _HAS_LETTER_RE.search(item):
            windows += [
                (start + lead + a, start + lead + b) for a, b in _windows(item[lead:size], options)
            ]
    return windows


def _windows(text: str, options: SegmentOptions) -> list[tuple[int, int]]:
    if len(text) <= options.max_chars:
        return [(0, len(text))]
    windows: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for start, end in split_sentences(text):
        if current is None:
            current = (start, end)
        elif end - current[0] <= options.window_chars:
            current = (current[0], end)
        else:
            windows.append(current)
            current = (start, end)
    if current is not None:
        windows.append(current)
    return windows


def _is_apparatus(text: str) -> bool:
    """Whether a block is (part of) a table of contents or a list of abbreviations: most of
    its lines are entries."""
    lines = [line for line in text.splitlines() if line.strip()]
    contents = sum(1 for line in lines if _CONTENTS_LINE_RE.search(line))
    glossary = sum(1 for line in lines if _GLOSSARY_LINE_RE.match(line))
    return bool(lines) and (
        contents * 3 >= len(lines) * 2
        or (len(lines) >= _GLOSSARY_LINES and glossary * 3 >= len(lines) * 2)
    )
