"""The map stage: explicit references, cues with morphology, the relevance gate, evidence."""

from __future__ import annotations

import dataclasses

import pytest

from conftest import Analyse
from gcm_review import Engine, Evidence, MappingOptions, Options
from gcm_review.framework import FusionLayer
from gcm_review.mapping.fusion import (
    asserted,
    probabilities,
    probability,
    relevance_row,
    topic_prior,
)
from gcm_review.text import key_maker, tokenize


def _in_mode(engine: Engine, mode: str) -> Engine:
    """The shared engine in the full mode, a new one in the lexical mode."""
    return engine if mode == "full" else Engine(options=Options(mapping=MappingOptions(mode=mode)))


def objectives(engine: Engine, text: str, lang: str) -> list[int]:
    return [int(m.target) for m in engine.classify(text, lang).objectives]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Under Objective 15 of the Global Compact, clinics now serve all migrants.", "en", 15),
        ("Au titre de l'objectif n° 15 du PMM, les migrants sont soignés.", "fr", 15),
        (
            "Según el objetivo 20 del Pacto Mundial, las remesas de los migrantes crecieron.",
            "es",
            20,
        ),
        ("في إطار الهدف ١٥ من الاتفاق العالمي، يحصل المهاجرون على العلاج.", "ar", 15),
        ("وفي ما يتعلق بالهدف 21 من الاتفاق العالمي، عاد مئات المهاجرين.", "ar", 21),
        (
            "The fifteenth objective of the Global Compact guides our clinics for migrants.",
            "en",
            15,
        ),
        ("وينص الهدف الخامس عشر من الاتفاق العالمي على خدمات للمهاجرين.", "ar", 15),
        ("Paragraph 31 of the Global Compact asks states to serve migrants.", "en", 15),
    ],
)
def test_explicit_references_in_four_languages(
    engine: Engine, text: str, lang: str, expected: int
) -> None:
    mapping = engine.classify(text, lang)
    assert mapping.objectives[0].target == str(expected)
    assert any(e.kind == "reference" for e in mapping.objectives[0].evidence)


def test_lists_and_ranges_of_objectives(engine: Engine) -> None:
    found = objectives(
        engine, "Migrants benefit from work under objectives 6 and 22 of the GCM.", "en"
    )
    assert {6, 22} <= set(found)
    ranged = objectives(
        engine, "Our report on migrants covers objectives 5–7 of the Compact.", "en"
    )
    assert set(ranged) == {5, 6, 7}


@pytest.mark.parametrize("mode", ["full", "lexical"])
def test_every_cited_objective_is_asserted_beyond_the_usual_three(
    engine: Engine, mode: str
) -> None:
    """ "At most three objectives a passage" keeps the suggestions few; an enumeration the
    passage makes itself is kept whole."""
    text = "Que cada Estado informe al Foro sobre los objetivos 1, 3, 10 y 23 del Pacto Mundial."
    chosen = _in_mode(engine, mode)
    assert {m.target for m in chosen.classify(text, "es").objectives} == {"1", "3", "10", "23"}


def test_a_cited_objective_scores_at_least_its_threshold(engine: Engine) -> None:
    """The passage says it addresses objective 11, though it says nothing more of it: its
    score does not say it is unlikely."""
    text = "Under objectives 10 and 11, a shelter opened for the victims of trafficking."
    fusion = engine.framework.fusion
    assert fusion is not None
    scores = {m.target: m.score for m in engine.classify(text, "en").objectives}
    assert list(scores) == ["10", "11"]
    assert scores["11"] >= fusion.objective.thresholds.get("11", fusion.objective.threshold)


@pytest.mark.parametrize(
    ("text", "lang", "absent"),
    [
        (
            "Migrant health indicators follow SDG target 10.7 and objective 3.8 of the plan.",
            "en",
            10,
        ),
        ("Objective 15 of the national health strategy also covers migrants.", "en", 15),
        ("يسهم الهدف 15 من أهداف التنمية المستدامة في حماية المهاجرين.", "ar", 15),
        ("L'objectif 2 du Pacte mondial sur les réfugiés concerne aussi les migrants.", "fr", 2),
    ],
)
def test_numbers_of_other_frameworks_are_not_objectives(
    engine: Engine, text: str, lang: str, absent: int
) -> None:
    mapping = engine.classify(text, lang)
    references = [m for m in mapping.objectives if any(e.kind == "reference" for e in m.evidence)]
    assert str(absent) not in {m.target for m in references}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Flocks of cranes rest at the lake every spring before their migration north.", "en"),
        ("The IT team will migrate the accounting software to version 12 in March.", "en"),
        ("Le club a confirmé le transfert de son attaquant pour un montant record.", "fr"),
        ("La migración de las aves hacia el sur comenzó antes este año por el calor.", "es"),
        ("The ministry of health extended free dental check-ups to all pupils.", "en"),
    ],
)
def test_off_topic_passages_map_to_nothing(engine: Engine, text: str, lang: str) -> None:
    mapping = engine.classify(text, lang)
    assert mapping.objectives == () and mapping.statement_type == "none"


