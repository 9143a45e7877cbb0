"""The SARIF 2.1.0 report, for GitHub code scanning and other static-analysis viewers.

One result per discrepancy per location (each claim of a flag is a place a reader must look
at), with the other claims of the flag as related locations.  Each result carries the
discrepancy's fingerprint, so a viewer tracks the same flag across runs and document edits.
"""

from __future__ import annotations

import hashlib
import json
from importlib import metadata
from urllib.parse import quote

from claims import Claim
from reconcile.model import Discrepancy, Report

from .common import artifact_paths, failing_ids, one_line, review_text, sides_of, sorted_discrepancies

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
TOOL_NAME = "claim-reconcile"

#: The rules, one per flag class, in a fixed order (results point at them by index).
RULES: tuple[dict, ...] = (
    {
        "id": "conflict",
        "name": "ConflictingClaims",
        "shortDescription": {"text": "Documents state one fact with values that cannot all be true."},
        "fullDescription": {"text": "Claims in the scanned documents state the same fact (a date, amount, "
                                    "count, share or quantity) with incompatible values."},
        "help": {"text": "Correct the wrong value, or record a decision with `reconcile decide "
                         "FINGERPRINT approve|reject` so the check stops failing on it."},
        "defaultConfiguration": {"level": "error"},
    },
    {
        "id": "possible_update",
        "name": "PossiblyUpdatedClaims",
        "shortDescription": {"text": "Documents state one fact with different values, perhaps from "
                                     "different times."},
        "fullDescription": {"text": "Claims state the same fact with different values, but they refer to "
                                    "different times or come from documents of different dates: the "
                                    "later value may be an update."},
        "help": {"text": "Check whether the older value is out of date, then record a decision with "
                         "`reconcile decide FINGERPRINT approve|reject`."},
        "defaultConfiguration": {"level": "warning"},
    },
)
_RULE_INDEX = {rule["id"]: index for index, rule in enumerate(RULES)}


def _tool_version() -> str:
    try:
        return metadata.version(TOOL_NAME)
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0+unknown"


def _uri(path: str) -> str:
    """A relative path as a URI reference; an absolute one as a ``file://`` URI."""
    if path.startswith("/"):
        return "file://" + quote(path, safe="/")
    return quote(path, safe="/")


def _region(claim: Claim) -> dict:
    """The claim's span as a SARIF region (1-based lines and code-point columns)."""
    breaks = claim.text.count("\n")
    if breaks:
        end_line = claim.line + breaks
        end_column = len(claim.text) - claim.text.rfind("\n")
    else:
        end_line, end_column = claim.line, claim.column + len(claim.text)
    return {"startLine": claim.line, "startColumn": claim.column, "endLine": end_line,
            "endColumn": end_column, "snippet": {"text": claim.text}}


def _physical_location(paths: dict[str, str], claim: Claim) -> dict:
    return {"artifactLocation": {"uri": _uri(paths[claim.doc])}, "region": _region(claim)}


def _claim_fingerprint(discrepancy: Discrepancy, value: str, claim: Claim, occurrence: int) -> str:
    # the place within the flag, without offsets: edits elsewhere in the document move the
    # claim but keep its document, its value and its rank among that document's claims
    text = "\0".join((discrepancy.id, claim.doc, value, str(occurrence)))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _level(report: Report, discrepancy: Discrepancy, failing: frozenset[str]) -> str:
    if discrepancy.id in failing:
        return "error"
    return "note" if report.review_of(discrepancy).state == "dismissed" else "warning"


def _results(report: Report, discrepancy: Discrepancy, failing: frozenset[str], paths: dict[str, str]) -> list[dict]:
    review = report.review_of(discrepancy)
    sides = sides_of(discrepancy)
    located = [(side.value, claim) for side in sides for claim in side.claims]
    results = []
    seen: dict[tuple[str, str], int] = {}
    for value, claim in located:
        occurrence = seen.get((claim.doc, value), 0)
        seen[(claim.doc, value)] = occurrence + 1
        others = [side.value for side in sides if side.value != value]
        message = (f"{discrepancy.klass.replace('_', ' ').capitalize()}: {one_line(discrepancy.fact)}. "
                   f"This says {value}; other claims say {', '.join(others)}. "
                   f"{one_line(discrepancy.explanation)} "
                   f"(review: {review_text(review)}; fingerprint {discrepancy.id})")
        related = [{"id": index, "physicalLocation": _physical_location(paths, other),
                    "message": {"text": f"states {other_value}"}}
                   for index, (other_value, other) in enumerate(located) if other is not claim]
        result = {
            "ruleId": discrepancy.klass,
            "ruleIndex": _RULE_INDEX.get(discrepancy.klass, 0),
            "level": _level(report, discrepancy, failing),
            "message": {"text": message},
            "locations": [{"physicalLocation": _physical_location(paths, claim)}],
            "relatedLocations": related,
            "partialFingerprints": {
                "reconcileDiscrepancy/v1": discrepancy.id,
                "reconcileClaim/v1": _claim_fingerprint(discrepancy, value, claim, occurrence),
            },
            "properties": {
                "discrepancy": discrepancy.id,
                "fact": discrepancy.fact,
                "class": discrepancy.klass,
                "values": list(discrepancy.values),
                "confidence": round(discrepancy.confidence, 3),
                "review": review.state,
                "claim": claim.id,
            },
        }
        if review.state == "dismissed":
            # a dismissed flag stays in the log, marked as accepted by a reviewer
            justification = review_text(review)
            result["suppressions"] = [{"kind": "external", "status": "accepted", "justification": justification}]
        results.append(result)
    return results


def report_to_sarif(report: Report, *, fail_on: str = "unreviewed") -> dict:
    """The report as a SARIF 2.1.0 log (a JSON-ready dict)."""
    failing, paths = failing_ids(report, fail_on), artifact_paths(report)
    results = [result for discrepancy in sorted_discrepancies(report)
               for result in _results(report, discrepancy, failing, paths)]
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": {"driver": {"name": TOOL_NAME, "version": _tool_version(),
                                "rules": list(RULES)}},
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": {"documents": len(report.documents), "claims": len(report.claims),
                           "discrepancies": len(report.discrepancies)},
        }],
    }


def render_sarif(report: Report, *, fail_on: str = "unreviewed", **_options) -> str:
    """Render ``report`` as a SARIF 2.1.0 log.

    Args:
        report: What the check found.
        fail_on: The ``--fail-on`` setting: flags that fail the gate are ``error`` results,
            the others ``warning`` (or ``note`` with a suppression when dismissed).

    Returns:
        Pretty-printed JSON, ending with a newline.
    """
    return json.dumps(report_to_sarif(report, fail_on=fail_on), ensure_ascii=False, indent=2) + "\n"
