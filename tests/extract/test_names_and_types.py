"""The extract stage: states from names in four languages, organisations, statement types."""

from __future__ import annotations

import pytest

from gcm_review import Engine, MappingOptions, Options, known_kind
from gcm_review.errors import ConfigError
from gcm_review.extract.statements import (
    STATEMENT_CUES,
    STATEMENT_FEATURES,
    STATEMENT_INPUTS,
    TENSES,
    StatementClassifier,
    tense_counts,
    type_of_section,
)
from gcm_review.framework import LinearLayer
from gcm_review.segment import first_sentence_end
from gcm_review.text import tokenize


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Le Royaume du Maroc a présidé la séance.", ["MA"]),
        ("أكدت المملكة المغربية التزامها بالاتفاق.", ["MA"]),
        ("Los trabajadores marroquíes residentes en España enviaron más dinero.", ["MA", "ES"]),
        (
            "Jordan and Egypt presented their reviews; Moroccan officials listened.",
            ["JO", "EG", "MA"],
        ),
        ("La réunion s'est tenue à Genève sans les États-Unis.", ["CH", "US"]),
        ("تعمل دول المغرب العربي على تنسيق سياساتها.", []),
        # an Arabic name's words must stand as written, a proclitic aside: forests
        # ("الغابات") share a key with Gabon ("الغابون") once their endings are dropped
        ("أطلقت الوزارة مشروعا لحماية الغابات في الغابون.", ["GA"]),
        ("وقّعت المغربيات والبحرين وللمغرب على الإعلان.", ["MA", "BH"]),
        ("South Sudan and Sudan signed a labour agreement.", ["SS", "SD"]),
        # Amman (عمّان) and Oman (عُمان) are one word without vowels: only the long form is Oman
        ("عقدت الورشة في عمّان يوم الأحد.", []),
        ("وقعت سلطنة عمان اتفاقا للهجرة.", ["OM"]),
        # codes ISO 3166-1 only reserves are no states
        ("Los cayucos navegan hacia las Islas Canarias.", []),
        # a demonym that names a language is no state; the same word as an adjective is
        ("Free Swedish lessons are offered to refugees in Malmö.", []),
        ("Greek and Turkish coastguards met in Ankara; migrants learn Greek.", ["GR", "TR"]),
        ("Les réfugiés suivent des cours d'allemand ; les autorités allemandes financent.", ["DE"]),
        ("El curso de neerlandés empieza en marzo para los solicitantes de asilo.", []),
        ("تقدم دروس اللغة الفرنسية للمهاجرين بينما تمول الحكومة الفرنسية البرنامج.", ["FR"]),
        # a region of one state named after another is neither
        ("Seasonal workers from Mexico pick fruit in British Columbia and New Mexico.", ["MX"]),
        ("Des travailleurs saisonniers arrivent en Colombie-Britannique.", []),
        ("Los migrantes varados en el cantón de Una-Sana piden ayuda.", []),
        ("La Embajada Británica en Madrid financia el programa.", ["GB", "ES"]),
        ("يعمل مهاجرون مكسيكيون في كولومبيا البريطانية.", ["MX"]),
    ],
)
def test_countries(engine: Engine, text: str, codes: list[str]) -> None:
    assert engine.classify(text).countries == codes


GCC = ["BH", "KW", "OM", "QA", "SA", "AE"]


@pytest.mark.parametrize(
    ("text", "lang", "codes"),
    [
        ("Recruitment fees charged to workers bound for GCC countries remain high.", "en", GCC),
        (
            "Les pays de l'UMA ont adopté une feuille de route commune.",
            "fr",
            ["DZ", "LY", "MR", "MA", "TN"],
        ),
        (
            "Los Estados miembros del Consejo de Cooperación del Golfo y Filipinas firmaron.",
            "es",
            [*GCC, "PH"],
        ),
        ("تستضيف دول مجلس التعاون الخليجي ملايين العمال المهاجرين.", "ar", GCC),
        # "the Council's states" once the passage has named the Gulf Cooperation Council
        ("أعلن مجلس التعاون الخليجي أن مواطني دول المجلس يحتفظون بحقوقهم التقاعدية.", "ar", GCC),
        (
            "The Gulf Cooperation Council said Council member states will share pension data.",
            "en",
            GCC,
        ),
        # ... and not otherwise, nor where only the body or the region is named
        ("Council member states adopted the resolution by consensus.", "en", []),
        ("The Gulf Cooperation Council secretariat met the IOM regional office.", "en", []),
        ("Many workers leave for Gulf countries every year.", "en", []),
    ],
)
def test_a_bloc_named_together_is_each_of_its_members(
    engine: Engine, text: str, lang: str, codes: list[str]
) -> None:
    mapping = engine.classify(text, lang)
    assert mapping.countries == codes
    blocs = [e for e in mapping.entities if e.type == "country" and len(e.text.split()) > 1]
    assert all(text[e.start : e.end] == e.text for e in blocs)


