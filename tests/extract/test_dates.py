"""Dates in four languages: absolute, numeric, month-year, ranges, relative, and inference."""

from __future__ import annotations

import datetime
import itertools
import logging
from pathlib import Path

import pytest

from conftest import shared_file
from gcm_review.datafiles import load_model
from gcm_review.errors import DataFileError
from gcm_review.extract.dates import DateWords, find_dates, infer_document_date, load_date_words
from gcm_review.text import tokenize

JULY_4 = datetime.date(2024, 7, 4)
LANGUAGES = ("ar", "en", "es", "fr")


def found(text: str, lang: str, reference: datetime.date | None = JULY_4) -> list[tuple[str, str]]:
    """(text, value) of every mention, checking the spans on the way, and that the
    pre-check the tokens allow drops nothing."""
    mentions = find_dates(text, lang, reference)
    assert find_dates(text, lang, reference, tokenize(text)) == mentions
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
    for left, right in itertools.pairwise(mentions):
        assert left.end <= right.start, "mentions overlap"
    return [(mention.text, mention.value) for mention in mentions]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "A report is due in the first quarter of 2027.",
            [("first quarter of 2027", "2027-01/2027-03")],
        ),
        ("en", "Arrivals rose in Q4 2023.", [("Q4 2023", "2023-10/2023-12")]),
        (
            "en",
            "The pilot runs in the second half of 2026.",
            [("second half of 2026", "2026-07/2026-12")],
        ),
        (
            "fr",
            "Le plan sera adopté au premier trimestre 2027.",
            [("premier trimestre 2027", "2027-01/2027-03")],
        ),
        (
            "fr",
            "Au second semestre de 2025, les arrivées ont baissé.",
            [("second semestre de 2025", "2025-07/2025-12")],
        ),
        (
            "es",
            "Se evaluará en el tercer trimestre de 2026.",
            [("tercer trimestre de 2026", "2026-07/2026-09")],
        ),
        (
            "ar",
            "سيصدر التقرير في الربع الأول من عام 2027.",
            [("الربع الأول من عام 2027", "2027-01/2027-03")],
        ),
        # a month after "mid", "début", "mediados de", "منتصف" is that month
        ("en", "Visits resume in mid-June 2024.", [("mid-June 2024", "2024-06")]),
        ("fr", "Début septembre 2024, le centre a ouvert.", [("Début septembre 2024", "2024-09")]),
        ("es", "A mediados de junio de 2024 se firmó.", [("mediados de junio de 2024", "2024-06")]),
        ("ar", "وقعت الاتفاقية في منتصف يونيو 2024.", [("منتصف يونيو 2024", "2024-06")]),
        # a relative year after a date without one gives its year (the reference is 2024)
        (
            "en",
            "We will report on 18 December this year.",
            [("18 December this year", "2024-12-18")],
        ),
        (
            "fr",
            "Le rapport date du 3 mars de l'année dernière.",
            [("3 mars de l'année dernière", "2023-03-03")],
        ),
        (
            "es",
            "Lo presentaremos el 18 de diciembre de este año.",
            [("el 18 de diciembre de este año", "2024-12-18")],
        ),
        (
            "ar",
            "سيقدم التقرير في 18 ديسمبر من هذا العام.",
            [("18 ديسمبر من هذا العام", "2024-12-18")],
        ),
        # a quarter without a year is no date
        ("en", "In the first quarter, arrivals fell.", []),
    ],
)
def test_parts_of_a_year_and_of_a_month(
    lang: str, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "It opened on 3 July 2024 in Cairo.", [("3 July 2024", "2024-07-03")]),
        ("en", "It opened on July 3, 2024.", [("July 3, 2024", "2024-07-03")]),
        ("en", "Signed on the 3rd of July 2024.", [("the 3rd of July 2024", "2024-07-03")]),
        ("en", "Wednesday, 3 July 2024: opening.", [("Wednesday, 3 July 2024", "2024-07-03")]),
        ("en", "A REPORT OF 3 JULY 2024", [("3 JULY 2024", "2024-07-03")]),
        ("fr", "La séance du 3 juillet 2024.", [("3 juillet 2024", "2024-07-03")]),
        ("fr", "Elle s'est ouverte le 3 juillet.", [("le 3 juillet", "2024-07-03")]),
        (
            "fr",
            "Le 1er juillet 2024, le plan est entré en vigueur.",
            [("Le 1er juillet 2024", "2024-07-01")],
        ),
        ("fr", "mercredi 3 juillet 2024", [("mercredi 3 juillet 2024", "2024-07-03")]),
        ("es", "La reunión del 3 de julio de 2024.", [("3 de julio de 2024", "2024-07-03")]),
        ("es", "Se firmó el 3 de julio del 2024.", [("el 3 de julio del 2024", "2024-07-03")]),
        ("es", "el miércoles 3 de julio", [("el miércoles 3 de julio", "2024-07-03")]),
        ("ar", "انعقد المؤتمر في 3 يوليو 2024.", [("3 يوليو 2024", "2024-07-03")]),
        ("ar", "انعقد المؤتمر في ٣ يوليو ٢٠٢٤.", [("٣ يوليو ٢٠٢٤", "2024-07-03")]),
        ("ar", "انعقد المؤتمر في 3 تموز/يوليو 2024.", [("3 تموز/يوليو 2024", "2024-07-03")]),
        ("ar", "انعقد المؤتمر في 3 يوليو/تموز.", [("3 يوليو/تموز", "2024-07-03")]),
        (
            "ar",
            "صدر القرار في 19 كانون الأول/ديسمبر 2018.",
            [("19 كانون الأول/ديسمبر 2018", "2018-12-19")],
        ),
        ("ar", "الأربعاء، 3 يوليوز 2024", [("الأربعاء، 3 يوليوز 2024", "2024-07-03")]),
        ("ar", "في عام 2024م، ارتفع العدد", [("عام 2024م", "2024")]),
    ],
)
def test_absolute_dates(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Adopted on 2024-07-03.", [("2024-07-03", "2024-07-03")]),
        ("ar", "بتاريخ ٢٠٢٤/٠٧/٠٣", [("٢٠٢٤/٠٧/٠٣", "2024-07-03")]),
        ("fr", "Courrier du 03/07/2024.", [("03/07/2024", "2024-07-03")]),
        ("es", "Nota del 03.07.2024.", [("03.07.2024", "2024-07-03")]),
        ("ar", "بتاريخ 03/07/2024", [("03/07/2024", "2024-07-03")]),
        # English numeric dates are read only when the order cannot be wrong
        ("en", "Letter of 13/07/2024.", [("13/07/2024", "2024-07-13")]),
        ("en", "Letter of 07/13/2024.", [("07/13/2024", "2024-07-13")]),
        ("en", "Letter of 05/05/2024.", [("05/05/2024", "2024-05-05")]),
        ("en", "Letter of 03/07/2024.", []),
        ("fr", "Le 31/02/2024 n'existe pas.", []),
    ],
)
def test_numeric_dates(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "The review is due in November 2024.", [("November 2024", "2024-11")]),
        ("fr", "à New York au mois de novembre 2024.", [("au mois de novembre 2024", "2024-11")]),
        ("fr", "la conférence tenue à Marrakech en décembre 2018", [("décembre 2018", "2018-12")]),
        ("fr", "au mois d'avril 2023", [("au mois d'avril 2023", "2023-04")]),
        ("es", "en el mes de diciembre de 2018", [("el mes de diciembre de 2018", "2018-12")]),
        ("ar", "في شهر نوفمبر 2024", [("شهر نوفمبر 2024", "2024-11")]),
        ("ar", "في تشرين الثاني 2024", [("تشرين الثاني 2024", "2024-11")]),
        ("en", "Arrivals doubled in 2023.", [("2023", "2023")]),
        ("fr", "Les arrivées ont doublé en 2023.", [("2023", "2023")]),
        ("es", "Las llegadas se duplicaron en 2023.", [("2023", "2023")]),
        ("ar", "تضاعف عدد الوافدين عام 2023.", [("عام 2023", "2023")]),
        ("ar", "تضاعف عدد الوافدين في عام ٢٠٢٣.", [("عام ٢٠٢٣", "2023")]),
        ("fr", "depuis l'année 2015", [("l'année 2015", "2015")]),
        ("en", "The 2019–2023 plan ended.", [("2019–2023", "2019/2023")]),
        ("fr", "entre 2019 et 2023", [("entre 2019 et 2023", "2019/2023")]),
        ("es", "de 2019 a 2023", [("de 2019 a 2023", "2019/2023")]),
        ("fr", "en 2019 et en 2023", [("2019", "2019"), ("2023", "2023")]),
        ("fr", "en 2019 et 2023", [("2019", "2019")]),  # "2019 et 2023" is a list, not a period
        ("en", "İstanbul hosted it in July 2024.", [("July 2024", "2024-07")]),
        # a year with the words of a period's part
        ("en", "Ghana will adopt the policy by the end of 2025.", [("the end of 2025", "2025")]),
        ("fr", "La loi sera adoptée d'ici à fin 2025.", [("fin 2025", "2025")]),
        ("es", "El plan se aprobará a finales de 2025.", [("finales de 2025", "2025")]),
        ("ar", "سيعتمد القانون في مطلع 2025", [("مطلع 2025", "2025")]),
    ],
)
def test_months_and_years(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "15 000 ménages ont reçu une aide."),
        ("fr", "3,1 millions de migrants et 2 024 dossiers"),
        ("en", "Remittances reached 3.1 billion dollars."),
        ("en", "The 2030 Agenda and objective 15."),
        ("en", "In the 2020s, 1500 people may 3 times a year march."),
        ("fr", "la réalisation du plan des Nations Unies pour 2030"),
        ("fr", "l'objectif 15 du Pacte mondial, paragraphe 31"),
        ("es", "2 millones de personas y 2024 solicitudes"),
        ("ar", "استفاد 2024 مهاجرا من البرنامج"),
        ("ar", "الهدف 15 من الاتفاق العالمي"),
        ("en", "Resolution A/RES/73/195 was adopted."),
        ("fr", "références 03/07/2250 et 1750-01-01"),
    ],
)
def test_counts_and_amounts_are_not_dates(lang: str, text: str) -> None:
    assert found(text, lang) == []


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "fr",
            "qui s'est tenue au Caire les 3 et 4 juillet.",
            ("les 3 et 4 juillet", "2024-07-03/2024-07-04"),
        ),
        ("fr", "du 3 au 4 juillet 2024", ("du 3 au 4 juillet 2024", "2024-07-03/2024-07-04")),
        (
            "fr",
            "entre le 3 et le 4 juillet",
            ("entre le 3 et le 4 juillet", "2024-07-03/2024-07-04"),
        ),
        (
            "fr",
            "du 30 juin au 2 juillet 2024",
            ("du 30 juin au 2 juillet 2024", "2024-06-30/2024-07-02"),
        ),
        ("en", "held on 3–4 July 2024", ("3–4 July 2024", "2024-07-03/2024-07-04")),
        ("en", "from 3 to 4 July", ("from 3 to 4 July", "2024-07-03/2024-07-04")),
        (
            "en",
            "between 17 and 20 May 2022",
            ("between 17 and 20 May 2022", "2022-05-17/2022-05-20"),
        ),
        ("en", "held 30 June – 2 July 2024", ("30 June – 2 July 2024", "2024-06-30/2024-07-02")),
        ("en", "held July 3-4, 2024", ("July 3-4, 2024", "2024-07-03/2024-07-04")),
        ("en", "held June 30 – July 2, 2024", ("June 30 – July 2, 2024", "2024-06-30/2024-07-02")),
        (
            "en",
            "the 2nd, 3rd and 4th of July",
            ("the 2nd, 3rd and 4th of July", "2024-07-02/2024-07-04"),
        ),
        ("es", "del 3 al 4 de julio", ("del 3 al 4 de julio", "2024-07-03/2024-07-04")),
        (
            "es",
            "entre el 3 y el 4 de julio de 2024",
            ("entre el 3 y el 4 de julio de 2024", "2024-07-03/2024-07-04"),
        ),
        ("ar", "يومي 3 و4 يوليو", ("يومي 3 و4 يوليو", "2024-07-03/2024-07-04")),
        ("ar", "عقد 3 و 4 تموز/يوليو 2024", ("3 و 4 تموز/يوليو 2024", "2024-07-03/2024-07-04")),
        ("ar", "من 3 إلى 4 يوليو", ("من 3 إلى 4 يوليو", "2024-07-03/2024-07-04")),
        (
            "ar",
            "من ٣٠ يونيو إلى ٢ يوليو ٢٠٢٤",
            ("من ٣٠ يونيو إلى ٢ يوليو ٢٠٢٤", "2024-06-30/2024-07-02"),
        ),
        (
            "fr",
            "du 30 décembre 2023 au 2 janvier 2024",
            ("du 30 décembre 2023 au 2 janvier 2024", "2023-12-30/2024-01-02"),
        ),
        (
            "fr",
            "du 30 décembre 2023 au 2 janvier",
            ("du 30 décembre 2023 au 2 janvier", "2023-12-30/2024-01-02"),
        ),
    ],
)
def test_ranges(lang: str, text: str, expected: tuple[str, str]) -> None:
    assert found(text, lang) == [expected]