@pytest.mark.parametrize(
    ("text", "lang", "terms"),
    [
        # a verb of emigration, in any tense, is about people
        ("Cada año miles de jóvenes emigraron desde las aldeas del Atlas.", "es", {"strong"}),
        ("Des milliers de diplômés émigrent chaque année vers le Golfe.", "fr", {"strong"}),
        ("Thousands of nurses emigrated to the Gulf last year.", "en", {"strong"}),
        ("ويهاجرون كل عام بحثا عن عمل في الخليج.", "ar", {"weak"}),
        # "migrar" is also what birds do: a weak term, and the birds are off topic
        ("Las aves migran hacia el sur en otoño.", "es", {"weak", "off_topic"}),
        # the bodies of migration governance, by acronym too
        ("The IOM opened a field office in Obock last month.", "en", {"strong"}),
        ("La OIM abrió una oficina en Obock el mes pasado.", "es", {"strong"}),
    ],
)
def test_verbs_and_bodies_of_migration_are_relevance_terms(
    engine: Engine, text: str, lang: str, terms: set[str]
) -> None:
    assert engine.mapper.lexical.find(text, lang, tokenize(text)).terms == terms


# labour migration told without a migration word: the states it names are the clue
_IMPLICIT = (
    "Recruitment agencies in Nepal and Bangladesh charge heavy fees for jobs in Qatar and "
    "Malaysia, and many arrive already in debt."
)


def test_the_trained_relevance_layer_reads_the_states_named(engine: Engine) -> None:
    tokens = tokenize(_IMPLICIT)
    [encoded] = engine.mapper.encode([_IMPLICIT])
    lexical, rows = engine.mapper.features(
        _IMPLICIT, "en", tokens, encoded, engine.mapper.classifiers
    )
    assert not lexical.relevant  # no migration term: the relevance layer decides
    fusion = engine.framework.fusion
    assert fusion is not None
    by_states = [
        probability(fusion.relevance, relevance_row(lexical, rows["objective"], n, 0.5))
        for n in range(5)
    ]
    assert by_states[0] < by_states[1] < by_states[2] < by_states[3] == by_states[4]


def test_the_pipeline_gives_the_map_the_states_a_passage_names(engine: Engine) -> None:
    """With a relevance layer for which naming states is all that counts, the passage naming
    four is let in and the same passage naming none is not."""
    fusion = engine.framework.fusion
    assert fusion is not None
    only_states = fusion.relevance.model_copy(
        update={"coef": [0.0, 0.0, 0.0, 0.0, 0.0, 9.0, 0.0], "intercept": -3.0, "threshold": 0.5}
    )
    framework = dataclasses.replace(
        engine.framework, fusion=fusion.model_copy(update={"relevance": only_states})
    )
    strict = Engine(framework)
    assert strict.classify(_IMPLICIT, "en").relevant
    unnamed = _IMPLICIT.replace("Nepal and Bangladesh", "the hills").replace(
        "Qatar and Malaysia", "the city"
    )
    assert not strict.classify(unnamed, "en").relevant


@pytest.mark.parametrize(
    ("moved", "stayed", "lang"),
    [
        (
            "Drought forced thousands of families to leave their villages and look for work "
            "abroad.",
            "Drought cut wheat harvests by a third and food prices are expected to rise.",
            "en",
        ),
        (
            "La sequía obligó a miles de familias a abandonar sus tierras y buscar trabajo en "
            "otros países.",
            "La sequía redujo en un tercio las cosechas de trigo y los precios de los alimentos "
            "subirán.",
            "es",
        ),
    ],
)
def test_the_relevance_classifier_tells_people_moving_from_the_same_topic_without_them(
    engine: Engine, moved: str, stayed: str, lang: str
) -> None:
    """Neither passage has a migration term, so the relevance layer decides; the sentence
    vector tells the one where people leave from the one where only harvests suffer."""
    for text in (moved, stayed):
        assert not engine.mapper.lexical.find(text, lang, tokenize(text)).relevant
    assert engine.classify(moved, lang).relevant
    assert engine.classify(moved, lang).objectives[0].target == "2"
    assert not engine.classify(stayed, lang).relevant


def test_arabic_clitics_and_plural_forms_match_the_same_cue(engine: Engine) -> None:
    one = engine.classify("تيسير حصول المهاجرين على الخدمات الأساسية.", "ar")
    two = engine.classify(
        "وتيسّر الوزارة للمهاجرين الحصول على الخدمات الأساسية والرعاية الصحية.", "ar"
    )
    assert one.objectives[0].target == two.objectives[0].target == "15"


