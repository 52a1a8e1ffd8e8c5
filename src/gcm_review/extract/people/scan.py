"""The patterns that find people in a marked passage (titles, appositions, reported
speech, names a model recognised), and the role, body and state of each name found.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from ...gazetteer import country_names, load_organisations
from ...models import Entity, PersonMention
from ...phrases import PhraseMatcher
from ...text import surface_keys, tokenize
from .marks import JOINERS, REACH, MarkedPassage

_MAX_NAME = 6  # words of a capitalised name
_MAX_CORE = 3  # words (particles aside) of a name after a title, in a script without capitals
_MAX_COMPLEMENT = 12  # tokens between a role word and the name it introduces
_MAX_PORTFOLIO = 4  # words of one item of a list of portfolios, with its coordinator
_MAX_APPOSITION = 24  # tokens of a role given in apposition
assert _MAX_APPOSITION < REACH and _MAX_COMPLEMENT < REACH  # connectors are marked that far
# Organisation kinds that belong to one state: their staff stand for the state named nearby.
_STATE_KINDS = frozenset({"ministry"})


@dataclass(slots=True)
class Found:
    """A name's token span; ``role`` is (first describing token, role word, last token)."""

    first: int
    last: int
    honorific: str | None = None
    role: tuple[int, int, int] | None = None


