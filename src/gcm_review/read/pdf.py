"""Read PDF files through their text layer (pdfium keeps Arabic in logical order).

The text alone does not say which line is a heading. Its font does. A heading is set larger
than the body text, or in bold, and its size ranks its level: the title above the chapters,
the chapters above their sections. This keeps the heading path of a passage true, e.g.
"Objective 6 > Challenges".

A running header or footer is left out: the report's title or "Page 3 of 40", found at the
edge of page after page. It is no passage, and it does not cut the heading path at every
page break. A footnote mark set small or raised after a word ("fees²") is blanked: glued to
the word, it would hide it.

A paragraph that a page break cuts mid-sentence is marked as going on from the previous page,
so that it is read whole, the footnotes set small at the foot of the page read after it; one
that a column break cuts is joined. An item of a list ("•", "(a)", "12.") opens a paragraph
of its own. A row of a table is one paragraph, its cells one after the other: pdfium gives
them cell by cell, a wrapped cell line by line.

In a PDF whose headings share the text's style, a short line without final punctuation is a
heading, ranked by its numbering ("3.2", "IV.", as in a plain text). A PDF whose text layer
gives no fonts is read by its text alone.
"""

from __future__ import annotations

import ctypes
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import pairwise
from statistics import median

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..errors import CorruptDocumentError, EncryptedDocumentError
from ..layout import BULLET_RE, LIST_ITEM_RE
from ..models import Block, BlockKind, Document
from ._blocks import levelled

_LINE_RE = re.compile(r"[^\r\n]+")
_LINE_END_RE = re.compile(r"[.!?:;؟»”)\]]$")
_PERIOD_END_RE = re.compile(r"[.;,،؛]$")  # a bold line ending so is an emphasised sentence
_TEXT_LINE = 40  # characters: a line this long is running text, not a cell or a label
_HEADING_LINES = 3  # a heading is no longer than this many lines
_HEADING_CHARS = 200  # nor than this many characters: a longer run of large text is text
_SHORT_LINE = 0.7  # a line shorter than this share of the page's long lines is short
_LARGER = 1.12  # a line this much larger than the body text is set as a heading
_SMALLER = 0.9  # a line this much smaller is a note: a footnote, a caption, a footer
_WRAPPED = 1.7  # a heading's next line within this many font sizes below continues it
_CELL_ADVANCE = 2.2  # a table cell's next line is at most this many font sizes below
_CELL_RISE = 4.0  # the next cell of its row at most this many line advances above its last line
_TABLE_ROWS = 2  # rows of as many cells, one after the other, that make a table
_PARAGRAPH_GAP = 1.45  # a line this many usual line advances below the previous opens a paragraph
_RAISED = 0.2  # a character this many font sizes above the one before it is raised
_SAME_LINE = 0.5  # lines whose tops are less than this many font sizes apart are one
_EDGE = 2  # lines at the top and at the bottom of a page where headers and footers stand
_RECURRING = 3  # pages (or all, if fewer) that share an edge line to make it furniture
_MAX_LEVEL = 6
_BOLD_WEIGHT = 600
_FORCE_BOLD = 1 << 18  # the font descriptor's ForceBold flag
_BOLD_NAME_RE = re.compile(r"bold|black|heavy|demi|semibold", re.IGNORECASE)
_DIGITS_RE = re.compile(r"\d+")
_NOTE_MARK_RE = re.compile(r"(?<=[^\W\d_]|[.,;:)”»\"'])\d{1,3}(?!\d)")  # after a word
# a line that is only a page number: "12", "- 12 -", "Page 12 of 40", "صفحة 3", "p. 3"
_PAGE_NUMBER_RE = re.compile(
    r"[-–—|(\s]*(?:page|página|pagina|pág\.|p\.|صفحة|الصفحة)?\s*\d{1,4}"
    r"(?:\s*(?:of|de|sur|من|/)\s*\d{1,4})?[-–—|)\s]*",
    re.IGNORECASE,
)
# a footer's page mark: a number set off by a bar at either end ("Review, 2024 | 3")
_PAGE_MARK_RE = re.compile(r"^\s*\d{1,4}\s*[|•·]|[|•·]\s*\d{1,4}\s*$")

_Group = tuple[BlockKind, list["_Line"]]  # a heading or paragraph: its kind and lines


