"""The scan of one passage: its tokens marked with the event words, the event and session
mentions they make, and the places, dates, organisers, chairs and speakers that go to
them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from ...gazetteer import meeting_bodies
from ...models import DateMention, Entity, PersonMention, Place
from ...text import fold, sentence_ends_before, tokenize
from .mentions import Mention, PassageFacts, SessionMention
from .words import BLOCKS, Lexicon

_Fact = Entity | PersonMention | Place | DateMention
# When one phrase is listed under several roles, the first role here wins.
_ROLES = ("ordinal", "session", "generic", "head", "review", "edition", "qualifier",
          "chair_before", "chair_after", "org_before", "org_after", "speech", "speakers",
          "venue", "topic", "opener", "determiner", "joiner", "represent", "stop")  # fmt: skip
_CORE = frozenset({"head", "review", "edition", "qualifier", "ordinal"})
# roles that end a name or title
_ENDS = frozenset({"session", "generic", "chair_before", "chair_after", "org_before",
                   "org_after", "speech", "speakers", "venue", "stop"})  # fmt: skip
_TITLE_ENDS = _ENDS | {"head", "review", "ordinal"}  # a topic ends where an event is named
_HEADING_ENDS = frozenset({"session", "generic", "chair_before", "chair_after", "org_before",
                           "org_after", "speakers"})  # fmt: skip
_NUMBERED = re.compile(r"(\d{1,2})(\D+)")  # "2e", "2nd", "2ª" (suffixes from the data)
_SENTENCE = re.compile(r"[.;:!?؛؟]")
_LINKS = frozenset({"venue", "stop", "joiner", "determiner", "opener", "topic"})
_TIGHT = re.compile(r"[\s'’‐‑-]*")
_CLOSING = ")]»”\"'"  # marks that close a title
_MAX_NAME, _AFTER, _BEFORE, _VENUE_REACH, _ORG_REACH, _FREE = 32, 12, 10, 30, 20, 2
_REPRESENTED = 6  # tokens between a chairing state and the person who stands for it


@dataclass(frozen=True, slots=True)
class _Thing:
    """A fact of the passage over tokens ``first``-``last``."""

    first: int
    last: int
    item: _Fact


class Scan:
    """One passage's tokens, marked with the event words and the facts already found."""

    def __init__(self, facts: PassageFacts, lex: Lexicon) -> None:
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
            elif self.role[k] is None and token.folded.isdigit() and self._numbers_session(k):
                self.role[k], self.value[k], self.end[k] = "ordinal", token.folded, k  # "Session 2"
            elif self.role[k] is None and token.text in _ROMAN and self._before_core(k):
                self.role[k], self.value[k], self.end[k] = "ordinal", str(_ROMAN[token.text]), k

    def _numbers_session(self, k: int) -> bool:
        """Whether token ``k``, a number of one or two digits, numbers the session word
        right before it ("Session 2", "الجلسة 2")."""
        return (
            len(self.tokens[k].folded) <= 2
            and k > 0
            and self.role[k - 1] in ("session", "generic")
            and self._tight(k)
        )

    def _proper(self, k: int) -> bool:
        return self.role[k] is None and self.tokens[k].text[:1].isupper()

    def _before_core(self, k: int) -> bool:
        return k + 1 < len(self.tokens) and self._tight(k + 1) and self.role[k + 1] in _CORE

    def _written(self, first: int, role: str, form: str) -> bool:
        """Stops and openers must stand as written apart from case ("à" opens a complement,
        "a" does not)."""
        if role not in ("stop", "opener") or not self.words.cased:
            return True
        words = self.lex.written[form]
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
        """Whether a sentence ends before token ``k`` (``sentence_ends_before``)."""
        return sentence_ends_before(self.text, self.tokens, k)

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

    def mentions(self) -> list[Mention]:
        """The event mentions of the passage, in order: none inside an organisation's name,
        but a meeting the gazetteer knows ("the first International Migration Review Forum")
        is one."""
        found: list[Mention] = []
        for k, role in enumerate(self.role):
            if found and k <= found[-1].last:
                continue
            thing = self.at[k]
            if thing is not None and self._is(k, "organisation"):
                mention = self._known_meeting(thing) if k == thing.first else None
            else:
                mention = self._mention(k) if role in ("head", "review") else None
            found += [mention] if mention is not None else []
        return found

    def _known_meeting(self, thing: _Thing) -> Mention | None:
        """The mention a meeting's name in the gazetteer makes, with the ordinal before it;
        None for another body, or for the meeting's acronym alone (no head word)."""
        if not (isinstance(thing.item, Entity) and thing.item.value in meeting_bodies()):
            return None
        span = range(thing.first, thing.last + 1)
        heads = [self.value[j] for j in span if self.role[j] == "head"]
        if not heads:
            return None
        first = thing.first
        if first and self.role[first - 1] == "ordinal" and self._tight(first):
            first = self.start_of[first - 1]
        ordinal = int(self.value[first]) if self.role[first] == "ordinal" else None
        kind = heads[-1] if self.words.head_final else heads[0]
        name = self.text[self.tokens[first].start : self.tokens[thing.last].end]
        return Mention(self.index, first, thing.last, kind, ordinal, name, False, True)

    def _mention(self, k: int) -> Mention | None:
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
        mention = Mention(self.index, first, end, kind, ordinal, name, bare, named)
        mention.upcoming = self._next_to(first, last)
        return mention

    def _next_to(self, first: int, last: int) -> bool:
        """Whether a "next" word stands right before or after the core of a mention ("the
        next meeting", "la prochaine réunion", "الاجتماع المقبل")."""
        near = [j for j in (first - 1, last + 1) if 0 <= j < len(self.tokens)]
        return any(self.tokens[j].key in self.lex.next_words for j in near)

    def carry_venue(self, mention: Mention) -> None:
        """Give the place and date of a passage that opens with a venue phrase and names no
        meeting to the mention of the passage before ("Summary record of the 4th meeting" /
        "Held at the Palais des Nations, Geneva, on Tuesday, 11 February 2025")."""
        if not self.tokens or self.role[0] != "venue":
            return
        places = [t.item for t in self.things if isinstance(t.item, Place)]
        dates = [t.item for t in self.things if isinstance(t.item, DateMention)]
        mention.place = mention.place or next(iter(places), None)
        mention.date = mention.date or next(iter(dates), None)

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
            # a region's name between the number and the rest: "the second Asia-Pacific
            # Regional Review"
            m = j
            while m > max(0, j - 3) and self._proper(m) and self._tight(m):
                m -= 1
            if j == first - 1 and m < j and self.role[m] == "ordinal":
                first = self.start_of[m]
                continue
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

    def sessions(self) -> list[SessionMention]:
        """The session mentions of the passage, in order."""
        found: list[SessionMention] = []
        for first, last in sorted(self.end.items()):
            if self.role[first] not in ("session", "generic"):
                continue
            end = last
            if last + 1 < len(self.tokens) and self.role[last + 1] == "topic":
                connector = self.end[last + 1]
                topic = self._complement(connector, _TITLE_ENDS)
                end = topic if topic > connector else last
            # a session's number belongs to its title: "the second session", "الجلسة الثانية";
            # a bare "session" names one only with a topic or a number
            numbered = first and self.role[first - 1] == "ordinal"
            lead = self.start_of[first - 1] if numbered else first
            heading = end
            if self.role[first] == "generic" and end == last:
                if last + 1 < len(self.tokens) and self.role[last + 1] == "ordinal":
                    end = heading = self.end[last + 1]
                    end = self._heading_title(end)  # "Session 2: Data and evidence"
                elif not numbered:
                    if self._refers(first):  # "the session", "cette séance", "الجلسة"
                        mention = SessionMention(self.index, first, last, "session", "", "", False)
                        mention.refers = True
                        found.append(mention)
                    continue
            lead = lead - 1 if lead and self.role[lead - 1] == "determiner" else lead
            close = self.tokens[end].end
            close += len(self.text[close:]) - len(self.text[close:].lstrip(_CLOSING))
            title = self.text[self.tokens[lead].start : close]  # "(Objective 1)" keeps its ")"
            key = fold(self.text[self.tokens[min(first, lead)].start : self.tokens[heading].end])
            kind = self.value[first]
            found.append(SessionMention(self.index, lead, end, kind, title, key, end > last))
        return found

    def _heading_title(self, number: int) -> int:
        """The last token of the title a colon opens after a session's number ("Session 2:
        Data and evidence (Objective 1)"), up to the end of its sentence; ``number`` if none."""
        k = number + 1
        if k >= len(self.tokens) or ":" not in self._gap(k):
            return number
        while k + 1 < len(self.tokens) and not self._line_ends(k + 1):
            k += 1
        return k

    def _line_ends(self, k: int) -> bool:
        """Whether a sentence or a line ends before token ``k``, or a chairing, organising or
        session word starts there (a heading joined to the line after it)."""
        return "\n" in self._gap(k) or self._sentence_end(k) or self.role[k] in _HEADING_ENDS

    def _refers(self, first: int) -> bool:
        """Whether the bare session word at ``first`` refers to a session already named: a
        referring determiner before it, or an attached article."""
        if first and self.tokens[first - 1].key in self.lex.referring:
            return True
        return bool(self.lex.definite) and self.tokens[first].folded.startswith(self.lex.definite)

    def link(self, mentions: list[Mention], sessions: list[SessionMention]) -> None:
        """Give places, dates and organisers to mentions; chairs, speakers, events to sessions."""
        datelined: set[int] = set()  # mentions whose date is a dateline's
        nearest: dict[tuple[int, bool], int] = {}  # (mention, is a place) -> distance so far
        for thing in self.things:
            owner = self._owner(mentions, thing.first, thing.last)
            place = isinstance(thing.item, Place)
            if owner is None or not (place or isinstance(thing.item, DateMention)):
                continue
            # the place or date nearest to the mention is its own ("... à New York en 2026,
            # et Mascate accueillera la troisième réunion l'an prochain")
            distance = max(owner.first - thing.last, thing.first - owner.last)
            if distance >= nearest.get((id(owner), place), len(self.tokens)):
                continue
            nearest[id(owner), place] = distance
            if isinstance(thing.item, Place):
                owner.place = thing.item
            elif isinstance(thing.item, DateMention):
                owner.date = thing.item
                if self._dateline(thing.first, thing.last):
                    datelined.add(id(owner))
                else:
                    datelined.discard(id(owner))
        for m in mentions:
            span = self._range_near(m.first, m.last)
            if span is not None and (
                m.date is None or id(m) in datelined or _within(m.date.value, span.value)
            ):
                m.date = span
        for first, last in sorted(self.end.items()):
            role = self.role[first] or ""
            if role.startswith("org_"):
                self._organisers(first, last, mentions, sessions)
            elif role.startswith("chair_"):
                self._chair(first, last, sessions)
            elif role in ("speech", "speakers"):
                session = _nearest(sessions, first, last, 20)
                if not isinstance(session, SessionMention):
                    continue
                people = self._listed(last) if role == "speakers" else [self._person(first, last)]
                for person in people:
                    if person is not None and person.name not in session.speakers:
                        session.speakers.append(person.name)
        for s in sessions:  # the event named right after or before the session
            near = (m for m in mentions if -1 < m.first - s.last < 14 or -1 < s.first - m.last < 10)
            s.event = next(near, None)
            s.date = self._day(s.first, s.last)

    def _range_near(self, first: int, last: int) -> DateMention | None:
        """The first range of days written in the sentence of tokens ``first``-``last``, no
        other meeting or session named between: "La conférence s'est close hier à Rabat,
        après deux jours de travaux tenus les 12 et 13 mars" took place on 12-13 March."""
        return next(
            (
                t.item
                for t in self.things
                if isinstance(t.item, DateMention)
                and "/" in t.item.value
                and not self._blocked(min(t.last, last), max(t.first, first))
            ),
            None,
        )

    def _day(self, first: int, last: int) -> str | None:
        """The day (not a range, month or year) written nearest to tokens ``first``-``last``
        in their sentence: "Hier, mercredi, le Maroc a présidé la séance plénière…"."""
        days = [
            (max(0, t.first - last, first - t.last), t.item.value)
            for t in self.things
            if isinstance(t.item, DateMention)
            and len(t.item.value) == len("YYYY-MM-DD")
            and not self._blocked(min(t.last, last), max(t.first, first))
        ]
        return min(days)[1] if days else None

    def _owner(self, mentions: Sequence[Mention], first: int, last: int) -> Mention | None:
        """The mention a place or date over tokens ``first``-``last`` belongs to."""
        dateline = self._dateline(first, last)
        after = next((m for m in mentions if m.first > last), None)
        if (
            after is None
            or after.first - last > _BEFORE + 1
            or self._free(last, after.first) > _FREE
            or self._blocked(last, after.first, dateline)
        ):
            after = None
        before = next((m for m in reversed(mentions) if m.last < first), None)
        if before is not None and not self._blocked(before.last, first, dateline):
            venue = any(self.role[j] == "venue" for j in range(max(before.last, first - 5), first))
            near = first - before.last <= _AFTER + 1 and self._free(before.last, first) <= _FREE
            # far after a venue word, a mention right after the place is nearer its own
            nearer = after is not None and after.first - last < first - before.last
            if near or (venue and first - before.last <= _VENUE_REACH + 1 and not nearer):
                return before
        return after

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

    def _ended(self, a: int, b: int) -> bool:
        """Whether a sentence ends between tokens ``a`` and ``b``."""
        return any(self._sentence_end(j) for j in range(a + 1, b + 1))

    def _blocked(self, a: int, b: int, dateline: bool = False) -> bool:
        """Whether a head, review or session word or (but in a dateline) a sentence end lies
        between tokens ``a`` and ``b``."""
        core = any(self.role[j] in BLOCKS for j in range(a + 1, b))
        return core or (not dateline and self._ended(a, b))

    def _organisers(
        self, first: int, last: int, mentions: list[Mention], sessions: list[SessionMention]
    ) -> None:
        after = self.role[first] == "org_after"
        ids, edge = self._enumeration(last + 1 if after else first - 1, 1 if after else -1)
        target = _nearest([*mentions, *sessions], min(first, edge), max(last, edge), _ORG_REACH)
        if ids and isinstance(target, Mention):
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

    def _chair(self, first: int, last: int, sessions: list[SessionMention]) -> None:
        session = _nearest(sessions, first, last, 25)
        if not isinstance(session, SessionMention):
            return
        before = self.role[first] == "chair_before"
        span = range(first - 1, max(-1, first - 9), -1) if before else range(last + 1, last + 9)
        country = next(
            (self.at[k] for k in span if k < len(self.tokens) and self._is(k, "country")), None
        )
        person = self._person(first, last, before, 30 if before else 12)
        if country is not None and isinstance(country.item, Entity):
            session.chair_country = session.chair_country or country.item.value
            if person is not None and not self._represents(country, person):
                person = None  # "Présidée par l'Éthiopie, la session a entendu Mme X"
        elif person is not None:
            session.chair_country = session.chair_country or person.country
        if person is not None:
            session.chair_person = session.chair_person or person.name

    def _represents(self, country: _Thing, person: PersonMention) -> bool:
        """Whether a person named near a chairing state stands for it: named before it
        ("chaired by Ambassador X of Jordan") or right after "represented by" ("chaired by
        Morocco, represented by Ambassador X"); not "chaired by Ethiopia, the session heard
        Ms X"."""
        first = next(t.first for t in self.things if t.item is person)
        if first < country.first:
            return True
        between = range(country.last + 1, first)
        return len(between) <= _REPRESENTED and any(self.role[j] == "represent" for j in between)

    def _listed(self, last: int) -> list[PersonMention]:
        """The people named after token ``last`` in its sentence, in order."""
        after = [t for t in self.things if t.first > last and not self._ended(last, t.first)]
        return [t.item for t in after if isinstance(t.item, PersonMention)]

    def _person(
        self, first: int, last: int, before: bool | None = None, reach: int = 50
    ) -> PersonMention | None:
        """The person nearest to tokens ``first``-``last`` within ``reach`` tokens, on the
        side ``before`` asks for (either side for None)."""
        near = [
            (first - t.last if t.last < first else t.first - last, n, t.item)
            for n, t in enumerate(self.things)
            if isinstance(t.item, PersonMention)
            and before in (None, t.last < first)
            and not self._ended(min(t.last, last), max(t.first, first))
        ]
        near = [item for item in near if 0 < item[0] <= reach]
        return min(near)[2] if near else None


def _nearest(
    items: Sequence[Mention | SessionMention], first: int, last: int, reach: int
) -> Mention | SessionMention | None:
    """The item nearest to tokens ``first``-``last`` within ``reach`` tokens."""
    near = [(max(0, i.first - last, first - i.last), n) for n, i in enumerate(items)]
    near = [(distance, n) for distance, n in near if distance <= reach]
    return items[min(near)[1]] if near else None


def _within(value: str, span: str) -> bool:
    """Whether the date ``value`` falls within the range ``start/end``."""
    start, _, end = span.partition("/")
    return start <= value[: len(start)] and value[: len(end)] <= end


def _roman_form(n: int) -> str:
    tens = ["", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX"][n // 10]
    return tens + ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"][n % 10]


# Roman numerals of two to seven capitals in their usual form, up to 89 ("XI"; not "IIII";
# "I" alone is a pronoun)
_ROMAN = {form: n for n in range(1, 90) if 2 <= len(form := _roman_form(n)) <= 7}
