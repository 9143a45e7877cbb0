"""The review commands through the CLI: decide, decisions, prune-decisions, merge-decisions, review.

The engine is replaced here by a transparent one (claims of one kind and unit with different
texts are one flag, fingerprinted by the real :func:`reconcile.engine.fingerprint`), so these
tests pin the commands' behaviour and exact output while the matching engine is tuned.  The
full loops with the real engine are in ``test_review_loop.py``.
"""

from __future__ import annotations

import json
import os
import select
import shlex
import shutil
import subprocess
import sys
import termios
import time
from collections import defaultdict
from pathlib import Path

import pytest
from click.testing import CliRunner

import reconcile.decisions
import reconcile.pipeline
from reconcile.cli import cli
from reconcile.engine import Reconciliation, fingerprint
from reconcile.model import Discrepancy

DOCS = {
    "courier.txt": "Harlow news\n\nThe Harlow Bridge opened to traffic in 1992.\n",
    "gazette.txt": "The Harlow Bridge opened to traffic in 1993.\n",
    "tolls.txt": "A crossing of the Harlow Bridge costs 4 euros.\n",
    "fares.txt": "A crossing of the Harlow Bridge costs 5 euros.\n",
}
BRIDGE = fingerprint(("date",), ["1992", "1993"])  # 99f5dc17...: sorts, and so is reviewed, first
TOLL = fingerprint(("money",), ["4 euros", "5 euros"])  # e73be0aa...
NOW = "2026-11-23T10:15:00Z"


def transparent_engine(claims, *, config=None, **_options) -> Reconciliation:
    """One flag per kind whose claims read differently; confidence 0.9 (0.3 for money)."""
    by_kind = defaultdict(list)
    for claim in claims:
        by_kind[claim.kind].append(claim)
    flags = []
    for kind, group in by_kind.items():
        values = sorted({c.text for c in group})
        confidence = 0.3 if kind == "money" else 0.9
        if len(values) < 2 or (config is not None and confidence < config.min_confidence):
            continue
        flags.append(Discrepancy(
            id=fingerprint((kind,), values), fact=f"{kind}: harlow bridge", fact_key=kind, klass="conflict",
            claims=tuple(group), values=tuple(values),
            sides=tuple(tuple(c.id for c in group if c.text == v) for v in values),
            explanation="The sentences speak of the Harlow Bridge.", confidence=confidence))
    return Reconciliation(tuple(sorted(flags, key=lambda d: d.id)), ())