@pytest.mark.parametrize(
    ("text", "lang", "reference", "value"),
    [
        # "décembre" read in January is the December just past
        ("en décembre", "fr", datetime.date(2025, 1, 10), "2024-12"),
        ("en décembre", "fr", datetime.date(2024, 11, 10), "2024-12"),
        ("le 2 janvier", "fr", datetime.date(2024, 12, 28), "2025-01-02"),
        ("on 28 December", "en", datetime.date(2025, 1, 3), "2024-12-28"),
        ("en julio", "es", datetime.date(2025, 1, 15), "2024-07"),  # six months each way: the past
        ("du 30 décembre au 2 janvier", "fr", datetime.date(2025, 1, 5), "2024-12-30/2025-01-02"),
        ("في 29 فبراير", "ar", datetime.date(2025, 3, 1), "2024-02-29"),
    ],
)
def test_yearless_dates_take_the_nearest_year(
    text: str, lang: str, reference: datetime.date, value: str
) -> None:
    [mention] = find_dates(text, lang, reference)
    assert (mention.value, mention.relative) == (value, True)


@pytest.mark.parametrize(
    ("text", "lang", "reference", "value"),
    [
        # in a sentence about the future, the first such date on or after the reference
        ("The forum will take place in January.", "en", datetime.date(2024, 7, 4), "2025-01"),
        ("The forum took place in January.", "en", datetime.date(2024, 7, 4), "2024-01"),
        ("Le forum se tiendra en février.", "fr", datetime.date(2024, 8, 20), "2025-02"),
        ("La reunión se celebrará el 3 de julio.", "es", datetime.date(2024, 7, 4), "2025-07-03"),
        ("La reunión se celebrará el 5 de julio.", "es", datetime.date(2024, 7, 4), "2024-07-05"),
        ("وستعقد الدورة في يناير.", "ar", datetime.date(2024, 7, 4), "2025-01"),
        # a verb in the future tense the lists cannot enumerate puts a weekday ahead
        ("Le rapport final sera publié vendredi.", "fr", datetime.date(2025, 10, 20), "2025-10-24"),
        (
            "Le rapport final a été publié vendredi.",
            "fr",
            datetime.date(2025, 10, 20),
            "2025-10-17",
        ),
        (
            "El Gobierno presentará el miércoles su informe.",
            "es",
            datetime.date(2025, 10, 20),
            "2025-10-22",
        ),
        ("Irán presentó el miércoles su informe.", "es", datetime.date(2025, 10, 20), "2025-10-15"),
        ("سيُعرض التقرير يوم الأربعاء.", "ar", datetime.date(2025, 10, 20), "2025-10-22"),
        ("عرضت السياسة يوم الأربعاء.", "ar", datetime.date(2025, 10, 20), "2025-10-15"),
        (
            "He said they would issue a revision by Friday.",
            "en",
            datetime.date(2025, 10, 20),
            "2025-10-24",
        ),
        # "next March", "el próximo marzo" are ahead too
        ("The ministers meet next March in Doha.", "en", datetime.date(2025, 7, 3), "2026-03"),
        ("Túnez acogerá el taller el próximo marzo.", "es", datetime.date(2025, 7, 3), "2026-03"),
        ("Ministers agreed in March on next steps.", "en", datetime.date(2025, 7, 3), "2025-03"),
        # the future of another sentence or clause, or "will" as a noun, changes nothing
        (
            "وقدّمت موريتانيا استعراضها في 18 حزيران/يونيو، ودُعيت جيبوتي إلى تقديم استعراضها "
            "خلال العام المقبل.",
            "ar",
            datetime.date(2025, 9, 4),
            "2025-06-18",
        ),
        (
            "The forum met in January. It will meet again.",
            "en",
            datetime.date(2024, 7, 4),
            "2024-01",
        ),
        ("Political will was clear in January.", "en", datetime.date(2024, 7, 4), "2024-01"),
    ],
)
def test_yearless_dates_in_the_future_are_ahead_of_the_reference(
    text: str, lang: str, reference: datetime.date, value: str
) -> None:
    assert find_dates(text, lang, reference)[0].value == value


