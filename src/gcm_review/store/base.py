"""The storage interface every back-end implements, and the records it returns."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass

from ..models import AnalysedDocument, Event, Evidence


@dataclass(frozen=True, slots=True)
class StoredMatch:
    """A match as stored: target, score, evidence and the framework it came from."""

    target: str
    score: float
    evidence: tuple[Evidence, ...]
    framework: str


@dataclass(frozen=True, slots=True)
class StoredPassage:
    """A passage read back from the store with its mapping.

    Attributes:
        id: row id in the store.
        document_id: SHA-256 of the document.
        document_title: title of the document.
        index: position of the passage in its document.
        page: 1-based page.
        heading: heading path above the passage.
        lang: language of the passage.
        text: passage text.
        statement_type: practice, commitment, challenge, recommendation, report or none.
        actors: ISO codes of the states acting.
        objectives: asserted objectives, best first.
        principles: asserted principles, best first.
    """

    id: int
    document_id: str
    document_title: str
    index: int
    page: int
    heading: str
    lang: str
    text: str
    statement_type: str
    actors: tuple[str, ...]
    objectives: tuple[StoredMatch, ...]
    principles: tuple[StoredMatch, ...]


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A document row: what was declared and found about a stored document."""

    id: str
    source: str
    title: str
    kind: str
    country: str | None
    cycle: int | None
    lang: str
    date: str | None
    passages: int
    framework: str


@dataclass(frozen=True, slots=True)
class StoredEntity:
    """One entity across every stored document.

    Attributes:
        type: country, organisation, person or date.
        value: ISO code, organisation id, person key or ISO date.
        label: the way it is most often written.
        documents: how many documents name it.
        passages: how many passages name it.
        acting: in how many passages it acts (countries).
        details: what the documents say of it (a person's role, affiliation, state).
    """

    type: str
    value: str
    label: str
    documents: int
    passages: int
    acting: int
    details: dict[str, str]


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """One meeting across every document that reports it (same key: kind, ordinal, state,
    month), its details merged.

    Attributes:
        event: the merged event.
        documents: ids of the documents that report it.
    """

    event: Event
    documents: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CoverageCell:
    """How much evidence one state gave for one objective."""

    country: str
    objective: int
    passages: int
    documents: int


class Store(ABC):
    """Where analysed documents are kept and queried."""

    @abstractmethod
    def has_document(self, document_id: str) -> bool:
        """Whether a document with this id is stored."""

    @abstractmethod
    def add_document(self, document: AnalysedDocument) -> None:
        """Store a document and everything found in it, in one transaction."""

    @abstractmethod
    def documents(self) -> list[StoredDocument]:
        """All stored documents, oldest ingest first."""

    @abstractmethod
    def coverage(self) -> list[CoverageCell]:
        """Passages and documents per (acting state, objective)."""

    @abstractmethod
    def passages(
        self,
        objective: int | None = None,
        country: str | None = None,
        lang: str | None = None,
        query: str | None = None,
        limit: int | None = None,
    ) -> list[StoredPassage]:
        """Passages with their mapping, filtered; ``query`` is a full-text search."""

    @abstractmethod
    def entities(self, type: str | None = None) -> list[StoredEntity]:
        """Entities across documents, most often named first; ``type`` filters."""

    @abstractmethod
    def events(self) -> list[StoredEvent]:
        """Meetings across documents, the most recent first."""

    @abstractmethod
    def close(self) -> None:
        """Release the connection."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
