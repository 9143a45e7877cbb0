"""Acceptance on the seed documents: two known discrepancies, every format, then reviewed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from reconcile.cli import cli
from reports import FORMATS

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture()
def work(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)  # the decisions file and the cache go here
    return tmp_path


def _known_flags(report: dict) -> dict[str, str]:
    """The ids of the two known seed discrepancies: when ties began, how many projects."""
    texts = {claim["id"]: claim["text"] for claim in report["claims"]}
    wanted = {"diplomatic ties": ("1992", "1993"), "grassroots projects": ("459", "470")}
    found = {}
    for name, (one, other) in wanted.items():
        for discrepancy in report["discrepancies"]:
            claim_texts = " | ".join(texts[c] for c in discrepancy["claims"])
            if one in claim_texts and other in claim_texts:
                found[name] = discrepancy["id"]
    return found


def test_seeds_fail_until_both_discrepancies_are_reviewed(work):
    result = run("check", str(SEEDS), "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    flags = _known_flags(report)
    assert sorted(flags) == ["diplomatic ties", "grassroots projects"]
    assert len(report["discrepancies"]) == 2  # and nothing else is flagged
    for fmt in FORMATS:
        output = run("check", str(SEEDS), "--format", fmt)
        assert output.exit_code == 1, fmt
        for fingerprint in flags.values():
            assert fingerprint in output.stdout, (fmt, fingerprint)
    for fingerprint in flags.values():
        assert run("decide", fingerprint, "approve", str(SEEDS), "--by", "ana").exit_code == 0
    reviewed = run("check", str(SEEDS), "--format", "json")
    states = {d["id"]: d["review"]["state"] for d in json.loads(reviewed.stdout)["discrepancies"]}
    assert [states[fp] for fp in flags.values()] == ["confirmed", "confirmed"]
    assert reviewed.exit_code == 0
