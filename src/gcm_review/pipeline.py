"""The only module that knows the order of the stages.

read → normalise → segment → language → map → extract → store
"""

from __future__ import annotations

import datetime
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import islice
from pathlib import Path
from typing import NamedTuple

from threadpoolctl import ThreadpoolController

from .errors import IngestError, StoreError
from .extract import ExtractOptions, Extractor, states_named
from .extract.actors import actor_rules
from .extract.bodies import find_unknown_organisations
from .extract.dates import find_dates, infer_document_date
from .extract.events import PassageFacts, find_events
from .extract.ner import NameRecognizer
from .extract.people import PeopleFinder, find_speakers, person_key, within_document
from .extract.places import find_places
from .extract.statements import kind_of_title
from .framework import Framework, load_framework
from .language import detect_language
from .mapping import Mapper, MappingOptions
from .mapping.semantic import Encoded
from .models import (
    HEADING_SEPARATOR,
    AnalysedDocument,
    AnalysedPassage,
    Document,
    DocumentInfo,
    Entity,
    Mapping,
    Passage,
    PersonMention,
    Place,
    Session,
)
from .normalise import normalise_block, normalise_text
from .read import SUPPORTED_SUFFIXES, read_document
from .segment import SegmentOptions, split_passages
from .store import Store
from .text import Token, tokenize


class Query(NamedTuple):
    """One passage to classify: its text, and its language, document kind and heading path
    (``Passage.heading``) when known."""

    text: str
    lang: str | None = None
    kind: str | None = None
    heading: str = ""


# Below this many letters a passage's own language guess is unreliable; the document's
# majority language is used instead.
_SHORT_PASSAGE = 40
_TITLE_WORDS = 30  # a longer first passage is no title