def test_yearless_dates_without_reference_borrow_a_year_from_the_text() -> None:
    text = "Le 3 juillet, puis le 5 août 2023."
    assert found(text, "fr", None) == [
        ("Le 3 juillet", "2023-07-03"),
        ("le 5 août 2023", "2023-08-05"),
    ]
    assert [m.relative for m in find_dates(text, "fr")] == [True, False]
    assert find_dates("Elle s'est ouverte le 3 juillet.", "fr") == []
    assert find_dates("les 3 et 4 juillet, en décembre", "fr") == []


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "Hier, mercredi, le Maroc a présidé la séance", [("Hier, mercredi", "2024-07-03")]),
        ("fr", "Il a parlé hier.", [("hier", "2024-07-03")]),
        ("fr", "Aujourd’hui et demain", [("Aujourd’hui", "2024-07-04"), ("demain", "2024-07-05")]),
        ("fr", "avant-hier", [("avant-hier", "2024-07-02")]),
        ("en", "Yesterday, Wednesday, the forum opened.", [("Yesterday, Wednesday", "2024-07-03")]),
        ("en", "today and tomorrow", [("today", "2024-07-04"), ("tomorrow", "2024-07-05")]),
        (
            "es",
            "Ayer, el miércoles, y hoy",
            [("Ayer, el miércoles", "2024-07-03"), ("hoy", "2024-07-04")],
        ),
        ("es", "Mañana se reunirán.", [("Mañana", "2024-07-05")]),
        ("ar", "اختتم أمس الأربعاء المؤتمر", [("أمس الأربعاء", "2024-07-03")]),
        ("ar", "يعقد اليوم وغدا", [("اليوم", "2024-07-04")]),
        ("ar", "وسيعقد غدا الاجتماع", [("غدا", "2024-07-05")]),
        (
            "fr",
            "l'année dernière et le mois prochain",
            [("l'année dernière", "2023"), ("le mois prochain", "2024-08")],
        ),
        ("en", "last year and next month", [("last year", "2023"), ("next month", "2024-08")]),
        ("es", "el año pasado", [("el año pasado", "2023")]),
        ("ar", "العام الماضي والشهر المقبل", [("العام الماضي", "2023")]),
        # the weekday disagrees with "hier" (4 July 2024 was a Thursday): the word wins
        ("fr", "Hier, jeudi, la séance", [("Hier, jeudi", "2024-07-03")]),
        # a week is Monday to Sunday (4 July 2024 was in the week of 1 July)
        ("fr", "la semaine dernière", [("la semaine dernière", "2024-06-24/2024-06-30")]),
        ("en", "next week", [("next week", "2024-07-08/2024-07-14")]),
        ("es", "esta semana", [("esta semana", "2024-07-01/2024-07-07")]),
        ("ar", "تعقد الأسبوع المقبل", [("الأسبوع المقبل", "2024-07-08/2024-07-14")]),
        # not a date at all
        ("es", "por la mañana, esta mañana, hoy en día", []),
        ("fr", "les migrations d'aujourd'hui et le monde de demain", []),
        ("ar", "اليوم الدولي للمهاجرين", []),
        ("ar", "في اليوم الأول من المؤتمر", []),
    ],
)
def test_relative_dates(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, lang) == expected
    assert all(m.relative for m in find_dates(text, lang, JULY_4))


