"""Stage "normalise": clean the text of each block, keeping offsets back to the original.

Cleaning is limited to what does not change meaning: Unicode NFC, invisible characters and
tatweel removed, words re-joined across line-end hyphens, whitespace collapsed, and the stray
punctuation machine translation leaves behind (" . ,", a full stop before a lower-case word).
Letter folding for matching (alef variants, harakat, case) is not done here: it belongs to the
keys in ``text.py``, so the text shown to analysts keeps its spelling.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence

from .layout import ITEM_MARKER
from .models import Block, CleanBlock

Piece = tuple[int, int] | str
Editor = Callable[[re.Match[str]], Sequence[Piece]]

_CLUSTER_RE = re.compile(r".[\u0300-\u036f\u064b-\u065f\u0670]*", re.DOTALL)
_INVISIBLE_RE = re.compile("[\u00ad\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\u0640]")
# (patterns start with a literal where they can: the engine then skips ahead quickly)
_HYPHEN_BREAK_RE = re.compile(r"-(?<=[^\W\d_]-)[ \t]*\n[ \t]*(?=[^\W\d_])")
# whitespace that is not already a single space between words
_SPACE_RE = re.compile(r"\A\s+|\s{2,}|[^\S ]|\s\Z")
_OTHER_SPACE_RE = re.compile(r"[^\S ]")
# ". ," or " ." debris: punctuation, optional space, more punctuation; keep the last mark.
_DEBRIS_RE = re.compile(r"[.,;:،؛](?:\s*[.,;:،؛])*\s*([.,;:،؛])(?=\s|$)")
# A full stop between a letter and a lower-case Latin word does not end a sentence, unless
# the word opens the next item of a list ("… únicas. b) publicar", "… data. iii) publish").
_STRAY_STOP_RE = re.compile(
    rf"\.(?<=[^\W\d_]{{2}}\.)(?=\s+[a-zàâçéèêëîïôûùüÿœæ])(?!\s+(?:{ITEM_MARKER})\s)"
)
_SPACE_BEFORE_RE = re.compile(r"\s(?=[,.;:)\]])")
_SPACED_MARKS = tuple(" " + mark for mark in ",.;:)]")


def normalise_block(block: Block) -> CleanBlock:
    """Normalise one block and map every character of the result back to the block text.

    Args:
        block: a block as the reader produced it.

    Returns:
        The clean text with, for each character, its index in ``block.text``.
    """
    text, offsets = _nfc(block.text)
    for pattern, editor, needed in _EDITS:
        if needed(text):
            text, offsets = _edit(text, offsets, pattern, editor)
    return CleanBlock(block=block, text=text, offsets=tuple(offsets))


def normalise_text(text: str) -> str:
    """Normalise a bare string (for passages given without a document)."""
    if unicodedata.is_normalized("NFC", text) and not any(needed(text) for _, _, needed in _EDITS):
        return text  # already clean: no offsets to build
    return normalise_block(Block("paragraph", text, 1, 0)).text


def _nfc(text: str) -> tuple[str, list[int]]:
    if unicodedata.is_normalized("NFC", text):
        return text, list(range(len(text)))
    out: list[str] = []
    offsets: list[int] = []
    for match in _CLUSTER_RE.finditer(text):
        composed = unicodedata.normalize("NFC", match.group())
        out.append(composed)
        offsets.extend(range(match.start(), match.start() + len(composed)))
    return "".join(out), offsets


def _edit(
    text: str, offsets: list[int], pattern: re.Pattern[str], editor: Editor
) -> tuple[str, list[int]]:
    matches = list(pattern.finditer(text))
    if not matches:
        return text, offsets
    out: list[str] = []
    new_offsets: list[int] = []
    cursor = 0
    for match in matches:
        out.append(text[cursor : match.start()])
        new_offsets.extend(offsets[cursor : match.start()])
        for piece in editor(match):
            if isinstance(piece, str):
                out.append(piece)
                anchor = offsets[match.start()] if match.start() < len(offsets) else 0
                new_offsets.extend([anchor] * len(piece))
            else:
                out.append(text[piece[0] : piece[1]])
                new_offsets.extend(offsets[piece[0] : piece[1]])
        cursor = match.end()
    out.append(text[cursor:])
    new_offsets.extend(offsets[cursor:])
    return "".join(out), new_offsets


def _drop(_: re.Match[str]) -> Sequence[Piece]:
    return ()


def _single_space(match: re.Match[str]) -> Sequence[Piece]:
    at_edge = match.start() == 0 or match.end() == len(match.string)
    return () if at_edge else (" ",)


def _keep_last_mark(match: re.Match[str]) -> Sequence[Piece]:
    return (match.span(1),)


def _has_odd_space(text: str) -> bool:
    # plain string searches are much faster than a regular expression scan
    edges = text[:1].isspace() or text[-1:].isspace()
    # only a text that is not all printable can hold whitespace other than the space
    return edges or "  " in text or (not text.isprintable() and bool(_OTHER_SPACE_RE.search(text)))


# Each edit runs only where a cheap test says it can match.
_EDITS: tuple[tuple[re.Pattern[str], Editor, Callable[[str], bool]], ...] = (
    (_INVISIBLE_RE, _drop, lambda text: bool(_INVISIBLE_RE.search(text))),
    (_HYPHEN_BREAK_RE, _drop, lambda text: "\n" in text),
    (_SPACE_RE, _single_space, _has_odd_space),
    (_DEBRIS_RE, _keep_last_mark, lambda text: bool(_DEBRIS_RE.search(text))),
    (_STRAY_STOP_RE, _drop, lambda text: bool(_STRAY_STOP_RE.search(text))),
    # the space edit has left single spaces only (or its test sent the text down this path)
    (_SPACE_BEFORE_RE, _drop, lambda text: any(pair in text for pair in _SPACED_MARKS)),
)
