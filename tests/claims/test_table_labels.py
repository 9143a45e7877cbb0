"""A number in a plain-text table knows its row label and its column header."""

from __future__ import annotations

import pytest

from claims import extract_claims
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
YEARS_BELOW_WORDS = (
    "Scheme             Northern     Southern\n"
    "Consented          2019         2021\n"
    "Capacity (MW)      1,140        860\n"
)
BLANK_CORNER = (
    "              2019      2020      2021\n"
    "Visitors      41,200    12,900    30,050\n"
)
BLANK_CORNER_TABBED = "\t2019\t2020\nVisitors\t41,200\t12,900\n"
WITH_CHANGE = (
    "Item                   2022          2026        Change\n"
    "Polling stations       2 296         2 318       +22\n"
)
NO_HEADER = (
    "Registered electors    1 842 637     1 807 410\n"
    "Votes cast             1 163 118     1 055 527\n"
)
ONE_YEAR_ROW = (
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
        # a row of years below a header of words is data: the words head the columns
        (YEARS_BELOW_WORDS, "1,140", "Capacity (MW)", "Northern"),
        # an empty top-left cell: every cell of the header row heads a column
        (BLANK_CORNER, "41,200", "Visitors", "2019"),
        (BLANK_CORNER, "30,050", "Visitors", "2021"),
        (BLANK_CORNER_TABBED, "41,200", "Visitors", "2019"),
        (BLANK_CORNER_TABBED, "12,900", "Visitors", "2020"),
        # years beside a header word
        (WITH_CHANGE, "2 296", "Polling stations", "2022"),
        (WITH_CHANGE, "+22", "Polling stations", "Change"),
        # rows of figures are data, not headers
        (NO_HEADER, "1 055 527", "Votes cast", None),
        # one year in a row is a value ("Opened 1987"), not the header of the rows below
        (ONE_YEAR_ROW, "15.5 km", "Length", None),
    ],
)
def test_row_and_column_of_a_table_cell(text, number, row, column):
    assert table_context(text, text.index(number)) == (row, column)


@pytest.mark.parametrize(
    ("label", "kind", "unit", "value"),
    [
        ("Programme spending (EUR million)", "money", "EUR", 724e6),
        # a code the document defines for itself counts as a currency in a label too
        ("Programme spending (ORC million)", "money", "ORC", 724e6),
        # an undefined code of three capitals is no currency: the cell stays a count
        ("Programme spending (XYZ million)", "count", None, 724),
    ],
)
def test_a_row_label_gives_its_cells_a_currency(label, kind, unit, value):
    text = ("The programme has cost ORC 742 million so far.\n\n"
            f"{label:<40}586          724\n")
    (cell,) = [c for c in extract_claims(text) if c.text == "724"]
    assert (cell.kind, cell.unit, cell.value) == (kind, unit, value)


def test_a_unit_in_one_column_header_stays_in_its_column():
    text = ("Animals killed and compensation paid:\n\n"
            "Year                Sheep   Goats   Total   Compensation (EUR)\n"
            "2023                37      4       41      18,900\n")
    cells = {c.text: (c.kind, c.unit) for c in extract_claims(text)}
    assert cells["37"] == ("count", None)
    assert cells["41"] == ("count", None)
    assert cells["18,900"] == ("money", "EUR")


@pytest.mark.parametrize(
    "title",
    ["Table 2: Programme spending 2023 to 2024 (£m)", "Spending by department, 2024 (GBP million)"],
)
def test_a_title_names_the_unit_of_every_column_even_when_it_names_a_column(title):
    text = f"{title}\n\nDepartment          2023      2024\nHealth              412       436\n"
    cells = {c.text: (c.kind, c.unit, c.value) for c in extract_claims(text)}
    assert cells["412"] == ("money", "GBP", 412e6)
    assert cells["436"] == ("money", "GBP", 436e6)