@pytest.mark.parametrize(
    ("construct", "plural"),
    [
        ("مهاجري", "المهاجرين"),
        ("لاجئي", "للاجئين"),
        ("ومواطني", "المواطنين"),
        ("لاجئو", "اللاجئون"),
    ],
)
def test_an_arabic_plural_in_the_construct_state_has_the_plural_key(
    construct: str, plural: str
) -> None:
    keys = key_maker("ar")
    assert keys.lemma_keys(construct) == keys.lemma_keys(plural)


def test_an_arabic_nisba_adjective_keeps_its_key() -> None:
    keys = key_maker("ar")  # "مغربي" (Moroccan) is not a construct form of a plural
    assert keys.lemma_keys("مغربي") == keys.lemma_keys("المغربية") != keys.lemma_keys("المغرب")


@pytest.mark.parametrize(
    ("plural", "singular"),
    [("inspecciones", "inspección"), ("revisiones", "revisión"), ("extorsiones", "extorsión")],
)
def test_a_spanish_plural_in_iones_has_its_singulars_key(plural: str, singular: str) -> None:
    keys = key_maker("es")  # the dictionary alone makes these plurals verbs ("inspeccionar")
    assert keys.lemma_keys(plural) == keys.lemma_keys(singular)


@pytest.mark.parametrize(
    "forms",
    [
        ("valla", "vallas"),  # the dictionary reads "vallas" as the verb "vallar"
        ("connacional", "connacionales"),
        ("rezago", "rezagos"),
        ("adecuado", "adecuada", "adecuados", "adecuadas"),
        ("supuesto", "supuesta", "supuestos", "supuestas"),
        ("ministro", "ministra", "ministras"),
    ],
)
def test_the_forms_of_a_spanish_word_share_one_key(forms: tuple[str, ...]) -> None:
    keys = key_maker("es")
    assert len({tuple(keys.lemma_keys(form)) for form in forms}) == 1


@pytest.mark.parametrize(
    "forms",
    [
        ("identifié", "identifiée", "identifiés", "identifiées"),  # "identifier" / "identifie"
        ("respecté", "respectée", "respectés", "respectées"),
        ("touché", "touchée", "touchés", "touchées"),
        ("signé", "signée", "signés", "signées"),
        ("lié", "liée", "liés", "liées"),  # too short for the ending rule: in the table
        ("nouveau", "nouvelle", "nouvelles"),
        ("établi", "établie", "établis", "établies"),
    ],
)
def test_the_forms_of_a_french_participle_share_one_key(forms: tuple[str, ...]) -> None:
    keys = key_maker("fr")
    assert len({tuple(keys.lemma_keys(form)) for form in forms}) == 1


def test_a_french_noun_in_ee_keeps_its_own_key() -> None:
    # "journée" has no masculine "journé" in the dictionary: it stays itself
    keys = key_maker("fr")
    assert keys.lemma_keys("journées") == keys.lemma_keys("journée") == ["journee"]


def test_a_labour_inspection_cue_reads_the_plural(engine: Engine) -> None:
    text = "Las inspecciones de trabajo en las fincas donde trabajan temporeros extranjeros."
    assert 6 in objectives(_in_mode(engine, "lexical"), text, "es")


def test_refugees_named_in_the_construct_state_are_about_migration(engine: Engine) -> None:
    mapping = engine.classify("تدهورت أوضاع لاجئي الروهينغا في مخيمات كوكس بازار.", "ar")
    assert mapping.relevant


def test_lemmas_match_inflected_forms(engine: Engine) -> None:
    text = "Remittances sent by migrant workers became cheaper as transfer costs fell."
    assert objectives(engine, text, "en")[0] == 20


def test_citing_an_objective_adds_nothing_to_its_cue_evidence(engine: Engine) -> None:
    plain = "Labour inspectors checked the recruitment fees charged to migrant workers."
    cited = "Under objective 6 of the Global Compact, and as objectives 6 and 22 ask, " + plain
    find = engine.mapper.lexical.find
    without, with_ = (find(text, "en", tokenize(text)) for text in (plain, cited))
    assert with_.totals("objective")["6"] > without.totals("objective")["6"]
    assert with_.cue_totals("objective")["6"] == without.cue_totals("objective")["6"] > 0
    named = "The delegation referred to objective 6 of the Global Compact for Migration."
    assert find(named, "en", tokenize(named)).cue_totals("objective") == {}


def test_evidence_spans_point_into_the_passage(engine: Engine) -> None:
    text = "Le Maroc garantit l'accès des migrants aux services de base, dont la santé."
    match = engine.classify(text, "fr").objectives[0]
    assert match.target == "15" and match.framework == "gcm@1.0.0"
    for evidence in match.evidence:
        if evidence.kind == "prototype":  # the framework's closest example statement
            assert evidence.start == evidence.end == 0 and 0 < evidence.weight <= 1
        else:
            assert text[evidence.start : evidence.end] == evidence.text
    assert 0 < match.score <= 1


