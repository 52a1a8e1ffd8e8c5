"""Records passed between the stages of the pipeline.

Every record is a frozen dataclass: stages build new records instead of changing old ones,
so what a stage received is still what it received when a later stage runs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, get_args

BlockKind = Literal["heading", "paragraph"]
StatementType = Literal["practice", "commitment", "challenge", "recommendation", "report", "none"]
STATEMENT_TYPES: tuple[StatementType, ...] = (
    "practice",
    "commitment",
    "challenge",
    "recommendation",
    "report",
    "none",
)
DocumentKind = Literal[
    "national_review",
    "statement",
    "stakeholder",
    "conference_record",
    "un_update",
    "news",
    "pledge",
    "other",
]
DOCUMENT_KINDS: tuple[str, ...] = get_args(DocumentKind)


def known_kind(record: dict[str, object]) -> str | None:
    """The document kind an input record declares (``kind``, or ``genre`` as in labelled
    sets), or None when it declares none, ``other``, or a kind not in ``DOCUMENT_KINDS``."""
    value = record.get("kind") or record.get("genre")
    if isinstance(value, str) and value in DOCUMENT_KINDS and value != "other":
        return value
    return None


@dataclass(frozen=True, slots=True)
class Block:
    """A heading or paragraph as the reader found it.

    Attributes:
        kind: ``heading`` or ``paragraph``.
        text: the raw text of the block.
        page: 1-based page number (1 for formats without pages).
        start: offset of the block's first character in its page's text.
        level: heading level (1 = top); 0 for paragraphs.
        continues: the paragraph goes on from the previous page, whose break cut it.
    """

    kind: BlockKind
    text: str
    page: int
    start: int
    level: int = 0
    continues: bool = False


@dataclass(frozen=True, slots=True)
class Document:
    """A file turned into blocks of text.

    Attributes:
        id: SHA-256 of the file's bytes, so the same bytes always give the same id.
        source: where the bytes came from (a path, or a name given by the caller).
        format: ``pdf``, ``docx``, ``html``, ``text``.
        pages: the text of each page, blocks joined by blank lines.
        blocks: headings and paragraphs in reading order.
        title: title from the file's metadata or first heading, if any.
        date: publication date (ISO 8601) from the file's metadata, if any.
    """

    id: str
    source: str
    format: str
    pages: tuple[str, ...]
    blocks: tuple[Block, ...]
    title: str | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class CleanBlock:
    """A block after normalisation.

    Attributes:
        block: the block as read.
        text: normalised text (NFC, no tatweel, de-hyphenated, debris removed).
        offsets: for each character of ``text``, the index of the character of
            ``block.text`` it came from.
    """

    block: Block
    text: str
    offsets: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of ``text`` to a span of the page text the block came from."""
        if start >= end:
            origin = self.offsets[start] if start < len(self.offsets) else len(self.block.text)
            return self.block.start + origin, self.block.start + origin
        return self.block.start + self.offsets[start], self.block.start + self.offsets[end - 1] + 1


HEADING_SEPARATOR = " > "  # between the headings of a passage's heading path


@dataclass(frozen=True, slots=True)
class Passage:
    """One to a few sentences of one paragraph.

    Attributes:
        document_id: id of the document it belongs to.
        index: 0-based position among the document's passages.
        paragraph: 0-based index of the paragraph it comes from.
        page: 1-based page number.
        start: offset of its first character in the page text (before normalisation).
        end: offset just past its last character in the page text (in the next page's text
            when a page break cut its paragraph and the passage runs on across it).
        heading: the heading path above it, outermost first, joined with
            ``HEADING_SEPARATOR``, or "".
        text: normalised text.
    """

    document_id: str
    index: int
    paragraph: int
    page: int
    start: int
    end: int
    heading: str
    text: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """One piece of text that supports a match.

    Attributes:
        text: the words as they stand in the passage; for a prototype, the framework's
            example statement the passage is closest to; for a heading, the heading.
        start: offset in the passage text (0 for a prototype or a heading).
        end: offset just past the end in the passage text (0 for a prototype or a heading).
        kind: ``reference`` (an explicit citation such as "objective 15"), ``cue``,
            ``prototype`` (semantic similarity), or ``heading`` (the passage stands under a
            heading that cites the objective: the document files it there).
        weight: the weight the framework gives this evidence; for a prototype, the
            similarity.
    """

    text: str
    start: int
    end: int
    kind: Literal["reference", "cue", "prototype", "heading"]
    weight: float


