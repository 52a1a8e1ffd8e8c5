"""One passage's tokens, marked with the words of its people lexicon and owned by the
entities already found, and the tests on tokens that the people patterns share.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from ...models import Entity
from ...phrases import PhraseHit
from ...text import Token, tokenize
from .lexicon import Kind, Lexicon

JOINERS = frozenset({"'", "’", "-", "‑"})
_COMMAS = frozenset({",", "،"})
_TITLES = ("hon", "role")
REACH = 32  # tokens after a title or role that its complement or apposition may run over
_LONG = 5  # letters from which a word's ending may be a pronoun ("مها", Maha, is a name)


class MarkedPassage:
    """One passage's tokens, marks and entities."""

    def __init__(
        self,
        text: str,
        lexicon: Lexicon,
        entities: Sequence[Entity],
        tokens: Sequence[Token] | None = None,
    ) -> None:
        self.text = text
        self.lex = lexicon
        self.tokens = tokenize(text) if tokens is None else tokens
        self.size = len(self.tokens)
        self.entity = _owners(self.tokens, entities)
        self.mark: list[Kind | None] = [None] * self.size
        self.ends: dict[int, int] = {}  # first token of a marked phrase -> its last token
        self.apposed: set[int] = set()  # role words given in apposition to a name (patterns)
        keys = [token.key for token in self.tokens]
        for hit in sorted(lexicon.phrases.find(keys), key=lambda h: (h.first, h.first - h.last)):
            kind = self._kind_of(hit)
            # an honorific right after a name word belongs to the name ("Ould Cheikh Mahfoudh")
            if kind == "hon" and self.lex.cased and hit.first and self._tight(hit.first):
                kind = None if self._word(hit.first - 1) else kind
            if kind and self._markable(hit.first, hit.last, kind):
                self._put(hit.first, hit.last, kind)
        # connectors only open a role's complement or body: they are marked near titles
        titles = [first for first, last in self.ends.items() if self.mark[first] in _TITLES]
        if titles:
            self._mark_connectors(keys, min(titles), max(self.ends[i] for i in titles) + REACH)

    def _put(self, first: int, last: int, kind: Kind) -> None:
        self.mark[first : last + 1] = [kind] * (last - first + 1)
        self.ends[first] = last

    def _mark_connectors(self, keys: Sequence[str], low: int, high: int) -> None:
        """Mark the connectors of tokens ``low`` to ``high`` left free by the other phrases,
        longest first, left to right."""
        table, mark, entity = self.lex.connectors, self.mark, self.entity
        for i in range(low, min(high, self.size)):
            key = keys[i]
            if key not in table or mark[i] is not None or entity[i] is not None:
                continue
            for words, form in table[key]:
                last = i + len(words) - 1
                free = len(words) == 1 or (
                    tuple(keys[i : last + 1]) == words
                    and mark[i : last + 1].count(None)
                    == entity[i : last + 1].count(None)
                    == len(words)
                )
                if free and self._written(i, last, "conn", form):
                    self._put(i, last, "conn")
                    break

    def _markable(self, first: int, last: int, kind: Kind) -> bool:
        """Whether a phrase is free of marks and entities; a role word may end an organisation's
        name ("UN Secretary-General")."""
        marks, owners = self.mark[first : last + 1], self.entity[first : last + 1]
        if marks.count(None) < len(marks):
            return False
        owner = owners[-1]
        closes = kind == "role" and owner is not None and owner.type == "organisation"
        if closes and (last + 1 == self.size or self.entity[last + 1] is not owner):
            return owners.count(owner) == len(owners)
        return owners.count(None) == len(owners)

    def _kind_of(self, hit: PhraseHit[tuple[Kind, str]]) -> Kind | None:
        """The first kind, in ``KIND_ORDER``, among the forms the hit keeps as written (the
        payloads come in that order: the lexicon registers its phrases kind by kind)."""
        for kind, form in hit.payloads:
            if self._written(hit.first, hit.last, kind, form):
                return kind
        return None

    def _written(self, first: int, last: int, kind: Kind, form: str) -> bool:
        """Whether honorifics keep their dots and capitals, connectors their accents (for the
        forms of ``Lexicon.written``; any other form passes)."""
        if (kind, form) not in self.lex.written:
            return True
        if kind == "hon":
            start = self.tokens[first].start
            raw = self.text[start : start + len(form)]
            loose = len(form) >= 3 and "." not in form and raw[:1].lower() == form[:1].lower()
            return raw == form or (loose and raw[1:] == form[1:])
        if kind == "conn":
            words = [token.text.lower() for token in self.tokens[first : last + 1]]
            return words == self.lex.lowered[form]
        return True

    def _gap(self, k: int) -> str:
        return self.text[self.tokens[k - 1].end : self.tokens[k].start]

    def _tight(self, k: int) -> bool:
        """Whether only a space, hyphen or apostrophe (or an honorific's dot) precedes ``k``."""
        gap = self._gap(k).removeprefix(".") if self.mark[k - 1] == "hon" else self._gap(k)
        return gap in JOINERS or (gap.isspace() and "\n" not in gap)

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
            and (self.entity[i] is None or self._family_name(i))
            and token.key not in self.lex.not_names
            and (not self._stop(i) or token.text in self.lex.stopword_names)
            and not any(char.isdigit() for char in token.text)
            and not token.folded.startswith(self.lex.blocked)
            and not (len(token.folded) >= _LONG and token.folded.endswith(self.lex.blocked_endings))
            and not token.text.endswith(self.lex.written_endings)
            and (token.text[:1].isupper() or not self.lex.cased)
        )

    def _family_name(self, i: int) -> bool:
        """Whether a state's adjective is a family name: an Arabic nisba written with the
        article right after a first name ("هالة المصري"), not after a title or role."""
        entity, folded = self.entity[i], self.tokens[i].folded
        if not (self.lex.nisba_names and i and entity is not None and entity.type == "country"):
            return False
        before = i - 1
        plain = self.mark[before] is None and self.entity[before] is None
        nisba = (
            folded.startswith("ال") and folded.endswith("ي") and entity.text == self.tokens[i].text
        )
        return plain and nisba and not self._stop(before)

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
