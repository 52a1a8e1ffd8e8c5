"""Normalisation keeps meaning and maps every character back to the original."""

from __future__ import annotations

from gcm_review.models import Block
from gcm_review.normalise import normalise_block, normalise_text


def test_machine_translation_debris_is_cleaned() -> None:
    raw = "dans la région arabe. , qui s'est tenue au Caire. Fin"
    assert normalise_text(raw) == "dans la région arabe, qui s'est tenue au Caire. Fin"


def test_stray_full_stop_before_a_lower_case_word_is_dropped() -> None:
    raw = "garantir l'accès des migrants. aux services de base"
    assert normalise_text(raw) == "garantir l'accès des migrants aux services de base"
    # but not before the marker of a list's next item: that stop ends the item
    for item in ("b) ouvrir", "iii) ouvrir", "(c) ouvrir", "d. ouvrir"):
        raw = f"ampliar los consulados.\n{item} des guichets"
        assert normalise_text(raw) == f"ampliar los consulados. {item} des guichets"


def test_hyphenated_line_breaks_are_joined_and_whitespace_collapsed() -> None:
    assert normalise_text("les migra-\ntions   de\n travail") == "les migrations de travail"


def test_tatweel_and_invisible_marks_are_removed_but_spelling_kept() -> None:
    assert normalise_text("المهاجـــرين\u200f إلى") == "المهاجرين إلى"


def test_decomposed_accents_are_composed() -> None:
    assert normalise_text("Gene\u0300ve") == "Genève"


def test_offsets_point_back_to_the_original() -> None:
    raw = "  Le Maroc. , a présidé la séance"
    block = Block("paragraph", raw, 1, 100)
    clean = normalise_block(block)
    start = clean.text.index("présidé")
    page_start, page_end = clean.original_span(start, start + len("présidé"))
    assert raw[page_start - 100 : page_end - 100] == "présidé"
    assert len(clean.offsets) == len(clean.text)


def test_other_whitespace_and_a_space_before_a_mark_are_normalised() -> None:
    # French typography puts a no-break space before the colon; a tab or a thin space is
    # whitespace too, however printable the rest of the text
    for raw in ("Objectif 15\u00a0: accès", "Objectif\t15 : accès", "Objectif\u200915 : accès"):
        assert normalise_text(raw) == "Objectif 15: accès"
    assert normalise_text("les migrants ) et") == "les migrants) et"
    assert normalise_text("Objectif 15: accès") == "Objectif 15: accès"