@pytest.mark.parametrize("lang", ["ar", "en", "es", "fr"])
def test_the_prototype_shown_is_in_the_passage_language(engine: Engine, lang: str) -> None:
    text = {
        "ar": "وسعت الحكومة حصول المهاجرين على الرعاية الصحية والتعليم.",
        "en": "The government extended migrants' access to health care and schooling.",
        "es": "El gobierno amplió el acceso de los migrantes a la salud y la educación.",
        "fr": "Le gouvernement a élargi l'accès des migrants aux soins et à l'école.",
    }[lang]
    framework = engine.framework
    for match in engine.classify(text, lang).objectives:
        [shown] = [e.text for e in match.evidence if e.kind == "prototype"]
        statements = framework.prototypes[lang].objectives[int(match.target)]
        assert shown in statements


def test_principles_are_mapped_with_evidence(engine: Engine) -> None:
    mapping = engine.classify(
        "Civil society, trade unions and employers helped draft the plan that protects the human "
        "rights of all migrants.",
        "en",
    )
    principles = {m.target for m in mapping.principles}
    assert {"human rights", "whole-of-society"} <= principles


@pytest.mark.parametrize(
    ("mode", "text"),
    [
        (
            "full",
            "Hundreds of migrant children are held in immigration detention without any judicial "
            "review or access to a lawyer. We urge the authorities to release all children at "
            "once and to respect their human rights.",
        ),
        (
            "lexical",
            "With civil society, trade unions and employers, and in line with the 2030 Agenda, "
            "the ministries adopted a plan that protects the human rights of migrant women and "
            "unaccompanied children, guarantees access to justice and legal aid in every "
            "procedure, and relies on cooperation with neighbouring states.",
        ),
    ],
)
def test_a_passage_gets_at_most_two_principles_the_strongest(
    engine: Engine, mode: str, text: str
) -> None:
    capped = _in_mode(engine, mode).classify(text, "en").principles
    options = MappingOptions(mode=mode, max_principles=10)
    every = Engine(options=Options(mapping=options)).classify(text, "en").principles
    assert len(every) > 2
    assert [m.target for m in capped] == [m.target for m in every][:2]


def test_a_language_without_lexicon_maps_to_nothing(engine: Engine) -> None:
    mapping = engine.classify(
        "Die Regierung garantiert Migranten den Zugang zu Grunddiensten.", "de"
    )
    assert mapping.lang == "de" and mapping.objectives == ()


def test_lexical_mode_keeps_the_evidence_trail() -> None:
    lexical = Engine(options=Options(mapping=MappingOptions(mode="lexical")))
    assert not lexical.mapper.semantic
    mapping = lexical.classify("Le Maroc garantit l'accès des migrants aux services de base.", "fr")
    [match] = [m for m in mapping.objectives if m.target == "15"]
    assert match.evidence and all(e.kind in {"cue", "reference"} for e in match.evidence)
    off = lexical.classify("Millions of storks follow the migration route every autumn.", "en")
    assert off.objectives == () and off.statement_type == "none"


def test_the_topic_prior_follows_the_passage_objectives() -> None:
    table = {"8": {"human rights": 0.6, "child-sensitive": 0.1}, "20": {"human rights": 0.05}}
    sure = topic_prior({"8": 1.0, "20": 0.0}, table)
    assert sure == {"human rights": 0.6, "child-sensitive": 0.1}
    # two likely objectives share the weight; an unlikely one barely moves the prior
    shared = topic_prior({"8": 1.0, "20": 1.0}, table)
    assert shared["human rights"] == pytest.approx((0.6 + 0.05) / 2)
    faint = topic_prior({"8": 0.1}, table)
    assert faint["human rights"] == pytest.approx(0.06)


def test_a_target_with_its_own_threshold_is_asserted_by_it() -> None:
    # no reference; the second feature is the logit of the probability
    layer = FusionLayer(
        features=["reference", "x"],
        coef=[0.0, 1.0],
        intercept=0.0,
        threshold=0.5,
        top_threshold=0.5,
        thresholds={"strict": 0.8, "lenient": 0.3},
    )
    logit = {"strict": 1.0, "lenient": -0.5, "plain": 0.2}  # p = 0.73, 0.38, 0.55
    rows = {target: [0.0, z] for target, z in logit.items()}
    scores = probabilities(layer, rows)
    kept = [target for target, _ in asserted(layer, rows, scores, limit=3, strong=False)]
    assert kept == ["plain", "lenient"]  # "strict" is the best but under its own 0.8
    # in a passage clearly about migration the best target clears the lower top threshold
    kept = [target for target, _ in asserted(layer, rows, scores, limit=3, strong=True)]
    assert kept == ["strict", "plain", "lenient"]


