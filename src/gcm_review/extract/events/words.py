"""The words of meetings in one language: the schema of ``data/events/<lang>.yaml``, its
loading and its compiled form.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from ...datafiles import load_model
from ...phrases import PhraseMatcher
from ...text import fold, key_maker, surface_keys, tokenize
from ..places import needle_automaton

_Phrase = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
_Agents = dict[Literal["agent_before", "agent_after"], list[_Phrase]]
SessionKind = Literal["plenary", "high-level", "panel", "session"]
BLOCKS = frozenset({"head", "review", "session", "generic"})


class EventWords(BaseModel):
    """The words of meetings in one language: the schema of ``data/events/<lang>.yaml``.

    ``cased`` says whether the script has capitals; ``head_final`` whether the last head of
    a run names the kind ("Review Forum"); ``speaker_lists`` the words after which every
    person named in the sentence spoke ("Speakers included", "intervinieron"); ``reports``
    the names of reports that hold a review word ("national review"): they are no meeting
    and end a name as a stop does; ``referring_determiners`` the determiners with which a
    bare session word refers to the session just named ("the session", "cette séance"; in
    Arabic the attached article does it); ``represented_by`` the words after which a person
    stands for the state that chairs ("chaired by Morocco, represented by Ambassador X").
    ``next_words`` next to a mention make it another, later event ("the next meeting").
    The shipped files document the other fields.
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
    referring_determiners: list[_Phrase] = []
    chair: _Agents
    represented_by: list[_Phrase] = []
    speech: list[_Phrase]
    speaker_lists: list[_Phrase] = []
    organisers: _Agents
    venue: list[_Phrase]
    list_joiners: list[_Phrase]
    stops: list[_Phrase]
    reports: list[_Phrase] = []
    next_words: list[_Phrase] = []

    def tables(self) -> list[tuple[str, str, list[str]]]:
        """Every group of words as (role, value, phrases)."""
        plain = {
            "qualifier": self.qualifiers, "edition": self.edition_words,
            "topic": self.topic_connectors, "opener": self.complement_openers,
            "determiner": self.determiners,
            "chair_before": self.chair.get("agent_before", []),
            "chair_after": self.chair.get("agent_after", []), "speech": self.speech,
            "speakers": self.speaker_lists,
            "org_before": self.organisers.get("agent_before", []),
            "org_after": self.organisers.get("agent_after", []), "venue": self.venue,
            "joiner": self.list_joiners, "stop": [*self.stops, *self.reports],
            "represent": self.represented_by,
        }  # fmt: skip
        return [
            *(("head", kind, forms) for kind, forms in self.heads.items()),
            *(("ordinal", str(number), forms) for number, forms in self.ordinals.items()),
            *(("session", kind, forms) for kind, forms in self.sessions.items()),
            ("review", self.review_kind, self.review_words),
            ("generic", "session", self.generic_sessions),
            *((role, "", forms) for role, forms in plain.items()),
        ]


@cache
def load_event_words(lang: str) -> EventWords | None:
    """Load the shipped event words of ``lang``; None when the language has none."""
    path = Path(str(resources.files("gcm_review") / "data" / "events" / f"{lang}.yaml"))
    return load_model(path, EventWords, label=f"events/{lang}.yaml") if path.is_file() else None


class Lexicon:
    """The event words of one language, compiled once."""

    def __init__(self, words: EventWords) -> None:
        self.words = words
        self.stopwords = key_maker(words.language).stopwords
        self.suffixes = frozenset(fold(suffix) for suffix in words.ordinal_suffixes)
        self.generic_after = frozenset(k for w in words.generic_after for k in surface_keys(w))
        self.referring = frozenset(k for w in words.referring_determiners for k in surface_keys(w))
        self.next_words = frozenset(k for w in words.next_words for k in surface_keys(w))
        self.attached = tuple(fold(prefix) for prefix in words.attached_openers)
        self.definite = tuple(fold(prefix) for prefix in words.definite_prefixes)
        # stop words and openers must stand as written but for case ("a" is not "à")
        self.written = {
            form: [t.text.lower() for t in tokenize(form)]
            for form in (*words.stops, *words.reports, *words.complement_openers)
        }
        self.matcher: PhraseMatcher[tuple[str, str, str]] = PhraseMatcher(
            (surface_keys(form), (role, value, form))
            for role, value, forms in words.tables()
            for form in forms
        )
        triggers = [f for role, _, forms in words.tables() if role in BLOCKS for f in forms]
        self.needles = needle_automaton(triggers)  # a passage without these gives nothing


@cache
def lexicon(lang: str) -> Lexicon | None:
    words = load_event_words(lang)
    return None if words is None else Lexicon(words)
