"""The terminal table: one row per discrepancy, colour only when asked for."""

from __future__ import annotations

from reports.terminal import PIPE_WIDTH, render_terminal


def test_one_row_per_discrepancy_in_id_order(report):
    lines = render_terminal(report).splitlines()
    header = next(line for line in lines if "Fact" in line)
    assert header.split() == ["#", "Fact", "Values", "and", "where", "Review"]
    rows = [line for line in lines if line[:4].strip().isdigit()]  # the "#" column
    assert [row.split()[0] for row in rows] == ["1", "2"]
    assert "year the Harlow Bridge opened" in rows[0] and "unreviewed" in rows[0]
    assert "bridge toll <in euros>" in rows[1] and "dismissed" in rows[1]


def test_rows_show_values_places_and_review(report):
    text = render_terminal(report)
    for expected in ("aaaa1111bbbb2222", "bridge/courier.txt:2:40", "bridge/gazette.txt:1:40",
                     "bridge/weird <b>.md:2:53 “5 euros”", "by ana", "2026-11-23", "confidence 0.91"):
        assert expected in text


def test_summary_gate_and_warnings_close_the_report(report):
    lines = render_terminal(report, fail_on="unreviewed").splitlines()
    assert lines[-3:] == [
        "2 discrepancies in 3 documents (6 claims): 1 unreviewed, 0 confirmed, 1 dismissed.",
        "Gate: failed: 1 discrepancy is unreviewed (--fail-on unreviewed).",
        "Warning: docs/empty.txt: empty document, skipped",
    ]


def test_piped_output_is_plain_and_fits_a_fixed_width(report):
    text = render_terminal(report, color=False)
    assert "\x1b" not in text
    assert all(len(line) <= PIPE_WIDTH and line == line.rstrip() for line in text.splitlines())


def test_colour_on_a_terminal(report):
    text = render_terminal(report, color=True, width=120)
    assert "\x1b[" in text
    assert "\x1b[1;31munreviewed" in text  # the state a reviewer must act on stands out


def test_document_text_is_not_read_as_rich_markup(report, claims):
    # "[bold]" or "[/]" in a fact label must print as written, not style or crash
    import dataclasses

    odd = dataclasses.replace(report.discrepancies[1], fact="[bold]toll[/] :smile:")
    text = render_terminal(dataclasses.replace(report, discrepancies=(odd,)))
    assert "[bold]toll[/] :smile:" in text


def test_nothing_found(agreeing_report):
    assert render_terminal(agreeing_report) == (
        "No discrepancies found in 3 documents (6 claims checked): the documents agree.\n"
        "Gate: passed (--fail-on unreviewed).\n"
    )