class Scan(MarkedPassage):
    """The patterns that find people in a passage, and what they say of each."""

    def _name(self, k: int, step: int, least: int, bare: bool = True) -> tuple[int, int] | None:
        """The name of ``least`` words or more (particles aside) that starts (``step`` 1) or
        ends (``step`` -1) at token ``k``; uncased, a ``bare`` one starts without an article."""
        limit = _MAX_NAME if self.lex.cased else _MAX_CORE if step > 0 else 2
        walked: list[int] = []
        words, j = 0, k
        while 0 <= j < self.size and (j == k or self._tight(max(j, j - step))):
            if words == limit and not (step < 0 and self._particle(j)):
                break
            surname = step < 0 and j == k and self._last_surname(j)  # read from its end
            if not (self._particle(j) or self._word(j) or surname):
                break
            walked.append(j)
            hyphened = j != k and self._gap(max(j, j - step)) in JOINERS  # "Jean-Pierre"
            words += 0 if self._particle(j) or hyphened else 1
            j += step
        if step > 0 and words and words < limit and self._last_surname(j):
            walked.append(j)  # "Sra. Mei Ling Tan," where "tan" is also a word
            words += 1
        span = sorted(walked)
        while span and self._particle(span[-1]):
            span.pop()
        while span and self.lex.cased and self._particle(span[0]):
            span.pop(0)
        if words < least or not span or k not in (span[0], span[-1]):
            return None
        plain = self.lex.cased or not bare or not self._definite(span[0])
        return (span[0], span[-1]) if plain else None

    def _name_at(self, k: int, adjacent: bool, loose: bool) -> tuple[int, int] | None:
        """The name a role word introduces at token ``k`` (after its complement); after a
        ``loose`` connector phrase ("pour l'Afrique du Nord"), only one after a comma."""
        comma = self._after_comma(k)
        if k >= self.size or not (self._tight(k) or comma) or (loose and not comma):
            return None
        single = self.lex.cased and (adjacent or self._after_state(k)) and self._tight(k)
        return self._name(k, 1, 1 if single else 2)

    def _last_surname(self, j: int) -> bool:
        """Whether token ``j`` ends a name although it is a stop word: capitalised, right
        after the name's words, with punctuation or the end of the text after it."""
        if not (self.lex.cased and 0 < j < self.size and self._tight(j)):
            return False
        token = self.tokens[j]
        free = self.mark[j] is None and self.entity[j] is None and self._stop(j)
        closes = j + 1 == self.size or self._gap(j + 1).strip() not in ("", "-", "'", "’")
        return free and token.text[:1].isupper() and token.text[1:].islower() and closes

    def titled(self) -> Iterator[Found]:
        """Names after an honorific, a role word, or both ("Sa Majesté le Roi Mohammed VI")."""
        resume = 0
        titles = [i for i in sorted(self.ends) if self.mark[i] in ("hon", "role")]
        for first in (i for i in titles if i not in self.apposed):
            if first >= resume:
                found, resume = self._title_at(first)
                if found is not None:
                    yield found

    def _title_at(self, i: int) -> tuple[Found | None, int]:
        honorific, head = None, i
        if self.mark[i] == "hon":
            honorific, last, name = self._honorific_at(i)
            role = self._role_after(last + 1)
            if role is None and name is not None:
                return Found(*name, honorific, self._role_next_to(name[1])), name[1] + 1
            if role is None:
                return None, last + 1
            head = role
        complement, name, later = self._complement(head)
        if name is None:
            return None, complement + 1
        return Found(*name, honorific or later, (head, head, complement)), name[1] + 1

    def _honorific_at(self, i: int) -> tuple[str, int, tuple[int, int] | None]:
        """The honorifics from token ``i`` on ("H.E. Ms"), their last token, the name after."""
        last = self.ends[i]
        while self.mark[last + 1 : last + 2] == ["hon"] and self._tight(last + 1):
            last = self.ends.get(last + 1, last + 1)
        end = self.tokens[last].end
        honorific = self.text[self.tokens[i].start : end + self.text.startswith(".", end)]
        tight = last + 1 < self.size and self._tight(last + 1)
        return honorific, last, self._name(last + 1, 1, 1, bare=False) if tight else None

    def _role_next_to(self, last: int) -> tuple[int, int, int] | None:
        """A role right after a name with no comma between ("... أبو الغيط الأمين العام ...")."""
        head = last + 1
        if head not in self.ends or self.mark[head] != "role" or not self._tight(head):
            return None
        self.apposed.add(head)
        return head, head, self._apposition_end(head)

    def _role_after(self, k: int) -> int | None:
        """The role word right after an honorific, articles allowed between."""
        while k < self.size and self._tight(k) and self._stop(k) and self.mark[k] is None:
            k += 1
        ok = k < self.size and self.mark[k] == "role" and k in self.ends
        return k if ok and self._tight(k) else None

    def _complement(self, head: int) -> tuple[int, tuple[int, int] | None, str | None]:
        """Walk from a role word to the name it introduces: (last role token, name span,
        honorific before the name: "le secrétaire général du ministère, M. Brahim ...")."""
        last = self.ends[head]
        in_phrase = loose = False  # after a connector; and past a word that is no entity
        for k in range(last + 1, min(self.size, last + 1 + _MAX_COMPLEMENT)):
            inside = self.entity[k] is not None and self.entity[k] is self.entity[k - 1]
            if self.mark[k] == "hon" and (self._tight(k) or self._after_comma(k)):
                honorific, _, name = self._honorific_at(k)
                return last, name, honorific
            adjacent = k == self.ends[head] + 1
            # after a connector, capitalised words are the role's portfolio or body ("el
            # viceministro de Movilidad Humana, Andrés Paredes"): a name follows a comma
            # ... or right after the state that closes the role
            after = (in_phrase or loose) and self.lex.cased and not self._after_state(k)
            # "ministra de Trabajo, Empleo y Seguridad Social": the comma goes on with the list
            listed = in_phrase and self._portfolio_goes_on(k)
            name = None if inside or listed else self._name_at(k, adjacent, after)
            if name is not None:
                return last, name, None
            if not (inside or listed or self._tight(k)) or not self._describes(k, in_phrase):
                break
            plain = self.entity[k] is None and not self._stop(k) and self.mark[k] != "conn"
            loose = loose or (in_phrase and plain)
            in_phrase = in_phrase or self.mark[k] == "conn"
            last = k
        return last, None, None

    def _after_state(self, k: int) -> bool:
        """Whether a state's name or adjective closes the role right before token ``k``, so
        that a name may follow without a comma ("el ministro del Interior de Senegal Moussa
        Fall", "le ministre du Travail jordanien Youssef Al-Khatib"), unless a body's word
        comes after the capitalised words ("the Mexican National Migration Institute")."""
        if not (k > 0 and self._state(k - 1) and self.entity[k] is None):
            return False
        j = k
        while j < self.size and j - k < _MAX_CORE + 1 and self._word(j) and self._tight(j):
            j += 1
        return j == self.size or not (self.mark[j] == "body" or self.entity[j] is not None)

    def _portfolio_goes_on(self, k: int) -> bool:
        """Whether the comma before token ``k`` goes on with a list of capitalised portfolio
        words, closed by a coordinator before any other comma ("Trabajo, Empleo y ...")."""
        if not (self.lex.cased and self._after_comma(k)):
            return False
        for j in range(k, min(self.size, k + _MAX_PORTFOLIO)):
            if j > k and not self._tight(j):
                return False
            if self.tokens[j].folded in self.lex.coordinators:
                return j > k
            if not self.tokens[j].text[:1].isupper():
                return False
        return False

    def _describes(self, k: int, in_phrase: bool) -> bool:
        """Whether token ``k`` can belong to the complement of a role word."""
        if self.entity[k] is not None or self.mark[k] in ("conn", "body", "role"):
            return True
        if self.mark[k] is not None:
            return False
        if self.lex.cased:
            return self.tokens[k].text[:1].isupper() or in_phrase
        linked = any(self.tokens[k].folded.startswith(p) for p, _ in self.lex.attached)
        return self._definite(k) or (linked and k + 1 < self.size and self._definite(k + 1))

    def appositions(self) -> Iterator[Found]:
        """Names followed by a comma and a role ("Ismail Chakouri, directeur ...")."""
        for head in sorted(self.ends):
            if self.mark[head] != "role":
                continue
            # demonyms, bodies, articles and capitalised modifiers ("Senior Migration
            # Specialist") may come before the role word
            lead = head
            while head - lead < 4 and lead > 0 and self._tight(lead):
                if not (
                    self._stop(lead - 1)
                    or self.entity[lead - 1] is not None
                    or self._modifier(lead - 1)
                    or self._possessive(lead - 1)
                ):
                    break
                lead -= 1
            name = self._name(lead - 1, -1, 2) if self._after_comma(lead) else None
            if name is not None:
                self.apposed.add(head)
                yield Found(*name, role=(lead, head, self._apposition_end(head)))

    def _possessive(self, k: int) -> bool:
        """Whether token ``k`` is the "s" of a possessive after an entity ("Colombia's")."""
        return (
            k > 0
            and self.tokens[k].key == "s"
            and self._gap(k) in ("'", "’")
            and self.entity[k - 1] is not None
        )

    def _modifier(self, k: int) -> bool:
        """Whether token ``k`` is a capitalised word that may qualify a role after it."""
        token = self.tokens[k]
        return self.lex.cased and self.mark[k] is None and token.text[:1].isupper()

    def _apposition_end(self, head: int) -> int:
        last = self.ends[head]
        for k in range(last + 1, min(self.size, head + _MAX_APPOSITION)):
            inside = self.entity[k] is not None and self.entity[k] is self.entity[k - 1]
            if not (inside or self._tight(k)) or self.mark[k] in ("hon", "speech"):
                break
            if not (self.lex.cased or self._describes(k, in_phrase=True)):
                break
            last = k
        return last

    def reported(self) -> Iterator[Found]:
        """Capitalised names right before or after a reporting verb ("X a souligné")."""
        for first, last in self.ends.items():
            if self.mark[first] != "speech" or not self.lex.cased:
                continue
            before = self._name(first - 1, -1, 2) if first and self._tight(first) else None
            after = None
            if last + 1 < self.size and (self._tight(last + 1) or self._after_comma(last + 1)):
                after = self._name(last + 1, 1, 2)
            yield from (Found(*name) for name in (before, after) if name is not None)

    def recognised(self, spans: Sequence[tuple[int, int]]) -> Iterator[Found]:
        """The spans a named-entity model calls names that look like names here: two words
        or more, each a name word (capitalised, no title, role, country or organisation)
        or a particle inside."""
        for start, end in spans:
            inside = [i for i, t in enumerate(self.tokens) if t.start >= start and t.end <= end]
            if len(inside) < 2 or not (self._word(inside[0]) and self._word(inside[-1])):
                continue
            if all(self._word(i) or self._particle(i) for i in inside):
                yield Found(inside[0], inside[-1])

    def mention(self, found: Found, states: Sequence[Entity]) -> PersonMention:
        """Turn a found name into a ``PersonMention``."""
        role = affiliation = None
        if found.role is not None:
            lead, head, last = found.role
            start = head  # the capitalised words that qualify the role belong to it
            while start > lead and self._modifier(start - 1):
                start -= 1
            role, affiliation = self._describe(start, head, last)
        start, end = self.tokens[found.first].start, self.tokens[found.last].end
        country = self._bracketed_state(found.last) or self._country(found, affiliation, states)
        return PersonMention(
            self.text[start:end], start, end, found.honorific, role, affiliation, country
        )

    def _describe(self, start: int, head: int, last: int) -> tuple[str, str | None]:
        """Split a role phrase (its role word at ``head``, its first qualifying word at
        ``start``) into the role and the body the person belongs to. The state the role
        names at its end is the person's country, not part of the role ("Minister of Foreign
        Affairs of the Dominican Republic", "Director-General of the Lebanese | Ministry")."""
        for k in range(self.ends[head] + 1, last + 1):
            body = self._body_from(k, last)
            if body is not None:
                # "jefa de la | Unidad de Migración": the role ends at "jefa"
                return self._span(start, self._role_end(head, k - 1)), body
        return self._span(start, self._role_end(head, last)), None

    def _role_end(self, head: int, end: int) -> int:
        """The last word of a role ending at ``end`` at the latest, without the connectors,
        stop words and state names that close it."""
        while end > head and (self.mark[end] == "conn" or self._stop(end) or self._state(end)):
            end -= 1
        return end

    def _state(self, k: int) -> bool:
        entity = self.entity[k]
        return entity is not None and entity.type == "country"

    def _body_from(self, k: int, last: int) -> str | None:
        """The body named from token ``k`` on, if a connector or an attached one opens it."""
        if self.mark[k] == "conn":
            b = self.ends.get(k, k) + 1
            while b <= last and self._stop(b) and not self._opens_body(b):
                b += 1
            return self._span(b, last) if b <= last and self._opens_body(b) else None
        if not self._opens_body(k):
            return None
        folded = self.tokens[k].folded
        for prefix, joined in self.lex.attached:
            if folded.startswith(prefix) and len(folded) > len(prefix) + 2:
                start = self.tokens[k].start + len(prefix)
                return joined + self.text[start : self.tokens[last].end]
        return self._span(k, last) if self._org_start(k) else None

    def _opens_body(self, k: int) -> bool:
        return self._org_start(k) or (self.mark[k] == "body" and k in self.ends)

    def _bracketed_state(self, last: int) -> str | None:
        """The state in brackets right after a name, as summary records write speakers:
        "Mr. Haddad (Jordan)", "السيد العبادي (الأردن)"."""
        k = last + 1
        if k >= self.size or self._gap(k).strip() != "(" or not self._state(k):
            return None
        entity = self.entity[k]
        while k + 1 < self.size and self.entity[k + 1] is entity:
            k += 1
        closed = self.text[self.tokens[k].end : self.tokens[k].end + 1] == ")"
        return entity.value if closed and entity is not None else None

    def _envoy(self, head: int) -> bool:
        return any(t.key in self.lex.envoys for t in self.tokens[head : self.ends[head] + 1])

    def _posted_to(self, lead: int, last: int) -> set[str]:
        """The states of a role phrase an envoy is posted to: after "to", "en", "ante", "لدى"
        (an article may stand between)."""
        posted: set[str] = set()
        for k in range(max(lead, 1), last + 1):
            entity = self.entity[k]
            if entity is None or entity.type != "country" or self.entity[k - 1] is entity:
                continue
            words = [self.tokens[k - 1].key]
            if k >= 2 and self._stop(k - 1):  # "to the Philippines"
                words.append(self.tokens[k - 2].key)
            if not self.lex.posted_at.isdisjoint(words):
                posted.add(entity.value)
        return posted

    def _possessor(self, lead: int) -> set[str]:
        """The state whose envoy the role names by a possessive before it ("Spain's
        ambassador")."""
        k = lead - 1
        if not (self._possessive(k) and self._state(k - 1)):
            return set()
        return {self.entity[k - 1].value}  # type: ignore[union-attr]

    def _country(self, found: Found, body: str | None, states: Sequence[Entity]) -> str | None:
        """The state a person stands for: the one their role names, else the passage's only
        one, unless they belong to a body no single state owns."""
        if found.role is not None:
            lead, _, last = found.role
            start, end = self.tokens[lead].start, self.tokens[last].end
            kinds = _organisation_kinds()
            bodies = [e for e in self.entity[lead : last + 1] if e and e.type == "organisation"]
            foreign = [b.start for b in bodies if kinds.get(b.value) not in _STATE_KINDS]
            # a state after an international body is where its office is ("jefa de misión
            # de la OIM en Malasia"), not a state the person stands for
            first = min(foreign, default=end)
            named = {e.value for e in states if e.start < min(end, first) and e.end > start}
            if self._envoy(found.role[1]):  # "ambassador of Mexico to Chile" is Mexican
                named -= self._posted_to(lead, last)
                named |= self._possessor(lead)
            if len(named) != 1 and body and not foreign:
                named = _states_named(body)
            if len(named) == 1:
                return named.pop()
            if foreign:
                return None
        codes = {entity.value for entity in states}
        return codes.pop() if len(codes) == 1 else None


@cache
def _organisation_kinds() -> dict[str, str]:
    return {org.id: org.kind for org in load_organisations().organisations}


@cache
def _country_matcher() -> PhraseMatcher[str]:
    return PhraseMatcher(
        (surface_keys(name), code)
        for code, by_lang in country_names().items()
        for names in by_lang.values()
        for name in names
    )


def _states_named(text: str) -> set[str]:
    """ISO codes of the states a body's name names ("... des Marocains résidant ..." -> MA)."""
    hits = _country_matcher().find([token.key for token in tokenize(text)])
    return {code for hit in hits for code in hit.payloads}
