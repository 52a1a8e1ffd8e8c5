"""Stage "extract": the people a passage names, with their honorific, role, body and state.

Patterns around the words of ``data/people/<lang>.yaml`` find them: an honorific or a role
before a name ("M. Ismail Chakouri", "le Roi Mohammed VI"), a role in apposition after a name
("Ismail Chakouri, directeur ... au ministère ..."), a reporting verb next to a name. Where the
script has capitals a name is a run of capitalised words; where it has none, a few words after
a title or before an apposition. A span that overlaps a country or an organisation is no name.
Where a language has a named-entity model (``ner``), the names it finds join the patterns'
when they pass the same tests as a name word.
"""

from __future__ import annotations

import itertools
import math
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Literal

import ahocorasick
from pydantic import BaseModel, ConfigDict, StringConstraints

from ..datafiles import load_model
from ..gazetteer import country_names, load_organisations
from ..models import Entity, PersonMention
from ..phrases import PhraseHit, PhraseMatcher
from ..text import Token, fold, key_maker, load_profile, surface_keys, tokenize

_Phrase = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
_Kind = Literal["hon", "role", "speech", "conn", "body"]
# When one phrase is listed under several kinds, the first kind here wins.
_KIND_ORDER: tuple[_Kind, ...] = ("hon", "role", "speech", "conn", "body")
_JOINERS = frozenset({"'", "’", "-", "‑"})
_COMMAS = frozenset({",", "،"})
_MAX_NAME = 6  # words of a capitalised name
_MAX_CORE = 3  # words (particles aside) of a name after a title, in a script without capitals
_MAX_COMPLEMENT = 12  # tokens between a role word and the name it introduces
_MAX_APPOSITION = 24  # tokens of a role given in apposition
_MAX_SPELLINGS = 64  # spellings of one pre-check needle
# Organisation kinds that belong to one state: their staff stand for the state named nearby.
_STATE_KINDS = frozenset({"ministry"})


class PeopleLexicon(BaseModel):
    """The contents of ``data/people/<lang>.yaml``: the words found around people's names.

    Attributes:
        names_capitalised: whether the script marks names with capitals (false for Arabic).
        honorifics: titles before a name, as written ("M.", "H.E.", "السيد").
        roles: function words, both genders ("directeur", "directrice", "head of").
        speech_verbs: verbs that report what a named person said ("a souligné", "said").
        connectors: words that introduce the body a person belongs to ("au", "of the").
        bodies: words that open a body's name when the gazetteer does not know it.
        particles: words inside names ("de", "bin", "عبد").
        not_names: words that are never part of a name (months, "Pacte", "Global").
        attached_connectors: prepositions glued to a body's name -> what replaces them.
        complement_prefixes: prefixes that mark a word as continuing a role (Arabic article).
        not_name_prefixes: prefixes no name word starts with (Arabic "and the").
        stopword_names: names that fold like a stop word, as written ("علي").
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    language: _Phrase
    version: _Phrase
    source: _Phrase
    names_capitalised: bool = True
    honorifics: list[_Phrase]
    roles: list[_Phrase]
    speech_verbs: list[_Phrase]
    connectors: list[_Phrase]
    bodies: list[_Phrase]
    particles: list[_Phrase]
    not_names: list[_Phrase]
    attached_connectors: dict[_Phrase, str] = {}
    complement_prefixes: list[_Phrase] = []
    not_name_prefixes: list[_Phrase] = []
    stopword_names: list[_Phrase] = []


@dataclass(slots=True)
class _Found:
    """A name's token span; ``role`` is (first describing token, role word, last token)."""

    first: int
    last: int
    honorific: str | None = None
    role: tuple[int, int, int] | None = None


def people_path() -> Path:
    """The folder of the people lexicons shipped with the package."""
    return Path(str(resources.files("gcm_review") / "data" / "people"))


@cache
def load_people_lexicon(lang: str) -> PeopleLexicon | None:
    """Load the shipped people lexicon of ``lang``, or None when there is none."""
    path = people_path() / f"{lang}.yaml"
    if not path.is_file():
        return None
    return load_model(path, PeopleLexicon, label=f"people/{lang}.yaml")


