"""Read plain text and Markdown files.

Paragraphs are separated by blank lines, or are lines in a file without a blank line; each
item of a list is a paragraph of its own, and so is each row of a Markdown table. A Markdown
file marks its headings ("## Findings"). A plain text file does not: there, a paragraph of
one short line without final punctuation, with more text after it, is a heading ("3.2 Fair
recruitment and decent work", "Challenges"). Its level comes from how it is numbered
(``heading_levels``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from ..errors import CorruptDocumentError
from ..layout import BULLET_RE, LIST_ITEM_RE
from ..models import Block, Document
from ._blocks import levelled

_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")
_MD_HEADING_RE = re.compile(r"^(#{1,6})[ \t]+")
_MD_HEADINGS_RE = re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE)
_MD_LIST_RE = re.compile(r"^(?:[-*+•]|\d{1,3}[.)])[ \t]+")
_LINE_RE = re.compile(r"[^\n]+")
# the line under a Markdown table's header: "|---|:---:|", "--- | ---"
_TABLE_RULE_RE = re.compile(r"\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?")
_TITLE_CHARS = 200  # a longer first line is text, not a title
_HEADING_CHARS = 120  # a longer line is text, not a heading
_WRAP_WIDTH = 100  # a text wrapped by hand has no longer line
_CLOSING = (".", "!", "?", "؟", ":", ";", ",", "،", "؛")


def read_text(data: bytes, name: str, document_id: str) -> Document:
    """Read UTF-8 text; paragraphs are separated by blank lines (or are single lines when the
    file has no blank line at all); Markdown headings become heading blocks."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorruptDocumentError(
            name, f"not UTF-8 text (byte {exc.start}); save the file as UTF-8 and ingest it again"
        ) from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    separator = _BLANK_LINE_RE if _BLANK_LINE_RE.search(text) else re.compile(r"\n")
    # a file of one line per paragraph may be text wrapped by hand, whose short lines are no
    # headings, unless a long line shows it is not (Word saves a paragraph as one line); nor
    # are the short lines of a file that marks its headings
    unwrapped = separator is _BLANK_LINE_RE or max(map(len, text.split("\n"))) > _WRAP_WIDTH
    unmarked = unwrapped and not _MD_HEADINGS_RE.search(text)
    blocks: list[Block] = []
    start = 0
    for match in [*separator.finditer(text), None]:
        end = match.start() if match else len(text)
        spans = _items(text, start, end)
        for first, last in spans:  # an item of a list is no heading
            block = _block(text, first, last, unmarked and len(spans) == 1)
            if block is not None:
                blocks.append(block)
        start = match.end() if match else len(text)
    if unmarked:
        if blocks and blocks[-1].kind == "heading":  # with no text after it: a paragraph
            blocks[-1] = replace(blocks[-1], kind="paragraph", level=0)
        blocks = levelled(blocks)
    title = next((b.text for b in blocks if b.kind == "heading"), None)
    title = title or _first_line_title(blocks) or Path(name).stem
    return Document(document_id, name, "text", (text,), tuple(blocks), title)


def _first_line_title(blocks: list[Block]) -> str | None:
    """A plain text's title: its first block when that is one short line with no closing
    punctuation and more text follows ("Statement by the Delegation of Ghana")."""
    if len(blocks) < 2:
        return None
    first = blocks[0].text
    short = "\n" not in first and len(first) <= _TITLE_CHARS
    return first if short and not first.endswith(_CLOSING) else None


def _items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of a paragraph of ``text[start:end]``, each item of a list in it its own,
    and each row of a Markdown table (``_table_rows``)."""
    rows = _table_rows(text, start, end)
    if rows:
        return rows
    chunk = text[start:end]
    start += len(chunk) - len(chunk.lstrip())  # the first line with text opens no item
    cuts = [start]
    offset = start
    for line in text[start:end].split("\n"):
        if offset > start and LIST_ITEM_RE.match(line):
            cuts.append(offset)
        offset += len(line) + 1
    return list(zip(cuts, [*cuts[1:], end], strict=True))


def _table_rows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the rows of ``text[start:end]`` when it is a Markdown table ("| Objective
    | Measure |", a line of dashes under it, then a line per row), each without its outer
    bars: a row is a paragraph, its cells joined by " | " as in a DOCX; the line of dashes is
    none."""
    lines = list(_LINE_RE.finditer(text, start, end))
    if len(lines) < 3 or not _TABLE_RULE_RE.fullmatch(lines[1].group().strip()):
        return []
    if not all("|" in line.group() for line in lines):
        return []
    rows: list[tuple[int, int]] = []
    for line in lines[:1] + lines[2:]:
        first, last = line.span()
        stripped = line.group().strip()
        first += line.group().index(stripped) + stripped.startswith("|")
        last -= len(line.group()) - len(line.group().rstrip()) + stripped.endswith("|")
        rows.append((first, last))
    return rows


def _block(text: str, start: int, end: int, unmarked: bool) -> Block | None:
    """The block of ``text[start:end]`` (``unmarked``: the file does not mark its headings;
    a short line may be one)."""
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return None
    start += len(chunk) - len(chunk.lstrip())
    heading = _MD_HEADING_RE.match(stripped)
    if heading and "\n" not in stripped:
        marker = heading.end()
        return Block("heading", stripped[marker:], 1, start + marker, len(heading.group(1)))
    if (
        unmarked
        and "\n" not in stripped
        and len(stripped) <= _HEADING_CHARS
        and not stripped.endswith(_CLOSING)
        and not BULLET_RE.match(stripped)
    ):
        return Block("heading", stripped, 1, start, 1)  # levelled once all are known
    item = _MD_LIST_RE.match(stripped)
    if item:
        return Block("paragraph", stripped[item.end() :], 1, start + item.end())
    return Block("paragraph", stripped, 1, start)