# 4 July 2024, the reference, was a Thursday
@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "The ministers met on Tuesday in Bangkok.", [("Tuesday", "2024-07-02")]),
        ("en", "The office opened on Thursday.", [("Thursday", "2024-07-04")]),
        ("en", "The forum opens next Tuesday.", [("Tuesday", "2024-07-09")]),
        ("fr", "Le ministre a déclaré mardi que le plan était prêt.", [("mardi", "2024-07-02")]),
        ("fr", "La réunion aura lieu mardi prochain.", [("mardi prochain", "2024-07-09")]),
        (
            "es",
            "La sesión, celebrada el martes, fue presidida por Chile.",
            [("martes", "2024-07-02")],
        ),
        ("es", "Se reunirán el próximo lunes.", [("lunes", "2024-07-08")]),
        ("ar", "أكد الوزير يوم الثلاثاء أن الخطة جاهزة", [("الثلاثاء", "2024-07-02")]),
        ("ar", "في جلسة يوم الخميس الماضي", [("الخميس الماضي", "2024-06-27")]),
        # in a clause about the future, the first such day after the reference
        ("en", "The forum will open on Tuesday.", [("Tuesday", "2024-07-09")]),
        ("fr", "La réunion se tiendra mardi à Rabat.", [("mardi", "2024-07-09")]),
        ("es", "La sesión se celebrará el martes.", [("martes", "2024-07-09")]),
        ("ar", "وستعقد الجلسة يوم الثلاثاء", [("الثلاثاء", "2024-07-09")]),
        # a habit, not a day; an Arabic weekday needs "يوم" ("الاثنين" is also "the two")
        ("en", "Every Tuesday the office opens.", []),
        ("fr", "Le mardi, les bureaux ferment plus tôt.", []),
        ("es", "Los martes la oficina abre tarde.", []),
        ("ar", "واتفق الاثنين على التعاون", []),
        # a weekday inside a date or beside a relative word belongs to it
        ("fr", "lundi 1er juillet", [("lundi 1er juillet", "2024-07-01")]),
        ("en", "Yesterday, Wednesday, the forum opened.", [("Yesterday, Wednesday", "2024-07-03")]),
    ],
)
def test_a_weekday_alone_names_a_day_near_the_reference(
    lang: str, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text, lang) == expected


