"""The helpers every renderer shares: sentence cuts, paths, summary and gate lines."""

from __future__ import annotations

import dataclasses

from reconcile.model import DocumentInfo
from reports.common import artifact_paths, gate_line, sentence_parts, summary_line


def test_sentence_parts_cut_at_the_claim_offsets(claims):
    parts = sentence_parts(claims["1992"])
    assert (parts.before, parts.span, parts.after) == ("The Harlow Bridge opened to traffic in ", "1992", ".")


def test_sentence_parts_use_the_offsets_not_the_first_match(claims):
    # "1992" appears twice; the claim is the second one
    claim = dataclasses.replace(claims["1992"], sentence="In 1992 plans began; it opened in 1992.",
                                sentence_start=claims["1992"].start - 34)
    parts = sentence_parts(claim)
    assert (parts.before, parts.span, parts.after) == ("In 1992 plans began; it opened in ", "1992", ".")


def test_sentence_parts_never_lose_the_span(claims):
    stray = dataclasses.replace(claims["1992"], sentence="A sentence without it.", sentence_start=0)
    parts = sentence_parts(stray)
    assert (parts.before, parts.span, parts.after) == ("A sentence without it. ", "1992", "")


def test_artifact_paths_are_relative_to_the_working_directory(report, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    documents = (DocumentInfo("bridge/courier.txt", "0" * 64, path=str(tmp_path / "docs/bridge/courier.txt")),
                 DocumentInfo("bridge/gazette.txt", "0" * 64, path=None))
    paths = artifact_paths(dataclasses.replace(report, documents=documents))
    assert paths["bridge/courier.txt"] == "docs/bridge/courier.txt"
    assert paths["bridge/gazette.txt"] == "bridge/gazette.txt"  # no recorded path: its id
    assert paths["bridge/weird <b>.md"] == "bridge/weird <b>.md"  # a claim's document, not listed


def test_summary_and_gate_lines(report, agreeing_report):
    assert summary_line(report) == "2 discrepancies in 3 documents (6 claims): 1 unreviewed, 0 confirmed, 1 dismissed."
    assert gate_line(report, "unreviewed") == "Gate: failed: 1 discrepancy is unreviewed (--fail-on unreviewed)."
    assert gate_line(report, "confirmed") == \
        "Gate: failed: 1 discrepancy is unreviewed or confirmed (--fail-on confirmed)."
    assert gate_line(report, "none") == "Gate: off (--fail-on none)."
    assert gate_line(agreeing_report, "unreviewed") == "Gate: passed (--fail-on unreviewed)."
    one = dataclasses.replace(agreeing_report, documents=agreeing_report.documents[:1], claims=())
    assert summary_line(one) == "No discrepancies found in 1 document (0 claims checked): the documents agree."
