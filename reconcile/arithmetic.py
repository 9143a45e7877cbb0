"""Totals whose parts do not add up: a conflict inside one document that needs a sum to see.

Two layouts state a total and its parts outright, and only those are checked:

* a table row followed by indented rows of the same column and unit ("Gallery floor area
  18 400 m²" over "  ground floor 6 200 m²", "  upper floor 5 900 m²", ...), or a "Total"
  row under the rows it sums;
* a sentence that introduces a total and then splits it ("US$4.7 million, of which US$3.6
  million ... and US$1.4 million"; "Of the 18,437 evacuees, 11,920 came from ... and 7,117
  from ..."; "1,150 permanent jobs: 780 for ... and 420 for ...").

A sum that misses its total by more than the rounding of the numbers as written, and by
no more than :data:`MAX_MISMATCH` (beyond that the rows are probably not its parts), is
a finding.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from claims import Claim

from . import values

#: A sum further than this (relative) from its total is not taken for its parts.
MAX_MISMATCH = 0.25
_NUMBER_RE = re.compile(r"\d[\d,\u202f\u00a0 ]*(?:\.\d+)?")
#: Right after the total: its parts follow ("..., of which", "...: 780 for ...").
_SPLIT_AFTER_RE = re.compile(
    r"^(?:\s*[A-Za-z\-]+){0,3}\s*(?:,\s*(?:of\s+which|of\s+whom|of\s+them)\b|:\s|\s+(?:split|divided|broken\s+down)"
    r"\s+(?:between|into|among|as))")
#: Right before the total: "Of the ADT 37.5 million, ...", "of the 18,437 evacuees, ...".
_SPLIT_BEFORE_RE = re.compile(r"(?i:\bof\s+the\s*)$")
#: Between the total and its first part, what ends the total's phrase: a comma or colon,
#: "of which", "split between".  Without it the first "part" is coordinated with the total
#: ("Of the 412 passengers and 38 crew members aboard, ...").
_PARTS_BEGIN_RE = re.compile(r"[,:;(\u2013\u2014]|(?i:\b(?:which|whom|them|split|divided|broken)\b)")


@dataclass(frozen=True)
class SumFinding:
    """A total and the parts that should add up to it but do not.

    Attributes:
        total: The claim stating the total.
        parts: The claims stating its parts, in document order.
        parts_sum: Their sum, in the total's unit as written (base units for quantities).
        layout: ``table`` or ``sentence``.
    """

    total: Claim
    parts: tuple[Claim, ...]
    parts_sum: float
    layout: str


def _tolerance(claim: Claim) -> float | None:
    """Half a unit of the last digit written, in base units ("1.2 billion": 0.05 billion)."""
    match = _NUMBER_RE.search(claim.text)
    if match is None or not isinstance(claim.value, (int, float)) or claim.qualifier:
        return None
    written = match.group().strip()
    number = float(re.sub(r"[,\u202f\u00a0 ]", "", written))
    if number == 0:
        return None
    decimals = len(written.split(".")[1]) if "." in written else 0
    return 0.5 * 10 ** -decimals * abs(values.point(claim) / number)


def _mismatch(total: Claim, parts: Sequence[Claim]) -> float | None:
    """The parts' sum when it misses the total beyond rounding (and not wildly), else None."""
    tolerances = [_tolerance(c) for c in (total, *parts)]
    if any(t is None for t in tolerances):
        return None
    whole = values.point(total)
    parts_sum = sum(values.point(c) for c in parts)
    gap = abs(parts_sum - whole)
    # a gap of exactly the summed roundings would need every number at its rounding edge
    if gap < sum(tolerances) * (1 - 1e-6) or gap > MAX_MISMATCH * abs(whole):
        return None
    return parts_sum


def _indent(claim: Claim) -> int:
    # the row's first character sits ``start - sentence_start`` characters before the claim
    return claim.column - 1 - (claim.start - claim.sentence_start)


