"""Stage "extract": the meetings a document reports, with their sessions, places and dates.

The words of ``data/events/<lang>.yaml`` mark each passage's tokens; the countries,
organisations, dates, people and places the pipeline already found (``PassageFacts``) do
the rest. Rules:

* An event mention is a run of head, review, qualifier, ordinal and edition words ("deuxième
  conférence régionale d'examen", "مؤتمر الاستعراض الإقليمي الثاني"), not inside an
  organisation's name nor right after a ``generic_after`` word ("principes de dialogue"). A
  review word without a head needs an ordinal or a qualifier and takes ``review_kind``. The
  name runs on over a complement that an opener or a connector opens (in Arabic also an
  attached preposition, or an article after an indefinite word) until a stop, venue,
  chairing, speaking, organising or session phrase, a person, place or date, or punctuation;
  a comma ends it unless a list goes on ("sûres, ordonnées et régulières").
* A place or date goes to the mention it follows within 12 words, with at most 2 words
  between that are not stop, link or venue words (any number within 30 words right after a
  venue phrase: "qui s'est tenue au Caire"), or that it precedes within 10 such words; no
  head, review or session word and no sentence end may lie between, but a dateline ("...
  région arabe. Le Caire, 3 juillet 2024.") crosses the full stop. Organisers: the
  organisations listed next to an organising phrase, for the nearest mention within 20 words.
* Mentions with an ordinal, a review word, a complement, a place or a date are clustered and
  merge when kind, ordinal, month and city agree; bare ones ("cette conférence") join the
  main event of their kind (with an ordinal, then with most passages) or name nothing. An
  event is kept if it has an ordinal, a review word or a capitalised name, a place, a date,
  organisers or sessions ("the dialogue between States" alone is a common noun).
* A session is a session phrase with its determiner and the topic a connector opens ("la
  séance plénière sur ..."); a generic one needs a topic, one without topic is the latest
  session of its kind. Chair: the country (else the person's) on the agent side of a
  chairing phrase; speakers: the person nearest a speaking word. It belongs to the event
  named right around it, else to the main event.

Not handled: venues below the city, events named only by an acronym or as an organisation
("IMRF"), session dates, agenda topics, countries as organisers, sessions of a document that
names no event.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from ..datafiles import load_model
from ..models import DateMention, Entity, Event, PersonMention, Place, Session
from ..phrases import PhraseMatcher
from ..text import fold, key_maker, surface_keys, tokenize
from .places import may_hold, needle_automaton

_Phrase = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
_Agents = dict[Literal["agent_before", "agent_after"], list[_Phrase]]
_Fact = Entity | PersonMention | Place | DateMention
SessionKind = Literal["plenary", "high-level", "panel", "session"]
# When one phrase is listed under several roles, the first role here wins.
_ROLES = ("ordinal", "session", "generic", "head", "review", "edition", "qualifier",
          "chair_before", "chair_after", "org_before", "org_after", "speech", "venue",
          "topic", "opener", "determiner", "joiner", "stop")  # fmt: skip
_CORE = frozenset({"head", "review", "edition", "qualifier", "ordinal"})
_ENDS = frozenset(_ROLES[1:3] + _ROLES[7:13] + ("stop",))  # roles that end a name or title
_TITLE_ENDS = _ENDS | {"head", "review", "ordinal"}  # a topic ends where an event is named
_BLOCKS = frozenset({"head", "review", "session", "generic"})
_NUMBERED = re.compile(r"(\d{1,2})(\D+)")  # "2e", "2nd", "2ª" (suffixes from the data)
_SENTENCE = re.compile(r"[.;:!?؛؟]")
_LINKS = frozenset({"venue", "stop", "joiner", "determiner", "opener", "topic"})
_TIGHT = re.compile(r"[\s'’‐‑-]*")
_MAX_NAME, _AFTER, _BEFORE, _VENUE_REACH, _ORG_REACH, _FREE = 32, 12, 10, 30, 20, 2


class EventWords(BaseModel):
    """The words of meetings in one language: the schema of ``data/events/<lang>.yaml``.

    ``cased`` says whether the script has capitals; ``head_final`` whether the last head of
    a run names the kind ("Review Forum"). The shipped files document the other fields.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    language: _Phrase
    version: _Phrase
    source: _Phrase
    cased: bool
    head_final: bool = False
    heads: dict[_Phrase, list[_Phrase]]
    review_words: list[_Phrase]
    review_kind: _Phrase
    qualifiers: list[_Phrase]
    generic_after: list[_Phrase] = []
    complement_openers: list[_Phrase]
    attached_openers: list[_Phrase] = []
    definite_prefixes: list[_Phrase] = []
    edition_words: list[_Phrase] = []
    ordinals: dict[Annotated[int, Field(ge=1, le=99)], list[_Phrase]]
    ordinal_suffixes: list[_Phrase] = []
    sessions: dict[SessionKind, list[_Phrase]]
    generic_sessions: list[_Phrase] = []
    topic_connectors: list[_Phrase]
    determiners: list[_Phrase] = []
    chair: _Agents
    speech: list[_Phrase]
    organisers: _Agents
    venue: list[_Phrase]
    list_joiners: list[_Phrase]
    stops: list[_Phrase]

    def tables(self) -> list[tuple[str, str, list[str]]]:
        """Every group of words as (role, value, phrases)."""
        plain = {
            "qualifier": self.qualifiers, "edition": self.edition_words,
            "topic": self.topic_connectors, "opener": self.complement_openers,
            "determiner": self.determiners,
            "chair_before": self.chair.get("agent_before", []),
            "chair_after": self.chair.get("agent_after", []), "speech": self.speech,
            "org_before": self.organisers.get("agent_before", []),
            "org_after": self.organisers.get("agent_after", []), "venue": self.venue,
            "joiner": self.list_joiners, "stop": self.stops,
        }  # fmt: skip
        return [
            *(("head", kind, forms) for kind, forms in self.heads.items()),
            *(("ordinal", str(number), forms) for number, forms in self.ordinals.items()),
            *(("session", kind, forms) for kind, forms in self.sessions.items()),
            ("review", self.review_kind, self.review_words),
            ("generic", "session", self.generic_sessions),
            *((role, "", forms) for role, forms in plain.items()),
        ]


