"""The people part of the extract stage: names, honorifics, roles, bodies and states."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import Analyse, shared_file
from gcm_review.datafiles import load_model
from gcm_review.errors import DataFileError
from gcm_review.extract import Extractor
from gcm_review.extract.ner import NameRecognizer
from gcm_review.extract.people import (
    PeopleFinder,
    PeopleLexicon,
    find_speakers,
    people_path,
    person_key,
    within_document,
)
from gcm_review.models import PersonMention

LANGUAGES = ("ar", "en", "es", "fr")


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    """The real extractor that finds the countries and organisations of a passage."""
    return Extractor()


@pytest.fixture(scope="module")
def finder() -> PeopleFinder:
    """One people finder for all tests."""
    return PeopleFinder()


def find(
    finder: PeopleFinder,
    extractor: Extractor,
    text: str,
    lang: str,
    recognised: list[tuple[int, int]] | None = None,
) -> list[PersonMention]:
    """Find the people of a passage the way the pipeline does, entities first."""
    entities = extractor.entities(text)
    countries = [entity for entity in entities if entity.type == "country"]
    organisations = [entity for entity in entities if entity.type == "organisation"]
    return finder.find(text, lang, countries, organisations, recognised or [])


Person = tuple[str, str | None, str | None, str | None, str | None]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "fr",
            "M. Ismail Chakouri a ouvert la séance au nom du Royaume du Maroc.",
            [("Ismail Chakouri", "M.", None, None, "MA")],
        ),
        (
            "fr",
            "Le ministre marocain des Affaires étrangères, Nasser Bourita, a plaidé pour une "
            "approche solidaire.",
            [("Nasser Bourita", None, "ministre marocain des Affaires étrangères", None, "MA")],
        ),
        (
            "fr",
            "Amina Haddad, directrice régionale de l'OIM pour le Moyen-Orient, a présenté le "
            "rapport au Maroc.",
            [("Amina Haddad", None, "directrice régionale", "OIM pour le Moyen-Orient", None)],
        ),
        (
            "fr",
            "Sa Majesté le Roi Mohammed VI a adressé un message aux participants réunis à "
            "Marrakech, au Maroc.",
            [("Mohammed VI", "Sa Majesté", "Roi", None, "MA")],
        ),
        (
            "en",
            "H.E. Ms Amina Haddad, Minister of Labour of Jordan, opened the session.",
            [("Amina Haddad", "H.E. Ms", "Minister of Labour", None, "JO")],
        ),
        # capitalised words qualifying the role belong to it; specialists have roles too
        (
            "en",
            "Dr. Amina Yusuf, Senior Migration Specialist at the International Labour "
            "Organization (ILO), warned of wage theft.",
            [
                (
                    "Amina Yusuf",
                    "Dr.",
                    "Senior Migration Specialist",
                    "International Labour Organization",
                    None,
                )
            ],
        ),
        (
            "es",
            "Tomás Echeverría, especialista en migración laboral de la Organización "
            "Internacional del Trabajo, advirtió sobre los abusos.",
            [
                (
                    "Tomás Echeverría",
                    None,
                    "especialista en migración laboral",
                    "Organización Internacional del Trabajo",
                    None,
                )
            ],
        ),
        # a state after an international body is where its office is, not the person's
        (
            "en",
            "Ms. Jane Doe, Chief of Mission of IOM in Nepal, presented the plan.",
            [("Jane Doe", "Ms.", "Chief of Mission", "IOM in Nepal", None)],
        ),
        # a capitalised stop word that ends a name is a surname ("tan" is also "so")
        (
            "es",
            "Según la Sra. Mei Ling Tan, jefa de misión, el plan avanza.",
            [("Mei Ling Tan", "Sra.", "jefa de misión", None, None)],
        ),
        # a list of portfolios goes on past its commas; the name follows the last one
        (
            "es",
            "La Ministra de Trabajo, Empleo y Seguridad Social de Nepal, Sra. Sita Kumari "
            "Gurung, presentó el plan.",
            [
                (
                    "Sita Kumari Gurung",
                    "Sra.",
                    "Ministra de Trabajo, Empleo y Seguridad Social",
                    None,
                    "NP",
                )
            ],
        ),
        # the state a role names at its end is the person's country, not part of the role
        (
            "en",
            "Mr. Samir Aoun, Director-General of the Lebanese Ministry of Labour, spoke first.",
            [("Samir Aoun", "Mr.", "Director-General", "Ministry of Labour", "LB")],
        ),
        (
            "fr",
            "M. Ousmane Diallo, ministre du Travail et de l'Emploi du Sénégal, a présenté le plan.",
            [("Ousmane Diallo", "M.", "ministre du Travail et de l'Emploi", None, "SN")],
        ),
        (
            "en",
            "Director General Amy Pope welcomed the pledges.",
            [("Amy Pope", None, "Director General", None, None)],
        ),
        (
            "en",
            "Amy Pope, Director General of the International Organization for Migration (IOM), "
            "thanked Jordan for hosting the meeting.",
            [
                (
                    "Amy Pope",
                    None,
                    "Director General",
                    "International Organization for Migration",
                    None,
                )
            ],
        ),
        (
            "en",
            "In July Secretary-General António Guterres said that the review would take place.",
            [("António Guterres", None, "Secretary-General", None, None)],
        ),
        (
            "es",
            "El canciller mexicano, Juan Ramón de la Fuente, destacó el papel de los consulados.",
            [("Juan Ramón de la Fuente", None, "canciller", None, "MX")],
        ),
        (
            "es",
            "El embajador Carlos Ruiz intervino en nombre de Colombia.",
            [("Carlos Ruiz", None, "embajador", None, "CO")],
        ),
        (
            "es",
            "La Sra. Lucía Pérez, directora de la Oficina Regional de la OIM para América del "
            "Sur, señaló que Colombia acoge a millones de migrantes.",
            [
                (
                    "Lucía Pérez",
                    "Sra.",
                    "directora",
                    "Oficina Regional de la OIM para América del Sur",
                    None,
                )
            ],
        ),
        (
            "fr",
            "Le secrétaire général du ministère de l'Intérieur, M. Brahim Ould Cheikh Mahfoudh, "
            "a lancé la campagne.",
            [
                (
                    "Brahim Ould Cheikh Mahfoudh",
                    "M.",
                    "secrétaire général",
                    "ministère de l'Intérieur",
                    None,
                )
            ],
        ),
        (
            "en",
            "His Majesty King Abdullah II met UN Secretary-General António Guterres in Amman.",
            [
                ("Abdullah II", "His Majesty", "King", None, None),
                ("António Guterres", None, "Secretary-General", None, None),
            ],
        ),
        (
            "ar",
            "وترأس الاجتماع سعادة السفير علي الأحمد، المندوب الدائم لدولة قطر لدى الأمم المتحدة.",
            [("علي الأحمد", "سعادة", "المندوب الدائم", "الأمم المتحدة", "QA")],
        ),
        (
            "ar",
            "وأشار معالي الدكتور أحمد أبو الغيط الأمين العام لجامعة الدول العربية إلى أهمية "
            "الميثاق.",
            [("أحمد أبو الغيط", "معالي الدكتور", "الأمين العام", "جامعة الدول العربية", None)],
        ),
        (
            "ar",
            "وقال وزير العمل الأردني نايف الفايز إن الحكومة ملتزمة بحماية العمال المهاجرين.",
            [("نايف الفايز", None, "وزير العمل", None, "JO")],
        ),
        (
            "ar",
            "أكد السيد إسماعيل الشكوري، مدير الشؤون الشاملة بوزارة الشؤون الخارجية المغربية، "
            "أن المغرب يولي أهمية خاصة للميثاق.",
            [
                (
                    "إسماعيل الشكوري",
                    "السيد",
                    "مدير الشؤون الشاملة",
                    "وزارة الشؤون الخارجية المغربية",
                    "MA",
                )
            ],
        ),
        (
            "ar",
            "وجه جلالة الملك محمد السادس رسالة إلى المشاركين في مؤتمر مراكش بالمغرب.",
            [("محمد السادس", "جلالة", "الملك", None, "MA")],
        ),
        (
            "ar",
            "وقالت المديرة العامة للمنظمة الدولية للهجرة إيمي بوب إن الهجرة الآمنة ممكنة.",
            [("إيمي بوب", None, "المديرة العامة", "المنظمة الدولية للهجرة", None)],
        ),
        # a summary record names a speaker's state in brackets after the name
        (
            "en",
            "Mr. Omar Haddad (Jordan) said that Egypt and Tunisia had shared their data.",
            [("Omar Haddad", "Mr.", None, None, "JO")],
        ),
        (
            "fr",
            "M. Thabo Mokoena (Afrique du Sud), répondant au représentant de l'Égypte, a parlé.",
            [("Thabo Mokoena", "M.", None, None, "ZA")],
        ),
        (
            "ar",
            "وقال السيد خالد العبادي (الأردن) إن مصر وتونس قدمتا بيانات.",
            [("خالد العبادي", "السيد", None, None, "JO")],
        ),
        # the state that closes a role may stand right before the name, without a comma
        (
            "es",
            "El ministro del Interior de Senegal Moussa Diagne Fall visitó el puerto.",
            [("Moussa Diagne Fall", None, "ministro del Interior", None, "SN")],
        ),
        (
            "fr",
            "Le ministre du Travail jordanien Youssef Al-Khatib a présenté le rapport.",
            [("Youssef Al-Khatib", None, "ministre du Travail", None, "JO")],
        ),
        ("en", "The Director of the Mexican National Migration Institute spoke.", []),
        # a state's possessive may open a role given in apposition
        (
            "en",
            "Rosa Quispe, Peru's Deputy Minister of Labour, signed the plan.",
            [("Rosa Quispe", None, "Deputy Minister of Labour", None, "PE")],
        ),
        # an envoy stands for the state that sends them, not the one they are posted to
        (
            "en",
            "Ghana's ambassador to Italy, Ama Owusu de la Torre, opened the exhibition.",
            [("Ama Owusu de la Torre", None, "ambassador", None, "GH")],
        ),
        (
            "fr",
            "L'ambassadeur du Bénin en Belgique, M. Paul Hounkpè, a reçu les familles.",
            [("Paul Hounkpè", "M.", "ambassadeur", None, "BJ")],
        ),
        (
            "es",
            "La Embajadora del Paraguay ante la Argentina, Sra. Laura Benítez, firmó el acta.",
            [("Laura Benítez", "Sra.", "Embajadora", None, "PY")],
        ),
        (
            "ar",
            "واستقبل سفير تونس لدى الأردن السيد منير الطرابلسي وفد الجالية.",
            [("منير الطرابلسي", "السيد", "سفير", None, "TN")],
        ),
    ],
)
def test_people_in_four_languages(
    finder: PeopleFinder, extractor: Extractor, lang: str, text: str, expected: list[Person]
) -> None:
    people = find(finder, extractor, text, lang)
    found = [(p.name, p.honorific, p.role, p.affiliation, p.country) for p in people]
    assert found == expected
    assert all(text[p.start : p.end] == p.name for p in people)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "Hier, Le Caire a déclaré que l'Organisation internationale pour les migrations a "
            "salué le travail de la Ligue arabe. Cette conférence a souligné le rôle du Global "
            "Compact en Juillet, a indiqué le directeur.",
        ),
        ("fr", "Le ministre a rencontré Amina Haddad hier à Rabat."),
        (
            "en",
            "The Global Compact for Migration was adopted in December; in July the League of "
            "Arab States said the director would report to the United Nations.",
        ),
        (
            "es",
            "Ayer, la Organización Internacional para las Migraciones afirmó que el director "
            "presentará el informe en Marzo.",
        ),
        (
            "ar",
            "عقدت جامعة الدول العربية اجتماعها في القاهرة يوم الأربعاء بمشاركة المنظمة الدولية "
            "للهجرة، وقال المشاركون إن التعاون ضروري.",
        ),
        ("ar", "وأكد وزير الخارجية أن المملكة ملتزمة بتنفيذ الميثاق."),
        (
            "ar",
            "نفذت الوزارة برنامجا في محافظات كفر الشيخ والفيوم والمنيا يجمع بين الإرشاد والمنح.",
        ),
        ("ar", "واستقبلنا أكثر من ثلاثمائة طبيب ومهندس وأستاذ جامعي في زيارات تدريبية."),
        ("ar", "وعقد الاجتماع بمشاركة ممثلين عن ثماني عشرة دولة عربية."),
        (
            "en",
            "Migrants from sub-Saharan Africa and South Asia told our researchers that they are "
            "refused housing.",
        ),
    ],
)
def test_no_person_from_bodies_places_months_or_openers(
    finder: PeopleFinder, extractor: Extractor, lang: str, text: str
) -> None:
    assert find(finder, extractor, text, lang) == []


def test_a_reporting_verb_brings_a_bare_name(finder: PeopleFinder, extractor: Extractor) -> None:
    people = find(finder, extractor, "The minister met the delegation, Amy Pope said.", "en")
    assert [(p.name, p.role) for p in people] == [("Amy Pope", None)]


def test_languages_without_a_lexicon_give_no_people(finder: PeopleFinder) -> None:
    assert finder.find("Herr Dr. Olaf Scholz sagte, M. Ismail Chakouri", "de") == []


def _seed_paragraphs() -> list[str]:
    path = next(iter(sorted(shared_file("seeds").glob("*.txt"))))
    return path.read_text(encoding="utf-8").split("\n")


def test_seed_ismail_chakouri(finder: PeopleFinder, extractor: Extractor) -> None:
    expected = json.loads(shared_file("data", "seed_expected.json").read_text(encoding="utf-8"))
    person = next(p for p in expected["people"] if p["name"] == "Ismail Chakouri")
    paragraphs = _seed_paragraphs()
    first = find(finder, extractor, paragraphs[2], "fr")
    assert [(p.name, p.role, p.affiliation, p.country) for p in first] == [
        (person["name"], person["role"]["fr"], person["affiliation"]["fr"], person["country"])
    ]
    later = find(finder, extractor, paragraphs[3], "fr")
    assert ("Ismail Chakouri", "MA") in [(p.name, p.country) for p in later]


def test_seed_mohammed_vi(finder: PeopleFinder, extractor: Extractor) -> None:
    people = find(finder, extractor, _seed_paragraphs()[3], "fr")
    king = next(p for p in people if p.name == "Mohammed VI")
    assert (king.honorific, king.role, king.country) == ("Sa Majesté", "Roi", "MA")


def test_seed_as_one_passage_names_only_its_two_people(
    finder: PeopleFinder, extractor: Extractor
) -> None:
    text = "\n".join(_seed_paragraphs())
    names = {p.name for p in find(finder, extractor, text, "fr")}
    assert names == {"Ismail Chakouri", "Mohammed VI"}


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Ismail Chakouri", "M. Ismail CHAKOURI"),
        ("Ismail Chakouri", "Chakouri, Ismail"),
        ("Ismaïl Chakouri", "ismail chakouri"),
        ("Mohammed VI", "Sa Majesté le Roi Mohammed VI"),
        ("Amy E. Pope", "Director General Amy Pope"),
        ("Lucía Pérez", "Sra. Lucia Perez"),
        ("إسماعيل الشكوري", "السيد اسماعيل الشكورى"),
        ("الشكوري إسماعيل", "إسماعيل الشكوري"),
    ],
)
def test_person_key_meets_written_variants(one: str, other: str) -> None:
    assert person_key(one) == person_key(other)


def test_person_key_keeps_different_people_apart() -> None:
    assert person_key("Amy Pope") != person_key("Amina Haddad")
    assert person_key("Mohammed VI") != person_key("Mohammed V")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_lexicons_are_valid_and_sourced(lang: str) -> None:
    path = people_path() / f"{lang}.yaml"
    lexicon = load_model(path, PeopleLexicon, label=f"people/{lang}.yaml")
    assert (lexicon.language, lexicon.version) == (lang, "1.0.0")
    assert lexicon.source == "Written by the gcm-review maintainers"
    assert lexicon.honorifics and lexicon.roles and lexicon.connectors


def test_a_bad_lexicon_is_reported_with_its_line(tmp_path: Path) -> None:
    text = (people_path() / "fr.yaml").read_text(encoding="utf-8")
    path = tmp_path / "fr.yaml"
    path.write_text(text + "titles: [Mgr]\n", encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        load_model(path, PeopleLexicon, label="people/fr.yaml")
    assert "people/fr.yaml:" in str(error.value)
    assert "titles" in str(error.value)


def test_the_french_model_finds_names_no_pattern_announces(
    finder: PeopleFinder, extractor: Extractor
) -> None:
    """No title, role or reporting verb: only the named-entity model sees these people."""
    text = "Dans le quartier, Karim Ouazzani et Amina Tahiri accompagnent les nouveaux arrivants."
    assert find(finder, extractor, text, "fr") == []
    found = find(finder, extractor, text, "fr", NameRecognizer().people(text, "fr"))
    assert [p.name for p in found] == ["Karim Ouazzani", "Amina Tahiri"]


def test_model_spans_that_are_not_names_are_dropped(
    finder: PeopleFinder, extractor: Extractor
) -> None:
    """The model's "Majesté le Roi" holds title words: only the name after them is kept."""
    text = "Sa Majesté le Roi Mohammed VI a lancé la politique migratoire en 2013."
    spans = NameRecognizer().people(text, "fr")
    assert any(text[a:b].startswith("Majesté") for a, b in spans)
    found = finder.find(text, "fr", recognised=spans)
    assert [p.name for p in found] == ["Mohammed VI"]


