"""The web pages' view models: highlighting, paragraphs, review order and filters (no server)."""

from __future__ import annotations

from claims import Claim
from reconcile.model import Decision, Discrepancy, DocumentInfo, Report, Review
from reconcile.web.views import (
    PARAGRAPH_LIMIT,
    Filters,
    Segment,
    discrepancy_page,
    highlight,
    list_page,
    paragraph_bounds,
    paragraph_of,
    review_order,
    when,
)
from reconcile.web.workspace import Snapshot

TEXT = "Intro line.\n\nThe bridge opened in 1992. It cost 4 euros.\n  \nLast paragraph.\n"


def claim(surface: str, doc: str = "a.txt", text: str = TEXT, kind: str = "date") -> Claim:
    start = text.index(surface)
    sentence_start = text.rfind("\n", 0, start) + 1
    sentence_end = text.index(".", start) + 1
    return Claim(doc=doc, start=start, end=start + len(surface), text=surface, kind=kind, value=surface,
                 low=surface, high=surface, unit=None, qualifier=None, sentence=text[sentence_start:sentence_end],
                 sentence_start=sentence_start)


def flag(fingerprint: str, docs: tuple[str, ...], klass: str = "conflict") -> Discrepancy:
    claims = tuple(Claim(doc=doc, start=0, end=4, text="1992", kind="date", value="1992", low="1992", high="1992",
                         unit=None, qualifier=None, sentence="1992", sentence_start=0) for doc in docs)
    return Discrepancy(id=fingerprint, fact="year", fact_key="date", klass=klass, claims=claims,
                       values=("1992", "1993"), sides=((claims[0].id,), tuple(c.id for c in claims[1:])),
                       explanation="", confidence=0.8)


def snapshot(flags: list[Discrepancy], modified: dict[str, float], reviews: dict[str, Review] | None = None
             ) -> Snapshot:
    documents = tuple(DocumentInfo(doc, "0" * 64) for doc in sorted(modified))
    return Snapshot(Report(documents=documents, claims=(), discrepancies=tuple(flags), reviews=reviews or {}),
                    modified)


def decided(fingerprint: str, verdict: str, at: str) -> Review:
    return Review(verdict, Decision(fingerprint, verdict, "ana", at))


def test_highlight_cuts_the_text_around_each_claim():
    year, money = claim("1992"), claim("4 euros", kind="money")
    pieces = highlight(TEXT, [money, year], flags={year.id: ("f1",)}, states={"f1": "confirmed"}, current=money.id)
    assert "".join(p.text for p in pieces) == TEXT
    marked = [p for p in pieces if p.claim]
    assert marked == [Segment("1992", claim=year.id, flags=("f1",), state="confirmed"),
                      Segment("4 euros", claim=money.id, current=True)]
    assert marked[0].anchor == f"c-{year.start}-{year.end}"


def test_highlight_leaves_overlapping_and_moved_claims_plain():
    year = claim("1992")
    overlapping = Claim(**{**{f: getattr(year, f) for f in year.__slots__}, "start": year.start + 2,
                           "end": year.end + 3, "text": "92. I"})
    moved = Claim(**{**{f: getattr(year, f) for f in year.__slots__}, "start": 0, "end": 4, "text": "1992"})
    pieces = highlight(TEXT, [year, overlapping, moved])
    assert [p.text for p in pieces if p.claim] == ["1992"]
    assert "".join(p.text for p in pieces) == TEXT


def test_highlight_of_a_slice_uses_the_document_offsets():
    year = claim("1992")
    sentence_start = year.sentence_start
    pieces = highlight(year.sentence, [year], offset=sentence_start)
    assert [(p.text, bool(p.claim)) for p in pieces] == [("The bridge opened in ", False), ("1992", True),
                                                         (".", False)]


def test_a_paragraph_ends_at_blank_lines():
    start = TEXT.index("4 euros")
    low, high = paragraph_bounds(TEXT, start, start + 7)
    assert TEXT[low:high] == "The bridge opened in 1992. It cost 4 euros."
    low, high = paragraph_bounds(TEXT, 0, 5)
    assert TEXT[low:high] == "Intro line."


