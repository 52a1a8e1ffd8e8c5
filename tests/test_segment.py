"""Passages never cross a paragraph and keep page, span and heading path."""

from __future__ import annotations

import pytest

from gcm_review.models import Block
from gcm_review.normalise import normalise_block
from gcm_review.segment import SegmentOptions, split_passages, split_sentences
from gcm_review.text import sentence_ends_before, tokenize


def test_abbreviations_do_not_end_sentences() -> None:
    text = "M. Dupont a parlé. H.E. Mr. Smith agreed. أكد الوزير ذلك. وقال إن العمل مستمر."
    sentences = [text[s:e] for s, e in split_sentences(text)]
    assert sentences == [
        "M. Dupont a parlé.",
        "H.E. Mr. Smith agreed.",
        "أكد الوزير ذلك.",
        "وقال إن العمل مستمر.",
    ]


def test_headings_give_the_path_and_long_paragraphs_are_windowed() -> None:
    page = "Review\n\nHealth\n\n" + " ".join(f"Sentence number {i} is here." for i in range(40))
    blocks = [
        Block("heading", "Review", 1, 0, 1),
        Block("heading", "Health", 1, 8, 2),
        Block("paragraph", page[16:], 1, 16),
    ]
    passages = split_passages("doc", [normalise_block(b) for b in blocks], SegmentOptions(300, 200))
    assert len(passages) > 3
    assert {p.heading for p in passages} == {"Review > Health"}
    assert {p.paragraph for p in passages} == {0}
    assert all(len(p.text) <= 300 for p in passages)
    for passage in passages:
        assert page[passage.start : passage.end] == passage.text
    assert [p.index for p in passages] == list(range(len(passages)))


def test_the_items_of_a_list_are_passages_of_their_own() -> None:
    page = (
        "Recommendations:\n- Jordan should  extend wage protection.\n"
        "- Egypt should open resource centres.\n2. Morocco should publish data.\n"
    )
    passages = split_passages("d", [normalise_block(Block("paragraph", page, 1, 10))])
    texts = [p.text for p in passages]
    assert texts == [
        "Recommendations:",
        "- Jordan should extend wage protection.",
        "- Egypt should open resource centres.",
        "2. Morocco should publish data.",
    ]
    assert {p.paragraph for p in passages} == {0}
    for passage in passages:  # each span points into the page the block came from
        assert page[passage.start - 10 : passage.end - 10].split() == passage.text.split()
    # one dash opens no list; a dash inside a line is no item
    single = split_passages("d", [normalise_block(Block("paragraph", "A - B.\n- C.", 1, 0))])
    assert [p.text for p in single] == ["A - B. - C."]


def test_items_are_told_by_the_readers_patterns() -> None:
    # lettered and Roman items, Arabic letters and Word's symbol-font bullet open items in a
    # block that no reader split, as they do in the readers
    page = (
        "Se recomienda:\n(a) ampliar los consulados;\n(b) abrir ventanillas únicas.\n"
        "iii) publicar los datos.\nب) تعزيز الحماية.\n\uf0b7 Revisar la ley.\n"
    )
    passages = split_passages("d", [normalise_block(Block("paragraph", page, 1, 0))])
    assert [p.text for p in passages] == [
        "Se recomienda:",
        "(a) ampliar los consulados;",
        "(b) abrir ventanillas únicas.",
        "iii) publicar los datos.",
        "ب) تعزيز الحماية.",
        "\uf0b7 Revisar la ley.",
    ]


def test_a_table_of_contents_gives_no_passage() -> None:
    contents = [
        "Objective 1: Collect and utilize accurate data ........ 5\n"
        "Objective 2: Minimize adverse drivers . . . . . . 7\nAnnex",
        "الهدف 6: التوظيف العادل …… ١٢",
        "Objetivo 15: Acceso a servicios básicos ____ 31",
    ]
    kept = [
        "The budget rose to 2.5 million in 2023, up from 1.9 million in 2021 and 1.2 in 2019",
        "Objective 1 is met. Objective 2 ........ 5\nObjective 3 is met.\nObjective 4 is met.",
    ]
    blocks = [normalise_block(Block("paragraph", text, 1, 0)) for text in contents + kept]
    assert [p.text.split()[:2] for p in split_passages("d", blocks)] == [
        ["The", "budget"],
        ["Objective", "1"],
    ]


