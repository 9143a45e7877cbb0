"""Compare claim values as intervals: which claims can be compared, and which agree.

Numbers are compared in base units (a quantity's unit converted to its dimension's base
unit: km and miles are comparable), money only within one currency, dates as the span of
days they cover ("March 1952" covers 1952-03-01..1952-03-31, and so agrees with
"1952"), and never a year with a count.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import date
from functools import lru_cache

import numpy as np

from claims import Claim
from claims.dates import YEARLESS_DATE_RE
from claims.lexicon import QUALIFIER_AFTER, QUALIFIERS_BEFORE, UNITS

_INF = math.inf
_TIME_ZONE_RE = re.compile(r"\b(?:UTC|GMT|CET|CEST|EST|EDT|PST|PDT|BST|local time|time zone|[+-][0-9]{1,2}:?[0-9]{2}|UTC[+−-][0-9]+)\b")


def unit_dimension(unit: str | None) -> tuple[str | None, float]:
    """Dimension and factor to base of a unit symbol ("km" -> ("length", 1000.0))."""
    if not unit:
        return None, 1.0
    base = unit.split("/", 1)[0]
    per = unit.split("/", 1)[1] if "/" in unit else ""
    if base in UNITS:
        symbol, dimension, factor = UNITS[base]
        # "bbl/day" and "bbl/d" are one rate: the divisor by its symbol
        per = UNITS[per][0] if per in UNITS else per
        return (dimension + ("/" + per if per else "")), factor
    return unit, 1.0


def block_key(claim: Claim) -> tuple[str, ...] | None:
    """Claims can only be compared within one block: kind plus currency or dimension.

    Returns ``None`` for claims that are never compared (ordinals, relative dates, times).
    """
    if claim.kind == "ordinal":
        return None
    if claim.kind == "date":
        if not isinstance(claim.value, str) or not claim.low:
            return None
        return ("date",)
    if claim.low is None and claim.high is None and claim.value is None:
        return None
    if claim.kind == "money":
        return ("money", claim.unit or "?")
    if claim.kind == "quantity":
        dimension, _ = unit_dimension(claim.unit)
        return ("quantity", dimension or "?")
    if claim.kind == "percent":
        return ("percent",)
    return ("count",)


#: Intervals are asked for again and again while pairs are scored (about fifty times per
#: claim); a bounded cache keeps that cheap without holding an archive's claims forever.
_INTERVAL_CACHE = 1 << 18


@lru_cache(maxsize=_INTERVAL_CACHE)
def numeric_interval(claim: Claim) -> tuple[float, float]:
    """The claim's interval in base units; open ends are infinite."""
    factor = unit_dimension(claim.unit)[1] if claim.kind == "quantity" else 1.0
    low = claim.low if isinstance(claim.low, (int, float)) else None
    high = claim.high if isinstance(claim.high, (int, float)) else None
    value = claim.value if isinstance(claim.value, (int, float)) else None
    if low is None and high is None and value is not None:
        low = high = value
    if low is not None and low == high and claim.kind in ("count", "money", "quantity"):
        low, high = _implicit_rounding(claim, low)
    unit = claim.unit if claim.kind == "quantity" else None
    lo = _to_base(low * factor, unit) if low is not None else -_INF
    hi = _to_base(high * factor, unit) if high is not None else _INF
    # amounts are not negative ("up to 40 km" starts at 0); temperatures can be
    if lo == -_INF and claim.kind in ("count", "money", "quantity") and (value or 0) >= 0 \
            and unit_dimension(unit)[0] != "temperature":
        lo = 0.0
    return lo, hi


_ROUND_INTEGER_RE = re.compile(r"^[0-9]{1,3}(?:[,\u202f\u00a0 ][0-9]{3})+$|^[0-9]{4,}$")


def _implicit_rounding(claim: Claim, value: float) -> tuple[float, float]:
    """A written-out round integer is a rounding: "18,400 people" holds 18,437.

    Only integers written in digits with at least two trailing zeros and at least two
    significant digits ("18,400", "1,500"; not "100" or "2,000", which are too coarse to
    say how they were rounded); the interval is half a unit of the last significant digit.
    """
    digits = re.sub(r"[^0-9.]", "", claim.text)
    surface = re.sub(r"[^0-9,\u202f\u00a0 ]", "", claim.text).strip()
    if "." in digits or not _ROUND_INTEGER_RE.match(surface):
        return value, value
    significant = digits.rstrip("0")
    zeros = len(digits) - len(significant)
    if zeros < 2 or len(significant) < 2 or float(digits) != value:
        return value, value
    half = 0.5 * 10 ** zeros
    return value - half, value + half


