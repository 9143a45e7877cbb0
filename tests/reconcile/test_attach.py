"""A third value joins a flagged fact on less evidence than a new flag needs."""

from __future__ import annotations

import numpy as np
import pytest

from claims import extract_claims
from reconcile import reconcile

FLAGGED = {
    # bound by rule (the agreeing amounts beside the counts): 212 vs 230 is flagged
    "a.txt": "Over the years, the trust has supported 212 local projects worth over 14 million euros.\n",
    "b.txt": "In Orland, the trust has implemented 230 community projects since 2001, totaling EUR 14.2 million.\n",
}


def flags(texts: dict[str, str], probability: float) -> list[list[str]]:
    """The flags' values when the pair model gives every pair ``probability`` (threshold 0.975)."""
    claims = []
    for doc, text in texts.items():
        claims.extend(extract_claims(text, doc=doc))

    def scorer(rows):
        return np.full(len(rows), probability)

    result = reconcile(claims, scorer=scorer, threshold=0.975)
    return sorted(sorted(d.values) for d in result.discrepancies)


@pytest.mark.parametrize(
    ("extra", "probability", "expected"),
    [
        ({"c.txt": "Over the years, the trust has supported 250 local projects in Orland.\n"}, 0.95,
         [["212", "230", "250"]]),
        # too little evidence even to join
        ({"c.txt": "Over the years, the trust has supported 250 local projects in Orland.\n"}, 0.8,
         [["212", "230"]]),
        # another noun is another fact
        ({"c.txt": "Over the years, the trust has bought 250 local buses in Orland.\n"}, 0.95,
         [["212", "230"]]),
        # a value two documents repeat stands on its own: one of them would have been bound
        ({"c.txt": "The trust has supported 250 local projects in Orland.\n",
          "d.txt": "Orland's trust lists 250 local projects on its website.\n"}, 0.95,
         [["212", "230"]]),
        # amounts are left out: a price beside a flagged price is as often another price
        ({"c.txt": "A concession ticket for the museum costs €16 at the door.\n",
          "e.txt": "Adult tickets for the museum cost €18 at the door.\n",
          "f.txt": "Adult tickets for the museum cost €14 at the door.\n"},
         0.95, [["14 EUR", "18 EUR"], ["212", "230"]]),
    ],
)
def test_a_lone_value_joins_a_flagged_fact(extra, probability, expected):
    assert flags({**FLAGGED, **extra}, probability) == expected