def test_a_weekday_alone_needs_a_reference() -> None:
    assert find_dates("The ministers met on Tuesday in Bangkok.", "en") == []


def test_a_weekday_that_disagrees_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="gcm_review.extract.dates"):
        [mention] = find_dates("Hier, jeudi, la séance", "fr", JULY_4)
    assert mention.value == "2024-07-03"
    assert "2024-07-03 is not the weekday" in caplog.text


def test_impossible_dates_are_dropped() -> None:
    assert found("from 4 July 2024 to 3 July 2023", "en") == []
    assert found("le 29 février, en mai 2023", "fr", None) == [("mai 2023", "2023-05")]
    assert found("le 29 février, en mai 2024", "fr", None)[0] == ("le 29 février", "2024-02-29")


def test_relative_dates_need_a_reference() -> None:
    assert find_dates("Hier, mercredi, le Maroc a présidé la séance", "fr") == []
    assert find_dates("last year", "en") == []


def test_relative_month_across_a_year() -> None:
    [mention] = find_dates("le mois dernier", "fr", datetime.date(2025, 1, 15))
    assert mention.value == "2024-12"


def test_several_mentions_keep_their_spans() -> None:
    text = "Hier, mercredi, au Caire les 3 et 4 juillet ; à New York au mois de novembre 2024."
    mentions = find_dates(text, "fr", JULY_4)
    assert [(m.text, m.value, m.relative) for m in mentions] == [
        ("Hier, mercredi", "2024-07-03", True),
        ("les 3 et 4 juillet", "2024-07-03/2024-07-04", True),
        ("au mois de novembre 2024", "2024-11", False),
    ]
    assert all(text[m.start : m.end] == m.text for m in mentions)