@dataclass(frozen=True, slots=True)
class _Line:
    """A line of a page, with the style and position of its characters.

    Attributes:
        start: offset of the line in the page text.
        text: the line as extracted.
        size: font size in points (0 when pdfium could not tell).
        bold: whether the line is set in a bold face.
        top: height of the line's top above the page's bottom edge.
        left: distance of the line's first character from the page's left edge.
        right: distance of the line's last character's right side from that edge.
    """

    start: int
    text: str
    size: float
    bold: bool
    top: float
    left: float = 0.0
    right: float = 0.0

    @property
    def style(self) -> tuple[float, bool]:
        """Size (to half a point) and weight, which set headings of one level apart."""
        return round(self.size * 2) / 2, self.bold


@dataclass(frozen=True, slots=True)
class _Body:
    """The style of a document's running text, which headings stand out from."""

    size: float
    bold: bool
    advance: float  # the usual distance between the tops of two lines of a paragraph

    def larger(self, line: _Line) -> bool:
        """Whether the line is set larger than the text, as a heading is."""
        return line.size >= self.size * _LARGER

    def styled(self, line: _Line) -> bool:
        """Whether the line is set apart from the text: larger, or in bold at its size."""
        return self.larger(line) or (line.bold and not self.bold and self.size <= line.size)


def read_pdf(data: bytes, name: str, document_id: str) -> Document:
    """Read the text layer of every page; lines are joined into headings and paragraphs."""
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise EncryptedDocumentError(
                name, "the PDF is password-protected; save an unprotected copy and ingest that"
            ) from exc
        raise CorruptDocumentError(name, f"not a readable PDF ({message})") from exc
    try:
        pages: list[str] = []
        lines: list[list[_Line]] = []
        for page in pdf:
            text, page_lines = _page_lines(page.get_textpage())
            pages.append(text)
            lines.append(page_lines)
        metadata = pdf.get_metadata_dict()
    finally:
        pdf.close()
    blocks = _blocks(pages, lines)
    heading = next((b.text for b in blocks if b.kind == "heading"), None)
    title = metadata.get("Title") or (" ".join(heading.split()) if heading else None)
    return Document(document_id, name, "pdf", tuple(pages), tuple(blocks), title, _date(metadata))