def test_a_list_of_abbreviations_gives_no_passage() -> None:
    glossaries = [
        "IOM – International Organization for Migration\nILO: International Labour "
        "Organization\nMoL Ministry of Labour\nUNODC United Nations Office on Drugs and Crime",
        "OIT : Organisation internationale du Travail\nHCR : Haut-Commissariat des Nations "
        "Unies pour les réfugiés\nONG : organisations non gouvernementales",
        "IOM المنظمة الدولية للهجرة\nILO منظمة العمل الدولية\nUNHCR المفوضية السامية للاجئين",
    ]
    kept = [
        # a paragraph whose lines open with the names of bodies, not with their acronyms
        "IOM, UNHCR and ILO signed the plan in 2023.\nIOM and the ministry trained 40 "
        "inspectors.\nUNHCR opened two offices.",
        "IOM – International Organization for Migration\nILO – International Labour Organization",
    ]
    blocks = [normalise_block(Block("paragraph", text, 1, 0)) for text in glossaries + kept]
    assert [p.text.split()[:2] for p in split_passages("d", blocks)] == [
        ["IOM,", "UNHCR"],
        ["IOM", "–"],  # two lines are too few to call a list of abbreviations
    ]


def test_a_paragraph_a_page_break_cut_is_one_passage() -> None:
    pages = [
        "Title\n\nThe ministry opened twelve offices for migrant",
        "workers in 2023. It hired staff.",
    ]
    blocks = [
        Block("heading", "Title", 1, 0, 1),
        Block("paragraph", pages[0][7:], 1, 7),
        Block("paragraph", pages[1], 2, 0, continues=True),
        Block("heading", "Annex", 2, 33, 1),
        Block("paragraph", "a block going on after a heading stands alone.", 2, 40, continues=True),
        Block("paragraph", "Contents ........ 3\nAnnex ........ 9", 3, 0),
        Block("paragraph", "nor does one after a table of contents.", 4, 0, continues=True),
    ]
    passages = split_passages("d", [normalise_block(b) for b in blocks])
    first, after_heading, after_contents = passages
    assert first.text == f"{pages[0][7:]} {pages[1]}"
    assert (first.page, first.paragraph, first.heading) == (1, 0, "Title")
    assert pages[0][first.start :] == "The ministry opened twelve offices for migrant"
    assert pages[1][: first.end] == pages[1]  # it ends in the next page's text
    assert (after_heading.page, after_heading.paragraph) == (2, 1)
    assert (after_contents.page, after_contents.paragraph) == (4, 2)
    # a long cut paragraph is split into windows across the cut
    sentence = "Inspectors visited {} agencies in the capital and found fees charged to workers."
    head = " ".join(sentence.format(n) for n in range(8)) + " Inspectors visited"
    tail = "eight more agencies. " + " ".join(sentence.format(n) for n in range(9, 16))
    long = [Block("paragraph", head, 4, 0), Block("paragraph", tail, 5, 0, continues=True)]
    windows = split_passages("d", [normalise_block(b) for b in long])
    assert len(windows) > 2 and len({w.paragraph for w in windows}) == 1
    spanning = next(w for w in windows if "Inspectors visited eight more" in w.text)
    assert spanning.page == 4 and head[spanning.start :].startswith(spanning.text[:30])
    assert tail[: spanning.end].endswith(spanning.text[-30:])
    assert " ".join(w.text for w in windows) == f"{head} {tail}"


def test_a_new_heading_of_the_same_level_replaces_the_old_one() -> None:
    blocks = [
        Block("heading", "A", 1, 0, 1),
        Block("paragraph", "First paragraph here.", 1, 3),
        Block("heading", "B", 2, 0, 1),
        Block("paragraph", "Second paragraph here.", 2, 3),
    ]
    passages = split_passages("doc", [normalise_block(b) for b in blocks])
    assert [(p.heading, p.page, p.paragraph) for p in passages] == [("A", 1, 0), ("B", 2, 1)]


@pytest.mark.parametrize(
    ("text", "word", "clauses", "expected"),
    [
        ("Le Maroc a présidé. Ensuite le Chili a suivi.", "Ensuite", False, True),
        ("Le Maroc a présidé. le Chili a suivi.", "le", False, False),  # lower case goes on
        ("Il a salué M. Bennani et Dr. Ruiz.", "Bennani", False, False),  # abbreviation
        ("Il a salué M. Bennani et Dr. Ruiz.", "Ruiz", False, False),
        ("Ecuador regularizó a 100.000 personas.", "000", False, False),  # a number
        ("La réunion a débuté à 10:30 précises.", "30", True, False),
        ("Ghana chaired; later Nepal spoke.", "later", False, False),
        ("Ghana chaired; later Nepal spoke.", "later", True, True),  # a clause ends
        ("ترأس المغرب الجلسة. وتحدث الأردن بعد ذلك.", "وتحدث", False, True),  # no capitals
        ("Le Maroc a présidé la séance", "Maroc", False, False),
    ],
)
def test_sentence_ends_before(text: str, word: str, clauses: bool, expected: bool) -> None:
    tokens = tokenize(text)
    k = [t.text for t in tokens].index(word)
    assert sentence_ends_before(text, tokens, k, clauses=clauses) is expected
