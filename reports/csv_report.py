"""The CSV report: one row per claim of each flagged discrepancy, for spreadsheets and pandas."""

from __future__ import annotations

import io

from reconcile.frames import discrepancies_frame
from reconcile.model import Report

from .common import sorted_discrepancies


def render_csv(report: Report, **_options) -> str:
    """Render ``report`` as CSV through pandas.

    The columns are those of :func:`reconcile.frames.discrepancies_frame`, plus the claim's
    ``line`` and ``column`` and the discrepancy's ``review`` state.  A report without
    discrepancies gives the header alone.

    Args:
        report: What the check found.

    Returns:
        The CSV text (``\\n`` line ends), ending with a newline.
    """
    discrepancies = sorted_discrepancies(report)
    frame = discrepancies_frame(discrepancies)
    claims = {claim.id: claim for d in discrepancies for claim in d.claims}
    states = {d.id: report.review_of(d).state for d in discrepancies}
    frame.insert(frame.columns.get_loc("confidence") + 1, "review",
                 [states[d] for d in frame["discrepancy"]])
    position = frame.columns.get_loc("end") + 1
    frame.insert(position, "line", [claims[c].line for c in frame["claim"]])
    frame.insert(position + 1, "column", [claims[c].column for c in frame["claim"]])
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()
