"""The Claim record."""

from __future__ import annotations

import dataclasses

import pytest

from claims.model import Claim, claim_from_fields


def test_claim_from_fields_equals_the_dataclass_constructor():
    claim = Claim(doc="a.txt", start=3, end=7, text="1992", kind="date", value="1992", low="1992-01-01",
                  high="1992-12-31", unit=None, qualifier=None, sentence="In 1992.", sentence_start=0,
                  precision="year", noun=None, heading="History", previous=None, row_label=None,
                  column_label=None, line=2, column=4)
    values = tuple(getattr(claim, field.name) for field in dataclasses.fields(Claim))
    built = claim_from_fields(*values)
    assert built == claim and hash(built) == hash(claim)
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.start = 0  # type: ignore[misc]


def test_claim_from_fields_wants_every_field():
    with pytest.raises(TypeError, match="takes 20 values, 2 given"):
        claim_from_fields("a.txt", 3)


def test_claims_hash_by_document_and_span_and_compare_by_every_field():
    claim = Claim(doc="a.txt", start=3, end=7, text="1992", kind="date", value="1992", low="1992-01-01",
                  high="1992-12-31", unit=None, qualifier=None, sentence="In 1992.", sentence_start=0)
    moved = dataclasses.replace(claim, start=4, end=8)
    reread = dataclasses.replace(claim, sentence="In 1992 it opened.")  # same span, other context
    assert hash(dataclasses.replace(claim)) == hash(claim)
    assert hash(reread) == hash(claim) and reread != claim  # a hash collision, never an equality
    assert len({claim, moved, reread, dataclasses.replace(claim)}) == 3
