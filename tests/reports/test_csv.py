"""The CSV report: one row per claim of each flag, readable back with pandas."""

from __future__ import annotations

import io

import pandas as pd

from reports.csv_report import render_csv

COLUMNS = ["discrepancy", "fact", "class", "confidence", "review", "side", "value", "claim", "doc", "start",
           "end", "line", "column", "text", "sentence", "explanation"]


def _read(text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)


def test_one_row_per_claim_of_each_flag(report):
    frame = _read(render_csv(report))
    assert list(frame.columns) == COLUMNS
    assert frame[["discrepancy", "side", "value", "claim", "review", "line", "column"]].values.tolist() == [
        ["aaaa1111bbbb2222", "0", "1992", "bridge/courier.txt:51-55", "unreviewed", "2", "40"],
        ["aaaa1111bbbb2222", "1", "1993", "bridge/gazette.txt:39-43", "unreviewed", "1", "40"],
        ["cccc3333dddd4444", "0", "4 EUR", "bridge/gazette.txt:59-66", "dismissed", "2", "15"],
        ["cccc3333dddd4444", "1", "5 EUR", "bridge/weird <b>.md:60-67", "dismissed", "2", "53"],
    ]


def test_text_with_commas_quotes_and_markup_round_trips(report, claims):
    frame = _read(render_csv(report))
    assert frame.loc[3, "sentence"] == claims["5 euros"].sentence
    assert frame.loc[0, "explanation"] == report.discrepancies[1].explanation  # holds commas and ;


def test_offsets_point_at_the_claim_in_its_document(report, texts):
    frame = pd.read_csv(io.StringIO(render_csv(report)), keep_default_na=False)
    for row in frame.itertuples():
        assert texts[row.doc][row.start:row.end] == row.text


def test_nothing_found_gives_the_header_alone(agreeing_report):
    assert render_csv(agreeing_report) == ",".join(COLUMNS) + "\n"
