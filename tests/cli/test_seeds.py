"""Acceptance on the seed documents: the gate in every format until reviewed; the two known discrepancies."""

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


#: The seeds' two known discrepancies (../shared/eval/seeds.gold.json): when diplomatic
#: ties began, and how many grassroots projects the embassy funded.
KNOWN = {"diplomatic ties": ("1992", "1993"), "grassroots projects": ("459", "470")}
def _flag_ids(report: dict, one: str, other: str) -> list[str]:
    texts = {claim["id"]: claim["text"] for claim in report["claims"]}
    return [d["id"] for d in report["discrepancies"]
            if any(one in texts[c] for c in d["claims"]) and any(other in texts[c] for c in d["claims"])]


@pytest.mark.parametrize("name", ["diplomatic ties", "grassroots projects"],
                         ids=lambda n: n.replace(" ", "-"))
def test_the_known_seed_discrepancy_is_flagged(work, name):
    report = json.loads(run("check", str(SEEDS), "--format", "json").stdout)
    assert len(_flag_ids(report, *KNOWN[name])) == 1


def test_the_seeds_gate_follows_their_flags_in_every_format(work):
    """Whatever the engine flags in the seeds fails the gate, in every format, until reviewed."""
    result = run("check", str(SEEDS), "--format", "json")
    report = json.loads(result.stdout)
    flags = [d["id"] for d in report["discrepancies"]]
    assert flags and result.exit_code == 1
    assert len(report["claims"]) > 100  # every claim is reported, not only flagged ones
    assert {d["id"] for d in report["documents"]} == {p.name for p in SEEDS.glob("*.txt")}
    for fmt in FORMATS:
        output = run("check", str(SEEDS), "--format", fmt)
        assert output.exit_code == result.exit_code, fmt
        for fingerprint in flags:
            assert fingerprint in output.stdout, (fmt, fingerprint)
    for fingerprint in flags:
        assert run("decide", fingerprint, "approve", str(SEEDS), "--by", "ana").exit_code == 0
    reviewed = run("check", str(SEEDS), "--format", "json")
    states = {d["id"]: d["review"]["state"] for d in json.loads(reviewed.stdout)["discrepancies"]}
    assert [states[fp] for fp in flags] == ["confirmed"] * len(flags)
    assert reviewed.exit_code == 0


def test_the_seeds_flag_their_two_discrepancies_and_nothing_else(work):
    report = json.loads(run("check", str(SEEDS), "--format", "json").stdout)
    texts = {claim["id"]: claim["text"] for claim in report["claims"]}
    flagged = sorted(sorted({texts[c] for c in d["claims"]}) for d in report["discrepancies"])
    assert flagged == [["1993", "February 1992"], ["459", "470"]]
