"""The meetings of a document: its passages scanned, their mentions clustered into events
and their sessions merged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ...models import Event, Session
from ..places import may_hold
from .mentions import Mention, PassageFacts, SessionMention
from .scan import Scan
from .words import lexicon

_ANY = "meeting"  # the kind of the generic word ("meeting", "réunion", "اجتماع")
_DISTINCT = "session"  # the session kind whose words tell sessions apart ("opening session")


def event_key(event: Event) -> str:
    """Key under which one event reported in several documents and languages meets: kind +
    ordinal + country + start month (or year), e.g. 'conference|2|EG|2024-07'."""
    ordinal = "" if event.ordinal is None else str(event.ordinal)
    return f"{event.kind}|{ordinal}|{event.country or ''}|{(event.start or '')[:7]}"


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
    sessions: list[SessionMention] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def fits(self, m: Mention) -> bool:
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

    def absorb(self, m: Mention) -> None:
        """Add what the mention says to the event."""
        rank = (m.ordinal is not None, not m.bare, len(m.name))
        if rank > self.rank:
            self.name, self.rank = m.name, rank
        self.ordinal, self.named = self.ordinal or m.ordinal, self.named or m.named
        if m.place is not None and self.city is None:
            self.city, self.country = m.place.city, m.place.country
        start, _, end = ("" if m.date is None else m.date.value).partition("/")
        known = (self.start or "", self.end or "")
        finer = start.startswith(known[0]) and len(start + end) > len("".join(known))
        # a range of days that holds the one day known ("closed on Wednesday" ... "held on
        # 11-12 March") spans the event
        day = len(known[0]) == len("YYYY-MM-DD") and not known[1]
        if finer or (day and end and start <= known[0] <= end):
            self.start, self.end = start, end or None
        self.organisers += [o for o in m.organisers if o not in self.organisers]
        self.passages += [] if m.passage in self.passages else [m.passage]
        self.mentions.append(m)

    def event(self) -> Event:
        """The finished event."""
        sessions = tuple(
            Session(
                s.title,
                s.kind,
                s.passage,
                s.chair_country,
                s.chair_person,
                tuple(s.speakers),
                date=self._session_day(s.date),
            )
            for s in self.sessions
        )
        organisers, passages = tuple(self.organisers), tuple(sorted(self.passages))
        event = Event(self.name, self.ordinal, self.kind, self.city, self.country, self.start,
                      self.end, organisers, sessions, passages, "")  # fmt: skip
        return replace(event, key=event_key(event))

    def _session_day(self, written: str | None) -> str | None:
        """A session's day: the one written beside it when it falls within the event's
        dates (a day outside them belongs to something else), else the event's only day."""
        start, end = self.start or "", self.end or self.start or ""
        if written is not None and start <= written[: len(start)] and written[: len(end)] <= end:
            return written
        one_day = len(start) == len("YYYY-MM-DD") and end == start
        return start if one_day else None


def find_events(passages: Sequence[PassageFacts], lang: str) -> list[Event]:
    """Find the meetings a document reports, with their sessions.

    Args:
        passages: what the pipeline found in each passage of one document, in order.
        lang: the document's language; a language without event words gives no events.

    Returns:
        The events in order of first mention, each with its place, dates, organisers,
        sessions and the passages that mention it.
    """
    lex = lexicon(lang)
    if lex is None:
        return []
    mentions: list[Mention] = []
    sessions: list[SessionMention] = []
    before: Mention | None = None  # the last mention of the passage before
    for facts in passages:
        if not (before or may_hold(lex.needles, facts.text)):
            continue
        scan = Scan(facts, lex)
        found, held = scan.mentions(), scan.sessions()
        scan.link(found, held)
        if before is not None and not found:
            scan.carry_venue(before)
        mentions += found
        sessions += held
        before = found[-1] if found else None
    drafts, owners = _cluster(mentions)
    for session in _merge_sessions(sessions):
        draft = owners.get(session.event) if session.event else None
        draft = draft or _main(drafts, None)
        keep = session.titled or session.chair_country or session.chair_person or session.speakers
        if draft is not None and keep:
            draft.sessions.append(session)
    return [d.event() for d in drafts if d.ordinal or d.named or _facts(d)]


