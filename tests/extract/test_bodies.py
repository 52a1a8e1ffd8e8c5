"""Organisations the gazetteer does not know, found by their shape and marked as unknown."""

from __future__ import annotations

import pytest

from gcm_review.extract import Extractor
from gcm_review.extract.bodies import UNKNOWN, find_unknown_organisations
from gcm_review.text import tokenize

extractor = Extractor()


def unknown(text: str, lang: str) -> list[str]:
    tokens = tokenize(text)
    known = extractor.entities(text, tokens, lang)
    found = find_unknown_organisations(text, lang, tokens, known)
    assert all(e.value.startswith(UNKNOWN) and text[e.start : e.end] == e.text for e in found)
    return [e.text for e in found]


@pytest.mark.parametrize(
    ("text", "lang", "names"),
    [
        (
            "The National Migration Observatory of Jordan published data.",
            "en",
            ["National Migration Observatory"],
        ),
        (
            "L'Association Terre d'Accueil a ouvert un centre à Oujda.",
            "fr",
            ["Association Terre d'Accueil"],
        ),
        (
            "La Fundación Casa del Migrante atiende a familias.",
            "es",
            ["Fundación Casa del Migrante"],
        ),
        ("أطلقت جمعية رعاية المهاجرين حملة توعية.", "ar", ["جمعية رعاية المهاجرين"]),
        ("The Ministry of Labour of Jordan and IOM signed an agreement.", "en", []),
        ("Hier, le Conseil a décidé.", "fr", []),
        ("the committee met twice", "en", []),
    ],
)
def test_unknown_organisations(text: str, lang: str, names: list[str]) -> None:
    assert unknown(text, lang) == names


def test_a_language_without_people_words_finds_none() -> None:
    assert unknown("Die Nationale Beobachtungsstelle für Migration", "de") == []
