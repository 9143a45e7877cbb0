"""Text tools: the cued patterns that skip texts lacking all of their words."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile import features
from reconcile.text import CuedPattern, proper_names, words

CUED = {
    "cumulative": features._CUMULATIVE_RE,
    "correction": features._CORRECTION_RE,
    "baseline": features._BASELINE_CUE_RE,
    "relative year": features._RELATIVE_YEAR_RE,
}


def _vocabulary(cued: CuedPattern) -> list[str]:
    # the pattern's own words, in three cases, among words it does not know
    own = set(re.findall(r"[a-z]+", cued.pattern.pattern.lower()))
    return sorted({form for word in own for form in (word, word.upper(), word.capitalize())}
                  | {"the", "figure", "1996", "vs.", "year’s", "ſo", "far", "—"})


def _texts(cued: CuedPattern) -> st.SearchStrategy[str]:
    # words of the pattern and others, apart by spaces or marks, ending in a space or not
    # (a baseline cue is read at the very end of the text before a number)
    return st.builds(lambda chosen, gap, end: gap.join(chosen) + end,
                     st.lists(st.sampled_from(_vocabulary(cued)), max_size=10),
                     st.sampled_from([" ", "  ", "\n", ", "]), st.sampled_from(["", " ", "\n"]))


def _same_matches(cued: CuedPattern, text: str) -> bool:
    found, expected = cued.search(text), cued.pattern.search(text)
    return ((found and found.span()) == (expected and expected.span())
            and [m.span() for m in cued.finditer(text)] == [m.span() for m in cued.pattern.finditer(text)])


@settings(max_examples=300, deadline=None)
@given(st.data())
@pytest.mark.parametrize("name", sorted(CUED))
def test_a_cued_pattern_finds_what_its_pattern_finds(name, data):
    text = data.draw(_texts(CUED[name]))
    assert _same_matches(CUED[name], text)


# one text for each alternative of each pattern, all of which the pattern matches
ALTERNATIVES = {
    "cumulative": ["so far", "to date", "since", "in total", "altogether", "cumulative", "running total",
                   "all told", "over the years", "to this day", "thus far", "as of", "as at", "until now",
                   "up to now"],
    "correction": ["an earlier version of this", "a previous version of this", "incorrectly", "wrongly",
                   "misstated", "erroneously", "in error"],
    "baseline": ["from ", "against ", "than ", "versus ", "vs ", "vs. ", "compared with ", "compared to ",
                 "previous ", "previously ", "former ", "formerly ", "instead of ", "rather than ", "down on ",
                 "up on ", "originally ", "initially ", "earlier "],
    "relative year": ["last year", "previous year", "this year", "current year", "next year", "coming year's"],
}


@pytest.mark.parametrize(("name", "phrase"), [(name, phrase) for name in sorted(ALTERNATIVES)
                                              for phrase in ALTERNATIVES[name]])
@pytest.mark.parametrize("case", [str.lower, str.upper, str.capitalize])
def test_every_alternative_of_a_cued_pattern_is_cued(name, phrase, case):
    cued = CUED[name]
    for text in (case(phrase), "It rose to 40 " + case(phrase), case(phrase) + " the 2023 figure "):
        if cued.pattern.search(text):
            assert _same_matches(cued, text), text
    assert cued.pattern.search("It rose to 40 " + case(phrase))  # the example is one the pattern knows


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("300 so far this year", True),
        ("300 SO FAR this year", True),
        ("300 sofar this year", False),  # no cue: the pattern is never run
        ("ſo far", True),  # beyond ASCII the pattern decides ("ſ" folds to "s")
    ],
)
def test_a_cued_pattern_skips_only_ascii_text_without_its_cues(text, found):
    cued = CuedPattern(r"(?i)\bso far\b", cues=("so far",))
    assert (cued.search(text) is not None) is found
    assert bool(list(cued.finditer(text))) is found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Harlow Bridge opened in 1992", {"harlow", "bridge"}),  # "The" is a stop word
        ("NASA and the ESA", {"nasa", "esa"}),
        ("Saint-Denis Trust’s report", {"saint-denis", "trust"}),
        ("no names here", set()),
    ],
)
def test_proper_names(text, expected):
    assert proper_names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Orland’s 459 projects", ["orland's", "projects"]),  # the curly apostrophe is folded
        ("Orland's 459 projects", ["orland's", "projects"]),
        ("a well‑known site", ["a", "well-known", "site"]),  # so is the no-break hyphen
    ],
)
def test_words_fold_apostrophes_and_hyphens(text, expected):
    assert words(text) == expected
