"""Hand-built reports for the renderer tests (no extraction, no engine).

Each claim is cut from a small document text, so offsets, lines, columns and sentences are
the real ones; the discrepancies and reviews are written out by hand.
"""

from __future__ import annotations

import pytest

from claims import Claim
from reconcile.model import Decision, Discrepancy, DocumentInfo, Report, Review

TEXTS = {
    "bridge/courier.txt": "Harlow news\nThe Harlow Bridge opened to traffic in 1992. It carries 12,400 vehicles a day.\n",
    "bridge/gazette.txt": "The Harlow Bridge opened to traffic in 1993.\nTolls rose to 4 euros in 2024.\n",
    "bridge/weird <b>.md": "# Notes\n<script>document.title='pwned'</script> The toll is 5 euros & rising.\n",
}


def make_claim(doc: str, surface: str, kind: str, value, *, unit: str | None = None,
               occurrence: int = 0, previous: str | None = None) -> Claim:
    """The claim ``surface`` of document ``doc`` (its ``occurrence``-th appearance)."""
    text = TEXTS[doc]
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    end = start + len(surface)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start:line_end]
    # the sentence is the line's sentence that holds the claim (enough for these texts)
    sentence_start = line_start
    cut = line.rfind(". ", 0, start - line_start)
    if cut >= 0:
        sentence_start = line_start + cut + 2
    sentence_end = text.find(".", end)
    sentence_end = line_end if sentence_end < 0 or sentence_end > line_end else sentence_end + 1
    return Claim(doc=doc, start=start, end=end, text=surface, kind=kind, value=value, low=value,
                 high=value, unit=unit, qualifier=None, sentence=text[sentence_start:sentence_end],
                 sentence_start=sentence_start, previous=previous, line=text.count("\n", 0, start) + 1,
                 column=start - line_start + 1)


def _documents() -> tuple[DocumentInfo, ...]:
    return tuple(DocumentInfo(doc, f"{index:064x}", None, f"docs/{doc}")
                 for index, doc in enumerate(sorted(TEXTS)))


def build_claims() -> dict[str, Claim]:
    """The fixture claims by a short name."""
    return {
        "1992": make_claim("bridge/courier.txt", "1992", "date", "1992"),
        "vehicles": make_claim("bridge/courier.txt", "12,400", "count", 12400.0),
        "1993": make_claim("bridge/gazette.txt", "1993", "date", "1993"),
        "4 euros": make_claim("bridge/gazette.txt", "4 euros", "money", 4.0, unit="EUR"),
        "2024": make_claim("bridge/gazette.txt", "2024", "date", "2024"),
        "5 euros": make_claim("bridge/weird <b>.md", "5 euros", "money", 5.0, unit="EUR",
                              previous="<img src=x onerror=\"document.title='img'\"> # Notes"),
    }


def build_report(claims: dict[str, Claim]) -> Report:
    """Two flags: an unreviewed conflict and a dismissed possible update (with `<script>`)."""
    opened = Discrepancy(
        id="aaaa1111bbbb2222", fact="year the Harlow Bridge opened", fact_key="date|harlow|bridge|open",
        klass="conflict", claims=(claims["1992"], claims["1993"]), values=("1992", "1993"),
        sides=((claims["1992"].id,), (claims["1993"].id,)),
        explanation="both sentences speak of harlow, bridge, opened; courier says 1992; gazette says 1993",
        confidence=0.91)
    toll = Discrepancy(
        id="cccc3333dddd4444", fact="bridge toll <in euros>", fact_key="money|EUR|toll",
        klass="possible_update", claims=(claims["4 euros"], claims["5 euros"]), values=("4 EUR", "5 EUR"),
        sides=((claims["4 euros"].id,), (claims["5 euros"].id,)),
        explanation="the toll may have risen: <b>4</b> then 5 & more",
        confidence=0.6)
    dismissed = Review("dismissed", Decision("cccc3333dddd4444", "dismissed", "ana", "2026-11-23T10:15:00Z",
                                             note="two different tolls", fact=toll.fact, values=toll.values))
    return Report(
        documents=_documents(),
        claims=tuple(sorted(claims.values(), key=lambda c: (c.doc, c.start))),
        discrepancies=(toll, opened),  # deliberately unsorted: renderers sort
        reviews={"cccc3333dddd4444": dismissed},
        warnings=("docs/empty.txt: empty document, skipped",),
    )


def build_agreeing_report(claims: dict[str, Claim]) -> Report:
    """A check that found nothing to flag."""
    return Report(documents=_documents(), claims=tuple(sorted(claims.values(), key=lambda c: (c.doc, c.start))),
                  discrepancies=())


@pytest.fixture()
def claims() -> dict[str, Claim]:
    """The fixture claims by a short name."""
    return build_claims()


@pytest.fixture()
def report(claims) -> Report:
    """Two flags: an unreviewed conflict and a dismissed possible update."""
    return build_report(claims)


@pytest.fixture()
def agreeing_report(claims) -> Report:
    """A check that found nothing to flag."""
    return build_agreeing_report(claims)


@pytest.fixture()
def texts() -> dict[str, str]:
    """The fixture documents' texts by document id."""
    return dict(TEXTS)
