"""ClaimTable: every claim of a scan by document, each document's claims read only when used."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims import Claim
from claims.table import ClaimTable


def claim(doc: str, start: int, end: int | None = None) -> Claim:
    end = start + 2 if end is None else end
    return Claim(doc=doc, start=start, end=end, text="x" * (end - start), kind="count", value=1, low=1, high=1,
                 unit=None, qualifier=None, sentence="s", sentence_start=0)


class CountingSource(list):
    """A document's claims that counts how often they are read."""

    reads = 0

    def __iter__(self):
        CountingSource.reads += 1
        return super().__iter__()


CLAIMS = [claim("b.txt", 9), claim("a.txt", 5), claim("b.txt", 1), claim("a.txt", 0), claim("c.txt", 3)]
ORDERED = sorted(CLAIMS, key=lambda c: (c.doc, c.start, c.end))


@pytest.mark.parametrize("index", [0, 1, 2, 3, 4, -1, -5])
def test_index_reads_the_claims_in_document_and_offset_order(index):
    assert ClaimTable.from_claims(CLAIMS)[index] == ORDERED[index]


@pytest.mark.parametrize("index", [5, -6])
def test_an_index_out_of_range_raises(index):
    with pytest.raises(IndexError):
        ClaimTable.from_claims(CLAIMS)[index]


def test_the_table_is_the_sorted_sequence_of_all_claims():
    table = ClaimTable.from_claims(CLAIMS)
    assert len(table) == 5
    assert list(table) == ORDERED
    assert table == ORDERED and table == tuple(ORDERED)
    assert table[1:3] == tuple(ORDERED[1:3])
    assert table.documents == ("a.txt", "b.txt", "c.txt")
    assert table.of("b.txt") == (claim("b.txt", 1), claim("b.txt", 9))
    assert [table.count_of(doc) for doc in table.documents] == [2, 2, 1]
    assert table.counts() == [("a.txt", 2), ("b.txt", 2), ("c.txt", 1)]
    assert "3 documents, 5 claims" in repr(table)


def test_a_document_is_read_once_and_only_when_its_claims_are_used():
    CountingSource.reads = 0
    table = ClaimTable([("a.txt", CountingSource([claim("a.txt", 4), claim("a.txt", 0)])),
                        ("b.txt", CountingSource([claim("b.txt", 0)]))])
    assert len(table) == 3 and table.count_of("a.txt") == 2
    assert CountingSource.reads == 0
    assert table.of("a.txt") == (claim("a.txt", 0), claim("a.txt", 4))
    assert CountingSource.reads == 1
    table.of("a.txt")
    list(table)
    assert CountingSource.reads == 2  # b.txt once; a.txt not again


def test_a_document_without_claims_is_listed_and_empty():
    table = ClaimTable([("empty.txt", []), ("a.txt", [claim("a.txt", 0)])])
    assert table.documents == ("a.txt", "empty.txt")
    assert table.of("empty.txt") == () and table.count_of("empty.txt") == 0
    assert list(table) == [claim("a.txt", 0)]


@pytest.mark.parametrize("call", [lambda t: t.of("missing.txt"), lambda t: t.count_of("missing.txt"),
                                  lambda t: t.of("")])
def test_an_unknown_document_raises_key_error(call):
    with pytest.raises(KeyError):
        call(ClaimTable.from_claims(CLAIMS))


def test_a_document_id_twice_is_refused():
    with pytest.raises(ValueError, match="twice"):
        ClaimTable([("a.txt", []), ("a.txt", [])])


def test_a_source_whose_length_lies_is_refused():
    class Liar(list):
        def __len__(self) -> int:
            return 5

    table = ClaimTable([("a.txt", Liar([claim("a.txt", 0)]))])
    with pytest.raises(ValueError, match="changed length"):
        table.of("a.txt")


@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c/d.txt", "c.txt"]), st.integers(0, 50),
                          st.integers(0, 5))))
def test_any_claims_read_back_as_the_scan_sorts_them(rows):
    claims = [claim(doc, start, start + length) for doc, start, length in rows]
    table = ClaimTable.from_claims(claims)
    expected = sorted(claims, key=lambda c: (c.doc, c.start, c.end))
    assert list(table) == expected
    assert [table[i] for i in range(len(table))] == expected
    assert sum(table.count_of(doc) for doc in table.documents) == len(claims)
    assert table.counts() == [(doc, table.count_of(doc)) for doc in table.documents]