def _table_findings(claims: Sequence[Claim]) -> list[SumFinding]:
    by_column: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.row_label and values.block_key(c) is not None and c.kind != "date":
            by_column[(c.doc, c.column_label, values.block_key(c))].append(c)
    findings = []
    for rows in by_column.values():
        rows.sort(key=lambda c: c.start)
        for k, total in enumerate(rows):
            children = []
            for row in rows[k + 1:]:
                if row.line != (children[-1].line if children else total.line) + 1:
                    break  # the indented block ends at a gap or a row of another unit
                if _indent(row) <= _indent(total):
                    break
                children.append(row)
            if len(children) < 2 or len({_indent(c) for c in children}) != 1:
                children = _rows_above(rows, k) if _TOTAL_LABEL_RE.match(total.row_label.strip()) else []
            if len(children) < 2:
                continue
            parts_sum = _mismatch(total, children)
            if parts_sum is not None:
                findings.append(SumFinding(total, tuple(children), parts_sum, "table"))
    return findings


#: A row that sums the rows above it: "Total", "Total grants", "All sectors".
_TOTAL_LABEL_RE = re.compile(r"(?i:(?:total|overall|all|sum)\b)")


def _rows_above(rows: Sequence[Claim], k: int) -> list[Claim]:
    """The rows right above row ``k`` (no gap), at one indent: the parts a "Total" row sums."""
    above: list[Claim] = []
    line = rows[k].line
    for row in reversed(rows[:k]):
        if row.line != line - 1 or (above and _indent(row) != _indent(above[0])):
            break
        above.insert(0, row)
        line = row.line
    return above


def _sentence_findings(claims: Sequence[Claim]) -> list[SumFinding]:
    by_sentence: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        if not c.row_label and c.kind in ("count", "money", "quantity") and values.block_key(c) is not None:
            by_sentence[(c.doc, c.sentence_start, values.block_key(c))].append(c)
    findings = []
    for members in by_sentence.values():
        members.sort(key=lambda c: c.start)
        total = max(members, key=lambda c: values.point(c) or 0.0)
        parts = [c for c in members if c.start > total.start]
        if len(parts) < 2:
            continue
        offset = total.sentence_start
        before = total.sentence[: total.start - offset]
        after = total.sentence[total.end - offset:]
        if not (_SPLIT_BEFORE_RE.search(before) or _SPLIT_AFTER_RE.search(after)):
            continue
        if not _PARTS_BEGIN_RE.search(total.sentence[total.end - offset:parts[0].start - offset]):
            continue  # "Of the 412 passengers and 38 crew aboard, 397 ...": the total is 412 + 38
        if 2 * sum(bool(c.noun and total.noun and c.noun != total.noun) for c in parts) > len(parts):
            continue  # most parts count something else: "1,200 staff: 800 nurses and 350 beds"
        parts_sum = _mismatch(total, parts)
        if parts_sum is not None:
            findings.append(SumFinding(total, tuple(parts), parts_sum, "sentence"))
    return findings


@dataclass(frozen=True)
class ConversionFinding:
    """A quantity and its conversion to another unit, written beside it, that disagree.

    Attributes:
        original: The quantity as first written ("2,800 meters").
        converted: Its conversion ("8,200 feet"), which misses it.
        expected: The original in the conversion's unit (9,186.4).
    """

    original: Claim
    converted: Claim
    expected: float


#: Between a quantity and its conversion: "2,800 m (9,186 ft)", "2,800 m = 9,186 ft",
#: "2,800 metres, or about 9,190 feet", "2,800 m / 9,186 ft".
_CONVERSION_GAP_RE = re.compile(r"^\s*(?P<open>\(|\[|=|/|,?\s*or\b|\u2248)\s*$")
#: What must follow a conversion, by what opened it: its closing bracket, or the end of the
#: clause (a conversion ends where it began: "2,800 metres, or about 9,190 feet, long").
_END_OF_CLAUSE_RE = re.compile(r"^\s*(?:$|[,.;:!?)\]\u2013\u2014]|-\s)")
_CONVERSION_CLOSE_RE = defaultdict(lambda: _END_OF_CLAUSE_RE, {
    "(": re.compile(r"^\s*\)"), "[": re.compile(r"^\s*\]")})
#: A conversion is rounded, often to two or three figures: it is wrong only when it misses
#: by more than this share and by more than the rounding of either number as written.
CONVERSION_SLACK = 0.06


def _relative_rounding(claim: Claim) -> float:
    """Half a unit of the last significant digit written, relative to the value ("2": 0.25)."""
    match = _NUMBER_RE.search(claim.text)
    if match is None or not isinstance(claim.value, (int, float)) or not claim.value:
        return 0.0
    written = re.sub(r"[,\u202f\u00a0 ]", "", match.group().strip())
    if "." in written:
        step = 10.0 ** -len(written.split(".")[1])
    else:
        step = 10.0 ** (len(written) - len(written.rstrip("0")))
    number = float(written)
    return 0.5 * step / number if number else 0.0


