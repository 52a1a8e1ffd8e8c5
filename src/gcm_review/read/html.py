"""Read HTML pages: main content without boilerplate (trafilatura), with title and date."""

from __future__ import annotations

import trafilatura
from trafilatura.settings import Document as Document_

from ..errors import CorruptDocumentError
from ..models import Document
from ._blocks import PageBuilder


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
    for element in result.body.iter("head", "p", "item", "cell", "quote"):
        if any(child.tag in {"p", "item"} for child in element):
            continue
        text = " ".join("".join(element.itertext()).split())
        if element.tag == "head":
            level = int(str(element.get("rend", "h2")).lstrip("h") or 2)
            page.add("heading", text, level)
        else:
            page.add("paragraph", text)
    title = result.title or None
    date = str(result.date) if result.date else None
    return Document(document_id, name, "html", (page.text,), tuple(page.blocks), title, date)
