"""Organisations the gazetteer does not know, found by their shape and marked as unknown."""

from __future__ import annotations

import pytest

from conftest import Analyse
from gcm_review.extract import Extractor
from gcm_review.extract.bodies import UNKNOWN, find_unknown_organisations
from gcm_review.present.records import analysis_record
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


@pytest.mark.parametrize(
    ("text", "lang", "names"),
    [
        # a state's name or adjective inside a name, never at its end
        ("The Ghana Statistical Service ran the survey.", "en", ["Ghana Statistical Service"]),
        (
            "El Instituto Guatemalteco de Migración emitió pasaportes.",
            "es",
            ["Instituto Guatemalteco de Migración"],
        ),
        (
            "Le Collectif Migrants et Droits a publié un rapport.",
            "fr",
            ["Collectif Migrants et Droits"],
        ),
        # a connector leads out of the name
        (
            "A submission of the Migrant Rights Coalition of South Asia to the Second Review.",
            "en",
            ["Migrant Rights Coalition of South Asia"],
        ),
        # Arabic: coordinated adjectives, an adjective after a definite noun, plurals, an
        # indefinite phrase without a definite word, government and programme words
        ("الهجرة الآمنة والمنظمة والنظامية", "ar", []),
        ("مدير الشؤون القنصلية والاجتماعية", "ar", []),
        ("دعت منظمات المهاجرين ووكالات التوظيف إلى الحوار.", "ar", []),
        ("وقعت منظمة غير حكومية اتفاقا، وهي ائتلاف يضم اثنتين وأربعين جمعية.", "ar", []),
        ("أكدت حكومة بلادي التزامها بإطلاق برنامج وطني لإعادة الإدماج.", "ar", []),
        ("أصدرت الشبكة العربية تقريرا.", "ar", ["الشبكة العربية"]),
        ("ونظمت اللجنة بالتعاون مع الشركاء ورشة عمل.", "ar", []),
        # a definite name keeps its adjectives, a state's among them, and one complement a
        # glued "ل" opens; a particle ("لم", did not) opens none
        (
            "شارك الاتحاد العام الموريتاني للعمال في الحوار.",
            "ar",
            ["الاتحاد العام الموريتاني للعمال"],
        ),
        (
            "قدمت الهيئة العامة للتأمينات الاجتماعية أرقاما.",
            "ar",
            ["الهيئة العامة للتأمينات الاجتماعية"],
        ),
        ("نشرت اللجنة الوطنية لمكافحة الاتجار دليلا.", "ar", ["اللجنة الوطنية لمكافحة الاتجار"]),
        ("وقال إن اللجنة الوطنية لم تجتمع بعد.", "ar", ["اللجنة الوطنية"]),
    ],
)
def test_unknown_organisation_shapes(text: str, lang: str, names: list[str]) -> None:
    assert unknown(text, lang) == names


def test_a_state_inside_an_unknown_name_is_not_acting(analyse_text: Analyse) -> None:
    [passage] = analyse_text(
        "The Ghana Statistical Service added questions on migrant workers to its labour force "
        "survey.\n"
    ).passages
    [ghana] = [e for e in passage.mapping.entities if e.type == "country"]
    assert (ghana.value, ghana.actor, passage.actors) == ("GH", False, ())
    assert "Ghana Statistical Service" in [e.text for e in passage.mapping.entities]


@pytest.mark.parametrize(
    ("text", "lang", "names"),
    [
        (
            "L'Agence nationale de la statistique et de la démographie (ANSD) a publié "
            "l'enquête. Selon l'ANSD, les départs ont augmenté.",
            "fr",
            ["Agence nationale de la statistique et de la démographie", "ANSD", "ANSD"],
        ),
        (
            "La Direction générale d'appui aux Sénégalais de l'extérieur (DGASE) gère le fonds.",
            "fr",
            ["Direction générale d'appui aux Sénégalais de l'extérieur", "DGASE"],
        ),
        (
            "El Servicio Jesuita a Migrantes (SJM) atiende a familias; el SJM pide más fondos.",
            "es",
            ["Servicio Jesuita a Migrantes", "SJM", "SJM"],
        ),
        # letters that are not the name's initials make no acronym, and no name runs to it
        ("La Direction générale des étrangers (XYZ) gère le fonds.", "fr", []),
    ],
)
def test_a_name_runs_to_the_acronym_its_initials_make(
    text: str, lang: str, names: list[str]
) -> None:
    found = unknown(text, lang)
    assert sorted(found) == sorted(names)
    tokens = tokenize(text)
    entities = find_unknown_organisations(
        text, lang, tokens, extractor.entities(text, tokens, lang)
    )
    assert len({e.value for e in entities}) <= 1  # the acronym is the same body


def test_a_glued_conjunction_or_preposition_is_not_part_of_a_name() -> None:
    text = "ودعت الشبكة واتحاد العمال إلى التنسيق، وطالبت لاتحاد العمال بالدعم."
    tokens = tokenize(text)
    entities = find_unknown_organisations(
        text, "ar", tokens, extractor.entities(text, tokens, "ar")
    )
    assert {e.text for e in entities} >= {"اتحاد العمال"}
    assert len({e.value for e in entities if "اتحاد" in e.text}) == 1


def test_written_forms_and_acronyms_of_bodies(analyse_text: Analyse) -> None:
    analysed = analyse_text(
        "Bulletin\n\n"
        "The Migrant Workers Support Network (MWSN) met the International Organization for "
        "Migration in Beirut; MWSN will report in June.\n\n"
        "وأشادت الشبكة بجهود المنظمة الدولية للهجرة وجامعة الدول العربية.\n"
    )
    rows = {row["id"]: row for row in analysis_record(analysed)["organisations"]}
    network = rows["unknown:migrant workers support network"]
    assert network["acronym"] == "MWSN"
    assert rows["LAS"]["written"] == ["جامعة الدول العربية"]  # without the glued "و"