class _Lexicon:
    """A people lexicon compiled once: phrase matcher, word sets and a cheap pre-check."""

    def __init__(self, spec: PeopleLexicon) -> None:
        self.cased = spec.names_capitalised
        keys = key_maker(spec.language)
        self.stopwords = keys.stopwords
        self.clitics, self.suffixes = frozenset({"", *keys.prefixes}), {"", *keys.suffixes}
        groups = (spec.honorifics, spec.roles, spec.speech_verbs, spec.connectors, spec.bodies)
        self.phrases: PhraseMatcher[tuple[_Kind, str]] = PhraseMatcher(
            (surface_keys(form), (kind, form))
            for kind, forms in zip(_KIND_ORDER, groups, strict=True)
            for form in forms
        )
        self.particles = frozenset(key for word in spec.particles for key in surface_keys(word))
        self.not_names = frozenset(key for word in spec.not_names for key in surface_keys(word))
        self.prefixes = tuple(fold(prefix) for prefix in spec.complement_prefixes)
        self.blocked = tuple(fold(prefix) for prefix in spec.not_name_prefixes)
        self.stopword_names = frozenset(spec.stopword_names)
        pairs = spec.attached_connectors.items()
        self.attached = sorted(((fold(p), j) for p, j in pairs), key=lambda pair: -len(pair[0]))
        self.lowered = {form: [t.text.lower() for t in tokenize(form)] for form in spec.connectors}
        # without capitals, a reporting verb alone never brings a name, so it need not pass
        verbs = spec.speech_verbs if self.cased else []
        self.needles = _needle_automaton([*spec.honorifics, *spec.roles, *verbs])

    def may_name_people(self, text: str) -> bool:
        """Whether the raw text holds a title, role word or reporting verb (False is sure)."""
        lowered = text.lower()
        for last, (length, whole) in self.needles.iter(lowered):
            check = _whole_word if whole else self._stem_at
            if check(lowered, last - length + 1, last + 1):
                return True
        return False

    def _stem_at(self, text: str, start: int, end: int) -> bool:
        """Whether the stem at ``start:end`` is a word but for its clitics and affixes."""
        first, after = start, end
        while first > 0 and text[first - 1].isalpha() and start - first < 5:
            first -= 1
        while after < len(text) and text[after].isalpha() and after - end < 5:
            after += 1
        clitic, affix = fold(text[first:start]), fold(text[end:after])
        return clitic in self.clitics and affix in self.suffixes


def _needle_automaton(forms: Sequence[str]) -> ahocorasick.Automaton:
    alphabet = {char for form in forms for char in form.lower()}
    automaton = ahocorasick.Automaton()
    for form in forms:
        needles, whole = _needles(form, alphabet)
        for needle in needles:
            automaton.add_word(needle, (len(needle), whole))
    automaton.make_automaton()
    return automaton


def _needles(form: str, alphabet: set[str]) -> tuple[set[str], bool]:
    """What to look for in lower-cased raw text to spot ``form``, and whether as whole words:
    a cased phrase as written or unaccented, an uncased one by its first stem in any spelling."""
    first = tokenize(form)[0]
    if "." in form or _cased(first.text):
        spellings = {form.lower(), fold(form)}
        swaps = (("-", " "), (" ", "-"), ("'", "’"))
        return spellings | {text.replace(a, b) for text in spellings for a, b in swaps}, True
    options = [sorted({char, *(x for x in alphabet if fold(x) == char)}) for char in first.key]
    if math.prod(len(option) for option in options) > _MAX_SPELLINGS:
        return {first.key}, False
    return {"".join(chars) for chars in itertools.product(*options)}, False


def _whole_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and (not text[end - 1].isalnum() or not after.isalnum())


def _cased(word: str) -> bool:
    return word.lower() != word.upper()


@cache
def _compiled(lang: str) -> _Lexicon | None:
    spec = load_people_lexicon(lang)
    return None if spec is None else _Lexicon(spec)


