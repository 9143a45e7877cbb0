"""Anniversaries as founding years: "marks its 60th anniversary this year" in a dated document."""

from __future__ import annotations

import pytest

from claims import extract_claims
from reconcile import reconcile
from reconcile.anniversaries import anniversary_findings
from reconcile.features import doc_dates

WIRE = "Published 12 June 2024\n\n{sentence}\n"
FOUNDED = {"history.txt": "The Orland Rowing Club was founded in 1952 and rows on the canal.\n"}


def claims_of(texts: dict[str, str]):
    claims = []
    for doc, text in texts.items():
        claims.extend(extract_claims(text, doc=doc))
    return sorted(claims, key=lambda c: (c.doc, c.start))


def findings(sentence: str, others: dict[str, str] = FOUNDED):
    claims = claims_of({"wire.txt": WIRE.format(sentence=sentence), **others})
    return anniversary_findings(claims, doc_dates(claims))


@pytest.mark.parametrize(
    ("sentence", "subject", "implied", "founding"),
    [
        ("The Orland Rowing Club, which marks its 75th anniversary this year, rows on.",
         "Orland Rowing Club", 1949, ["1952"]),
        ("As the club marks its 75th anniversary this year, the members row on.", "club", 1949, ["1952"]),
        ("This year the town is celebrating the club's 70th anniversary with a regatta.", "club", 1954, ["1952"]),
        ("The club celebrated its 70th anniversary in 2020 with a regatta.", "club", 1950, ["1952"]),
    ],
)
def test_an_anniversary_that_contradicts_the_founding_year(sentence, subject, implied, founding):
    (finding,) = findings(sentence)
    assert finding.subject == subject
    assert finding.implied_year == implied
    assert [c.text for c in finding.contradicted] == founding


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("The company, which marks its 75th anniversary this year, builds boats.", "company"),
        ("The Orland Boat Company celebrates its 75th anniversary this year.", "Orland Boat Company"),
    ],
)
def test_a_company_is_a_subject_like_any_other(sentence, subject):
    (finding,) = findings(sentence, {"history.txt": "The Orland Boat Company was founded in 1952.\n"})
    assert finding.subject == subject
    assert finding.implied_year == 1949


@pytest.mark.parametrize(
    ("sentence", "others", "why"),
    [
        ("The Orland Rowing Club, which marks its 72nd anniversary this year, rows on.", FOUNDED,
         "72 years after 1952 is 2024: they agree"),
        ("The club celebrated its 68th anniversary in 2020.", FOUNDED, "2020 - 68 = 1952"),
        ("The Orland Rowing Club, which marks its 75th anniversary, rows on.", FOUNDED,
         "no year to count from"),
        ("The Orland Sailing Club, which marks its 75th anniversary this year, sails on.", FOUNDED,
         "another club"),
        ("The Orland Rowing Club, which marks its 75th anniversary this year, rows on.",
         {"history.txt": "The boathouse of the Orland Rowing Club was opened in 1952.\n"},
         "the boathouse's opening, not the club's founding"),
        ("The Orland Rowing Club, which marks its 75th anniversary this year, rows on.",
         {"history.txt": "The regatta, the club's best-known race, was first held in 1952.\n"},
         "a possessive names something else"),
        ("The Orland Rowing Club, which marks its 75th anniversary this year, rows on.",
         {"history.txt": "The race of the Orland Rowing Club was first held in 1952.\n"},
         "the club is a complement of another noun"),
    ],
)
def test_no_finding(sentence, others, why):
    assert findings(sentence, others) == [], why


@pytest.mark.parametrize(
    "founding",
    [
        "The Orland Rowing Club, established in 1952, rows on the canal.",
        "The Orland Rowing Club (ORC), founded in 1952, rows on the canal.",
        "The club rows on the canal. It was founded in 1952 by twelve students.",
        "Founded in 1952 as a students' society, the club now rows on the canal.",
        "The boats belong to the Orland Rowing Club, which had been founded in 1952.",
    ],
)
def test_the_ways_a_founding_year_names_its_subject(founding):
    (finding,) = findings("As the club marks its 75th anniversary this year, the members row on.",
                          {"history.txt": founding + "\n"})
    assert [c.text for c in finding.contradicted] == ["1952"]


def test_the_engine_flags_the_anniversary_with_the_founding_claims():
    texts = {"wire.txt": WIRE.format(sentence="The Orland Rowing Club, which marks its 75th anniversary "
                                              "this year, rows on."),
             "history.txt": FOUNDED["history.txt"],
             "guide.txt": "Visitors learn that the Orland Rowing Club was founded in 1952 by students.\n"}
    (flag,) = reconcile(claims_of(texts)).discrepancies
    assert flag.klass == "conflict"
    assert flag.values == ("1952", "1949 (implied)")
    assert sorted(c.doc for c in flag.claims) == ["guide.txt", "history.txt", "wire.txt"]
    assert flag.explanation == (
        "wire.txt says Orland Rowing Club marks its 75th anniversary in 2024, which puts its founding in "
        "1949; the founding year stated elsewhere: guide.txt 1952, history.txt 1952")


def test_an_anniversary_joins_the_founding_years_discrepancy():
    texts = {"wire.txt": WIRE.format(sentence="The Orland Rowing Club, which marks its 75th anniversary "
                                              "this year, rows on."),
             "history.txt": FOUNDED["history.txt"],
             "guide.txt": "The Orland Rowing Club was founded in 1925 and rows on the canal.\n"}
    (flag,) = reconcile(claims_of(texts)).discrepancies
    assert sorted(flag.values) == ["1925", "1949 (implied)", "1952"]
    assert len(flag.sides) == 3