@dataclass(frozen=True, slots=True)
class PassageFacts:
    """What the pipeline already found in one passage: the input of ``find_events``.

    Attributes:
        index: the passage's index in its document.
        entities: countries and organisations, with spans in ``text``.
        objectives: the passage's objectives; actors: its acting states (kept for callers).
    """

    index: int
    text: str
    entities: tuple[Entity, ...]
    dates: tuple[DateMention, ...]
    people: tuple[PersonMention, ...]
    places: tuple[Place, ...]
    objectives: tuple[int, ...]
    actors: tuple[str, ...]


def event_key(event: Event) -> str:
    """Key under which one event reported in several documents and languages meets: kind +
    ordinal + country + start month (or year), e.g. 'conference|2|EG|2024-07'."""
    ordinal = "" if event.ordinal is None else str(event.ordinal)
    return f"{event.kind}|{ordinal}|{event.country or ''}|{(event.start or '')[:7]}"


@cache
def load_event_words(lang: str) -> EventWords | None:
    """Load the shipped event words of ``lang``; None when the language has none."""
    path = Path(str(resources.files("gcm_review") / "data" / "events" / f"{lang}.yaml"))
    return load_model(path, EventWords, label=f"events/{lang}.yaml") if path.is_file() else None


class _Lexicon:
    """The event words of one language, compiled once."""

    def __init__(self, words: EventWords) -> None:
        self.words = words
        self.stopwords = key_maker(words.language).stopwords
        self.suffixes = frozenset(fold(suffix) for suffix in words.ordinal_suffixes)
        self.generic_after = frozenset(k for w in words.generic_after for k in surface_keys(w))
        self.attached = tuple(fold(prefix) for prefix in words.attached_openers)
        self.definite = tuple(fold(prefix) for prefix in words.definite_prefixes)
        self.stops = {form: [t.text.lower() for t in tokenize(form)] for form in words.stops}
        self.matcher: PhraseMatcher[tuple[str, str, str]] = PhraseMatcher(
            (surface_keys(form), (role, value, form))
            for role, value, forms in words.tables()
            for form in forms
        )
        triggers = [f for role, _, forms in words.tables() if role in _BLOCKS for f in forms]
        self.needles = needle_automaton(triggers)  # a passage without these gives nothing


@cache
def _lexicon(lang: str) -> _Lexicon | None:
    words = load_event_words(lang)
    return None if words is None else _Lexicon(words)