def test_capitalised_names_need_a_capital_in_the_text(engine: Engine) -> None:
    assert engine.classify("They will turkey-trot to chad about it.", "en").countries == []


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("The IOM office opened in Amman.", "IOM"),
        ("L'OIM a soutenu le programme.", "IOM"),
        ("وقدمت المنظمة الدولية للهجرة الدعم.", "IOM"),
        ("organisée par l'ONU. Réseau Migration et la Ligue arabe", "UNNM"),
        # literal forms of machine translation
        ("The Network of the United Nations on the Migration welcomed it.", "UNNM"),
        ("The Organization International for the Migrations opened an office.", "IOM"),
        ("رحبت شبكة الأمم المتحدة على الهجرة بالاتفاق.", "UNNM"),
        ("La CESAO a publié un rapport.", "ESCWA"),
        ("La Red convoca la reunión junto con la CESPAP.", "ESCAP"),
        ("la Asociación de Naciones del Asia Sudoriental aprobó el plan", "ASEAN"),
        ("le Réseau régional des Nations Unies sur les migrations pour l'Asie", "UNNM"),
    ],
)
def test_organisations_in_four_languages(engine: Engine, text: str, organisation: str) -> None:
    assert organisation in engine.classify(text).organisations


def test_entities_carry_spans_and_values(engine: Engine) -> None:
    text = "Le Royaume du Maroc et l'OIM ont signé un accord sur les migrants."
    entities = engine.classify(text, "fr").entities
    assert [(e.type, e.value) for e in entities] == [("country", "MA"), ("organisation", "IOM")]
    assert all(text[e.start : e.end] == e.text for e in entities)


@pytest.mark.parametrize(
    ("text", "lang", "kind"),
    [
        (
            "States should guarantee migrants access to health care regardless of status.",
            "en",
            "recommendation",
        ),
        (
            "The Government will set up a fund for migrant workers' return by 2026.",
            "en",
            "commitment",
        ),
        (
            "Le Ministère a lancé en 2023 une formation pour les travailleurs migrants.",
            "fr",
            "practice",
        ),
        (
            "Sin embargo, persisten obstáculos para que los migrantes accedan a la salud.",
            "es",
            "challenge",
        ),
        ("تلتزم الحكومة بتوسيع الحماية الاجتماعية لتشمل العمال المهاجرين.", "ar", "commitment"),
        # reported speech and first-person plural forms, as summaries and submissions write them
        (
            "The delegate urged States to open regular pathways for migrant care workers.",
            "en",
            "recommendation",
        ),
        (
            "Nous recommandons que les migrants aient accès aux soins quel que soit leur statut.",
            "fr",
            "recommendation",
        ),
        (
            "Durante 2024 persistieron las barreras para que los migrantes accedan a la salud.",
            "es",
            "challenge",
        ),
        ("ونطالب بتمكين العمال المهاجرين من تغيير صاحب العمل دون موافقته.", "ar", "recommendation"),
    ],
)
def test_statement_types(
    engine: Engine, lexical_engine: Engine, text: str, lang: str, kind: str
) -> None:
    assert engine.classify(text, lang).statement_type == kind
    assert lexical_engine.classify(text, lang).statement_type == kind


@pytest.fixture(scope="module")
def lexical_engine() -> Engine:
    return Engine(options=Options(mapping=MappingOptions(mode="lexical")))


def test_the_lexical_mode_has_a_statement_model_of_its_own(lexical_engine: Engine) -> None:
    """Trained on the phrase weights alone: the lexical mode has no sentence vector."""
    model = lexical_engine.extractor.statements.model
    assert model is not None and not model.uses_vector
    assert model.named == len(STATEMENT_CUES)


