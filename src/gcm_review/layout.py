"""How a line of text opens an item of a list: shared by the readers, which give each item a
block of its own, and by the segment stage, which cuts a block holding several items.

The patterns are line-anchored (``re.MULTILINE``): ``match`` reads one line, ``finditer``
the items of a block.
"""

from __future__ import annotations

import re

_GAP = r"[^\S\r\n]"  # a space within a line (a no-break space included)

# a line that opens an item of a bulleted list: "•", "-", "·", "▪", Word's bullet in a
# symbol font
BULLET_RE = re.compile(
    rf"^{_GAP}*[•●○◦▪▫■□‣⁃∙·➢➤►▶✓✔❖*\-–—\uf0a7\uf0b7\uf0d8\uf076\uf0fc]{_GAP}+(?=\S)",
    re.MULTILINE,
)
# an item's number or letter ("12.", "b.", "(a)", "iii)", "ب)"), not anchored: the
# normalise stage keeps the full stop before one
ITEM_MARKER = r"\(?(?:\d{1,2}|[a-z]|[ivx]{1,4}|[\u0621-\u064a])\)|(?:\d{1,2}|[a-z])\."
# a line that opens an item of any list: a bullet, or an item's number or letter
LIST_ITEM_RE = re.compile(
    rf"{BULLET_RE.pattern}|^{_GAP}*(?:{ITEM_MARKER}){_GAP}+(?=\S)", re.MULTILINE
)