def test_a_language_without_a_model_gives_no_model_names() -> None:
    assert NameRecognizer().people("Juan Pérez y María López trabajan en Quito.", "es") == []


# --- whose words a passage reports --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # name, apposition, then the reporting verb
        (
            "Samir Alaoui, directeur des affaires consulaires au ministère des Affaires "
            "étrangères, a souligné l'importance des voies régulières.",
            "fr",
            ("Samir Alaoui",),
        ),
        # the verb first, then the speaker ("said Ms X", the Arabic verb-first order)
        (
            "Labour mobility must stay safe and fair, said Ms Leila Haddad, director of the "
            "national employment agency.",
            "en",
            ("Leila Haddad",),
        ),
        (
            "وأكد السيد سمير العلوي، مدير الشؤون القنصلية، أن الوزارة ستواصل دعم المهاجرين.",
            "ar",
            ("سمير العلوي",),
        ),
        (
            "La Sra. Ana Ruiz, viceministra de Trabajo, anunció un nuevo programa de "
            "contratación equitativa.",
            "es",
            ("Ana Ruiz",),
        ),
        # named, but nobody is reported speaking; a verb in another sentence names no one
        (
            "Mr Omar Saleh was appointed director of the agency. The minister said the "
            "programme will grow.",
            "en",
            (),
        ),
    ],
)
def test_speakers(
    finder: PeopleFinder, extractor: Extractor, text: str, lang: str, expected: tuple[str, ...]
) -> None:
    people = find(finder, extractor, text, lang)
    assert find_speakers(text, lang, people) == expected