def conversion_findings(claims: Sequence[Claim]) -> list[ConversionFinding]:
    """Quantities converted to another unit beside them, where the conversion is wrong.

    Only a conversion written right after its quantity (in brackets, after "=" or "or"),
    of the same dimension in another unit, counts: "2,800 meters (8,200 feet)" misses the
    9,186 feet that 2,800 meters are by more than :data:`CONVERSION_SLACK` and more than
    the rounding of either number.

    Args:
        claims: Every claim of the corpus, in document and offset order.

    Returns:
        The wrong conversions, in document and offset order.
    """
    findings = []
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.kind == "quantity" and c.unit and isinstance(c.value, (int, float)) and c.value:
            by_doc[c.doc].append(c)
    for members in by_doc.values():
        members.sort(key=lambda c: c.start)
        for first, second in zip(members, members[1:]):
            if first.sentence_start != second.sentence_start or first.unit == second.unit:
                continue
            if values.unit_dimension(first.unit)[0] != values.unit_dimension(second.unit)[0]:
                continue
            if not values.across_systems(first.unit, second.unit):
                continue  # "12 km (4,000 m of it underground)": a part, in the same system
            gap = first.sentence[first.end - first.sentence_start:second.start - second.sentence_start]
            opening = _CONVERSION_GAP_RE.match(_QUALIFIER_GAP_RE.sub("", gap))
            if not opening:
                continue
            tail = second.sentence[second.end - second.sentence_start:]
            if not _CONVERSION_CLOSE_RE[opening.group("open")].match(tail):
                continue  # "12 km (3 miles of it underground)", "the 15 km or 5 mile route"
            a, b = values.point(first), values.point(second)
            if a is None or b is None:
                continue
            if values.unit_dimension(first.unit)[0] == "temperature":
                # degrees near zero make any relative miss large: compare in degrees Celsius,
                # as a reading ("63 °F (17 °C)") and as a change ("warmed by 1.5 °C (2.7 °F)")
                as_change = abs(_degree_size(first.unit) * first.value - _degree_size(second.unit) * second.value)
                if abs(a - b) > TEMPERATURE_SLACK and as_change > TEMPERATURE_SLACK:
                    findings.append(ConversionFinding(first, second, _in_unit(a, second.unit)))
                continue
            if not a or not b:
                continue
            miss = abs(a - b) / max(abs(a), abs(b))
            slack = max(CONVERSION_SLACK, 2 * (_relative_rounding(first) + _relative_rounding(second)))
            if first.qualifier or second.qualifier:
                slack *= 2  # "about 1,160 miles": approximate on purpose
            if miss > slack:
                findings.append(ConversionFinding(first, second, _in_unit(a, second.unit)))
    return findings


#: A temperature conversion is wrong when it misses by more degrees Celsius than this.
TEMPERATURE_SLACK = 1.5


def _degree_size(unit: str | None) -> float:
    """A degree of ``unit`` in degrees Celsius (5/9 for °F)."""
    affine = values.AFFINE_UNITS.get(unit or "")
    return affine[0] if affine is not None else 1.0


def _in_unit(base: float, unit: str | None) -> float:
    """A value in base units, in ``unit`` ("°F" and "K" are affine)."""
    affine = values.AFFINE_UNITS.get(unit or "")
    if affine is not None:
        return (base - affine[1]) / affine[0]
    factor = values.unit_dimension(unit)[1]
    return base / factor if factor else base


#: Hedges that may open a conversion ("(about 9,190 feet)"): the claim's own qualifier.
_QUALIFIER_GAP_RE = re.compile(r"(?i:\b(?:about|around|roughly|some|approximately|approx\.?|nearly|almost|"
                               r"just\s+over|just\s+under|more\s+than|over|c\.|ca\.)\s*$)")


def sum_findings(claims: Sequence[Claim]) -> list[SumFinding]:
    """Totals whose stated parts do not add up to them, sorted by document and offset.

    Args:
        claims: Every claim of the corpus.

    Returns:
        One finding per total whose indented table rows, or whose split in the same
        sentence, add up to something else.
    """
    findings = _table_findings(claims) + _sentence_findings(claims)
    findings.sort(key=lambda f: (f.total.doc, f.total.start))
    return findings
