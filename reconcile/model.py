"""Records of reconciliation: facts (groups of claims), discrepancies, reviews, the report."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from claims import Claim

#: Classes of a multi-claim group.  Only the last two are discrepancies (flags).
CLASSES: tuple[str, ...] = ("agree", "compatible", "conflict", "possible_update")
FLAG_CLASSES: frozenset[str] = frozenset({"conflict", "possible_update"})
REVIEW_STATES: tuple[str, ...] = ("unreviewed", "confirmed", "dismissed")
SCHEMA = "reconcile/report@1"


def documents_of(claim_ids: Sequence[str]) -> tuple[str, ...]:
    """The documents of claims named by id (``doc:start-end``), sorted."""
    return tuple(sorted({claim_id.rpartition(":")[0] for claim_id in claim_ids}))


@dataclass(frozen=True, slots=True)
class Fact:
    """A group of claims that state one fact, and how their values relate.

    Attributes:
        key: What the fact is, without offsets: kind, unit and the words that bind it.
        label: A short plain-language name of the fact ("number of community projects").
        klass: One of :data:`CLASSES`.
        claim_ids: The ids of its claims (``doc:start-end``, see :attr:`Claim.id`), sorted
            by document and offset.  A fact names its claims instead of holding them: an
            archive has tens of thousands of facts, and a re-run that remembers them
            (:mod:`reconcile.memo`) need not read the claims of every document again.
        values: The distinct values stated, one per side, as displayed.
        explanation: One sentence naming the evidence.
        confidence: How sure the grouping is, 0..1.
    """

    key: str
    label: str
    klass: str
    claim_ids: tuple[str, ...]
    values: tuple[str, ...]
    explanation: str
    confidence: float

    @property
    def documents(self) -> tuple[str, ...]:
        """The documents involved, sorted."""
        return documents_of(self.claim_ids)


@dataclass(frozen=True, slots=True)
class Discrepancy:
    """A flagged fact: its claims cannot all be true (``conflict``) or may be an update.

    Attributes:
        id: The fingerprint: stable across re-runs, edits elsewhere in the documents and
            restatements of a value already seen; it changes when a new value appears.
        fact: The fact's label.
        fact_key: The fact's key (see :class:`Fact`).
        klass: ``conflict`` or ``possible_update``.
        claims: The claims, sorted by document and offset (a remembered discrepancy's
            claims are read from the stored result when first used).
        values: The distinct values (one per side), as displayed.
        sides: For each value, the ids of the claims that state it.
        explanation: One sentence naming the evidence.
        confidence: 0..1; ``--min-confidence`` filters on it.
    """

    id: str
    fact: str
    fact_key: str
    klass: str
    claims: Sequence[Claim]
    values: tuple[str, ...]
    sides: tuple[tuple[str, ...], ...]
    explanation: str
    confidence: float

    @property
    def claim_ids(self) -> tuple[str, ...]:
        """The ids of its claims (without reading remembered claims, see :mod:`reconcile.memo`)."""
        ids = getattr(self.claims, "ids", None)
        return ids if ids is not None else tuple(c.id for c in self.claims)

    @property
    def documents(self) -> tuple[str, ...]:
        """The documents involved, sorted."""
        return documents_of(self.claim_ids)


@dataclass(frozen=True, slots=True)
class Decision:
    """A reviewer's verdict on one discrepancy fingerprint.

    Attributes:
        fingerprint: The discrepancy id decided.
        verdict: ``confirmed`` (the flag is a real discrepancy) or ``dismissed``.
        by: Who decided.
        at: When, ISO 8601 UTC ("2026-11-23T10:15:00Z").
        note: Free text.
        value: The value the reviewer says is correct, if given.
        fact: The fact's label when decided (context for later reviewers).
        fact_key: The fact's key when decided: a later discrepancy with the same key and
            overlapping values shows this decision as earlier context.
        values: The values the reviewer saw.
    """

    fingerprint: str
    verdict: str
    by: str
    at: str
    note: str = ""
    value: str | None = None
    fact: str = ""
    fact_key: str = ""
    values: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Review:
    """The review state of one discrepancy in a report.

    Attributes:
        state: ``unreviewed``, ``confirmed`` or ``dismissed``.
        decision: The decision behind the state, if any.
        earlier: Decisions taken on the same fact with other values (context only).
    """

    state: str = "unreviewed"
    decision: Decision | None = None
    earlier: tuple[Decision, ...] = ()


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """A scanned document: id (path relative to the scanned folder), content hash, own date."""

    id: str
    sha256: str
    date: str | None = None
    path: str | None = None


@dataclass(frozen=True)
class Report:
    """Everything one check found: the input of every renderer.

    Attributes:
        documents: The scanned documents, sorted by id.
        claims: Every extracted claim, sorted by document and offset (a scan gives a
            :class:`~claims.table.ClaimTable`, which reads a document's claims from the
            cache only when they are used).
        discrepancies: The flags, sorted by id.
        facts: The multi-claim groups that are not flags (``agree``/``compatible``).
        reviews: Review state per discrepancy id (missing ids are unreviewed).
        warnings: One-line warnings met on the way (empty documents skipped, ...).
    """

    documents: tuple[DocumentInfo, ...]
    claims: Sequence[Claim]
    discrepancies: tuple[Discrepancy, ...]
    facts: tuple[Fact, ...] = ()
    reviews: Mapping[str, Review] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    def claims_frame(self):
        """Every claim as a pandas DataFrame (one row per claim)."""
        from .frames import claims_frame

        return claims_frame(self.claims)

    def to_frame(self):
        """The discrepancies as a pandas DataFrame (one row per claim of each, with its side)."""
        from .frames import discrepancies_frame

        return discrepancies_frame(self.discrepancies)

    def review_of(self, discrepancy: Discrepancy) -> Review:
        """The review of ``discrepancy`` (unreviewed when no decision exists)."""
        return self.reviews.get(discrepancy.id, Review())

    def gate_failures(self, fail_on: str = "unreviewed") -> list[Discrepancy]:
        """The discrepancies that fail the gate.

        Args:
            fail_on: ``unreviewed`` (no decision yet), ``confirmed`` (unreviewed or
                confirmed: a real discrepancy is still in the documents) or ``none``.
        """
        if fail_on == "none":
            return []
        failing = {"unreviewed"} if fail_on == "unreviewed" else {"unreviewed", "confirmed"}
        return [d for d in self.discrepancies if self.review_of(d).state in failing]
