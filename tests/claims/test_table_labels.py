"""A number in a plain-text table knows its row label and its column header."""

from __future__ import annotations

import pytest

from claims.sentences import table_context

YEAR_ON_YEAR = (
    "KEY FIGURES\n"
    "Item                   2026          2022\n"
    "Polling stations       2 318         2 296\n"
    "Opened                 1987\n"
    "Candidates             487           412\n"
)
BY_SERVICE = (
    "Service                          2026/27\n"
    "Adult social care                412.6\n"
    "Total net budget               1,284.0\n"
)
NO_HEADER = (
    "Registered electors    1 842 637     1 807 410\n"
    "Votes cast             1 163 118     1 055 527\n"
)
TIMELINE = (
    "Opened         1987\n"
    "Length         15.5 km\n"
)


@pytest.mark.parametrize(
    ("text", "number", "row", "column"),
    [
        # a row of two or more years heads the columns of a year-on-year table
        (YEAR_ON_YEAR, "2 296", "Polling stations", "2022"),
        (YEAR_ON_YEAR, "2 318", "Polling stations", "2026"),
        (YEAR_ON_YEAR, "412", "Candidates", "2022"),
        # a header of words and a period
        (BY_SERVICE, "1,284.0", "Total net budget", "2026/27"),
        # rows of figures are data, not headers
        (NO_HEADER, "1 055 527", "Votes cast", None),
        # one year in a row is a value ("Opened 1987"), not the header of the rows below
        (TIMELINE, "15.5 km", "Length", None),
    ],
)
def test_row_and_column_of_a_table_cell(text, number, row, column):
    assert table_context(text, text.index(number)) == (row, column)
