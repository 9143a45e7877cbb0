"""The decisions file: reviewers' verdicts on discrepancies, kept in git next to the documents.

The file holds decisions only, never a snapshot of the findings: no line numbers, no
file-level timestamp, no tool version.  Those change on every run and turn a shared
file into a merge-conflict factory (detect-secrets' ``.secrets.baseline`` is the
cautionary tale).  Version 1 looks like this (pretty-printed, keys sorted by fingerprint,
trailing newline, so a git diff shows one decision per hunk)::

    {
      "version": 1,
      "decisions": {
        "0f3a9c41d2b7e856": {
          "verdict": "confirmed",
          "by": "alice",
          "at": "2026-11-23T10:15:00Z",
          "note": "the trust's own figure is 212",
          "value": "212",
          "fact": "number: community projects",
          "fact_key": "count",
          "values": [
            "212",
            "224"
          ]
        }
      }
    }

A decision is keyed by the discrepancy's fingerprint (:attr:`Discrepancy.id`), which leaves
out offsets and document order: it survives edits elsewhere in the documents and new
documents that repeat a reviewed value, and changes when a new value appears.

Writes are atomic (a temporary file in the same folder, then :func:`os.replace`) and run
read-modify-write under an exclusive lock, so two reviewers on one machine never lose each
other's answers.  A malformed file raises :class:`DecisionsError` and is never overwritten.

>>> decisions = load_decisions("reconcile-decisions.json")   # {} when the file is missing
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import secrets
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TypeVar

from .errors import DecisionsError
from .model import Decision, Discrepancy, Review

#: Version of the file format this module reads and writes.
FORMAT_VERSION = 1
#: The decisions file used when neither ``--decisions`` nor the config names one.
DEFAULT_PATH = "reconcile-decisions.json"
#: What a reviewer can say about a flag.
VERDICTS: tuple[str, ...] = ("confirmed", "dismissed")
#: The reviewer's answer -> the verdict stored.
ANSWERS: dict[str, str] = {"approve": "confirmed", "reject": "dismissed"}

_FIELDS = ("verdict", "by", "at", "note", "value", "fact", "fact_key", "values")
_REQUIRED = ("verdict", "by", "at")

T = TypeVar("T")


# ---------------------------------------------------------------- making decisions

def utc_now() -> str:
    """The current time as ISO 8601 UTC to the second ("2026-11-23T10:15:00Z")."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def current_user() -> str:
    """The OS user name: who decides when nobody says (``--by``)."""
    try:
        return getpass.getuser() or "unknown"
    except (KeyError, OSError):  # no login name and no passwd entry (some containers)
        return "unknown"


def new_decision(discrepancy: Discrepancy, verdict: str, *, by: str, note: str = "",
                 value: str | None = None, at: str | None = None) -> Decision:
    """A decision on ``discrepancy``, carrying the fact and the values the reviewer saw.

    Args:
        discrepancy: The flag decided.
        verdict: ``confirmed`` or ``dismissed`` (see :data:`ANSWERS` for the answer words).
        by: Who decides.
        note: Free text.
        value: The value the reviewer says is correct, if given.
        at: When (default: now, UTC).

    Raises:
        DecisionsError: the verdict or the reviewer's name is empty or unknown.
    """
    verdict = ANSWERS.get(verdict, verdict)
    if verdict not in VERDICTS:
        raise DecisionsError(f"unknown verdict {verdict!r}; use approve or reject")
    if not by.strip():
        raise DecisionsError("the reviewer's name is empty; give --by NAME")
    return Decision(
        fingerprint=discrepancy.id,
        verdict=verdict,
        by=by.strip(),
        at=at or utc_now(),
        note=note.strip(),
        value=value.strip() if value and value.strip() else None,
        fact=discrepancy.fact,
        fact_key=discrepancy.fact_key,
        values=tuple(discrepancy.values),
    )


# ---------------------------------------------------------------- the file format

def _malformed(source: str, problem: str) -> DecisionsError:
    return DecisionsError(f"{source}: {problem}; fix the file by hand or restore it from git "
                          f"(it is left as it is)")