def _cluster(mentions: Sequence[Mention]) -> tuple[list[_Draft], dict[Mention, _Draft]]:
    """Group mentions into events: the named or placed ones first, then the bare ones."""
    drafts: list[_Draft] = []
    owners: dict[Mention, _Draft] = {}
    for m in mentions:
        if not m.bare or m.place is not None or m.date is not None or m.upcoming:
            if _refers_back(m, drafts):
                continue
            later = m.upcoming and m.bare  # "the next meeting" is none named before
            draft = None if later else next((d for d in reversed(drafts) if d.fits(m)), None)
            owners[m] = draft or _Draft(m.kind)
            drafts += [] if draft else [owners[m]]
            owners[m].absorb(m)
    order = {id(m): n for n, m in enumerate(mentions)}
    for m in (m for m in mentions if m not in owners):
        # a bare word names an event already named ("la rencontre" after the conference);
        # "meeting" stands for any kind
        named = [d for d in drafts if any(order[id(o)] < order[id(m)] for o in d.mentions)]
        draft = _main(named or drafts, None if m.kind == _ANY else m.kind)
        if draft is None and drafts:  # a bare word of another kind ("dialogue") names nothing
            continue
        owners[m] = draft or _Draft(m.kind)
        drafts += [] if draft else [owners[m]]
        owners[m].absorb(m)
    return drafts, owners


def _refers_back(m: Mention, drafts: Sequence[_Draft]) -> bool:
    """Whether a bare "the meeting" with a day of its own but no place is the meeting
    already named, on one of its days ("Opening the meeting on Tuesday, ...")."""
    if not (m.bare and m.kind == _ANY and m.place is None and m.date and drafts):
        return False
    day = m.date.value
    return any(d.start and d.start <= day[: len(d.start)] <= (d.end or d.start) for d in drafts)


def _main(drafts: Sequence[_Draft], kind: str | None) -> _Draft | None:
    """The main event of a kind (of any kind for None): an ordinal first, then most passages."""
    ranked = [(d.ordinal is not None, len(d.passages), -n, d) for n, d in enumerate(drafts)]
    return max((r for r in ranked if kind in (None, r[3].kind)), default=(0, 0, 0, None))[3]


def _merge_sessions(mentions: Sequence[SessionMention]) -> list[SessionMention]:
    """One record per session: a titled mention meets the same title, a bare one the latest
    session of its kind, "the session" the session named last."""
    merged: list[SessionMention] = []
    latest: SessionMention | None = None  # the session named last
    for s in mentions:
        same = [m for m in merged if m.kind == s.kind]
        if s.refers:  # "the session" after "Session 2: ..." names nothing without one
            target = latest
            if target is None:
                continue
        elif s.kind == _DISTINCT:  # "opening", "closing", "second" sessions: by their words
            target = next((m for m in same if m.key == s.key), None)
        elif s.titled:
            target = next((m for m in same if m.key == s.key), None)
            target = target or next((m for m in same if not m.titled), None)
        else:
            target = same[-1] if same else None
        if target is None:
            merged.append(s)
            latest = s
            continue
        latest = target
        if s.titled and not target.titled:  # the bare mention came first
            target.title, target.key, target.passage = s.title, s.key, s.passage
            target.titled = True
        target.chair_country = target.chair_country or s.chair_country
        target.chair_person = target.chair_person or s.chair_person
        target.speakers += [name for name in s.speakers if name not in target.speakers]
        target.event = target.event or s.event
        target.date = target.date or s.date
    return merged


def _facts(draft: _Draft) -> bool:
    """Whether a draft says more than its kind and name: a common noun with a complement
    ("the dialogue between States") is no event without them."""
    return bool(draft.city or draft.start or draft.organisers or draft.sessions)
