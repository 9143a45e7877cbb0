"""What each page shows, as plain values for the templates (which escape every string).

Nothing here builds markup: a highlighted text is a list of :class:`Segment` pieces, and
the template wraps the claim pieces in ``<mark>``, so a document holding ``<script>`` is
shown as text on every page.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from claims import Claim
from claims.table import ClaimTable

from ..model import CLASSES, FLAG_CLASSES, REVIEW_STATES, Decision, Discrepancy, Report, Review
from .workspace import Snapshot

#: A paragraph longer than this is cut around the claim (a document without blank lines).
PARAGRAPH_LIMIT = 2000
#: Filter names in the query string -> what they filter on.
FILTERS: tuple[str, ...] = ("class", "state", "doc")

_BLANK_LINE = re.compile(r"\r?\n[ \t\r\f\v]*\n")


@dataclass(frozen=True)
class Segment:
    """A piece of text; ``claim`` is set when the piece is a claim's span.

    Attributes:
        text: The characters.
        claim: The claim id (``doc:start-end``) when the piece is a claim, else "".
        flags: The fingerprints of the discrepancies the claim belongs to.
        state: The review state of the first of them ("" when none).
        current: The piece is the claim the page is about.
    """

    text: str
    claim: str = ""
    flags: tuple[str, ...] = ()
    state: str = ""
    current: bool = False

    @property
    def anchor(self) -> str:
        """The claim's anchor in the document view (``c-START-END``)."""
        return anchor_of(self.claim)


@dataclass(frozen=True)
class Filters:
    """The list's filters (empty string: no filter)."""

    klass: str = ""
    state: str = ""
    doc: str = ""

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> Filters:
        """Read ``class``, ``state`` and ``doc``; unknown values are ignored, never trusted."""
        klass = query.get("class", "")
        state = query.get("state", "")
        return cls(klass=klass if klass in FLAG_CLASSES else "",
                   state=state if state in REVIEW_STATES else "",
                   doc=query.get("doc", ""))

    def params(self) -> dict[str, str]:
        """The filters set, as query parameters."""
        return {name: value for name, value in (("class", self.klass), ("state", self.state), ("doc", self.doc))
                if value}

    def keep(self, discrepancy: Discrepancy, review: Review) -> bool:
        """Whether the filters let ``discrepancy`` through."""
        return ((not self.klass or discrepancy.klass == self.klass)
                and (not self.state or review.state == self.state)
                and (not self.doc or self.doc in discrepancy.documents))


@dataclass(frozen=True)
class Row:
    """One discrepancy in the list."""

    id: str
    fact: str
    klass: str
    values: tuple[str, ...]
    documents: tuple[str, ...]
    confidence: str
    state: str
    decided: str


@dataclass(frozen=True)
class Option:
    """One choice of a filter, with how many discrepancies it would show."""

    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class ListPage:
    """The list of discrepancies: rows in review order, filters with counts, totals."""

    rows: tuple[Row, ...]
    total: int
    counts: Mapping[str, int]
    classes: tuple[Option, ...]
    states: tuple[Option, ...]
    documents: tuple[Option, ...]
    filters: Filters


@dataclass(frozen=True)
class ClaimView:
    """One claim stating a value: where it is, its sentence and paragraph, highlighted."""

    id: str
    doc: str
    line: int
    column: int
    sentence: tuple[Segment, ...]
    paragraph: tuple[Segment, ...]

    @property
    def anchor(self) -> str:
        """The claim's anchor in the document view."""
        return anchor_of(self.id)


@dataclass(frozen=True)
class SideView:
    """One value of a discrepancy and the claims stating it."""

    number: int
    value: str
    claims: tuple[ClaimView, ...]


@dataclass(frozen=True)
class DiscrepancyPage:
    """A page about one discrepancy."""

    id: str
    fact: str
    klass: str
    values: tuple[str, ...]
    sides: tuple[SideView, ...]
    explanation: str
    confidence: str
    review: Review
    earlier: tuple[Decision, ...]
    position: int
    total: int
    previous: str | None
    next: str | None
    filters: Filters


@dataclass(frozen=True)
class DocumentPage:
    """A document with every claim highlighted, and the discrepancies it takes part in."""

    id: str
    text: tuple[Segment, ...]
    claims: int
    flags: tuple[Row, ...] = field(default_factory=tuple)


# ---------------------------------------------------------------- helpers

def anchor_of(claim_id: str) -> str:
    """A claim's anchor in its document's page: ``c-START-END`` (offsets are unique in a document)."""
    return "c-" + claim_id.rsplit(":", 1)[-1] if claim_id else ""


def when(at: str) -> str:
    """An ISO 8601 UTC time as people read it: ``2026-11-23 10:15 UTC``."""
    if len(at) >= 16 and at[10] == "T":
        return f"{at[:10]} {at[11:16]} UTC"
    return at


