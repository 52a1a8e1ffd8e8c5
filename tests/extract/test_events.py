"""The events part of the extract stage: places, meetings, their sessions, chairs and speakers."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from conftest import shared_file
from gcm_review.datafiles import load_model
from gcm_review.errors import DataFileError
from gcm_review.extract import Extractor
from gcm_review.extract.dates import find_dates
from gcm_review.extract.events import (
    Event,
    EventWords,
    PassageFacts,
    event_key,
    find_events,
    load_event_words,
)
from gcm_review.extract.people import PeopleFinder
from gcm_review.extract.places import PlacesSpec, find_places, load_places
from gcm_review.gazetteer import country_names

LANGUAGES = ("ar", "en", "es", "fr")
JULY_4 = datetime.date(2024, 7, 4)

# Short news items of our own about the seed's conference, one per language.
NEWS = {
    "fr": [
        "La deuxième conférence régionale d'examen du Pacte mondial sur les migrations dans la "
        "région arabe s'est ouverte au Caire le 3 juillet 2024, organisée par l'OIM, la CESAO "
        "et la Ligue des États arabes.",
        "Le Maroc a présidé la séance plénière sur l'accès des migrants aux services de base.",
        "M. Samir Alaoui a souligné lors de son discours d'introduction à la séance plénière "
        "les progrès accomplis.",
    ],
    "en": [
        "The second regional review of the Global Compact for Safe, Orderly and Regular "
        "Migration in the Arab region was held in Cairo on 3 and 4 July 2024, organised by "
        "IOM, ESCWA and the League of Arab States.",
        "Morocco chaired the plenary session on access to basic services.",
        "Samir Alaoui, Director of Global Affairs at the Ministry of Foreign Affairs of "
        "Morocco, addressed the plenary session.",
        "In a high-level session on regular pathways, Mr Samir Alaoui spoke about Morocco's "
        "priorities.",
    ],
    "es": [
        "La segunda conferencia regional de examen del Pacto Mundial para la Migración Segura, "
        "Ordenada y Regular en la región árabe se celebró en El Cairo los días 3 y 4 de julio "
        "de 2024, organizada por la OIM, la CESPAO y la Liga de los Estados Árabes.",
        "Marruecos presidió la sesión plenaria sobre el acceso de los migrantes a los "
        "servicios básicos.",
        "En el marco de su intervención en una sesión de alto nivel sobre las vías de migración "
        "regular, el Sr. Samir Alaoui destacó el compromiso de Marruecos.",
    ],
    "ar": [
        "انطلقت في القاهرة، يومي 3 و4 تموز/يوليو 2024، أعمال مؤتمر الاستعراض الإقليمي الثاني "
        "للاتفاق العالمي من أجل الهجرة الآمنة والمنظمة والنظامية في المنطقة العربية، الذي "
        "تنظمه جامعة الدول العربية والمنظمة الدولية للهجرة والإسكوا.",
        "وترأست المملكة المغربية الجلسة العامة حول ضمان حق المهاجرين في الوصول إلى الخدمات "
        "الأساسية.",
        "وألقى السيد سمير العلوي، مدير الشؤون الشاملة بوزارة الشؤون الخارجية المغربية، كلمة في "
        "الجلسة العامة، كما شارك في جلسة رفيعة المستوى حول مسارات الهجرة النظامية.",
        "ويأتي هذا المؤتمر في إطار تعزيز الحوار والتعاون بين الدول العربية.",
    ],
}
Build = Callable[[Sequence[str], str], list[PassageFacts]]
SPEAKER = {"fr": "Samir Alaoui", "en": "Samir Alaoui", "es": "Samir Alaoui", "ar": "سمير العلوي"}


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    """The real extractor that finds the countries and organisations of a passage."""
    return Extractor()


@pytest.fixture(scope="module")
def people() -> PeopleFinder:
    """The real people finder."""
    return PeopleFinder()


@pytest.fixture(scope="module")
def facts_of(extractor: Extractor, people: PeopleFinder) -> Build:
    """Build the PassageFacts of passages the way the pipeline does, with the real stages."""

    def build(texts: Sequence[str], lang: str) -> list[PassageFacts]:
        facts: list[PassageFacts] = []
        for index, text in enumerate(texts):
            entities = extractor.entities(text)
            countries = [e for e in entities if e.type == "country"]
            organisations = [e for e in entities if e.type == "organisation"]
            found = people.find(text, lang, countries, organisations)
            dates = find_dates(text, lang, JULY_4)
            places = find_places(text, lang)
            facts.append(
                PassageFacts(
                    index, text, tuple(entities), tuple(dates), tuple(found), tuple(places), (), ()
                )
            )
        return facts

    return build


def events_of(facts_of: Build, texts: Sequence[str], lang: str) -> list[Event]:
    """Run find_events on passages built from ``texts``."""
    return find_events(facts_of(texts, lang), lang)


# --- the seed ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_events(facts_of: Build) -> list[Event]:
    """The events of the seed news item, its paragraphs taken as passages."""
    path = next(iter(sorted(shared_file("seeds").glob("*.txt"))), None)
    if path is None:
        pytest.skip("no seed text")
    return find_events(facts_of(path.read_text(encoding="utf-8").split("\n"), "fr"), "fr")


def test_seed_conference(seed_events: list[Event]) -> None:
    conference = seed_events[0]
    assert conference.name == (
        "deuxième conférence régionale d'examen du Pacte mondial pour des migrations sûres, "
        "ordonnées et régulières – la Charte de Marrakech – dans la région arabe"
    )
    assert (conference.ordinal, conference.kind) == (2, "conference")
    assert (conference.city, conference.country) == ("Cairo", "EG")
    assert (conference.start, conference.end) == ("2024-07-03", "2024-07-04")
    assert conference.organisers == ("LAS", "ESCWA", "UNNM", "IOM")
    assert conference.key == "conference|2|EG|2024-07"
    assert 0 in conference.passages and 3 not in conference.passages


def test_seed_sessions(seed_events: list[Event]) -> None:
    plenary, high_level = seed_events[0].sessions
    assert plenary.title == (
        "la séance plénière sur la garantie du droit des migrants à accéder aux services de base"
    )
    assert (plenary.kind, plenary.passage, plenary.chair_country) == ("plenary", 0, "MA")
    assert plenary.chair_person is None
    assert "Ismail Chakouri" in plenary.speakers
    assert high_level.title == "une session de haut niveau sur les voies migratoires régulières"
    assert (high_level.kind, high_level.passage) == ("high-level", 3)
    assert (high_level.chair_country, high_level.speakers) == (None, ("Ismail Chakouri",))
    # "Hier, mercredi" stands in the plenary's sentence; nothing dates the high-level session
    assert (plenary.date, high_level.date) == ("2024-07-03", None)


def test_seed_marrakech_is_another_event_and_new_york_none(seed_events: list[Event]) -> None:
    assert [event.city for event in seed_events] == ["Cairo", "Marrakech"]
    marrakech = seed_events[1]
    assert (marrakech.country, marrakech.start, marrakech.end) == ("MA", "2018-12", None)
    assert marrakech.passages == (3,) and marrakech.sessions == ()


# --- the same conference in four languages ------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_news_item_in_each_language(facts_of: Build, lang: str) -> None:
    [event] = events_of(facts_of, NEWS[lang], lang)
    assert (event.ordinal, event.kind, event.city, event.country) == (
        2,
        "conference",
        "Cairo",
        "EG",
    )
    assert event.start == "2024-07-03"
    assert set(event.organisers) == {"IOM", "ESCWA", "LAS"}
    plenary = event.sessions[0]
    assert (plenary.kind, plenary.chair_country, plenary.passage) == ("plenary", "MA", 1)
    assert plenary.title.split()[0] in ("la", "the", "الجلسة")
    speakers = {name for session in event.sessions for name in session.speakers}
    assert SPEAKER[lang] in speakers


def test_one_event_key_across_languages(facts_of: Build) -> None:
    keys = {events_of(facts_of, NEWS[lang], lang)[0].key for lang in LANGUAGES}
    assert keys == {"conference|2|EG|2024-07"}


# A two-day conference whose plenary is dated in its own sentence, in four languages.
SESSION_DAY = {
    "en": [
        "The second regional review conference on the Global Compact for Migration was held "
        "in Beirut on 10 and 11 March 2025.",
        "On 11 March 2025, Jordan chaired the plenary session on labour mobility.",
    ],
    "fr": [
        "La deuxième conférence régionale d'examen du Pacte mondial sur les migrations s'est "
        "tenue à Beyrouth les 10 et 11 mars 2025.",
        "Le 11 mars 2025, la Jordanie a présidé la séance plénière sur la mobilité de la "
        "main-d'œuvre.",
    ],
    "es": [
        "La segunda conferencia regional de examen del Pacto Mundial sobre Migración se "
        "celebró en Beirut los días 10 y 11 de marzo de 2025.",
        "El 11 de marzo de 2025, Jordania presidió la sesión plenaria sobre la movilidad laboral.",
    ],
    "ar": [
        "عُقد مؤتمر الاستعراض الإقليمي الثاني للاتفاق العالمي بشأن الهجرة في بيروت يومي 10 و11 "
        "آذار/مارس 2025.",
        "وفي 11 آذار/مارس 2025، ترأس الأردن الجلسة العامة حول تنقل العمالة.",
    ],
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_session_day(facts_of: Build, lang: str) -> None:
    [event] = events_of(facts_of, SESSION_DAY[lang], lang)
    assert (event.city, event.start, event.end) == ("Beirut", "2025-03-10", "2025-03-11")
    [plenary] = event.sessions
    assert (plenary.chair_country, plenary.date) == ("JO", "2025-03-11")


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # a day outside the event's dates belongs to something else
        (
            [
                "The regional review conference on migration was held in Beirut on 10 and 11 "
                "March 2025.",
                "On 2 February 2025, Jordan chaired the plenary session on labour mobility.",
            ],
            None,
        ),
        # a one-day event gives its day to its sessions
        (
            [
                "The regional review conference on migration was held in Beirut on 10 March "
                "2025. Jordan chaired the plenary session on labour mobility.",
            ],
            "2025-03-10",
        ),
        # a day in another sentence does not date the session
        (
            [
                "The regional review conference on migration was held in Beirut on 10 and 11 "
                "March 2025. Jordan chaired the plenary session on labour mobility.",
            ],
            None,
        ),
    ],
)
def test_session_day_rules(facts_of: Build, texts: list[str], expected: str | None) -> None:
    [event] = events_of(facts_of, texts, "en")
    assert [session.date for session in event.sessions] == [expected]


def test_event_key_without_ordinal_or_place() -> None:
    event = Event("forum", None, "forum", None, None, "2026", None, (), (), (0,), "")
    assert event_key(event) == "forum|||2026"


# --- rules ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "texts", "expected"),
    [
        # a common noun after "de" is no event: "principes de dialogue", "salle de conférence"
        ("fr", ["Le Maroc défend les principes de dialogue, de coopération et de solidarité."], []),
        ("fr", ["La salle de conférence du ministère à Rabat a été rénovée en mars 2024."], []),
        # an edition word carries the ordinal; the head names the kind
        (
            "fr",
            ["La 3e édition du Forum régional sur la migration s'est tenue à Dakar."],
            [(3, "forum", "Dakar")],
        ),
        ("ar", ["انعقدت الدورة الثالثة للمنتدى الإقليمي للهجرة في عمان."], [(3, "forum", None)]),
        (
            "en",
            ["The Fourth Regional Consultation Meeting took place in Bangkok."],
            [(4, "meeting", "Bangkok")],
        ),
        (
            "es",
            ["El 2º foro regional sobre migración se celebró en Ciudad de Panamá."],
            [(2, "forum", "Panama City")],
        ),
        # a meeting the gazetteer knows is an event, with the ordinal before its name; its
        # acronym alone is not
        (
            "en",
            ["Ministers met at the first International Migration Review Forum, held in New York."],
            [(1, "forum", "New York")],
        ),
        (
            "es",
            ["El segundo Foro de Examen de la Migración Internacional tendrá lugar en Nueva York."],
            [(2, "forum", "New York")],
        ),
        ("fr", ["Les États présenteront leurs progrès au FEMI."], []),
        # a state's review of its own implementation is a report, not a meeting
        ("en", ["Voluntary National Review of the Global Compact for Migration"], []),
        ("fr", ["Examen national volontaire du Pacte mondial sur les migrations, Tunisie"], []),
        ("es", ["Examen Nacional del Pacto Mundial para la Migración: Ecuador"], []),
        ("ar", ["الاستعراض الوطني الطوعي لتنفيذ الاتفاق العالمي من أجل الهجرة"], []),
        # a capitalised head alone, without name or facts, is no event
        ("es", ["Que cada Estado presente ante el Foro un informe sobre los objetivos."], []),
        ("en", ["We support the dialogue between countries of origin and destination."], []),
        # a city far from the mention is not its venue; a bare mention alone names nothing
        (
            "fr",
            [
                "Cette conférence régionale se tient dans le cadre d'une série de réunions en "
                "préparation de l'examen complet prévu à New York au mois de novembre 2024."
            ],
            [],
        ),
    ],
)
def test_what_makes_an_event(
    facts_of: Build, lang: str, texts: list[str], expected: list[tuple[int, str, str | None]]
) -> None:
    found = events_of(facts_of, texts, lang)
    assert [(e.ordinal, e.kind, e.city) for e in found] == expected


@pytest.mark.parametrize(
    ("lang", "texts", "name", "start", "organisers"),
    [
        (
            "fr",
            [
                "Deuxième conférence régionale d'examen du Pacte mondial dans la région arabe. "
                "Le Caire, 3 juillet 2024. Intervention de la délégation marocaine.",
                "Le Maroc remercie la Ligue des États arabes, la CESAO et l'OIM d'avoir réuni "
                "cette deuxième conférence d'examen, six ans après l'adoption du Pacte à "
                "Marrakech.",
            ],
            "Deuxième conférence régionale d'examen du Pacte mondial dans la région arabe",
            "2024-07-03",
            {"LAS", "ESCWA", "IOM"},
        ),
        (
            "ar",
            [
                "المؤتمر الإقليمي الثاني لاستعراض الاتفاق العالمي في المنطقة العربية. القاهرة، "
                "4 تموز/يوليو 2024.",
                "نشكر جامعة الدول العربية والمنظمة الدولية للهجرة على تنظيم هذا المؤتمر.",
            ],
            "المؤتمر الإقليمي الثاني لاستعراض الاتفاق العالمي في المنطقة العربية",
            "2024-07-04",
            {"LAS", "IOM"},
        ),
    ],
)
def test_statement_header_and_thanks(
    facts_of: Build, lang: str, texts: list[str], name: str, start: str, organisers: set[str]
) -> None:
    """A dateline after the title gives the venue; thanks name the organisers."""
    [event] = events_of(facts_of, texts, lang)
    assert (event.name, event.ordinal, event.city, event.start) == (name, 2, "Cairo", start)
    assert set(event.organisers) == organisers


def test_a_bare_mention_joins_the_main_event(facts_of: Build) -> None:
    texts = [
        "La deuxième réunion régionale d'examen s'est tenue à Amman les 10 et 11 mars 2025.",
        "La réunion a été organisée par la CESAO.",
        "Une réunion bilatérale est prévue à Genève en avril 2019.",
    ]
    [first, other] = events_of(facts_of, texts, "fr")
    assert (first.city, first.start, first.end, first.organisers) == (
        "Amman",
        "2025-03-10",
        "2025-03-11",
        ("ESCWA",),
    )
    assert first.passages == (0, 1)
    assert (other.city, other.start, other.ordinal) == ("Geneva", "2019-04", None)


@pytest.mark.parametrize(
    ("lang", "text", "kind", "country", "person"),
    [
        (
            "fr",
            "La table ronde sur la mobilité de la main-d'œuvre, présidée par la Jordanie, "
            "a réuni cinq intervenants.",
            "panel",
            "JO",
            None,
        ),
        (
            "en",
            "The round table on labour mobility, chaired by Ambassador Leila Haddad of "
            "Jordan, heard five speakers.",
            "panel",
            "JO",
            "Leila Haddad",
        ),
        (
            "es",
            "La mesa redonda sobre movilidad laboral, presidida por Jordania, reunió a "
            "cinco oradores.",
            "panel",
            "JO",
            None,
        ),
        ("ar", "وترأس الأردن حلقة نقاش حول تنقل العمالة.", "panel", "JO", None),
    ],
)
def test_chair_after_a_passive_or_verb_first_phrase(
    facts_of: Build, lang: str, text: str, kind: str, country: str, person: str | None
) -> None:
    opening = {
        "fr": "La deuxième conférence régionale d'examen s'est ouverte au Caire.",
        "en": "The second regional review conference opened in Cairo.",
        "es": "La segunda conferencia regional de examen se inauguró en El Cairo.",
        "ar": "انطلق في القاهرة مؤتمر الاستعراض الإقليمي الثاني.",
    }[lang]
    [event] = events_of(facts_of, [opening, text], lang)
    [session] = event.sessions
    assert (session.kind, session.chair_country, session.chair_person) == (kind, country, person)


def test_a_generic_session_needs_a_topic(facts_of: Build) -> None:
    texts = [
        "The second regional review conference opened in Cairo.",
        "The session was long.",
        "A session on migration data was also held.",
    ]
    [event] = events_of(facts_of, texts, "en")
    assert [s.title for s in event.sessions] == ["A session on migration data"]


@pytest.mark.parametrize(
    ("lang", "texts", "title", "country", "person"),
    [
        (
            "en",
            [
                "The third regional review conference opened in Tunis on 2 June 2025.",
                "Session 2: Skills partnerships (Objective 18)",
                "The session was chaired by Kenya. Speakers included Ms. Ruth Otieno, "
                "Director of Labour Migration at the Ministry of Labour of Kenya.",
            ],
            "Session 2: Skills partnerships (Objective 18)",
            "KE",
            None,
        ),
        (
            "fr",
            [
                "La troisième conférence régionale d'examen s'est ouverte à Tunis.",
                "Session 2 : Partenariats pour les compétences (objectif 18)",
                "Cette séance a été présidée par le Ghana, représenté par M. Kofi Mensah.",
            ],
            "Session 2 : Partenariats pour les compétences (objectif 18)",
            "GH",
            "Kofi Mensah",
        ),
        (
            "es",
            [
                "La tercera conferencia regional de examen se inauguró en Lima.",
                "Sesión 2: Alianzas para las competencias (objetivo 18)",
                "La sesión, presidida por el Perú, escuchó a la Sra. Rosa Quispe, directora de "
                "la Oficina Nacional de Empleo.",
            ],
            "Sesión 2: Alianzas para las competencias (objetivo 18)",
            "PE",
            None,
        ),
        (
            "ar",
            [
                "انطلق في تونس مؤتمر الاستعراض الإقليمي الثالث.",
                "الجلسة 2: شراكات المهارات (الهدف 18)\nترأس الجلسة الأردن.",
            ],
            "الجلسة 2: شراكات المهارات (الهدف 18)",
            "JO",
            None,
        ),
    ],
)
def test_a_numbered_session_heading_and_the_session_it_introduces(
    facts_of: Build, lang: str, texts: list[str], title: str, country: str, person: str | None
) -> None:
    """ "Session 2: <title>" names a session; "the session" after it is that session, and a
    person named after the chairing state chairs only when standing for it."""
    [event] = events_of(facts_of, texts, lang)
    [session] = event.sessions
    assert (session.title, session.chair_country, session.chair_person) == (
        title,
        country,
        person,
    )


@pytest.mark.parametrize(
    ("lang", "texts"),
    [
        (
            "en",
            [
                "Summary record of the 3rd meeting of the regional consultations",
                "Held at the United Nations House, Beirut, on Monday, 7 April 2025.",
                "The next meeting will be held on 12 May 2025.",
            ],
        ),
        (
            "fr",
            [
                "Compte rendu de la 3e réunion des consultations régionales",
                "Tenue à la Maison des Nations Unies, Beyrouth, le lundi 7 avril 2025.",
                "La prochaine réunion se tiendra le 12 mai 2025.",
            ],
        ),
    ],
)
def test_a_venue_line_under_a_title_and_the_next_meeting(
    facts_of: Build, lang: str, texts: list[str]
) -> None:
    """A line that opens with a venue phrase gives its place and day to the meeting the
    title names; "the next meeting" is another event."""
    meeting, upcoming = events_of(facts_of, texts, lang)
    assert (meeting.ordinal, meeting.city, meeting.start) == (3, "Beirut", "2025-04-07")
    assert (upcoming.ordinal, upcoming.start) == (None, "2025-05-12")


def test_no_event_words_no_events(facts_of: Build) -> None:
    assert find_events(facts_of(["Die zweite Konferenz fand in Kairo statt."], "de"), "de") == []
    assert find_events([], "fr") == []


# --- places -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "qui s'est tenue au Caire les 3 et 4 juillet", [("Caire", "Cairo", "EG")]),
        (
            "fr",
            "le Caire et Addis-Abeba",
            [("le Caire", "Cairo", "EG"), ("Addis-Abeba", "Addis Ababa", "ET")],
        ),
        (
            "es",
            "en El Cairo y en la Ciudad de México",
            [("El Cairo", "Cairo", "EG"), ("Ciudad de México", "Mexico City", "MX")],
        ),
        (
            "ar",
            "انطلقت بالقاهرة وللقاهرة",
            [("بالقاهرة", "Cairo", "EG"), ("وللقاهرة", "Cairo", "EG")],
        ),
        ("ar", "في الرياض وجدة", [("الرياض", "Riyadh", "SA"), ("وجدة", "Jeddah", "SA")]),
        (
            "en",
            "Sana'a, Kuwait City and New York",
            [
                ("Sana'a", "Sanaa", "YE"),
                ("Kuwait City", "Kuwait City", "KW"),
                ("New York", "New York", "US"),
            ],
        ),
        # secondary cities, camps and crossings of the Arab region
        (
            "en",
            "families in Irbid and the Zaatari camp",
            [("Irbid", "Irbid", "JO"), ("Zaatari", "Zaatari", "JO")],
        ),
        (
            "fr",
            "arrivés à Lattaquié puis à Tétouan",
            [("Lattaquié", "Latakia", "SY"), ("Tétouan", "Tetouan", "MA")],
        ),
        ("es", "desde Alhucemas", [("Alhucemas", "Al Hoceima", "MA")]),
        (
            "ar",
            "في إربد ومخيم الزعتري",
            [("إربد", "Irbid", "JO"), ("ومخيم الزعتري", "Zaatari", "JO")],
        ),
        # names inside other names, common words, ambiguous forms
        ("ar", "الدعم غير كاف والقنابل المسيلة للدموع في إطار الحكم الرشيد", []),
        ("en", "the Sale of Children and South Sudan", []),
        ("fr", "la Charte de Marrakech et le Processus de Rabat", []),
        ("en", "the Geneva Conventions and the Rome Statute", []),
        ("ar", "الرياضة ورياض الأطفال ومسقط رأسه", []),
        ("ar", "تونس وعمان والجزائر", []),
        ("es", "una lima y varios lagos", []),
        ("en", "Tunisia and Kuwait", []),
    ],
)
def test_find_places(lang: str, text: str, expected: list[tuple[str, str, str]]) -> None:
    places = find_places(text, lang)
    assert [(p.text, p.city, p.country) for p in places] == expected
    assert all(text[p.start : p.end] == p.text for p in places)


def test_places_of_an_unknown_language_use_every_name() -> None:
    assert [p.city for p in find_places("Treffen in Genf und Genève", "de")] == ["Geneva"]


def test_every_gazetteer_name_is_found_in_a_sentence() -> None:
    template = {
        "ar": "عقد الاجتماع في {} أمس.",
        "en": "The meeting was held in {} yesterday.",
        "es": "La reunión se celebró en {} ayer.",
        "fr": "La réunion s'est tenue à {} hier.",
    }
    missed = [
        (lang, name)
        for entry in load_places().places
        for lang, names in entry.names.items()
        for name in names
        if [p.city for p in find_places(template[lang].format(name), lang)] != [entry.city]
    ]
    assert missed == []


# --- data ---------------------------------------------------------------------------------


def test_place_gazetteer() -> None:
    spec = load_places()
    assert spec.version and spec.source
    assert len(spec.places) >= 70
    states = set(country_names())
    assert [e.city for e in spec.places if e.country not in states] == []
    assert len({e.city for e in spec.places}) == len(spec.places)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_event_words_load_and_agree(lang: str) -> None:
    words = load_event_words(lang)
    english = load_event_words("en")
    assert words is not None and english is not None
    assert words.language == lang and words.version and words.source
    assert set(words.heads) == set(english.heads)
    assert words.review_kind in words.heads
    assert set(words.sessions) == {"plenary", "high-level", "panel", "session"}
    assert set(words.ordinals) == set(range(1, 11))
    assert words.topic_connectors and words.speech and words.venue and words.stops


@pytest.mark.parametrize(
    ("name", "text", "problem"),
    [
        (
            "places.yaml",
            "version: '1'\nsource: s\nplaces:\n  - city: Tunis\n    country: TN\n"
            "    names: {en: [Tunis]}\n",
            "no names in",
        ),
        (
            "places.yaml",
            "version: '1'\nsource: s\nplaces:\n  - city: Tunis\n    country: tn\n"
            "    names: {en: [Tunis]}\n    note: why\n",
            "country",
        ),
    ],
)
def test_invalid_places_are_reported(tmp_path: Path, name: str, text: str, problem: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match=problem):
        load_model(path, PlacesSpec)


def test_invalid_event_words_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "xx.yaml"
    english = (Path(__file__).parents[2] / "src/gcm_review/data/events/en.yaml").read_text(
        encoding="utf-8"
    )
    path.write_text(english.replace("  plenary:", "  keynote:"), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"sessions\.keynote"):
        load_model(path, EventWords)


# --- what belongs to which meeting --------------------------------------------------------

DATELINED = {
    "fr": [
        "Tunis, 14 mars 2025 – La troisième conférence régionale d'examen du Pacte mondial sur "
        "les migrations s'est achevée hier à Tunis, après deux jours de débats tenus les 12 et "
        "13 mars 2025.",
    ],
    "es": [
        "Lima, 14 de marzo de 2025 – La tercera conferencia regional de examen del Pacto Mundial "
        "para la Migración concluyó ayer en Lima, tras dos jornadas de trabajo celebradas del "
        "12 al 13 de marzo de 2025.",
    ],
}


@pytest.mark.parametrize("lang", sorted(DATELINED))
def test_a_range_in_the_meeting_sentence_beats_the_dateline(facts_of: Build, lang: str) -> None:
    [event] = events_of(facts_of, DATELINED[lang], lang)
    assert (event.ordinal, event.start, event.end) == (3, "2025-03-12", "2025-03-13")


def test_a_chair_is_never_taken_from_the_next_sentence(facts_of: Build) -> None:
    texts = [
        "La troisième conférence régionale d'examen du Pacte mondial s'est tenue à Dakar les "
        "12 et 13 mars 2025.",
        "Le premier panel, consacré aux migrants disparus, était présidé par la République du "
        "Sénégal. Mme Awa Ndoye, directrice des Sénégalais de l'extérieur, a présenté le "
        "dispositif national.",
        "La séance de clôture était présidée par le Maroc, en la personne de M. Youssef "
        "Tazi, secrétaire général du ministère.",
    ]
    [event] = events_of(facts_of, texts, "fr")
    panel, closing = event.sessions
    assert (panel.chair_country, panel.chair_person) == ("SN", None)
    assert (closing.chair_country, closing.chair_person) == ("MA", "Youssef Tazi")


def test_the_nearest_place_and_date_go_to_the_meeting(facts_of: Build) -> None:
    texts = [
        "واعتمد المشاركون توصيات سترفع إلى منتدى استعراض الهجرة الدولية المقرر عقده في نيويورك "
        "في أيار/مايو 2026، على أن تستضيف العاصمة العمانية مسقط الاجتماع الإقليمي الثالث في "
        "العام المقبل.",
    ]
    forum, meeting = events_of(facts_of, texts, "ar")
    assert (forum.kind, forum.city, forum.start) == ("forum", "New York", "2026-05")
    assert (meeting.ordinal, meeting.city, meeting.start) == (3, "Muscat", "2025")


def test_a_bare_meeting_word_refers_back_to_the_meeting_named(facts_of: Build) -> None:
    texts = [
        "La deuxième conférence régionale d'examen du Pacte mondial s'est tenue à Rabat les 12 "
        "et 13 mars 2025. Organisée conjointement par l'OIM et la CEA, la rencontre a réuni "
        "une quarantaine de délégations.",
        "Une réunion préparatoire s'était tenue le 10 mars 2025 au siège de l'OIM à Rabat.",
    ]
    conference, preparatory = events_of(facts_of, texts, "fr")
    assert (conference.kind, conference.organisers) == ("conference", ("IOM", "ECA"))
    assert (preparatory.name, preparatory.start) == ("réunion préparatoire", "2025-03-10")
    assert preparatory.organisers == ()


def test_numbered_sessions_and_opening_ones_stay_apart(facts_of: Build) -> None:
    texts = [
        "انطلقت في بيروت يومي 12 و13 آذار/مارس 2025 أعمال الاجتماع الإقليمي الثاني لاستعراض "
        "الميثاق العالمي للهجرة.",
        "وترأست المملكة المغربية الجلسة الافتتاحية.",
        "وخصصت الجلسة الثانية، التي ترأستها الدكتورة ليلى حداد، لموضوع هجرة اليد العاملة.",
    ]
    [event] = events_of(facts_of, texts, "ar")
    opening, second = event.sessions
    assert (opening.title, opening.chair_country) == ("الجلسة الافتتاحية", "MA")
    assert (second.title, second.chair_person) == ("الجلسة الثانية", "ليلى حداد")


def test_the_meeting_on_one_of_its_days_is_the_meeting_named(facts_of: Build) -> None:
    texts = [
        "Delegations gathered in Bangkok on 11-12 March 2025 for the Second Regional Review of "
        "the Global Compact for Migration.",
        "Opening the meeting on Tuesday, the chair welcomed the delegations. The first session, "
        "on fair recruitment, was chaired by the Philippines.",
    ]
    facts = [
        PassageFacts(
            f.index,
            f.text,
            f.entities,
            tuple(find_dates(f.text, "en", datetime.date(2025, 3, 13))),
            f.people,
            f.places,
            (),
            (),
        )
        for f in facts_of(texts, "en")
    ]
    [event] = find_events(facts, "en")
    [session] = event.sessions
    assert (event.start, event.end) == ("2025-03-11", "2025-03-12")
    assert session.title == "The first session, on fair recruitment"


@pytest.mark.parametrize(
    ("lang", "text", "ordinal", "name"),
    [
        (
            "es",
            "Concluyó ayer en Santiago la XI Reunión Técnica del Proceso de Quito.",
            11,
            "XI Reunión Técnica del Proceso de Quito",
        ),
        (
            "en",
            "The second Asia-Pacific Regional Review of the Global Compact for Migration took "
            "place in Bangkok.",
            2,
            "second Asia-Pacific Regional Review of the Global Compact for Migration",
        ),
        # a verb of the headline ends the name
        (
            "en",
            "Third regional review of the migration compact concludes in Bangkok",
            3,
            "Third regional review of the migration compact",
        ),
    ],
)
def test_ordinals_in_roman_figures_or_before_a_region(
    facts_of: Build, lang: str, text: str, ordinal: int, name: str
) -> None:
    [event] = events_of(facts_of, [text], lang)
    assert (event.ordinal, event.name) == (ordinal, name)


def test_every_person_after_a_list_of_speakers_spoke(facts_of: Build) -> None:
    texts = [
        "The second regional review of the Global Compact for Migration was held in Bangkok "
        "on 5 and 6 June 2025. The panel on labour migration was chaired by Thailand. "
        "Speakers included Mr. Rohan Perera, Regional Director of the ILO, and Dr. Aiko "
        "Tanabe, Chief of the Data Section. Nepal spoke later.",
    ]
    [event] = events_of(facts_of, texts, "en")
    [panel] = event.sessions
    assert panel.speakers == ("Rohan Perera", "Aiko Tanabe")


def test_a_range_of_days_holding_the_day_first_known_spans_the_event(facts_of: Build) -> None:
    texts = [
        "The Third Regional Consultation on Labour Mobility closed in Amman on 12 March 2025 "
        "after two days of talks.",
        "The consultation, held on 11-12 March 2025, was organised by IOM.",
    ]
    [event] = events_of(facts_of, texts, "en")
    # the headline verb "closed" ends the name
    assert event.name == "Third Regional Consultation on Labour Mobility"
    assert (event.city, event.start, event.end) == ("Amman", "2025-03-11", "2025-03-12")
