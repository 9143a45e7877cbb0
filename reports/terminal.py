"""The terminal report: a rich table, one row per discrepancy, for a person at a shell."""

from __future__ import annotations

import io
import shutil

from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from reconcile.model import Report

from .common import gate_line, one_line, sides_of, sorted_discrepancies, summary_line

#: Width of the report when it does not go to a terminal (a pipe or a file): fixed, so the
#: same inputs always give the same bytes.
PIPE_WIDTH = 100

_STATE_STYLES = {"unreviewed": "bold red", "confirmed": "yellow", "dismissed": "green"}


def _fact_cell(discrepancy) -> Text:
    cell = Text(one_line(discrepancy.fact) or "(unnamed fact)", style="bold")
    cell.append(f"\n{discrepancy.klass} · {discrepancy.id} · confidence {discrepancy.confidence:.2f}", style="dim")
    cell.append("\n" + one_line(discrepancy.explanation))
    return cell


def _review_cell(review) -> Text:
    cell = Text(review.state, style=_STATE_STYLES.get(review.state, ""))
    decision = review.decision
    if decision is not None:
        # one short item per line: a narrow column must not cut a date in half
        for item in (f"by {decision.by}" if decision.by else "", decision.at[:10], one_line(decision.note),
                     f"correct value: {decision.value}" if decision.value else ""):
            if item:
                cell.append("\n" + item)
    return cell


def _values_cell(discrepancy) -> Text:
    cell = Text()
    for index, side in enumerate(sides_of(discrepancy)):
        if index:
            cell.append("\n")
        cell.append(side.value, style="bold cyan")
        for claim in side.claims:
            cell.append(f"\n  {claim.doc}:{claim.line}:{claim.column}", style="dim")
            if one_line(claim.text) != side.value:
                cell.append(f" “{one_line(claim.text)}”")
    return cell


def render_terminal(report: Report, *, color: bool = False, fail_on: str = "unreviewed",
                    width: int | None = None, **_options) -> str:
    """Render ``report`` as a table for a terminal.

    Args:
        report: What the check found.
        color: Use ANSI colours and styles; without it the output holds no escape codes.
        fail_on: The ``--fail-on`` setting, for the gate line.
        width: Columns to lay the table out in (default: the terminal's width when
            ``color`` is on, else a fixed :data:`PIPE_WIDTH`).

    Returns:
        The report text, ending with a newline.
    """
    if width is None:
        width = shutil.get_terminal_size((PIPE_WIDTH, 24)).columns if color else PIPE_WIDTH
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, highlight=False, markup=False,
                      emoji=False, legacy_windows=False, soft_wrap=False)
    discrepancies = sorted_discrepancies(report)
    parts: list = []
    if discrepancies:
        table = Table(box=box.SIMPLE_HEAD, show_lines=True, expand=True, header_style="bold")
        table.add_column("#", justify="right", no_wrap=True)
        table.add_column("Fact", ratio=3)
        table.add_column("Values and where", ratio=3)
        table.add_column("Review", ratio=1, min_width=12)
        for number, discrepancy in enumerate(discrepancies, start=1):
            review = report.review_of(discrepancy)
            table.add_row(str(number), _fact_cell(discrepancy), _values_cell(discrepancy),
                          _review_cell(review))
        parts.append(table)
    parts.append(Text(summary_line(report), style="bold"))
    gate = gate_line(report, fail_on)
    parts.append(Text(gate, style="bold red" if gate.startswith("Gate: failed") else "green"))
    for warning in report.warnings:
        parts.append(Text(f"Warning: {warning}", style="yellow"))
    console.print(Group(*parts))
    # rich pads table lines to the table's width; trailing blanks only make diffs noisy
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"
