"""Regenerate the gcm-review demo corpus and the reader test fixtures.

Every document is fictional: the texts live in ``scripts/sample_texts/`` and this script
renders them into the shapes gcm-review meets in practice (PDF, DOCX, HTML, Markdown, TXT),
plus a few deliberately broken files for the readers' error paths.

Outputs:

* ``src/gcm_review/data/demo/``: the demo corpus and its ``manifest.yaml``;
* ``tests/fixtures/``: small reader fixtures (the framework folders there are hand-written).

Source text format (``.txt`` files rendered to PDF, DOCX or HTML; ``.md`` and ``.txt`` outputs
are copied verbatim):

* paragraphs are separated by blank lines; lines inside a paragraph are joined;
* ``# `` starts a level-1 heading, ``## `` a level-2 heading, ``> `` a note (speaker line,
  subtitle or standfirst);
* a paragraph reading ``=== page ===`` starts a new PDF page;
* a ``{ar} `` prefix marks a paragraph whose language differs from the document's
  (any language code; ``ar`` is set right-to-left).

Arabic meant for PDF is written without short-vowel marks (harakat, tanween, shadda) and
without punctuation right after a number: PDFium misplaces both when extracting shaped
right-to-left text, and the fixtures should extract cleanly.

Binary outputs are deterministic: PDF creation dates, DOCX core properties and ZIP member
times are fixed, so re-running the script reproduces the same bytes.

Usage: ``.venv/bin/python scripts/make_samples.py [--root REPO]``
"""

from __future__ import annotations

import argparse
import hashlib
import html
import io
import json
import re
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from fontTools.ttLib import TTFont  # type: ignore[import-untyped]
from fontTools.ttLib.scaleUpem import scale_upem  # type: ignore[import-untyped]
from fpdf import FPDF

