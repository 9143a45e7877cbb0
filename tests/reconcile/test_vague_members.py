"""A bound or estimate that an exact claim of the flag already states is not listed on a side,
and a limit alone is no side of a conflict."""

from __future__ import annotations

import pytest
from flag_edges import flagged_texts, flags_for

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
    """The flags' claims ("doc:text") when the pair model binds these pairs."""
    return flagged_texts(DOCS, edges)


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


def test_a_bound_is_weighed_against_its_own_side_only():
    docs = {"a.txt": "The bridge carried 23,400 vehicles a day.\n",
            "b.txt": "The bridge carried between 20,000 and 25,000 vehicles a day.\n",
            "c.txt": "More than 24,500 vehicles a day used the bridge.\n"}
    (flag,) = flags_for(docs, {("c.txt:More than 24,500", "a.txt:23,400"): 0.99,
                              ("c.txt:More than 24,500", "b.txt:20,000 and 25,000"): 0.99})
    assert sorted(c.text for c in flag.claims) == ["20,000 and 25,000", "23,400", "More than 24,500"]


def test_flags_are_told_apart_by_the_values_they_show():
    docs = {"a.txt": "The bridge carried about 23,000 vehicles a day before the closure, the mayor said.\n",
            "b.txt": "Before the closure the bridge carried 23,400 vehicles a day.\n",
            "c.txt": "Caption: the bridge carried 24,300 vehicles a day before the closure.\n",
            "d.txt": "Ferry operators counted 23,400 vehicles a day on the crossing last spring.\n",
            "e.txt": "Ferry operators reckon 24,300 vehicles a day used the crossing last spring.\n"}
    found = flags_for(docs, {("a.txt:about 23,000", "c.txt:24,300"): 0.99, ("b.txt:23,400", "c.txt:24,300"): 0.99,
                            ("d.txt:23,400", "e.txt:24,300"): 0.99})
    # once the estimate is dropped both groups show 23,400 vs 24,300: one flag, one id
    # (not two flags under one fingerprint, which a reviewer's verdict could not tell apart)
    assert len({d.id for d in found}) == len(found) == 1
    assert sorted(c.text for c in found[0].claims) == ["23,400", "23,400", "24,300", "24,300"]


def test_confidence_comes_from_the_pairs_the_flag_shows():
    docs = {"a.txt": "The bridge carried 23,400 vehicles a day.\n",
            "b.txt": "The bridge carried about 23,000 vehicles a day.\n",
            "c.txt": "The bridge carried 24,300 vehicles a day.\n"}
    (flag,) = flags_for(docs, {("c.txt:24,300", "a.txt:23,400"): 0.976, ("c.txt:24,300", "b.txt:about 23,000"): 0.999})
    assert flag.confidence == 0.976
    assert "about" not in flag.explanation


def test_no_flag_when_only_a_dropped_estimate_bound_its_sides():
    docs = {"a.txt": "The bridge carried about 23,000 vehicles a day before the closure, the mayor said.\n",
            "b.txt": "Before the closure the bridge carried 23,400 vehicles a day.\n",
            "c.txt": "Caption: the bridge carried 24,300 vehicles a day before the closure.\n"}
    # 23,400 and 24,300 meet only through "about 23,000", which the flag would not show
    assert flags_for(docs, {("a.txt:about 23,000", "c.txt:24,300"): 0.99, ("a.txt:about 23,000", "b.txt:23,400"): 0.98}) == ()
