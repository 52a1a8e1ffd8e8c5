"""The records ``find_events`` passes along: the facts of a passage given in, and the
event and session mentions found in it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...models import DateMention, Entity, PersonMention, Place


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


@dataclass(slots=True, eq=False)
class Mention:
    """An event mention: its name spans tokens ``first``-``last`` of passage ``passage``;
    ``upcoming`` says a "next" word marks it ("the next meeting"), another event than the
    one the document reports."""

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
    upcoming: bool = False


@dataclass(slots=True, eq=False)
class SessionMention:
    """A session mention; ``key`` is its folded title without determiner; ``refers`` says
    it is a bare "the session" that names the session named last."""

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
    event: Mention | None = None
    date: str | None = None
    refers: bool = False