@dataclass(frozen=True, slots=True)
class Match:
    """A passage tied to one objective or principle, with the evidence for it.

    Attributes:
        kind: ``objective`` or ``principle``.
        target: the objective number as a string ("15") or the principle id.
        score: confidence in [0, 1].
        evidence: what in the passage produced the score, strongest first.
        framework: ``<framework id>@<version>`` the match was made with.
    """

    kind: Literal["objective", "principle"]
    target: str
    score: float
    evidence: tuple[Evidence, ...]
    framework: str


@dataclass(frozen=True, slots=True)
class Entity:
    """Something a passage names.

    Attributes:
        type: ``country`` or ``organisation``.
        text: the words as they stand in the passage.
        start: offset in the passage text.
        end: offset just past the end.
        value: normalised value: ISO 3166-1 alpha-2 code or organisation id.
        actor: for a country, whether it acts in the passage ("le Maroc a présidé") rather
            than being merely named or concerned ("travailleurs marocains", "à Genève").
    """

    type: Literal["country", "organisation"]
    text: str
    start: int
    end: int
    value: str
    actor: bool = False


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date or date range written in a passage, resolved to ISO 8601.

    Attributes:
        text: the words as they stand in the passage ("les 3 et 4 juillet").
        start: offset in the passage text.
        end: offset just past the end.
        value: ``YYYY-MM-DD`` for a day, ``YYYY-MM`` for a month, ``YYYY`` for a year, or
            ``start/end`` for a range ("2024-07-03/2024-07-04").
        relative: whether it was resolved against a reference date ("hier", "last year").
    """

    text: str
    start: int
    end: int
    value: str
    relative: bool = False


@dataclass(frozen=True, slots=True)
class PersonMention:
    """A person named in a passage, with what the passage says about them.

    Attributes:
        name: the name as written, without honorific ("Ismail Chakouri").
        start: offset of the name in the passage text.
        end: offset just past the name.
        honorific: the title before the name, if any ("M.", "H.E.", "السيد").
        role: the function given in apposition ("directeur des questions globales").
        affiliation: the body the person belongs to ("ministère des Affaires étrangères").
        country: ISO code of the state the person represents, when the passage says it.
        key: the key under which other spellings of the name meet ("chakouri ismail").
    """

    name: str
    start: int
    end: int
    honorific: str | None = None
    role: str | None = None
    affiliation: str | None = None
    country: str | None = None
    key: str = ""


@dataclass(frozen=True, slots=True)
class Place:
    """A city named in a passage.

    Attributes:
        text: the words as they stand in the passage ("Caire", "بالقاهرة").
        start: offset in the passage text.
        end: offset just past the end.
        city: the city's English name from the gazetteer ("Cairo").
        country: ISO 3166-1 alpha-2 code of its state.
    """

    text: str
    start: int
    end: int
    city: str
    country: str


@dataclass(frozen=True, slots=True)
class Session:
    """A session of an event.

    Attributes:
        title: the words as written, determiner and topic included.
        kind: ``plenary``, ``high-level``, ``panel`` or ``session``.
        passage: index of the passage that gives the title (the caller maps it to objectives).
        chair_country: ISO code of the state that chaired it.
        chair_person: the name of the person who chaired it.
        speakers: names of the people who spoke in it, in order of mention.
        objectives: the objectives its topic covers (set by the pipeline from the title).
        date: the day it was held (ISO 8601), when the text gives it or the event lasted
            one day.
    """

    title: str
    kind: str
    passage: int
    chair_country: str | None
    chair_person: str | None
    speakers: tuple[str, ...]
    objectives: tuple[int, ...] = ()
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """A meeting a document reports.

    Attributes:
        name: the fullest name written ("deuxième conférence régionale d'examen du ...").
        ordinal: its number in a series ("deuxième" is 2).
        kind: ``conference``, ``forum``, ``meeting``, ... (the keys of ``heads``).
        city: English name of the city it was held in; country: ISO code of that city.
        start: ISO date (day, month or year) it began; end: the day it ended, for a range.
        organisers: organisation ids; sessions: its sessions in order of mention.
        passages: indexes of the passages that mention it; key: ``event_key(event)``.
    """

    name: str
    ordinal: int | None
    kind: str
    city: str | None
    country: str | None
    start: str | None
    end: str | None
    organisers: tuple[str, ...]
    sessions: tuple[Session, ...]
    passages: tuple[int, ...]
    key: str


@dataclass(frozen=True, slots=True)
class Mapping:
    """What the map and extract stages say about one passage.

    Attributes:
        lang: language code of the passage (``ar``, ``fr``, ``en``, ``es`` or another code).
        relevant: whether the passage is about human migration at all.
        objectives: asserted objectives, highest score first.
        principles: asserted principles, highest score first.
        statement_type: practice, commitment, challenge, recommendation, report or none.
        entities: countries and organisations named.
    """

    lang: str
    relevant: bool
    objectives: tuple[Match, ...]
    principles: tuple[Match, ...]
    statement_type: StatementType
    entities: tuple[Entity, ...] = ()

    @property
    def countries(self) -> list[str]:
        """ISO codes of the countries named, in order of first mention."""
        return _unique(e.value for e in self.entities if e.type == "country")

    @property
    def organisations(self) -> list[str]:
        """Ids of the organisations named, in order of first mention."""
        return _unique(e.value for e in self.entities if e.type == "organisation")


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What the caller declares about a document when ingesting it.

    Attributes:
        country: ISO alpha-2 code of the state the document speaks for; it becomes the
            default actor of every passage.
        kind: one of ``DOCUMENT_KINDS``.
        cycle: review cycle (a year such as 2024).
        title: overrides the title found in the file.
        date: publication date (ISO 8601), overrides the file's metadata.
    """

    country: str | None = None
    kind: str = "other"
    cycle: int | None = None
    title: str | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class AnalysedPassage:
    """A passage with its mapping, the states acting in it, and the facts it states.

    Attributes:
        passage: the passage.
        mapping: objectives, principles, statement type, countries and organisations.
        actors: ISO codes of the states acting: the document's declared country, else the
            states the passage names.
        dates: dates and ranges, resolved against the document's date.
        people: people with their role, affiliation and state.
        places: cities named.
        speakers: names of the people whose words the passage reports ("X a souligné").
    """

    passage: Passage
    mapping: Mapping
    actors: tuple[str, ...]
    dates: tuple[DateMention, ...] = ()
    people: tuple[PersonMention, ...] = ()
    places: tuple[Place, ...] = ()
    speakers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AnalysedDocument:
    """A document with everything the pipeline found in it.

    Attributes:
        document: the document as read.
        info: what the caller declared about it.
        lang: the most frequent language among its passages.
        passages: its analysed passages in order.
        framework: ``<framework id>@<version>`` used for the mapping.
        date: publication date (ISO): declared, from the file's metadata, or inferred
            from the text; None when nothing tells.
        events: the meetings it reports, with their sessions.
    """

    document: Document
    info: DocumentInfo
    lang: str
    passages: tuple[AnalysedPassage, ...]
    framework: str
    date: str | None = None
    events: tuple[Event, ...] = ()


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))