def _page_lines(textpage: pdfium.PdfTextPage) -> tuple[str, list[_Line]]:
    """The page text (newlines as "\\n") and its lines with their style."""
    raw = textpage.get_text_range()
    styled = textpage.count_chars() == len(raw)  # a character index is a text offset
    if styled:
        raw = _without_note_marks(textpage, raw)
    lines: list[_Line] = []
    shift, counted = 0, 0  # "\r\n" pairs before a line: the page text is shorter by as many
    for match in _LINE_RE.finditer(raw):
        text = match.group()
        if not text.strip():
            continue
        shift += raw.count("\r\n", counted, match.start())
        counted = match.start()
        size, bold, top, left, right = 0.0, False, 0.0, 0.0, 0.0
        if styled:
            first = match.start() + len(text) - len(text.lstrip())
            last = match.start() + len(text.rstrip()) - 1
            fonts = [_font(textpage, i) for i in sorted({first, (first + last) // 2, last})]
            size = median(size for size, _ in fonts)
            bold = all(bold for _, bold in fonts)
            left, _, _, top = textpage.get_charbox(first, loose=True)
            right = textpage.get_charbox(last, loose=True)[2]
        lines.append(_Line(match.start() - shift, text, size, bold, top, left, right))
    return raw.replace("\r\n", "\n").replace("\r", "\n"), lines


def _without_note_marks(textpage: pdfium.PdfTextPage, raw: str) -> str:
    """``raw`` with the footnote marks blanked: digits set small or raised right after a word
    or its punctuation ("fees²", "migrants,³"), which would otherwise glue to the word."""
    marks = [m.span() for m in _NOTE_MARK_RE.finditer(raw) if _is_mark(textpage, m.start())]
    for start, end in marks:
        raw = raw[:start] + " " * (end - start) + raw[end:]
    return raw


def _is_mark(textpage: pdfium.PdfTextPage, index: int) -> bool:
    """Whether the character at ``index`` is set smaller than the one before it, or above its
    line (the bottoms of loose boxes, drawn from the font's descent, line up on one line)."""
    size = pdfium_c.FPDFText_GetFontSize(textpage.raw, index)
    before = pdfium_c.FPDFText_GetFontSize(textpage.raw, index - 1)
    if size <= 0 or before <= 0:
        return False
    if size <= _SMALLER * before:
        return True
    bottom, bottom_before = (textpage.get_charbox(i, loose=True)[1] for i in (index, index - 1))
    return bool(bottom - bottom_before > _RAISED * before)


def _font(textpage: pdfium.PdfTextPage, index: int) -> tuple[float, bool]:
    """Size and boldness of the font of one character."""
    size = pdfium_c.FPDFText_GetFontSize(textpage.raw, index)
    if pdfium_c.FPDFText_GetFontWeight(textpage.raw, index) >= _BOLD_WEIGHT:
        return size, True
    buffer = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, buffer, len(buffer), ctypes.byref(flags))
    face = buffer.value.decode("latin-1")
    return size, bool(flags.value & _FORCE_BOLD or _BOLD_NAME_RE.search(face))


def _blocks(pages: list[str], lines: list[list[_Line]]) -> list[Block]:
    """The headings and paragraphs of the pages, without their running headers and footers."""
    body = _body(line for page in lines for line in page)
    furniture = _furniture(lines, body)
    kept = [
        [line for line in page if (number, line.start) not in furniture]
        for number, page in enumerate(lines)
    ]
    if body is None:
        plain = [
            (block, 0.0)
            for number, (text, page) in enumerate(zip(pages, kept, strict=True), start=1)
            for block in _plain_blocks(text, page, number)
        ]
        return levelled(_continued(plain))
    styled = any(body.styled(line) for page in kept for line in page)
    groups = [
        _styled_groups(text, page, body, styled) if any(line.size for line in page) else []
        for text, page in zip(pages, kept, strict=True)
    ]
    styles = {group[0].style for page in groups for kind, group in page if kind == "heading"}
    levels = {style: rank for rank, style in enumerate(sorted(styles, key=_prominence), start=1)}
    blocks: list[tuple[Block, float]] = []
    for number, (text, page, grouped) in enumerate(zip(pages, kept, groups, strict=True), 1):
        if page and not grouped:  # pdfium gave this page's text without its fonts
            blocks += [(block, 0.0) for block in _plain_blocks(text, page, number)]
        for kind, group in grouped:
            start, end = group[0].start, group[-1].start + len(group[-1].text)
            level = min(levels[group[0].style], _MAX_LEVEL) if kind == "heading" else 0
            block = Block(kind, text[start:end], number, start, level)
            blocks.append((block, median(line.size for line in group)))
    # headings set like the text are told apart by their numbering
    return _continued(blocks) if styled else levelled(_continued(blocks))


def _continued(blocks: list[tuple[Block, float]]) -> list[Block]:
    """The blocks, a page's first paragraph marked as going on from the previous page when
    that page's last paragraph set alike breaks off mid-sentence. The notes set smaller below
    that paragraph (its footnotes) are read after the paragraph's end: they do not cut it."""
    marked = [block for block, _ in blocks]
    order = list(range(len(blocks)))
    for i in range(1, len(blocks)):
        block, size = blocks[i]
        if block.kind != "paragraph" or blocks[i - 1][0].page != block.page - 1:
            continue  # not a paragraph that opens its page
        before = i - 1
        while (
            before > 0
            and blocks[before - 1][0].page == block.page - 1
            and _is_note(blocks[before], size)
        ):
            before -= 1
        previous, size_before = blocks[before]
        if (
            previous.kind == "paragraph"
            and not _LINE_END_RE.search(previous.text.rstrip())
            and abs(size - size_before) <= (1 - _SMALLER) * max(size, size_before)
        ):
            marked[i] = replace(block, continues=True)
            order.remove(i)
            order.insert(order.index(before) + 1, i)
    return [marked[i] for i in order]


def _is_note(block: tuple[Block, float], size: float) -> bool:
    """Whether a block is a note beside text of ``size``: a paragraph set smaller."""
    paragraph, note_size = block
    return paragraph.kind == "paragraph" and 0 < note_size <= _SMALLER * size


def _prominence(style: tuple[float, bool]) -> tuple[float, bool]:
    """Larger first; at one size, bold first."""
    size, bold = style
    return -size, not bold


def _body(lines: Iterable[_Line]) -> _Body | None:
    """The style most of the running text is set in, or None when pdfium gave no font sizes.
    Running text is read from long lines: the cells of a large table, set small, must not
    pass for it."""
    sizes: Counter[float] = Counter()
    weights: Counter[tuple[float, bool]] = Counter()
    by_size: dict[float, list[_Line]] = {}
    sized = [line for line in lines if line.size > 0]
    long = [line for line in sized if len(line.text.strip()) >= _TEXT_LINE]
    for line in long or sized:
        size, bold = line.style
        letters = len(line.text.strip())
        sizes[size] += letters
        weights[size, bold] += letters
        by_size.setdefault(size, []).append(line)
    if not sizes:
        return None
    size = sizes.most_common(1)[0][0]
    bold = weights[size, True] > weights[size, False]
    advances = [a.top - b.top for a, b in pairwise(by_size[size]) if 0 < a.top - b.top < 3 * size]
    return _Body(size, bold, median(advances) if advances else 1.2 * size)


def _furniture(pages: list[list[_Line]], body: _Body | None) -> set[tuple[int, int]]:
    """The running headers and footers, as (page index, line offset): lines at a page's
    edge that recur at the edge of other pages (numbers aside), page numbers, and small
    footers with a page mark."""
    edges = [page[:_EDGE] + page[-_EDGE:] if len(page) > 2 * _EDGE else page for page in pages]
    recurring: Counter[str] = Counter()
    for edge in edges:
        recurring.update({_edge_key(line) for line in edge})
    needed = min(_RECURRING, len(pages))
    found: set[tuple[int, int]] = set()
    for number, edge in enumerate(edges):
        tops = [line.top for line in pages[number]]
        highest, lowest = (max(tops), min(tops)) if tops else (0.0, 0.0)
        for line in edge:
            stripped = line.text.strip()
            small = body is not None and 0 < line.size <= body.size * _SMALLER
            not_larger = body is None or not body.larger(line)
            # set above or below all the page's text (a number in a table's first cell is not)
            outermost = (
                line.top >= highest - _SAME_LINE * line.size
                or line.top <= lowest + _SAME_LINE * line.size
            )
            if (
                (len(pages) > 1 and recurring[_edge_key(line)] >= needed and not_larger)
                or (_PAGE_NUMBER_RE.fullmatch(stripped) and outermost)
                or (small and _PAGE_MARK_RE.search(stripped))
            ):
                found.add((number, line.start))
    return found


def _edge_key(line: _Line) -> str:
    return _DIGITS_RE.sub("#", " ".join(line.text.split()).casefold())


def _styled_groups(text: str, lines: list[_Line], body: _Body, styled: bool) -> list[_Group]:
    """Group a page's lines into headings and paragraphs by their font and position: a
    heading is set apart by its font, or, in a document whose headings are not (``styled``
    False), is a short line without final punctuation."""
    width = max((len(line.text.strip()) for line in lines if not body.styled(line)), default=0)
    rows = _table_rows(lines, body)
    groups: list[_Group] = []
    previous: _Line | None = None
    index = 0
    while index < len(lines):
        if index in rows:  # a row of a table is one paragraph, which nothing else joins
            groups.append(("paragraph", lines[index : rows[index]]))
            index, previous = rows[index], None
            continue
        line = lines[index]
        index += 1
        stripped = line.text.strip()
        if styled:
            heading = body.larger(line) or (
                body.styled(line) and not _PERIOD_END_RE.search(stripped)
            )
        else:
            heading = _short_heading(stripped, width)
        kind: BlockKind = "heading" if heading else "paragraph"
        if previous is not None and groups and groups[-1][0] == kind:
            advance = previous.top - line.top
            between = text[previous.start + len(previous.text) : line.start]
            if between.strip():  # a header or footer left out stands between them
                joined = False
            elif abs(advance) < _SAME_LINE * line.size:  # one line pdfium broke at a raised mark
                joined = True
            elif kind == "heading":
                joined = line.style == previous.style and 0 < advance <= _WRAPPED * line.size
            else:
                short = len(previous.text.strip()) < _SHORT_LINE * width
                ends = bool(_LINE_END_RE.search(previous.text.strip()))
                joined = (
                    between.count("\n") < 2
                    and not (short and ends)
                    and not LIST_ITEM_RE.match(line.text)  # an item of a list opens
                    and abs(line.size - previous.size) <= (1 - _SMALLER) * body.size
                    # the next line, or the top of the next column mid-sentence
                    and (0 < advance <= _PARAGRAPH_GAP * body.advance or (advance < 0 and not ends))
                )
            if joined:
                groups[-1][1].append(line)
                previous = line
                continue
        groups.append((kind, [line]))
        previous = line
    return [
        ("paragraph", group) if kind == "heading" and _too_long(group) else (kind, group)
        for kind, group in groups
    ]


def _table_rows(lines: list[_Line], body: _Body) -> dict[int, int]:
    """The rows of a page's tables: the index of each row's first line → the index after
    its last.

    pdfium gives a table cell by cell. A row's cells follow each other, each starting back
    up a few lines at most (at the row's top, or below it when centred) in a column of its
    own, and a cell's lines go down as a paragraph's do. Rows of as many cells, one after the
    other, make a table: a lone pair of lines side by side is no table, and a column break,
    which climbs back up to the top of the page, makes no row. The line right above a table
    that runs across to its last column is its header row, which pdfium gives as one line
    when its labels share a baseline: it is no heading.
    """
    found: list[tuple[int, int, list[float]]] = []  # start, end, where each cell starts
    index = 0
    while index < len(lines):
        end, columns = _row(lines, index, body)
        if len(columns) > 1:
            found.append((index, end, columns))
            index = end
        else:
            index += 1
    rows: dict[int, int] = {}
    run: list[tuple[int, int, list[float]]] = []
    for row in [*found, None]:
        if run and (row is None or row[0] != run[-1][1] or len(row[2]) != len(run[-1][2])):
            if len(run) >= _TABLE_ROWS:
                rows.update((start, end) for start, end, _ in run)
                first = run[0][0]
                if first > 0 and first - 1 not in rows and _header(lines, first, run[0][2], body):
                    rows[first - 1] = first
            run = []
        if row is not None:
            run.append(row)
    return rows


def _header(lines: list[_Line], first: int, columns: list[float], body: _Body) -> bool:
    """Whether the line above a table's first row (at ``first``) is the table's header row:
    right above it, from its first column across to its last."""
    line, below = lines[first - 1], lines[first]
    tolerance = _SAME_LINE * body.size
    return (
        0 < line.top - below.top <= _CELL_RISE * body.advance
        and abs(line.left - min(columns)) <= tolerance
        and line.right > max(columns)
    )


def _row(lines: list[_Line], start: int, body: _Body) -> tuple[int, list[float]]:
    """The index after the last line of the table row that may start at ``start``, and where
    each of its cells starts (one: no row starts there)."""
    tolerance = _SAME_LINE * body.size
    columns = [lines[start].left]  # where each cell starts, in the order given
    index = start + 1
    while index < len(lines):
        before, line = lines[index - 1], lines[index]
        if -tolerance < line.top - before.top <= _CELL_RISE * body.advance:
            if any(abs(line.left - left) <= tolerance for left in columns):
                break  # back at a column already read: the next row, or a new line of text
            columns.append(line.left)  # a cell of the row, beside the one before
        elif not (
            0 < before.top - line.top <= _CELL_ADVANCE * line.size
            and abs(line.left - columns[-1]) <= tolerance
        ):
            break  # neither a new cell nor the next line of this one
        index += 1
    return index, columns


def _short_heading(line: str, width: int | None) -> bool:
    """Whether a line of a PDF whose headings are set like its text reads as a heading: short
    (than ``width``, the page's long lines, when given), without final punctuation, and not
    an item of a bulleted list."""
    short = width is None or len(line) < _SHORT_LINE * width
    return short and not _LINE_END_RE.search(line) and not BULLET_RE.match(line)


def _too_long(group: list[_Line]) -> bool:
    """Whether lines set apart as a heading are too many, or too long, for one."""
    letters = sum(len(line.text.strip()) for line in group)
    return len(group) > _HEADING_LINES or letters > _HEADING_CHARS


def _plain_blocks(text: str, lines: list[_Line], page: int) -> list[Block]:
    """Group the lines of a page into headings and paragraphs by their text alone.

    A paragraph ends at a blank line, before an item of a list, or at a line clearly shorter
    than the page's long lines. A short line without final punctuation is a heading, unless it
    is an item of a bulleted list.
    """
    width = max((len(line.text.strip()) for line in lines), default=0)
    groups: list[_Group] = []
    current: list[_Line] = []
    previous_end = 0
    for line in lines:
        stripped = line.text.strip()
        short = len(stripped) < _SHORT_LINE * width
        if current and (
            text[previous_end : line.start].count("\n") > 1 or LIST_ITEM_RE.match(line.text)
        ):
            groups.append(("paragraph", current))
            current = []
        if _short_heading(stripped, width):
            if current:
                groups.append(("paragraph", current))
                current = []
            groups.append(("heading", [line]))
        else:
            current.append(line)
            if short:
                groups.append(("paragraph", current))
                current = []
        previous_end = line.start + len(line.text)
    if current:
        groups.append(("paragraph", current))
    blocks: list[Block] = []
    for kind, group in groups:
        start, end = group[0].start, group[-1].start + len(group[-1].text)
        chunk = text[start:end]
        if kind == "paragraph" and len(group) == 1 and _short_heading(chunk.strip(), None):
            kind = "heading"
        blocks.append(Block(kind, chunk, page, start, 1 if kind == "heading" else 0))
    return blocks


def _date(metadata: dict[str, str]) -> str | None:
    raw = metadata.get("CreationDate") or ""
    match = re.search(r"(\d{4})(\d{2})(\d{2})", raw)
    return f"{match.group(1)}-{match.group(2)}-{match.group(3)}" if match else None