def test_targets_have_thresholds_of_their_own(engine: Engine) -> None:
    fusion = engine.framework.fusion
    assert fusion is not None
    # chosen for the targets with many examples (national sovereignty has too few)
    own = fusion.principle.thresholds
    assert own and set(own) <= set(engine.framework.principles)
    assert "national sovereignty" not in own
    objectives = fusion.objective.thresholds
    assert objectives and set(objectives) <= {str(n) for n in engine.framework.objectives}


def test_the_principle_layer_reads_the_document_kind(engine: Engine) -> None:
    fusion = engine.framework.fusion
    assert fusion is not None and fusion.principle.features[-1] == "document_kind"
    kinds = fusion.principle_kinds
    # civil-society submissions speak of rights far more often than national reviews do
    assert kinds["stakeholder"]["human rights"] > 2 * kinds["national_review"]["human rights"]
    assert set(kinds["other"]) == set(engine.framework.principles)
    text = (
        "Migrant domestic workers described confiscated passports, unpaid wages and beatings "
        "by their employers."
    )
    scores = {}
    for kind in ("stakeholder", "national_review", None):
        mapping = engine.classify(text, "en", kind)
        scores[kind] = {m.target: m.score for m in mapping.principles}.get("human rights", 0.0)
    assert scores["stakeholder"] > scores[None] > scores["national_review"]


def test_the_principle_layer_reads_the_topic_prior(engine: Engine) -> None:
    fusion = engine.framework.fusion
    assert fusion is not None and "topic" in fusion.principle.features
    # every objective has a prior for every principle, a share between 0 and 1
    assert set(fusion.principle_topics) == {str(n) for n in engine.framework.objectives}
    for shares in fusion.principle_topics.values():
        assert set(shares) == set(engine.framework.principles)
        assert all(0 < share < 1 for share in shares.values())


@pytest.mark.parametrize(
    ("text", "lang", "principle"),
    [
        (
            "Migrant domestic workers described confiscated passports, unpaid wages and beatings "
            "by their employers.",
            "en",
            "human rights",
        ),
        (
            "Les travailleurs migrants ont subi des violences, du travail forcé et la confiscation "
            "de leurs passeports.",
            "fr",
            "human rights",
        ),
        (
            "Los niños migrantes no acompañados esperan meses la designación de un tutor y la "
            "determinación de su edad.",
            "es",
            "child-sensitive",
        ),
        (
            "شاركت النقابات العمالية ومنظمات المجتمع المدني وجمعيات المهاجرين في إعداد الخطة.",
            "ar",
            "whole-of-society",
        ),
    ],
)
def test_principles_are_read_from_content(text: str, lang: str, principle: str) -> None:
    lexical = Engine(options=Options(mapping=MappingOptions(mode="lexical")))
    assert principle in {m.target for m in lexical.classify(text, lang).principles}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Remittances sent by migrants reached 4 billion dollars; the average transfer cost "
            "fell to 5 per cent.",
            "en",
        ),
        ("Bien des migrants ignorent que le consulat délivre désormais les passeports.", "fr"),
        ("أعلنت الوزارة بالتنسيق مع وزارة الداخلية تمديد تصاريح عمل العمال المهاجرين.", "ar"),
    ],
)
def test_a_neutral_migration_passage_carries_no_principle(text: str, lang: str) -> None:
    lexical = Engine(options=Options(mapping=MappingOptions(mode="lexical")))
    assert lexical.classify(text, lang).principles == ()


def test_moving_migrants_is_no_remittance(engine: Engine) -> None:
    """ "تحويل" is converting or moving as well as transferring money: alone it is no cue."""
    moved = engine.classify("قامت السلطات بتحويل المهاجرين الناجين إلى مراكز الإيواء.", "ar")
    assert "20" not in [m.target for m in moved.objectives]
    sent = engine.classify("ارتفعت التحويلات المالية للمهاجرين إلى بلدانهم الأصلية.", "ar")
    assert [m.target for m in sent.objectives][:1] == ["20"]


@pytest.mark.parametrize(
    ("text", "lang", "target"),
    [
        ("Las muertes de personas migrantes en el desierto aumentaron este año.", "es", "8"),
        ("Le nombre de personnes migrantes disparues en mer a doublé.", "fr", "8"),
    ],
)
def test_a_person_noun_before_the_group_keeps_the_cue(text: str, lang: str, target: str) -> None:
    """Rights-based writing says "personas migrantes": cues naming "migrantes" still match."""
    lexical = Engine(options=Options(mapping=MappingOptions(mode="lexical")))
    [match] = [m for m in lexical.classify(text, lang).objectives if m.target == target]
    assert any("person" in e.text for e in match.evidence)


