"""Acting states and states merely named: subjects, agent phrases, lists and addressees."""

from __future__ import annotations

import pytest

from gcm_review.extract import Extractor

extractor = Extractor()


def acting(text: str, lang: str) -> dict[str, bool]:
    return {e.value: e.actor for e in extractor.entities(text, lang=lang) if e.type == "country"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the subject of the sentence acts; a place is merely named
        ("Le Maroc a présidé la séance à Genève.", "fr", {"MA": True}),
        ("Workers returned to Nepal last year.", "en", {"NP": False}),
        # an agent phrase introduces an acting state, wherever it stands
        (
            "La séance d'ouverture, consacrée aux voies régulières, était présidée par le "
            "Royaume du Maroc.",
            "fr",
            {"MA": True},
        ),
        (
            "Intervenant ensuite au nom de la délégation tunisienne, le conseiller a insisté "
            "sur la portabilité des droits.",
            "fr",
            {"TN": True},
        ),
        (
            "The second session, on fair recruitment and decent work, was chaired by the "
            "Philippines.",
            "en",
            {"PH": True},
        ),
        (
            "La primera sesión, dedicada a la integración, fue presidida por la República "
            "Oriental del Uruguay.",
            "es",
            {"UY": True},
        ),
        (
            "وعقدت الجلسة الثانية حول العمل اللائق برئاسة المملكة الأردنية الهاشمية.",
            "ar",
            {"JO": True},
        ),
        # a state its representative speaks for acts
        (
            "Más tarde, la representante del Perú anunció que su gobierno ampliará el programa.",
            "es",
            {"PE": True},
        ),
        ("كما أشار ممثل جمهورية مصر العربية إلى أن القاهرة أطلقت حملة وطنية", "ar", {"EG": True}),
        # "his country" is the nearest state named before it in its sentence
        (
            "Intervino el viceministro de Movilidad Humana del Ecuador, quien destacó que su país "
            "ha regularizado a 100.000 personas venezolanas.",
            "es",
            {"EC": True, "VE": False},
        ),
        (
            "Mme Awa Koné, ministre ivoirienne, a indiqué que son pays a ouvert trois centres.",
            "fr",
            {"CI": True},
        ),
        # a state opening a clause inside the sentence acts
        (
            "Jordan presented its labour reforms, while Egypt reported on its pre-departure "
            "orientation.",
            "en",
            {"JO": True, "EG": True},
        ),
        (
            "The adviser told participants that Tunisia had signed three agreements.",
            "en",
            {"TN": True},
        ),
        (
            "Le rapport a été publié le 15 juillet, et le Chili et l'Uruguay ont signé un accord.",
            "fr",
            {"CL": True, "UY": True},
        ),
        ("El informe señala que el Perú amplió el programa.", "es", {"PE": True}),
        ("وأكد الوزير أن الأردن أطلق برنامجا جديدا.", "ar", {"JO": True}),
        # ... but not a state in a list, nor one a clause ends on
        ("Le rapport cite plusieurs pays de la région tels que le Maroc.", "fr", {"MA": False}),
        ("It is a decision that affects Nepal.", "en", {"NP": False}),
        # a statement's first person addresses the states it names
        (
            "Nous invitons l'Italie et la Libye à renforcer la coopération.",
            "fr",
            {"IT": False, "LY": False},
        ),
        ("Instamos a Panamá a ampliar el programa.", "es", {"PA": False}),
        ("ونطالب إيطاليا ومالطا بوقف عمليات الإعادة القسرية.", "ar", {"IT": False, "MT": False}),
        # the state after a verb of chairing or hosting is its subject (verb first)
        (
            "حوار أبوظبي الذي انعقد في دبي يومي 14 و15 أيار/مايو الماضيين، وترأسته الفلبين.",
            "ar",
            {"PH": True},
        ),
        ("وتستضيف مصر الاجتماع المقبل.", "ar", {"EG": True}),
        # "كل من" opens a list of subjects
        (
            "اعتمدت كل من مصر والأردن والمغرب خططا وطنية.",
            "ar",
            {"EG": True, "JO": True, "MA": True},
        ),
        # the agent of a passive acts
        (
            "Le rapport dénonce les expulsions collectives pratiquées par l'Algérie et la Tunisie.",
            "fr",
            {"DZ": True, "TN": True},
        ),
        ("The report welcomes the reforms recently adopted by Qatar.", "en", {"QA": True}),
        ("El informe cita las deportaciones masivas realizadas por Chile.", "es", {"CL": True}),
        ("ويدين التقرير الانتهاكات المرتكبة من قبل ليبيا.", "ar", {"LY": True}),
        # the subject of a passive addressing verb is addressed
        ("Nepal was urged to ratify the convention.", "en", {"NP": False}),
        ("Nepal and Bhutan were invited to share their data.", "en", {"NP": False, "BT": False}),
        ("Le Niger a été invité à présenter son rapport.", "fr", {"NE": False}),
        ("El Perú fue instado a ampliar el programa.", "es", {"PE": False}),
        # a list goes on past the articles of its items, and a bloc can be spoken for
        (
            "Au nom de l'Algérie, la Libye, la Mauritanie et le Maroc, je remercie la présidence.",
            "fr",
            {"DZ": True, "LY": True, "MR": True, "MA": True},
        ),
        (
            "Je parle au nom des pays de l'UMA.",
            "fr",
            {"DZ": True, "LY": True, "MR": True, "MA": True, "TN": True},
        ),
        ("نوصي ماليزيا بالسماح للمنظمات غير الحكومية بزيارة المراكز.", "ar", {"MY": False}),
        # ... in the future too
        ("Mexico and Peru will be invited to the next round.", "en", {"MX": False, "PE": False}),
        ("Le Mexique et le Pérou seront invités à la réunion.", "fr", {"MX": False, "PE": False}),
        ("Honduras será invitado a presentar su informe.", "es", {"HN": False}),
        ("ودُعي الأردن إلى تقديم تقريره الوطني.", "ar", {"JO": False}),
        ("Nepal urged Bhutan, which was invited to speak.", "en", {"NP": True, "BT": False}),
        # an abbreviation's dot ends no sentence; a semicolon ends the clause before it
        (
            "Selon le Dr. Ndiaye, le Sénégal a adopté sa stratégie nationale.",
            "fr",
            {"SN": True},
        ),
        (
            "Ghana chaired the session; later the debate turned to Nepal's pilot scheme.",
            "en",
            {"GH": True, "NP": False},
        ),
        # a state listed with an acting one acts too
        (
            "La Côte d'Ivoire et le Burkina Faso ont présenté leurs plans nationaux.",
            "fr",
            {"CI": True, "BF": True},
        ),
        ("Jordan and Egypt presented their reviews.", "en", {"JO": True, "EG": True}),
        ("قدّم الأردن ومصر والمغرب تقاريرها الوطنية.", "ar", {"JO": True, "EG": True, "MA": True}),
        # an addressing verb introduces a state addressed, not acting
        (
            "She urged Australia and New Zealand to widen their schemes.",
            "en",
            {"AU": False, "NZ": False},
        ),
        ("Le réseau exhorte le Niger à protéger les migrants.", "fr", {"NE": False}),
        ("La red instó a Guatemala a proteger a los migrantes.", "es", {"GT": False}),
    ],
)
def test_acting_or_named(text: str, lang: str, expected: dict[str, bool]) -> None:
    assert acting(text, lang) == expected