def test_a_paragraph_with_windows_line_endings():
    text = "Title\r\n\r\nThe terminal opened in 1983.\r\nIt has four berths.\r\n\r\nJobs\r\n"
    year = claim("1983", text=text)
    pieces = paragraph_of(year, text)
    assert "".join(p.text for p in pieces) == "The terminal opened in 1983.\r\nIt has four berths."
    assert [p.text for p in pieces if p.claim] == ["1983"]


def test_a_long_paragraph_is_cut_around_the_claim_and_says_so():
    text = "word " * 1000 + "in 1992. " + "word " * 1000
    year = claim("1992", text=text)
    pieces = paragraph_of(year, text)
    assert pieces[0].text == "… " and pieces[-1].text == " …"
    shown = "".join(p.text for p in pieces[1:-1])
    assert "in 1992. " in shown and len(shown) <= PARAGRAPH_LIMIT + 4
    short = paragraph_of(claim("1992"), TEXT)
    assert "".join(p.text for p in short) == "The bridge opened in 1992. It cost 4 euros."  # whole: no "…"


def test_no_paragraph_when_the_text_moved():
    assert paragraph_of(claim("1992"), "another text entirely, longer than the offsets") == ()
    assert paragraph_of(claim("1992"), None) == ()


def test_review_order_puts_unreviewed_first_newest_document_first():
    flags = [flag("aaa", ("old.txt", "new.txt")), flag("bbb", ("old.txt", "older.txt")),
             flag("ccc", ("older.txt", "old.txt")), flag("ddd", ("old.txt", "new.txt"))]
    reviews = {"ccc": decided("ccc", "confirmed", "2026-01-01T00:00:00Z"),
               "ddd": decided("ddd", "dismissed", "2026-02-01T00:00:00Z")}
    state = snapshot(flags, {"older.txt": 1.0, "old.txt": 2.0, "new.txt": 3.0}, reviews)
    # aaa touches the newest document; among the decided, the latest decision comes first
    assert [d.id for d in review_order(state)] == ["aaa", "bbb", "ddd", "ccc"]


def test_filter_choices_count_what_they_would_show():
    flags = [flag("aaa", ("x.txt", "y.txt")), flag("bbb", ("y.txt", "z.txt"), klass="possible_update")]
    state = snapshot(flags, {"x.txt": 1.0, "y.txt": 1.0, "z.txt": 1.0},
                     {"bbb": decided("bbb", "dismissed", "2026-01-01T00:00:00Z")})
    page = list_page(state, Filters(doc="z.txt"))
    assert [r.id for r in page.rows] == ["bbb"]
    assert [(o.value, o.count) for o in page.classes] == [("conflict", 0), ("possible_update", 1)]
    assert [(o.value, o.count) for o in page.states] == [("unreviewed", 0), ("confirmed", 0), ("dismissed", 1)]
    assert [(o.value, o.count, o.selected) for o in page.documents] == \
        [("x.txt", 1, False), ("y.txt", 2, False), ("z.txt", 1, True)]
    assert page.counts == {"unreviewed": 1, "confirmed": 0, "dismissed": 1}


def test_filters_read_from_a_query_ignore_unknown_values():
    assert Filters.from_query({"class": "conflict", "state": "nope", "doc": "a.txt"}) == \
        Filters(klass="conflict", doc="a.txt")
    assert Filters(klass="conflict", doc="a.txt").params() == {"class": "conflict", "doc": "a.txt"}


def test_a_page_opened_outside_its_filter_walks_the_whole_list():
    flags = [flag("aaa", ("x.txt", "y.txt")), flag("bbb", ("y.txt", "z.txt"))]
    state = snapshot(flags, {"x.txt": 1.0, "y.txt": 1.0, "z.txt": 1.0})
    page = discrepancy_page(state, flags[0], Filters(doc="z.txt"), texts={})
    assert (page.position, page.total, page.previous, page.next) == (1, 2, None, "bbb")
    assert page.filters == Filters()
    assert [len(side.claims) for side in page.sides] == [1, 1]
    assert page.sides[0].claims[0].paragraph == ()  # no text at hand: sentences only


def test_times_read_as_people_read_them():
    assert when("2026-11-23T10:15:00Z") == "2026-11-23 10:15 UTC"
    assert when("yesterday") == "yesterday"
