"""Totals whose stated parts do not add up."""

from __future__ import annotations

import pytest

from claims import extract_claims
from reconcile import reconcile
from reconcile.arithmetic import conversion_findings, sum_findings

INDENTED = """FLOOR AREAS
Gallery floor area                 18 400 m²
  ground floor                      6 200 m²
  upper floor                       5 900 m²
  attic                             {attic} m²
Total floor area                   41 700 m²
"""

TOTAL_BELOW = """Sector                    Projects
Education                      118
Health                          86
Water                           {water}
Total                          300
"""


def findings(text: str):
    return sum_findings(extract_claims(text, doc="sheet.txt"))


@pytest.mark.parametrize(
    ("text", "total", "parts", "parts_sum"),
    [
        (INDENTED.format(attic="4 800"), "18 400 m²", ["6 200 m²", "5 900 m²", "4 800 m²"], 16900.0),
        (TOTAL_BELOW.format(water="74"), "300", ["118", "86", "74"], 278.0),
        ("The budget is US$4.7 million, of which US$3.6 million comes from the fund and US$1.4 million "
         "from the treasury.\n", "US$4.7 million", ["US$3.6 million", "US$1.4 million"], 5_000_000.0),
        ("Fires forced 14 towns to empty; of the 18,437 evacuees, 11,920 came from the valley and 7,117 "
         "from the coast.\n", "18,437", ["11,920", "7,117"], 19037.0),
        ("The plant will add 1,150 permanent jobs: 780 for local residents and 420 for specialists.\n",
         "1,150", ["780", "420"], 1200.0),
    ],
)
def test_parts_that_do_not_add_up(text, total, parts, parts_sum):
    (finding,) = findings(text)
    assert finding.total.text == total
    assert [c.text for c in finding.parts] == parts
    assert finding.parts_sum == pytest.approx(parts_sum)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (INDENTED.format(attic="6 300"), "6,200 + 5,900 + 6,300 = 18,400"),
        (TOTAL_BELOW.format(water="96"), "118 + 86 + 96 = 300"),
        ("The budget is EUR 1.2 billion, of which EUR 834 million is for rail and EUR 370 million for "
         "roads.\n", "1.2 billion is rounded: 1.204 billion is within it"),
        ("The budget is US$4.7 million, and US$3.6 million comes from the fund and US$1.4 million "
         "from the treasury.\n", "nothing says the two are its parts"),
        ("The budget is US$4.7 million, of which US$2.6 million comes from the fund and US$0.4 million "
         "from the treasury.\n", "3.0 million is too far from 4.7 million to be its parts"),
        ("The university has 31,450 students: 23,180 undergraduates and 6,420 staff.\n",
         "most parts count something else"),
        ("Gallery floor area                 18 400 m²\n  ground floor                      6 200 m²\n",
         "one part is not a split"),
        ("Of the 412 passengers and 38 crew members aboard, 397 were rescued.\n",
         "the 38 crew are coordinated with the 412 passengers, not a part of them"),
    ],
)
def test_nothing_to_add_up(text, why):
    assert findings(text) == [], why


def test_the_engine_flags_the_sum_with_its_parts():
    claims = extract_claims(TOTAL_BELOW.format(water="74"), doc="sheet.txt")
    (flag,) = reconcile(claims).discrepancies
    assert flag.values == ("300", "278 (sum of parts)")
    assert flag.fact == "sum: Total"
    assert [len(side) for side in flag.sides] == [1, 3]
    assert flag.explanation == ("sheet.txt gives 300 for Total, but the parts it lists add up to 278 "
                                "(118 + 86 + 74)")


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("The runway is 2,800 meters (8,200 feet) long.", ("2,800 meters", "8,200 feet", 9186.4)),
        ("It laid 1,860 kilometers (1,516 miles) of fibre.", ("1,860 kilometers", "1,516 miles", 1155.8)),
        ("The site covers 40 hectares, or 160 acres.", ("40 hectares", "160 acres", 98.8)),
        ("It was 40 °C (140 °F) at noon.", ("40 °C", "140 °F", 104.0)),
        # right conversions, rounded as conversions are
        ("The runway is 2,800 meters (9,186 feet) long.", None),
        ("It laid 1,860 km (about 1,160 miles) of fibre.", None),
        ("A 5 km (3 mile) walk.", None),
        ("The 100 km (60 miles) road.", None),
        ("It is 33 °F (1 °C) outside.", None),
        # two measures of two things, not a conversion
        ("The lake is 12 km long and 3 miles wide.", None),
        ("The hall has 3,200 m², and the annexe 900 sq ft.", None),
        ("The line runs 12 km (4,000 m of it underground).", None),  # a part, one system
        # a part or an alternative, not a conversion: it does not end where it began
        ("The line runs 12 km (3 miles of it underground).", None),
        ("The route is 40 km (15 miles on gravel).", None),
        ("The new jet can fly 9,000 km, or 1,200 miles more than its predecessor.", None),
        ("Runners can pick the 15 km or 5 mile route.", None),
        ("The 15 km / 5 mile loops start at noon.", None),
        ("The wall is 2,800 metres, or about 6,200 feet, long.", ("2,800 metres", "about 6,200 feet", 9186.4)),
        # temperature changes convert without the offset
        ("Nations agreed to limit warming to 1.5 °C (2.7 °F).", None),
        ("It was 5 °F (3 °C) warmer than usual.", None),
        ("It was 10 °C (28 °F) above average.", ("10 °C", "28 °F", 50.0)),
        ("It refines 185,000 bpd (24,000 m³/d).", ("185,000 bpd", "24,000 m³/d", 29412.6)),
    ],
)
def test_a_conversion_that_misses_its_quantity(text, wrong):
    found = [(f.original.text, f.converted.text, round(f.expected, 1))
             for f in conversion_findings(extract_claims(text, doc="a.txt"))]
    assert found == ([wrong] if wrong else [])


def test_the_engine_flags_a_wrong_conversion_once():
    claims = extract_claims("The new runway is 2,800 meters (8,200 feet) long.\n", doc="wire.txt")
    (flag,) = reconcile(claims).discrepancies
    assert flag.values == ("8,200 ft", "9,186.4 ft (converted from 2,800 m)")
    assert flag.fact == "conversion: 2,800 meters"
    assert flag.explanation == "wire.txt converts 2,800 meters to 8,200 feet, but 2,800 meters is 9,186.4 ft"


def test_the_same_wrong_conversion_in_two_documents_is_two_flags():
    text = "The new runway is 2,800 meters (8,200 feet) long.\n"
    claims = extract_claims(text, doc="a.txt") + extract_claims(text, doc="b.txt")
    flags = [d for d in reconcile(claims).discrepancies if d.fact.startswith("conversion:")]
    assert len(flags) == 2
    assert len({d.id for d in flags}) == 2
