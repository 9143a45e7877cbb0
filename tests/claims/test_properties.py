"""Properties that hold for any text: exact offsets, no exceptions, deterministic output."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims import dates, extract_claims, scanner

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))

# Text built from the pieces claims are made of, so that random inputs hit the grammar.
PIECES = st.sampled_from([
    "over ", "about ", "US$", "$", "€", "£", "39.2", "1,234", "8\u202f412", "1992", "2026\u20112030",
    " million", " bn", "%", " per cent", " km", " kg", "December 20, 2025", "Q2 2026", "FY2021",
    "No. 14", "G7", "COVID-19", "\r\n", "\n\n", "1. ", " - ", "–", ". ", ", ", "nine", "twenty-five",
    "half a million", "32nd", "³", "^{*1}", "[3]", " and ", " to ", "between ", "+44 20 7946 0958",
    "1e400", "2.5e6", "1e300", " trillion", "1" + "0" * 330,  # beyond what a float holds
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
        for number in (claim.value, claim.low, claim.high):
            assert not isinstance(number, float) or math.isfinite(number), "JSON has no infinity"
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


# Words and marks every date pattern is built from, in any case, glued or spaced.
DATE_PIECES = st.sampled_from([
    "the ", "The ", "THE ", "mid", "mid-", "early ", "late", "end of ", "start of ", "between ", "from ",
    "fiscal ", "financial year ", "FY", "Q2", "q3", "H1 ", "spring ", "midsummer ", "of ", "to ", "and ",
    "last ", "next ", "this ", "coming ", "past ", "two ", "a ", "days ", "ago", "yesterday", "tonight",
    "right now", "to date", "Christmas", "Eastern", "Easter ", "New Year's Day", "Labour Day",
    "March", "Mar.", "Sept", "sept.", "May", "Dec", "december ", "Monday", "Thurs.", "sun", "month ",
    "year", "first ", "second ", "1st ", "4th", "twenty-first ", "quarter ", "half ", "weekend",
    "1992", "2024", "24", "5", "05", "12", "31", "1990s", "'90s", "’s", "2018-2024", "2025-12-20",
    "20161016", "14:30", "9 a.m.", "3/2015", "4/22", " ", ", ", ". ", "-", "–", "/", "\n", "é", "x", "_",
    # letters IGNORECASE takes for ASCII ones ("wınter" is "winter" to the grammar)
    "ı", "İ", "ſ", "K", "wınter ", "xMonday ", "ıMonday ", "ſthe ", "İthe ",
])


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(DATE_PIECES, max_size=40).map("".join))
def test_date_prefilter_finds_what_a_full_scan_finds(text):
    # find_dates only tries the date grammar where a date can begin; it must lose nothing.
    expected = [(m.start(), m.end(), m.lastgroup) for m in dates.DATE_RE.finditer(text)]
    assert [(m.start(), m.end(), m.lastgroup) for m in dates.find_dates(text)] == expected


DATE_PHRASES = [
    "the 1990s", "the '90s", "the 4th of July", "the twenty-first of March", "mid-2024", "midsummer 2024",
    "mid-October 2024", "early 2025", "late-summer 2023", "end-2023", "the end of 2008", "end of March",
    "between 2019 and 2021", "from May to July", "between June and October 2024", "fiscal 2021",
    "financial year 2023", "budget year 2024", "academic year 2024-25", "school year 2024",
    "the 2021 fiscal year", "the first quarter of 2024", "final quarter of 2024", "second half of this year",
    "fourth Thursday in November", "fifth Monday of May", "last week", "this year", "next month",
    "coming weekend", "past three years", "previous day", "following week", "earlier this week",
    "later this month", "two days ago", "a week later", "one year ago", "ten years earlier",
    "5 days ago", "yesterday", "today", "tonight", "tomorrow", "tonite", "tmrw", "tmr",
    "that week", "same day", "current year", "upcoming season", "right now", "to date",
    "year-to-date", "month to date", "the start of 2020", "start of 2020", "beginning of 2000",
    "the middle of March", "month of March", "rest of the week", "remainder of the year",
    "remaining of the day", "close of the quarter", "Christmas Day 2024", "New Year's Day",
    "Easter Monday", "Thanksgiving", "Halloween", "Valentine's Day", "Independence Day",
    "Labour Day", "Labor Day", "Memorial Day", "Boxing Day", "earth day", "Q2 2026", "q3", "H1 2024",
    "FY2021", "FY 2021/22", "Monday", "Thurs. 5 March", "Sept. 5", "Dec. 20, 2025",
    "December 20, 2025", "20 December 2025", "2025-12-20", "20161016", "12/20/2025", "05-Aug-2016",
    "4–9 October", "29 April – 12 May 2024", "October 4–9, 1985", "February 1992", "March-2018",
    "jan-1", "3/2015", "2016/11", "14:30", "9 a.m.", "2018-2024", "2019 Q1", "spring 2026",
    "wınter 2024", "İn 2024 Q1",
]


@pytest.mark.parametrize("phrase", DATE_PHRASES)
@pytest.mark.parametrize("template", ["{}", "We noted {} here.", "(see {})", "x\n{}\n"])
def test_date_prefilter_starts_where_the_grammar_does(phrase, template):
    text = template.format(phrase)
    expected = [(m.start(), m.end(), m.lastgroup) for m in dates.DATE_RE.finditer(text)]
    assert expected, "every phrase here is a date for the full grammar"
    assert [(m.start(), m.end(), m.lastgroup) for m in dates.find_dates(text)] == expected


@pytest.mark.parametrize("text", ["ıMonday 5 May 2024", "İMonday 5 May", "ſthe 4th of July", "KMonday 5 May",
                                  "ıthe 4th of July", "in wınter 2024", "xMonday 5 March", "_the 4th of July"])
def test_a_letter_glued_before_a_date_word_is_read_alike_by_the_prefilter_and_the_grammar(text):
    # the prefilter reads "ıMonday" as one word; the grammar must not start a date inside it
    expected = [(m.start(), m.end(), m.lastgroup) for m in dates.DATE_RE.finditer(text)]
    assert [(m.start(), m.end(), m.lastgroup) for m in dates.find_dates(text)] == expected


CORPUS_DOCUMENTS = sorted((Path(__file__).resolve().parents[1] / "corpora").glob("*/docs/*"))


@pytest.mark.parametrize("path", CORPUS_DOCUMENTS + SEEDS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_date_prefilter_matches_a_full_scan_on_real_documents(path):
    text = path.read_text(encoding="utf-8")
    expected = [(m.start(), m.end(), m.lastgroup) for m in dates.DATE_RE.finditer(text)]
    assert [(m.start(), m.end(), m.lastgroup) for m in dates.find_dates(text)] == expected


NUMBER_PIECES = st.sampled_from([
    "a ", "an ", "A ", "half", "a half", "one", "One ", "twenty", "-", "five", "hundred", " and ",
    "a third", "two-thirds", "quarter", "quarters ", "dozens", "first", "twenty-first", "Second",
    "twice", "Tripled", "a year", "an hour", "more than ", "about ", "of ", "point ", "½", "3/4",
    "1 1/2", "2.5e6", ".5", "1,234", "8\u202f412", "39.2", "42", "7", " ", ", ", ". ", "\n", "x", "é",
    "another", "anyone", "oneself", "often", "canal", "Ana", "_",
])


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(NUMBER_PIECES, max_size=40).map("".join))
def test_number_prefilter_finds_what_a_full_scan_finds(text):
    expected = [(m.start(), m.end(), m.lastgroup) for m in scanner._NUMBER_RE.finditer(text)]
    assert [(m.start(), m.end(), m.lastgroup) for m in scanner.find_numbers(text)] == expected


NUMBER_PHRASES = [
    "a half", "half a million", "one and a half", "twenty-five", "a third of", "two thirds of",
    "three quarters of", "more than half", "nearly a third", "half an hour", "a decade",
    "a fortnight", "twice", "thrice", "doubled", "triples", "first", "twenty-first", "nineth",
    "hundredth", "dozens", "a dozen", "zero", "nought", "one hundred and six", "½", "3/4",
    "1 1/2", "2.5e6", ".5", "1,234", "8\u202f412", "39.2", "42",
]


@pytest.mark.parametrize("phrase", NUMBER_PHRASES)
@pytest.mark.parametrize("template", ["{}", "We counted {} here.", "(see {})", "x\n{}\n"])
def test_number_prefilter_starts_where_the_grammar_does(phrase, template):
    text = template.format(phrase)
    expected = [(m.start(), m.end(), m.lastgroup) for m in scanner._NUMBER_RE.finditer(text)]
    assert expected, "every phrase here is a number for the full grammar"
    assert [(m.start(), m.end(), m.lastgroup) for m in scanner.find_numbers(text)] == expected


@pytest.mark.parametrize("path", CORPUS_DOCUMENTS + SEEDS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_number_prefilter_matches_a_full_scan_on_real_documents(path):
    text = path.read_text(encoding="utf-8")
    expected = [(m.start(), m.end(), m.lastgroup) for m in scanner._NUMBER_RE.finditer(text)]
    assert [(m.start(), m.end(), m.lastgroup) for m in scanner.find_numbers(text)] == expected
