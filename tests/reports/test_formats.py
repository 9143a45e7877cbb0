"""What every renderer owes its reader: the same bytes for the same report, and a plain
statement when the documents agree."""

from __future__ import annotations

import dataclasses
import re

import pytest

from reports import FORMATS, render

HUMAN_FORMATS = ["terminal", "md", "html", "github"]
ANSI_ESCAPE = re.compile(r"\x1b\[")


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_is_byte_identical_across_runs(report, fmt):
    first = render(report, fmt, color=False, fail_on="unreviewed")
    second = render(report, fmt, color=False, fail_on="unreviewed")
    assert first == second
    assert first.endswith("\n")


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_output_does_not_depend_on_the_order_flags_arrive_in(report, fmt):
    reordered = dataclasses.replace(report, discrepancies=tuple(reversed(report.discrepancies)))
    assert render(reordered, fmt) == render(report, fmt)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_names_every_discrepancy(report, fmt):
    text = render(report, fmt)
    for discrepancy in report.discrepancies:
        assert discrepancy.id in text


@pytest.mark.parametrize("fmt", HUMAN_FORMATS)
def test_a_report_without_discrepancies_says_so_plainly(agreeing_report, fmt):
    text = render(agreeing_report, fmt, fail_on="unreviewed")
    assert "No discrepancies found in 3 documents (6 claims checked): the documents agree." in text
    assert "Gate: passed (--fail-on unreviewed)." in text


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_no_format_writes_colour_codes_unless_asked(report, fmt):
    assert not ANSI_ESCAPE.search(render(report, fmt, color=False))


def test_render_knows_every_registered_format():
    assert sorted(FORMATS) == ["csv", "github", "html", "json", "md", "sarif", "terminal"]
