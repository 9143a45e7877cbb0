"""The decisions file: its format, atomic and locked writes, reviews on a fresh scan, merges."""

from __future__ import annotations

import difflib
import json
import multiprocessing
import os
import threading

import pytest

from reconcile.decisions import (
    FORMAT_VERSION,
    dump_decisions,
    load_decisions,
    locked,
    merge_decisions,
    new_decision,
    parse_decisions,
    record_decision,
    remove_decisions,
    reviews_for,
    stale_decisions,
    write_decisions,
)
from reconcile.engine import fingerprint
from reconcile.errors import DecisionsError
from reconcile.model import Decision, Discrepancy, Review


def flag(values: tuple[str, ...], *, fact: str = "number: grassroots projects", key: str = "count") -> Discrepancy:
    """A hand-built discrepancy whose id is the engine's fingerprint of its block and values."""
    return Discrepancy(id=fingerprint(tuple(key.split("|")), values), fact=fact, fact_key=key, klass="conflict",
                       claims=(), values=values, sides=tuple((f"d{i}.txt:0-3",) for i in range(len(values))),
                       explanation="The sentences speak of grassroots projects.", confidence=0.9)


PROJECTS = flag(("459", "470"))
TIES = flag(("1992", "1993"), fact="date: diplomatic ties", key="date")


def decided(discrepancy: Discrepancy, verdict: str = "confirmed", *, by: str = "alice",
            at: str = "2026-11-23T10:15:00Z", note: str = "", value: str | None = None) -> Decision:
    return new_decision(discrepancy, verdict, by=by, at=at, note=note, value=value)


# ---------------------------------------------------------------- the format

def test_the_file_is_versioned_sorted_pretty_and_holds_decisions_only():
    decisions = {d.fingerprint: d for d in (decided(TIES, "dismissed", by="bob", note="two events"),
                                            decided(PROJECTS, value="459"))}
    text = dump_decisions(decisions)
    first, second = sorted([PROJECTS.id, TIES.id])
    assert text.endswith("}\n") and not text.endswith("\n\n")
    data = json.loads(text)
    assert list(data) == ["version", "decisions"]
    assert data["version"] == FORMAT_VERSION
    assert list(data["decisions"]) == [first, second]
    assert data["decisions"][PROJECTS.id] == {
        "verdict": "confirmed", "by": "alice", "at": "2026-11-23T10:15:00Z", "note": "", "value": "459",
        "fact": "number: grassroots projects", "fact_key": "count", "values": ["459", "470"]}
    # nothing volatile: no line numbers, offsets, generated_at or tool version anywhere
    for word in ("line", "start", "generated", "tool", "claims"):
        assert word not in text
    assert dump_decisions(dict(reversed(list(decisions.items())))) == text


def _hunks(old: str, new: str) -> int:
    """How many hunks a diff with git's default three lines of context shows."""
    diff = difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=3)
    return sum(1 for line in diff if line.startswith("@@"))


def test_adding_or_changing_one_decision_is_one_hunk_of_a_diff():
    others = [decided(flag((str(n), str(n + 1)))) for n in range(6)]
    before = {d.fingerprint: d for d in others}
    added = dump_decisions({**before, PROJECTS.id: decided(PROJECTS)})
    assert _hunks(dump_decisions(before), added) == 1
    changed = dump_decisions({**before, PROJECTS.id: decided(PROJECTS, "dismissed", note="same project")})
    assert _hunks(added, changed) == 1


def test_a_round_trip_gives_the_same_decisions_and_the_same_bytes(tmp_path):
    path = tmp_path / "reconcile-decisions.json"
    decisions = {PROJECTS.id: decided(PROJECTS, note="ünïcode ✓ kept", value="459"), TIES.id: decided(TIES)}
    write_decisions(path, decisions)
    assert load_decisions(path) == decisions
    before = path.read_bytes()
    write_decisions(path, load_decisions(path))
    assert path.read_bytes() == before
    assert "ünïcode ✓ kept" in path.read_text(encoding="utf-8")


def test_a_missing_or_empty_file_holds_no_decisions(tmp_path):
    assert load_decisions(tmp_path / "nope.json") == {}
    (tmp_path / "empty.json").write_text("")
    assert load_decisions(tmp_path / "empty.json") == {}


