"""When something began: founding and opening dates bound by their subject, not by shared words."""

from __future__ import annotations

import pytest

from claims import extract_claims
from reconcile import reconcile
from reconcile.origins import origin_claims, origin_pairs, same_subject


def claims_of(texts: dict[str, str]):
    claims = []
    for doc, text in texts.items():
        claims.extend(extract_claims(text, doc=doc))
    return sorted(claims, key=lambda c: (c.doc, c.start))


def origin_of(text: str):
    """The one origin found in ``text``, or None."""
    found = origin_claims(claims_of({"a.txt": text}))
    assert len(found) <= 1, found
    return found[0] if found else None


@pytest.mark.parametrize(
    ("text", "date", "event", "subject", "name"),
    [
        ("The Orland Rowing Club was founded in 1952 and rows on the canal.\n",
         "1952", "founded", ("orland", "rowing", "club"), "Orland Rowing Club"),
        ("The Tarnwell Health Agency (THA), which was established in 1916, is based in Dorn.\n",
         "1916", "founded", ("tarnwell", "health", "agency"), "Tarnwell Health Agency"),
        ("Quillon, founded in Kelmstad in 2007 by two engineers, makes software.\n",
         "2007", "founded", ("quillon",), "Quillon"),
        ("* Diplomatic ties: Established in 1993, with regular visits.\n",
         "1993", "founded", ("diplomatic", "relation"), "Diplomatic ties"),
        ("The two countries established diplomatic relations on 12 May 1992.\n",
         "12 May 1992", "founded", ("diplomatic", "relation"), "diplomatic relations"),
        ("Two engineers founded Quillon in 2009 in a rented flat.\n", "2009", "founded", ("quillon",), "Quillon"),
        ("Brannholm's Line 3, in service since 1978, was long the odd one out.\n",
         "1978", "opened", ("brannholm", "line 3"), "Brannholm's Line 3"),
        ("The mine has been in operation since 1998.\n", "1998", "opened", ("mine",), "mine"),
        ("The National Institute of Statistics and Census was founded in 1948.\n",
         "1948", "founded", ("national", "institute"), "National Institute of Statistics and Census"),
        ("Founded in 1887 as a school of science and art, the University of Caldermere is a research university.\n",
         "1887", "founded", ("university",), "University of Caldermere"),
        ("The Harlow Film Festival was first held in 1985 in a church hall.\n",
         "1985", "first held", ("harlow", "film", "festival"), "Harlow Film Festival"),
        ("Item               Date\nTerminal opened    1987\n", "1987", "opened", ("terminal",), "Terminal"),
    ],
)
def test_an_origin_and_its_subject(text, date, event, subject, name):
    origin = origin_of(text)
    assert origin is not None
    assert (origin.claim.text, origin.event, origin.subject, origin.name) == (date, event, subject, name)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("The club rowed its first race in 1952.\n", "no beginning is stated"),
        ("It was founded in 1952.\n", "a pronoun names no subject"),
        ("The station opened to passengers in 2025.\n", "the object of 'opened' is not a preposition"),
        ("Cooperation began in 1993 and grew.\n", "'began' alone is not a founding"),
        ("Since 1993, Orland has accepted 13,220 trainees.\n", "a date that opens a sentence is not a founding"),
        ("Voters formed an opinion in 2019.\n", "a new thing of a kind, not one thing"),
        ("The team established a world record on 5 June 2001.\n", "a new thing of a kind, not one thing"),
        ("Troops opened fire on 3 May 1970.\n", "'opened' takes no object"),
    ],
)
def test_no_origin(text, why):
    assert origin_of(text) is None, why


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (("diplomatic", "relation"), ("relation",), True),
        (("orland", "rowing", "club"), ("club",), True),
        (("club",), ("museum",), False),
        (("new", "terminal"), ("terminal",), False),
        (("north", "terminal"), ("south", "terminal"), False),
        (("line 3",), ("line 4",), False),
        ((), ("club",), False),
    ],
)
def test_same_subject(a, b, same):
    assert same_subject(a, b) is same


def test_an_anniversary_dates_its_event_in_the_next_dated_sentence():
    claims = claims_of({
        "a.txt": ("This year the two towns celebrate the 30th anniversary of establishing twinning ties. "
                  "How did it begin? In March 1994, the mayors met in Dorn.\n"),
        "b.txt": "* Twinning ties: Established in 1995, with yearly exchanges.\n",
    })
    (origin_a, origin_b) = origin_claims(claims)
    assert origin_a.claim.text == "March 1994" and origin_a.via.text == "30th"
    assert origin_a.subject == origin_b.subject and origin_a.subject[-1] == "relation"
    assert [(a.claim.text, b.claim.text) for a, b in origin_pairs(claims)] == [("March 1994", "1995")]