def test_languages_without_a_table_give_no_dates() -> None:
    assert find_dates("am 3. Juli 2024", "de") == []
    assert infer_document_date(["am 3. Juli 2024"], "de") is None


@pytest.fixture(scope="module")
def seed_paragraphs() -> list[str]:
    seeds = shared_file("seeds")
    path = next(iter(sorted(seeds.glob("*.txt"))), None)
    if path is None:
        pytest.skip(f"no seed text in {seeds}")
    return [line for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


def test_seed_dates(seed_paragraphs: list[str]) -> None:
    values = {m.text: m.value for p in seed_paragraphs for m in find_dates(p, "fr", JULY_4)}
    assert values == {
        "Hier, mercredi": "2024-07-03",
        "les 3 et 4 juillet": "2024-07-03/2024-07-04",
        "décembre 2018": "2018-12",
        "au mois de novembre 2024": "2024-11",
    }


def test_infer_document_date_of_the_seed(seed_paragraphs: list[str]) -> None:
    # "Hier, mercredi" + "les 3 et 4 juillet": 3 July 2024 is a Wednesday, so the item was
    # written on Thursday 4 July 2024 (2018, also written, puts 3 July on a Tuesday).
    assert infer_document_date(seed_paragraphs, "fr") == JULY_4


@pytest.mark.parametrize(
    ("texts", "lang", "expected"),
    [
        (["Le 3 juillet 2024 et le 10 août 2024."], "fr", datetime.date(2024, 8, 10)),
        (
            [
                "Ayer, martes, se clausuró el foro.",
                "El foro se celebró del 1 al 2 de julio de 2024.",
            ],
            "es",
            datetime.date(2024, 7, 3),
        ),
        # 2025 comes first but puts 3 July on a Thursday; 2024 puts it on a Wednesday
        (
            [
                "أمس الأربعاء اختتم المؤتمر",
                "عقد يومي 3 و4 يوليو",
                "في نوفمبر 2025",
                "منذ ديسمبر 2024",
            ],
            "ar",
            datetime.date(2024, 7, 4),
        ),
        (
            ["Yesterday, Thursday, it closed.", "It ran 3–4 July.", "Next: May 2025."],
            "en",
            datetime.date(2025, 7, 4),
        ),
        # no weekday agrees: the latest day mentioned
        (
            ["Hier, dimanche, il a fermé.", "Il s'est tenu les 3 et 4 juillet.", "en mai 2024"],
            "fr",
            datetime.date(2024, 7, 4),
        ),
        (["Le 3 juillet, la séance a eu lieu."], "fr", None),
        (["Aucune date ici."], "fr", None),
    ],
)
def test_infer_document_date(texts: list[str], lang: str, expected: datetime.date | None) -> None:
    assert infer_document_date(texts, lang) == expected


@pytest.mark.parametrize("lang", LANGUAGES)
def test_date_tables_load_and_are_sourced(lang: str) -> None:
    words = load_date_words(lang)
    assert words is not None
    assert (words.language, words.version) == (lang, "1.0.0")
    assert words.source == "Written by the gcm-review maintainers"
    assert words.relative.days.keys() >= {-1, 0, 1}


def test_a_broken_date_table_is_reported_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "xx.yaml"
    path.write_text(
        'language: xx\nversion: "1"\nsource: test\n'
        "months: {1: [jan]}\n"
        "weekdays: {1: [mon], 2: [tue], 3: [wed], 4: [thu], 5: [fri], 6: [sat], 7: [mon]}\n"
        "colour: blue\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as error:
        load_model(path, DateWords, label="dates/xx.yaml")
    problems = "\n".join(error.value.problems)
    assert "dates/xx.yaml:4: months" in problems and "[2, 3, 4" in problems
    assert "dates/xx.yaml:5: weekdays" in problems and "'mon' is listed under 1 and 7" in problems
    assert "dates/xx.yaml:6: colour" in problems