def default_cache_dir() -> Path:
    """Where gcm-review keeps derived data between runs (``$XDG_CACHE_HOME/gcm-review``)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "gcm-review"


@dataclass(frozen=True)
class Options:
    """Settings of every stage, passed down explicitly."""

    segment: SegmentOptions = field(default_factory=SegmentOptions)
    mapping: MappingOptions = field(
        default_factory=lambda: MappingOptions(cache_dir=default_cache_dir())
    )
    extract: ExtractOptions = field(default_factory=ExtractOptions)


class Engine:
    """Runs the pipeline with one framework and one set of options.

    Args:
        framework: a loaded framework; the shipped GCM framework when omitted.
        options: stage settings; defaults when omitted.
    """

    def __init__(self, framework: Framework | None = None, options: Options | None = None) -> None:
        self.framework = framework or load_framework()
        self.options = options or Options()
        self.mapper = Mapper(self.framework, self.options.mapping)
        # the statement model the mode can feed: with sentence vectors only in the full mode
        fusion = self.framework.fusion
        if fusion is None:
            statement, statement_kinds = None, None
        elif self.mapper.semantic:
            statement, statement_kinds = fusion.statement, fusion.statement_kinds
        else:
            statement, statement_kinds = fusion.lexical_statement, fusion.lexical_statement_kinds
        self.extractor = Extractor(self.options.extract, statement, statement_kinds)
        self.people = PeopleFinder()
        self.names = NameRecognizer()

    def classify(
        self, text: str, lang: str | None = None, kind: str | None = None, heading: str = ""
    ) -> Mapping:
        """Map one passage of text (the ``classify`` contract).

        Args:
            text: the passage.
            lang: its language code when known; detected otherwise.
            kind: the kind of document it comes from (``DOCUMENT_KINDS``), when known.
            heading: the headings above it, outermost first, joined with
                ``HEADING_SEPARATOR`` (a heading that cites or names objectives, or names a
                guiding principle, files it under them; one that names its section,
                "Challenges", leans its statement type).
        """
        return next(self.classify_many([Query(text, lang, kind, heading)]))

    def classify_many(
        self, items: Iterable[Query | tuple[str, str | None]], batch_size: int = 64
    ) -> Iterator[Mapping]:
        """Map passages as they come, encoding them in batches (constant memory).

        Args:
            items: queries, or (text, language or None) pairs.
            batch_size: passages encoded together by the semantic layer.

        Yields:
            One mapping per input, in input order.
        """
        iterator = (Query(*item) for item in items)
        while batch := list(islice(iterator, batch_size)):
            texts = [normalise_text(query.text) for query in batch]
            langs = [
                query.lang or detect_language(text)
                for text, query in zip(texts, batch, strict=True)
            ]
            with _small_blas():
                encoded = self.mapper.encode(texts)
                mappings = [
                    self._map(
                        text,
                        lang,
                        None if encoded is None else encoded[i],
                        tokenize(text),
                        batch[i].kind,
                        heading=batch[i].heading,
                    )
                    for i, (text, lang) in enumerate(zip(texts, langs, strict=True))
                ]
            yield from mappings

    def _map(
        self,
        text: str,
        lang: str,
        encoded: Encoded | None,
        tokens: Sequence[Token],
        kind: str | None,
        places: Sequence[Place] | None = None,
        heading: str = "",
    ) -> Mapping:
        """Map a passage and find its entities (``places``: its cities, when the caller has
        them; ``heading``: the heading path above it, in a document).

        The countries and organisations are found first: they need nothing from the map, and
        the map's relevance layer reads how many states the passage names.
        """
        named = self.extractor.entities(text, tokens, lang)
        found = self.mapper.map_passage(
            text, lang, tokens, encoded, kind, states_named(named), heading
        )
        vector = None if encoded is None else encoded.vector
        statement_type = self.extractor.statement_type(
            text, lang, found.relevant, tokens, vector, kind, heading
        )
        places = find_places(text, lang, tokens) if places is None else places
        cities = self.extractor.city_countries(places)
        # a state's name inside a city's ("San Salvador", "Kuwait City") is the city's
        if cities:
            named = [e for e in named if not any(_holds(c, e) for c in cities)]
        entities = tuple(sorted((*named, *cities), key=lambda e: e.start))
        return Mapping(
            lang, found.relevant, found.objectives, found.principles, statement_type, entities
        )

    def analyse(self, document: Document, info: DocumentInfo | None = None) -> AnalysedDocument:
        """Run every stage after ``read`` on a document.

        Args:
            document: a document from ``read_document``.
            info: what the caller declares about it (country, kind, cycle, title, date).
        """
        info = info or DocumentInfo()
        clean = [normalise_block(block) for block in document.blocks]
        passages = split_passages(document.id, clean, self.options.segment)
        guesses = [detect_language(p.text) for p in passages]
        letters: Counter[str] = Counter()  # a short heading does not outvote the text
        for passage, guess in zip(passages, guesses, strict=True):
            letters[guess] += sum(ch.isalpha() for ch in passage.text) or 1
        majority = letters.most_common(1)[0][0] if letters else "und"
        with _small_blas():
            return self._analyse(document, info, passages, guesses, majority)

    def _analyse(
        self,
        document: Document,
        info: DocumentInfo,
        passages: list[Passage],
        guesses: list[str],
        majority: str,
    ) -> AnalysedDocument:
        date = _document_date(info, document, [p.text for p in passages], majority)
        headings = self._headings(document, info, passages)
        if not info.country:
            info = replace(info, country=self._speaker(headings, majority))
        if info.kind == "other":
            info = replace(info, kind=self._kind(headings, majority) or "other")
        reference = datetime.date.fromisoformat(date) if date else None
        analysed: list[AnalysedPassage] = []
        kind = None if info.kind == "other" else info.kind
        encoded = self.mapper.encode([p.text for p in passages])
        opening = (-1, "")  # the paragraph, and the words citing objectives that open it
        for i, (passage, guess) in enumerate(zip(passages, guesses, strict=True)):
            letters = sum(ch.isalpha() for ch in passage.text)
            lang = guess if letters >= _SHORT_PASSAGE else majority
            tokens = tokenize(passage.text)
            vector = None if encoded is None else encoded[i]
            places = tuple(find_places(passage.text, lang, tokens))
            heading = passage.heading
            if passage.paragraph != opening[0]:
                opening = (passage.paragraph, self.mapper.opening_citation(passage.text, lang))
            elif opening[1]:  # a later passage of a paragraph that opens by citing objectives
                heading = HEADING_SEPARATOR.join(h for h in (heading, opening[1]) if h)
            mapping = self._map(passage.text, lang, vector, tokens, kind, places, heading)
            unknown = find_unknown_organisations(passage.text, lang, tokens, mapping.entities)
            if unknown:
                entities = sorted((*_named_in(mapping.entities, unknown), *unknown), key=_start)
                mapping = replace(mapping, entities=tuple(entities))
            dates = tuple(find_dates(passage.text, lang, reference, tokens))
            people = tuple(self._people(passage.text, lang, mapping, tokens, places))
            if people:  # a city inside a name is the name's ("Verónica Sáez Lagos")
                mapping, places = _outside_names(mapping, places, people)
            acting = [e.value for e in mapping.entities if e.type == "country" and e.actor]
            actors = (info.country,) if info.country else tuple(dict.fromkeys(acting))
            speakers = find_speakers(passage.text, lang, people, tokens)
            analysed.append(
                AnalysedPassage(passage, mapping, actors, dates, people, places, speakers)
            )
        analysed = _one_key_per_person(analysed)
        found = find_events([_facts(p) for p in analysed], majority)
        events = tuple(replace(e, sessions=self._topics(e.sessions, majority)) for e in found)
        return AnalysedDocument(
            document, info, majority, tuple(analysed), self.framework.key, date, events
        )

    @staticmethod
    def _headings(
        document: Document, info: DocumentInfo, passages: list[Passage]
    ) -> list[tuple[str, list[Token]]]:
        """The texts a document's title may stand in, with their tokens: the declared title,
        the file's, and the first passage."""
        headings = (info.title, document.title, passages[0].text if passages else None)
        return [(h, tokenize(h)) for h in dict.fromkeys(h for h in headings if h)]

    def _speaker(self, headings: list[tuple[str, list[Token]]], lang: str) -> str | None:
        """The state the document speaks for, read from its headings ("Statement by the
        Delegation of Ghana")."""
        for heading, tokens in headings:
            entities = self.extractor.entities(heading, tokens, lang)
            if speaker := actor_rules(lang).speaker(tokens, entities):
                return speaker
        return None

    @staticmethod
    def _kind(headings: list[tuple[str, list[Token]]], lang: str) -> str | None:
        """The kind of document its title names ("Chair's summary", "Examen national"), when
        the caller declares none."""
        for _, tokens in headings:
            if len(tokens) <= _TITLE_WORDS and (kind := kind_of_title(tokens, lang)):
                return kind
        return None

    def _topics(self, sessions: tuple[Session, ...], lang: str) -> tuple[Session, ...]:
        """Each session with the objectives its title covers."""
        return tuple(
            replace(session, objectives=tuple(int(m.target) for m in mapping.objectives))
            for session, mapping in zip(
                sessions, self.classify_many((s.title, lang) for s in sessions), strict=True
            )
        )

    def _people(
        self,
        text: str,
        lang: str,
        mapping: Mapping,
        tokens: Sequence[Token],
        places: Sequence[Place],
    ) -> list[PersonMention]:
        """The people of a passage; a city's name may be a surname, so it stops no name."""
        cities = {(p.start, p.end) for p in places}
        countries = [
            e for e in mapping.entities if e.type == "country" and (e.start, e.end) not in cities
        ]
        organisations = [e for e in mapping.entities if e.type == "organisation"]
        named = self.names.people(text, lang)
        found = self.people.find(text, lang, countries, organisations, named, tokens)
        return [replace(person, key=person_key(person.name)) for person in found]