def decided_text(review: Review) -> str:
    """``confirmed by alice, 2026-11-23 10:15 UTC`` (empty when unreviewed)."""
    decision = review.decision
    if decision is None:
        return ""
    return f"{decision.verdict} by {decision.by}, {when(decision.at)}"


def review_order(snapshot: Snapshot) -> list[Discrepancy]:
    """The discrepancies in the order a reviewer takes them.

    Unreviewed first, those touching the most recently changed document first (what a
    new or edited document just brought); then the reviewed ones, latest decision first.
    The fingerprint breaks ties, so the order is stable.
    """
    report = snapshot.report

    def newest(discrepancy: Discrepancy) -> float:
        return max((snapshot.modified.get(doc, 0.0) for doc in discrepancy.documents), default=0.0)

    unreviewed = [d for d in report.discrepancies if report.review_of(d).state == "unreviewed"]
    reviewed = [d for d in report.discrepancies if report.review_of(d).state != "unreviewed"]
    unreviewed.sort(key=lambda d: (-newest(d), d.id))
    reviewed.sort(key=lambda d: d.id)
    reviewed.sort(key=lambda d: report.review_of(d).decision.at if report.review_of(d).decision else "",
                  reverse=True)
    return unreviewed + reviewed


def filtered(snapshot: Snapshot, filters: Filters) -> list[Discrepancy]:
    """The discrepancies the filters let through, in review order."""
    report = snapshot.report
    return [d for d in review_order(snapshot) if filters.keep(d, report.review_of(d))]


def _row(report: Report, discrepancy: Discrepancy) -> Row:
    review = report.review_of(discrepancy)
    return Row(id=discrepancy.id, fact=_one_line(discrepancy.fact) or "Unnamed fact", klass=discrepancy.klass,
               values=discrepancy.values, documents=discrepancy.documents,
               confidence=f"{discrepancy.confidence:.2f}", state=review.state, decided=decided_text(review))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def highlight(text: str, claims: Sequence[Claim], *, flags: Mapping[str, tuple[str, ...]] | None = None,
              states: Mapping[str, str] | None = None, current: str = "", offset: int = 0) -> tuple[Segment, ...]:
    """Cut ``text`` into plain pieces and claim pieces.

    Args:
        text: The text shown (a sentence, a paragraph or a whole document).
        claims: Claims whose spans fall in it; a claim overlapping one already cut, or
            whose span no longer reads as its text, is left plain.
        flags: Claim id -> fingerprints of its discrepancies.
        states: Fingerprint -> review state.
        current: The id of the claim the page is about.
        offset: Where ``text`` starts in the document (claims' offsets are the document's).
    """
    flags = flags or {}
    states = states or {}
    pieces: list[Segment] = []
    cursor = 0
    for claim in sorted(claims, key=lambda c: (c.start, c.end)):
        start, end = claim.start - offset, claim.end - offset
        if start < cursor or end > len(text) or text[start:end] != claim.text:
            continue
        if start > cursor:
            pieces.append(Segment(text[cursor:start]))
        claim_flags = flags.get(claim.id, ())
        pieces.append(Segment(text[start:end], claim=claim.id, flags=claim_flags,
                              state=states.get(claim_flags[0], "") if claim_flags else "",
                              current=claim.id == current))
        cursor = end
    if cursor < len(text):
        pieces.append(Segment(text[cursor:]))
    return tuple(pieces)


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph (text between blank lines, any line endings) holding ``text[start:end]``."""
    before = [m.end() for m in _BLANK_LINE.finditer(text, 0, start)]
    low = before[-1] if before else 0
    after = _BLANK_LINE.search(text, end)
    high = after.start() if after else len(text)
    while low < start and text[low].isspace():
        low += 1
    while high > end and text[high - 1].isspace():
        high -= 1
    return low, high


def _sentence(claim: Claim) -> tuple[Segment, ...]:
    """The claim's sentence with its number highlighted (found by text if the offsets moved)."""
    sentence = claim.sentence or claim.text
    pieces = highlight(sentence, [claim], current=claim.id, offset=claim.sentence_start)
    if any(piece.claim for piece in pieces):
        return pieces
    found = sentence.find(claim.text)
    if found < 0:
        return (Segment(sentence + " "), Segment(claim.text, claim=claim.id, current=True))
    return highlight(sentence, [claim], current=claim.id, offset=claim.start - found)


def paragraph_of(claim: Claim, text: str | None) -> tuple[Segment, ...]:
    """The claim's paragraph, the claim highlighted, cut to :data:`PARAGRAPH_LIMIT` around it (marked "…").

    Empty when the text is not at hand or no longer holds the claim where the scan found it.
    """
    if text is None or text[claim.start:claim.end] != claim.text:
        return ()
    low, high = paragraph_bounds(text, claim.start, claim.end)
    cut_low, cut_high = low, high
    if high - low > PARAGRAPH_LIMIT:
        half = PARAGRAPH_LIMIT // 2
        cut_low, cut_high = max(low, claim.start - half), min(high, claim.end + half)
    prefix = (Segment("… "),) if cut_low > low else ()
    suffix = (Segment(" …"),) if cut_high < high else ()
    return prefix + highlight(text[cut_low:cut_high], [claim], current=claim.id, offset=cut_low) + suffix


