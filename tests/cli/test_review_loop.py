"""The whole review loop with the real engine: decisions survive edits and repeats, new values are asked.

Each test works on a copy of a folder: check fails, every flag is decided, check passes; a
paragraph inserted at the top of a document and a new document repeating a decided value
keep it passing; a new document bringing a new value fails it again, with the new flag as
the only unreviewed one and the earlier decision on the fact shown as context.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from reconcile.cli import cli

ROOT = Path(__file__).resolve().parents[2]
TRANSIT = ROOT / "tests" / "corpora" / "transit" / "docs"
SEEDS = ROOT / "seeds"


def run(*args: str, input: str | None = None):
    return CliRunner(env={"FORCE_COLOR": None}).invoke(cli, list(args), input=input, catch_exceptions=False)


def check() -> tuple[int, list[dict]]:
    """Exit code and discrepancies of ``reconcile check docs``."""
    result = run("check", "docs", "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    return result.exit_code, json.loads(result.stdout)["discrepancies"]


def copy(folder: Path, tmp_path: Path, monkeypatch) -> Path:
    docs = tmp_path / "docs"
    shutil.copytree(folder, docs)
    monkeypatch.chdir(tmp_path)
    return docs


def flag_stating(discrepancies: list[dict], *values: str) -> dict:
    """The discrepancy whose values include all of ``values`` (exactly one must)."""
    found = [d for d in discrepancies if set(values) <= set(d["values"])]
    assert len(found) == 1, (f"the engine does not flag {' vs '.join(values)} as one discrepancy; it flags: "
                             f"{[(d['fact'], d['values']) for d in discrepancies]}")
    return found[0]


def decide_every_flag(flags: list[dict], reviewed: dict) -> dict[str, str]:
    """Decide ``reviewed`` with `decide` and every other flag in one interactive `review`.

    Returns the verdict expected for each fingerprint.
    """
    result = run("decide", reviewed["id"], "approve", "docs", "--by", "tester", "--value", reviewed["values"][0])
    assert result.exit_code == 0, result.stderr
    expected = {reviewed["id"]: "confirmed"}
    answers = []
    for n, d in enumerate(f for f in flags if f["id"] != reviewed["id"]):
        if n % 2 == 0:
            answers.append(f"r\nfalse flag {n}\n")  # reject: a note, no value
            expected[d["id"]] = "dismissed"
        else:
            answers.append(f"a\nreal {n}\n\n")  # approve: a note, then Enter for "not sure" of the value
            expected[d["id"]] = "confirmed"
    result = run("review", "docs", "--by", "tester", input="".join(answers))
    assert result.exit_code == 0, result.stdout
    assert result.stdout.count("Saved: ") == len(flags) - 1
    return expected


def insert_paragraph_at_top(path: Path, paragraph: str) -> None:
    text = path.read_text(encoding="utf-8")
    newline = "\r\n" if "\r\n" in text else "\n"
    path.write_text(paragraph + newline + newline + text, encoding="utf-8", newline="")


def walk_the_loop(docs: Path, *, values: tuple[str, str], edited: str, repeat: str, new_value: str,
                  new_text: str) -> None:
    code, flags = check()
    assert code == 1
    reviewed = flag_stating(flags, *values)
    expected = decide_every_flag(flags, reviewed)
    code, flags_after = check()
    assert code == 0
    assert {d["id"]: d["review"]["state"] for d in flags_after} == expected

    insert_paragraph_at_top(docs / edited, "Editor's note: this article was updated after publication.")
    code, after_insert = check()
    assert code == 0
    assert {d["id"] for d in after_insert} == {d["id"] for d in flags}

    (docs / "zz_repeat.txt").write_text(repeat, encoding="utf-8")
    code, after_repeat = check()
    assert code == 0, [(d["fact"], d["values"]) for d in after_repeat if d["review"]["state"] == "unreviewed"]

    (docs / "zz_new_value.txt").write_text(new_text, encoding="utf-8")
    code, after_new = check()
    assert code == 1
    unreviewed = [d for d in after_new if d["review"]["state"] == "unreviewed"]
    assert len(unreviewed) == 1, [(d["fact"], d["values"]) for d in unreviewed]
    new = unreviewed[0]
    assert set(values) | {new_value} <= set(new["values"])
    assert any(claim.startswith("zz_new_value.txt:") for claim in new["claims"])
    earlier = new["review"].get("earlier", [])
    assert reviewed["id"] in [e["fingerprint"] for e in earlier]
    assert all(d["review"]["state"] != "unreviewed" for d in after_new if d["id"] != new["id"])
    # the decision on the old values no longer matches a flag (stale) and is kept until pruned
    assert reviewed["id"] not in {d["id"] for d in after_new}
    assert reviewed["id"] in json.loads(Path("reconcile-decisions.json").read_text())["decisions"]


def test_the_full_loop_on_a_copy_of_a_fixture_corpus(tmp_path, monkeypatch):
    docs = copy(TRANSIT, tmp_path, monkeypatch)
    walk_the_loop(
        docs, values=("8.6 km", "6.8 km"), edited="a01_bta_press-release-opening.txt",
        repeat="Metro news\n\nOf the new route, 8.6 km is in a bored tunnel beneath the Old Harbour.\n",
        new_value="7.2 km",
        # the press release's sentence restated with another value: the plainest conflict there is
        new_text=("Metro news\n\nOf the new route, 7.2 km is in a bored tunnel beneath the Old Harbour and the "
                  "Sundby district; the rest runs on a viaduct across the Kessel canal and at ground level "
                  "alongside the coastal railway.\n"))


@pytest.mark.parametrize("new_text", [
    "Over the years, the Japanese embassy has supported 480 grassroots projects in Tajikistan worth "
    "over 38 million dollars.\n",
    # said bare, with no amount beside it: the pair model scores the 480 at 0.83 against 459,
    # under what a new value needs to join a flagged fact; it binds a repeated 470 instead,
    # and that 470 restates the flagged one (reconcile.engine._joined_by_restatements)
    "Over the years, the Japanese embassy has supported 480 grassroots projects in Tajikistan.\n",
], ids=["with-its-amount", "bare"])
def test_the_full_loop_on_a_copy_of_the_seeds(tmp_path, monkeypatch, new_text):
    """The loop on the seeds: both flags decided (1992 vs 1993, 459 vs 470), then the grassroots
    projects repeated (470) and contradicted (480)."""
    docs = copy(SEEDS, tmp_path, monkeypatch)
    walk_the_loop(
        docs, values=("459", "470"), edited="000_451ff97784bbac8b.txt",
        repeat=("In Tajikistan, Japan's Grassroots and Human Security programme has implemented 470 "
                "humanitarian projects.\n"),
        new_value="480", new_text=new_text)