@pytest.mark.parametrize(("text", "problem"), [
    ("{not json", "not valid JSON (Expecting property name enclosed in double quotes: line 1 column 2 (char 1))"),
    ("[]", 'not a decisions file (expected {"version": 1, "decisions": {...}})'),
    ('{"decisions": {}}', 'not a decisions file (expected {"version": 1, "decisions": {...}})'),
    ('{"version": "1", "decisions": {}}', "unknown format version '1' (expected 1)"),
    ('{"version": 1, "decisions": [], "x": 1}', "unknown top-level key 'x'"),
    ('{"version": 1, "decisions": []}', '"decisions" must be an object keyed by fingerprint'),
    ('{"version": 1, "decisions": {"ab": 3}}', "decision 'ab': must be an object"),
    ('{"version": 1, "decisions": {"ab": {"verdict": "confirmed", "by": "a"}}}', "decision 'ab': missing 'at'"),
    ('{"version": 1, "decisions": {"ab": {"verdict": "maybe", "by": "a", "at": "2026-01-01T00:00:00Z"}}}',
     "decision 'ab': verdict must be confirmed or dismissed, not 'maybe'"),
    ('{"version": 1, "decisions": {"ab": {"verdict": "confirmed", "by": "a", "at": "yesterday"}}}',
     "decision 'ab': 'at' must be an ISO 8601 time such as 2026-11-23T10:15:00Z, not 'yesterday'"),
    ('{"version": 1, "decisions": {"ab": {"verdict": "confirmed", "by": "a", "at": "2026-01-01T00:00:00Z", '
     '"values": [1992]}}}', "decision 'ab': 'values' must be a list of strings"),
    ('{"version": 1, "decisions": {"ab": {"verdict": "confirmed", "by": "a", "at": "2026-01-01T00:00:00Z", '
     '"line": 3}}}', "decision 'ab': unknown key 'line'"),
])
def test_a_malformed_file_is_an_error_naming_the_file_and_the_fix(text, problem):
    with pytest.raises(DecisionsError) as caught:
        parse_decisions(text, source="team.json")
    assert str(caught.value) == (f"team.json: {problem}; fix the file by hand or restore it from git "
                                 "(it is left as it is)")


def test_a_newer_format_asks_for_an_upgrade_and_conflict_markers_ask_for_a_merge():
    with pytest.raises(DecisionsError, match=r"^d\.json: format version 2 is newer than this claim-reconcile "
                                             r"reads \(1\); upgrade claim-reconcile$"):
        parse_decisions('{"version": 2, "decisions": {}}', source="d.json")
    text = '{\n<<<<<<< HEAD\n  "version": 1,\n=======\n  "version": 1,\n>>>>>>> other\n}\n'
    with pytest.raises(DecisionsError, match=r"^d\.json: holds git conflict markers; resolve them by hand"):
        parse_decisions(text, source="d.json")


def test_a_non_utf8_file_is_an_error_and_stays_as_it_was(tmp_path):
    path = tmp_path / "d.json"
    path.write_bytes(b"\xff\xfe{}")
    with pytest.raises(DecisionsError, match="not UTF-8 text"):
        record_decision(path, decided(PROJECTS))
    assert path.read_bytes() == b"\xff\xfe{}"


def test_a_decision_needs_a_known_verdict_and_a_reviewer():
    assert new_decision(PROJECTS, "approve", by=" alice ", at="2026-01-01T00:00:00Z").verdict == "confirmed"
    assert new_decision(PROJECTS, "reject", by="bob").verdict == "dismissed"
    with pytest.raises(DecisionsError, match="unknown verdict 'maybe'; use approve or reject"):
        new_decision(PROJECTS, "maybe", by="alice")
    with pytest.raises(DecisionsError, match="the reviewer's name is empty; give --by NAME"):
        new_decision(PROJECTS, "approve", by="  ")


def test_a_new_decision_is_stamped_in_utc_to_the_second_and_keeps_what_the_reviewer_saw():
    decision = new_decision(PROJECTS, "confirmed", by="alice", note="  embassy figure ", value=" 459 ")
    assert decision.at.endswith("Z") and len(decision.at) == len("2026-11-23T10:15:00Z")
    assert (decision.fingerprint, decision.fact, decision.fact_key, decision.values) == (
        PROJECTS.id, "number: grassroots projects", "count", ("459", "470"))
    assert (decision.note, decision.value) == ("embassy figure", "459")
    assert new_decision(PROJECTS, "confirmed", by="alice", value="  ").value is None


# ---------------------------------------------------------------- atomic, locked writes

