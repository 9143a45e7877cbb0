"""GitHub Actions workflow commands: each flag becomes an annotation on the lines it concerns.

``::error file=docs/a.txt,line=3,col=12,endColumn=16,title=...::message`` lines in a job's
log show up on the pull request's "Files changed" tab.  Flags that fail the gate are
errors; reviewed ones that do not are warnings (confirmed) or notices (dismissed).
"""

from __future__ import annotations

from reconcile.model import Report

from .common import (
    artifact_paths,
    failing_ids,
    gate_line,
    one_line,
    review_text,
    sides_of,
    sorted_discrepancies,
    summary_line,
)


def escape_data(text: str) -> str:
    """Escape a workflow command's message (as GitHub's own toolkit does)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value (``file=``, ``title=``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report, *, fail_on: str = "unreviewed", **_options) -> str:
    """Render ``report`` as GitHub Actions workflow commands.

    One annotation per claim of each discrepancy, on the claim's line and columns, then the
    summary and gate lines as plain log text (a ``::notice::`` when nothing was found).

    Args:
        report: What the check found.
        fail_on: The ``--fail-on`` setting: flags that fail the gate are ``::error``.

    Returns:
        The commands, one a line, ending with a newline.
    """
    lines = []
    failing, paths = failing_ids(report, fail_on), artifact_paths(report)
    for discrepancy in sorted_discrepancies(report):
        review = report.review_of(discrepancy)
        if discrepancy.id in failing:
            command = "error"
        else:
            command = "notice" if review.state == "dismissed" else "warning"
        title = f"{discrepancy.klass.replace('_', ' ')}: {one_line(discrepancy.fact)}"
        sides = sides_of(discrepancy)
        for side in sides:
            others = ", ".join(other.value for other in sides if other is not side)
            message = (f"This says {side.value}; other claims say {others}. "
                       f"{one_line(discrepancy.explanation)} "
                       f"(review: {review_text(review)}; fingerprint {discrepancy.id})")
            for claim in side.claims:
                properties = [f"file={escape_property(paths[claim.doc])}",
                              f"line={claim.line}", f"col={claim.column}"]
                if "\n" not in claim.text:
                    properties.append(f"endColumn={claim.column + len(claim.text)}")
                properties.append(f"title={escape_property(title)}")
                lines.append(f"::{command} {','.join(properties)}::{escape_data(message)}")
    if not report.discrepancies:
        lines.append(f"::notice title=reconcile::{escape_data(summary_line(report))}")
    else:
        lines.append(summary_line(report))
    lines.append(gate_line(report, fail_on))
    return "\n".join(lines) + "\n"