class _Scan:
    """One passage's tokens, marks and entities, and the patterns that find people in it."""

    def __init__(self, text: str, lexicon: _Lexicon, entities: Sequence[Entity]) -> None:
        self.text = text
        self.lex = lexicon
        self.tokens = tokenize(text)
        self.size = len(self.tokens)
        self.entity = _owners(self.tokens, entities)
        self.mark: list[_Kind | None] = [None] * self.size
        self.ends: dict[int, int] = {}  # first token of a marked phrase -> its last token
        self.apposed: set[int] = set()  # role words given in apposition to a name
        hits = lexicon.phrases.find([token.key for token in self.tokens])
        for hit in sorted(hits, key=lambda h: (h.first, h.first - h.last)):
            span = range(hit.first, hit.last + 1)
            kind = self._kind_of(hit)
            # an honorific right after a name word belongs to the name ("Ould Cheikh Mahfoudh")
            if kind == "hon" and self.lex.cased and hit.first and self._tight(hit.first):
                kind = None if self._word(hit.first - 1) else kind
            if kind and self._markable(hit.first, hit.last, kind):
                self.mark[hit.first : hit.last + 1] = [kind] * len(span)
                self.ends[hit.first] = hit.last

    def _markable(self, first: int, last: int, kind: _Kind) -> bool:
        """Whether a phrase is free of marks and entities; a role word may end an organisation's
        name ("UN Secretary-General")."""
        if any(self.mark[i] is not None for i in range(first, last + 1)):
            return False
        owner = self.entity[last]
        closes = kind == "role" and owner is not None and owner.type == "organisation"
        if closes and (last + 1 == self.size or self.entity[last + 1] is not owner):
            return all(self.entity[i] is owner for i in range(first, last + 1))
        return all(self.entity[i] is None for i in range(first, last + 1))

    def _kind_of(self, hit: PhraseHit[tuple[_Kind, str]]) -> _Kind | None:
        kinds = {kind for kind, form in hit.payloads if self._written(hit, kind, form)}
        return next((kind for kind in _KIND_ORDER if kind in kinds), None)

    def _written(self, hit: PhraseHit[tuple[_Kind, str]], kind: _Kind, form: str) -> bool:
        """Whether honorifics keep their dots and capitals, connectors their accents."""
        if kind == "hon" and ("." in form or _cased(form)):
            start = self.tokens[hit.first].start
            raw = self.text[start : start + len(form)]
            loose = len(form) >= 3 and "." not in form and raw[:1].lower() == form[:1].lower()
            return raw == form or (loose and raw[1:] == form[1:])
        if kind == "conn" and _cased(form):
            words = [token.text.lower() for token in self.tokens[hit.first : hit.last + 1]]
            return words == self.lex.lowered[form]
        return True

    def _gap(self, k: int) -> str:
        return self.text[self.tokens[k - 1].end : self.tokens[k].start]

    def _tight(self, k: int) -> bool:
        """Whether only a space, hyphen or apostrophe (or an honorific's dot) precedes ``k``."""
        gap = self._gap(k).removeprefix(".") if self.mark[k - 1] == "hon" else self._gap(k)
        return gap in _JOINERS or (gap.isspace() and "\n" not in gap)

    def _after_comma(self, k: int) -> bool:
        return k > 0 and self._gap(k).strip() in _COMMAS

    def _stop(self, i: int) -> bool:
        token = self.tokens[i]
        return token.folded in self.lex.stopwords or token.key in self.lex.stopwords

    def _word(self, i: int) -> bool:
        """Whether token ``i`` may be a word of a name (not a particle)."""
        token = self.tokens[i]
        return (
            self.mark[i] is None
            and self.entity[i] is None
            and token.key not in self.lex.not_names
            and (not self._stop(i) or token.text in self.lex.stopword_names)
            and not any(char.isdigit() for char in token.text)
            and not token.folded.startswith(self.lex.blocked)
            and (token.text[:1].isupper() or not self.lex.cased)
        )

    def _particle(self, i: int) -> bool:
        entity = self.entity[i]
        return self.tokens[i].key in self.lex.particles and not entity and self.mark[i] != "hon"

    def _definite(self, i: int) -> bool:
        folded = self.tokens[i].folded
        return any(folded.startswith(p) and len(folded) > len(p) + 1 for p in self.lex.prefixes)

    def _org_start(self, i: int) -> bool:
        entity = self.entity[i]
        starts = i == 0 or self.entity[i - 1] is not entity
        return entity is not None and entity.type == "organisation" and starts

    def _span(self, first: int, last: int) -> str:
        return self.text[self.tokens[first].start : self.tokens[last].end]

    def _name(self, k: int, step: int, least: int, bare: bool = True) -> tuple[int, int] | None:
        """The name of ``least`` words or more (particles aside) that starts (``step`` 1) or
        ends (``step`` -1) at token ``k``; uncased, a ``bare`` one starts without an article."""
        limit = _MAX_NAME if self.lex.cased else _MAX_CORE if step > 0 else 2
        walked: list[int] = []
        words, j = 0, k
        while 0 <= j < self.size and (j == k or self._tight(max(j, j - step))):
            if words == limit and not (step < 0 and self._particle(j)):
                break
            if not (self._particle(j) or self._word(j)):
                break
            walked.append(j)
            hyphened = j != k and self._gap(max(j, j - step)) in _JOINERS  # "Jean-Pierre"
            words += 0 if self._particle(j) or hyphened else 1
            j += step
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
        single = self.lex.cased and adjacent and self._tight(k)
        return self._name(k, 1, 1 if single else 2)

    def titled(self) -> Iterator[_Found]:
        """Names after an honorific, a role word, or both ("Sa Majesté le Roi Mohammed VI")."""
        resume = 0
        titles = [i for i in sorted(self.ends) if self.mark[i] in ("hon", "role")]
        for first in (i for i in titles if i not in self.apposed):
            if first >= resume:
                found, resume = self._title_at(first)
                if found is not None:
                    yield found

    def _title_at(self, i: int) -> tuple[_Found | None, int]:
        honorific, head = None, i
        if self.mark[i] == "hon":
            honorific, last, name = self._honorific_at(i)
            role = self._role_after(last + 1)
            if role is None and name is not None:
                return _Found(*name, honorific, self._role_next_to(name[1])), name[1] + 1
            if role is None:
                return None, last + 1
            head = role
        complement, name, later = self._complement(head)
        if name is None:
            return None, complement + 1
        return _Found(*name, honorific or later, (head, head, complement)), name[1] + 1

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
            name = None if inside else self._name_at(k, adjacent, loose and self.lex.cased)
            if name is not None:
                return last, name, None
            if not (inside or self._tight(k)) or not self._describes(k, in_phrase):
                break
            plain = self.entity[k] is None and not self._stop(k) and self.mark[k] != "conn"
            loose = loose or (in_phrase and plain)
            in_phrase = in_phrase or self.mark[k] == "conn"
            last = k
        return last, None, None

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

    def appositions(self) -> Iterator[_Found]:
        """Names followed by a comma and a role ("Ismail Chakouri, directeur ...")."""
        for head in sorted(self.ends):
            if self.mark[head] != "role":
                continue
            lead = head  # demonyms, bodies and articles may come before the role word
            while head - lead < 4 and lead > 0 and self._tight(lead):
                if not (self._stop(lead - 1) or self.entity[lead - 1] is not None):
                    break
                lead -= 1
            name = self._name(lead - 1, -1, 2) if self._after_comma(lead) else None
            if name is not None:
                self.apposed.add(head)
                yield _Found(*name, role=(lead, head, self._apposition_end(head)))

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

    def reported(self) -> Iterator[_Found]:
        """Capitalised names right before or after a reporting verb ("X a souligné")."""
        for first, last in self.ends.items():
            if self.mark[first] != "speech" or not self.lex.cased:
                continue
            before = self._name(first - 1, -1, 2) if first and self._tight(first) else None
            after = None
            if last + 1 < self.size and (self._tight(last + 1) or self._after_comma(last + 1)):
                after = self._name(last + 1, 1, 2)
            yield from (_Found(*name) for name in (before, after) if name is not None)

    def recognised(self, spans: Sequence[tuple[int, int]]) -> Iterator[_Found]:
        """The spans a named-entity model calls names that look like names here: two words
        or more, each a name word (capitalised, no title, role, country or organisation)
        or a particle inside."""
        for start, end in spans:
            inside = [i for i, t in enumerate(self.tokens) if t.start >= start and t.end <= end]
            if len(inside) < 2 or not (self._word(inside[0]) and self._word(inside[-1])):
                continue
            if all(self._word(i) or self._particle(i) for i in inside):
                yield _Found(inside[0], inside[-1])

    def mention(self, found: _Found, states: Sequence[Entity]) -> PersonMention:
        """Turn a found name into a ``PersonMention``."""
        role = affiliation = None
        if found.role is not None:
            role, affiliation = self._describe(*found.role[1:])
        start, end = self.tokens[found.first].start, self.tokens[found.last].end
        country = self._country(found, affiliation, states)
        return PersonMention(
            self.text[start:end], start, end, found.honorific, role, affiliation, country
        )

    def _describe(self, head: int, last: int) -> tuple[str, str | None]:
        """Split a role phrase into the role and the body the person belongs to."""
        for k in range(self.ends[head] + 1, last + 1):
            body = self._body_from(k, last)
            if body is not None:
                return self._span(head, k - 1), body
        return self._span(head, last), None

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

    def _country(self, found: _Found, body: str | None, states: Sequence[Entity]) -> str | None:
        """The state a person stands for: the one their role names, else the passage's only
        one, unless they belong to a body no single state owns."""
        if found.role is not None:
            lead, _, last = found.role
            start, end = self.tokens[lead].start, self.tokens[last].end
            named = {e.value for e in states if e.start < end and e.end > start}
            if len(named) != 1 and body:
                named = _states_named(body)
            if len(named) == 1:
                return named.pop()
            kinds = _organisation_kinds()
            bodies = [e for e in self.entity[lead : last + 1] if e and e.type == "organisation"]
            if any(kinds.get(body.value) not in _STATE_KINDS for body in bodies):
                return None
        codes = {entity.value for entity in states}
        return codes.pop() if len(codes) == 1 else None


