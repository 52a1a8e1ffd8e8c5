"""Each reader turns a small real file into blocks with pages, headings and metadata."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt
from fpdf import FPDF

from gcm_review import (
    CorruptDocumentError,
    EmptyDocumentError,
    EncryptedDocumentError,
    UnsupportedFormatError,
    read_bytes,
    read_document,
)
from gcm_review.normalise import normalise_block
from gcm_review.segment import split_passages


def test_pdf_pages_headings_and_arabic_in_reading_order(fixtures: Path) -> None:
    document = read_document(fixtures / "review_en_ar.pdf")
    assert document.format == "pdf"
    assert len(document.pages) == 2
    assert document.date == "2024-03-01"
    arabic = [b for b in document.blocks if b.page == 2]
    assert arabic[0].kind == "heading"
    assert "العمال المهاجرون" in arabic[1].text
    english = [b for b in document.blocks if b.page == 1]
    assert english[0].kind == "heading" and "health care" in english[0].text
    for block in document.blocks:
        page = document.pages[block.page - 1]
        assert page[block.start : block.start + len(block.text)] == block.text


def test_pdf_headings_ranked_by_font_and_running_headers_left_out(review_pdf: Path) -> None:
    document = read_document(review_pdf)
    headings = [
        (b.page, b.level, " ".join(b.text.split())) for b in document.blocks if b.kind == "heading"
    ]
    assert headings == [
        (1, 1, "National review of the Global Compact for Migration"),  # one heading, two lines
        (1, 2, "Chapter 2: Progress by objective"),
        (1, 3, "Objective 6: Fair and ethical recruitment"),
        (1, 4, "Progress"),  # bold at the body's size: below the larger headings
        (3, 4, "Challenges"),
        (4, 2, "Chapter 3: Next steps"),
    ]
    assert document.title == "National review of the Global Compact for Migration"
    texts = [b.text for b in document.blocks]
    assert not any("Ruritania" in text or "Page " in text for text in texts)
    assert "Ruritania" in document.pages[0] and "Page 1 of 4" in document.pages[0]
    paragraphs = [b for b in document.blocks if b.kind == "paragraph"]
    assert [b.page for b in paragraphs].count(1) == 5  # the blank space between them splits
    assert paragraphs[6].text == "1 Decree 45 of 2023 on recruitment agencies."  # set small
    # the page break cut the fifth paragraph mid-sentence: page 2's first goes on from it
    assert [b.continues for b in paragraphs] == [False] * 5 + [True] + [False] * 3
    challenges = " ".join(paragraphs[7].text.split())
    # the marks set small, or raised, are blanked
    assert "recruitment fees to brokers in their home villages" in challenges
    assert "G20 partners" in challenges  # digits at the text's size are kept
    for block in document.blocks:
        page = document.pages[block.page - 1]
        assert page[block.start : block.start + len(block.text)] == block.text


def test_a_footnote_below_a_paragraph_a_page_break_cuts_does_not_cut_it(tmp_path: Path) -> None:
    """The footnote set small at the foot of the page is read after the paragraph's end."""
    pdf = FPDF()
    pdf.set_auto_page_break(False)

    def lines(size: int, top: float | None, *texts: str) -> None:
        pdf.set_font("Helvetica", "", size)
        if top is not None:
            pdf.set_y(top)
        for text in texts:
            pdf.multi_cell(0, size / 2, text, new_x="LMARGIN", new_y="NEXT")

    pdf.add_page()
    head = (
        "The labour inspectorate opened twelve offices in the industrial zones,",
        "where inspectors now check the contracts and the wages of migrant",
    )
    lines(11, 240, *head)
    lines(8, 275, "1 Decree 45 of 2023 on the labour inspectorate.")
    pdf.add_page()
    tail = "workers in every governorate, with the help of interpreters."
    lines(11, None, tail)
    pdf.ln(10)
    lines(11, None, "The ministry will report on the inspections in 2026, year by year.")
    path = tmp_path / "footnote.pdf"
    pdf.output(str(path))
    document = read_document(path)
    blocks = [(b.page, b.continues, " ".join(b.text.split())) for b in document.blocks]
    assert blocks[:3] == [
        (1, False, " ".join(head)),
        (2, True, tail),
        (1, False, "1 Decree 45 of 2023 on the labour inspectorate."),
    ]
    clean = [normalise_block(block) for block in document.blocks]
    assert split_passages("d", clean)[0].text == " ".join((*head, tail))