@dataclass(slots=True, eq=False)
class _Mention:
    """An event mention: its name spans tokens ``first``-``last`` of passage ``passage``."""

    passage: int
    first: int
    last: int
    kind: str
    ordinal: int | None
    name: str
    bare: bool
    named: bool
    place: Place | None = None
    date: DateMention | None = None
    organisers: list[str] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class _SessionMention:
    """A session mention; ``key`` is its folded title without determiner."""

    passage: int
    first: int
    last: int
    kind: str
    title: str
    key: str
    titled: bool
    chair_country: str | None = None
    chair_person: str | None = None
    speakers: list[str] = field(default_factory=list)
    event: _Mention | None = None


@dataclass(frozen=True, slots=True)
class _Thing:
    """A fact of the passage over tokens ``first``-``last``."""

    first: int
    last: int
    item: _Fact


class _Scan:
    """One passage's tokens, marked with the event words and the facts already found."""

    def __init__(self, facts: PassageFacts, lex: _Lexicon) -> None:
        self.index, self.text, self.lex, self.words = facts.index, facts.text, lex, lex.words
        self.tokens = tokenize(facts.text)
        size = len(self.tokens)
        self.role: list[str | None] = [None] * size
        self.value = [""] * size
        self.start_of = list(range(size))  # first token of the phrase a token belongs to
        self.end: dict[int, int] = {}  # first token of a marked phrase -> its last token
        self._mark()
        starts, ends = [t.start for t in self.tokens], [t.end for t in self.tokens]
        items: list[_Fact] = [*facts.entities, *facts.people, *facts.places, *facts.dates]
        spans = [(bisect_right(ends, i.start), bisect_left(starts, i.end) - 1, i) for i in items]
        self.things = [_Thing(*span) for span in spans if span[0] <= span[1]]
        self.at: list[_Thing | None] = [None] * size
        for thing in self.things:
            self.at[thing.first : thing.last + 1] = [thing] * (thing.last - thing.first + 1)

    def _mark(self) -> None:
        hits = self.lex.matcher.find([token.key for token in self.tokens])
        for hit in sorted(hits, key=lambda h: (h.first - h.last, h.first)):
            payloads = sorted(hit.payloads, key=lambda p: _ROLES.index(p[0]))
            chosen = next((p for p in payloads if self._written(hit.first, p[0], p[2])), None)
            if chosen is None or any(self.role[hit.first : hit.last + 1]):
                continue
            for k in range(hit.first, hit.last + 1):
                self.role[k], self.value[k], self.start_of[k] = chosen[0], chosen[1], hit.first
            self.end[hit.first] = hit.last
        for k, token in enumerate(self.tokens):
            number = _NUMBERED.fullmatch(token.folded) if token.folded[:1].isdigit() else None
            if self.role[k] is None and number and number[2] in self.lex.suffixes:
                self.role[k], self.value[k], self.end[k] = "ordinal", number[1], k

    def _written(self, first: int, role: str, form: str) -> bool:
        """Stops must stand as written apart from case ("a" is a stop, "à" is not)."""
        if role != "stop" or not self.words.cased:
            return True
        words = self.lex.stops[form]
        return [t.text.lower() for t in self.tokens[first : first + len(words)]] == words

    def _gap(self, k: int) -> str:
        return self.text[self.tokens[k - 1].end : self.tokens[k].start] if k > 0 else ""

    def _tight(self, k: int) -> bool:
        return _TIGHT.fullmatch(self._gap(k)) is not None

    def _stop(self, k: int) -> bool:
        token = self.tokens[k]
        return token.folded in self.lex.stopwords or token.key in self.lex.stopwords

    def _linking(self, k: int) -> bool:
        """Whether token ``k`` is a stop word that may stand inside a core ("d'", "du")."""
        return self._stop(k) and self.role[k] in (None, "opener", "determiner")

    def _is(self, k: int, *kinds: type | str) -> bool:
        """Whether a fact of one of ``kinds`` (a class or an entity type) covers token ``k``."""
        thing = self.at[k]
        item = None if thing is None else thing.item
        entity_type = item.type if isinstance(item, Entity) else None
        return item is not None and any(kind in (type(item), entity_type) for kind in kinds)

    def _sentence_end(self, k: int) -> bool:
        """Whether a sentence ends before token ``k`` (a capital follows where there are any)."""
        capital = not self.words.cased or self.tokens[k].text[:1].isupper()
        return capital and _SENTENCE.search(self._gap(k)) is not None

    def _breaks(self, k: int) -> bool:
        """Whether a name ends before token ``k``: punctuation, or a comma not in a list."""
        gap = self._gap(k)
        if _SENTENCE.search(gap) or not ("," in gap or "،" in gap):
            return _SENTENCE.search(gap) is not None
        words = 0
        for j in range(k, min(len(self.tokens), k + 4)):
            if self.role[j] == "joiner":
                return words == 0
            if j > k and not self._tight(j):
                return True
            words += 0 if self._stop(j) else 1
        return True

    def mentions(self) -> list[_Mention]:
        """The event mentions of the passage, in order (none inside an organisation's name)."""
        found: list[_Mention] = []
        for k, role in enumerate(self.role):
            inside = (bool(found) and k <= found[-1].last) or self._is(k, "organisation")
            mention = self._mention(k) if role in ("head", "review") and not inside else None
            found += [mention] if mention is not None else []
        return found

    def _mention(self, k: int) -> _Mention | None:
        first, last = self._core(k)
        if first and self._tight(first) and self.tokens[first - 1].key in self.lex.generic_after:
            return None
        roles = {self.role[j]: j for j in range(last, first - 1, -1)}
        heads = [self.value[j] for j in range(first, last + 1) if self.role[j] == "head"]
        ordinal = int(self.value[roles["ordinal"]]) if "ordinal" in roles else None
        if not heads and ordinal is None and "qualifier" not in roles:
            return None
        kind = (heads[-1] if self.words.head_final else heads[0]) if heads else ""
        end = self._complement(last)
        name = self.text[self.tokens[first].start : self.tokens[end].end]
        bare = ordinal is None and "review" not in roles and end == last
        # a capitalised head inside a sentence is a proper name ("le Forum mondial sur ...")
        capital = self.tokens[roles.get("head", first)].text[:1].isupper()
        proper = self.words.cased and capital and first > 0 and not self._sentence_end(first)
        named = "review" in roles or (proper and not bare)
        kind = kind or self.words.review_kind
        return _Mention(self.index, first, end, kind, ordinal, name, bare, named)

    def _core(self, k: int) -> tuple[int, int]:
        """The run of core words around token ``k``; stop words may lead to a review word on
        the right ("conférence régionale d'examen") or to an edition word on the left."""
        first, last = k, self.end.get(k, k)
        while last + 1 < len(self.tokens) and self._tight(last + 1):
            j = last + 1
            while j < min(len(self.tokens) - 1, last + 3) and self._linking(j):
                j += 1
            if self.role[j] not in _CORE or (j > last + 1 and self.role[j] != "review"):
                break
            last = self.end.get(j, j)
        while first > 0 and self._tight(first):
            j = first - 1
            while j > max(0, first - 3) and self._linking(j):
                j -= 1
            if self.role[j] not in _CORE or (j < first - 1 and self.role[j] != "edition"):
                break
            first = self.start_of[j]
        return first, last

    def _complement(self, last: int, ends: frozenset[str] | None = None) -> int:
        """The last token of the complement after token ``last`` (``last`` if none); a topic
        after a connector (``ends`` given) needs no opening word."""
        k, end = last + 1, last
        if k >= len(self.tokens) or self._breaks(k):
            return last
        opens = ends or self.role[k] in ("opener", "topic") or self._attached(last, k)
        while opens and k < len(self.tokens) and k - last <= _MAX_NAME:
            named = self._is(k, PersonMention, Place, DateMention)
            if named or self.role[k] in (ends or _ENDS) or (k > last + 1 and self._breaks(k)):
                break
            end, k = k, k + 1
        while end > last and (self._stop(end) or self.role[end] in ("joiner", "topic")):
            end -= 1
        return end

    def _attached(self, last: int, k: int) -> bool:
        """Whether token ``k`` opens a complement with an attached preposition, or with an
        article after an indefinite word (the Arabic construct state: "لاستعراض الاتفاق")."""
        word, head = self.tokens[k].folded, self.tokens[last].folded
        construct = bool(self.lex.definite) and not head.startswith(self.lex.definite)
        return word.startswith(self.lex.attached or ("\0",)) or (
            construct and word.startswith(self.lex.definite)
        )

    def sessions(self) -> list[_SessionMention]:
        """The session mentions of the passage, in order."""
        found: list[_SessionMention] = []
        for first, last in sorted(self.end.items()):
            if self.role[first] not in ("session", "generic"):
                continue
            end = last
            if last + 1 < len(self.tokens) and self.role[last + 1] == "topic":
                connector = self.end[last + 1]
                topic = self._complement(connector, _TITLE_ENDS)
                end = topic if topic > connector else last
            if self.role[first] == "generic" and end == last:
                continue
            lead = first - 1 if first and self.role[first - 1] == "determiner" else first
            title = self.text[self.tokens[lead].start : self.tokens[end].end]
            key = fold(self.text[self.tokens[first].start : self.tokens[end].end])
            kind = self.value[first]
            found.append(_SessionMention(self.index, lead, end, kind, title, key, end > last))
        return found

    def link(self, mentions: list[_Mention], sessions: list[_SessionMention]) -> None:
        """Give places, dates and organisers to mentions; chairs, speakers, events to sessions."""
        for thing in self.things:
            owner = self._owner(mentions, thing.first, thing.last)
            if owner and isinstance(thing.item, Place):
                owner.place = owner.place or thing.item
            elif owner and isinstance(thing.item, DateMention):
                owner.date = owner.date or thing.item
        for first, last in sorted(self.end.items()):
            role = self.role[first] or ""
            if role.startswith("org_"):
                self._organisers(first, last, mentions, sessions)
            elif role.startswith("chair_"):
                self._chair(first, last, sessions)
            elif role == "speech":
                session, person = _nearest(sessions, first, last, 20), self._person(first, last)
                if isinstance(session, _SessionMention) and person is not None:
                    session.speakers += [] if person.name in session.speakers else [person.name]
        for s in sessions:  # the event named right after or before the session
            near = (m for m in mentions if -1 < m.first - s.last < 14 or -1 < s.first - m.last < 10)
            s.event = next(near, None)

    def _owner(self, mentions: Sequence[_Mention], first: int, last: int) -> _Mention | None:
        """The mention a place or date over tokens ``first``-``last`` belongs to."""
        dateline = self._dateline(first, last)
        before = next((m for m in reversed(mentions) if m.last < first), None)
        if before is not None and not self._blocked(before.last, first, dateline):
            venue = any(self.role[j] == "venue" for j in range(max(before.last, first - 5), first))
            near = first - before.last <= _AFTER + 1 and self._free(before.last, first) <= _FREE
            if near or (venue and first - before.last <= _VENUE_REACH + 1):
                return before
        after = next((m for m in mentions if m.first > last), None)
        if (
            after is None
            or after.first - last > _BEFORE + 1
            or self._free(last, after.first) > _FREE
        ):
            return None
        return None if self._blocked(last, after.first, dateline) else after

    def _free(self, a: int, b: int) -> int:
        """How many words between tokens ``a`` and ``b`` are neither links nor places or dates."""
        return sum(
            not (self._stop(j) or self.role[j] in _LINKS or self._is(j, Place, DateMention))
            for j in range(a + 1, b)
        )

    def _dateline(self, first: int, last: int) -> bool:
        """Whether tokens ``first``-``last`` are the place or date of a dateline ("Le Caire,
        3 juillet 2024."), which may follow the event's name after a full stop."""
        if (
            last + 1 < len(self.tokens)
            and self._is(first, Place)
            and self._is(last + 1, DateMention)
        ):
            return self._gap(last + 1).strip() in ("", ",", "،")
        if first > 0 and self._is(first, DateMention) and self._is(first - 1, Place):
            return self._gap(first).strip() in ("", ",", "،")
        return False

    def _blocked(self, a: int, b: int, dateline: bool = False) -> bool:
        """Whether a head, review or session word or (but in a dateline) a sentence end lies
        between tokens ``a`` and ``b``."""
        core = any(self.role[j] in _BLOCKS for j in range(a + 1, b))
        return core or (not dateline and any(self._sentence_end(j) for j in range(a + 1, b + 1)))

    def _organisers(
        self, first: int, last: int, mentions: list[_Mention], sessions: list[_SessionMention]
    ) -> None:
        after = self.role[first] == "org_after"
        ids, edge = self._enumeration(last + 1 if after else first - 1, 1 if after else -1)
        target = _nearest([*mentions, *sessions], min(first, edge), max(last, edge), _ORG_REACH)
        if ids and isinstance(target, _Mention):
            target.organisers += [i for i in ids if i not in target.organisers]

    def _enumeration(self, k: int, step: int) -> tuple[list[str], int]:
        """The organisations listed from token ``k`` on in direction ``step``, and the last
        token of the list; determiners, stop words and list joiners may stand between."""
        ids: list[str] = []
        skipped, edge = 0, k - step
        while 0 <= k < len(self.tokens) and skipped <= 3:
            if (ids or skipped) and self._sentence_end(max(k, k - step)):
                break
            thing = self.at[k]
            if thing and isinstance(thing.item, Entity) and thing.item.type == "organisation":
                ids.append(thing.item.value)
                edge = thing.last if step > 0 else thing.first
                k, skipped = edge + step, 0
            elif self._stop(k) or self.role[k] in ("joiner", "determiner"):
                k, skipped = k + step, skipped + 1
            else:
                break
        return list(dict.fromkeys(ids)), edge

    def _chair(self, first: int, last: int, sessions: list[_SessionMention]) -> None:
        session = _nearest(sessions, first, last, 25)
        if not isinstance(session, _SessionMention):
            return
        before = self.role[first] == "chair_before"
        span = range(first - 1, max(-1, first - 9), -1) if before else range(last + 1, last + 9)
        country = next(
            (self.at[k] for k in span if k < len(self.tokens) and self._is(k, "country")), None
        )
        person = self._person(first, last, before, 30 if before else 12)
        if country is not None and isinstance(country.item, Entity):
            session.chair_country = session.chair_country or country.item.value
        elif person is not None:
            session.chair_country = session.chair_country or person.country
        if person is not None:
            session.chair_person = session.chair_person or person.name

    def _person(
        self, first: int, last: int, before: bool | None = None, reach: int = 50
    ) -> PersonMention | None:
        """The person nearest to tokens ``first``-``last`` within ``reach`` tokens, on the
        side ``before`` asks for (either side for None)."""
        near = [
            (first - t.last if t.last < first else t.first - last, n, t.item)
            for n, t in enumerate(self.things)
            if isinstance(t.item, PersonMention) and before in (None, t.last < first)
        ]
        near = [item for item in near if 0 < item[0] <= reach]
        return min(near)[2] if near else None


