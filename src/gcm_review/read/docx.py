"""Read Word (DOCX) files: headings, paragraphs and tables, in document order.

A heading is a paragraph in a heading style ("Heading 2", "Title"), or in any style that
gives it an outline level. Word's navigation pane and table of contents read the same
level, and custom heading styles carry one.

Some reports set their headings by hand instead: a short paragraph, all in bold, without
final punctuation. Such a heading ranks below the styled heading above it, and among
themselves the larger ones rank first.

A table stays where it stands, under its heading. Each of its rows is a paragraph, its
non-empty cells joined by " | ", a cell of bare numbers read with its column's label ("GCM
objective 6").

A text box ("Box 3: a good practice") is read after the paragraph it is anchored in, each of
its paragraphs a paragraph.

A draft with tracked changes reads as it would once they are accepted: insertions in, deletions
out. Content controls (a cover page's title and date) are read in place; a table of contents
is not read.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from itertools import takewhile

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.styles.style import ParagraphStyle
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from docx.types import ProvidesStoryPart

from ..errors import CorruptDocumentError, EncryptedDocumentError
from ..models import Document
from ._blocks import PageBuilder, column_labels, row_text

_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
_BODY_OUTLINE = 9  # the outline level of body text
_MAX_LEVEL = 9
_MANUAL_HEADING_CHARS = 150  # a bold paragraph longer than this is an emphasised one
_SENTENCE_END = (".", ";", ",", ":", "،", "؛")
_TEXT_BOX = qn("w:txbxContent")
_PARAGRAPH = qn("w:p")
_TABLE = qn("w:tbl")
_RUN = qn("w:r")
# Word keeps an older copy of a text box for readers that cannot draw it: read it once
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# what wraps blocks or runs without changing what they say: tracked insertions and moves
# in, content controls, custom XML and smart tags
_WRAPPERS = {qn(tag) for tag in ("w:ins", "w:moveTo", "w:customXml", "w:smartTag", "w:sdt")}
_CONTROL_CONTENT = qn("w:sdtContent")
# what a run inside is not read for: deleted or moved away text, a box read on its own
_UNREAD = {qn("w:del"), qn("w:moveFrom"), _TEXT_BOX, _FALLBACK}
_GALLERY = qn("w:docPartGallery")


def read_docx(data: bytes, name: str, document_id: str) -> Document:
    """Read a DOCX file into headings and paragraphs, its tables in place."""
    if data.startswith(_OLE_MAGIC):
        raise EncryptedDocumentError(
            name, "password-protected or old-format Word file; save it as an unprotected .docx"
        )
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise CorruptDocumentError(name, f"not a valid .docx file ({exc})") from exc
    content = list(_items(document, document.element.body))
    texts = [_text(item) if isinstance(item, Paragraph) else "" for item in content]
    sizes = [_manual_heading(item, text) for item, text in zip(content, texts, strict=True)]
    manual = sorted({size for size in sizes if size is not None}, reverse=True)
    page = PageBuilder(1)
    styled = 0  # the level of the last heading set in a heading style
    for item, text, size in zip(content, texts, sizes, strict=True):
        if isinstance(item, Table):
            rows = [
                ["\n".join(map(_text, cell.paragraphs)).strip() for cell in row.cells]
                for row in item.rows
            ]
            labels = column_labels(rows[0])
            for cells in rows:
                page.add("paragraph", row_text(cells, labels))
        elif (level := _styled_level(item)) is not None:
            styled = level
            page.add("heading", text, level)
        elif size is not None:
            page.add("heading", text, min(styled + 1 + manual.index(size), _MAX_LEVEL))
        else:
            page.add("paragraph", text)
        if isinstance(item, Paragraph):
            for text in _text_boxes(item):
                page.add("paragraph", text)
    core = document.core_properties
    title = core.title or next((b.text for b in page.blocks if b.kind == "heading"), None)
    date = core.created.date().isoformat() if core.created else None
    return Document(document_id, name, "docx", (page.text,), tuple(page.blocks), title, date)


def _items(parent: ProvidesStoryPart, element: BaseOxmlElement) -> Iterator[Paragraph | Table]:
    """The paragraphs and tables of a body, in order, those inside wrappers included
    (python-docx gives only those directly in it)."""
    for child in element.iterchildren():
        if child.tag == _PARAGRAPH:
            yield Paragraph(child, parent)
        elif child.tag == _TABLE:
            yield Table(child, parent)
        elif child.tag in _WRAPPERS and not _is_contents(child):
            inner = child.find(_CONTROL_CONTENT) if child.tag == qn("w:sdt") else child
            if inner is not None:
                yield from _items(parent, inner)


def _is_contents(control: BaseOxmlElement) -> bool:
    """Whether a content control holds a table of contents (Word's own gallery for it)."""
    gallery = control.find(f".//{_GALLERY}")
    return gallery is not None and "contents" in str(gallery.get(qn("w:val"), "")).lower()


def _text(paragraph: Paragraph) -> str:
    """A paragraph's text as it reads once its tracked changes are accepted, with what
    content controls, fields and smart tags hold (python-docx reads only its plain runs)."""
    element = paragraph._element
    parts = []
    for run in element.iter(_RUN):
        between = takewhile(lambda node: node is not element, run.iterancestors())
        if not any(node.tag in _UNREAD for node in between):
            parts.append(Run(run, paragraph).text)
    return "".join(parts)


def _text_boxes(paragraph: Paragraph) -> list[str]:
    """The texts of the paragraphs in the text boxes anchored in ``paragraph``."""
    texts: list[str] = []
    for box in paragraph._element.iter(_TEXT_BOX):
        if any(above.tag in (_TEXT_BOX, _FALLBACK) for above in box.iterancestors()):
            continue  # a box in a box is read with its outer box; a fallback copy not at all
        texts += [_text(Paragraph(inner, paragraph._parent)) for inner in box.iter(_PARAGRAPH)]
    return texts


def _styled_level(paragraph: Paragraph) -> int | None:
    """The level of a paragraph set as a heading by its style or outline level, or None."""
    style = paragraph.style
    name = style.name if style is not None else ""
    if name == "Title":
        return 1
    if name and name.startswith("Heading"):
        level = name.removeprefix("Heading").strip()
        return int(level) if level.isdigit() else 1
    outline = _outline_level(paragraph.paragraph_format.element.pPr)
    while outline is None and isinstance(style, ParagraphStyle):
        outline = _outline_level(style.element.pPr)
        style = style.base_style
    return outline + 1 if outline is not None and outline < _BODY_OUTLINE else None


def _outline_level(properties: object) -> int | None:
    """The ``w:outlineLvl`` of paragraph properties (``w:pPr``), when set."""
    if properties is None:
        return None
    element = properties.find(qn("w:outlineLvl"))  # type: ignore[attr-defined]
    value = None if element is None else element.get(qn("w:val"))
    return int(value) if value is not None and value.isdigit() else None


def _manual_heading(item: Paragraph | Table, text: str) -> float | None:
    """The font size (points; 0 when inherited from defaults) of a paragraph set as a
    heading by hand (short, all in bold, no final punctuation), or None (``text``: the
    paragraph's, from ``_text``)."""
    if not isinstance(item, Paragraph) or _styled_level(item) is not None:
        return None
    text = text.strip()
    if not text or len(text) > _MANUAL_HEADING_CHARS or text.endswith(_SENTENCE_END):
        return None
    runs = [run for run in item.runs if run.text.strip()]
    style_font = item.style.font if item.style is not None else None
    style_bold = bool(style_font and style_font.bold)
    if not runs or not all(run.bold or (run.bold is None and style_bold) for run in runs):
        return None
    sizes = [run.font.size or (style_font.size if style_font else None) for run in runs]
    return max((size.pt for size in sizes if size is not None), default=0.0)
