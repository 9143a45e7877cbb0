"""What the review page works on: the check of some folders, kept current, and the decisions file.

A :class:`Workspace` runs the same check as ``reconcile check`` (:func:`reconcile.pipeline.scan`
and :func:`~reconcile.pipeline.build_report`) and runs it again only when a document was
added, removed or changed (by size, modification time or inode), so a reload after an edit
shows the new findings while an unchanged folder costs a few ``stat`` calls.  Review states
are read from the decisions file on every request: a decision taken in the terminal shows
at once.  Decisions go through :mod:`reconcile.decisions`, the module behind
``reconcile decide``: same file, same lock, same atomic write.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from claims import find_documents, read_text

from ..config import Config
from ..decisions import ANSWERS, load_decisions, new_decision, record_decision, reviews_for
from ..errors import ReconcileError
from ..model import Decision, Discrepancy, DocumentInfo, Report
from ..pipeline import build_report, scan


class UnknownDiscrepancy(ReconcileError):
    """No current discrepancy has the fingerprint asked for (the documents changed, or a bad link)."""


@dataclass(frozen=True)
class Snapshot:
    """The check as it stands: the report with review states, and when each document changed.

    Attributes:
        report: The report, review states from the decisions file attached.
        modified: Document id -> modification time of its file (seconds since the epoch).
    """

    report: Report
    modified: Mapping[str, float]

    def discrepancy(self, fingerprint: str) -> Discrepancy | None:
        """The discrepancy with this fingerprint, if the documents still hold it."""
        return next((d for d in self.report.discrepancies if d.id == fingerprint), None)

    def document(self, doc_id: str) -> DocumentInfo | None:
        """The scanned document with this id, if any."""
        return next((d for d in self.report.documents if d.id == doc_id), None)


Signature = tuple[tuple[str, str, int, int, int], ...]


class Workspace:
    """The folders under review and the decisions file, shared by every request.

    Args:
        paths: Files or folders, as given to ``reconcile check``.
        config: The check's configuration.
        decisions_path: The decisions file; resolved once, here, so no request can choose it.
        reviewer: Who decides (``--by``).
        extractor: Replaces the plain extractor (the CLI's cached one).

    Raises:
        ReconcileError: the reviewer's name is empty.
    """

    def __init__(self, paths: Sequence[str | os.PathLike], *, config: Config,
                 decisions_path: str | os.PathLike, reviewer: str,
                 extractor: Callable[..., Iterator] | None = None) -> None:
        if not reviewer.strip():
            raise ReconcileError("the reviewer's name is empty; give --by NAME")
        #: The paths as given (what the page shows).
        self.paths: tuple[str, ...] = tuple(str(p) for p in paths)
        # Resolved once: document ids stay relative to the folders, whatever the working directory.
        self._scan_paths: tuple[str, ...] = tuple(os.path.abspath(p) for p in paths)
        self.config = config
        self.decisions_path: Path = Path(os.path.abspath(decisions_path))
        #: The decisions file as the reviewer named it (what the page shows).
        self.decisions_name = str(decisions_path)
        self.reviewer = reviewer.strip()
        self._extractor = extractor
        # One check at a time: requests arrive on several threads.
        self._lock = threading.Lock()
        self._signature: Signature | None = None
        self._report: Report | None = None
        self._modified: dict[str, float] = {}

    def _current_signature(self) -> tuple[Signature, dict[str, float]]:
        """What identifies the documents' current state, and each one's modification time."""
        entries = []
        modified = {}
        for doc_id, path in find_documents(self._scan_paths, patterns=self.config.include, ignore=self.config.exclude):
            try:
                stat = os.stat(path)
            except OSError:  # vanished since it was listed: the scan will say so
                entries.append((doc_id, str(path), -1, -1, -1))
                continue
            entries.append((doc_id, str(path), stat.st_size, stat.st_mtime_ns, stat.st_ino))
            modified[doc_id] = stat.st_mtime
        return tuple(entries), modified

    def refresh(self) -> Snapshot:
        """The current findings: the check again if a document changed, review states always fresh.

        Raises:
            ClaimsError: a path is gone, a document is unreadable, or the decisions file is
                malformed (the page shows the message; nothing is written).
        """
        with self._lock:
            signature, modified = self._current_signature()
            if self._report is None or signature != self._signature:
                result = scan(self._scan_paths, config=self.config, extractor=self._extractor)
                self._report = build_report(result, config=self.config)
                self._signature = signature
                self._modified = modified
            report, modified = self._report, dict(self._modified)
        reviews = reviews_for(report.discrepancies, load_decisions(self.decisions_path))
        return Snapshot(replace(report, reviews=reviews), modified)

    def text_of(self, document: DocumentInfo) -> str:
        """The text of a scanned document, read again from its file."""
        if document.path is None:
            raise ReconcileError(f"{document.id}: the scan did not record where it is")
        return read_text(document.path)

    def decide(self, fingerprint: str, answer: str, *, note: str = "", value: str | None = None) -> Decision:
        """Record the reviewer's answer on a current discrepancy, as ``reconcile decide`` does.

        Args:
            fingerprint: The discrepancy's id.
            answer: ``approve`` or ``reject``.
            note: Free text.
            value: The correct value, if the reviewer gave one.

        Raises:
            UnknownDiscrepancy: the documents no longer hold that discrepancy.
            DecisionsError: the answer is unknown, or the decisions file is malformed or
                cannot be written (it is left as it was).
        """
        discrepancy = self.refresh().discrepancy(fingerprint)
        if discrepancy is None:
            raise UnknownDiscrepancy(f"no discrepancy in {' '.join(self.paths)} has fingerprint {fingerprint} "
                                     "any more; the documents changed: reload the list")
        decision = new_decision(discrepancy, ANSWERS.get(answer, answer), by=self.reviewer, note=note, value=value)
        record_decision(self.decisions_path, decision)
        return decision