def _cue_hits(engine: Engine, text: str, lang: str) -> list[tuple[str, str]]:
    found = engine.mapper.lexical.find(text, lang, tokenize(text))
    return [(hit.target[1], hit.text) for hit in found.hits]


@pytest.mark.parametrize(
    ("text", "lang", "cue"),
    [
        ("Se duplicaron los cursos gratuitos de español para adultos.", "es", "cursos de español"),
        ("Le pays a ouvert des cours gratuits de français.", "fr", "cours de français"),
        ("تحسين الخدمات الرقمية القنصلية للمواطنين", "ar", "الخدمات القنصلية"),
    ],
)
def test_a_cue_is_read_with_one_word_inside_it(
    engine: Engine, text: str, lang: str, cue: str
) -> None:
    """Adjectives follow their noun in Spanish, French and Arabic: one word may stand inside
    a cue, and the hit spans it (in the full mode; the lexical mode reads cues whole)."""
    [(target, _)] = _cue_hits(engine, cue, lang)  # the cue itself is in the lexicon
    assert any(
        found == target and len(words.split()) == len(cue.split()) + 1
        for found, words in _cue_hits(engine, text, lang)
    )
    lexical = Engine(options=Options(mapping=MappingOptions(mode="lexical")))
    assert not any(
        len(words.split()) > len(cue.split()) for _, words in _cue_hits(lexical, text, lang)
    )


def test_a_cue_is_not_read_across_a_negation(engine: Engine) -> None:
    assert ("5", "migración regular") in _cue_hits(engine, "La migración regular aumentó.", "es")
    for text, lang in [
        ("La migración no regular aumentó.", "es"),
        ("تتزايد الهجرة غير النظامية عبر الحدود", "ar"),
    ]:
        assert not any(target == "5" for target, _ in _cue_hits(engine, text, lang))


def test_a_cue_is_not_read_across_a_word_bound_to_its_neighbour(engine: Engine) -> None:
    """In "autonomisation des travailleurs migrants", "travailleurs migrants" is a phrase of
    the lexicon: the passage is not about the "autonomisation des migrants" of objective 16."""
    assert ("16", "autonomisation des migrants") in _cue_hits(
        engine, "Le programme soutient l'autonomisation des migrants.", "fr"
    )
    hits = _cue_hits(
        engine, "Le programme soutient l'autonomisation des travailleurs migrants.", "fr"
    )
    assert not any(target == "16" for target, _ in hits)


def test_a_cue_found_whole_is_not_counted_again_with_a_gap(engine: Engine) -> None:
    # "regular migration pathways" is whole; "regular pathways" read across "migration"
    # would be the same evidence again
    hits = _cue_hits(engine, "We will expand regular migration pathways for workers.", "en")
    assert [words for target, words in hits if target == "5"] == ["regular migration pathways"]


_UNFILED = {  # a passage about work inspection that names no objective and no migrant
    "ar": "افتتحت الوزارة اثني عشر مكتبا إقليميا في عام 2023 ودربت أربعمئة مفتش.",
    "en": "The ministry opened twelve regional offices in 2023 and trained 400 inspectors.",
    "es": "El ministerio abrió doce oficinas regionales en 2023 y formó a 400 inspectores.",
    "fr": "Le ministère a ouvert douze bureaux régionaux en 2023 et formé 400 inspecteurs.",
}


@pytest.mark.parametrize(
    ("lang", "heading", "objective"),
    [
        ("ar", "الهدف 12: تعزيز اليقين في إجراءات الهجرة", "12"),
        ("en", "Objective 6: Fair and ethical recruitment > 6.1 Recruitment fees", "6"),
        ("es", "Objetivo 16 – Empoderar a los migrantes", "16"),
        ("fr", "Rapport national > Objectif 2 : réduire les facteurs négatifs", "2"),
    ],
)
@pytest.mark.parametrize("mode", ["full", "lexical"])
def test_a_passage_is_filed_under_the_objective_its_heading_cites(
    engine: Engine, mode: str, lang: str, heading: str, objective: str
) -> None:
    mapper = engine.mapper
    if mode == "lexical":
        mapper = Engine(options=Options(mapping=MappingOptions(mode="lexical"))).mapper
    text = _UNFILED[lang]
    alone = mapper.map_passage(text, lang)
    assert objective not in {m.target for m in alone.objectives}
    filed = mapper.map_passage(text, lang, heading=heading)
    first = filed.objectives[0]
    assert filed.relevant and first.target == objective and first.score >= 0.95
    [title] = [e for e in first.evidence if e.kind == "heading"]
    assert title.text in heading.split(" > ") and title.start == title.end == 0


