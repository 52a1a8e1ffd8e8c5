"""Read HTML pages: main content without boilerplate (trafilatura), with title and date.

Headings, paragraphs, list items and quotes become blocks; a table's row is one paragraph, its
cells joined by " | " (the state beside its pledge), a cell of bare numbers read with its
column's label, as in a DOCX.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol

import trafilatura
from trafilatura.settings import Document as Document_

from ..errors import CorruptDocumentError
from ..models import Document
from ._blocks import PageBuilder, column_labels, row_text


def read_html(data: bytes, name: str, document_id: str) -> Document:
    """Extract the article of an HTML page; headings and paragraphs become blocks."""
    try:
        html = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        html = data.decode("cp1252", errors="replace")
    result = trafilatura.bare_extraction(  # a Document, since as_dict is False
        html, with_metadata=True, include_comments=False, include_tables=True, favor_recall=True
    )
    if not isinstance(result, Document_) or result.body is None:
        raise CorruptDocumentError(name, "no readable content found in this HTML page")
    page = PageBuilder(1)
    labels: dict[object, Sequence[str]] = {}  # each table's column labels, read once
    for element in result.body.iter("head", "p", "item", "row", "quote"):
        if element.tag == "row":  # a table's row is one paragraph, its cells joined
            cells = [_text(cell) for cell in element.iter("cell")]
            table = element.getparent()
            if table not in labels:  # its first row comes first
                labels[table] = column_labels(cells)
            page.add("paragraph", row_text(cells, labels[table]))
        elif any(child.tag in {"p", "item"} for child in element) or any(
            True for _ in element.iterancestors("row")
        ):
            continue  # its paragraphs, or its row, stand for it
        elif element.tag == "head":
            level = int(str(element.get("rend", "h2")).lstrip("h") or 2)
            page.add("heading", _text(element), level)
        else:
            page.add("paragraph", _text(element))
    title = result.title or None
    date = str(result.date) if result.date else None
    return Document(document_id, name, "html", (page.text,), tuple(page.blocks), title, date)


class _Node(Protocol):
    """An element of trafilatura's tree (an lxml element)."""

    def itertext(self) -> Iterator[str]: ...


def _text(element: _Node) -> str:
    """The text of an element and its descendants, its white space collapsed."""
    return " ".join("".join(element.itertext()).split())