#: Temperature scales whose zero is not the base unit's (degrees Celsius): a reading in
#: them is ``value * scale + offset`` degrees Celsius ("63 °F" is 17.2 °C, not 63).
AFFINE_UNITS: dict[str, tuple[float, float]] = {"°F": (5 / 9, -32 * 5 / 9), "K": (1.0, -273.15)}


def _to_base(number: float, unit: str | None) -> float:
    affine = AFFINE_UNITS.get(unit) if unit else None
    return number if affine is None else number * affine[0] + affine[1]


def point(claim: Claim) -> float | None:
    """A single number for the claim (its value, or the middle of its range), in base units."""
    factor = unit_dimension(claim.unit)[1] if claim.kind == "quantity" else 1.0
    if isinstance(claim.value, (int, float)):
        return _to_base(claim.value * factor, claim.unit if claim.kind == "quantity" else None)
    lo, hi = numeric_interval(claim)
    if math.isfinite(lo) and math.isfinite(hi):
        return (lo + hi) / 2
    if math.isfinite(lo):
        return lo
    if math.isfinite(hi):
        return hi
    return None


def _to_date(iso: str) -> date | None:
    try:
        return date.fromisoformat(iso)
    except (TypeError, ValueError):
        return None


@lru_cache(maxsize=_INTERVAL_CACHE)
def date_interval(claim: Claim) -> tuple[date, date] | None:
    """First and last day a dated claim covers, or ``None`` when it has no calendar value."""
    lo, hi = _to_date(claim.low) if isinstance(claim.low, str) else None, \
        _to_date(claim.high) if isinstance(claim.high, str) else None
    if lo is None or hi is None:
        return None
    return lo, hi


_DATED_RE = re.compile(r"^[0-9]{4}-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?$")


def _same_stated_day(a: Claim, b: Claim) -> bool:
    """A date written without its year ("24 March") and a date with the same month and day.

    The extractor gives a yearless date the year the text last named, a guess that can be
    wrong (a statement dated June 2025 that last named 2024): the written parts agreeing,
    the two claims are not a contradiction.
    """
    for yearless, other in ((a, b), (b, a)):
        match = YEARLESS_DATE_RE.match(yearless.value) if isinstance(yearless.value, str) else None
        if match is None or not isinstance(other.value, str):
            continue
        stated = YEARLESS_DATE_RE.match(other.value) or _DATED_RE.match(other.value)
        if stated is None or stated["month"] != match["month"]:
            continue
        if match["day"] is None or stated["day"] is None or match["day"] == stated["day"]:
            return True
    return False


def a_day_apart(a: Claim, b: Claim) -> bool:
    """Two dates of one day each, the one the day after the other ("9 October 2024", "10 October 2024").

    The commonest slip in restating a date; the same two days with a clock or time zone in
    either sentence are compatible, not a slip (:func:`compatible`).  Measured 8-fold over
    the 66 development corpora as a slip for corroboration (:func:`reconcile.engine.corroborated`):
    3 more planted conflicts found, 1 more false flag, no trap.
    """
    if a.kind != "date" or b.kind != "date":
        return False
    ia, ib = date_interval(a), date_interval(b)
    return (ia is not None and ib is not None and ia[0] == ia[1] and ib[0] == ib[1]
            and abs(ia[0].toordinal() - ib[0].toordinal()) == 1)


def _mentions_clock(claim: Claim) -> bool:
    return bool(_TIME_ZONE_RE.search(claim.sentence) or re.search(r"[0-9]{1,2}:[0-9]{2}", claim.text))


#: How far apart (relative) two quantities in different systems of units may be and still
#: agree: a conversion rounded to three figures.
CONVERSION_ROUNDING = 0.01
#: Units of the imperial and US systems (and the oil barrel): a conversion crosses systems.
IMPERIAL_UNITS = frozenset({"mi", "ft", "in", "yd", "nmi", "acre", "ft²", "mi²", "ft³", "gal", "bbl", "kbbl",
                            "lb", "oz", "mph", "kn", "hp", "°F"})


