"""GitHub Actions workflow commands: one annotation per claim of each flag, escaped."""

from __future__ import annotations

import dataclasses

from reports.github import escape_data, escape_property, render_github


def test_annotations_on_each_claim(report, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    lines = render_github(report).splitlines()
    assert lines[0] == (
        "::error file=docs/bridge/courier.txt,line=2,col=40,endColumn=44,"
        "title=conflict%3A year the Harlow Bridge opened::This says 1992; other claims say 1993. "
        "both sentences speak of harlow, bridge, opened; courier says 1992; gazette says 1993 "
        "(review: unreviewed; fingerprint aaaa1111bbbb2222)")
    assert lines[1].startswith("::error file=docs/bridge/gazette.txt,line=1,col=40,endColumn=44,")
    # a dismissed flag is a notice: visible, but it does not read as a failure
    assert lines[2].startswith("::notice file=docs/bridge/gazette.txt,line=2,col=15,endColumn=22,"
                               "title=possible update%3A bridge toll <in euros>::This says 4 EUR;")
    assert lines[3].startswith("::notice file=docs/bridge/weird <b>.md,line=2,col=53,")
    assert lines[4:] == [
        "2 discrepancies in 3 documents (6 claims): 1 unreviewed, 0 confirmed, 1 dismissed.",
        "Gate: failed: 1 discrepancy is unreviewed (--fail-on unreviewed).",
    ]


def test_confirmed_flags_are_errors_only_when_the_gate_fails_on_them(report, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    from reconcile.model import Decision, Review

    confirmed = Review("confirmed", Decision("aaaa1111bbbb2222", "confirmed", "ana", "2026-11-24T09:00:00Z"))
    reviewed = dataclasses.replace(report, reviews={**report.reviews, "aaaa1111bbbb2222": confirmed})
    assert render_github(reviewed, fail_on="unreviewed").startswith("::warning file=docs/bridge/courier.txt,")
    assert render_github(reviewed, fail_on="confirmed").startswith("::error file=docs/bridge/courier.txt,")


def test_commands_cannot_be_broken_by_document_text(report, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    evil = dataclasses.replace(report.discrepancies[1], fact="x::error title=fake,line=1::pwned\nnext",
                               explanation="100% sure\r\n::warning::injected")
    lines = render_github(dataclasses.replace(report, discrepancies=(evil,))).splitlines()
    assert len(lines) == 2 + 2  # two annotations, summary, gate: no line was injected
    # a property value cannot end the command early; line breaks are folded into spaces
    assert "title=conflict%3A x%3A%3Aerror title=fake%2Cline=1%3A%3Apwned next::" in lines[0]
    assert lines[0].endswith("100%25 sure ::warning::injected (review: unreviewed; fingerprint aaaa1111bbbb2222)")


def test_escaping_follows_the_actions_toolkit():
    assert escape_data("50%\r\nok") == "50%25%0D%0Aok"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_nothing_found(agreeing_report):
    assert render_github(agreeing_report) == (
        "::notice title=reconcile::No discrepancies found in 3 documents (6 claims checked): the documents agree.\n"
        "Gate: passed (--fail-on unreviewed).\n")
