"""The regex dispatch behind the scanner: first-character analysis, branch splitting, Alternation."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.regexscan import (
    Alternation,
    may_start_with,
    may_start_with_prefix,
    prefiltered_finditer,
    split_alternatives,
)

PIECES_FOR_PREFIX = st.sampled_from(["the ", "The ", "early ", "mid-", "1990", "1990s", "12", ",345", ".5",
                                     "March", "may ", "Q2", " ", "x", "\n", "é", "ſ", "K"])


@pytest.mark.parametrize(("pattern", "char", "expected"), [
    ("abc", "a", True),
    ("abc", "b", False),
    ("(?i:abc)", "A", True),
    ("abc", "A", False),
    ("[0-9]+x", "7", True),
    ("[0-9]+x", "x", False),
    ("[0-9]*x", "x", True),                 # the repeat may be empty
    (r"\bthe\s+[0-9]", "t", True),          # an anchor consumes nothing
    (r"(?<![0-9])\.[0-9]", ".", True),      # nor does a look-behind
    (r"(?<![0-9])\.[0-9]", "5", False),
    (r"(?:the\s+)?[0-9]{4}", "2", True),    # an optional prefix: what follows may begin
    (r"(?:the\s+)?[0-9]{4}", "t", True),
    (r"(?:the\s+)?[0-9]{4}", "a", False),
    (r"(?:a|bc|d)e", "b", True),
    (r"(?:a|bc|d)e", "e", False),
    (r"[^a]", "b", True),                   # negated classes are not analysed: may begin
    (r"(?P<x>a)(?P=x)", "a", True),
    (r"\s+x", " ", True),
    (r"\s+x", "x", False),
    (r"\w+", "é", True),                    # beyond ASCII: never excluded
])
def test_may_start_with(pattern, char, expected):
    assert may_start_with(pattern, char) is expected


@pytest.mark.parametrize(("pattern", "prefix", "expected"), [
    (r"(?i:the\s+)?[0-9]{4}", "the 2", True),
    (r"(?i:the\s+)?[0-9]{4}", "The c", False),
    (r"the\s+[0-9]", "the", True),                    # the prefix may end inside a match
    (r"ab", "abc", True),                             # and a match may end inside the prefix
    (r"a{2,}b", "aaaab", True),
    (r"a{2,}b", "ab", False),                         # too few repeats
    (r"(?:ab)*c", "ababc", True),
    (r"(?:ab)*c", "abac", False),
    (r"(?:January|February)\s+[0-9]", "Feb 2", False),
    (r"(?i:january|february)\s+[0-9]", "FEBRUARY 2", True),
])
def test_may_start_with_prefix(pattern, prefix, expected):
    assert may_start_with_prefix(pattern, prefix) is expected


def test_a_prefix_may_give_each_character_a_set_of_characters():
    two_digits_then_a_letter = ("0123456789", "0123456789", "xyz")
    assert may_start_with_prefix(r"[0-9]{2}y", two_digits_then_a_letter) is True
    assert may_start_with_prefix(r"[0-9]{3}", two_digits_then_a_letter) is False
    assert may_start_with_prefix(r"[0-9]{3}", ("0123456789", "0123456789", "é")) is True  # beyond ASCII: anything


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES_FOR_PREFIX, max_size=6).map("".join), st.integers(0, 8))
def test_may_start_with_prefix_never_excludes_a_real_match(text, cut):
    """The analysis over-approximates: whenever a pattern matches, each prefix of the text
    from the match start (or the match itself, when shorter) is admitted."""
    for _name, pattern in BRANCHES:
        match = re.match(pattern, text)
        if match:
            assert may_start_with_prefix(pattern, text[:cut] or text[:1])


@pytest.mark.parametrize(("pattern", "expected"), [
    ("a|b", ["a", "b"]),
    ("a(b|c)|d", ["a(b|c)", "d"]),
    (r"a\|b|c", [r"a\|b", "c"]),
    ("[|]|x", ["[|]", "x"]),
    ("[]|]|x", ["[]|]", "x"]),
    ("[^]|]|x", ["[^]|]", "x"]),
    ("(?i:a|b)|(?m:^c)", ["(?i:a|b)", "(?m:^c)"]),
    ("abc", ["abc"]),
])
def test_split_alternatives(pattern, expected):
    assert split_alternatives(pattern) == expected
    assert "|".join(expected) == pattern


BRANCHES = [
    ("_year", r"(?<![0-9])(?:1[0-9]{3}|20[0-9]{2})(?![0-9])"),
    ("_the_year", r"(?i:\bthe\s+)[0-9]{4}s"),
    ("_word", r"(?i:\b(?:early|late|mid)[-\s]?)[0-9]{4}"),
    ("_digits", r"(?<![0-9A-Za-z])[0-9]+(?:,[0-9]{3})*"),
    ("_point", r"(?<![0-9])\.[0-9]+"),
    ("_month", r"\b(?:March|May)\b"),
    ("_any", r"(?i:\bQ[1-4])"),
]
PIECES = st.sampled_from(["the ", "The ", "early ", "mid-", "late", "1990", "1990s", "2024", "12", ",345",
                          ".5", "March", "may", "May ", "Q2", "q3", " ", "x", "\n", "é", "-", "ſ", "K"])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join))
def test_alternation_matches_as_the_whole_pattern_at_every_position(text):
    alternation = Alternation(BRANCHES)
    for position in range(len(text) + 1):
        expected = alternation.compiled.match(text, position)
        found = alternation.match(text, position)
        assert (found and (found.span(), found.lastgroup)) == (expected and (expected.span(), expected.lastgroup))


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join))
def test_prefiltered_finditer_equals_finditer_when_starts_cover_every_match(text):
    compiled = Alternation(BRANCHES).compiled
    starts = [m.start() for m in re.finditer(r"[0-9.]|(?<![A-Za-z])[A-Za-z\u017f\u212a]", text)]
    expected = [(m.span(), m.lastgroup) for m in compiled.finditer(text)]
    assert [(m.span(), m.lastgroup) for m in prefiltered_finditer(compiled, starts, text)] == expected