def across_systems(unit_a: str | None, unit_b: str | None) -> bool:
    """Is one unit metric and the other imperial ("km²" and "mi²"), so that one value may be
    the other converted?  Two temperature scales count too ("°C" and "°F", "K")."""
    if not unit_a or not unit_b or unit_a == unit_b:
        return False
    if unit_dimension(unit_a)[0] == "temperature":
        return True
    return (unit_a.split("/")[0] in IMPERIAL_UNITS) != (unit_b.split("/")[0] in IMPERIAL_UNITS)


def compatible(a: Claim, b: Claim) -> bool:
    """Can both claims be true of one fact?  (Intervals overlap.)

    Two day-precision dates one day apart are compatible when either sentence names a
    clock or time zone: the same instant falls on different dates in different zones.  A
    date written without a year agrees with any date of the same month and day.
    """
    if a.kind == "date" or b.kind == "date":
        if _same_stated_day(a, b):
            return True
        ia, ib = date_interval(a), date_interval(b)
        if ia is None or ib is None:
            return True
        lo_a, hi_a, lo_b, hi_b = ia[0].toordinal(), ia[1].toordinal(), ib[0].toordinal(), ib[1].toordinal()
        if lo_a <= hi_b and lo_b <= hi_a:
            return True
        # a day apart: one instant in two time zones, when a sentence names a clock or a zone
        return lo_a - 1 <= hi_b and lo_b - 1 <= hi_a and (_mentions_clock(a) or _mentions_clock(b))
    lo_a, hi_a = numeric_interval(a)
    lo_b, hi_b = numeric_interval(b)
    finite = [abs(x) for x in (lo_a, hi_a, lo_b, hi_b) if math.isfinite(x)]
    overlap = min(hi_a, hi_b) - max(lo_a, lo_b)
    largest_tolerance = 1e-9 * max([1.0, *finite])
    if overlap < -largest_tolerance and a.kind != "quantity":
        # apart by more than any tolerance: no bound touches the other interval (the
        # rules below all need one to), and only quantities are converted
        return False
    widths = [w for w in (hi_a - lo_a, hi_b - lo_b) if w > 0]
    # float noise at a shared bound, far below any interval's own width
    tolerance = min([largest_tolerance] + [w * 1e-6 for w in widths])
    if overlap > tolerance:
        return True
    if a.kind == "quantity" and finite and across_systems(a.unit, b.unit):
        # one is the other converted and rounded ("460 square miles" for "1,200 km²" is
        # 1,191 km²): three figures are within half a percent, both rounded within one
        if overlap >= -CONVERSION_ROUNDING * max(finite):
            return True
    if _threshold_sides(a, hi_a, b, lo_b, hi_b, tolerance) or _threshold_sides(b, hi_b, a, lo_a, hi_a, tolerance):
        return True
    # rounding intervals only touching ("$41.7 million" ends where "$41.8 million" starts)
    # are two different values; an exact value on a bound ("at most 40" and "40") agrees
    exact = lo_a == hi_a or lo_b == hi_b
    return exact and overlap >= -tolerance


#: From this many claims on, :func:`incompatible_pairs` compares intervals all at once.
VECTORIZED_FROM = 12


def incompatible_pairs(claims: Sequence[Claim]) -> list[tuple[int, int]]:
    """The pairs ``(i, j)``, ``i < j``, of ``claims`` that are not :func:`compatible`."""
    n = len(claims)
    if n < VECTORIZED_FROM:
        return [(i, j) for i in range(n) for j in range(i + 1, n) if not compatible(claims[i], claims[j])]
    return list(zip(*(axis.tolist() for axis in np.nonzero(np.triu(~pairwise_compatible(claims), 1)))))