def test_a_pdf_whose_tables_outweigh_its_text_keeps_its_paragraphs(tmp_path: Path) -> None:
    """Table cells set small fill most of the page: the running text is still told by its
    long lines, and a paragraph set large (a standfirst) is no heading."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 13)
    pdf.cell(0, 9, "Annex: permits by governorate", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 13)
    standfirst = "This annex sets out the permits issued to migrant workers, year by year. " * 3
    pdf.multi_cell(0, 6, standfirst, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", "", 10)
    texts = [
        standfirst,
        "Work permits issued to migrant workers rose in every governorate. " * 6,
        "The table below gives the permits issued in 2023.",  # one line, set as the text is
    ]
    for text in texts[1:]:
        pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    pdf.set_font("Helvetica", "", 7)
    for row in range(60):
        pdf.cell(40, 3.5, f"Governorate {row}")
        pdf.cell(20, 3.5, f"{row * 37}")
        pdf.cell(20, 3.5, f"{row % 9}.5 %", new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "annex.pdf"
    pdf.output(str(path))
    blocks = read_document(path).blocks
    assert blocks[0].kind == "heading"
    assert [" ".join(b.text.split()) for b in blocks[1:4]] == [text.strip() for text in texts]
    assert all(b.kind == "paragraph" for b in blocks[1:])


def test_a_paragraph_a_column_break_cuts_is_one_block(tmp_path: Path) -> None:
    """Two columns in one style: the long paragraph runs from the foot of the first column to
    the top of the second mid-sentence, and the paragraph after it stands apart."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    sentence = "Inspectors visited recruitment agencies and found fees charged to migrant workers. "
    texts = ["Opening. " + sentence * 3, sentence * 60, "Closing paragraph after the long one."]
    with pdf.text_columns(ncols=2, gutter=10) as columns:
        for text in texts:
            columns.write(text)
            columns.ln()
            columns.ln()
    path = tmp_path / "columns.pdf"
    pdf.output(str(path))
    document = read_document(path)
    assert [" ".join(b.text.split()) for b in document.blocks] == [t.strip() for t in texts]
    textpage = pdfium.PdfDocument(path)[0].get_textpage()
    text = textpage.get_text_range()
    starts = [i + 1 for i, char in enumerate(text[:-1]) if char == "\n"]
    lefts = {round(textpage.get_charbox(i, loose=True)[0]) for i in starts}
    assert len(lefts) == 2  # it was set in two columns indeed