def _owners(tokens: Sequence[Token], entities: Sequence[Entity]) -> list[Entity | None]:
    """For each token, the longest entity it overlaps, if any."""
    owners: list[Entity | None] = [None] * len(tokens)
    ends = [token.end for token in tokens]
    for entity in sorted(entities, key=lambda e: e.end - e.start):
        i = bisect_right(ends, entity.start)
        while i < len(tokens) and tokens[i].start < entity.end:
            owners[i] = entity
            i += 1
    return owners


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


def _merge(found: Iterable[_Found]) -> list[_Found]:
    """Join what several patterns say about overlapping names; the longest span wins."""
    merged: list[_Found] = []
    for item in sorted(found, key=lambda f: (f.first, f.first - f.last)):
        previous = merged[-1] if merged else None
        if previous is None or item.first > previous.last:
            merged.append(item)
        else:
            previous.honorific = previous.honorific or item.honorific
            previous.role = previous.role or item.role
    return merged


class PeopleFinder:
    """Finds people, their honorific, role, affiliation and country in passages."""

    def __init__(self) -> None:
        self._lexicons: dict[str, _Lexicon | None] = {}

    def find(
        self,
        text: str,
        lang: str,
        countries: Sequence[Entity] = (),
        organisations: Sequence[Entity] = (),
        recognised: Sequence[tuple[int, int]] = (),
    ) -> list[PersonMention]:
        """Find the people a passage names.

        Args:
            text: the passage text.
            lang: its language code; a language without a people lexicon gives no people.
            countries: the country entities of the passage. A name never overlaps one; they
                tell which state a person stands for.
            organisations: the organisation entities of the passage. A name never overlaps
                one; they give the body a person belongs to.
            recognised: (start, end) of the names a named-entity model found (``ner``);
                those that look like names join what the patterns find.

        Returns:
            The people named, in order of appearance, one mention per occurrence.
        """
        if lang not in self._lexicons:
            self._lexicons[lang] = _compiled(lang)
        lexicon = self._lexicons[lang]
        if lexicon is None or not (recognised or lexicon.may_name_people(text)):
            return []
        scan = _Scan(text, lexicon, [*countries, *organisations])
        # appositions first: a role word given in apposition introduces no name after it
        found = _merge(
            itertools.chain(
                scan.appositions(), scan.titled(), scan.reported(), scan.recognised(recognised)
            )
        )
        states = [entity for entity in countries if entity.type == "country"]
        return [scan.mention(item, states) for item in found]