def _nearest(
    items: Sequence[_Mention | _SessionMention], first: int, last: int, reach: int
) -> _Mention | _SessionMention | None:
    """The item nearest to tokens ``first``-``last`` within ``reach`` tokens."""
    near = [(max(0, i.first - last, first - i.last), n) for n, i in enumerate(items)]
    near = [(distance, n) for distance, n in near if distance <= reach]
    return items[min(near)[1]] if near else None


@dataclass(slots=True, eq=False)
class _Draft:
    """An event being assembled from its mentions; ``rank`` ranks the name it has."""

    kind: str
    name: str = ""
    rank: tuple[bool, bool, int] = (False, False, 0)
    named: bool = False
    ordinal: int | None = None
    city: str | None = None
    country: str | None = None
    start: str | None = None
    end: str | None = None
    organisers: list[str] = field(default_factory=list)
    passages: list[int] = field(default_factory=list)
    sessions: list[_SessionMention] = field(default_factory=list)

    def fits(self, m: _Mention) -> bool:
        """Whether the mention can name this event: kind, ordinal, month and city agree."""
        start = "" if m.date is None else m.date.value[:7]
        size = min(len(self.start or ""), len(start), 7)
        city = None if m.place is None else m.place.city
        return (
            self.kind == m.kind
            and (None in (self.ordinal, m.ordinal) or self.ordinal == m.ordinal)
            and (self.start or "")[:size] == start[:size]
            and (None in (self.city, city) or self.city == city)
        )

    def absorb(self, m: _Mention) -> None:
        """Add what the mention says to the event."""
        rank = (m.ordinal is not None, not m.bare, len(m.name))
        if rank > self.rank:
            self.name, self.rank = m.name, rank
        self.ordinal, self.named = self.ordinal or m.ordinal, self.named or m.named
        if m.place is not None and self.city is None:
            self.city, self.country = m.place.city, m.place.country
        start, _, end = ("" if m.date is None else m.date.value).partition("/")
        known = (self.start or "", self.end or "")
        if start.startswith(known[0]) and len(start + end) > len("".join(known)):  # more precise
            self.start, self.end = start, end or None
        self.organisers += [o for o in m.organisers if o not in self.organisers]
        self.passages += [] if m.passage in self.passages else [m.passage]

    def event(self) -> Event:
        """The finished event."""
        sessions = tuple(
            Session(s.title, s.kind, s.passage, s.chair_country, s.chair_person, tuple(s.speakers))
            for s in self.sessions
        )
        organisers, passages = tuple(self.organisers), tuple(sorted(self.passages))
        event = Event(self.name, self.ordinal, self.kind, self.city, self.country, self.start,
                      self.end, organisers, sessions, passages, "")  # fmt: skip
        return replace(event, key=event_key(event))