@pytest.mark.parametrize(
    ("text", "phrase_types"),
    [
        # "بلدات" (towns) and "فرّت" (fled) reduce to the keys of "بدأت" (began) and "وفرت"
        # (provided): neither is read as a practice
        ("فرّت عشرات الأسر من البلدات الحدودية.", set()),
        # "توصي", "توصية" and "التوصيات" share one key: one mention counts once
        ("مراجعة التوصيات.", {"recommendation"}),
    ],
)
def test_arabic_statement_phrases_count_once_and_only_their_word(
    engine: Engine, text: str, phrase_types: set[str]
) -> None:
    statements = engine.extractor.statements
    sums = statements.cue_weights("ar", tokenize(text))
    found = {t for t, weight in zip(STATEMENT_FEATURES, sums, strict=True) if weight}
    assert found == phrase_types
    assert max(sums) <= 1.0


@pytest.mark.parametrize(
    ("text", "lang", "tenses"),
    [
        # a future and a conditional by their endings; "mayoría", "secretaría" are nouns
        ("La secretaría ampliará el registro y debería simplificarlo.", "es", [1, 1, 0]),
        ("La mayoría de los consulados atendía a los migrantes.", "es", [0, 0, 1]),
        # a perfect: the auxiliary, then a participle within two words
        ("El Gobierno ha ya aprobado la ley y creó un fondo.", "es", [0, 0, 2]),
        ("La France renforcera l'accueil ; elle pourrait aussi régulariser.", "fr", [1, 1, 0]),
        # "a" is an auxiliary, "à" is not; "plus" is no participle
        ("Le ministère a mis en place un guichet à Lyon ; il y a plus d'usagers.", "fr", [0, 0, 1]),
        ("We will expand the scheme; the ministry has been reviewing it.", "en", [1, 0, 1]),
        ("وسيتم توسيع البرنامج بعد أن تم اعتماد السياسة.", "ar", [1, 0, 1]),
        ("Une caméra filme la frontière.", "fr", [0, 0, 0]),
    ],
)
def test_verb_tenses_are_read_from_endings_words_and_auxiliaries(
    text: str, lang: str, tenses: list[int]
) -> None:
    assert tense_counts(lang, tokenize(text)) == [float(n) for n in tenses]
    assert len(tenses) == len(TENSES)


def test_the_trained_statement_model_reads_tenses(engine: Engine) -> None:
    """Phrase weights and tense counts both reach the model, in the order it was trained on."""
    fusion = engine.framework.fusion
    assert fusion is not None
    assert tuple(fusion.statement.features) == STATEMENT_INPUTS
    text = "Se ampliará el registro."
    features = engine.extractor.statements.features("es", tokenize(text), len(text))
    assert len(features) == len(STATEMENT_CUES) + len(TENSES)
    assert features[len(STATEMENT_CUES)] == 1.0  # the future of "ampliará"


def test_the_first_sentence_has_phrase_weights_of_its_own(engine: Engine) -> None:
    """A measure described, then a gap admitted: the lead weights hold the measure only."""
    text = (
        "The ministry has launched a hotline for migrant workers. "
        "However, many workers still lack access to it."
    )
    lead = first_sentence_end(text)
    assert text[:lead].endswith("workers.")
    weights = engine.extractor.statements.cue_weights("en", tokenize(text), lead)
    whole = dict(zip(STATEMENT_FEATURES, weights[: len(STATEMENT_FEATURES)], strict=True))
    first = dict(zip(STATEMENT_FEATURES, weights[len(STATEMENT_FEATURES) :], strict=True))
    assert whole["practice"] > 0 and whole["challenge"] > 0
    assert first["practice"] == whole["practice"] and first["challenge"] == 0
    assert len(engine.extractor.statements.cue_weights("en", tokenize(text))) == len(
        STATEMENT_FEATURES
    )


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("pledge", {"commitment"}),
        ("national_review", {"practice"}),
        ("stakeholder", {"challenge", "recommendation"}),
    ],
)
def test_the_document_kind_shifts_an_undecided_statement_type(
    engine: Engine, lexical_engine: Engine, kind: str, expected: set[str]
) -> None:
    """A heading-like passage with no tense or modality takes the type its kind implies, in
    both modes."""
    text = "Protección social para los trabajadores migrantes y portabilidad de sus prestaciones."
    assert engine.classify(text, "es", kind).statement_type in expected
    assert lexical_engine.classify(text, "es", kind).statement_type in expected