SCRIPT_DIR = Path(__file__).resolve().parent
TEXTS = SCRIPT_DIR / "sample_texts"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
GENERATOR = "gcm-review scripts/make_samples.py"
ZIP_TIME = (2024, 1, 1, 0, 0, 0)
RTL_LANGS = frozenset({"ar"})
PAGE_BREAK = "=== page ==="
LANG_PREFIX = re.compile(r"^\{([a-z]{2})\}\s+")
# w:pPr children that must follow w:bidi (ECMA-376 CT_PPrBase sequence)
BIDI_SUCCESSORS = (
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
LOCALES = {"ar": "ar-SA", "en": "en-GB", "es": "es-ES", "fr": "fr-FR"}
NOTE = (
    "The documents in this folder are fictional samples written for gcm-review. "
    "People, figures, quotations and programmes are invented; countries and real "
    "organisations are named only to make the samples realistic."
)


@dataclass(frozen=True)
class Block:
    """One unit of a source text: a heading, a note, a paragraph or a page break."""

    kind: str
    text: str = ""
    lang: str | None = None


@dataclass(frozen=True)
class Sample:
    """One output document and the metadata recorded for it in the manifest."""

    file: str
    source: str
    title: str
    kind: str
    country: str | None
    cycle: int
    date: date
    lang: str
    site: str | None = None
    author: str | None = None
    footer: str | None = None


@dataclass(frozen=True)
class Site:
    """Boilerplate of a fictional news site, wrapped around an HTML article."""

    name: str
    host: str
    nav: tuple[str, ...]
    cookie: str
    buttons: tuple[str, str]
    related_title: str
    related: tuple[str, ...]
    footer: tuple[str, ...]


SITES: dict[str, Site] = {
    "mashreq": Site(
        name="وكالة المشرق للأنباء",
        host="almashreq-news.example",
        nav=("الرئيسية", "محليات", "الخليج", "اقتصاد", "رياضة", "منوعات", "فيديو"),
        cookie="يستخدم موقعنا ملفات تعريف الارتباط لتحسين تجربة التصفح وقياس عدد الزوار. "
        "بمتابعة التصفح فإنك توافق على سياسة الخصوصية.",
        buttons=("موافق", "إدارة الإعدادات"),
        related_title="اقرأ أيضاً",
        related=(
            "ارتفاع أسعار الذهب في الأسواق المحلية",
            "افتتاح معرض الكتاب بمشاركة 40 دولة",
            "الطقس: أجواء حارة ورياح نشطة على السواحل",
        ),
        footer=("من نحن", "اتصل بنا", "سياسة الخصوصية", "© 2024 وكالة المشرق للأنباء"),
    ),
    "nouakchott": Site(
        name="Nouakchott Dépêches",
        host="nouakchott-depeches.example",
        nav=("Accueil", "National", "Politique", "Économie", "Société", "Monde", "Sport"),
        cookie="Ce site utilise des cookies pour mesurer l'audience et personnaliser les "
        "publicités. En poursuivant votre navigation, vous acceptez leur utilisation.",
        buttons=("J'accepte", "Paramétrer"),
        related_title="À lire aussi",
        related=(
            "Pêche : ouverture de la campagne du poulpe à Nouadhibou",
            "Baccalauréat 2024 : les résultats attendus la semaine prochaine",
        ),
        footer=("Qui sommes-nous", "Publicité", "Mentions légales", "© 2024 Nouakchott Dépêches"),
    ),
    "ledger": Site(
        name="Gulf Labour Ledger",
        host="gulf-labour-ledger.example",
        nav=("Home", "Gulf", "Economy", "Labour", "Opinion", "Podcasts", "Subscribe"),
        cookie="We use cookies and similar technologies to personalise content and ads, "
        "provide social media features and analyse our traffic. By clicking Accept all, "
        "you consent to our use of cookies.",
        buttons=("Accept all", "Manage preferences"),
        related_title="Most read",
        related=(
            "Fuel prices unchanged for October",
            "Five things to know before renting a flat in Manama",
            "Opinion: the region's start-up boom needs patient capital",
        ),
        footer=("About us", "Advertise", "Contact", "Privacy policy", "© 2024 Gulf Labour Ledger"),
    ),
    "estrecho": Site(
        name="Diario del Estrecho",
        host="diario-del-estrecho.example",
        nav=("Portada", "Andalucía", "España", "Mundo", "Economía", "Deportes", "Opinión"),
        cookie="Utilizamos cookies propias y de terceros para fines analíticos y para "
        "mostrarte publicidad personalizada. Puedes aceptarlas o configurarlas.",
        buttons=("Aceptar", "Configurar"),
        related_title="Lo más leído",
        related=("El puerto de Algeciras bate su récord de contenedores", "Previsión del tiempo"),
        footer=("Aviso legal", "Política de privacidad", "Contacto", "© 2024 Diario del Estrecho"),
    ),
    "madar": Site(
        name="صحيفة المدار الإخبارية",
        host="almadar-daily.example",
        nav=("الرئيسية", "سياسة", "اقتصاد", "ثقافة", "رياضة", "رأي"),
        cookie="نستخدم ملفات تعريف الارتباط لأغراض التحليل والإعلانات. يمكنك قبولها أو تعديل "
        "إعداداتها في أي وقت.",
        buttons=("قبول", "الإعدادات"),
        related_title="الأكثر قراءة",
        related=("مباراة الديربي تنتهي بالتعادل", "تراجع أسعار الخضروات في الأسواق"),
        footer=("من نحن", "شروط الاستخدام", "© 2024 صحيفة المدار الإخبارية"),
    ),
}

DEMO: tuple[Sample, ...] = (
    Sample(
        "jo_vnr_2024_excerpt_en.pdf",
        "demo/jo_vnr_2024_excerpt_en.txt",
        "Jordan: Voluntary National Review of the GCM, chapter 3 (excerpt)",
        "national_review",
        "JO",
        2024,
        date(2024, 3, 28),
        "en",
        footer="Jordan, Voluntary National Review of the GCM, 2024 (excerpt)",
    ),
    Sample(
        "eg_vnr_2024_excerpt_ar.pdf",
        "demo/eg_vnr_2024_excerpt_ar.txt",
        "مصر: الاستعراض الوطني الطوعي لتنفيذ الاتفاق العالمي للهجرة، الفصل الرابع",
        "national_review",
        "EG",
        2024,
        date(2024, 4, 15),
        "ar",
        footer="الاستعراض الوطني الطوعي، جمهورية مصر العربية 2024",
    ),
    Sample(
        "ma_statement_cairo_2024_fr.docx",
        "demo/ma_statement_cairo_2024_fr.txt",
        "Déclaration du Royaume du Maroc, 2e conférence régionale d'examen du PMM, Le Caire",
        "statement",
        "MA",
        2024,
        date(2024, 7, 3),
        "fr",
    ),
    Sample(
        "co_statement_imrf_2022_es.docx",
        "demo/co_statement_imrf_2022_es.txt",
        "Intervención de Colombia en el Foro de Examen de la Migración Internacional 2022",
        "statement",
        "CO",
        2022,
        date(2022, 5, 18),
        "es",
    ),
    Sample(
        "iq_statement_cairo_2024_ar.docx",
        "demo/iq_statement_cairo_2024_ar.txt",
        "كلمة جمهورية العراق في المؤتمر الإقليمي الثاني لاستعراض الاتفاق العالمي للهجرة",
        "statement",
        "IQ",
        2024,
        date(2024, 7, 4),
        "ar",
    ),
    Sample(
        "qa_news_labour_ar.html",
        "demo/qa_news_labour_ar.txt",
        "قطر تطلق منصة بإحدى عشرة لغة لتعريف العمال الوافدين بحقوقهم",
        "news",
        "QA",
        2024,
        date(2024, 9, 18),
        "ar",
        site="mashreq",
        author="قسم الأخبار",
    ),
    Sample(
        "mr_news_identite_fr.html",
        "demo/mr_news_identite_fr.txt",
        "Mauritanie : lancement de l'enrôlement biométrique des immigrants",
        "news",
        "MR",
        2024,
        date(2024, 7, 11),
        "fr",
        site="nouakchott",
        author="La rédaction",
    ),
    Sample(
        "bh_news_screening_en.html",
        "demo/bh_news_screening_en.txt",
        "Bahrain pilots arrival desks to screen and refer newly arrived workers",
        "news",
        "BH",
        2024,
        date(2024, 10, 2),
        "en",
        site="ledger",
        author="Staff reporter",
    ),
    Sample(
        "stakeholder_coalition_2024_en.md",
        "demo/stakeholder_coalition_2024_en.md",
        "Mashreq–Maghreb Coalition for Migrant Dignity: submission to the 2nd Arab regional review",
        "stakeholder",
        None,
        2024,
        date(2024, 5, 30),
        "en",
    ),
    Sample(
        "stakeholder_red_andina_2022_es.txt",
        "demo/stakeholder_red_andina_2022_es.txt",
        "Red Andina de Organizaciones por la Movilidad Humana: aporte al FEMI 2022",
        "stakeholder",
        None,
        2022,
        date(2022, 4, 29),
        "es",
    ),
    Sample(
        "offtopic_bird_migration_en.txt",
        "demo/offtopic_bird_migration_en.txt",
        "Record raptor passage over the Rift Valley as autumn migration peaks",
        "news",
        "JO",
        2024,
        date(2024, 10, 21),
        "en",
    ),
)

FIXTURES: tuple[Sample, ...] = (
    Sample(
        "review_en_ar.pdf",
        "fixtures/review_en_ar.txt",
        "National progress report",
        "national_review",
        None,
        2024,
        date(2024, 3, 1),
        "en",
    ),
    Sample(
        "statement_fr.docx",
        "fixtures/statement_fr.txt",
        "Déclaration du Royaume du Maroc",
        "statement",
        "MA",
        2024,
        date(2024, 7, 3),
        "fr",
    ),
    Sample(
        "news_es.html",
        "fixtures/news_es.txt",
        "Las remesas desde España marcan un récord",
        "news",
        "ES",
        2024,
        date(2024, 7, 5),
        "es",
        site="estrecho",
        author="Redacción",
    ),
    Sample(
        "news_ar.html",
        "fixtures/news_ar.txt",
        "انطلاق المؤتمر الإقليمي الثاني في القاهرة",
        "news",
        "EG",
        2024,
        date(2024, 7, 3),
        "ar",
        site="madar",
        author="هالة عبد الرحيم",
    ),
    Sample(
        "submission_en.md",
        "fixtures/submission_en.md",
        "Note on migrant workers' health",
        "stakeholder",
        None,
        2024,
        date(2024, 6, 10),
        "en",
    ),
)


def parse_blocks(text: str) -> list[Block]:
    """Split a source text into blocks (see the module docstring for the format)."""
    blocks: list[Block] = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        raw = " ".join(line.strip() for line in chunk.splitlines())
        if raw == PAGE_BREAK:
            blocks.append(Block("page"))
            continue
        lang = None
        match = LANG_PREFIX.match(raw)
        if match:
            lang, raw = match.group(1), raw[match.end() :]
        for prefix, kind in (("## ", "h2"), ("# ", "h1"), ("> ", "note")):
            if raw.startswith(prefix):
                blocks.append(Block(kind, raw[len(prefix) :], lang))
                break
        else:
            blocks.append(Block("p", raw, lang))
    return blocks


def block_lang(block: Block, sample: Sample) -> str:
    """Language of a block: its own marker or the document's language."""
    return block.lang or sample.lang


def locale_tag(lang: str, country: str | None) -> str:
    """BCP 47 tag for document metadata: Arabic takes the reporting country as region."""
    if lang == "ar" and country:
        return f"ar-{country}"
    return LOCALES[lang]


# --- PDF -----------------------------------------------------------------------------------

PDF_STYLES: dict[str, tuple[str, float, float]] = {
    "h1": ("B", 15.0, 4.0),
    "h2": ("B", 12.0, 2.0),
    "note": ("I", 10.0, 3.0),
    "p": ("", 10.5, 2.5),
}

PDF_FONTS = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
HINTING_TABLES = ("fpgm", "prep", "cvt ", "hdmx", "LTSH", "VDMX")
LAM_ALEF_GLYPHS = frozenset(f"uniFEF{c}" for c in "56789ABC")


def prepare_font(source: Path, target: Path) -> Path:
    """Save a copy of a TrueType font rescaled to 1000 units per em, without hinting.

    fpdf2 compares HarfBuzz advances with widths in thousandths of an em; for a 2048-unit
    font like DejaVu they never match, so every glyph becomes its own positioned text
    operator, and PDFium then extracts right-to-left lines that contain digits in visual
    order. At 1000 units per em each run stays in one operator and extracts in logical order.
    """
    font = TTFont(source, recalcTimestamp=False)
    scale_upem(font, 1000)
    glyf = font["glyf"]
    for name in font.getGlyphOrder():
        glyf[name].removeHinting()
    for tag in HINTING_TABLES:
        if tag in font:
            del font[tag]
    font.save(target)
    return target


def prepare_fonts(work_dir: Path) -> dict[str, Path]:
    """Prepared copies of the DejaVu faces, keyed by fpdf2 style."""
    return {
        style: prepare_font(FONT_DIR / name, work_dir / name) for style, name in PDF_FONTS.items()
    }


def map_lam_alef(pdf: FPDF) -> None:
    """Give lam-alef ligature glyphs their presentation-form code point in /ToUnicode.

    fpdf2 maps a ligature glyph to the characters of its cluster (lam, alef). PDFium reverses
    right-to-left text character by character, so that pair comes out as alef-lam. A single
    code point (U+FEF5-U+FEFC, named after the glyph) survives the reversal and PDFium
    decomposes it to lam + alef; other extractors return the presentation form, which NFKC
    folds to the same pair. Relies on fpdf2 internals (``font.subset``, ``Glyph.unicode``).
    """
    for font in pdf.fonts.values():
        subset = getattr(font, "subset", None)
        if subset is None:
            continue
        for glyph, _ in subset.items():
            if glyph is not None and glyph.glyph_name in LAM_ALEF_GLYPHS:
                glyph.unicode = (int(glyph.glyph_name[3:], 16),)


class SamplePdf(FPDF):
    """An A4 PDF with DejaVu fonts, text shaping and an optional running footer."""

    def __init__(self, fonts: dict[str, Path], footer_text: str | None) -> None:
        super().__init__(format="A4")
        self.font_files = fonts
        self.footer_text = footer_text
        self.loaded_styles: set[str] = set()
        self.set_text_shaping(True)
        self.set_margins(22, 20, 22)
        self.set_auto_page_break(True, margin=20)

    def use_font(self, style: str, size: float) -> None:
        """Select a DejaVu face, embedding it on first use only (keeps files small)."""
        if style not in self.loaded_styles:
            self.add_font("dejavu", style, str(self.font_files[style]))
            self.loaded_styles.add(style)
        self.set_font("dejavu", style, size)

    def footer(self) -> None:
        if not self.footer_text:
            return
        self.set_y(-14)
        self.use_font("", 8)
        self.cell(0, 6, f"{self.footer_text} | {self.page_no()}", align="C")


def pdf_block(pdf: SamplePdf, block: Block, lang: str) -> None:
    """Render one block on the current page."""
    if block.kind == "page":
        pdf.add_page()
        return
    style, size, gap = PDF_STYLES[block.kind]
    rtl = lang in RTL_LANGS
    if rtl and style == "I":
        style = ""  # DejaVu Sans Oblique has no Arabic glyphs
    pdf.use_font(style, size)
    pdf.multi_cell(
        0, size * 0.52, block.text, align="R" if rtl else "L", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.ln(gap)


def write_pdf(sample: Sample, blocks: Sequence[Block], path: Path, fonts: dict[str, Path]) -> None:
    """Render blocks to a deterministic PDF with shaped right-to-left Arabic."""
    pdf = SamplePdf(fonts, sample.footer)
    pdf.set_creation_date(datetime.combine(sample.date, datetime.min.time(), tzinfo=UTC))
    pdf.set_title(sample.title)
    pdf.set_author(GENERATOR)
    pdf.set_creator(GENERATOR)
    pdf.set_lang(locale_tag(sample.lang, sample.country))
    pdf.add_page()
    for block in blocks:
        pdf_block(pdf, block, block_lang(block, sample))
    map_lam_alef(pdf)
    path.write_bytes(bytes(pdf.output()))


def write_encrypted_pdf(path: Path) -> None:
    """A one-page PDF that cannot be opened without the user password ``gcm-user``."""
    pdf = FPDF(format="A4")
    pdf.set_creation_date(datetime(2024, 1, 1, tzinfo=UTC))
    pdf.set_encryption(owner_password="gcm-owner", user_password="gcm-user")
    pdf.set_font("helvetica", size=11)
    pdf.add_page()
    pdf.multi_cell(
        0,
        6,
        "Restricted draft: national review on labour migration.",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    path.write_bytes(bytes(pdf.output()))


# --- DOCX ----------------------------------------------------------------------------------


def make_rtl(paragraph: Paragraph, tag: str) -> None:
    """Mark a paragraph and its runs as right-to-left (python-docx has no API for w:bidi)."""
    ppr = paragraph._p.get_or_add_pPr()
    ppr.insert_element_before(OxmlElement("w:bidi"), *BIDI_SUCCESSORS)
    for run in paragraph.runs:
        run.font.rtl = True
        lang_el = OxmlElement("w:lang")
        lang_el.set(qn("w:bidi"), tag)
        run._r.get_or_add_rPr().append(lang_el)


def docx_block(doc: DocxDocument, block: Block, sample: Sample) -> None:
    """Append one block to the document."""
    if block.kind == "page":
        return  # page breaks only apply to PDF output
    lang = block_lang(block, sample)
    if block.kind in ("h1", "h2"):
        paragraph = doc.add_heading(block.text, level=int(block.kind[1]))
    else:
        paragraph = doc.add_paragraph()
        run = paragraph.add_run(block.text)
        if block.kind == "note":
            run.italic = True
    if lang in RTL_LANGS:
        make_rtl(paragraph, locale_tag(lang, sample.country))


KEEP_STYLES = frozenset(
    {"Normal", "DefaultParagraphFont", "TableNormal", "NoList", "Heading1", "Heading2"}
    | {"Heading1Char", "Heading2Char"}
)


def fixed_zip(data: bytes) -> bytes:
    """Rewrite a ZIP package with fixed member times so that its bytes are reproducible."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


def slim_docx(doc: DocxDocument) -> None:
    """Drop template parts a sample does not need (unused styles, thumbnail, custom XML)."""
    styles = doc.styles.element
    for child in list(styles):
        unused = child.tag == qn("w:style") and child.get(qn("w:styleId")) not in KEEP_STYLES
        if unused or child.tag == qn("w:latentStyles"):
            styles.remove(child)
    for rel_id, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith(("/stylesWithEffects", "/customXml")):
            doc.part.drop_rel(rel_id)
    package_rels = doc.part.package.rels
    for rel_id, rel in list(package_rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package_rels[rel_id]


def write_docx(sample: Sample, blocks: Sequence[Block], path: Path) -> None:
    """Render blocks to a deterministic DOCX (headings as Heading 1/2 styles)."""
    doc = Document()
    slim_docx(doc)
    for block in blocks:
        docx_block(doc, block, sample)
    stamp = datetime.combine(sample.date, datetime.min.time())
    props = doc.core_properties
    props.title = sample.title
    props.author = props.last_modified_by = GENERATOR
    props.language = locale_tag(sample.lang, sample.country)
    props.comments = "Fictional sample written for gcm-review."
    props.created = props.modified = props.last_printed = stamp
    props.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    path.write_bytes(fixed_zip(buffer.getvalue()))


# --- HTML ----------------------------------------------------------------------------------


def html_article(blocks: Sequence[Block], sample: Sample) -> tuple[str, list[str]]:
    """Return the headline and the HTML lines of the article body."""
    esc = html.escape
    headline = next((b.text for b in blocks if b.kind == "h1"), sample.title)
    lines = [f'<h1 class="headline">{esc(headline)}</h1>']
    lines += [f'<p class="standfirst">{esc(b.text)}</p>' for b in blocks if b.kind == "note"]
    lines.append(
        f'<div class="byline"><span class="author">{esc(sample.author or "")}</span> '
        f'<time datetime="{sample.date.isoformat()}">{sample.date.isoformat()}</time></div>'
    )
    for block in blocks:
        if block.kind == "h2":
            lines.append(f"<h2>{esc(block.text)}</h2>")
        elif block.kind == "p":
            lines.append(f"<p>{esc(block.text)}</p>")
    return headline, lines


def html_chrome(site: Site) -> tuple[list[str], list[str]]:
    """Boilerplate before and after the article: cookie banner, navigation, aside, footer."""
    esc = html.escape
    nav = "".join(f'<li><a href="/{i}">{esc(item)}</a></li>' for i, item in enumerate(site.nav))
    before = [
        f'<div id="cookie-banner" class="cookie-consent"><p>{esc(site.cookie)}</p>'
        f"<button>{esc(site.buttons[0])}</button><button>{esc(site.buttons[1])}</button></div>",
        f'<header class="site-header"><a class="logo" href="/">{esc(site.name)}</a>',
        f'<nav class="main-nav"><ul>{nav}</ul></nav></header>',
    ]
    related = "".join(f'<li><a href="/r/{i}">{esc(t)}</a></li>' for i, t in enumerate(site.related))
    links = " | ".join(f'<a href="/p/{i}">{esc(t)}</a>' for i, t in enumerate(site.footer))
    after = [
        f'<aside class="sidebar"><h3>{esc(site.related_title)}</h3><ul>{related}</ul></aside>',
        f'<footer class="site-footer"><p>{links}</p></footer>',
    ]
    return before, after


def write_html(sample: Sample, blocks: Sequence[Block], path: Path) -> None:
    """Render blocks as a news page wrapped in its site's boilerplate."""
    if sample.site is None:
        raise ValueError(f"{sample.file}: HTML samples need a site")
    site = SITES[sample.site]
    headline, article = html_article(blocks, sample)
    before, after = html_chrome(site)
    direction = "rtl" if sample.lang in RTL_LANGS else "ltr"
    day = sample.date.isoformat()
    head = [
        "<!DOCTYPE html>",
        f'<html lang="{sample.lang}" dir="{direction}">',
        '<head><meta charset="utf-8">',
        f"<title>{html.escape(headline)} | {html.escape(site.name)}</title>",
        f'<meta name="date" content="{day}">',
        f'<meta name="author" content="{html.escape(sample.author or site.name)}">',
        f'<meta property="og:site_name" content="{html.escape(site.name)}">',
        f'<link rel="canonical" href="https://{site.host}/{day}/{Path(sample.file).stem}">',
        "</head>",
        "<body>",
    ]
    main = ["<main>", "<article>", *article, "</article>", "</main>"]
    page = [*head, *before, *main, *after, "</body>", "</html>", ""]
    path.write_text("\n".join(page), encoding="utf-8")


# --- corpus --------------------------------------------------------------------------------


def render(sample: Sample, out_dir: Path, fonts: dict[str, Path]) -> Path:
    """Write one sample in the format given by its file extension."""
    source = TEXTS / sample.source
    target = out_dir / sample.file
    suffix = target.suffix
    if suffix in (".md", ".txt"):
        target.write_bytes(source.read_bytes())
        return target
    blocks = parse_blocks(source.read_text(encoding="utf-8"))
    if suffix == ".pdf":
        write_pdf(sample, blocks, target, fonts)
    elif suffix == ".docx":
        write_docx(sample, blocks, target)
    elif suffix == ".html":
        write_html(sample, blocks, target)
    else:
        raise ValueError(f"{sample.file}: no writer for {suffix}")
    return target


def yaml_str(value: str | None) -> str:
    """A YAML scalar: JSON string syntax is valid YAML double-quoted style."""
    return "null" if value is None else json.dumps(value, ensure_ascii=False)


def write_manifest(samples: Sequence[Sample], path: Path) -> None:
    """Write manifest.yaml describing each demo document."""
    lines = [
        "# Generated by scripts/make_samples.py; edit the script, not this file.",
        'version: "1.0.0"',
        f"source: {yaml_str(GENERATOR)}",
        f"note: {yaml_str(NOTE)}",
        "documents:",
    ]
    for s in samples:
        lines += [
            f"  - file: {s.file}",
            f"    title: {yaml_str(s.title)}",
            f"    kind: {s.kind}",
            f"    country: {yaml_str(s.country)}",
            f"    cycle: {s.cycle}",
            f"    date: {s.date.isoformat()}",
            f"    lang: {s.lang}",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_broken_inputs(out_dir: Path) -> list[Path]:
    """Empty, corrupt, encrypted and unsupported files for the readers' error paths."""
    garbage = b"".join(hashlib.sha256(bytes([i])).digest() for i in range(12))
    files = {
        "empty.txt": b"",
        "corrupt.pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Cat" + garbage,
        "unsupported.xyz": b"XYZ1\x00\x01gcm-review: not a supported format\n",
    }
    paths = []
    for name, data in files.items():
        (out_dir / name).write_bytes(data)
        paths.append(out_dir / name)
    write_encrypted_pdf(out_dir / "encrypted.pdf")
    return [*paths, out_dir / "encrypted.pdf"]


def check_fonts() -> None:
    """Fail early with a clear message when the DejaVu fonts are missing."""
    for name in PDF_FONTS.values():
        if not (FONT_DIR / name).is_file():
            raise SystemExit(f"missing font {FONT_DIR / name} (install fonts-dejavu-core)")


def main(argv: Sequence[str] | None = None) -> int:
    """Regenerate the demo corpus and the test fixtures; print each file and its size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--root", type=Path, default=SCRIPT_DIR.parent, help="repository root")
    args = parser.parse_args(argv)
    check_fonts()
    demo_dir = args.root / "src" / "gcm_review" / "data" / "demo"
    fixture_dir = args.root / "tests" / "fixtures"
    demo_dir.mkdir(parents=True, exist_ok=True)
    fixture_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="gcm-samples-") as tmp:
        fonts = prepare_fonts(Path(tmp))
        written = [render(sample, demo_dir, fonts) for sample in DEMO]
        written += [render(sample, fixture_dir, fonts) for sample in FIXTURES]
    write_manifest(DEMO, demo_dir / "manifest.yaml")
    written.append(demo_dir / "manifest.yaml")
    written += write_broken_inputs(fixture_dir)
    for path in written:
        print(f"{path.stat().st_size:>8}  {path.relative_to(args.root)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
