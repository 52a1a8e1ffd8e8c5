"""Shared fixtures: paths to the small real files, one engine, fresh databases."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fpdf import FPDF

from gcm_review import AnalysedDocument, DocumentInfo, Engine, SQLiteStore, read_document

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def fixtures() -> Path:
    """The folder of small real test files."""
    return FIXTURES


@pytest.fixture(scope="session")
def engine() -> Engine:
    """The default GCM engine, built once."""
    return Engine()


Analyse = Callable[..., AnalysedDocument]


@pytest.fixture
def analyse_text(engine: Engine, tmp_path: Path) -> Analyse:
    """Analyse a text the way a user's file is: written to a real .txt file (paragraphs
    apart by blank lines), read and analysed, with what the caller declares about it."""

    def analyse(text: str, info: DocumentInfo | None = None) -> AnalysedDocument:
        path = tmp_path / f"document-{len(list(tmp_path.glob('document-*')))}.txt"
        path.write_text(text, encoding="utf-8")
        return engine.analyse(read_document(path), info)

    return analyse


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A path for a new SQLite database."""
    return tmp_path / "test.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[SQLiteStore]:
    """A fresh SQLite store in a temporary file."""
    with SQLiteStore(db_path) as opened:
        yield opened  # type: ignore[misc]


def shared_file(*parts: str) -> Path:
    """A file of ../shared/, or skip the test with the reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not found: the shared development data sits beside the clone")
    return path


class _ReviewPdf(FPDF):
    """A national review laid out as such reports are: a running header and "Page n of m"
    footer on every page, headings set apart by size and weight."""

    def header(self) -> None:
        self.set_font("Helvetica", "", 8)
        self.cell(0, 8, "Ruritania - Review of the Global Compact for Migration, 2025")
        self.ln(12)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 8, f"Page {self.page_no()} of {{nb}}", align="C")


_RECRUITMENT = (
    "The labour inspectorate opened twelve regional offices in 2024 and trained 400 inspectors "
    "in the rules on recruitment fees, which employers and agencies may no longer charge to "
    "workers. Agencies found charging fees lose their licence for two years, and the workers "
    "concerned are refunded from a guarantee the agency lodges when it is licensed. "
)


@pytest.fixture(scope="session")
def review_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A PDF made for the tests: a title over two lines, a chapter, a section for objective 6
    whose "Progress" runs onto page 2, where a footnote is set small, and its "Challenges" on
    page 3; a last chapter on page 4."""
    pdf = _ReviewPdf()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 18)
    pdf.multi_cell(
        120, 9, "National review of the Global Compact for Migration", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.ln(6)
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 10, "Chapter 2: Progress by objective", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 9, "Objective 6: Fair and ethical recruitment", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 8, "Progress", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    for _ in range(5):  # paragraphs enough to run onto the next page
        pdf.multi_cell(0, 6, _RECRUITMENT * 2, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    pdf.set_font("Helvetica", "", 8)
    pdf.multi_cell(
        0, 4, "1 Decree 45 of 2023 on recruitment agencies.", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 8, "Challenges", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    pdf.write(6, "Many workers still pay recruitment fees")
    pdf.char_vpos = "SUP"  # a footnote mark
    pdf.write(6, "2")
    pdf.char_vpos = "LINE"
    pdf.write(6, " to brokers")
    pdf.sup_scale, pdf.char_vpos = 0.95, "SUP"  # a mark raised, hardly smaller
    pdf.write(6, "3")
    pdf.sup_scale, pdf.char_vpos = 0.7, "LINE"
    pdf.write(6, " in their home villages before they travel. The inspectorate cannot")
    pdf.write(6, " reach those brokers and asks for joint inspections with the G20 partners.")
    pdf.ln(8)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 10, "Chapter 3: Next steps", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, "The government will publish its next review in 2026.")
    path = tmp_path_factory.mktemp("pdf") / "review.pdf"
    pdf.output(str(path))
    return path