# ---------------------------------------------------------------- pages

def list_page(snapshot: Snapshot, filters: Filters) -> ListPage:
    """The list: rows the filters let through, and each filter choice with its count.

    Each choice counts the discrepancies it would show with the other filters kept, so
    the numbers never promise a page that turns out empty.
    """
    report = snapshot.report
    everything = report.discrepancies

    def count(**change: str) -> int:
        trial = Filters(**{**filters.__dict__, **change})
        return sum(trial.keep(d, report.review_of(d)) for d in everything)

    classes = tuple(Option(k, k.replace("_", " "), count(klass=k), filters.klass == k)
                    for k in CLASSES if k in FLAG_CLASSES)
    states = tuple(Option(s, s, count(state=s), filters.state == s) for s in REVIEW_STATES)
    involved = sorted({doc for d in everything for doc in d.documents} | ({filters.doc} - {""}))
    documents = tuple(Option(doc, doc, count(doc=doc), filters.doc == doc) for doc in involved)
    totals = {state: sum(report.review_of(d).state == state for d in everything) for state in REVIEW_STATES}
    return ListPage(rows=tuple(_row(report, d) for d in filtered(snapshot, filters)), total=len(everything),
                    counts=totals, classes=classes, states=states, documents=documents, filters=filters)


def discrepancy_page(snapshot: Snapshot, discrepancy: Discrepancy, filters: Filters,
                     texts: Mapping[str, str | None]) -> DiscrepancyPage:
    """One discrepancy: each side's sentences and paragraphs, the review, neighbours for j / k.

    Args:
        snapshot: The current check.
        discrepancy: The flag shown.
        filters: The list's filters, so j / k walk the list the reviewer came from.
        texts: Document id -> its text (``None`` when it cannot be read now).
    """
    report = snapshot.report
    review = report.review_of(discrepancy)
    by_id = {claim.id: claim for claim in discrepancy.claims}
    sides = []
    for number, (value, side) in enumerate(zip(discrepancy.values, discrepancy.sides), start=1):
        claims = [by_id[claim_id] for claim_id in side if claim_id in by_id]
        sides.append(SideView(number, value, tuple(
            ClaimView(id=c.id, doc=c.doc, line=c.line, column=c.column, sentence=_sentence(c),
                      paragraph=paragraph_of(c, texts.get(c.doc))) for c in claims)))
    order = [d.id for d in filtered(snapshot, filters)]
    if discrepancy.id not in order:  # opened from a link outside the filters: walk the whole list
        filters = Filters()
        order = [d.id for d in filtered(snapshot, filters)]
    position = order.index(discrepancy.id)
    return DiscrepancyPage(
        id=discrepancy.id, fact=_one_line(discrepancy.fact) or "Unnamed fact", klass=discrepancy.klass,
        values=discrepancy.values, sides=tuple(sides), explanation=discrepancy.explanation,
        confidence=f"{discrepancy.confidence:.2f}", review=review, earlier=review.earlier,
        position=position + 1, total=len(order),
        previous=order[position - 1] if position > 0 else None,
        next=order[position + 1] if position + 1 < len(order) else None,
        filters=filters)


def next_unreviewed(snapshot: Snapshot, filters: Filters, *, after: str) -> str | None:
    """The first unreviewed discrepancy in review order other than ``after`` (where a decision leads)."""
    report = snapshot.report
    for discrepancy in filtered(snapshot, Filters(klass=filters.klass, doc=filters.doc)):
        if discrepancy.id != after and report.review_of(discrepancy).state == "unreviewed":
            return discrepancy.id
    return None


def document_page(snapshot: Snapshot, doc_id: str, text: str) -> DocumentPage:
    """A document's text with every claim highlighted, each flagged claim tied to its discrepancies."""
    report = snapshot.report
    if isinstance(report.claims, ClaimTable):  # an archive: read this document's claims only
        try:
            claims = list(report.claims.of(doc_id))
        except KeyError:
            claims = []
    else:
        claims = [c for c in report.claims if c.doc == doc_id]
    flags: dict[str, list[str]] = {}
    involved = []
    for discrepancy in review_order(snapshot):
        hits = [c.id for c in discrepancy.claims if c.doc == doc_id]
        if hits:
            involved.append(discrepancy)
        for claim_id in hits:
            flags.setdefault(claim_id, []).append(discrepancy.id)
    states = {d.id: report.review_of(d).state for d in report.discrepancies}
    segments = highlight(text, claims, flags={k: tuple(v) for k, v in flags.items()}, states=states)
    return DocumentPage(id=doc_id, text=segments, claims=len(claims),
                        flags=tuple(_row(report, d) for d in involved))