def _holds(outer: Entity | Place | PersonMention, inner: Entity | Place) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _outside_names(
    mapping: Mapping, places: tuple[Place, ...], people: Sequence[PersonMention]
) -> tuple[Mapping, tuple[Place, ...]]:
    """The mapping and places without the cities and states inside people's names
    ("Verónica Sáez Lagos", "هالة المصري")."""
    inside = [p for p in places if any(_holds(person, p) for person in people)]
    states = [
        e for e in mapping.entities if e.type == "country" and any(_holds(p, e) for p in people)
    ]
    if not (inside or states):
        return mapping, places
    entities = tuple(e for e in mapping.entities if e not in states)
    return replace(mapping, entities=entities), tuple(p for p in places if p not in inside)


def _one_key_per_person(analysed: list[AnalysedPassage]) -> list[AnalysedPassage]:
    """The passages, a partial name ("M. Bennani") keyed as the one fuller name of the
    document it belongs to ("Karim Bennani")."""
    fuller = within_document(person.key for p in analysed for person in p.people)
    if not fuller:
        return analysed
    return [
        replace(p, people=tuple(replace(x, key=fuller.get(x.key, x.key)) for x in p.people))
        for p in analysed
    ]


def _named_in(entities: Sequence[Entity], bodies: Sequence[Entity]) -> list[Entity]:
    """The entities, a state named inside a body's name ("Ghana Statistical Service") made
    a state concerned, not acting."""
    return [
        replace(e, actor=False) if e.actor and any(_holds(b, e) for b in bodies) else e
        for e in entities
    ]