@pytest.mark.parametrize(
    ("heading", "filed"),
    [
        ("Objective 6: Fair recruitment > Objective 7: Vulnerabilities", {"7"}),  # the nearest
        ("Objectives 2 and 5: drivers and pathways", {"2", "5"}),
        ("Objectives 2, 5, 6 and 12", set()),  # a group, not the passage's own
        ("Part II: the 23 objectives > Implementation", set()),
        ("SDG 8: Decent work", set()),
        ("", set()),
    ],
)
def test_the_nearest_heading_citing_at_most_three_objectives_files_the_passage(
    engine: Engine, heading: str, filed: set[str]
) -> None:
    assert set(engine.mapper.filed_under(heading, "en")) == filed


def test_a_heading_may_cite_an_objective_by_its_ordinal(engine: Engine) -> None:
    # in the body of a text an ordinal needs the Compact named beside it; a heading does not
    mapper = engine.mapper
    assert set(mapper.filed_under("الهدف السادس: التوظيف العادل", "ar")) == {"6"}
    assert set(mapper.filed_under("Objetivo sexto", "es")) == {"6"}
    assert mapper.lexical.citations("Objetivo sexto", "es") == []


@pytest.mark.parametrize(
    ("lang", "heading", "filed"),
    [
        ("en", "Chapter 3 > 3.2 Fair recruitment and decent work > Challenges", {"6"}),
        ("en", "IV. Return and reintegration", {"21"}),
        ("en", "Regular pathways", {"5"}),  # the short label of objective 5
        ("fr", "Accès aux services de base", {"15"}),
        ("fr", "Retour et réintégration > Objectif 22 : portabilité", {"22"}),  # the nearest
        ("es", "Alternativas a la detención", {"13"}),
        ("es", "Remesas", {"20"}),
        ("ar", "رابعا: العودة وإعادة الإدماج", {"21"}),
        ("ar", "ثانيا: مكافحة الاتجار بالأشخاص", {"10"}),
        ("ar", "Access to basic services", {"15"}),  # a heading left in English
        # another name the framework gives the objective, whole or inside the heading
        ("fr", "Gestion des frontières", {"11"}),
        ("en", "3.4 Integrated border management", {"11"}),
        ("fr", "Lutte contre la traite des personnes", {"10"}),
        ("es", "Reducción de vulnerabilidades", {"7"}),
        ("ar", "مكافحة الاتجار بالبشر", {"10"}),
        # no objective: the Compact's name, another framework, words of no title, generic
        ("en", "Review of the Global Compact for Safe, Orderly and Regular Migration", set()),
        ("fr", "Examen du Pacte mondial pour des migrations sûres, ordonnées et régulières", set()),
        ("en", "SDG 8: Decent work and economic growth", set()),
        ("en", "Labour migration", set()),
        # two words of a name ("Human rights at international borders") are not the name
        ("en", "Human rights of migrants", set()),
        ("fr", "Droits humains des migrants", set()),
        ("en", "Methodology and data sources", set()),
        ("es", "Desafíos y próximos pasos", set()),
        ("ar", "مقدمة", set()),
    ],
)
def test_a_heading_may_name_an_objective_by_its_title(
    engine: Engine, lang: str, heading: str, filed: set[str]
) -> None:
    found = engine.mapper.filed_under(heading, lang)
    assert set(found) == filed
    for evidence in found.values():
        assert evidence.kind == "heading" and evidence.text in heading.split(" > ")


@pytest.mark.parametrize(
    ("lang", "heading", "principle"),
    [
        ("en", "Whole-of-society approach", "whole-of-society"),
        ("en", "3.1 Rule of law and access to justice", "rule of law and due process"),
        ("fr", "Égalité des genres", "gender-responsive"),
        ("es", "Niñez migrante", "child-sensitive"),
        ("ar", "حقوق الإنسان", "human rights"),
        ("en", "Objective 6 > Gender > Challenges", "gender-responsive"),  # the nearest
        ("en", "Fair recruitment and decent work", None),
        ("fr", "Défis", None),
    ],
)
def test_a_heading_may_name_a_guiding_principle(
    engine: Engine, lang: str, heading: str, principle: str | None
) -> None:
    found = engine.mapper.filed_under(heading, lang, "principle")
    assert list(found) == ([principle] if principle else [])


def test_a_principles_name_names_no_objective_that_merely_holds_its_words(engine: Engine) -> None:
    mapper = engine.mapper
    # objective 19's title ends "... contribute to sustainable development in all countries"
    assert mapper.filed_under("Sustainable development", "en") == {}
    assert list(mapper.filed_under("Sustainable development", "en", "principle")) == [
        "sustainable development"
    ]
    # "International cooperation" is also objective 23's short label: both
    assert list(mapper.filed_under("International cooperation", "en")) == ["23"]
    assert list(mapper.filed_under("International cooperation", "en", "principle")) == [
        "international cooperation"
    ]