@pytest.mark.parametrize(
    "follow",
    [
        "The festival grew quickly, and by 1999 it had its own hall.",  # the date does not open its sentence
        # only the next dated sentence: "In 2010, ..." opens its sentence, but "in 2005" came first
        "It grew, and in 2005 it moved to the old mill. In 2010, the hall was built.",
    ],
)
def test_an_anniversary_does_not_date_a_later_sentence(follow):
    claims = claims_of({"a.txt": f"This year marks the 30th anniversary of the founding of the festival. {follow}\n"})
    assert origin_claims(claims) == []


def test_an_anniversary_of_no_beginning_dates_nothing():
    claims = claims_of({"a.txt": "This year marks the 80th anniversary of the war. In 1939, the army crossed the river.\n"})
    assert origin_claims(claims) == []


@pytest.mark.parametrize(
    ("texts", "flagged"),
    [
        ({"a.txt": "Halmark and Ostrevia established diplomatic relations on 12 May 1992.\n",
          "b.txt": "Relations were established in 1993, and Halmark and Ostrevia have traded since.\n"},
         [("12 May 1992", "1993")]),
        ({"a.txt": "The Orland Rowing Club was founded in 1952.\n",
          "b.txt": "The club, established in 1949 by Orland dockers, rows on the canal.\n"},
         [("1952", "1949")]),
        # "the company" of two documents that share no name may be two companies
        ({"a.txt": "The company was founded in 1976 and makes boats.\n",
          "b.txt": "The company was founded in 1975 and sells insurance.\n"}, []),
        # a name one subject has must appear in the other document
        ({"a.txt": "Harvard University was founded in 1636.\n",
          "b.txt": "The University, founded in 1850, is the pride of Orland.\n"}, []),
        # within one document the pair model decides, as for every rule
        ({"a.txt": "The company was founded in 1976. Another company, founded in 1980, bought it.\n"}, []),

        # one museum founded and opened in different years: two events, no conflict
        ({"a.txt": "The museum was founded in 1871.\n", "b.txt": "The museum opened in 1874 in a former mill.\n"}, []),
        # two lines, two openings
        ({"a.txt": "Line 3 opened in 1987.\n", "b.txt": "Line 4 opened in 1990.\n"}, []),
        # the same year, written two ways
        ({"a.txt": "The club was founded in May 1952.\n", "b.txt": "The club, founded in 1952, rows on.\n"}, []),
    ],
)
def test_origin_pairs_are_flagged_by_the_engine(texts, flagged):
    result = reconcile(claims_of(texts))
    found = [tuple(c.text for c in d.claims) for d in result.discrepancies]
    assert found == flagged
    for d in result.discrepancies:
        assert d.fact.startswith("date: founding of")
        assert "the sentences date the founding of" in d.explanation


@pytest.mark.parametrize(
    ("first", "second", "bound"),
    [
        ("1992", "1993", True),  # a year apart
        ("1867", "1876", True),  # two neighbouring digits swapped
        ("1917", "1947", True),  # one digit changed
        ("1950", "1962", False),  # twelve years, two digits: no slip
        ("1902", "12 September 2024", False),  # the old building and the new one
    ],
)
def test_origin_pairs_bind_only_dates_one_could_be_a_slip_for(first, second, bound):
    texts = {"a.txt": f"The Pellan Library building was opened in {first}.\n",
             "b.txt": f"The Pellan Library building was opened on {second}.\n" if " " in second
             else f"The Pellan Library building was opened in {second}.\n"}
    pairs = origin_pairs(claims_of(texts))
    assert [(a.claim.text, b.claim.text) for a, b in pairs] == ([(first, second)] if bound else [])


@pytest.mark.parametrize(
    ("a", "b", "event"),
    [
        ("The Kestrel Bay refinery was commissioned in 1976.", "The Kestrel Bay refinery, which opened in 1967, burned.",
         "opened"),
        ("The Green Canopy Programme was launched in April 2019.", "The Green Canopy Programme, launched in 2018, grew.",
         "launched"),
    ],
)
def test_commissioning_is_an_opening_and_a_launch_a_beginning(a, b, event):
    pairs = origin_pairs(claims_of({"a.txt": a + "\n", "b.txt": b + "\n"}))
    assert [(x.event, y.event) for x, y in pairs] == [(event, event)]


def test_a_launch_flag_names_its_event():
    result = reconcile(claims_of({"a.txt": "The Green Canopy Programme was launched in 2018 by the mayor.\n",
                                  "b.txt": "The Green Canopy Programme was launched in 2019 by the mayor.\n"}))
    (flag,) = result.discrepancies
    assert flag.fact == "date: launch of Green Canopy Programme"
    assert flag.explanation.startswith("the sentences date the launch of Green Canopy Programme")