def _start(entity: Entity) -> int:
    return entity.start


def _facts(analysed: AnalysedPassage) -> PassageFacts:
    """What the event finder reads of a passage."""
    mapping = analysed.mapping
    return PassageFacts(
        analysed.passage.index,
        analysed.passage.text,
        mapping.entities,
        analysed.dates,
        analysed.people,
        analysed.places,
        tuple(int(m.target) for m in mapping.objectives),
        analysed.actors,
    )


def _document_date(
    info: DocumentInfo, document: Document, texts: list[str], lang: str
) -> str | None:
    """The declared date, else the file's metadata, else a date inferred from the text."""
    if info.date or document.date:
        return info.date or document.date
    inferred = infer_document_date(texts, lang)
    return inferred.isoformat() if inferred else None


def _small_blas() -> AbstractContextManager[object]:
    """One BLAS thread for the many small matrix products of mapping: on two cores, thread
    hand-offs cost more than the products (the encoder sets its own limit inside)."""
    limiter: AbstractContextManager[object] = _blas_controller().limit(limits=1, user_api="blas")
    return limiter


@cache
def _blas_controller() -> ThreadpoolController:
    # finding the loaded BLAS libraries reads the process's memory map: done once, not per batch
    return ThreadpoolController()


@dataclass
class IngestReport:
    """What an ingest run did with each input.

    Attributes:
        added: sources stored now.
        unchanged: sources whose bytes were already stored.
        failed: (source, reason) of inputs that could not be stored.
    """

    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)


def collect_files(paths: Iterable[Path | str]) -> list[Path]:
    """Expand directories (recursively, supported files only) and keep files as given."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files += sorted(
                p for p in path.rglob("*") if p.suffix.lower() in SUPPORTED_SUFFIXES and p.is_file()
            )
        else:
            files.append(path)
    return files


def ingest(
    paths: Iterable[Path | str],
    store: Store,
    info: DocumentInfo | None = None,
    engine: Engine | None = None,
    on_file: Callable[[Path], None] | None = None,
) -> IngestReport:
    """Read, analyse and store files; a file that fails is reported and the others go on.

    Args:
        paths: files and directories.
        store: where to keep the results.
        info: declared metadata applied to every file.
        engine: the pipeline to use (the default GCM engine when omitted).
        on_file: called after each file, for progress display.

    Returns:
        Which files were added, already present, or failed, and why.
    """
    engine = engine or Engine()
    report = IngestReport()
    for path in collect_files(paths):
        outcome = _ingest_one(path, store, info or DocumentInfo(), engine)
        if outcome is None:
            report.added.append(str(path))
        elif outcome == "unchanged":
            report.unchanged.append(str(path))
        else:
            report.failed.append((str(path), outcome))
        if on_file is not None:
            on_file(path)
    return report


def _ingest_one(path: Path, store: Store, info: DocumentInfo, engine: Engine) -> str | None:
    try:
        document = read_document(path)
        if store.has_document(document.id):
            return "unchanged"
        analysed = engine.analyse(document, info)
        store.add_document(analysed)
    except IngestError as exc:
        return exc.reason
    except StoreError as exc:
        return str(exc)
    return None
