"""What every renderer needs: sorted flags, their sides, summary lines, highlight spans, paths.

Each renderer formats these the way its audience reads them; keeping the wording here means
the terminal, Markdown and HTML reports say the same thing in the same words.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from claims import Claim
from claims.table import ClaimTable
from reconcile.model import Discrepancy, Report, Review


@dataclass(frozen=True, slots=True)
class Side:
    """One value of a discrepancy and the claims that state it."""

    value: str
    claims: tuple[Claim, ...]


@dataclass(frozen=True, slots=True)
class SentenceParts:
    """A claim's sentence cut around the claim: ``before + span + after == sentence``."""

    before: str
    span: str
    after: str


def sorted_discrepancies(report: Report) -> list[Discrepancy]:
    """The report's flags in a fixed order (by id), whatever order the report holds them in."""
    return sorted(report.discrepancies, key=lambda d: d.id)


def sides_of(discrepancy: Discrepancy) -> list[Side]:
    """The sides of ``discrepancy``: each value with the claims that state it."""
    by_id = {claim.id: claim for claim in discrepancy.claims}
    return [Side(value, tuple(by_id[claim_id] for claim_id in side if claim_id in by_id))
            for value, side in zip(discrepancy.values, discrepancy.sides)]


def state_counts(report: Report) -> dict[str, int]:
    """How many flags are in each review state."""
    counts = {"unreviewed": 0, "confirmed": 0, "dismissed": 0}
    for discrepancy in report.discrepancies:
        state = report.review_of(discrepancy).state
        counts[state] = counts.get(state, 0) + 1
    return counts


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``1 document``, ``2 documents``, ``2 discrepancies``."""
    return f"{count} {singular}" if count == 1 else f"{count} {plural_form or singular + 's'}"


def summary_line(report: Report) -> str:
    """One sentence saying what the check found (plainly, when it found nothing)."""
    documents = plural(len(report.documents), "document")
    claims = plural(len(report.claims), "claim")
    if not report.discrepancies:
        return f"No discrepancies found in {documents} ({claims} checked): the documents agree."
    counts = state_counts(report)
    states = ", ".join(f"{count} {state}" for state, count in counts.items())
    found = plural(len(report.discrepancies), "discrepancy", "discrepancies")
    return f"{found} in {documents} ({claims}): {states}."


def gate_line(report: Report, fail_on: str = "unreviewed") -> str:
    """Whether the CI gate passes, and why (``fail_on`` as given to ``--fail-on``)."""
    if fail_on == "none":
        return "Gate: off (--fail-on none)."
    failures = len(report.gate_failures(fail_on))
    if not failures:
        return f"Gate: passed (--fail-on {fail_on})."
    states = "unreviewed" if fail_on == "unreviewed" else "unreviewed or confirmed"
    verb = "is" if failures == 1 else "are"
    return f"Gate: failed: {plural(failures, 'discrepancy', 'discrepancies')} {verb} {states} (--fail-on {fail_on})."


def failing_ids(report: Report, fail_on: str = "unreviewed") -> frozenset[str]:
    """The ids of the flags that fail the gate (computed once per rendering)."""
    return frozenset(d.id for d in report.gate_failures(fail_on))


def review_text(review: Review) -> str:
    """The review state in words: ``confirmed by ana on 2026-11-23: note (correct value: 212)``."""
    if review.decision is None:
        return review.state
    decision = review.decision
    text = review.state
    if decision.by:
        text += f" by {decision.by}"
    if decision.at:
        text += f" on {decision.at}"
    if decision.note:
        text += f": {decision.note}"
    if decision.value:
        text += f" (correct value: {decision.value})"
    return text


def sentence_parts(claim: Claim) -> SentenceParts:
    """Cut the claim's sentence around the claim's own span.

    The claim's offsets locate it exactly; when the sentence was normalized and the offsets
    no longer fit, the first occurrence of the claim's text is used instead.
    """
    sentence = claim.sentence or ""
    offset = claim.start - claim.sentence_start
    if not (0 <= offset and sentence[offset:offset + len(claim.text)] == claim.text):
        offset = sentence.find(claim.text)
    if offset < 0 or not claim.text:
        # the sentence does not hold the span: show the span after it rather than lose it
        return SentenceParts(sentence + (" " if sentence else ""), claim.text, "")
    end = offset + len(claim.text)
    return SentenceParts(sentence[:offset], sentence[offset:end], sentence[end:])


def one_line(text: str) -> str:
    """``text`` with every run of whitespace (line breaks included) made one space."""
    return " ".join(text.split())


def artifact_paths(report: Report, *, cwd: str | os.PathLike | None = None) -> dict[str, str]:
    """Where each document is, relative to the working directory, with ``/``: id -> path.

    CI annotations and SARIF locations must name a file as the repository does; the scan
    recorded each document's path, which is made relative to ``cwd`` (default: the current
    directory).  Documents outside ``cwd`` keep their absolute path; documents without a
    recorded path are named by their id.
    """
    base = Path(cwd if cwd is not None else os.getcwd()).resolve()
    paths = {}
    for document in report.documents:
        if document.path is None:
            continue
        absolute = Path(os.path.abspath(document.path))
        try:
            paths[document.id] = absolute.relative_to(base).as_posix()
        except ValueError:
            paths[document.id] = absolute.as_posix()
    # documents by id, not by claim: an archive's claims are read from the cache only when used
    claim_docs = report.claims.documents if isinstance(report.claims, ClaimTable) else (c.doc for c in report.claims)
    for doc in claim_docs:
        paths.setdefault(doc, doc)
    for discrepancy in report.discrepancies:
        for doc in discrepancy.documents:
            paths.setdefault(doc, doc)
    return paths
