"""Language is decided per passage among ar/fr/en/es, others reported as such."""

from __future__ import annotations

import pytest

from gcm_review.language import detect_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The ministry extended health coverage to migrant workers.", "en"),
        ("Le ministère a étendu la couverture médicale aux travailleurs migrants.", "fr"),
        ("El ministerio amplió la cobertura de salud a los trabajadores migrantes.", "es"),
        ("وسعت الوزارة التغطية الصحية لتشمل العمال المهاجرين.", "ar"),
        ("Hola amigos", "es"),
        (
            "Das Ministerium hat die Krankenversicherung auf alle Arbeitsmigranten ausgeweitet.",
            "de",
        ),
    ],
)
def test_detects_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_no_letters_gives_the_default() -> None:
    assert detect_language("2024 — 15 %", default="fr") == "fr"