@cache
def _titles() -> dict[str, list[tuple[str, ...]]]:
    """Folded words of every honorific and role word, by first word, longest first."""
    specs = [load_people_lexicon(path.stem) for path in people_path().glob("*.yaml")]
    forms = [form for spec in specs if spec for form in [*spec.honorifics, *spec.roles]]
    titles: dict[str, list[tuple[str, ...]]] = {}
    sequences = {tuple(t.folded for t in tokenize(form)) for form in forms} - {()}
    for words in sorted(sequences, key=len):
        titles.setdefault(words[0], []).insert(0, words)
    return titles


@cache
def _articles() -> frozenset[str]:
    langs = [path.stem for path in people_path().glob("*.yaml")]
    return frozenset(fold(word) for lang in langs for word in load_profile(lang).stopwords)


def person_key(name: str) -> str:
    """A key under which differently written forms of one person's name meet.

    Case, accents, Arabic letter variants, initials, leading honorifics and titles, and the
    order of the words ('Chakouri Ismail' vs 'Ismail Chakouri') do not change the key.

    Args:
        name: a name as written ("M. Ismail CHAKOURI", "Chakouri, Ismail").

    Returns:
        The folded words of the name, initials and titles dropped, sorted, joined by spaces.
    """
    words = [token.folded for token in tokenize(name)]
    while len(words) > 1:
        starting = _titles().get(words[0], [])
        title = next((t for t in starting if tuple(words[: len(t)]) == t), ())
        if 0 < len(title) < len(words):
            words = words[len(title) :]
        elif len(words) > 2 and words[0] in _articles():
            words = words[1:]
        else:
            break
    kept = [word for word in words if len(word) > 1] or words
    return " ".join(sorted(kept))
