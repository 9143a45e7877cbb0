"""Properties that hold for any text: exact offsets, no exceptions, deterministic output."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims import extract_claims

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))

# Text built from the pieces claims are made of, so that random inputs hit the grammar.
PIECES = st.sampled_from([
    "over ", "about ", "US$", "$", "€", "£", "39.2", "1,234", "8\u202f412", "1992", "2026\u20112030",
    " million", " bn", "%", " per cent", " km", " kg", "December 20, 2025", "Q2 2026", "FY2021",
    "No. 14", "G7", "COVID-19", "\r\n", "\n\n", "1. ", " - ", "–", ". ", ", ", "nine", "twenty-five",
    "half a million", "32nd", "³", "^{*1}", "[3]", " and ", " to ", "between ", "+44 20 7946 0958",
])
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=60).map("".join),
)


def _check(text: str) -> None:
    first = extract_claims(text, doc="x.txt")
    for claim in first:
        assert text[claim.start:claim.end] == claim.text
        assert claim.start < claim.end
        assert claim.sentence_start <= claim.start
        assert text[claim.sentence_start:claim.sentence_start + len(claim.sentence)] == claim.sentence
    assert extract_claims(text, doc="x.txt") == first
    starts = [c.start for c in first]
    assert starts == sorted(starts)
    for a, b in zip(first, first[1:]):
        assert a.end <= b.start, "claims never overlap"


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_offsets_are_exact_for_any_text(text):
    _check(text)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_offsets_are_exact_on_the_seeds(path):
    _check(path.read_text(encoding="utf-8"))
    with open(path, encoding="utf-8", newline="") as handle:
        _check(handle.read())


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(SEEDS), st.integers(min_value=0, max_value=5000), st.integers(min_value=1, max_value=400))
def test_offsets_are_exact_on_slices_of_the_seeds(path, start, length):
    text = path.read_text(encoding="utf-8")
    _check(text[start:start + length])
