"""Helpers shared by the readers: assemble blocks and page texts."""

from __future__ import annotations

from collections.abc import Sequence

from ..models import Block, BlockKind


def row_text(cells: Sequence[str]) -> str:
    """A table's row as one paragraph: its non-empty cells joined by " | ", a merged cell
    (repeated once per column it spans) once."""
    kept = [text for i, text in enumerate(cells) if text and (i == 0 or text != cells[i - 1])]
    return " | ".join(kept)


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
