"""Shared text keys: folding, tokens and the per-language keys that cues are matched on.

Stages match phrases written by people (cues, country names, organisation names) against
passages. Both sides go through the same functions here, so a cue matches whatever
inflection, clitic or spelling variant the passage uses. Language knowledge (stop words,
Arabic affixes, statement-type phrases) comes from ``data/languages/<lang>.yaml``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from functools import cache, cached_property, lru_cache
from importlib import resources
from itertools import accumulate, repeat
from operator import itemgetter
from pathlib import Path
from typing import Annotated, Literal, NamedTuple, TypeVar

import simplemma
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from .datafiles import load_model
from .models import DocumentKind

ActiveStatementType = Literal["practice", "commitment", "challenge", "recommendation", "report"]

_Phrase = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
_Weight = Annotated[float, Field(gt=0, le=3)]

# Combining marks that belong inside a word (Latin accents, Arabic harakat, tatweel), so a
# vocalised Arabic word stays one token.
_MARKS = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u0640\u06d6-\u06ed"
_MARK_RE = re.compile(rf"[{_MARKS}]")
# a word is a run of letters and digits (marks included when the text has any), captured:
# splitting on these keeps the words and the gaps between them
_TOKEN_SPLIT_RE = re.compile(rf"((?:[^\W_]|[{_MARKS}])+)")
_PLAIN_SPLIT_RE = re.compile(r"([^\W_]+)")
# Letters folded to one form so spelling variants meet: final yaa, taa marbuta, Persian forms,
# Latin ligatures.
_LETTER_FOLDS = str.maketrans(
    {"ى": "ي", "ة": "ه", "ی": "ي", "ک": "ك", "ـ": None, "œ": "oe", "æ": "ae", "ß": "ss"}
)
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_Key = TypeVar("_Key")
_Value = TypeVar("_Value")
_LEMMATISED = {"en", "fr", "es"}
_LEMMA_CACHE = 200_000  # words per language whose lemma key is remembered
_WORD_CACHE = 200_000  # words whose folded form and surface key are remembered


Tense = Literal["future", "conditional", "past"]


class Tenses(BaseModel):
    """How a language marks the tense of its verbs, for the statement type (see
    ``extract/statements.py``).

    Attributes:
        endings: per tense, the endings of a conjugated verb ("-rá", "-ront", "-ed"); a word
            counts when its lemma differs from it (and ends as a verb's lemma does, where
            ``verb_lemmas`` lists how: "-ar", "-er", "-ir").
        words: per tense, words that mark it alone ("will", "سوف").
        auxiliaries: perfect auxiliaries: one followed within two words by a participle
            (``participles``) is a verb in the past ("ha aprobado", "a adopté").
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    endings: dict[Tense, list[_Phrase]] = {}
    words: dict[Tense, list[_Phrase]] = {}
    verb_lemmas: list[_Phrase] = []
    auxiliaries: list[_Phrase] = []
    participles: list[_Phrase] = []