@pytest.fixture
def docs(tmp_path, monkeypatch):
    """A folder of four short documents, the working directory, and the transparent engine."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(reconcile.pipeline, "reconcile", transparent_engine)
    monkeypatch.setattr(reconcile.decisions, "utc_now", lambda: NOW)
    monkeypatch.setenv("USER", "alice")
    monkeypatch.setenv("LOGNAME", "alice")
    return folder


def run(*args: str, input: str | None = None):
    runner = CliRunner(env={"FORCE_COLOR": None, "NO_COLOR": None, "COLUMNS": "200"})
    return runner.invoke(cli, list(args), input=input, catch_exceptions=False)


def check_states(*args: str) -> tuple[int, dict[str, str]]:
    result = run("check", "docs", "--format", "json", "--min-confidence", "0", *args)
    report = json.loads(result.stdout)
    return result.exit_code, {d["id"]: d["review"]["state"] for d in report["discrepancies"]}


def decisions_file(tmp_path, name: str = "reconcile-decisions.json") -> dict:
    return json.loads((tmp_path / name).read_text(encoding="utf-8"))


# ---------------------------------------------------------------- decide and the gate

def test_decide_records_a_verdict_that_check_then_honours(docs, tmp_path):
    assert check_states() == (1, {BRIDGE: "unreviewed", TOLL: "unreviewed"})
    result = run("decide", BRIDGE, "approve", "docs", "--note", "the plaque says 1992", "--value", "1992")
    assert (result.exit_code, result.stdout, result.stderr) == (
        0, f"Recorded {BRIDGE}: confirmed by alice (date: harlow bridge: 1992 vs 1993).\n", "")
    assert decisions_file(tmp_path) == {"version": 1, "decisions": {BRIDGE: {
        "verdict": "confirmed", "by": "alice", "at": NOW, "note": "the plaque says 1992", "value": "1992",
        "fact": "date: harlow bridge", "fact_key": "date", "values": ["1992", "1993"]}}}
    assert check_states() == (1, {BRIDGE: "confirmed", TOLL: "unreviewed"})
    result = run("decide", TOLL, "reject", "docs", "--by", "bob")
    assert result.stdout == f"Recorded {TOLL}: dismissed by bob (money: harlow bridge: 4 euros vs 5 euros).\n"
    assert check_states() == (0, {BRIDGE: "confirmed", TOLL: "dismissed"})


@pytest.mark.parametrize(("fail_on", "code"), [("unreviewed", 0), ("confirmed", 1), ("none", 0)])
def test_fail_on_chooses_which_review_states_fail_the_gate(docs, fail_on, code):
    run("decide", BRIDGE, "approve", "docs")
    run("decide", TOLL, "reject", "docs")
    assert check_states("--fail-on", fail_on)[0] == code


def test_fail_on_none_passes_even_with_unreviewed_flags_and_config_sets_the_default(docs, tmp_path):
    assert check_states("--fail-on", "none")[0] == 0
    (tmp_path / "reconcile.toml").write_text('fail_on = "none"\ndecisions = "review/decisions.json"\n')
    assert check_states()[0] == 0
    (tmp_path / "review").mkdir()
    run("decide", BRIDGE, "approve", "docs")
    assert list(decisions_file(tmp_path, "review/decisions.json")["decisions"]) == [BRIDGE]


def test_deciding_again_changes_the_verdict_without_paths(docs, tmp_path):
    run("decide", BRIDGE, "approve", "docs", "--value", "1992")
    result = run("decide", BRIDGE, "reject", "--note", "two bridges", "--by", "bob")
    assert (result.exit_code, result.stdout) == (
        0, f"Changed {BRIDGE}: confirmed -> dismissed by bob (date: harlow bridge: 1992 vs 1993).\n")
    entry = decisions_file(tmp_path)["decisions"][BRIDGE]
    assert (entry["verdict"], entry["by"], entry["note"], entry["value"], entry["values"]) == (
        "dismissed", "bob", "two bridges", None, ["1992", "1993"])


def test_decide_on_an_unknown_fingerprint_is_an_error_that_says_what_to_do(docs, tmp_path):
    result = run("decide", "0000000000000000", "approve", "docs")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2, "", "Error: no discrepancy in docs has fingerprint 0000000000000000; "
               "`reconcile check docs` lists the fingerprints\n")
    result = run("decide", "0000000000000000", "approve")
    assert (result.exit_code, result.stderr) == (
        2, "Error: 0000000000000000 is not in reconcile-decisions.json; give the PATH... where "
           "`reconcile check` found it: reconcile decide 0000000000000000 approve PATH...\n")
    assert not (tmp_path / "reconcile-decisions.json").exists()


def test_decide_accepts_a_flag_below_the_reporting_floor(docs, tmp_path):
    # the money flag has confidence 0.3: check hides it at the default 0.5, decide still finds it
    assert check_states("--min-confidence", "0.5")[1] == {BRIDGE: "unreviewed"}
    assert run("decide", TOLL, "reject", "docs").exit_code == 0


def test_a_malformed_decisions_file_stops_every_command_and_is_never_rewritten(docs, tmp_path):
    path = tmp_path / "reconcile-decisions.json"
    path.write_text('{"version": 1, "decisions": {\n', encoding="utf-8")
    before = path.read_bytes()
    message = ("Error: reconcile-decisions.json: not valid JSON (Expecting property name enclosed in double "
               "quotes: line 2 column 1 (char 30)); fix the file by hand or restore it from git (it is left "
               "as it is)\n")
    for args in (["check", "docs", "--format", "json"], ["decide", BRIDGE, "approve", "docs"],
                 ["decisions"], ["prune-decisions", "docs"], ["review", "docs"]):
        result = run(*args, input="a\n\n\n")
        assert (result.exit_code, result.stdout, result.stderr) == (2, "", message), args
    assert path.read_bytes() == before


def test_check_reads_the_decisions_file_and_never_writes_it(docs, tmp_path):
    assert check_states()[0] == 1
    assert not (tmp_path / "reconcile-decisions.json").exists()
    run("decide", BRIDGE, "approve", "docs")
    path = tmp_path / "reconcile-decisions.json"
    before, stamp = path.read_bytes(), path.stat().st_mtime_ns
    check_states()
    assert (path.read_bytes(), path.stat().st_mtime_ns) == (before, stamp)
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == [
        "docs", "reconcile-decisions.json"]


# ---------------------------------------------------------------- listing and pruning

def test_decisions_lists_each_decision_and_with_paths_which_are_stale(docs, tmp_path):
    assert run("decisions").stdout == "No decisions in reconcile-decisions.json.\n"
    run("decide", BRIDGE, "approve", "docs", "--note", "the plaque says 1992", "--value", "1992")
    run("decide", TOLL, "reject", "docs", "--by", "bob")
    assert run("decisions").stdout == (  # sorted by fingerprint, as in the file
        f"{BRIDGE}  confirmed by alice at {NOW}\n"
        "    date: harlow bridge: 1992 vs 1993; correct value 1992\n"
        "    note: the plaque says 1992\n"
        f"{TOLL}  dismissed by bob at {NOW}\n"
        "    money: harlow bridge: 4 euros vs 5 euros\n"
        "2 decisions in reconcile-decisions.json.\n")
    (docs / "fares.txt").write_text("A crossing of the Harlow Bridge costs 4 euros.\n")  # the toll flag is gone
    result = run("decisions", "docs")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert f"{TOLL}  stale    dismissed by bob at {NOW}" in lines
    assert f"{BRIDGE}  current  confirmed by alice at {NOW}" in lines
    assert lines[-1] == ("2 decisions in reconcile-decisions.json; 1 stale (no discrepancy in docs has its "
                         "fingerprint): `reconcile prune-decisions docs` removes them.")
    data = json.loads(run("decisions", "docs", "--json").stdout)
    assert data["file"] == "reconcile-decisions.json" and data["stale"] == [TOLL]
    assert {d["fingerprint"]: d["stale"] for d in data["decisions"]} == {TOLL: True, BRIDGE: False}
    assert {d["fingerprint"]: d["verdict"] for d in data["decisions"]} == {TOLL: "dismissed", BRIDGE: "confirmed"}
    assert json.loads(run("decisions", "--json").stdout)["stale"] is None


def test_prune_removes_only_stale_decisions_and_says_which(docs, tmp_path):
    run("decide", BRIDGE, "approve", "docs")
    run("decide", TOLL, "reject", "docs", "--by", "bob")
    assert run("prune-decisions", "docs").stdout == (
        "Nothing to prune: every decision in reconcile-decisions.json matches a discrepancy in docs.\n")
    (docs / "fares.txt").unlink()
    dry = run("prune-decisions", "docs", "--dry-run")
    assert dry.stdout == f"Would remove {TOLL}: dismissed by bob (money: harlow bridge: 4 euros vs 5 euros).\n"
    assert set(decisions_file(tmp_path)["decisions"]) == {BRIDGE, TOLL}
    result = run("prune-decisions", "docs")
    assert (result.exit_code, result.stdout) == (
        0, f"Removed {TOLL}: dismissed by bob (money: harlow bridge: 4 euros vs 5 euros).\n")
    assert set(decisions_file(tmp_path)["decisions"]) == {BRIDGE}
    assert check_states()[0] == 0  # nothing was pruned silently: the bridge verdict still holds


# ---------------------------------------------------------------- merge driver

def write(path, decisions: dict) -> str:
    path.write_text(json.dumps({"version": 1, "decisions": decisions}, indent=2) + "\n", encoding="utf-8")
    return str(path)


def entry(verdict: str, by: str) -> dict:
    return {"verdict": verdict, "by": by, "at": NOW, "note": "", "value": None, "fact": "date: harlow bridge",
            "fact_key": "date", "values": ["1992", "1993"]}


def test_merge_decisions_writes_the_union_into_ours(tmp_path):
    base = write(tmp_path / "base", {})
    ours = write(tmp_path / "ours", {BRIDGE: entry("confirmed", "alice")})
    theirs = write(tmp_path / "theirs", {TOLL: entry("dismissed", "bob")})
    result = run("merge-decisions", base, ours, theirs)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert set(json.loads((tmp_path / "ours").read_text())["decisions"]) == {BRIDGE, TOLL}


def test_merge_decisions_stops_on_different_verdicts_and_leaves_a_readable_file(tmp_path):
    base = write(tmp_path / "base", {})
    ours = write(tmp_path / "ours", {BRIDGE: entry("confirmed", "alice"), TOLL: entry("dismissed", "bob")})
    theirs = write(tmp_path / "theirs", {BRIDGE: entry("dismissed", "carol")})
    result = run("merge-decisions", base, ours, theirs)
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", (
        f"decision conflict on {BRIDGE} (date: harlow bridge): ours confirmed by alice, theirs dismissed by "
        f"carol; left undecided, decide it again with `reconcile decide {BRIDGE} approve|reject PATH...`\n"))
    listed = run("decisions", "--decisions", ours)
    assert listed.exit_code == 0 and listed.stdout.endswith(f"1 decision in {ours}.\n")
    assert list(json.loads((tmp_path / "ours").read_text())["decisions"]) == [TOLL]


def test_merge_decisions_refuses_a_malformed_side_and_leaves_ours_alone(tmp_path):
    base = write(tmp_path / "base", {})
    ours = write(tmp_path / "ours", {BRIDGE: entry("confirmed", "alice")})
    (tmp_path / "theirs").write_text("<<<<<<< HEAD\n")
    before = (tmp_path / "ours").read_bytes()
    result = run("merge-decisions", base, ours, str(tmp_path / "theirs"))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {tmp_path / 'theirs'}: holds git conflict markers")
    assert (tmp_path / "ours").read_bytes() == before


# ---------------------------------------------------------------- interactive review

CARD_BRIDGE = f"""\
[1/2] {BRIDGE}  conflict  confidence 0.90
date: harlow bridge: 1992 vs 1993
  1992
    courier.txt, line 3: The Harlow Bridge opened to traffic in «1992».
  1993
    gazette.txt, line 1: The Harlow Bridge opened to traffic in «1993».
  Why: The sentences speak of the Harlow Bridge.
