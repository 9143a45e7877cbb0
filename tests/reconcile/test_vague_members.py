"""A bound or estimate that an exact claim of the flag already states is not listed on a side,
and a limit alone is no side of a conflict."""

from __future__ import annotations

import numpy as np
import pytest

from claims import extract_claims
from reconcile.engine import build_flags
from reconcile.features import build_contexts

DOCS = {
    "a.txt": "Before the closure the bridge carried 23,400 vehicles a day.\n",
    "b.txt": "Some 23,400 vehicles a day crossed the bridge before it closed.\n",
    "c.txt": "The bridge carried about 23,000 vehicles a day, the mayor said.\n",
    "d.txt": "Caption: the bridge carried 24,300 vehicles a day before the closure.\n",
    "e.txt": "More than 25,000 vehicles a day used the bridge before it closed.\n",
    "f.txt": "The permit allowed up to 20,000 vehicles a day on the bridge before the closure.\n",
    "g.txt": "A weight limit kept traffic to not exceeding 20,000 vehicles a day before the closure.\n",
}


def flagged(edges: dict[tuple[str, str], float]) -> list[list[str]]:
    """The flags' claim texts when the pair model binds these pairs (doc:text -> probability)."""
    claims = []
    for doc, text in DOCS.items():
        claims.extend(extract_claims(text, doc=doc))
    claims.sort(key=lambda c: (c.doc, c.start))
    contexts, idf = build_contexts(claims)
    index = {f"{c.doc}:{c.text}": i for i, c in enumerate(claims)}
    pairs, probabilities = [], []
    for (one, other), p in edges.items():
        pairs.append(tuple(sorted((index[one], index[other]))))
        probabilities.append(p)
    result = build_flags(claims, contexts, idf, pairs, np.asarray(probabilities), threshold=0.975)
    return sorted(sorted(f"{c.doc}:{c.text}" for c in d.claims) for d in result.discrepancies)


@pytest.mark.parametrize(
    ("edges", "expected"),
    [
        # "about 23,000" fits 23,400, which a.txt states exactly: it adds nothing to the flag
        ({("d.txt:24,300", "a.txt:23,400"): 0.99, ("d.txt:24,300", "c.txt:about 23,000"): 0.99},
         [["a.txt:23,400", "d.txt:24,300"]]),
        # "Some 23,400" is an estimate of the same figure: left out as well
        ({("d.txt:24,300", "a.txt:23,400"): 0.99, ("d.txt:24,300", "b.txt:Some 23,400"): 0.99},
         [["a.txt:23,400", "d.txt:24,300"]]),
        # a side of a bound alone is the conflict itself: it stays
        ({("e.txt:More than 25,000", "a.txt:23,400"): 0.99},
         [["a.txt:23,400", "e.txt:More than 25,000"]]),
        # with no exact claim beside it, an estimate is a side of its own
        ({("d.txt:24,300", "c.txt:about 23,000"): 0.99},
         [["c.txt:about 23,000", "d.txt:24,300"]]),
        # a limit says what was allowed, not what was counted: no conflict with the count
        ({("f.txt:up to 20,000", "a.txt:23,400"): 0.99}, []),
        ({("g.txt:not exceeding 20,000", "a.txt:23,400"): 0.99}, []),
        # ... and it leaves a flag of counts without joining it
        ({("f.txt:up to 20,000", "a.txt:23,400"): 0.99, ("d.txt:24,300", "a.txt:23,400"): 0.99},
         [["a.txt:23,400", "d.txt:24,300"]]),
    ],
)
def test_vague_members_of_a_flag(edges, expected):
    assert flagged(edges) == expected
