"""The HTML report: one self-contained page, readable on a phone, with the claims highlighted.

The page fetches nothing (styles and the filter script are inline, and a Content Security
Policy forbids any other source) and all document text is escaped by jinja2's autoescaping:
a document holding ``<script>`` shows that text, it never runs it.
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from importlib import resources

import jinja2
from markupsafe import Markup

from reconcile.model import Report

from .common import (
    gate_line,
    one_line,
    review_text,
    sentence_parts,
    sides_of,
    sorted_discrepancies,
    state_counts,
    summary_line,
)

TITLE = "Consistency report"


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("reports", "templates"),
        autoescape=True,  # every value is text to show, never markup
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


@lru_cache(maxsize=1)
def _script() -> tuple[str, str]:
    """The filter script and its CSP hash (the one script the page allows to run)."""
    script = resources.files("reports").joinpath("templates/report.js").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return script, f"sha256-{digest}"


def _claim_view(claim) -> dict:
    parts = sentence_parts(claim)
    return {
        "doc": claim.doc,
        "line": claim.line,
        "column": claim.column,
        "heading": one_line(claim.heading or ""),
        "previous": one_line(claim.previous or ""),
        "before": parts.before,
        "span": parts.span,
        "after": parts.after,
    }


def _discrepancy_view(report: Report, discrepancy) -> dict:
    review = report.review_of(discrepancy)
    return {
        "id": discrepancy.id,
        "fact": one_line(discrepancy.fact) or "Unnamed fact",
        "klass": discrepancy.klass,
        "state": review.state,
        "review": review_text(review),
        "confidence": f"{discrepancy.confidence:.2f}",
        "explanation": discrepancy.explanation,
        "sides": [{"value": side.value, "claims": [_claim_view(c) for c in side.claims]}
                  for side in sides_of(discrepancy)],
        "earlier": [f"{e.verdict} ({', '.join(e.values)}) by {e.by} on {e.at}" + (f": {e.note}" if e.note else "")
                    for e in review.earlier],
    }


def render_html(report: Report, *, fail_on: str = "unreviewed", **_options) -> str:
    """Render ``report`` as one self-contained HTML page.

    Each discrepancy shows its fact, class, explanation and review state, and for each value
    the sentences that state it (with the sentence before, for context) with the claim's own
    span highlighted.  Checkboxes filter by class and review state.

    Args:
        report: What the check found.
        fail_on: The ``--fail-on`` setting, for the gate line.

    Returns:
        The HTML text, ending with a newline.
    """
    discrepancies = sorted_discrepancies(report)
    classes: dict[str, int] = {}
    for discrepancy in discrepancies:
        classes[discrepancy.klass] = classes.get(discrepancy.klass, 0) + 1
    script, script_hash = _script()
    gate = gate_line(report, fail_on)
    return _environment().get_template("report.html.j2").render(
        title=TITLE,
        summary=summary_line(report),
        gate=gate,
        gate_failed=gate.startswith("Gate: failed"),
        discrepancies=[_discrepancy_view(report, d) for d in discrepancies],
        class_counts=sorted(classes.items()),
        state_counts=list(state_counts(report).items()),
        warnings=list(report.warnings),
        script=Markup(script),
        script_hash=script_hash,
    )
