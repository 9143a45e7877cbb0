"""The scanner's shortcuts give what the plain scans give.

The scanner looks for dates, numbers and masks only where one may begin (one shared pass
over the text), and tests how a window ends before searching it.  Each shortcut is checked
here against the plain ``finditer``/``search`` it replaces, on random text built from the
pieces the grammars are made of and on every real document of the repository.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims import dates, scanner
from claims.regexscan import prefiltered_finditer
from claims.sentences import _LINE, _lines

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = sorted(ROOT.glob("tests/corpora/*/docs/*")) + sorted((ROOT / "seeds").glob("*.txt"))

PIECES = st.sampled_from([
    # dates
    "the ", "The ", "mid-", "early ", "end of ", "between ", "from ", "fiscal ", "FY", "Q2", "H1 ", "q3",
    "March", "Mar.", "May", "Dec", "Monday", "first ", "quarter ", "last ", "next ", "ago", "today",
    "1992", "2024", "24", "5", "31", "1990s", "2018-2024", "2025-12-20", "14:30", "9 a.m.", "4/22",
    # numbers
    "a ", "an ", "half", "one", "twenty", "hundred", " and ", "a third", "twice", "½", "3/4", ".5",
    "1,234", "8\u202f412", "39.2", "42", "more than ", "over ", "about ", "minus ", "negative ", "up to ",
    "US$", "$", "€", "EUR ", "usd ", "-", "+", "−", ">", "<=", "≥", "No. ", "Line ", "§ ", "COVID-",
    # masks
    "^{*1}", "[3]", "[a]", "http://x.org/2024", "www.y.com", "a.b@c.org", "+44 20 7946 0958",
    "Tel: ", "(555) 123-4567", "page 3", "pp. 4-5", "ISBN 978-3", "12 High Street", "3 comments",
    "4 min read", "1. ", "(1) ", "— 3 —", "01 Intro", "5/3/18/2",
    # currency definitions
    "talar (ADT)", "Ardovian ", ", the XYZ", " currency ",
    # glue
    " ", ", ", ". ", "\n", "\r\n", "\t", "  ", "x", "é", "_", "ſ", "K", "ı", "İ", "#",
])
TEXTS = st.lists(PIECES, max_size=40).map("".join)
_MASKS_FULL = re.compile(scanner._MASKS_PATTERN)


def _full_masks(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _MASKS_FULL.finditer(text) if not re.fullmatch(r"[0-9]+(?:/[0-9]+){2,}", m.group())]


def _assert_shared_scan_is_exact(text: str) -> None:
    date_starts, number_starts, mask_starts = scanner.candidate_starts(text)
    assert [(m.span(), m.lastgroup) for m in dates.find_dates(text, date_starts)] == \
        [(m.span(), m.lastgroup) for m in dates.DATE_RE.finditer(text)]
    assert [(m.span(), m.lastgroup) for m in prefiltered_finditer(scanner._NUMBERS.match, number_starts, text)] == \
        [(m.span(), m.lastgroup) for m in scanner._NUMBER_RE.finditer(text)]
    assert scanner._masked_spans(text, mask_starts) == _full_masks(text)
    assert scanner._masked_spans(text) == _full_masks(text)
    assert [m.span() for m in scanner._currency_definitions(text)] == \
        [m.span() for m in scanner._CURRENCY_DEF_RE.finditer(text)]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_the_shared_scan_finds_what_the_full_scans_find(text):
    _assert_shared_scan_is_exact(text)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_the_shared_scan_finds_what_the_full_scans_find_on_real_documents(path):
    _assert_shared_scan_is_exact(path.read_text(encoding="utf-8"))


TAIL_HELPERS = [
    (scanner._qualifier_before, scanner.QUALIFIER_BEFORE_RE),
    (scanner._symbol_qualifier_before, scanner._SYMBOL_QUALIFIER_RE),
    (scanner._currency_before, scanner._CURRENCY_PREFIX_RE),
    (scanner._sign_before, scanner._SIGN_RE),
    (scanner._negative_word_before, scanner._NEGATIVE_WORD_RE),
    (scanner._label_before, scanner._LABEL_BEFORE_RE),
    (scanner._letter_hyphen_before, scanner._LETTER_HYPHEN_BEFORE_RE),
    (scanner._date_qualifier_before, scanner._DATE_QUALIFIER_RE),
]


def _assert_tail_helpers_agree(window: str) -> None:
    for helper, pattern in TAIL_HELPERS:
        found, expected = helper(window), pattern.search(window)
        assert (found and found.span()) == (expected and expected.span()), (helper.__name__, window)


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_each_tail_search_agrees_with_its_regex(window):
    _assert_tail_helpers_agree(window)


# A window that ends with a line break: the patterns end with \Z, not $ (which would also
# match before a final "\n"), so that a helper's look at how the window ends is exact.
@pytest.mark.parametrize("window", ["minus \n", "US$\n", "over \n", "No.\n", "since \n", "COVID-\n", ">= \n", "- \n"])
def test_each_tail_search_agrees_with_its_regex_before_a_line_break(window):
    _assert_tail_helpers_agree(window)
    assert all(pattern.search(window) is None or pattern.search(window).end() == len(window)
               for _helper, pattern in TAIL_HELPERS)


@pytest.mark.parametrize("path", DOCUMENTS[::3], ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_each_tail_search_agrees_with_its_regex_before_every_digit_of_a_document(path):
    text = path.read_text(encoding="utf-8")
    for match in re.finditer(r"(?<![0-9])[0-9]", text):
        _assert_tail_helpers_agree(text[max(0, match.start() - 60):match.start()])


@pytest.mark.parametrize("text", ["", "a", "a\n", "\n", "\n\n", "a\n\nb", "a\nb\n\n", "a\r\nb\rc\n", "x\r", "é\nü"])
def test_lines_split_like_the_line_regex(text):
    expected = []
    for match in _LINE.finditer(text):
        if match.start() == match.end():
            break
        expected.append((match.start(), match.start() + len(match.group().rstrip("\r\n"))))
    assert _lines(text) == expected
