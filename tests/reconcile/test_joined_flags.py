"""Two flagged groups that share a value restated alike are one fact, one flag."""

from __future__ import annotations

import numpy as np

from claims import extract_claims
from reconcile.engine import build_flags
from reconcile.features import build_contexts

DOCS = {
    "a.txt": "The embassy has funded 459 grassroots projects in the country since 1989.\n",
    "b.txt": "The embassy has funded 470 grassroots projects in the country since 1989.\n",
    "c.txt": "Over the years the embassy has funded 470 grassroots projects in the country.\n",
    "d.txt": "Over the years the embassy has funded 480 grassroots projects.\n",
    "e.txt": "The city council approved 470 new parking places near the stadium in 2019.\n",
    "f.txt": "The city council approved 410 new parking places near the stadium in 2019.\n",
}


def flags_for(edges: list[tuple[str, str]]) -> list[list[str]]:
    """The flags' claims (doc:text) when the pair model binds exactly these pairs."""
    claims = sorted((c for doc, text in DOCS.items() for c in extract_claims(text, doc=doc)),
                    key=lambda c: (c.doc, c.start))
    contexts, idf = build_contexts(claims)
    index = {f"{c.doc}:{c.text}": i for i, c in enumerate(claims)}
    pairs = [tuple(sorted((index[one], index[other]))) for one, other in edges]
    result = build_flags(claims, contexts, idf, pairs, np.ones(len(pairs)), threshold=0.975)
    return sorted(sorted(f"{c.doc}:{c.text}" for c in d.claims) for d in result.discrepancies)


def test_flags_sharing_a_restated_value_are_joined():
    flags = flags_for([("a.txt:459", "b.txt:470"), ("c.txt:470", "d.txt:480")])
    assert flags == [["a.txt:459", "b.txt:470", "c.txt:470", "d.txt:480"]]


def test_flags_sharing_a_value_said_of_another_thing_stay_apart():
    flags = flags_for([("a.txt:459", "b.txt:470"), ("e.txt:470", "f.txt:410")])
    assert flags == [["a.txt:459", "b.txt:470"], ["e.txt:470", "f.txt:410"]]