def find_events(passages: Sequence[PassageFacts], lang: str) -> list[Event]:
    """Find the meetings a document reports, with their sessions.

    Args:
        passages: what the pipeline found in each passage of one document, in order.
        lang: the document's language; a language without event words gives no events.

    Returns:
        The events in order of first mention, each with its place, dates, organisers,
        sessions and the passages that mention it.
    """
    lex = _lexicon(lang)
    if lex is None:
        return []
    mentions: list[_Mention] = []
    sessions: list[_SessionMention] = []
    for facts in (facts for facts in passages if may_hold(lex.needles, facts.text)):
        scan = _Scan(facts, lex)
        found, held = scan.mentions(), scan.sessions()
        scan.link(found, held)
        mentions += found
        sessions += held
    drafts, owners = _cluster(mentions)
    for session in _merge_sessions(sessions):
        draft = owners.get(session.event) if session.event else None
        draft = draft or _main(drafts, None)
        keep = session.titled or session.chair_country or session.chair_person or session.speakers
        if draft is not None and keep:
            draft.sessions.append(session)
    return [d.event() for d in drafts if d.ordinal or d.named or _facts(d)]


def _cluster(mentions: Sequence[_Mention]) -> tuple[list[_Draft], dict[_Mention, _Draft]]:
    """Group mentions into events: the named or placed ones first, then the bare ones."""
    drafts: list[_Draft] = []
    owners: dict[_Mention, _Draft] = {}
    for m in mentions:
        if not m.bare or m.place is not None or m.date is not None:
            draft = next((d for d in reversed(drafts) if d.fits(m)), None)
            owners[m] = draft or _Draft(m.kind)
            drafts += [] if draft else [owners[m]]
            owners[m].absorb(m)
    for m in (m for m in mentions if m not in owners):
        draft = _main(drafts, m.kind)
        if draft is None and drafts:  # a bare word of another kind ("dialogue") names nothing
            continue
        owners[m] = draft or _Draft(m.kind)
        drafts += [] if draft else [owners[m]]
        owners[m].absorb(m)
    return drafts, owners


