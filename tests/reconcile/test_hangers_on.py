"""A value that hangs on a flag by one hedged claim states another fact and leaves the flag."""

from __future__ import annotations

import pytest
from flag_edges import flags_for

from claims import extract_claims
from reconcile.engine import _without_hangers_on
from reconcile.features import build_contexts

DOCS = {
    "a.txt": "The approved census budget was €48.6 million.\n",
    "b.txt": "The census will cost €48.6 million, the ministry said.\n",
    "c.txt": "In the end the census cost 46.9 million euros.\n",
    "d.txt": "They gave it a budget of over €50 million, a blog said.\n",
}


def flagged(edges: dict[tuple[str, str], float]) -> list[list[str]]:
    """The flags' claim texts when the pair model binds these pairs (texts -> probability)."""
    return sorted(sorted(c.text for c in d.claims) for d in flags_for(DOCS, edges))


@pytest.mark.parametrize(
    ("edges", "expected"),
    [
        # the hedged claim binds the budget more strongly than the spending: the spending leaves
        ({("d.txt:over €50 million", "a.txt:€48.6 million"): 0.997,
          ("d.txt:over €50 million", "c.txt:46.9 million euros"): 0.982},
         [["over €50 million", "€48.6 million"]]),
        # by more edges, too
        ({("d.txt:over €50 million", "a.txt:€48.6 million"): 0.98, ("d.txt:over €50 million", "b.txt:€48.6 million"): 0.98,
          ("d.txt:over €50 million", "c.txt:46.9 million euros"): 0.99},
         [["over €50 million", "€48.6 million", "€48.6 million"]]),
        # as strong both ways: nothing says which fact the hedged claim states; all three stay
        ({("d.txt:over €50 million", "a.txt:€48.6 million"): 0.99,
          ("d.txt:over €50 million", "c.txt:46.9 million euros"): 0.99},
         [["46.9 million euros", "over €50 million", "€48.6 million"]]),
        # bound to the group through two claims: not hanging on one
        ({("d.txt:over €50 million", "a.txt:€48.6 million"): 0.997,
          ("d.txt:over €50 million", "c.txt:46.9 million euros"): 0.98,
          ("a.txt:€48.6 million", "c.txt:46.9 million euros"): 0.98},
         [["46.9 million euros", "over €50 million", "€48.6 million"]]),
    ],
)
def test_a_value_hanging_on_one_claim_leaves_the_flag(edges, expected):
    assert flagged(edges) == expected


TUNNEL = {
    "a.txt": "Of the new route, 8.6 km is in a bored tunnel beneath the Old Harbour and the Sundby district.\n",
    "b.txt": "Metro news\n\nThe bored tunnel under the harbour is 6.8 km long.\n",
    "c.txt": "Profile\n\nMost of the route runs through a 6.8 km bored tunnel.\n",
}


@pytest.mark.parametrize(("third", "kept", "why"), [
    ("Of the new route, 7.2 km is in a bored tunnel beneath the Old Harbour and the Sundby district.\n",
     True, "a.txt's sentence restated with another value: a conflict, whatever binds a.txt elsewhere"),
    ("Blog\n\nSomeone told me the walk along the harbour is 7.2 km.\n",
     False, "bound to the flag through one claim only, more weakly than that claim's other side: another fact"),
], ids=["restated", "another-fact"])
def test_a_value_hanging_on_one_claim_leaves_the_flag_unless_it_restates_that_claims_sentence(third, kept, why):
    claims = [c for doc, text in {**TUNNEL, "d.txt": third}.items() for c in extract_claims(text, doc=doc)
              if c.text.endswith("km")]
    contexts, _ = build_contexts(claims)
    a, b, c, d = range(4)
    strong = {a: [(b, 0.995), (c, 0.995), (d, 0.99)], b: [(a, 0.995)], c: [(a, 0.995)], d: [(a, 0.99)]}
    assert (d in _without_hangers_on([a, b, c, d], contexts, strong)) is kept, why
