"""Stage "language": tell which language a passage is written in.

Documents mix languages (an English review with an Arabic annex, a French statement quoting a
Spanish title), so the language is decided per passage. The working languages are Arabic,
French, English and Spanish; any other language is reported with its own ISO 639-1 code.
"""

from __future__ import annotations

import re
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

WORKING_LANGUAGES = ("ar", "fr", "en", "es")
_LETTER_RE = re.compile(r"[^\W\d_]")
_ARABIC_RE = re.compile(r"[\u0600-\u06ff\u0750-\u077f]")
_OTHER_MIN_CHARS = 40
_OTHER_MIN_PROBABILITY = 0.95


@cache
def _identifiers() -> tuple[LanguageIdentifier, LanguageIdentifier]:
    full = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    working = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    working.set_languages(list(WORKING_LANGUAGES))
    return full, working


def detect_language(text: str, default: str = "und") -> str:
    """Return the ISO 639-1 code of the language of ``text``.

    Arabic script decides Arabic at once. Otherwise the working languages are preferred: a
    text is reported in another language only when it is long enough and the identifier is
    sure of it, since short texts in French or Spanish are often mistaken for neighbours.

    Args:
        text: the passage.
        default: returned when the text has no letters.
    """
    letters = _LETTER_RE.findall(text)
    if not letters:
        return default
    arabic = sum(1 for letter in letters if _ARABIC_RE.match(letter))
    if arabic * 2 > len(letters):
        return "ar"
    full, working = _identifiers()
    lang, probability = full.classify(text)
    if lang in WORKING_LANGUAGES:
        return str(lang)
    if len(text) >= _OTHER_MIN_CHARS and probability >= _OTHER_MIN_PROBABILITY:
        return str(lang)
    return str(working.classify(text)[0])