def test_a_pdf_in_one_style_takes_its_headings_from_the_text(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    lines = (
        "2. Progress by objective",
        "2.1 Objective 6",
        "The inspectorate opened twelve offices.",
        "Challenges",
        "Few inspectors speak the languages of the workers.",
        "3. Next steps",
        "The inspectorate will hire interpreters.",
        "Page 1",
    )
    for line in lines:
        pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "plain.pdf"
    pdf.output(str(path))
    blocks = [(b.kind, b.text, b.level) for b in read_document(path).blocks]
    assert blocks == [  # the headings ranked by their numbering, unnumbered ones below
        ("heading", "2. Progress by objective", 1),
        ("heading", "2.1 Objective 6", 2),
        ("paragraph", "The inspectorate opened twelve offices.", 0),
        ("heading", "Challenges", 3),
        ("paragraph", "Few inspectors speak the languages of the workers.", 0),
        ("heading", "3. Next steps", 1),
        ("paragraph", "The inspectorate will hire interpreters.", 0),
    ]


def test_each_item_of_a_list_in_a_pdf_is_a_paragraph(tmp_path: Path) -> None:
    """Items without final punctuation, wrapped over two lines, are neither joined to the
    sentence that opens the list nor to each other."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 10, "3.2 Fair recruitment and decent work", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    items = (
        "The government took several measures to protect migrant workers during the period "
        "under review, with the social partners and the trade unions of the sector",
        "- a ban on the recruitment fees charged to workers, in force since 2023 and enforced "
        "by the labour inspectorate in every governorate",
        "- twelve new labour inspection offices in the industrial zones, staffed by inspectors "
        "trained on the indicators of forced labour",
        "(a) a hotline for domestic workers",
    )
    for text in items:
        pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "list.pdf"
    pdf.output(str(path))
    blocks = [(b.kind, " ".join(b.text.split())) for b in read_document(path).blocks]
    assert blocks == [
        ("heading", "3.2 Fair recruitment and decent work"),
        *[("paragraph", text) for text in items],
    ]


def test_each_row_of_a_table_in_a_pdf_is_one_paragraph(tmp_path: Path) -> None:
    """pdfium gives a table cell by cell, a wrapped cell line by line: a row is read whole,
    not as fragments cut mid-sentence."""
    rows = (
        (
            "6",
            "A public register of licensed recruitment agencies was opened and the fees "
            "charged to workers were banned.",
            "Done",
        ),
        (
            "12",
            "Screening at the border now refers children travelling alone to the child "
            "protection services of the province.",
            "Ongoing",
        ),
        (
            "20",
            "Transfer fees were capped at three per cent through an agreement with the "
            "banks and the post office.",
            "Planned",
        ),
    )
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, "Table 2 sets out the measures taken under each objective.")
    pdf.ln(4)
    pdf.set_font("Helvetica", "B", 11)  # a heading right above the table, set in bold
    pdf.cell(0, 8, "Progress by objective", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    with pdf.table(col_widths=(20, 120, 30)) as table:  # its header row set in bold too
        for cells in (("Objective", "Measure", "Status"), *rows):
            row = table.row()
            for cell in cells:
                row.cell(cell)
    pdf.ln(4)
    pdf.multi_cell(0, 6, "The ministry will report again in 2026, with the same table.")
    path = tmp_path / "table.pdf"
    pdf.output(str(path))
    blocks = [(b.kind, " ".join(b.text.split())) for b in read_document(path).blocks]
    assert blocks == [
        ("paragraph", "Table 2 sets out the measures taken under each objective."),
        ("heading", "Progress by objective"),
        ("paragraph", "Objective Measure Status"),  # the header row is no heading
        *[("paragraph", " ".join(cells)) for cells in rows],
        ("paragraph", "The ministry will report again in 2026, with the same table."),
    ]


def test_a_lone_pair_of_lines_side_by_side_is_no_table(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, "The ministry opened twelve labour inspection offices in 2024.")
    pdf.cell(30, 6, "Contact:")
    pdf.cell(0, 6, "the migration unit of the ministry", new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 6, "Inspectors visited farms, building sites and private homes.")
    path = tmp_path / "contact.pdf"
    pdf.output(str(path))
    texts = [" ".join(b.text.split()) for b in read_document(path).blocks]
    assert texts == [
        "The ministry opened twelve labour inspection offices in 2024. Contact: the migration "
        "unit of the ministry Inspectors visited farms, building sites and private homes."
    ]


def test_docx_heading_levels_and_metadata(fixtures: Path) -> None:
    document = read_document(fixtures / "statement_fr.docx")
    headings = [(b.level, b.text) for b in document.blocks if b.kind == "heading"]
    assert headings == [(1, "Déclaration du Royaume du Maroc"), (2, "Coopération internationale")]
    assert document.title == "Déclaration du Royaume du Maroc"
    assert sum(b.kind == "paragraph" for b in document.blocks) == 4


def test_docx_custom_and_manual_headings_and_tables_in_place(tmp_path: Path) -> None:
    """Headings set by an outline level or by hand in bold are headings, ranked; a table
    stays under its heading."""
    document = Document()
    custom = document.styles.add_style("Report Section", WD_STYLE_TYPE.PARAGRAPH)
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), "0")
    custom.element.get_or_add_pPr().append(outline)
    document.add_paragraph("Part II: Progress by objective", style="Report Section")

    def manual(text: str, size: int) -> None:
        run = document.add_paragraph().add_run(text)
        run.bold, run.font.size = True, Pt(size)

    manual("Objective 6: Fair and ethical recruitment", 14)
    manual("Progress", 12)
    document.add_paragraph("The inspectorate opened twelve offices.")
    emphasis = document.add_paragraph().add_run("All fees charged to workers are now banned.")
    emphasis.bold = True  # a bold sentence is no heading
    table = document.add_table(rows=2, cols=3)
    for row, cells in zip(table.rows, [("Year", "Visits", ""), ("2024", "1,140", "")], strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    table.rows[0].cells[1].merge(table.rows[0].cells[2])
    manual("Challenges", 12)
    document.add_paragraph("Brokers in the villages remain out of reach.")
    path = tmp_path / "review.docx"
    document.save(str(path))
    blocks = [(b.kind, b.level, b.text) for b in read_document(path).blocks]
    assert blocks == [
        ("heading", 1, "Part II: Progress by objective"),
        ("heading", 2, "Objective 6: Fair and ethical recruitment"),
        ("heading", 3, "Progress"),
        ("paragraph", 0, "The inspectorate opened twelve offices."),
        ("paragraph", 0, "All fees charged to workers are now banned."),
        ("paragraph", 0, "Year | Visits"),  # the merged cell once
        ("paragraph", 0, "2024 | 1,140"),  # the empty cell left out
        ("heading", 3, "Challenges"),
        ("paragraph", 0, "Brokers in the villages remain out of reach."),
    ]


_TEXT_BOX_RUN = """<w:r %s>
  <mc:AlternateContent>
    <mc:Choice Requires="wps">
      <w:drawing>
        <wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0"
            relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">
          <wp:simplePos x="0" y="0"/>
          <wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>
          <wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>
          <wp:extent cx="5400000" cy="1200000"/>
          <wp:wrapTopAndBottom/>
          <wp:docPr id="1" name="Box 1"/>
          <a:graphic>
            <a:graphicData
                uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
              <wps:wsp>
                <wps:cNvSpPr txBox="1"/>
                <wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5400000" cy="1200000"/>
                  </a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>
                <wps:txbx><w:txbxContent>%s</w:txbxContent></wps:txbx>
                <wps:bodyPr/>
              </wps:wsp>
            </a:graphicData>
          </a:graphic>
        </wp:anchor>
      </w:drawing>
    </mc:Choice>
    <mc:Fallback>
      <w:pict>
        <v:shape style="width:425pt;height:94pt" type="#_x0000_t202">
          <v:textbox><w:txbxContent>%s</w:txbxContent></v:textbox>
        </v:shape>
      </w:pict>
    </mc:Fallback>
  </mc:AlternateContent>
</w:r>"""
_NAMESPACES = " ".join(
    f'xmlns:{prefix}="{uri}"'
    for prefix, uri in {
        "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
        "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
        "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
        "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
        "v": "urn:schemas-microsoft-com:vml",
    }.items()
)


def test_docx_text_boxes_are_read_once_after_their_anchor(tmp_path: Path) -> None:
    """A box (a good practice set apart) is read after the paragraph it is anchored in; Word's
    fallback copy of it is not read a second time."""
    document = Document()
    document.add_heading("Objective 6: Fair and ethical recruitment", level=2)
    anchor = document.add_paragraph("The inspectorate opened twelve offices.")
    box = "".join(
        f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
        for text in ("Box 2: Good practice", "Workers pay no fee to any licensed agency.")
    )
    anchor._element.append(parse_xml(_TEXT_BOX_RUN % (_NAMESPACES, box, box)))
    document.add_paragraph("Brokers in the villages remain out of reach.")
    path = tmp_path / "boxed.docx"
    document.save(str(path))
    blocks = [(b.kind, b.text) for b in read_document(path).blocks]
    assert blocks == [
        ("heading", "Objective 6: Fair and ethical recruitment"),
        ("paragraph", "The inspectorate opened twelve offices."),
        ("paragraph", "Box 2: Good practice"),
        ("paragraph", "Workers pay no fee to any licensed agency."),
        ("paragraph", "Brokers in the villages remain out of reach."),
    ]


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _control(gallery: str, text: str) -> str:
    """A content control of Word's gallery ``gallery`` holding one paragraph."""
    return (
        f'<w:sdt {_W}><w:sdtPr><w:docPartObj><w:docPartGallery w:val="{gallery}"/>'
        f"</w:docPartObj></w:sdtPr><w:sdtContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>"
    )


def test_docx_reads_a_draft_as_its_tracked_changes_accepted(tmp_path: Path) -> None:
    """Insertions in, deletions out; a cover page's content control and a field's result are
    read; a table of contents is not."""
    document = Document()
    first = document.add_paragraph("The ministry opened ")
    changes = (
        f'<w:ins {_W} w:id="1" w:author="Reviewer"><w:r><w:t>twelve</w:t></w:r></w:ins>',
        f'<w:del {_W} w:id="2" w:author="Reviewer"><w:r><w:delText>ten</w:delText></w:r></w:del>',
        f'<w:r {_W}><w:t xml:space="preserve"> offices on </w:t></w:r>',
        f'<w:fldSimple {_W} w:instr="DATE"><w:r><w:t>5 June 2024</w:t></w:r></w:fldSimple>',
        f"<w:r {_W}><w:t>.</w:t></w:r>",
    )
    for change in changes:
        first._p.append(parse_xml(change))
    first._p.addprevious(parse_xml(_control("Cover Pages", "Voluntary review of Kenya")))
    first._p.addprevious(parse_xml(_control("Table of Contents", "Introduction 3")))
    path = tmp_path / "draft.docx"
    document.save(str(path))
    assert [b.text for b in read_document(path).blocks] == [
        "Voluntary review of Kenya",
        "The ministry opened twelve offices on 5 June 2024.",
    ]


def test_html_article_without_boilerplate(fixtures: Path) -> None:
    document = read_document(fixtures / "news_es.html")
    text = document.pages[0]
    assert document.date == "2024-07-05"
    assert "remesas" in text
    assert "cookies" not in text.lower()
    assert document.title is not None and "remesas" in document.title.lower()


def test_an_html_tables_rows_are_paragraphs_of_their_cells(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Pledges</title></head><body><nav><a href='/'>Home</a></nav>"
        "<article><h1>Pledges made at the regional review</h1>"
        "<p>Several states announced pledges on the protection of migrant workers during the "
        "regional review conference held in the capital this week.</p>"
        "<table><tr><th>State</th><th>Pledge</th></tr>"
        "<tr><td>Jordan</td><td>Extend social insurance to migrant domestic workers.</td></tr>"
        "<tr><td>Morocco</td><td><p>Open two reception centres for children.</p></td></tr>"
        "</table><p>The pledges will be reviewed at the next forum, when states report on "
        "their progress.</p></article></body></html>"
    )
    path = tmp_path / "pledges.html"
    path.write_text(page, encoding="utf-8")
    texts = [b.text for b in read_document(path).blocks if b.kind == "paragraph"]
    assert texts[1:4] == [
        "State | Pledge",
        "Jordan | Extend social insurance to migrant domestic workers.",
        "Morocco | Open two reception centres for children.",  # its paragraph once, in its row
    ]


def test_a_bare_number_in_a_table_is_read_with_its_columns_label(tmp_path: Path) -> None:
    """A matrix of measures by objective numbers its rows under an "Objective" column: the
    number alone cites nothing, read with the label it cites the objective."""
    rows = [
        ("GCM objective", "Measure", "Year"),
        ("6", "A public register of licensed recruitment agencies.", "2023"),
        ("10, 11", "Joint patrols and a shelter for victims of trafficking.", "2024"),
    ]
    document = Document()
    table = document.add_table(rows=3, cols=3)
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    path = tmp_path / "matrix.docx"
    document.save(str(path))
    expected = [
        "GCM objective | Measure | Year",
        "GCM objective 6 | A public register of licensed recruitment agencies. | 2023",
        "GCM objective 10, 11 | Joint patrols and a shelter for victims of trafficking. | 2024",
    ]
    assert [b.text for b in read_document(path).blocks] == expected
    cells = "".join("<tr>" + "".join(f"<td>{text}</td>" for text in row) + "</tr>" for row in rows)
    page = (
        "<html><body><article><h1>Measures by objective</h1><p>The table below sets out the "
        "measures the government took under each objective of the compact since the last "
        f"review.</p><table>{cells}</table></article></body></html>"
    )
    html = tmp_path / "matrix.html"
    html.write_text(page, encoding="utf-8")
    assert [b.text for b in read_document(html).blocks][-3:] == expected


def test_arabic_html(fixtures: Path) -> None:
    document = read_document(fixtures / "news_ar.html")
    assert "جامعة الدول العربية" in document.pages[0]


def test_markdown_headings_and_lists(fixtures: Path) -> None:
    document = read_document(fixtures / "submission_en.md")
    assert [b.level for b in document.blocks if b.kind == "heading"] == [1, 2, 2]
    assert not any(b.text.startswith("#") for b in document.blocks)


def test_each_row_of_a_markdown_table_is_a_paragraph() -> None:
    text = (
        "# Submission\n\nWe reviewed the measures.\n\n| Objective | Measure |\n|---|:---:|\n"
        "| 6 | A register of licensed recruitment agencies. |\n"
        "| 12 | Screening refers children travelling alone to child protection. |\n\nEnd.\n"
    )
    document = read_bytes(text.encode(), "submission.md")
    assert [b.text for b in document.blocks] == [
        "Submission",
        "We reviewed the measures.",
        "Objective | Measure",  # the line of dashes is no paragraph
        "6 | A register of licensed recruitment agencies.",
        "12 | Screening refers children travelling alone to child protection.",
        "End.",
    ]
    for block in document.blocks:
        assert text[block.start : block.start + len(block.text)] == block.text


def test_plain_text_without_blank_lines_has_one_paragraph_per_line() -> None:
    document = read_bytes("Première ligne.\nDeuxième ligne.\n".encode(), "note.txt")
    assert [b.text for b in document.blocks] == ["Première ligne.", "Deuxième ligne."]


_REVIEW_TXT = """National review of the Republic of Kenya


1. INTRODUCTION

The review was prepared by the national coordination mechanism in 2024.

2. PROGRESS BY OBJECTIVE

2.1 Fair recruitment and decent work

The labour inspectorate opened twelve regional offices.

Challenges

Few inspectors speak the languages of the workers they meet.

The main steps ahead are:

- hire interpreters
- open two more offices

ANNEX

A list of the agencies consulted.
"""


def test_a_plain_texts_headings_are_found_and_levelled_by_their_numbering() -> None:
    document = read_bytes(_REVIEW_TXT.encode(), "review.txt")
    headings = [(b.text, b.level) for b in document.blocks if b.kind == "heading"]
    assert headings == [
        ("National review of the Republic of Kenya", 1),
        ("1. INTRODUCTION", 2),
        ("2. PROGRESS BY OBJECTIVE", 2),
        ("2.1 Fair recruitment and decent work", 3),
        ("Challenges", 4),  # unnumbered: below the numbered headings
        ("ANNEX", 2),  # unnumbered, but in capitals like "2. PROGRESS BY OBJECTIVE"
    ]
    assert document.title == "National review of the Republic of Kenya"
    paragraphs = [b.text for b in document.blocks if b.kind == "paragraph"]
    # a line ending with a colon and the items of a list are paragraphs
    assert paragraphs[-4:-1] == [
        "The main steps ahead are:",
        "hire interpreters",
        "open two more offices",
    ]


def test_a_text_of_one_line_per_paragraph_has_its_headings_found() -> None:
    """As Word saves a document as plain text: no blank line, a paragraph per line."""
    paragraph = "The labour inspectorate opened twelve regional offices in the industrial zones."
    text = f"2.1 Fair recruitment and decent work\n{paragraph * 2}\nChallenges\n{paragraph}\n"
    document = read_bytes(text.encode(), "review.txt")
    assert [(b.kind, b.level) for b in document.blocks] == [
        ("heading", 1),
        ("paragraph", 0),
        ("heading", 2),
        ("paragraph", 0),
    ]


def test_arabic_headings_numbered_by_ordinal_words() -> None:
    text = (
        "التقرير الوطني\n\nأولاً: المنهجية\n\nأعدت اللجنة الوطنية هذا التقرير.\n\n"
        "ثانياً: مكافحة الاتجار بالأشخاص\n\nأطلقت الوزارة خطاً ساخناً.\n\n"
        "التحديات\n\nلا يزال عدد المفتشين قليلاً.\n"
    )
    document = read_bytes(text.encode(), "review.txt")
    headings = [(b.text, b.level) for b in document.blocks if b.kind == "heading"]
    assert headings == [
        ("التقرير الوطني", 1),
        ("أولاً: المنهجية", 2),
        ("ثانياً: مكافحة الاتجار بالأشخاص", 2),
        ("التحديات", 3),
    ]


def test_each_item_of_a_list_in_a_plain_text_is_a_paragraph_and_no_heading() -> None:
    text = "Recommendations\n\n1. Guarantee access to health care\n2. Build a firewall\n"
    document = read_bytes(text.encode(), "note.txt")
    assert [(b.kind, b.text) for b in document.blocks] == [
        ("heading", "Recommendations"),
        ("paragraph", "Guarantee access to health care"),
        ("paragraph", "Build a firewall"),
    ]
    # lettered items and a middle dot open items too
    text = "Informe.\n\nSe recomienda a los Estados:\na. ampliar los consulados;\n"
    text += "b. abrir ventanillas;\n· publicar.\n\nFin.\n"
    document = read_bytes(text.encode(), "nota.txt")
    assert [b.text for b in document.blocks] == [
        "Informe.",
        "Se recomienda a los Estados:",
        "a. ampliar los consulados;",
        "b. abrir ventanillas;",
        "· publicar.",
        "Fin.",
    ]


@pytest.mark.parametrize(
    ("text", "headings"),
    [
        # Markdown marks its headings: its other short lines stay paragraphs
        ("# Note\n\nShort line\n\nThe text goes on here.\n", ["Note"]),
        # one line per paragraph, no blank line: the lines may be text wrapped by hand
        ("Note\nThe ministry opened\nan office in Nairobi.\n", []),
        # a short line with nothing after it is text
        ("The ministry opened an office in Nairobi.\n\nThank you\n", []),
    ],
)
def test_short_lines_that_are_no_headings(text: str, headings: list[str]) -> None:
    document = read_bytes(text.encode(), "note.txt")
    assert [b.text for b in document.blocks if b.kind == "heading"] == headings


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Statement by the Delegation of Ghana\n\nGhana thanks the Chair.\n",
            "Statement by the Delegation of Ghana",
        ),
        ("بيان وفد جمهورية العراق\n\nتشكر بلادي الرئاسة.\n", "بيان وفد جمهورية العراق"),
        # a first line that is a sentence, or the only text, is no title
        ("Ghana thanks the Chair.\n\nIt reports progress.\n", "note"),
        ("Statement by the Delegation of Ghana\n", "note"),
    ],
)
def test_a_plain_texts_short_first_line_is_its_title(text: str, title: str) -> None:
    assert read_bytes(text.encode(), "note.txt").title == title


def test_id_is_the_sha256_of_the_bytes(fixtures: Path) -> None:
    path = fixtures / "submission_en.md"
    assert read_document(path).id == hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("name", "error", "hint"),
    [
        ("empty.txt", EmptyDocumentError, "empty"),
        ("corrupt.pdf", CorruptDocumentError, "not a readable PDF"),
        ("encrypted.pdf", EncryptedDocumentError, "password"),
        ("unsupported.xyz", UnsupportedFormatError, "gcm-review reads"),
    ],
)
def test_bad_files_get_one_clear_error(fixtures: Path, name: str, error: type, hint: str) -> None:
    with pytest.raises(error) as caught:
        read_document(fixtures / name)
    assert name in str(caught.value) and hint in str(caught.value)


def test_non_utf8_text_names_the_fix() -> None:
    with pytest.raises(CorruptDocumentError, match="save the file as UTF-8"):
        read_bytes("café".encode("cp1252"), "old.txt")


def test_corrupt_docx() -> None:
    with pytest.raises(CorruptDocumentError, match=r"not a valid \.docx"):
        read_bytes(b"PK\x03\x04 this is not a zip archive", "broken.docx")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(Exception, match="cannot read the file"):
        read_document(tmp_path / "nowhere.pdf")
