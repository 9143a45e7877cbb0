"""Values compared as intervals: qualifiers, rounding and precision make claims agree or not."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims import Claim, extract_claims
from reconcile import values


def claim(text: str, surface: str) -> Claim:
    """The claim whose text is ``surface`` in ``text``."""
    found = [c for c in extract_claims(text, doc="t.txt") if c.text == surface]
    assert len(found) == 1, [c.text for c in extract_claims(text, doc="t.txt")]
    return found[0]


@pytest.mark.parametrize(
    ("first", "second", "agree"),
    [
        (("It cost over 38 million dollars.", "over 38 million dollars"),
         ("It cost US$39.2 million.", "US$39.2 million"), True),
        (("Ties date from February 1992.", "February 1992"), ("Ties date from 1992.", "1992"), True),
        (("Ties date from 1992.", "1992"), ("Ties date from 1993.", "1993"), False),
        (("It funded 459 projects.", "459"), ("It funded 470 projects.", "470"), False),
        (("About 1,000 people came.", "About 1,000"), ("1,040 people came.", "1,040"), True),
        (("Up to 40 buses run.", "Up to 40"), ("35 buses run.", "35"), True),
        (("Up to 40 buses run.", "Up to 40"), ("45 buses run.", "45"), False),
        (("It costs $39.2 million.", "$39.2 million"), ("It costs $39.24 million.", "$39.24 million"), True),
        (("It costs $39.2 million.", "$39.2 million"), ("It costs $39.3 million.", "$39.3 million"), False),
        (("It opened on 2 September 1992.", "2 September 1992"),
         ("It opened on 12 September 1992.", "12 September 1992"), False),
        # a round integer written out is a rounding: "18,400" holds 18,437 but not 18,480
        (("Officials said 18,400 people fled.", "18,400"), ("Police counted 18,437 people.", "18,437"), True),
        (("Officials said 18,400 people fled.", "18,400"), ("Police counted 18,480 people.", "18,480"), False),
        (("It has 1,500 staff.", "1,500"), ("It has 1,580 staff.", "1,580"), False),
        (("It has 2,000 staff.", "2,000"), ("It has 2,040 staff.", "2,040"), False),
        (("The summit met on December 20, 2025.", "December 20, 2025"),
         ("The summit met in December 2025.", "December 2025"), True),
        # a yearless date takes a guessed year; its written month and day decide
        (("In 2024 the team formed. Cases peaked on 24 March.", "24 March"),
         ("In 2025 the team formed. Cases peaked on 24 March.", "24 March"), True),
        (("In 2023 the team formed. The plan came in November.", "November"),
         ("The plan came in November 2024.", "November 2024"), True),
        (("In 2025 the team formed. Vaccination began on 3 March.", "3 March"),
         ("Vaccination began on March 13, 2025.", "March 13, 2025"), False),
        (("In 2025 the team formed. Vaccination began on 3 March.", "3 March"),
         ("In 2025 the team formed. Vaccination began on 13 March.", "13 March"), False),
        # temperatures convert with their zero: 63 °F is 17.2 °C, 71 °F is 21.7 °C
        (("It reached 17 °C at the finish.", "17 °C"), ("It reached 63 °F at the finish.", "63 °F"), True),
        (("It peaked at 22 Celsius.", "22 Celsius"), ("It peaked at 71 degrees Fahrenheit.", "71 degrees Fahrenheit"),
         True),
        (("It reached 17 °C at the finish.", "17 °C"), ("It peaked at 71 degrees Fahrenheit.", "71 degrees Fahrenheit"),
         False),
        (("Water boils at 373 kelvin.", "373 kelvin"), ("Water boils at 100 °C.", "100 °C"), True),
        # a conversion is rounded: 460 square miles are 1,191 km², within one per cent of 1,200
        (("A ban covers 460 square miles.", "460 square miles"), ("A ban covers 1,200 km².", "1,200 km²"), True),
        # within one system a unit is no conversion: 1,200 m and 1.19 km differ
        (("It is 1,200 m long.", "1,200 m"), ("It is 1.19 km long.", "1.19 km"), False),
        (("It weighs 2,450 kg.", "2,450 kg"), ("It weighs 2.42 tonnes.", "2.42 tonnes"), False),
        (("It refines 185,000 barrels per day.", "185,000 barrels per day"),
         ("It refines 186,800 bbl/d.", "186,800 bbl/d"), False),
        # 369,700 acres are 149,600 ha: not 146,900 ha (digits swapped in the conversion's source)
        (("It planted 369,700 acres.", "369,700 acres"), ("It planted 146,900 hectares.", "146,900 hectares"), False),
        # a temperature below a bound may be below zero
        (("Nights fell below 20 °F.", "below 20 °F"), ("Nights fell to -10 °C.", "-10 °C"), True),
        # a limit and what lies beyond it name one threshold from both sides
        (("Deposits of up to 100,000 marks are covered.", "up to 100,000"),
         ("Anything above 100,000 marks stays with the bank.", "above 100,000"), True),
        (("A repair is due within 14 days.", "within 14 days"),
         ("If you wait more than 14 days you get a car.", "more than 14 days"), True),
        (("Rent is no more than 28 per cent of income.", "no more than 28 per cent"),
         ("Tenants paying more than 28 per cent get help.", "more than 28 per cent"), True),
        (("A repair is due within 3 hours.", "within 3 hours"),
         ("Owners waiting at least 180 minutes get a car.", "at least 180 minutes"), True),
        # ... but an estimate below a number is no limit, and bounds that do not touch differ
        (("Nearly 1,200 staff were hired.", "Nearly 1,200"), ("More than 1,200 staff were hired.", "More than 1,200"),
         False),
        (("Deposits of up to 100,000 marks are covered.", "up to 100,000"),
         ("Anything above 120,000 marks stays with the bank.", "above 120,000"), False),
    ],
)
def test_compatible(first, second, agree):
    a, b = claim(*first), claim(*second)
    assert values.compatible(a, b) is agree
    assert values.compatible(b, a) is agree


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("It cost $5 million.", "$5 million"), ("It cost €5 million.", "€5 million")),  # currencies
        (("It opened in 1992.", "1992"), ("It has 1,992 seats.", "1,992")),  # a year and a count
        (("The line is 22.4 km long.", "22.4 km"), ("The plant makes 3 GW.", "3 GW")),  # units
        (("Turnout was 30%.", "30%"), ("Only 30 people voted.", "Only 30")),  # share and count
    ],
)
def test_claims_of_different_kinds_or_units_are_never_compared(first, second):
    a, b = claim(*first), claim(*second)
    assert values.block_key(a) != values.block_key(b)


def test_units_of_one_dimension_share_a_block():
    a = claim("The line is 22.4 km long.", "22.4 km")
    b = claim("The line is 22,400 metres long.", "22,400 metres")
    assert values.block_key(a) == values.block_key(b)
    assert values.compatible(a, b)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("It refines 185,000 barrels per day.", "185,000 barrels per day"),
         ("Refinery capacity 158,000 bbl/d", "158,000 bbl/d")),
        (("Capacity: 185 000 bpd.", "185 000 bpd"), ("It refines 185 kb/d.", "185 kb/d")),
        (("It pumps 29,400 m³/day.", "29,400 m³/day"), ("It refines 185,000 b/d.", "185,000 b/d")),
    ],
)
def test_rates_share_a_block_whatever_their_divisor_is_called(first, second):
    a, b = claim(*first), claim(*second)
    assert values.block_key(a) == values.block_key(b) == ("quantity", "volume/d")


@pytest.mark.parametrize(
    ("text", "surface", "shown"),
    [
        ("Ties date from February 1992.", "February 1992", "1992-02"),
        ("It funded 470 projects.", "470", "470"),
        ("It cost US$39.2 million.", "US$39.2 million", "39,200,000 USD"),
    ],
)
def test_display_value(text, surface, shown):
    assert values.display_value(claim(text, surface)) == shown


@pytest.mark.parametrize(
    ("text", "surface", "digits"),
    [
        ("It had 3,142,870 people.", "3,142,870", "3142870"),
        ("It cost US$1.3 million.", "US$1.3 million", "13"),
        # a whole number in words gives the digits it would be written with
        ("We were forty-six families.", "forty-six", "46"),
        ("They shut eleven hundred and sixty-two schools.", "eleven hundred and sixty-two", "1162"),
        # ... but not a scaled amount, whose digits as written are not its value's
        ("It cost one point five million dollars.", "one point five million dollars", ""),
        ("It opened on 14 May 2024.", "14 May 2024", "142024"),
    ],
)
def test_digits_of(text, surface, digits):
    assert values.digits_of(claim(text, surface)) == digits


@given(
    number=st.one_of(st.integers(min_value=0, max_value=10**13),
                     st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)),
    qualifier=st.sampled_from(["", "over ", "about ", "up to ", "nearly ", "more than "]),
    unit=st.sampled_from(["", " km", " million dollars", "%", " people"]),
)
@settings(max_examples=150, deadline=None)
def test_every_claim_agrees_with_itself_and_comparison_is_symmetric(number, qualifier, unit):
    text = f"The figure was {qualifier}{number:,}{unit} last week, and later {number:,}{unit}."
    found = extract_claims(text, doc="t.txt")
    for a in found:
        assert values.compatible(a, a), a
        for b in found:
            if values.block_key(a) == values.block_key(b):
                assert values.compatible(a, b) == values.compatible(b, a)


@pytest.mark.parametrize(("one", "other", "apart"), [
    ("The report was published on 9 October 2024.", "The report was published on 10 October 2024.", True),
    ("It opened on 31 December 2024.", "It opened on 1 January 2025.", True),  # across a year
    ("It opened on 9 October 2024.", "It opened on 11 October 2024.", False),  # two days
    ("It opened on 9 October 2024.", "It opened on 9 October 2024.", False),  # the same day
    ("It opened in October 2024.", "It opened on 1 November 2024.", False),  # a month is no day
    ("It opened in 2023.", "It opened in 2024.", False),  # years are no days
])
def test_a_day_apart_table(one, other, apart):
    (a,) = extract_claims(one, doc="a.txt")
    (b,) = extract_claims(other, doc="b.txt")
    assert values.a_day_apart(a, b) is apart
    assert values.a_day_apart(b, a) is apart


def test_numbers_are_never_a_day_apart():
    (a,) = extract_claims("It employs 41 people.", doc="a.txt")
    (b,) = extract_claims("It employs 42 people.", doc="b.txt")
    assert not values.a_day_apart(a, b)


_SETTLED_ALIKE = [
    "It cost over 38 million dollars.", "It cost US$39.2 million.", "It cost $39.24 million.",
    "It cost between $38 million and $40 million.", "Up to 40 buses run.", "More than 40 buses run.",
    "35 buses run.", "Exactly 40 buses run.", "About 1,000 people came.", "1,040 people came.",
    "Officials said 18,400 people fled.", "Police counted 18,437 people.", "It has 0 staff.",
    "The road is 1,200 km long.", "The road is 460 miles long.", "The road is 746 miles long.",
    "Water at 17.2 °C.", "Water at 63 °F.", "It rose 12.5%.", "It rose 12%.",
    "Ties date from February 1992.", "Ties date from 1992.", "Ties date from 1993.",
    "It opened on 2 September 1992.", "It opened on 3 September 1992.", "It opened at 23:30 UTC on 1 September 1992.",
    "It opened on 24 March.", "It opened on 24 March 2024.", "It opened in March 2024.",
    "Work ran from 2019 to 2021.", "It opened in the 1990s.", "It opened in spring 1992.",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_SETTLED_ALIKE), min_size=2, max_size=40))
def test_incompatible_pairs_settles_every_pair_as_compatible_does(texts):
    # the intervals settle most pairs at once; whatever they leave, the answer is compatible()'s
    claims = [c for text in texts for c in extract_claims(text, doc="t.txt")]
    expected = [(i, j) for i in range(len(claims)) for j in range(i + 1, len(claims))
                if not values.compatible(claims[i], claims[j])]
    assert values.incompatible_pairs(claims) == expected


def test_incompatible_pairs_of_the_whole_table():
    claims = [c for text in _SETTLED_ALIKE for c in extract_claims(text, doc="t.txt")]
    assert len(claims) >= values.VECTORIZED_FROM  # the vectorized path
    found = values.incompatible_pairs(claims)
    assert found == [(i, j) for i in range(len(claims)) for j in range(i + 1, len(claims))
                     if not values.compatible(claims[i], claims[j])]
    texts = {(claims[i].text, claims[j].text) for i, j in found}
    assert ("1992", "1993") in texts and ("2 September 1992", "3 September 1992") in texts
    assert ("Up to 40", "More than 40") not in texts  # a threshold from both sides, left to compatible()