def parse_decisions(text: str, *, source: str) -> dict[str, Decision]:
    """Read the text of a decisions file.

    Args:
        text: The file's content; empty or blank text holds no decisions (git hands an
            empty file to a merge driver when both branches created the file).
        source: The file's name, for messages.

    Raises:
        DecisionsError: the text is not a decisions file of a version this module reads.
    """
    if not text.strip():
        return {}
    if any(line.startswith(("<<<<<<< ", ">>>>>>> ")) for line in text.splitlines()):
        raise DecisionsError(f"{source}: holds git conflict markers; resolve them by hand, or set up "
                             "the merge driver (README: Reviewing flags) and merge again")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _malformed(source, f"not valid JSON ({exc})") from None
    if not isinstance(data, dict) or "decisions" not in data or "version" not in data:
        raise _malformed(source, 'not a decisions file (expected {"version": 1, "decisions": {...}})')
    version = data["version"]
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise DecisionsError(f"{source}: format version {version} is newer than this claim-reconcile "
                             f"reads ({FORMAT_VERSION}); upgrade claim-reconcile")
    if version != FORMAT_VERSION:
        raise _malformed(source, f"unknown format version {version!r} (expected {FORMAT_VERSION})")
    unknown = sorted(set(data) - {"version", "decisions"})
    if unknown:
        raise _malformed(source, f"unknown top-level key {unknown[0]!r}")
    entries = data["decisions"]
    if not isinstance(entries, dict):
        raise _malformed(source, '"decisions" must be an object keyed by fingerprint')
    return {fingerprint: _parse_entry(source, fingerprint, entry) for fingerprint, entry in entries.items()}


def _parse_entry(source: str, fingerprint: str, entry: object) -> Decision:
    where = f"decision {fingerprint!r}"
    if not fingerprint.strip() or fingerprint != fingerprint.strip():
        raise _malformed(source, f"{where}: a fingerprint must be non-empty, without spaces")
    if not isinstance(entry, dict):
        raise _malformed(source, f"{where}: must be an object")
    unknown = sorted(set(entry) - set(_FIELDS))
    if unknown:
        raise _malformed(source, f"{where}: unknown key {unknown[0]!r}")
    missing = [key for key in _REQUIRED if key not in entry]
    if missing:
        raise _malformed(source, f"{where}: missing {missing[0]!r}")
    if entry["verdict"] not in VERDICTS:
        raise _malformed(source, f"{where}: verdict must be confirmed or dismissed, not {entry['verdict']!r}")
    for key in ("by", "at", "note", "fact", "fact_key"):
        if key in entry and not isinstance(entry[key], str):
            raise _malformed(source, f"{where}: {key!r} must be a string")
    if not entry["by"].strip():
        raise _malformed(source, f"{where}: 'by' must name the reviewer")
    try:
        datetime.fromisoformat(entry["at"].replace("Z", "+00:00"))
    except ValueError:
        raise _malformed(source, f"{where}: 'at' must be an ISO 8601 time such as "
                         f"2026-11-23T10:15:00Z, not {entry['at']!r}") from None
    value = entry.get("value")
    if value is not None and not isinstance(value, str):
        raise _malformed(source, f"{where}: 'value' must be a string or null")
    values = entry.get("values", [])
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise _malformed(source, f"{where}: 'values' must be a list of strings")
    return Decision(
        fingerprint=fingerprint,
        verdict=entry["verdict"],
        by=entry["by"],
        at=entry["at"],
        note=entry.get("note", ""),
        value=value,
        fact=entry.get("fact", ""),
        fact_key=entry.get("fact_key", ""),
        values=tuple(values),
    )


def decision_entry(decision: Decision) -> dict:
    """One decision as stored in the file (its fingerprint is the key, not a field)."""
    return {
        "verdict": decision.verdict,
        "by": decision.by,
        "at": decision.at,
        "note": decision.note,
        "value": decision.value,
        "fact": decision.fact,
        "fact_key": decision.fact_key,
        "values": list(decision.values),
    }