"""


def test_review_walks_each_unreviewed_flag_and_saves_every_answer(docs, tmp_path):
    result = run("review", "docs", "--min-confidence", "0", input="a\nthe plaque says 1992\n1\nr\ntypo\n")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(CARD_BRIDGE)
    assert ("[a]pprove  [r]eject  [s]kip  [q]uit > a\n"
            "Note (Enter for none): the plaque says 1992\n"
            "Correct value? 1) 1992  2) 1993, or type it (Enter: not sure): 1\n"
            "Saved: confirmed by alice, correct value 1992.\n") in result.stdout
    assert ("[a]pprove  [r]eject  [s]kip  [q]uit > r\n"
            "Note (Enter for none): typo\n"
            "Saved: dismissed by alice.\n") in result.stdout
    assert result.stdout.endswith("Decided 2: 1 confirmed, 1 dismissed; 0 left unreviewed; "
                                  "saved in reconcile-decisions.json.\n")
    decisions = decisions_file(tmp_path)["decisions"]
    assert {fp: (d["verdict"], d["note"], d["value"]) for fp, d in decisions.items()} == {
        BRIDGE: ("confirmed", "the plaque says 1992", "1992"), TOLL: ("dismissed", "typo", None)}
    assert check_states()[0] == 0


def test_review_saves_before_quitting_and_asks_only_what_is_left(docs, tmp_path):
    result = run("review", "docs", "--min-confidence", "0", "--by", "bob", input="a\n\n\nq\n")
    assert result.exit_code == 1
    assert result.stdout.endswith("[a]pprove  [r]eject  [s]kip  [q]uit > q\n"
                                  "Stopped; every answer given so far is saved.\n"
                                  "Decided 1: 1 confirmed, 0 dismissed; 1 left unreviewed; "
                                  "saved in reconcile-decisions.json.\n")
    assert {fp: d["by"] for fp, d in decisions_file(tmp_path)["decisions"].items()} == {BRIDGE: "bob"}
    again = run("review", "docs", "--min-confidence", "0", input="s\n")
    assert again.exit_code == 1
    assert again.stdout.startswith(f"[1/1] {TOLL}  conflict  confidence 0.30\n")
    assert again.stdout.count("[a]pprove") == 1 and BRIDGE not in again.stdout
    assert again.stdout.endswith("Skipped.\n\nDecided 0: 0 confirmed, 0 dismissed; 1 left unreviewed; "
                                 "saved in reconcile-decisions.json.\n")


def test_review_shows_the_earlier_decision_and_end_of_input_quits(docs, tmp_path):
    run("decide", BRIDGE, "reject", "docs", "--note", "typo in the gazette")
    (docs / "extra.txt").write_text("The Harlow Bridge opened to traffic in 1994.\n")
    result = run("review", "docs", input="")
    new = fingerprint(("date",), ["1992", "1993", "1994"])
    assert result.exit_code == 1
    assert f"[1/1] {new}  conflict  confidence 0.90\n" in result.stdout
    assert (f"  Earlier on this fact: dismissed by alice on {NOW}: typo in the gazette, when it read 1992 vs 1993\n"
            "[a]pprove  [r]eject  [s]kip  [q]uit > \nStopped;") in result.stdout
    assert BRIDGE in decisions_file(tmp_path)["decisions"]


def test_review_with_nothing_to_review_says_so(docs):
    run("decide", BRIDGE, "approve", "docs")
    result = run("review", "docs")
    assert (result.exit_code, result.stdout) == (
        0, "All 1 discrepancies are reviewed (--all goes through them again).\n")
    result = run("review", "docs", "--all", input="r\n\n")
    assert result.exit_code == 0
    assert f"  Already confirmed by alice on {NOW}\n" in result.stdout
    assert decisions_file(docs.parent)["decisions"][BRIDGE]["verdict"] == "dismissed"


# ---------------------------------------------------------------- a real terminal

CHILD = """
import sys
sys.path.insert(0, {tests!r})
import reconcile.pipeline
from test_review import transparent_engine
reconcile.pipeline.reconcile = transparent_engine
from reconcile.cli import main
sys.argv = ["reconcile", "review", "docs", "--by", "pat", "--min-confidence", "0"]
main()
"""


class Pty:
    """A child process on a pseudo-terminal, read until an expected text appears."""

    def __init__(self, argv: list[str], cwd, env: dict[str, str]) -> None:
        import pty

        self.master, slave = pty.openpty()
        self.process = subprocess.Popen(argv, cwd=cwd, env=env, stdin=slave, stdout=slave, stderr=slave,
                                        start_new_session=True)
        os.close(slave)
        self.seen = b""

    def expect(self, text: str, *, limit: float = 120.0) -> None:
        """Read until ``text`` shows (``limit`` only stops a hung child; it is not a speed check)."""
        deadline = time.monotonic() + limit
        while text.encode() not in self.seen:
            ready, _, _ = select.select([self.master], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                self.process.kill()
                raise AssertionError(f"never saw {text!r} in {self.seen.decode(errors='replace')!r}")
            try:
                chunk = os.read(self.master, 4096)
            except OSError:  # the child closed the terminal
                chunk = b""
            if not chunk:
                raise AssertionError(f"ended before {text!r}: {self.seen.decode(errors='replace')!r}")
            self.seen += chunk
        self.seen = self.seen[self.seen.index(text.encode()) + len(text):]

    def press(self, key: str, *, limit: float = 120.0) -> None:
        """Press one key once the child reads single keys (a key typed earlier would be flushed)."""
        deadline = time.monotonic() + limit
        while termios.tcgetattr(self.master)[3] & termios.ICANON:
            assert time.monotonic() < deadline, "the child never switched the terminal to single keys"
            time.sleep(0.01)
        os.write(self.master, key.encode())

    def type(self, line: str) -> None:
        """Type a line and Enter."""
        os.write(self.master, line.encode() + b"\r")

    def wait(self) -> int:
        code = self.process.wait(timeout=120)
        os.close(self.master)
        return code


def test_review_on_a_pseudo_terminal_takes_single_keys_without_enter(docs, tmp_path):
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200", "PYTHONPATH": os.pathsep.join(sys.path)}
    child = Pty([sys.executable, "-c", CHILD.format(tests=str(Path(__file__).parent))], tmp_path, env)
    child.expect(f"[1/2] {BRIDGE}")
    child.expect("[a]pprove  [r]eject  [s]kip  [q]uit > ")
    child.press("a")  # one key, no Enter
    child.expect("Note (Enter for none): ")
    child.type("seen on the pty")
    child.expect("or type it (Enter: not sure): ")
    child.type("2")
    child.expect("Saved: confirmed by pat, correct value 1993.")
    child.expect(f"[2/2] {TOLL}")
    child.expect("[q]uit > ")
    child.press("q")
    child.expect("Stopped; every answer given so far is saved.")
    assert child.wait() == 1  # one flag is left unreviewed
    entry = decisions_file(tmp_path)["decisions"][BRIDGE]
    assert (entry["verdict"], entry["by"], entry["note"], entry["value"]) == (
        "confirmed", "pat", "seen on the pty", "1993")
    assert list(decisions_file(tmp_path)["decisions"]) == [BRIDGE]


# ---------------------------------------------------------------- git: the merge driver

GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def git(repo, *args: str, ok: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True,
                            env={**os.environ, **GIT_ENV, "PYTHONPATH": os.pathsep.join(sys.path)})
    if ok:
        assert result.returncode == 0, result.stderr
    return result


@pytest.fixture
def repo(docs, tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    """A git repository holding the documents, with the merge driver set up as the README says."""
    (tmp_path / ".gitattributes").write_text("reconcile-decisions.json merge=reconcile\n")
    # the claims cache is a local file the project's README tells users to keep out of git
    (tmp_path / ".gitignore").write_text(".reconcile/\n")
    git(tmp_path, "init", "-q", "-b", "main")
    driver = f"{shlex.quote(sys.executable)} -m reconcile merge-decisions %O %A %B"
    git(tmp_path, "config", "merge.reconcile.driver", driver)
    git(tmp_path, "config", "merge.reconcile.name", "claim-reconcile decisions")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "documents")
    return tmp_path


def decide_on_branch(repo, branch: str, fingerprint_: str, answer: str, by: str) -> None:
    git(repo, "checkout", "-q", "-b", branch, "main")
    assert run("decide", fingerprint_, answer, "docs", "--by", by).exit_code == 0
    git(repo, "add", "reconcile-decisions.json")
    git(repo, "commit", "-q", "-m", f"{by} decides")


def test_two_branches_deciding_different_flags_merge_cleanly(repo):
    decide_on_branch(repo, "alice", BRIDGE, "approve", "alice")
    decide_on_branch(repo, "bob", TOLL, "reject", "bob")
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "alice")
    merged = git(repo, "merge", "-q", "--no-edit", "bob")  # both branches added the file: the driver merges
    assert merged.returncode == 0
    decisions = decisions_file(repo)["decisions"]
    assert {fp: (d["verdict"], d["by"]) for fp, d in decisions.items()} == {
        BRIDGE: ("confirmed", "alice"), TOLL: ("dismissed", "bob")}
    assert "<<<<<<<" not in (repo / "reconcile-decisions.json").read_text()
    assert check_states() == (0, {BRIDGE: "confirmed", TOLL: "dismissed"})
    assert git(repo, "status", "--porcelain").stdout == ""


def test_two_branches_deciding_one_flag_differently_stop_with_a_one_line_message(repo):
    decide_on_branch(repo, "alice", BRIDGE, "approve", "alice")
    decide_on_branch(repo, "carol", BRIDGE, "reject", "carol")
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "alice")
    run("decide", TOLL, "reject", "docs", "--by", "alice")
    git(repo, "commit", "-q", "-am", "alice again")
    merged = git(repo, "merge", "--no-edit", "carol", ok=False)
    assert merged.returncode == 1
    message = (f"decision conflict on {BRIDGE} (date: harlow bridge): ours confirmed by alice, theirs dismissed "
               f"by carol; left undecided, decide it again with `reconcile decide {BRIDGE} approve|reject PATH...`")
    assert message in (merged.stdout + merged.stderr).splitlines()
    # the file is still a decisions file: the other decision stands, the disputed one is asked again
    assert check_states() == (1, {BRIDGE: "unreviewed", TOLL: "dismissed"})
    assert run("decide", BRIDGE, "approve", "docs", "--note", "agreed with carol").exit_code == 0
    git(repo, "add", "reconcile-decisions.json")
    git(repo, "commit", "-q", "--no-edit")
    assert check_states()[0] == 0
    assert git(repo, "status", "--porcelain").stdout == ""


def test_a_later_change_of_verdict_on_one_branch_is_taken_without_conflict(repo):
    decide_on_branch(repo, "alice", BRIDGE, "approve", "alice")
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "alice")
    decide_on_branch(repo, "carol", BRIDGE, "reject", "carol")  # carol saw alice's verdict and changed it
    git(repo, "checkout", "-q", "main")
    run("decide", TOLL, "reject", "docs", "--by", "alice")
    git(repo, "commit", "-q", "-am", "alice again")
    assert git(repo, "merge", "-q", "--no-edit", "carol").returncode == 0
    assert check_states() == (0, {BRIDGE: "dismissed", TOLL: "dismissed"})


def test_check_on_a_branch_leaves_git_status_clean(repo):
    decide_on_branch(repo, "alice", BRIDGE, "approve", "alice")
    for args in (["check", "docs"], ["check", "docs", "--format", "json", "--fail-on", "none"],
                 ["decisions", "docs"]):
        run(*args)
        assert git(repo, "status", "--porcelain", "--untracked-files=all").stdout == "", args