def pairwise_compatible(claims: Sequence[Claim]) -> np.ndarray:
    """A matrix whose entry ``[i, j]``, ``i < j``, is ``compatible(claims[i], claims[j])``; False elsewhere.

    Most pairs of a block are settled by their intervals alone, all at once: apart by more
    than any tolerance (and not quantities, which may be conversions), or overlapping
    beyond it.  The rest (dates without a year or a day apart, touching bounds, thresholds,
    conversions) are asked of :func:`compatible` one by one.  The result is the same.
    """
    n = len(claims)
    low, high = np.empty(n), np.empty(n)
    dated = np.zeros(n, dtype=bool)
    quantity = np.zeros(n, dtype=bool)
    unsure = np.zeros(n, dtype=bool)  # dates the intervals alone cannot settle
    for k, claim in enumerate(claims):
        if claim.kind == "date":
            dated[k] = True
            interval = date_interval(claim)
            if interval is None:
                low[k], high[k] = -_INF, _INF  # compatible with everything, as compatible() says
            else:
                low[k], high[k] = interval[0].toordinal(), interval[1].toordinal()
            unsure[k] = isinstance(claim.value, str) and YEARLESS_DATE_RE.match(claim.value) is not None
        else:
            low[k], high[k] = numeric_interval(claim)
            quantity[k] = claim.kind == "quantity"
    lo_a, lo_b, hi_a, hi_b = low[:, None], low[None, :], high[:, None], high[None, :]
    with np.errstate(invalid="ignore", over="ignore"):
        overlap = np.minimum(hi_a, hi_b) - np.maximum(lo_a, lo_b)
        # each claim's largest finite bound, then the larger of two claims' (as compatible() takes it)
        own_largest = np.maximum(np.where(np.isfinite(low), np.abs(low), 0.0), np.where(np.isfinite(high), np.abs(high), 0.0))
        largest_tolerance = 1e-9 * np.maximum(np.maximum(own_largest[:, None], own_largest[None, :]), 1.0)
        width = high - low
        width_tolerance = np.where(width > 0, width * 1e-6, _INF)
        tolerance = np.minimum(largest_tolerance, np.minimum(width_tolerance[:, None], width_tolerance[None, :]))
    either_dated = dated[:, None] | dated[None, :]
    both_dated = dated[:, None] & dated[None, :]
    # dates: overlapping days agree; more than a day apart disagree, unless one has no year
    date_settled = both_dated & ~(unsure[:, None] | unsure[None, :])
    date_overlap = (lo_a <= hi_b) & (lo_b <= hi_a)
    date_apart = (lo_a - 1 > hi_b) | (lo_b - 1 > hi_a)
    # numbers: apart beyond every tolerance (quantities may be conversions), or overlapping
    number_apart = (overlap < -largest_tolerance) & ~quantity[:, None]
    number_overlap = overlap > tolerance
    result = np.where(either_dated, date_settled & date_overlap, ~either_dated & number_overlap)
    settled = np.where(either_dated, date_settled & (date_overlap | date_apart),
                       ~either_dated & (number_apart | number_overlap))
    upper = np.triu(np.ones((n, n), dtype=bool), 1)
    for i, j in zip(*(axis.tolist() for axis in np.nonzero(upper & ~settled))):
        result[i, j] = compatible(claims[i], claims[j])
    return result & upper


def _threshold_sides(limit: Claim, hi_limit: float, above: Claim, lo_above: float, hi_above: float,
                     tolerance: float) -> bool:
    """A limit and what lies beyond it: one threshold stated from both of its sides.

    "Deposits of up to 100,000 marks are covered" and "anything above 100,000 marks stays
    with the bank"; "a repair within 14 days" and "if you wait more than 14 days": the two
    intervals only touch, at the one number both sentences name.  (Two estimates, "up to
    200 people died" and "more than 200 died", are read the same way: a limit's words are
    those of a rule far more often than of a count.)
    """
    return (is_limit(limit) and above.qualifier in _ABOVE_QUALIFIERS and not math.isfinite(hi_above)
            and math.isfinite(hi_limit) and abs(lo_above - hi_limit) <= tolerance)


def comparable(a: Claim, b: Claim) -> bool:
    """Are the two claims of one block (same kind and currency or dimension)?"""
    ka, kb = block_key(a), block_key(b)
    return ka is not None and ka == kb


