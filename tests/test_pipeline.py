"""The stages run in order on real files; ingest is idempotent and survives bad files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fpdf import FPDF

from conftest import Analyse
from gcm_review import DocumentInfo, Engine, SQLiteStore, ingest, read_document
from gcm_review.language import detect_language
from gcm_review.mapping import Mapper
from gcm_review.models import HEADING_SEPARATOR
from gcm_review.normalise import normalise_block
from gcm_review.present.records import analysis_record
from gcm_review.segment import split_passages


def test_stages_in_order_on_a_fixture(fixtures: Path, engine: Engine) -> None:
    document = read_document(fixtures / "statement_fr.docx")
    clean = [normalise_block(b) for b in document.blocks]
    passages = split_passages(document.id, clean)
    assert passages and all(p.document_id == document.id for p in passages)
    assert {detect_language(p.text) for p in passages} == {"fr"}
    mapper = Mapper(engine.framework)
    found = [mapper.map_passage(p.text, "fr") for p in passages]
    assert any(m.objectives and m.objectives[0].target == "15" for m in found)


def test_analyse_uses_the_declared_country_as_actor(fixtures: Path, engine: Engine) -> None:
    document = read_document(fixtures / "news_es.html")
    analysed = engine.analyse(document, DocumentInfo(country="ES", kind="news"))
    assert analysed.lang == "es"
    assert all(p.actors == ("ES",) for p in analysed.passages)
    undeclared = engine.analyse(document)
    assert any("MA" in p.actors for p in undeclared.passages)


def test_mixed_language_pdf_gets_a_language_per_passage(fixtures: Path, engine: Engine) -> None:
    analysed = engine.analyse(read_document(fixtures / "review_en_ar.pdf"))
    langs = {p.passage.page: p.mapping.lang for p in analysed.passages}
    assert langs == {1: "en", 2: "ar"}


def test_ingest_directory_with_bad_files(fixtures: Path, tmp_path: Path, engine: Engine) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ("statement_fr.docx", "news_ar.html", "corrupt.pdf", "encrypted.pdf", "empty.txt"):
        shutil.copy(fixtures / name, folder / name)
    (folder / "sub").mkdir()
    shutil.copy(fixtures / "submission_en.md", folder / "sub" / "note.md")
    with SQLiteStore(tmp_path / "c.db") as store:
        report = ingest([folder], store, engine=engine)
        assert len(report.added) == 3
        assert {Path(p).name for p, _ in report.failed} == {
            "corrupt.pdf",
            "encrypted.pdf",
            "empty.txt",
        }
        assert all(reason for _, reason in report.failed)
        again = ingest([folder], store, engine=engine)
        assert again.added == [] and len(again.unchanged) == 3
        assert len(store.documents()) == 3


FR, EN = (
    "Nous avons élargi la protection sociale des travailleurs migrants et de leurs familles.",
    "We have extended social protection to migrant workers and their families.",
)
ES, AR = (
    "Hemos ampliado la protección social de los trabajadores migrantes y sus familias.",
    "نلتزم بتوسيع الحماية الاجتماعية لتشمل العمال المهاجرين وأسرهم.",
)


@pytest.mark.parametrize(
    ("heading", "body", "speaker"),
    [
        ("Déclaration de la délégation de la République islamique de Mauritanie", FR, "MR"),
        ("Statement by the Delegation of the Republic of Ghana", EN, "GH"),
        ("Declaración de la Delegación de la República de Guatemala", ES, "GT"),
        ("بيان وفد جمهورية العراق أمام الاجتماع الإقليمي", AR, "IQ"),
        # a body after the state is the venue
        (
            "Declaración de la Delegación de Colombia en el Foro de Examen de la Migración "
            "Internacional",
            ES,
            "CO",
        ),
        # the states a state speaks on behalf of do not speak
        ("Statement by Bahrain on behalf of the GCC countries", EN, "BH"),
        (
            "Déclaration conjointe du Maroc au nom des États membres de l'Union du Maghreb arabe",
            FR,
            "MA",
        ),
        # a topic, an organisation, or two states: no one state speaks
        ("Déclaration sur la situation des migrants au Soudan", FR, None),
        ("Statement by IOM and the Government of Ghana", EN, None),
        ("Statement by Ghana and Nigeria", EN, None),
        ("Rabat accueille la conférence régionale du Maroc", FR, None),
    ],
)
def test_a_statement_heading_gives_the_state_the_document_speaks_for(
    analyse_text: Analyse, heading: str, body: str, speaker: str | None
) -> None:
    analysed = analyse_text(f"{heading}\n\n{body}\n")
    assert analysed.info.country == speaker
    expected = (speaker,) if speaker else ()
    assert all(p.actors == expected for p in analysed.passages[1:])
    declared = analyse_text(f"{heading}\n\n{body}\n", DocumentInfo(country="TN"))
    assert declared.info.country == "TN"


@pytest.mark.parametrize(
    ("title", "body", "kind"),
    [
        (
            "Voluntary National Review of the Global Compact for Migration: Ghana",
            EN,
            "national_review",
        ),
        ("Chair's summary of the third regional review", EN, "conference_record"),
        ("Examen national volontaire de la Tunisie", FR, "national_review"),
        ("Communiqué de presse : l'OIM salue l'accord", FR, "news"),
        ("Resumen de la Presidencia: segunda reunión regional", ES, "conference_record"),
        ("موجز الرئيس: الاجتماع الإقليمي الثاني", AR, "conference_record"),
        ("Migration in the Sahel", EN, "other"),
    ],
)
def test_a_title_names_the_kind_of_document(
    analyse_text: Analyse, title: str, body: str, kind: str
) -> None:
    analysed = analyse_text(f"{title}\n\n{body}\n")
    assert analysed.info.kind == kind
    declared = analyse_text(f"{title}\n\n{body}\n", DocumentInfo(kind="pledge"))
    assert declared.info.kind == "pledge"


def test_a_city_inside_a_name_or_a_state_inside_a_city(analyse_text: Analyse) -> None:
    surname, city = analyse_text(
        "Verónica Sáez Lagos, coordinadora de la red, habló en San Salvador.\n\n"
        "La reunión prevista en Lagos fue aplazada.\n"
    ).passages
    assert [p.name for p in surname.people] == ["Verónica Sáez Lagos"]
    assert [p.city for p in surname.places] == ["San Salvador"]
    states = [(e.text, e.value) for e in surname.mapping.entities if e.type == "country"]
    assert states == [("San Salvador", "SV")]
    assert [p.city for p in city.places] == ["Lagos"] and city.mapping.countries == ["NG"]


def test_a_state_acting_in_another_states_statement(analyse_text: Analyse) -> None:
    text = (
        "Statement by the Delegation of the Republic of Kenya\n\n"
        "Kenya aligns itself with the statement delivered by Ghana on behalf of the African "
        "Group, and we urge Italy to open more regular pathways.\n"
    )
    analysed = analyse_text(text)
    # the title is a heading; the passage is Kenya's statement: Ghana still acts in it, Italy
    # is addressed
    [passage] = analysed.passages
    assert passage.passage.heading == "Statement by the Delegation of the Republic of Kenya"
    assert passage.actors == ("KE",)
    acting = {row["code"]: row["actor"] for row in analysis_record(analysed)["countries"]}
    assert acting == {"KE": True, "GH": True, "IT": False}


def test_a_short_heading_does_not_outvote_the_text(analyse_text: Analyse) -> None:
    analysed = analyse_text(
        "Bulletin\n\nLa CESAP et l'OIM organiseront le troisième Forum régional sur les "
        "migrations à Bangkok du 18 au 20 novembre 2025.\n"
    )
    assert analysed.lang == "fr"
    [forum] = analysed.events
    assert (forum.ordinal, forum.city, forum.start, forum.end) == (
        3,
        "Bangkok",
        "2025-11-18",
        "2025-11-20",
    )
    assert set(forum.organisers) == {"ESCAP", "IOM"}  # "organiseront": the future organises too


def test_a_review_structured_by_objective_is_mapped_by_its_headings(
    engine: Engine, tmp_path: Path
) -> None:
    """A PDF made for the test: a table of contents, then a section per objective."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 13)
    pdf.cell(0, 10, "Contents", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    for entry in ("Objective 1: Data ........ 2", "Objective 6: Recruitment ........ 3"):
        pdf.cell(0, 7, entry, new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 13)
    pdf.cell(0, 10, "Objective 6: Fair and ethical recruitment", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(
        0, 6, "The labour inspectorate opened twelve regional offices and trained 400 inspectors."
    )
    path = tmp_path / "review.pdf"
    pdf.output(str(path))
    [passage] = engine.analyse(read_document(path)).passages  # the contents give none
    assert passage.passage.heading == "Objective 6: Fair and ethical recruitment"
    first = passage.mapping.objectives[0]
    assert first.target == "6" and first.evidence[0].kind == "heading"


def test_a_section_keeps_its_heading_path_across_pages(engine: Engine, review_pdf: Path) -> None:
    """The running header of every page neither becomes a passage nor cuts the path: the
    "Challenges" of objective 6, two pages on, is still filed under it."""
    document = read_document(review_pdf)
    passages = engine.analyse(document).passages
    assert not any("Ruritania" in p.passage.text for p in passages)
    [challenges] = [p for p in passages if p.passage.page == 3]
    assert challenges.passage.heading.split(HEADING_SEPARATOR)[1:] == [
        "Chapter 2: Progress by objective",
        "Objective 6: Fair and ethical recruitment",
        "Challenges",
    ]
    assert challenges.mapping.objectives[0].target == "6"
    assert challenges.mapping.objectives[0].evidence[0].kind == "heading"
    [last] = [p for p in passages if p.passage.page == 4]
    assert last.passage.heading.endswith("Chapter 3: Next steps")
    assert "6" not in {m.target for m in last.mapping.objectives}
    # the paragraph the first page break cut is one passage, from page 1 into page 2
    first_page = [p.passage for p in passages if p.passage.page == 1]
    assert len(first_page) == 5
    on_page_2 = [p.passage.text for p in passages if p.passage.page == 2]
    assert on_page_2 == ["1 Decree 45 of 2023 on recruitment agencies."]  # the footnote alone
    cut = first_page[-1]
    assert cut.text.endswith("the agency lodges when it is licensed.")
    assert "Page 1 of 4" not in cut.text and "Ruritania" not in cut.text
    assert document.pages[1][: cut.end].endswith("lodges when it is licensed.")


def test_a_passage_takes_the_statement_type_its_section_names(analyse_text: Analyse) -> None:
    text = "Les travailleurs migrants domestiques ont accès aux tribunaux du travail."
    analysed = analyse_text(f"# Examen national\n\n{text}\n\n## Prochaines étapes\n\n{text}\n")
    alone, under = (p.mapping.statement_type for p in analysed.passages)
    assert (alone, under) == ("practice", "commitment")


def test_a_plain_texts_headings_file_and_type_its_passages(analyse_text: Analyse) -> None:
    """A review kept as plain text: "Challenges" under "2.1 Fair recruitment and decent
    work" is filed under objective 6 and read as a challenge."""
    analysed = analyse_text(
        "National review of the Republic of Kenya\n\n2. Progress by objective\n\n"
        "2.1 Fair recruitment and decent work\n\nChallenges\n\n"
        "The inspectorate has twelve inspectors for the whole country.\n"
    )
    [passage] = analysed.passages
    assert passage.passage.heading.split(HEADING_SEPARATOR) == [
        "National review of the Republic of Kenya",
        "2. Progress by objective",
        "2.1 Fair recruitment and decent work",
        "Challenges",
    ]
    assert passage.mapping.objectives[0].target == "6"
    assert passage.mapping.statement_type == "challenge"