class LanguageProfile(BaseModel):
    """Framework-independent knowledge of one language."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    language: _Phrase
    version: _Phrase
    source: _Phrase
    stopwords: list[_Phrase]
    # a word's lemma where the dictionary gives another word's ("trata" is not "tratar") or
    # gives its forms different lemmas ("niña" → "nina" but "niñas" → "niño")
    lemmas: dict[_Phrase, _Phrase] = {}
    # an ending read as another before lemmatising, when the dictionary knows the word so
    # made: the dictionary alone gives the forms of one word different lemmas (Spanish
    # "inspecciones" → "inspeccionar" but "inspección" → itself)
    lemma_endings: dict[_Phrase, _Phrase] = {}
    # "personas migrantes": a person noun that may stand before the groups it names
    person_nouns: dict[_Phrase, list[_Phrase]] = {}
    # "no", "sin", "غير": a cue read with one word inside it ("cursos gratuitos de español")
    # is not read across one of them ("migración no regular" is not "migración regular")
    negations: list[_Phrase] = []
    place_prepositions: list[_Phrase] = []
    agent_markers: list[_Phrase] = []
    addressee_markers: list[_Phrase] = []
    addressed_passives: list[_Phrase] = []
    passive_agents: list[_Phrase] = []
    participle_endings: list[_Phrase] = []
    coordinators: list[_Phrase] = []
    clause_openers: list[_Phrase] = []
    not_clause_openers_after: list[_Phrase] = []
    articles: list[_Phrase] = []
    own_country: list[_Phrase] = []
    statement_heads: list[_Phrase] = []
    topic_prepositions: list[_Phrase] = []
    # a demonym that names a language is no state: "Swedish lessons", "cours d'allemand",
    # "en neerlandés", "اللغة الفرنسية" (the words of a language's name, and those right
    # before or after it that make it one)
    language_names: list[_Phrase] = []
    language_before: list[_Phrase] = []
    language_after: list[_Phrase] = []
    kind_titles: dict[DocumentKind, list[_Phrase]] = {}
    section_types: dict[ActiveStatementType, list[_Phrase]] = {}
    prefixes: list[_Phrase]
    suffixes: list[_Phrase]
    # Arabic: sound masculine plurals, whose construct form drops the ن ("مهاجري الجنوب",
    # "لاجئو المخيم"): the construct form gets the plural's key
    sound_plurals: list[_Phrase] = []
    statement_types: dict[ActiveStatementType, dict[_Phrase, _Weight]]
    tenses: Tenses = Tenses()


class Token(NamedTuple):
    """A word of a text (a named tuple: tokens are made by the million, and tuples are made
    faster than dataclass instances).

    Attributes:
        text: the word as written.
        folded: lower case, no accents or harakat, unified Arabic letters.
        key: the surface key phrases are matched on: ``folded``, and for an Arabic word
            without its clitics and affixes.
        start: offset of the word in the text.
        end: offset just past the word.
    """

    text: str
    folded: str
    key: str
    start: int
    end: int


class Tokens(list[Token]):
    """A text's tokens, with their words, folded forms and keys also as lists of their own:
    each matcher reads one of these whole, so they are made once, by ``tokenize``."""

    __slots__ = ("folded", "keys", "words")

    def __init__(self, tokens: Iterable[Token] = ()) -> None:
        super().__init__(tokens)
        self.words: list[str] = [token.text for token in self]
        self.folded: list[str] = [token.folded for token in self]
        self.keys: list[str] = [token.key for token in self]


def as_tokens(tokens: Sequence[Token]) -> Tokens:
    """``tokens`` as ``Tokens`` (as they are when ``tokenize`` made them; a slice or a list
    of tokens gets its columns made here)."""
    return tokens if isinstance(tokens, Tokens) else Tokens(tokens)


_STOPS = frozenset(".!?؟…")
_CLAUSE_MARKS = frozenset(";:؛")
_NUMBER_MARKS = frozenset({".", ",", ":"})  # inside "100.000", "3,5", "10:30"


def sentence_ends_before(
    text: str, tokens: Sequence[Token], k: int, *, clauses: bool = False
) -> bool:
    """Whether a sentence ends right before token ``k`` of ``text``.

    A stop (. ! ? ؟ … and ; : ؛) stands between the two tokens, and a capital follows where
    the next word's script has capitals. The mark inside a number ("100.000", "10:30") and an
    abbreviation's dot ("M. Karim Bennani", "Dr. Ruiz") end nothing.

    Args:
        text: the text the tokens were made from.
        tokens: its tokens.
        k: the index of the token after the possible end (0 or less: False).
        clauses: whether a semicolon or colon ends a clause whatever follows it ("… a
            présidé la séance ; le Maroc a …"); without it, they end a sentence only before a
            capital, like the other stops.
    """
    if k <= 0 or k >= len(tokens):
        return False
    before, after = tokens[k - 1].text, tokens[k].text
    gap = text[tokens[k - 1].end : tokens[k].start]
    if _STOPS.isdisjoint(gap) and _CLAUSE_MARKS.isdisjoint(gap):
        return False
    if gap in _NUMBER_MARKS and before[-1:].isdigit() and after[:1].isdigit():
        return False
    if clauses and not _CLAUSE_MARKS.isdisjoint(gap):
        return True
    initial = after[:1]
    if initial.lower() != initial.upper() and not initial.isupper():
        return False  # a lower-case word goes on with the sentence
    return not (gap.strip() == "." and len(before) <= 3 and before[:1].isupper())


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Fold text for matching: lower case, no accents or harakat, unified Arabic letters.

    ``fold("Éducation")`` is ``"education"``; ``fold("إلى")`` is ``"الي"``; Arabic-Indic digits
    become ASCII digits.
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_DIGITS))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped.casefold()).translate(_LETTER_FOLDS)


class _CharFolds(dict[int, str]):
    """Each character's fold, computed when first met; ``uneven`` holds the characters whose
    fold is not one character long ("œ" → "oe", a harakat → "")."""

    def __init__(self) -> None:
        super().__init__()
        self.uneven: set[str] = set()

    def __missing__(self, code: int) -> str:
        folded = fold(chr(code))
        if len(folded) != 1:
            self.uneven.add(chr(code))
        self[code] = folded
        return folded


_CHAR_FOLDS = _CharFolds()


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` character by character and return, for each folded character, the
    index it came from."""
    if text.isascii():
        return text.lower(), list(range(len(text)))
    folded = text.translate(_CHAR_FOLDS)
    if _CHAR_FOLDS.uneven.isdisjoint(text):
        return folded, list(range(len(text)))
    offsets: list[int] = []
    for index, char in enumerate(text):
        offsets.extend([index] * len(_CHAR_FOLDS[ord(char)]))
    return folded, offsets


def tokenize(text: str) -> Tokens:
    """Split text into word tokens with their spans and surface keys."""
    # Splitting on a capturing pattern gives [gap, word, gap, word, …, gap]: the running sum
    # of the pieces' lengths gives every word's start and end. Each step below is one call
    # that loops in C; tokens are made by the million.
    pieces = (_TOKEN_SPLIT_RE if _MARK_RE.search(text) else _PLAIN_SPLIT_RE).split(text)
    words = pieces[1::2]
    tokens = Tokens.__new__(Tokens)
    if words:
        bounds = list(accumulate(map(len, pieces)))
        pairs = list(map(_WORD_KEYS.__getitem__, words))
        folded = list(map(itemgetter(0), pairs))
        keys = list(map(itemgetter(1), pairs))
        rows = zip(words, folded, keys, bounds[0:-1:2], bounds[1::2], strict=True)
        tokens.extend(map(tuple.__new__, repeat(Token), rows))  # Token._make minus a call
    else:
        folded = keys = []
    tokens.words, tokens.folded, tokens.keys = words, folded, keys
    return tokens


class Memo(dict[_Key, _Value]):
    """Values computed by ``compute`` when first asked for, up to ``cap`` of them remembered
    (a plain dictionary: looking a word up is cheaper than calling a cached function)."""

    def __init__(self, compute: Callable[[_Key], _Value], cap: int) -> None:
        super().__init__()
        self._compute = compute
        self._cap = cap

    def __missing__(self, key: _Key) -> _Value:
        value = self._compute(key)
        if len(self) < self._cap:
            self[key] = value
        return value


def _word_keys(word: str) -> tuple[str, str]:
    """A word's folded form and surface key."""
    folded = fold(word)
    return folded, key_maker("ar").stem(folded) if is_arabic(folded) else folded


_WORD_KEYS = Memo(_word_keys, _WORD_CACHE)


def surface_keys(text: str) -> list[str]:
    """Surface keys of every word of a phrase."""
    return [token.key for token in tokenize(text)]


def is_arabic(word: str) -> bool:
    """Whether the word starts with a letter of the Arabic script."""
    return "\u0600" <= word[:1] <= "\u06ff"


class KeyMaker:
    """Computes the lemma keys tokens are matched on, for one language.

    Lemma keys drop stop words and reduce words to their lemma (French, English, Spanish)
    or strip their clitics and affixes (Arabic). Surface keys are on the tokens themselves.
    """

    construct: frozenset[str] = frozenset()  # stems of plurals read in the construct state

    def __init__(self, profile: LanguageProfile) -> None:
        self.lang = profile.language
        self.stopwords = frozenset(fold(word) for word in profile.stopwords)
        self.fixed = {fold(word): fold(lemma) for word, lemma in profile.lemmas.items()}
        self.lemma_endings = sorted(
            profile.lemma_endings.items(), key=lambda pair: len(pair[0]), reverse=True
        )
        self.person_nouns = profile.person_nouns
        self.prefixes = sorted({fold(p) for p in profile.prefixes}, key=len, reverse=True)
        self.suffixes = sorted({fold(s) for s in profile.suffixes}, key=len, reverse=True)
        # the stems of the sound plurals, whose construct forms end in ي or و (computed by the
        # stemmer itself, with none known yet: the class's empty set)
        self.construct = frozenset(self._compute_stem(fold(p)) for p in profile.sound_plurals)
        self.stem = lru_cache(maxsize=100_000)(self._compute_stem)
        self.lemmas = Memo(self.compute_lemma, _LEMMA_CACHE)
        """Each word's lemma key (None for a stop word), by the word as written."""
        self._negations = profile.negations

    @cached_property
    def negations(self) -> frozenset[str]:
        """Lemma keys of the words a cue is never read across (computed on first use: the
        Arabic keys need this language's key maker built)."""
        return frozenset(key for word in self._negations for key in self.lemma_keys(word))

    def lemma(self, token: Token) -> str | None:
        """Return the token's lemma key, or None for a stop word."""
        return self.lemmas[token.text]

    def lemma_keys(self, text: str) -> list[str]:
        """Lemma keys of the content words of a phrase."""
        return [key for token in tokenize(text) if (key := self.lemma(token)) is not None]

    def compute_lemma(self, word: str) -> str | None:
        """The lemma key of a word as written (not cached: use ``lemmas``)."""
        folded, key = _WORD_KEYS[word]
        if folded in self.stopwords:
            return None
        if is_arabic(folded):
            return None if key in self.stopwords else key
        return self._compute_lemma(word)

    def _compute_lemma(self, word: str) -> str:
        folded = fold(word)
        if folded in self.fixed:
            return self.fixed[folded]
        lowered = word.lower()
        for ending, replacement in self.lemma_endings:
            if lowered.endswith(ending) and len(lowered) > len(ending) + 2:
                made = lowered[: -len(ending)] + replacement
                if simplemma.is_known(made, self.lang):
                    return lemma_of(made, self.lang)
                break
        return lemma_of(word, self.lang)

    def _compute_stem(self, word: str) -> str:
        # Up to two clitics: "ولبنان" and "لبنان" must meet whatever letter the name starts with.
        for _ in range(2):
            for prefix in self.prefixes:
                if word.startswith(prefix) and len(word) - len(prefix) >= 3:
                    word = word[len(prefix) :]
                    break
            else:
                break
        if word[-1:] in ("ي", "و") and word[:-1] in self.construct:
            return word[:-1]  # a plural in the construct state: "مهاجري" is "مهاجرين"
        for suffix in self.suffixes:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                break
        return word


@lru_cache(maxsize=_LEMMA_CACHE)
def lemma_of(word: str, lang: str) -> str:
    """The folded lemma of a word as written, stop words included (its folded form in a
    language that is not lemmatised)."""
    if lang in _LEMMATISED and not word.isdigit():
        return fold(simplemma.lemmatize(word.lower(), lang=lang))
    return fold(word)


def profiles_path() -> Path:
    """The folder of the language profiles shipped with the package."""
    return Path(str(resources.files("gcm_review") / "data" / "languages"))


@cache
def load_profile(lang: str) -> LanguageProfile:
    """Load the shipped profile of ``lang`` (a neutral profile for other languages)."""
    path = profiles_path() / f"{lang}.yaml"
    if not path.is_file():
        return LanguageProfile(
            language=lang,
            version="0",
            source="none",
            stopwords=[],
            prefixes=[],
            suffixes=[],
            statement_types={},
        )
    return load_model(path, LanguageProfile, label=f"languages/{lang}.yaml")


@cache
def key_maker(lang: str) -> KeyMaker:
    """The shared ``KeyMaker`` of a language."""
    return KeyMaker(load_profile(lang))