def relative_difference(a: Claim, b: Claim) -> float:
    """How far apart two values are: 0 (equal) .. 1 (very different).

    :func:`reconcile.features.cheap_pair_rows` computes the same over arrays of pairs.
    """
    if a.kind == "date":
        ia, ib = date_interval(a), date_interval(b)
        if ia is None or ib is None:
            return 1.0
        days = abs(((ia[0].toordinal() + ia[1].toordinal()) - (ib[0].toordinal() + ib[1].toordinal())) / 2)
        return min(1.0, days / 3650.0)
    pa, pb = point(a), point(b)
    if pa is None or pb is None:
        return 1.0
    scale = max(abs(pa), abs(pb))
    return min(1.0, abs(pa - pb) / scale) if scale else 0.0


#: Qualifiers that make a number a bound or an estimate ("about", "more than", "up to"),
#: as the lexicon classes them; "only", "a total of", "exactly" leave it exact.
VAGUE_QUALIFIERS = frozenset(normalized for normalized, sense in (*QUALIFIERS_BEFORE.values(), *QUALIFIER_AFTER.values())
                             if sense != "exact")


#: Qualifiers that state a limit: what is allowed, planned or promised ("not exceeding 1,200
#: MW", "within 14 days", "up to 200 people"), not what was measured.
LIMIT_QUALIFIERS = frozenset({"up to", "within", "at most"})


#: Qualifiers that open a number upwards ("more than 100,000", "exceeds 14 days").
_ABOVE_QUALIFIERS = frozenset(normalized for normalized, sense in (*QUALIFIERS_BEFORE.values(), *QUALIFIER_AFTER.values())
                              if sense == "above")


def is_limit(claim: Claim) -> bool:
    """Is the claim a limit ("up to 200 people", "not exceeding 270 metres", "within 14 days")?"""
    return claim.kind != "date" and claim.qualifier in LIMIT_QUALIFIERS


def is_vague(claim: Claim) -> bool:
    """Is the claim a number given as a bound or an estimate ("about 23,000", "more than 200")?"""
    return claim.kind != "date" and claim.qualifier in VAGUE_QUALIFIERS


def width(claim: Claim) -> float:
    """How wide (imprecise) a claim's interval is, relative to its value; 0 for exact."""
    if claim.kind == "date":
        interval = date_interval(claim)
        if interval is None:
            return _INF
        return float(interval[1].toordinal() - interval[0].toordinal())
    lo, hi = numeric_interval(claim)
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return _INF
    scale = max(abs(lo), abs(hi), 1e-12)
    return (hi - lo) / scale


def digits_of(claim: Claim) -> str:
    """The digits written in the claim ("3,142,870" -> "3142870"); for a whole number
    written in words, the digits it would be written with ("forty-six" -> "46"), so that
    "forty-six families" against "64" reads as the swap of digits it is."""
    written = re.sub(r"[^0-9]", "", claim.text)
    if written or claim.kind == "date":
        return written
    value = claim.value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value == int(value) and 0 <= value < 1_000_000:
        return str(int(value))
    return ""


def _format_number(value: float) -> str:
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) >= 1e6 else f"{value:,.4f}".rstrip("0").rstrip(".")


def canonical_value(claim: Claim) -> str:
    """The value in base units, so that "48,600 ha" and "486 km²" read alike (dates as written)."""
    number = point(claim) if claim.kind != "date" else None
    if number is None:
        return display_value(claim)
    dimension = unit_dimension(claim.unit)[0] if claim.kind == "quantity" else claim.unit
    qualifier = claim.qualifier if claim.qualifier not in (None, "range", "ratio") else ""
    return f"{qualifier} {number:.6g} {dimension or ''}".strip()


def display_value(claim: Claim) -> str:
    """A short, canonical rendering of a claim's value ("1952-03", "over 14,000,000 EUR")."""
    if claim.kind == "date":
        return str(claim.value) if claim.value else claim.text
    unit = claim.unit or ""
    if claim.kind == "percent":
        unit = "%"
    if claim.value is None or not isinstance(claim.value, (int, float)):
        lo = claim.low if isinstance(claim.low, (int, float)) else None
        hi = claim.high if isinstance(claim.high, (int, float)) else None
        body = f"{_format_number(lo) if lo is not None else '…'}–{_format_number(hi) if hi is not None else '…'}"
    else:
        body = _format_number(float(claim.value))
    qualifier = f"{claim.qualifier} " if claim.qualifier and claim.qualifier not in ("range", "ratio") else ""
    return f"{qualifier}{body}{(' ' + unit) if unit and unit != '%' else unit}".strip()
