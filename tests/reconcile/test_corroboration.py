"""A claim contradicted in the same words by several documents: the pairs corroborate one another."""

from __future__ import annotations

import numpy as np
import pytest

from claims import extract_claims
from reconcile.engine import CORROBORATION_BINDS, CORROBORATION_FLOOR, corroborated
from reconcile.features import build_contexts

DOCS = {
    "a.txt": "The Velmora plant employs 3,142 staff.\n",
    "b.txt": "Velmora's plant has 3,142 employees on its payroll.\n",
    "c.txt": "Staff at the Velmora plant: 3,142.\n",
    "d.txt": "The Velmora plant employs 3,412 staff. Its rival employs 3,142 staff too.\n",
    "e.txt": "The Velmora plant employs 2,870 staff.\n",
    "f.txt": "Velmora plant workforce: 3,142 staff.\n",
    "g.txt": "The Velmora plant employs 3,142 staff. In March the Velmora plant still employed 3,142 staff.\n",
}
THRESHOLD = 0.99


def raised(edges: dict[tuple[str, str], float]) -> dict[tuple[str, str], bool]:
    """Which pairs ("doc:text") corroboration raises to the threshold."""
    claims = []
    for doc, text in DOCS.items():
        claims.extend(extract_claims(text, doc=doc))
    claims.sort(key=lambda c: (c.doc, c.start))
    contexts, _ = build_contexts(claims)
    index: dict[str, int] = {}
    for i, claim in enumerate(claims):  # the second "3,142" of a document is "doc:3,142#2"
        key = f"{claim.doc}:{claim.text}"
        index[key if key not in index else f"{key}#2"] = i
    pairs = [tuple(sorted((index[one], index[other]))) for one, other in edges]
    given = np.asarray(list(edges.values()), dtype=float)
    result = corroborated(contexts, pairs, given, threshold=THRESHOLD)
    assert np.all(result >= given)  # corroboration only ever raises
    return {edge: bool(after >= THRESHOLD > before) for edge, before, after in zip(edges, given, result)}


@pytest.mark.parametrize(
    ("edges", "expected"),
    [
        # three documents at 0.98: one chance in 125,000 that all three are look-alikes
        ({("d.txt:3,412", "a.txt:3,142"): 0.98, ("d.txt:3,412", "b.txt:3,142"): 0.98,
          ("d.txt:3,412", "c.txt:3,142"): 0.98}, [True, True, True]),
        # three at 0.97: one in 37,000 is not enough
        ({("d.txt:3,412", "a.txt:3,142"): 0.97, ("d.txt:3,412", "b.txt:3,142"): 0.97,
          ("d.txt:3,412", "c.txt:3,142"): 0.97}, [False, False, False]),
        # four at 0.95: one in 160,000
        ({("d.txt:3,412", "a.txt:3,142"): 0.95, ("d.txt:3,412", "b.txt:3,142"): 0.95,
          ("d.txt:3,412", "c.txt:3,142"): 0.95, ("d.txt:3,412", "f.txt:3,142"): 0.95}, [True, True, True, True]),
        # two documents just below the threshold: one in 10,000 is not enough
        ({("d.txt:3,412", "a.txt:3,142"): 0.989, ("d.txt:3,412", "b.txt:3,142"): 0.989}, [False, False]),
        # one document alone, however sure, corroborates nothing
        ({("a.txt:3,142", "d.txt:3,412"): 0.989}, [False]),
        # two claims of one document count once (its most probable pair)
        ({("d.txt:3,412", "g.txt:3,142"): 0.98, ("d.txt:3,412", "g.txt:3,142#2"): 0.98,
          ("d.txt:3,412", "a.txt:3,142"): 0.98}, [False, False, False]),
        # ... and the same with a third document is enough
        ({("d.txt:3,412", "g.txt:3,142"): 0.98, ("d.txt:3,412", "g.txt:3,142#2"): 0.98,
          ("d.txt:3,412", "a.txt:3,142"): 0.98, ("d.txt:3,412", "b.txt:3,142"): 0.98}, [True, True, True, True]),
        # partners of different values do not pool: 3,142 and 2,870 are two stories
        ({("d.txt:3,412", "a.txt:3,142"): 0.98, ("d.txt:3,412", "b.txt:3,142"): 0.98,
          ("d.txt:3,412", "e.txt:2,870"): 0.98}, [False, False, False]),
        # pairs below the floor are no evidence
        ({("d.txt:3,412", "a.txt:3,142"): CORROBORATION_FLOOR - 0.01,
          ("d.txt:3,412", "b.txt:3,142"): CORROBORATION_FLOOR - 0.01,
          ("d.txt:3,412", "c.txt:3,142"): CORROBORATION_FLOOR - 0.01}, [False, False, False]),
    ],
)
def test_corroboration_table(edges, expected):
    assert list(raised(edges).values()) == expected


@pytest.mark.parametrize(
    ("edges", "expected"),
    [
        # 3,412 is already flagged against 2,870: corroboration adds no side to a flag
        ({("d.txt:3,412", "e.txt:2,870"): 0.995, ("d.txt:3,412", "a.txt:3,142"): 0.98,
          ("d.txt:3,412", "b.txt:3,142"): 0.98, ("d.txt:3,412", "c.txt:3,142"): 0.98}, [False, False, False, False]),
        # one of the restatements is flagged already: the other two alone do not bind
        ({("a.txt:3,142", "e.txt:2,870"): 0.995, ("d.txt:3,412", "a.txt:3,142"): 0.98,
          ("d.txt:3,412", "b.txt:3,142"): 0.98, ("d.txt:3,412", "c.txt:3,142"): 0.98}, [False, False, False, False]),
    ],
)
def test_corroboration_starts_flags_and_never_extends_one(edges, expected):
    assert list(raised(edges).values()) == expected


def test_a_flag_corroboration_started_is_not_extended_in_the_same_pass():
    # 3,412 (d) and 2,870 (e) each meet the three restatements of 3,142: the first group
    # binds, and the second would hang a third value on the flag it just started
    edges = {("d.txt:3,412", "a.txt:3,142"): 0.98, ("d.txt:3,412", "b.txt:3,142"): 0.98,
             ("d.txt:3,412", "c.txt:3,142"): 0.98, ("e.txt:2,870", "a.txt:3,142"): 0.98,
             ("e.txt:2,870", "b.txt:3,142"): 0.98, ("e.txt:2,870", "c.txt:3,142"): 0.98}
    assert list(raised(edges).values()) == [True, True, True, False, False, False]


def test_the_claims_own_document_does_not_corroborate():
    # d's own "3,142" (its rival's staff) is another fact; a and b alone are two documents
    edges = {("d.txt:3,412", "d.txt:3,142"): 0.98, ("d.txt:3,412", "a.txt:3,142"): 0.98,
             ("d.txt:3,412", "b.txt:3,142"): 0.98}
    assert list(raised(edges).values()) == [False, False, False]


def test_pairs_at_the_threshold_are_left_as_they_are():
    edges = {("d.txt:3,412", "a.txt:3,142"): 0.995, ("d.txt:3,412", "b.txt:3,142"): 0.999}
    assert list(raised(edges).values()) == [False, False]


def test_the_bar_is_a_chance_of_one_in_a_hundred_thousand():
    assert 1 - CORROBORATION_BINDS == pytest.approx(1e-5)
