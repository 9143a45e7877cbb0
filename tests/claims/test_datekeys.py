"""The key table that narrows the date grammar's dispatch (claims/datekeys.py)."""

from __future__ import annotations

import json
import random

import pytest

from claims import dates
from claims.datekeys import build_table, generic_keys
from claims.regexscan import Alternation


def test_the_shipped_table_is_made_for_the_current_date_grammar():
    data = json.loads(dates.KEY_TABLE_PATH.read_text(encoding="utf-8"))
    assert data["fingerprint"] == dates._DATES.fingerprint, (
        "the date grammar changed: rebuild the table with `python -m claims.datekeys`")
    assert dates._DATES._key_subsets, "the table is loaded"


def test_the_shipped_table_holds_what_the_analysis_gives():
    table = dates.load_key_table(dates._DATES)
    for key in random.Random(7).sample(sorted(table), 40):
        assert table[key] == dates._DATES.branches_for_key(key), key


@pytest.mark.parametrize(("text", "position", "key"), [
    ("in the 1990s", 3, "the 0"),
    ("The Other", 0, "the o"),
    ("470 projects", 0, "000 p"),
    ("12,480 people", 0, "00,0"),
    ("1234567 units", 0, "00000"),  # five digits or more: the digits alone
    ("May", 0, "may"),  # at the end of the text: what there is
    ("the\u00a0first", 0, "the\u00a0f"),  # beyond ASCII: kept as it is
    ("(2024)", 0, None),  # not at a word or digits
])
def test_key_at(text, position, key):
    assert Alternation.key_at(text, position) == key


def test_keyed_dispatch_gives_the_whole_alternations_match():
    grammar = Alternation([("_year", r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])"),
                           ("_the_year", r"(?i:the\s+year\s+)(?:19|20)[0-9]{2}"),
                           ("_other", r"(?i:the\s+other)")])
    texts = ["the year 2024", "The Other day", "in 1999", "the yearly 2024", "the 1999"]
    expected = [[(m.start(), m.lastgroup) for m in grammar.compiled.finditer(t)] for t in texts]
    keys = {grammar.key_at(t, i) for t in texts for i in range(len(t))} - {None}
    table = build_table(grammar, keys)
    grammar.use_key_table({key: tuple(table["subsets"][index]) for key, index in table["keys"].items()})
    assert grammar.branches_for_key("the o") == (2,)
    assert grammar.branches_for_key("the y") == (1,)
    found = []
    for t in texts:
        matches, position = [], 0
        while position < len(t):
            m = grammar.match(t, position)
            if m is not None and m.end() > position:
                matches.append((m.start(), m.lastgroup))
                position = m.end()
            else:
                position += 1
        found.append(matches)
    assert found == expected


@pytest.mark.parametrize("content", [
    "not json",
    '{"fingerprint": "0000", "subsets": [[0]], "keys": {"the o": 0}}',  # another grammar's
    '{"fingerprint": "%s", "subsets": [], "keys": {"the o": 3}}',  # a subset that is not there
    "[]",
])
def test_a_foreign_or_broken_table_is_ignored(tmp_path, content):
    path = tmp_path / "keys.json"
    path.write_text(content.replace("%s", dates._DATES.fingerprint), encoding="utf-8")
    assert dates.load_key_table(dates._DATES, path) == {}
    assert dates.load_key_table(dates._DATES, tmp_path / "missing.json") == {}


def test_generic_keys_cover_start_words_and_digit_runs():
    keys = set(generic_keys(["the", "march"]))
    assert {"the 0", "march 0", "the f", "0000 0", "00/0", "00000"} <= keys
