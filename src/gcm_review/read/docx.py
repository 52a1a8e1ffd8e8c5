"""Read Word (DOCX) files: paragraphs, heading styles and tables."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.opc.exceptions import PackageNotFoundError

from ..errors import CorruptDocumentError, EncryptedDocumentError
from ..models import Document
from ._blocks import PageBuilder

_OLE_MAGIC = b"\xd0\xcf\x11\xe0"


def read_docx(data: bytes, name: str, document_id: str) -> Document:
    """Read a DOCX file; ``Heading N`` and ``Title`` styles become heading blocks."""
    if data.startswith(_OLE_MAGIC):
        raise EncryptedDocumentError(
            name, "password-protected or old-format Word file; save it as an unprotected .docx"
        )
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise CorruptDocumentError(name, f"not a valid .docx file ({exc})") from exc
    page = PageBuilder(1)
    for paragraph in document.paragraphs:
        style = paragraph.style.name if paragraph.style is not None else ""
        if style == "Title":
            page.add("heading", paragraph.text, 1)
        elif style.startswith("Heading"):
            level = style.removeprefix("Heading").strip()
            page.add("heading", paragraph.text, int(level) if level.isdigit() else 1)
        else:
            page.add("paragraph", paragraph.text)
    for table in document.tables:
        for row in table.rows:
            page.add("paragraph", " | ".join(cell.text.strip() for cell in row.cells))
    core = document.core_properties
    title = core.title or next((b.text for b in page.blocks if b.kind == "heading"), None)
    date = core.created.date().isoformat() if core.created else None
    return Document(document_id, name, "docx", (page.text,), tuple(page.blocks), title, date)