def test_a_failure_before_the_rename_leaves_the_old_file_intact_and_no_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "reconcile-decisions.json"
    write_decisions(path, {PROJECTS.id: decided(PROJECTS)})
    before = path.read_bytes()

    def crash(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(DecisionsError) as caught:
        record_decision(path, decided(TIES))
    assert str(caught.value) == (f"{path}: cannot be written (No space left on device); the old file is unchanged; "
                                 "check the folder's permissions and free space")
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reconcile-decisions.json"]


def _decide_then_die(path: str) -> None:
    """`reconcile decide` killed (SIGKILL) after writing the new content, just before the rename."""
    import signal

    from reconcile.cli import cli

    def die(src, dst):
        os.kill(os.getpid(), signal.SIGKILL)

    os.replace = die
    cli.main(["decide", PROJECTS.id, "reject", "--by", "killed", "--decisions", path], prog_name="reconcile")


def test_a_decide_killed_before_the_rename_leaves_the_old_file_intact(tmp_path):
    path = tmp_path / "reconcile-decisions.json"
    write_decisions(path, {PROJECTS.id: decided(PROJECTS)})
    before = path.read_bytes()
    process = multiprocessing.get_context("fork").Process(target=_decide_then_die, args=(str(path),))
    process.start()
    process.join()
    assert process.exitcode == -9
    assert path.read_bytes() == before
    assert load_decisions(path) == {PROJECTS.id: decided(PROJECTS)}
    # the killed writer could not clean up: its temporary file (the new content) is hidden, and a later
    # write works
    leftovers = [p for p in tmp_path.iterdir() if p.name != "reconcile-decisions.json"]
    assert [p.name.startswith(".reconcile-decisions.json.") for p in leftovers] == [True] * len(leftovers)
    assert any('"by": "killed"' in p.read_text() for p in leftovers if p.suffix == ".tmp")
    record_decision(path, decided(TIES))
    assert set(load_decisions(path)) == {PROJECTS.id, TIES.id}


def test_a_malformed_file_is_never_overwritten(tmp_path):
    path = tmp_path / "reconcile-decisions.json"
    path.write_text('{"version": 1, "decisions": {"ab": {"verdict": "nope"}}}\n')
    before = path.read_bytes()
    with pytest.raises(DecisionsError):
        record_decision(path, decided(PROJECTS))
    with pytest.raises(DecisionsError):
        remove_decisions(path, ["ab"])
    assert path.read_bytes() == before


def test_the_lock_excludes_a_second_holder_and_leaves_no_file_behind(tmp_path):
    import fcntl

    path = tmp_path / "reconcile-decisions.json"
    with locked(path):
        lock_file = tmp_path / ".reconcile-decisions.json.lock"
        fd = os.open(lock_file, os.O_RDWR)
        try:
            with pytest.raises(BlockingIOError):
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        finally:
            os.close(fd)
    assert list(tmp_path.iterdir()) == []
    with locked(path):  # and it can be taken again
        pass


def _record_many(path: str, reviewer: str, count: int) -> None:
    for n in range(count):
        record_decision(path, decided(flag((str(n), f"{n}00"), key=reviewer), by=reviewer))


def test_concurrent_writers_in_threads_and_processes_lose_no_update(tmp_path):
    path = str(tmp_path / "reconcile-decisions.json")
    context = multiprocessing.get_context("fork")
    processes = [context.Process(target=_record_many, args=(path, f"proc{i}", 15)) for i in range(2)]
    threads = [threading.Thread(target=_record_many, args=(path, f"thread{i}", 15)) for i in range(2)]
    for worker in processes + threads:
        worker.start()
    for worker in processes + threads:
        worker.join()
    assert [p.exitcode for p in processes] == [0, 0]
    decisions = load_decisions(path)
    assert len(decisions) == 60
    assert sorted({d.by for d in decisions.values()}) == ["proc0", "proc1", "thread0", "thread1"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reconcile-decisions.json"]


def test_record_returns_the_decision_it_replaced_and_remove_the_ones_it_removed(tmp_path):
    path = tmp_path / "d.json"
    assert record_decision(path, decided(PROJECTS)) is None
    assert record_decision(path, decided(PROJECTS, "dismissed", by="bob")) == decided(PROJECTS)
    assert load_decisions(path)[PROJECTS.id].verdict == "dismissed"
    assert remove_decisions(path, [PROJECTS.id, "unknown"]) == [decided(PROJECTS, "dismissed", by="bob")]
    assert load_decisions(path) == {}


def test_a_decisions_file_in_a_missing_folder_or_a_folder_is_an_error_saying_so(tmp_path):
    path = tmp_path / "review" / "decisions.json"
    with pytest.raises(DecisionsError) as caught:
        record_decision(path, decided(PROJECTS))
    assert str(caught.value) == (f"{path}: its folder {path.parent} does not exist; create it or choose "
                                 "another file with --decisions")
    with pytest.raises(DecisionsError) as caught:
        load_decisions(tmp_path)
    assert str(caught.value) == f"{tmp_path}: is a folder; give the decisions file with --decisions FILE"


def test_removing_nothing_does_not_create_the_file(tmp_path):
    assert remove_decisions(tmp_path / "d.json", ["ab"]) == []
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- decisions on a fresh scan

def test_a_decided_fingerprint_takes_its_verdict_and_others_stay_unreviewed():
    decision = decided(PROJECTS, "dismissed")
    reviews = reviews_for([PROJECTS, TIES], {PROJECTS.id: decision})
    assert reviews == {PROJECTS.id: Review("dismissed", decision, ()), TIES.id: Review("unreviewed", None, ())}


def test_a_new_value_opens_a_new_discrepancy_showing_the_earlier_decision_on_the_fact():
    old = decided(PROJECTS, note="the embassy says 459")
    other_fact = decided(flag(("12", "14"), fact="number: cranes"))
    unrelated_values = decided(flag(("3", "4")))
    dates = decided(flag(("459", "470"), key="date"))
    now = flag(("459", "470", "480"))
    decisions = {d.fingerprint: d for d in (old, other_fact, unrelated_values, dates)}
    review = reviews_for([now], decisions)[now.id]
    assert now.id != PROJECTS.id
    assert review == Review("unreviewed", None, (old,))


def test_the_fingerprint_ignores_the_order_of_values_but_not_a_new_value():
    assert flag(("470", "459")).id == PROJECTS.id
    assert flag(("459", "470", "480")).id != PROJECTS.id


def test_stale_decisions_are_those_no_current_discrepancy_carries():
    gone = decided(flag(("1", "2")))
    decisions = {d.fingerprint: d for d in (decided(PROJECTS), gone)}
    assert stale_decisions(decisions, [PROJECTS, TIES]) == [gone]
    assert stale_decisions(decisions, []) == sorted(decisions.values(), key=lambda d: d.fingerprint)


# ---------------------------------------------------------------- merging

A = decided(PROJECTS, by="alice")
A_LATER = decided(PROJECTS, by="alice", at="2026-11-24T09:00:00Z", note="checked again")
A_REJECTED = decided(PROJECTS, "dismissed", by="bob")
T = decided(TIES, by="carol")


@pytest.mark.parametrize(("base", "ours", "theirs", "merged"), [
    ([], [A], [T], [A, T]),                       # each side decided a different flag
    ([], [A], [A], [A]),                          # the same decision on both sides
    ([A], [A], [A_REJECTED], [A_REJECTED]),       # only theirs changed the verdict
    ([A], [A_REJECTED], [A], [A_REJECTED]),       # only ours changed it
    ([A, T], [T], [A, T], [T]),                   # ours pruned A, theirs left it alone
    ([A], [A_LATER], [A_LATER], [A_LATER]),
    ([], [A_LATER], [A], [A_LATER]),              # same verdict, both new: the later one
    ([], [A], [A_LATER], [A_LATER]),
    ([A], [], [A_LATER], [A_LATER]),              # pruned on one side, changed on the other: kept
])
def test_merge_takes_each_sides_changes(base, ours, theirs, merged):
    def as_map(decisions):
        return {d.fingerprint: d for d in decisions}

    result = merge_decisions(as_map(base), as_map(ours), as_map(theirs))
    assert result.conflicts == ()
    assert result.decisions == as_map(merged)


def test_different_verdicts_on_both_sides_are_a_conflict_left_undecided():
    result = merge_decisions({}, {A.fingerprint: A, T.fingerprint: T}, {A_REJECTED.fingerprint: A_REJECTED})
    assert result.decisions == {T.fingerprint: T}
    assert [c.fingerprint for c in result.conflicts] == [PROJECTS.id]
    assert result.conflicts[0].message() == (
        f"decision conflict on {PROJECTS.id} (number: grassroots projects): ours confirmed by alice, "
        f"theirs dismissed by bob; left undecided, decide it again with "
        f"`reconcile decide {PROJECTS.id} approve|reject PATH...`")
