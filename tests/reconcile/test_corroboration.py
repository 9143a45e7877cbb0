"""A claim contradicted in the same words by several documents: the pairs corroborate one another."""

from __future__ import annotations

import numpy as np
import pytest

from claims import extract_claims
from reconcile.engine import CORROBORATION_BINDS, CORROBORATION_FLOOR, SLIP_CORROBORATION_BINDS, corroborated
from reconcile.features import build_contexts, digit_slip

DOCS = {
    "a.txt": "The Velmora plant employs 3,142 staff.\n",
    "b.txt": "Velmora's plant has 3,142 employees on its payroll.\n",
    "c.txt": "Staff at the Velmora plant: 3,142.\n",
    "d.txt": "The Velmora plant employs 3,512 staff. Its rival employs 3,142 staff too.\n",
    "e.txt": "The Velmora plant employs 2,870 staff.\n",
    "f.txt": "Velmora plant workforce: 3,142 staff.\n",
    "g.txt": "The Velmora plant employs 3,142 staff. In March the Velmora plant still employed 3,142 staff.\n",
    "h.txt": "The Velmora plant employs 3,412 staff.\n",
    "i.txt": "The Velmora plant employs about 3,100 staff.\n",
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
        ({("d.txt:3,512", "a.txt:3,142"): 0.98, ("d.txt:3,512", "b.txt:3,142"): 0.98,
          ("d.txt:3,512", "c.txt:3,142"): 0.98}, [True, True, True]),
        # three at 0.97: one in 37,000 is not enough
        ({("d.txt:3,512", "a.txt:3,142"): 0.97, ("d.txt:3,512", "b.txt:3,142"): 0.97,
          ("d.txt:3,512", "c.txt:3,142"): 0.97}, [False, False, False]),
        # four at 0.95: one in 160,000
        ({("d.txt:3,512", "a.txt:3,142"): 0.95, ("d.txt:3,512", "b.txt:3,142"): 0.95,
          ("d.txt:3,512", "c.txt:3,142"): 0.95, ("d.txt:3,512", "f.txt:3,142"): 0.95}, [True, True, True, True]),
        # two documents just below the threshold: one in 10,000 is not enough
        ({("d.txt:3,512", "a.txt:3,142"): 0.989, ("d.txt:3,512", "b.txt:3,142"): 0.989}, [False, False]),
        # one document alone, however sure, corroborates nothing
        ({("a.txt:3,142", "d.txt:3,512"): 0.989}, [False]),
        # two claims of one document count once (its most probable pair)
        ({("d.txt:3,512", "g.txt:3,142"): 0.98, ("d.txt:3,512", "g.txt:3,142#2"): 0.98,
          ("d.txt:3,512", "a.txt:3,142"): 0.98}, [False, False, False]),
        # ... and the same with a third document is enough
        ({("d.txt:3,512", "g.txt:3,142"): 0.98, ("d.txt:3,512", "g.txt:3,142#2"): 0.98,
          ("d.txt:3,512", "a.txt:3,142"): 0.98, ("d.txt:3,512", "b.txt:3,142"): 0.98}, [True, True, True, True]),
        # partners of different values do not pool: 3,142 and 2,870 are two stories
        ({("d.txt:3,512", "a.txt:3,142"): 0.98, ("d.txt:3,512", "b.txt:3,142"): 0.98,
          ("d.txt:3,512", "e.txt:2,870"): 0.98}, [False, False, False]),
        # pairs below the floor are no evidence
        ({("d.txt:3,512", "a.txt:3,142"): CORROBORATION_FLOOR - 0.01,
          ("d.txt:3,512", "b.txt:3,142"): CORROBORATION_FLOOR - 0.01,
          ("d.txt:3,512", "c.txt:3,142"): CORROBORATION_FLOOR - 0.01}, [False, False, False]),
    ],
)
def test_corroboration_table(edges, expected):
    assert list(raised(edges).values()) == expected


@pytest.mark.parametrize(
    ("edges", "expected"),
    [
        # 3,512 is already flagged against 2,870: corroboration adds no side to a flag
        ({("d.txt:3,512", "e.txt:2,870"): 0.995, ("d.txt:3,512", "a.txt:3,142"): 0.98,
          ("d.txt:3,512", "b.txt:3,142"): 0.98, ("d.txt:3,512", "c.txt:3,142"): 0.98}, [False, False, False, False]),
        # one of the restatements is flagged already: the other two alone do not bind
        ({("a.txt:3,142", "e.txt:2,870"): 0.995, ("d.txt:3,512", "a.txt:3,142"): 0.98,
          ("d.txt:3,512", "b.txt:3,142"): 0.98, ("d.txt:3,512", "c.txt:3,142"): 0.98}, [False, False, False, False]),
    ],
)
def test_corroboration_starts_flags_and_never_extends_one(edges, expected):
    assert list(raised(edges).values()) == expected


def test_a_flag_corroboration_started_is_not_extended_in_the_same_pass():
    # 3,512 (d) and 2,870 (e) each meet the three restatements of 3,142: the first group
    # binds, and the second would hang a third value on the flag it just started
    edges = {("d.txt:3,512", "a.txt:3,142"): 0.98, ("d.txt:3,512", "b.txt:3,142"): 0.98,
             ("d.txt:3,512", "c.txt:3,142"): 0.98, ("e.txt:2,870", "a.txt:3,142"): 0.98,
             ("e.txt:2,870", "b.txt:3,142"): 0.98, ("e.txt:2,870", "c.txt:3,142"): 0.98}
    assert list(raised(edges).values()) == [True, True, True, False, False, False]