@pytest.mark.parametrize("mode", ["full", "lexical"])
def test_a_passage_under_a_principles_heading_has_the_principle(engine: Engine, mode: str) -> None:
    chosen = _in_mode(engine, mode)
    text = "The ministry of labour opened twelve offices for migrant workers in 2024."
    mapping = chosen.classify(text, "en", heading="Review > Whole-of-society approach")
    [principle] = [p for p in mapping.principles if p.target == "whole-of-society"]
    assert principle.evidence[0].kind == "heading"
    assert principle.evidence[0].text == "Whole-of-society approach"
    assert "whole-of-society" not in {p.target for p in chosen.classify(text, "en").principles}


@pytest.mark.parametrize("mode", ["full", "lexical"])
@pytest.mark.parametrize(
    ("text", "lang", "phrase"),
    [
        (
            "The national strategy on labour migration follows a people-centred approach: "
            "migrant workers were consulted at every stage.",
            "en",
            "people-centred approach",
        ),
        (
            "La estrategia nacional de migración laboral adopta un enfoque centrado en las "
            "personas: se consultó a los trabajadores migrantes en cada etapa.",
            "es",
            "enfoque centrado en las personas",
        ),
        (
            "La stratégie nationale sur la migration de travail adopte une approche centrée sur "
            "la personne : les travailleurs migrants ont été consultés à chaque étape.",
            "fr",
            "approche centrée sur la personne",
        ),
        (
            "تعتمد الاستراتيجية الوطنية لهجرة العمل نهجاً محوره الإنسان، إذ جرت استشارة العمال "
            "المهاجرين في كل مرحلة.",
            "ar",
            "نهجاً محوره الإنسان",
        ),
    ],
)
def test_a_passage_that_invokes_a_principle_by_name_has_it(
    engine: Engine, mode: str, text: str, lang: str, phrase: str
) -> None:
    """Whatever the model makes of the rest, as a passage citing an objective has it."""
    mapping = _in_mode(engine, mode).classify(text, lang)
    [principle] = [p for p in mapping.principles if p.target == "people-centred"]
    assert principle.evidence[0].kind == "reference"
    assert principle.evidence[0].text == phrase
    assert text[principle.evidence[0].start : principle.evidence[0].end] == phrase


def test_invoking_a_principle_makes_no_passage_about_migration(engine: Engine) -> None:
    text = "The ministry of health applies a whole-of-government approach to hospital budgets."
    for mode in ("full", "lexical"):
        mapping = _in_mode(engine, mode).classify(text, "en")
        assert not mapping.relevant and mapping.principles == ()


def test_analysis_files_passages_under_their_heading(analyse_text: Analyse) -> None:
    text = (
        "# National review\n\n## Objective 6: Fair and ethical recruitment\n\n"
        f"{_UNFILED['en']}\n\n## Weather\n\n{_UNFILED['en']}\n\n"
        f"## Return and reintegration\n\n{_UNFILED['en']}\n"
    )
    analysed = analyse_text(text).passages
    assert [p.passage.heading for p in analysed] == [
        "National review > Objective 6: Fair and ethical recruitment",
        "National review > Weather",
        "National review > Return and reintegration",
    ]
    under, outside, named = (p.mapping.objectives for p in analysed)
    assert under[0].target == "6" and under[0].evidence[0].kind == "heading"
    assert "6" not in {m.target for m in outside}
    assert named[0].target == "21" and named[0].evidence[0].text == "Return and reintegration"


def test_a_paragraph_that_opens_by_citing_an_objective_files_its_later_passages(
    analyse_text: Analyse,
) -> None:
    sentences = [
        "The labour inspectorate opened twelve regional offices in 2023.",
        "It trained four hundred inspectors in the new procedures.",
        "They visited nineteen hundred companies in the first year.",
        "Most visits took place in construction and agriculture.",
        "Fines were imposed on one company in ten.",
        "The results were published in a yearly report to parliament.",
    ] * 3
    body = " ".join(sentences)
    cited_late = "The inspectorate grew again this year, as the national plan for objective 6 asks."
    analysed = analyse_text(f"Objective 6: {body}\n\n{cited_late} {body}\n").passages
    first = [p for p in analysed if p.passage.paragraph == 0]
    second = [p for p in analysed if p.passage.paragraph == 1]
    assert len(first) > 1 and len(second) > 1  # each paragraph split into sentence windows
    later = first[-1].mapping.objectives
    assert later and later[0].target == "6"
    assert later[0].evidence[0] == Evidence("Objective 6", 0, 0, "heading", 3.0)
    # a citation that does not open the paragraph speaks for its own passage only
    assert "6" not in {m.target for m in second[-1].mapping.objectives}