def dump_decisions(decisions: Mapping[str, Decision]) -> str:
    """The text of a decisions file: deterministic, sorted, with a trailing newline."""
    data = {
        "version": FORMAT_VERSION,
        "decisions": {fp: decision_entry(decisions[fp]) for fp in sorted(decisions)},
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def load_decisions(path: str | os.PathLike) -> dict[str, Decision]:
    """The decisions in the file at ``path`` ({} when it does not exist yet).

    Raises:
        DecisionsError: the file is malformed or cannot be read.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except IsADirectoryError:
        raise DecisionsError(f"{path}: is a folder; give the decisions file with --decisions FILE") from None
    except OSError as exc:
        raise DecisionsError(f"{path}: cannot be read ({exc.strerror}); check its permissions") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise _malformed(str(path), "not UTF-8 text") from None
    return parse_decisions(text, source=str(path))


def write_decisions(path: str | os.PathLike, decisions: Mapping[str, Decision]) -> None:
    """Write ``decisions`` to ``path`` atomically: whole new file or the old one, never half.

    Callers that read, change and write should go through :func:`update_decisions`, which
    holds the lock; this function alone does not lock.

    Raises:
        DecisionsError: the file cannot be written (the old file is left intact).
    """
    path = Path(path)
    text = dump_decisions(decisions)
    # The temporary file lives in the same folder, so the rename never crosses a file system.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _mode_of(path))
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        raise DecisionsError(f"{path}: cannot be written ({exc.strerror or exc}); the old file is "
                             "unchanged; check the folder's permissions and free space") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    _sync_folder(path.parent)


def _mode_of(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0666 minus umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return 0o666


def _sync_folder(folder: Path) -> None:
    """Make the rename durable (best effort: not every platform can fsync a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# ---------------------------------------------------------------- locking

@contextlib.contextmanager
def locked(path: str | os.PathLike) -> Iterator[None]:
    """Hold an exclusive lock on the decisions file at ``path`` (blocks until free).

    The lock is a hidden file next to it (``.reconcile-decisions.json.lock``), removed on
    release so it never shows in ``git status``.  Removing a lock file is only safe with a
    check after locking: a waiter may have opened the file just before it was removed, so
    it locks, then makes sure the path still names the file it locked, else tries again.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - no fcntl (Windows): writes stay atomic, unlocked
        yield
        return
    path = Path(path)
    lock_path = path.with_name(f".{path.name}.lock")
    while True:
        try:
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o666)
        except FileNotFoundError:
            raise DecisionsError(f"{path}: its folder {path.parent} does not exist; create it or choose "
                                 "another file with --decisions") from None
        except OSError as exc:
            raise DecisionsError(f"{lock_path}: cannot create the lock file ({exc.strerror}); "
                                 "check the folder's permissions") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                same = os.fstat(fd).st_ino == os.stat(lock_path).st_ino
            except FileNotFoundError:
                same = False
        except BaseException:
            os.close(fd)
            raise
        if same:
            break
        os.close(fd)
    try:
        yield
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(lock_path)
        os.close(fd)


def update_decisions(path: str | os.PathLike, change: Callable[[dict[str, Decision]], T]) -> T:
    """Read, change and write the decisions file under its lock; return what ``change`` returns.

    ``change`` edits the dict in place.  The file is written only when the decisions changed
    (and created only then).

    Raises:
        DecisionsError: the file is malformed (it is not touched) or cannot be written.
    """
    with locked(path):
        decisions = load_decisions(path)
        before = dict(decisions)
        result = change(decisions)
        if decisions != before:
            write_decisions(path, decisions)
    return result


def record_decision(path: str | os.PathLike, decision: Decision) -> Decision | None:
    """Add or replace one decision in the file; return the one it replaced, if any."""

    def change(decisions: dict[str, Decision]) -> Decision | None:
        previous = decisions.get(decision.fingerprint)
        decisions[decision.fingerprint] = decision
        return previous

    return update_decisions(path, change)


def remove_decisions(path: str | os.PathLike, fingerprints: Iterable[str]) -> list[Decision]:
    """Remove the decisions with these fingerprints; return the ones removed, sorted."""
    doomed = set(fingerprints)

    def change(decisions: dict[str, Decision]) -> list[Decision]:
        removed = [decisions.pop(fp) for fp in sorted(doomed & set(decisions))]
        return removed

    return update_decisions(path, change)


# ---------------------------------------------------------------- decisions meet a fresh scan

def reviews_for(discrepancies: Sequence[Discrepancy], decisions: Mapping[str, Decision]) -> dict[str, Review]:
    """The review state of each discrepancy: old verdicts merged onto a fresh scan.

    A discrepancy whose fingerprint was decided takes that verdict.  Decisions on the same
    fact (``fact_key``) whose values overlap the discrepancy's are attached as ``earlier``
    context: who decided what when the fact read differently (say 212 vs 224, before a new
    document said 236).
    """
    by_fact: dict[str, list[Decision]] = defaultdict(list)
    for decision in decisions.values():
        by_fact[decision.fact_key].append(decision)
    reviews: dict[str, Review] = {}
    for discrepancy in discrepancies:
        decision = decisions.get(discrepancy.id)
        values = set(discrepancy.values)
        earlier = tuple(sorted(
            (d for d in by_fact.get(discrepancy.fact_key, ())
             if d.fingerprint != discrepancy.id and values & set(d.values)),
            key=lambda d: (d.at, d.fingerprint)))
        state = decision.verdict if decision is not None else "unreviewed"
        reviews[discrepancy.id] = Review(state=state, decision=decision, earlier=earlier)
    return reviews


def stale_decisions(decisions: Mapping[str, Decision], discrepancies: Iterable[Discrepancy]) -> list[Decision]:
    """The decisions no current discrepancy carries, sorted by fingerprint."""
    current = {d.id for d in discrepancies}
    return [decisions[fp] for fp in sorted(decisions) if fp not in current]


# ---------------------------------------------------------------- merging branches

@dataclass(frozen=True)
class MergeConflict:
    """One fingerprint decided differently on the two sides of a merge."""

    fingerprint: str
    ours: Decision
    theirs: Decision

    def message(self) -> str:
        """One line naming the fingerprint, both verdicts, and what to do."""
        fact = f" ({self.ours.fact or self.theirs.fact})" if (self.ours.fact or self.theirs.fact) else ""
        return (f"decision conflict on {self.fingerprint}{fact}: ours {self.ours.verdict} by {self.ours.by}, "
                f"theirs {self.theirs.verdict} by {self.theirs.by}; left undecided, decide it again with "
                f"`reconcile decide {self.fingerprint} approve|reject PATH...`")


@dataclass(frozen=True)
class MergeResult:
    """The merged decisions and the fingerprints that could not be merged."""

    decisions: dict[str, Decision]
    conflicts: tuple[MergeConflict, ...]


def merge_decisions(base: Mapping[str, Decision], ours: Mapping[str, Decision],
                    theirs: Mapping[str, Decision]) -> MergeResult:
    """Three-way merge of decisions by fingerprint (what a git merge driver needs).

    Per fingerprint: a change on one side only wins (an added, changed or pruned
    decision); the same change on both sides is kept once.  When both sides changed it:
    the same verdict keeps the later decision; a decision kept on one side and pruned on
    the other is kept (pruning is cheap to redo, a lost verdict is not); different
    verdicts are a conflict, and the fingerprint is left out of the result so the gate
    asks for it again rather than silently taking one side.
    """
    merged: dict[str, Decision] = {}
    conflicts: list[MergeConflict] = []
    for fp in sorted(set(base) | set(ours) | set(theirs)):
        b, o, t = base.get(fp), ours.get(fp), theirs.get(fp)
        if o == t:
            chosen = o
        elif o == b:
            chosen = t
        elif t == b:
            chosen = o
        elif o is None or t is None:
            chosen = o or t
        elif o.verdict == t.verdict:
            chosen = max(o, t, key=lambda d: (d.at, d.by, d.note, d.value or ""))
        else:
            conflicts.append(MergeConflict(fp, o, t))
            continue
        if chosen is not None:
            merged[fp] = chosen
    return MergeResult(merged, tuple(conflicts))
