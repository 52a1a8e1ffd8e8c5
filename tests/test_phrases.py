"""Phrase matching over token keys, the pre-check keys that let a passage skip it, and the
token columns the matchers read."""

from __future__ import annotations

from gcm_review.phrases import PhraseMatcher, longest_keys
from gcm_review.text import as_tokens, tokenize

PHRASES = [
    ("director",),
    ("regional", "director"),
    ("secretary", "general"),
    ("secretary",),
    ("ministry", "of", "labour"),
    ("high", "commissioner"),
]


def test_a_phrase_with_a_one_key_phrase_inside_needs_no_key_of_its_own() -> None:
    assert longest_keys(PHRASES) == {"director", "secretary", "ministry", "commissioner"}


def test_every_phrase_holds_a_pre_check_key() -> None:
    keys = longest_keys(PHRASES)
    assert all(not keys.isdisjoint(phrase) for phrase in PHRASES)


def test_a_passage_that_misses_the_pre_check_keys_has_no_hit() -> None:
    matcher = PhraseMatcher((phrase, " ".join(phrase)) for phrase in PHRASES)
    keys = longest_keys(PHRASES)
    passages = [
        ["the", "regional", "director", "met", "the", "high", "commissioner"],
        ["the", "ministry", "of", "labour", "spoke"],
        ["the", "regional", "office", "of", "the", "high", "court"],
    ]
    for words in passages:  # a hit always comes with a pre-check key
        assert not matcher.find(words) or not keys.isdisjoint(words)
    found = matcher.find(passages[0])
    assert {(h.first, h.last, h.payloads) for h in found} == {
        (1, 2, ("regional director",)),
        (2, 2, ("director",)),
        (5, 6, ("high commissioner",)),
    }
    assert matcher.find(passages[2]) == []


def test_tokens_keep_their_words_folded_forms_and_keys_as_columns() -> None:
    tokens = tokenize("Les Travailleurs migrants, وللمهاجرين")
    assert (
        tokens.words
        == [t.text for t in tokens]
        == ["Les", "Travailleurs", "migrants", "وللمهاجرين"]
    )
    assert tokens.folded == [t.folded for t in tokens]
    assert tokens.keys == [t.key for t in tokens]
    assert tokens.keys[-1] != tokens.folded[-1]  # the Arabic key drops the clitics
    part = as_tokens(tokens[1:3])  # a slice is a plain list: its columns are made
    assert (part.words, part.keys) == (["Travailleurs", "migrants"], tokens.keys[1:3])
    assert as_tokens(tokens) is tokens
    assert tokenize(" , ").keys == []
