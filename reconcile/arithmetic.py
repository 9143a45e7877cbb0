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
        if 2 * sum(bool(c.noun and total.noun and c.noun != total.noun) for c in parts) > len(parts):
            continue  # most parts count something else: "1,200 staff: 800 nurses and 350 beds"
        parts_sum = _mismatch(total, parts)
        if parts_sum is not None:
            findings.append(SumFinding(total, tuple(parts), parts_sum, "sentence"))
    return findings


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