def test_no_speakers_without_people_or_lexicon(finder: PeopleFinder) -> None:
    assert find_speakers("The minister said the programme will grow.", "en", []) == ()
    weber = PersonMention("Weber", 5, 10)
    assert find_speakers("Herr Weber sagte, das Programm wachse.", "de", [weber]) == ()


def test_a_partial_name_joins_the_one_fuller_name_of_its_document() -> None:
    keys = ["bennani karim", "bennani", "ndiaye", "aminata diallo ndiaye", "diallo ndiaye fatou"]
    assert within_document(keys) == {"bennani": "bennani karim"}  # "ndiaye" fits two names


def test_analyse_keys_a_surname_alone_as_the_full_name(analyse_text: Analyse) -> None:
    analysed = analyse_text(
        "M. Karim Bennani, secrétaire général du ministère, a ouvert la séance.\n\n"
        "Dans son allocution, M. Bennani a annoncé l'élargissement des voies légales.\n"
    )
    keys = {person.key for passage in analysed.passages for person in passage.people}
    assert keys == {"bennani karim"}


def test_roles_and_names_around_an_apposition(
    finder: PeopleFinder, extractor: Extractor, analyse_text: Analyse
) -> None:
    [haque] = find(
        finder,
        extractor,
        "Ms Farzana Haque, Joint Secretary at the Ministry of Labour, opened the panel.",
        "en",
    )
    assert (haque.name, haque.role) == ("Farzana Haque", "Joint Secretary")
    # a pronoun ending makes no name: "تجربة بلادها" (her country's experience) is none
    [passage] = analyse_text(
        "وعرضت السيدة منى العبيدي، مستشارة وزير التشغيل في الجمهورية التونسية، تجربة بلادها "
        "في مراقبة وكالات التوظيف.\n"
    ).passages
    assert [person.name for person in passage.people] == ["منى العبيدي"]
    # a role ends before the connector that opens its body: "jefa | de la Unidad ..."
    [passage] = analyse_text(
        "La Dra. Marta Echeverría Ruiz, jefa de la Unidad de Migración de la CEPAL, presentó "
        "el informe.\n"
    ).passages
    [marta] = passage.people
    assert (marta.role, marta.affiliation) == ("jefa", "Unidad de Migración de la CEPAL")