@pytest.mark.parametrize(
    ("lang", "heading", "expected"),
    [
        ("en", "Objective 6 > 6.2 Gaps and challenges", "challenge"),
        ("en", "Next steps > Objective 6", "commitment"),  # the nearest that names a type
        ("fr", "Recommandations", "recommendation"),
        # one recommendation, or many
        ("es", "RECOMENDACIÓN FINAL", "recommendation"),
        ("en", "Key challenge", "challenge"),
        ("ar", "التوصية", "recommendation"),
        ("es", "Objetivo 15 > Buenas prácticas", "practice"),
        ("ar", "الهدف 6 > التحديات", "challenge"),
        ("ar", "Next steps", "commitment"),  # a heading left in English
        ("en", "Challenges and the way forward", None),  # two types: neither
        ("fr", "Engagement de la diaspora", None),  # "engagement" is no section of pledges
        ("en", "Objective 6: Fair recruitment", None),
        ("en", "", None),
    ],
)
def test_a_section_heading_names_a_statement_type(
    lang: str, heading: str, expected: str | None
) -> None:
    assert type_of_section(heading, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "heading", "alone", "expected"),
    [
        (
            "es",
            "Los trabajadores migrantes domésticos tienen acceso a los tribunales laborales.",
            "Desafíos",
            "practice",
            "challenge",
        ),
        (
            "ar",
            "يحصل العمال المهاجرون على الخدمات الصحية في المراكز العامة.",
            "الخطوات المقبلة",
            "practice",
            "commitment",
        ),
        (
            "fr",
            "Les travailleurs migrants domestiques ont accès aux tribunaux du travail.",
            "Prochaines étapes",
            "practice",
            "commitment",
        ),
        # the passage's own clear words outweigh its section's name
        (
            "en",
            "The government will open a shelter for migrant domestic workers in 2026.",
            "Challenges",
            "commitment",
            "commitment",
        ),
    ],
)
def test_the_section_heading_shifts_the_statement_type(
    engine: Engine,
    lexical_engine: Engine,
    lang: str,
    text: str,
    heading: str,
    alone: str,
    expected: str,
) -> None:
    for mode in (engine, lexical_engine):
        assert mode.classify(text, lang).statement_type == alone
        assert mode.classify(text, lang, heading=heading).statement_type == expected


def test_known_kind_reads_kind_or_genre() -> None:
    assert known_kind({"kind": "pledge"}) == "pledge"
    assert known_kind({"genre": "un_update"}) == "un_update"
    assert known_kind({"genre": "negative"}) is None
    assert known_kind({"kind": "other"}) is None
    assert known_kind({"text": "x"}) is None


@pytest.mark.parametrize(
    ("text", "lang", "codes"),
    [
        ("The municipality of Casablanca opened a desk for migrant workers.", "en", ["MA"]),
        ("La mairie de Tunis offre des cours d'arabe aux nouveaux arrivants.", "fr", ["TN"]),
        # a meeting's host city names its host state, not an actor
        ("Una conferencia sobre las remesas se celebró en Ginebra.", "es", ["CH"]),
        ("The regional workshop on migration data was held in Beirut.", "en", ["LB"]),
    ],
)
def test_a_city_names_its_state_not_acting(
    engine: Engine, text: str, lang: str, codes: list[str]
) -> None:
    mapping = engine.classify(text, lang)
    assert mapping.countries == codes
    assert not any(e.actor for e in mapping.entities if e.type == "country" and e.value in codes)


def test_a_heading_has_no_statement_type_but_keeps_its_objectives(engine: Engine) -> None:
    heading = engine.classify("Objectif 15 : Accès des migrants aux services de base", "fr")
    assert heading.statement_type == "none"
    assert "15" in [m.target for m in heading.objectives]
    sentence = engine.classify("Le Maroc a ouvert ses centres de santé aux migrants.", "fr")
    assert sentence.statement_type != "none"


def test_a_statement_layer_reads_its_features_by_name() -> None:
    """A layer trained before the first sentence's weights were features still reads the
    phrase weights it knows; a feature this version does not compute is a clear error."""
    layer = LinearLayer(
        classes=list(STATEMENT_FEATURES),
        features=list(STATEMENT_FEATURES),
        vector=False,
        coef=[[float(i == j) for j in range(5)] for i in range(5)],
        intercept=[0.0] * 5,
    )
    classifier = StatementClassifier("report", layer)
    text = "The ministry has launched a hotline for migrant workers. We urge donors to fund it."
    weights = classifier.cue_weights("en", tokenize(text))
    best = STATEMENT_FEATURES[max(range(5), key=weights.__getitem__)]
    assert best in {"practice", "recommendation"}
    lead = first_sentence_end(text)
    assert classifier.classify("en", tokenize(text), True, lead=lead) == best
    assert classifier.classify("en", tokenize(text), True) == best
    with pytest.raises(ConfigError, match="framework train"):
        StatementClassifier("report", layer.model_copy(update={"features": ["mood"] * 5}))
