"""Read PDF files through their text layer (pdfium keeps Arabic in logical order)."""

from __future__ import annotations

import re

import pypdfium2 as pdfium

from ..errors import CorruptDocumentError, EncryptedDocumentError
from ..models import Block, Document

_LINE_END_RE = re.compile(r"[.!?:;؟»”)\]]$")
_SHORT_LINE = 0.7


def read_pdf(data: bytes, name: str, document_id: str) -> Document:
    """Read the text layer of every page; lines are joined into paragraphs."""
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
        blocks: list[Block] = []
        for number, page in enumerate(pdf, start=1):
            text = page.get_textpage().get_text_range().replace("\r\n", "\n").replace("\r", "\n")
            pages.append(text)
            blocks += _page_blocks(text, number)
        metadata = pdf.get_metadata_dict()
    finally:
        pdf.close()
    title = metadata.get("Title") or next((b.text for b in blocks if b.kind == "heading"), None)
    return Document(document_id, name, "pdf", tuple(pages), tuple(blocks), title, _date(metadata))


def _page_blocks(text: str, page: int) -> list[Block]:
    """Group the lines of a page into headings and paragraphs.

    A paragraph ends at a blank line, or at a line that ends a sentence and is clearly shorter
    than the page's long lines. A short line without final punctuation is a heading.
    """
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    width = max((len(line.strip()) for _, line in lines), default=0)
    groups: list[tuple[str, list[tuple[int, str]]]] = []
    current: list[tuple[int, str]] = []
    previous_end = 0
    for start, line in lines:
        stripped = line.strip()
        short = len(stripped) < _SHORT_LINE * width
        ends = bool(_LINE_END_RE.search(stripped))
        if current and text[previous_end:start].count("\n") > 1:
            groups.append(("paragraph", current))
            current = []
        if short and not ends:
            if current:
                groups.append(("paragraph", current))
                current = []
            groups.append(("heading", [(start, line)]))
        else:
            current.append((start, line))
            if short:
                groups.append(("paragraph", current))
                current = []
        previous_end = start + len(line)
    if current:
        groups.append(("paragraph", current))
    blocks: list[Block] = []
    for kind, group in groups:
        start, end = group[0][0], group[-1][0] + len(group[-1][1])
        chunk = text[start:end]
        if kind == "paragraph" and len(group) == 1 and not _LINE_END_RE.search(chunk.strip()):
            kind = "heading"
        blocks.append(Block(kind, chunk, page, start, 1 if kind == "heading" else 0))  # type: ignore[arg-type]
    return blocks


def _date(metadata: dict[str, str]) -> str | None:
    raw = metadata.get("CreationDate") or ""
    match = re.search(r"(\d{4})(\d{2})(\d{2})", raw)
    return f"{match.group(1)}-{match.group(2)}-{match.group(3)}" if match else None