def test_the_claims_own_document_does_not_corroborate():
    # d's own "3,142" (its rival's staff) is another fact; a and b alone are two documents
    edges = {("d.txt:3,512", "d.txt:3,142"): 0.98, ("d.txt:3,512", "a.txt:3,142"): 0.98,
             ("d.txt:3,512", "b.txt:3,142"): 0.98}
    assert list(raised(edges).values()) == [False, False, False]


def test_pairs_at_the_threshold_are_left_as_they_are():
    edges = {("d.txt:3,512", "a.txt:3,142"): 0.995, ("d.txt:3,512", "b.txt:3,142"): 0.999}
    assert list(raised(edges).values()) == [False, False]


def test_the_bar_is_a_chance_of_one_in_a_hundred_thousand():
    assert 1 - CORROBORATION_BINDS == pytest.approx(1e-5)


@pytest.mark.parametrize(
    ("edges", "expected"),
    [
        # 3,412 is 3,142 with two digits swapped: three documents at 0.9 bind (one in 1,000)
        ({("h.txt:3,412", "a.txt:3,142"): 0.9, ("h.txt:3,412", "b.txt:3,142"): 0.9,
          ("h.txt:3,412", "c.txt:3,142"): 0.9}, [True, True, True]),
        # ... as do two at 0.97
        ({("h.txt:3,412", "a.txt:3,142"): 0.97, ("h.txt:3,412", "b.txt:3,142"): 0.97}, [True, True]),
        # two at 0.96 do not
        ({("h.txt:3,412", "a.txt:3,142"): 0.96, ("h.txt:3,412", "b.txt:3,142"): 0.96}, [False, False]),
        # 3,512 is no slip for 3,142: three at 0.9 are far from enough
        ({("d.txt:3,512", "a.txt:3,142"): 0.9, ("d.txt:3,512", "b.txt:3,142"): 0.9,
          ("d.txt:3,512", "c.txt:3,142"): 0.9}, [False, False, False]),
    ],
)
def test_a_slip_of_the_pen_needs_less_corroboration(edges, expected):
    assert list(raised(edges).values()) == expected


def test_the_slip_bar_is_a_chance_of_one_in_a_thousand():
    assert 1 - SLIP_CORROBORATION_BINDS == pytest.approx(1e-3)


@pytest.mark.parametrize(
    ("one", "other", "slip"),
    [
        ("It employs 3,412 staff.", "It employs 3,142 staff.", True),  # digits swapped
        ("It has 62 sites.", "It has twenty-six sites.", True),  # in words
        ("Fourteen schools passed.", "41 schools passed.", True),
        ("It has 14 labs.", "It has forty labs.", True),  # a teen heard as a ten
        ("It was built in 1968.", "It was built in 1986.", True),
        ("It opened on 21 May 2024.", "It opened on 12 May 2024.", True),
        ("It has 104 seats.", "It has 108 seats.", False),  # one digit changed
        ("It has 9 sites.", "It has 8 sites.", False),
        ("It has 3,512 staff.", "It has 3,142 staff.", False),
        ("It has 33 staff.", "It has 33 staff.", False),  # the same value
        ("It closed on 1 March 2026.", "It closed on 10 March 2026.", False),  # one day is written with one digit
        ("It closed on 2 March 2026.", "It closed on 20 March 2026.", False),
        ("It closed in January 2026.", "It closed in October 2026.", False),
        ("It has 7 sites.", "It has 7 sites and more.", False),
        ("It cost $1.2 million.", "It cost $2.1 billion.", False),  # another scale
        ("It opened on 20 December.", "It opened in December 2021.", False),  # no year against a year
    ],
)
def test_digit_slip_table(one, other, slip):
    (a,), (b,) = extract_claims(one, doc="a"), extract_claims(other, doc="b")
    assert digit_slip(a, b) is slip
    assert digit_slip(b, a) is slip


@pytest.mark.parametrize("reverse", [False, True])
def test_a_slip_must_be_a_slip_for_every_partner_whatever_their_order(reverse):
    # "about 3,100" agrees with 3,142 but is no slip of 3,412: the group needs the full bar
    edges = [(("h.txt:3,412", "i.txt:about 3,100"), 0.97), (("h.txt:3,412", "a.txt:3,142"), 0.97)]
    if reverse:
        edges.reverse()
    assert not any(raised(dict(edges)).values())


DAYS = {
    "a.txt": "The regulator published its final report on 9 October 2024.\n",
    "b.txt": "Its final report was published on 9 October 2024 by the regulator.\n",
    "c.txt": "The regulator's final report, published 10 October 2024, found failings.\n",
    "d.txt": "The regulator's final report, published 12 October 2024, found failings.\n",
}


@pytest.mark.parametrize(("other", "raised_to_threshold", "why"), [
    ("c.txt", True, "a day after the date two documents give: a slip, one chance in a thousand is enough"),
    ("d.txt", False, "three days after it: no slip, one chance in a thousand is not enough"),
])
def test_a_date_a_day_off_is_a_slip_for_corroboration(other, raised_to_threshold, why):
    claims = sorted((c for doc, text in DAYS.items() for c in extract_claims(text, doc=doc)),
                    key=lambda c: (c.doc, c.start))
    contexts, _ = build_contexts(claims)
    index = {claim.doc: k for k, claim in enumerate(claims)}
    pairs = [tuple(sorted((index[other], index["a.txt"]))), tuple(sorted((index[other], index["b.txt"])))]
    given = np.asarray([0.97, 0.97])  # all wrong: 0.0009, between the two bars
    result = corroborated(contexts, pairs, given, threshold=THRESHOLD)
    assert bool((result >= THRESHOLD).all()) is raised_to_threshold, why