def _main(drafts: Sequence[_Draft], kind: str | None) -> _Draft | None:
    """The main event of a kind (of any kind for None): an ordinal first, then most passages."""
    ranked = [(d.ordinal is not None, len(d.passages), -n, d) for n, d in enumerate(drafts)]
    return max((r for r in ranked if kind in (None, r[3].kind)), default=(0, 0, 0, None))[3]


def _merge_sessions(mentions: Sequence[_SessionMention]) -> list[_SessionMention]:
    """One record per session: a titled mention meets the same title, a bare one the latest
    session of its kind."""
    merged: list[_SessionMention] = []
    for s in mentions:
        same = [m for m in merged if m.kind == s.kind]
        if s.titled:
            target = next((m for m in same if m.key == s.key), None)
            target = target or next((m for m in same if not m.titled), None)
        else:
            target = same[-1] if same else None
        if target is None:
            merged.append(s)
            continue
        if s.titled and not target.titled:  # the bare mention came first
            target.title, target.key, target.passage = s.title, s.key, s.passage
            target.titled = True
        target.chair_country = target.chair_country or s.chair_country
        target.chair_person = target.chair_person or s.chair_person
        target.speakers += [name for name in s.speakers if name not in target.speakers]
        target.event = target.event or s.event
    return merged


def _facts(draft: _Draft) -> bool:
    """Whether a draft says more than its kind and name: a common noun with a complement
    ("the dialogue between States") is no event without them."""
    return bool(draft.city or draft.start or draft.organisers or draft.sessions)