def test_capitalised_words_after_a_role_and_connector_are_its_portfolio(
    finder: PeopleFinder, extractor: Extractor
) -> None:
    [person] = find(
        finder,
        extractor,
        "Intervino el viceministro de Movilidad Humana del Ecuador, Andrés Paredes Villacís, "
        "quien destacó la regularización.",
        "es",
    )
    assert (person.name, person.role) == (
        "Andrés Paredes Villacís",
        "viceministro de Movilidad Humana",
    )


def test_an_arabic_nisba_after_a_first_name_is_a_family_name(analyse_text: Analyse) -> None:
    named, minister = analyse_text(
        "وتحدثت الدكتورة هالة المصري من وزارة الصحة عن إدماج أطفال المهاجرين.\n\n"
        "وأكد الوزير المصري التزام بلاده بالميثاق.\n"
    ).passages
    assert [p.name for p in named.people] == ["هالة المصري"]
    assert named.mapping.countries == []  # the family name is no state
    assert minister.mapping.countries == ["EG"] and not minister.people


def test_an_arabic_accusative_noun_is_no_name(finder: PeopleFinder, extractor: Extractor) -> None:
    text = "وأصدر رئيس الوزراء قراراً بتشكيل لجنة وطنية للهجرة."
    assert find(finder, extractor, text, "ar") == []


def test_a_family_name_is_no_acting_state(analyse_text: Analyse) -> None:
    [passage] = analyse_text("قالت الدكتورة هالة المصري إن الحملة شملت ثلاث محافظات.\n").passages
    assert [p.name for p in passage.people] == ["هالة المصري"]
    assert passage.actors == ()
