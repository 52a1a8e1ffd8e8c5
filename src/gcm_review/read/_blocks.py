"""Helpers shared by the readers: assemble blocks and page texts, and rank headings that
their format gives no level."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..models import Block, BlockKind
from ..text import fold

# a table cell of bare numbers ("6", "6, 12", "1-3") and a header's label (no digit)
_NUMBERS_RE = re.compile(r"\d{1,2}(?:\s*[,;/&–-]\s*\d{1,2})*\Z")
_LABEL_RE = re.compile(r"[^\d]{1,40}\Z")
# How a heading is numbered: "3.2", "IV.", "B)", "ثانيا:", "Objective 6" (folded text)
_NUMBERING_RE = re.compile(
    r"""^(?:
        (?P<decimal>\d{1,2}(?:\.\d{1,2})*)[.)]?
      | (?P<roman>[ivxlc]{2,7}|[ivx])[.)]
      | (?P<letter>[a-z])[.)]
      | (?P<ordinal>(?:اولا|ثانيا|ثالثا|رابعا|خامسا|سادسا|سابعا|ثامنا|تاسعا|عاشرا)\s*[:.\-–])
      | (?P<label>[^\W\d_]+)\s+\d{1,2}\b
    )""",
    re.VERBOSE,
)


def row_text(cells: Sequence[str], labels: Sequence[str] = ()) -> str:
    """A table's row as one paragraph: its non-empty cells joined by " | ", a merged cell
    (repeated once per column it spans) once. A cell of bare numbers is read with its
    column's label in ``labels`` (from ``column_labels``): "6" under "GCM objective" is
    "GCM objective 6", which cites it."""
    kept = [
        f"{labels[i]} {text}" if i < len(labels) and labels[i] and _NUMBERS_RE.match(text) else text
        for i, text in enumerate(cells)
        if text and (i == 0 or text != cells[i - 1])
    ]
    return " | ".join(kept)


def column_labels(first: Sequence[str]) -> Sequence[str]:
    """The labels of a table's columns: its first row when that reads as a header (labels,
    with no digit), else none."""
    header = any(first) and all(_LABEL_RE.match(text) for text in first if text)
    return first if header else ()


class PageBuilder:
    """Collects the blocks of one page and the page text they are offsets into."""

    def __init__(self, page: int) -> None:
        self.page = page
        self.parts: list[str] = []
        self.blocks: list[Block] = []
        self.length = 0

    def add(self, kind: BlockKind, text: str, level: int = 0) -> None:
        """Append a block, separated from the previous one by a blank line."""
        text = text.strip()
        if not text:
            return
        if self.parts:
            self.parts.append("\n\n")
            self.length += 2
        self.blocks.append(Block(kind, text, self.page, self.length, level))
        self.parts.append(text)
        self.length += len(text)

    @property
    def text(self) -> str:
        """The page text: blocks joined by blank lines."""
        return "".join(self.parts)


def levelled(blocks: Sequence[Block]) -> list[Block]:
    """The blocks, their headings levelled by ``heading_levels``."""
    found = [i for i, block in enumerate(blocks) if block.kind == "heading"]
    levels = heading_levels([blocks[i].text for i in found], opens=bool(found) and found[0] == 0)
    result = list(blocks)
    for i, level in zip(found, levels, strict=True):
        result[i] = replace(blocks[i], level=level)
    return result


def heading_levels(headings: Sequence[str], opens: bool) -> list[int]:
    """Levels for the headings of a document whose format sets none apart ("3.2 Fair
    recruitment" in a plain text), from how each is numbered.

    Each way of numbering ("3.", "3.2", "IV.", "B.", "ثانيا:", "Objective 6") is a level,
    ranked by where it first appears, as the outline of the document unfolds. A heading
    without a number takes the level of the numbered ones it is set like, all in capitals
    ("RECOMMENDATIONS" beside "4. COOPERATION"); else it ranks below them ("Challenges" under
    "3.2 Fair recruitment").

    Args:
        headings: the headings' texts, in document order.
        opens: the first heading opens the document: unnumbered, it is the document's title,
            above everything else.
    """
    styles = [_numbering(text) for text in headings]
    titled = opens and bool(styles) and styles[0] is None
    ranked = list(dict.fromkeys(style for style in styles[int(titled) :] if style))
    caps = [style for style in ranked if _all_caps(headings, styles, style)]
    levels: list[int] = []
    top = 1 + int(titled)
    for i, (text, style) in enumerate(zip(headings, styles, strict=True)):
        if i == 0 and titled:
            levels.append(1)
        elif style:
            levels.append(top + ranked.index(style))
        elif _is_caps(text) and caps:
            levels.append(top + ranked.index(caps[0]))
        else:
            levels.append(top + len(ranked) + (0 if _is_caps(text) else 1))
    dense = {level: rank for rank, level in enumerate(sorted(set(levels)), start=1)}
    return [dense[level] for level in levels]


def _numbering(text: str) -> str | None:
    """The way a heading is numbered, or None ("decimal 2" for "3.2", "label objective")."""
    folded = fold(text.strip())
    match = _NUMBERING_RE.match(folded)
    if match is None:
        return None
    kind = next(name for name, value in match.groupdict().items() if value)
    if kind != "label" and not folded[match.end() :].strip():
        return None  # a bare number heads nothing
    if kind == "decimal":
        return f"decimal {match.group('decimal').count('.') + 1}"
    return f"label {match.group('label')}" if kind == "label" else kind


def _is_caps(text: str) -> bool:
    """Whether the heading's letters are all capitals (a script without case never is)."""
    return any(char.isupper() for char in text) and not any(char.islower() for char in text)


def _all_caps(headings: Sequence[str], styles: Sequence[str | None], style: str) -> bool:
    """Whether the headings numbered in ``style`` are set in capitals."""
    return all(_is_caps(text) for text, s in zip(headings, styles, strict=True) if s == style)
