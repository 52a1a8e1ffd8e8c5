"""Whose words a passage reports: the person next to a reporting verb in the same sentence.

"Ismail Chakouri, directeur ..., a souligné que ..." and "وأكد السيد سمير العلوي أن ..." both
report what one person said. For each reporting verb of ``data/people/<lang>.yaml``, the
speaker is the person named right after it (within ``_AFTER`` words: "said Mr X", the
Arabic verb-first order), else the nearest person before it in its sentence (within
``_BEFORE`` words, so an apposition fits between name and verb).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from ...models import PersonMention
from ...text import Token, tokenize
from .lexicon import compiled

_AFTER, _BEFORE = 4, 30  # words between a reporting verb and its speaker
_SENTENCE_END = re.compile(r"[.;!?؛؟]\s")


def find_speakers(
    text: str, lang: str, people: Sequence[PersonMention], tokens: Sequence[Token] | None = None
) -> tuple[str, ...]:
    """The names of the people whose words the passage reports, in order of mention.

    Args:
        text: the passage text.
        lang: its language code.
        people: the people found in it (``PeopleFinder.find``).
        tokens: its tokens, when the caller has them.
    """
    lexicon = compiled(lang)
    if not people or lexicon is None:
        return ()
    tokens = tokenize(text) if tokens is None else tokens
    starts = [token.start for token in tokens]
    speakers: list[str] = []
    hits = lexicon.phrases.find([token.key for token in tokens])
    for hit in (h for h in hits if any(kind == "speech" for kind, _ in h.payloads)):
        verb_start, verb_end = tokens[hit.first].start, tokens[hit.last].end
        after = [
            p
            for p in people
            if p.start >= verb_end
            and _words(starts, verb_end, p.start) <= _AFTER
            and not _SENTENCE_END.search(text[verb_end : p.start])
        ]
        before = [
            p
            for p in people
            if p.end <= verb_start
            and _words(starts, p.end, verb_start) <= _BEFORE
            and not _SENTENCE_END.search(text[p.end : verb_start])
        ]
        speaker = after[0] if after else (before[-1] if before else None)
        if speaker is not None and speaker.name not in speakers:
            speakers.append(speaker.name)
    return tuple(speakers)


def _words(starts: Sequence[int], start: int, end: int) -> int:
    """How many words begin between offsets ``start`` and ``end``."""
    return bisect_left(starts, end) - bisect_left(starts, start)
