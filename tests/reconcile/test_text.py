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


@settings(max_examples=300, deadline=None)
@given(st.data())
@pytest.mark.parametrize("name", sorted(CUED))
def test_a_cued_pattern_finds_what_its_pattern_finds(name, data):
    cued = CUED[name]
    chosen = data.draw(st.lists(st.sampled_from(_vocabulary(cued)), max_size=10))
    text = data.draw(st.sampled_from([" ", "  ", "\n", ", "])).join(chosen)
    found, expected = cued.search(text), cued.pattern.search(text)
    assert (found and found.span()) == (expected and expected.span())
    assert [m.span() for m in cued.finditer(text)] == [m.span() for m in cued.pattern.finditer(text)]


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
