"""When something began: founding, establishment and opening dates, and what they are of.

"The two towns established twinning links on 12 May 1987" and "Since the links were
established in 1988" state one fact in sentences that share almost no words; a pair
model that reads word overlap gives them little weight.  A founding date is easier than
most facts to bind, though: the words before it say *what* began ("the Authority, which
was established in", "Twinning ties: Established in", "established twinning links on"), and two dates of one beginning of one subject cannot both be true.

:func:`origin_claims` finds the date claims that state a beginning, with the kind of
beginning (founded, opened, first held) and the subject's words.  :func:`origin_pairs`
gives the pairs that state the same beginning of the same subject.

One more form needs the sentences around a date: an article that opens with "The two
towns celebrate the 30th anniversary of establishing their twinning this year" and goes on
"In March 1994, the mayors met ..." dates that anniversary's event in its next dated
sentence.  The date must open its sentence and follow the anniversary within
:data:`LEAD_IN_WINDOW` characters, with no other dated sentence between, and the
anniversary must name a beginning ("of establishing", "of the founding of"): the "80th
anniversary of the war" dates no founding.

Foundings are rarer than most events, but "the company" or "the university" may still be
two different ones in two documents.  So a pair binds only across documents (within one,
the pair model decides, as for every rule) and only when the documents share the subject's
names: a name word one subject has and the other lacks ("Harvard University" against "the
University") must appear in the other document, and two subjects with no names at all
("the club", "twinning links") need documents that share proper names.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from claims import Claim

from . import values
from .text import STOP_WORDS, fold, proper_names, stem, words

#: How a flag names each kind of beginning ("founding of the Orland Rowing Club").
EVENT_NOUNS = {"founded": "founding", "opened": "opening", "first held": "first edition", "launched": "launch"}
#: The kinds of beginning: a founding year and an opening year of one museum may differ.
_EVENT_OF = {
    "founded": "founded", "founding": "founded", "foundation": "founded", "established": "founded",
    "establishing": "founded", "establishment": "founded", "set up": "founded", "created": "founded",
    "creation": "founded", "formed": "founded", "formation": "founded", "incorporated": "founded",
    "opened": "opened", "opening": "opened", "inaugurated": "opened", "inauguration": "opened",
    "commissioned": "opened", "launched": "launched",
    "first held": "first held", "first staged": "first held",
}
_CUE = (r"(?:founded|founding|established|establishment|set\s+up|created|creation|formed|incorporated|opened|"
        r"opening|inaugurated|commissioned|launched|first\s+held|first\s+staged|began\s+(?:production|operations?)|"
        r"(?:in\s+(?:service|operation|production)|operating|operational|open)\s+since)")
#: "<subject> [was] established [in Kelmstad] in DATE": the cue right before the date (also
#: what makes a date a founding year for :mod:`reconcile.anniversaries`).
FOUNDING_RE = re.compile(
    rf"(?i:\b(?P<cue>{_CUE}))(?:\s+(?i:in|at)\s+[A-Z][\w\-‑]*(?:\s+[A-Z][\w\-‑]*){{0,2}})?"
    r"(?i:(?:\s+(?:in|on|back\s+in|as\s+early\s+as))?)\s*[,(]?\s*$")
#: Any founding or opening word ("Museum founded", "Year established" in a table row's label).
FOUNDING_WORD_RE = re.compile(rf"(?i:\b{_CUE}\b)")
#: "established twinning links on DATE": the subject is the verb's object; not "formed
#: an opinion", "opened fire", "established a world record" (a new thing of a kind, not one thing).
_ACTIVE_RE = re.compile(
    r"(?i:\b(?P<cue>founded|established|set\s+up|created|inaugurated)\s+"
    r"(?!(?:a|an|another|in|on|at|to|by|for|with|as|from|after|before|during)\b)"
    r"(?P<object>(?:[A-Za-z0-9][\w\-‑’']*\s+){1,4}?)(?:in|on)\s*$)")
#: A table row "Museum founded    1871": the label names the subject before its cue.
_LABEL_CUE_RE = re.compile(rf"(?i:^(?P<subject>.*?)\s+(?P<cue>{_CUE})\s*:?\s*$)")
#: "the 30th anniversary of establishing the twinning between ...": the anniversary's event.
_ANNIVERSARY_OF_RE = re.compile(
    r"(?i:^[\s-]*anniversary\s+of\s+(?:the\s+)?"
    r"(?:(?P<cue>establishing|founding|opening|establishment|foundation|creation|formation|inauguration)"
    r"(?:\s+of)?\s+(?:the\s+)?)?(?P<object>[A-Za-z][\w\-‑’' ]*))")
#: A date that opens its sentence: "In March 1994, ...", "On 12 May 1987 ...".
_OPENS_SENTENCE_RE = re.compile(r"(?i:^\W*(?:(?:back\s+)?in|on)?\s*$)")
#: Words between a subject and its founding verb that are not the subject (stripped one at a
#: time from the end: a single pattern with a repeated group backtracks badly on long runs).
_LINKING_WORD_RE = re.compile(
    r"(?i:[\s,]*\b(?:which|that|who|was|were|is|are|has|have|had|been|be|being|first|originally|officially|"
    r"formally|only|finally)\s*$)")
#: Longest text a subject is read from (characters): names are short, and the patterns stay linear.
PHRASE_LIMIT = 120
_TOKEN_RE = re.compile(r"[A-Za-z][\w\-‑’']*|\d+")
_PRONOUNS = frozenset("it they this these he she we its their".split())
#: Nouns English uses for one thing: "trade ties", "trade relations", "the trade relationship".
_SYNONYMS = {"tie": "relation", "relationship": "relation"}
#: Modifiers that make another thing of the same name: "the new terminal" is not "the terminal".
_DISTINGUISHING = frozenset("new old original former current present temporary permanent first second third "
                            "later earlier expanded extended rebuilt modern".split())
#: At most this many characters between an anniversary sentence and the date that dates its event.
LEAD_IN_WINDOW = 240
#: The subject is looked for at most this far before the founding words (characters).
SUBJECT_WINDOW = 80


@dataclass(frozen=True)
class OriginClaim:
    """A date claim that says when something began.

    Attributes:
        claim: The date claim.
        event: "founded", "opened", "launched" or "first held" (a key of :data:`EVENT_NOUNS`).
        subject: The stems of what began, the head last ("trade", "relation").
        name: What began, as written ("Trade ties", "University of Caldermere").
        via: The anniversary whose event this date dates, when the subject comes from it.
    """

    claim: Claim
    event: str
    subject: tuple[str, ...]
    name: str = ""
    via: Claim | None = None

    @property
    def name_words(self) -> frozenset[str]:
        """The capitalised words of the name but its head, lower-cased ("harvard")."""
        tokens = _TOKEN_RE.findall(fold(self.name))
        return frozenset(t.lower() for t in tokens[:-1] if t[:1].isupper() and t.lower() not in STOP_WORDS)

    def describe(self) -> str:
        """ "founding of the Orland Rowing Club", "opening of Line 3"."""
        noun = EVENT_NOUNS.get(self.event, self.event)
        name = self.name
        if not all(w[:1].isupper() or w[:1].isdigit() for w in name.split()):
            name = name[:1].lower() + name[1:]  # "Trade ties:" opens a line; "Line 3" is a name
        return f"{noun} of {name}"


def _subject(phrase: str) -> tuple[tuple[str, ...], str]:
    """The noun phrase ``phrase`` ends with: its stems, the head last (at most three words), and
    its words as written; ``((), "")`` when there is none.

    "the Tarnwell Provincial Health Agency (TPHA)" -> ("provincial", "health", "agency");
    "National Institute of Statistics and Census" -> ("national", "institute") (a name's
    head comes before its "of"); "Brannholm's Line 3" -> ("brannholm", "line 3").
    """
    phrase = re.sub(r"(?:\s*\([^)]*\))+\s*$", "", phrase[-PHRASE_LIMIT:].rstrip(" ,"))
    phrase = re.split(r"[,;.!?—–\"“”()\[\]|:]|\s-\s", phrase)[-1]
    complement = ""
    name = re.search(r"(?:\b[A-Z][\w\-‑’']*\s+)+of\s+(?:the\s+)?[A-Z][\w\-‑’']*"
                     r"(?:\s+(?:and|for|of|the|[A-Z][\w\-‑’']*))*\s*$", phrase)
    if name:  # "National Institute of Statistics and Census": the head comes before "of"
        head, complement = name.group(0).rstrip().split(" of ", 1)
        phrase = phrase[: name.start()] + head
    tokens = _TOKEN_RE.findall(fold(phrase))
    if not tokens or tokens[-1].lower() in _PRONOUNS:
        return (), ""
    run: list[str] = []
    surface: list[str] = []
    for token in reversed(tokens):
        low = token.lower()
        if low in STOP_WORDS or low in _PRONOUNS:
            break
        if token.isdigit():
            if run:
                break
            run.append(token)
            surface.insert(0, token)
            continue
        stemmed = _SYNONYMS.get(stem(low), stem(low))
        if run and run[-1].isdigit() and len(run) == 1:
            run = [f"{stemmed} {run[0]}"]  # "Line 3", "Berth 6": the number is part of the name
        else:
            run.insert(0, stemmed)
        surface.insert(0, token)
    if not run or run[-1].isdigit():
        return (), ""
    written = " ".join(surface[-4:]) + (f" of {complement}" if complement else "")
    return tuple(run[-3:]), written


def _year(claim: Claim) -> int | None:
    if claim.kind != "date" or not isinstance(claim.value, str) or not claim.value[:4].isdigit():
        return None
    return int(claim.value[:4])


def _event(cue: str) -> str:
    cue = " ".join(cue.lower().split())
    return "opened" if cue.endswith("since") or cue.startswith("began") else _EVENT_OF[cue]


def _strip_linking(lead: str) -> str:
    """ "the Authority, which had been first" -> "the Authority"."""
    while True:
        stripped = _LINKING_WORD_RE.sub("", lead)
        if stripped == lead:
            return lead
        lead = stripped


def _stated_origin(claim: Claim) -> OriginClaim | None:
    """An origin stated in the claim's own sentence or table row.

    The forms: "<subject>, which was established in DATE", "* <subject>: Established in
    DATE", "Founded in DATE as ..., the <subject> ...", "<verb> <subject> on DATE" and a
    row labelled "<subject> opened".
    """
    if claim.row_label and len(claim.row_label) <= PHRASE_LIMIT:
        labelled = _LABEL_CUE_RE.match(claim.row_label.strip())
        if labelled:
            subject, name = _subject(labelled.group("subject"))
            return OriginClaim(claim, _event(labelled.group("cue")), subject, name) if subject else None
    before = claim.sentence[: max(0, claim.start - claim.sentence_start)]
    window = before[-SUBJECT_WINDOW:]
    passive = FOUNDING_RE.search(window)
    if passive:
        event = _event(passive.group("cue"))
        lead = window[: passive.start()]
        label = re.search(r"(?:^|\n)[\s*•\-–]*(?P<label>[A-Za-z][\w\-‑ ]{1,40}?)\s*:\s*$", lead)
        if label:  # "* Twinning ties: Established in 1988"
            subject, name = _subject(label.group("label"))
        elif not before[: len(before) - len(window) + passive.start()].strip(" \t*•-–\n"):
            # the cue opens the sentence: "Founded in 1887 as a school of science, the university ..."
            after = claim.sentence[claim.end - claim.sentence_start:]
            named = re.match(r"[^,]{0,120},\s*(?:the\s+)?(?P<name>(?:[\w\-‑’']+\s+){0,4}?[\w\-‑’']+)"
                             r"(?=\s+(?:is|was|has|had|became|now|remains|today|\w+s)\b)", after)
            subject, name = _subject(named.group("name")) if named else ((), "")
        else:
            subject, name = _subject(_strip_linking(lead))
        return OriginClaim(claim, event, subject, name) if subject else None
    active = _ACTIVE_RE.search(window)
    if active:
        subject, name = _subject(active.group("object"))
        return OriginClaim(claim, _event(active.group("cue")), subject, name) if subject else None
    return None


def _anniversary_event(claim: Claim) -> tuple[str, tuple[str, ...], str] | None:
    """The beginning an anniversary counts from, when it names one: "the 30th anniversary of
    establishing their twinning" -> ("founded", ("twinn",), "twinning").  The "80th anniversary
    of the war" names none."""
    after = claim.sentence[claim.end - claim.sentence_start:]
    match = _ANNIVERSARY_OF_RE.match(after)
    if match is None or match.group("cue") is None:
        return None
    cue = match.group("cue").lower()
    # the object runs to its first function word: "the twinning between our two towns"
    object_words = []
    for token in match.group("object").split():
        if token.lower() in STOP_WORDS:
            break
        object_words.append(token)
    subject, name = _subject(" ".join(object_words))
    return (_EVENT_OF[cue], subject, name) if subject else None


def _lead_in_origins(claims: Sequence[Claim]) -> list[OriginClaim]:
    """Dates that open the next dated sentence after an "anniversary of <event>" sentence."""
    by_doc: dict[str, list[Claim]] = {}
    for c in claims:
        by_doc.setdefault(c.doc, []).append(c)
    found = []
    for doc_claims in by_doc.values():
        doc_claims = sorted(doc_claims, key=lambda c: c.start)
        for k, claim in enumerate(doc_claims):
            if claim.kind != "ordinal":
                continue
            event = _anniversary_event(claim)
            if event is None:
                continue
            sentence_end = claim.sentence_start + len(claim.sentence)
            for later in doc_claims[k + 1:]:
                if later.start - sentence_end > LEAD_IN_WINDOW:
                    break
                if later.sentence_start == claim.sentence_start or _year(later) is None:
                    continue
                before = later.sentence[: max(0, later.start - later.sentence_start)]
                if _OPENS_SENTENCE_RE.match(before):
                    found.append(OriginClaim(later, *event, via=claim))
                break  # only the first dated sentence after the anniversary
    return found


def origin_claims(claims: Sequence[Claim]) -> list[OriginClaim]:
    """Every date claim that says when something began, with what began.

    Args:
        claims: Every claim of the corpus.

    Returns:
        The origins, in document and offset order; a claim dated by an anniversary that
        also states its own subject keeps its own.
    """
    stated = {}
    for claim in claims:
        if _year(claim) is None:
            continue
        origin = _stated_origin(claim)
        if origin is not None:
            stated[claim.id] = origin
    for origin in _lead_in_origins(claims):
        stated.setdefault(origin.claim.id, origin)
    return sorted(stated.values(), key=lambda o: (o.claim.doc, o.claim.start))


def same_subject(a: Sequence[str], b: Sequence[str]) -> bool:
    """One subject: the same head, and modifiers that do not differ ("relation" = "trade relation")."""
    if not a or not b or a[-1] != b[-1]:
        return False
    left, right = set(a[:-1]), set(b[:-1])
    if (left & _DISTINGUISHING) != (right & _DISTINGUISHING):
        return False  # "the new terminal" and "the terminal"
    return not left or not right or bool(left & right)


#: Two beginnings this many years apart or fewer may be one date misremembered.
SLIP_YEARS = 10


def _plausible_slip(a: Claim, b: Claim) -> bool:
    """Could one year be the other mistyped or misremembered?

    Within :data:`SLIP_YEARS` years, or one digit changed, or two neighbouring digits
    swapped ("1867" for "1876").  "The building, which opened in 1902" against "officially
    opened on 12 September 2024" are two buildings under one head noun, not a slip.
    """
    year_a, year_b = _year(a), _year(b)
    if year_a is None or year_b is None:
        return True
    if abs(year_a - year_b) <= SLIP_YEARS:
        return True
    x, y = str(year_a), str(year_b)
    if len(x) != len(y):
        return False
    diff = [k for k in range(len(x)) if x[k] != y[k]]
    return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                              and x[diff[0]] == y[diff[1]] and x[diff[1]] == y[diff[0]])


#: Two documents whose subjects carry no name must share at least this many proper names.
SHARED_NAMES = 2


def _documents_agree(a: OriginClaim, b: OriginClaim, doc_words: dict[str, set[str]],
                     doc_names: dict[str, set[str]]) -> bool:
    """Do the two documents speak of the same subject (see the module's docstring)?"""
    for one, other in ((a, b), (b, a)):
        missing = {w for w in one.name_words if stem(w) not in other.subject}
        if missing and not missing & doc_words[other.claim.doc]:
            return False  # "Harvard University" against a document that never names Harvard
    if a.name_words or b.name_words:
        return True
    return len(doc_names[a.claim.doc] & doc_names[b.claim.doc]) >= SHARED_NAMES


def origin_pairs(claims: Sequence[Claim]) -> list[tuple[OriginClaim, OriginClaim]]:
    """Pairs of date claims of two documents that state the same beginning of the same subject,
    with different dates.

    Args:
        claims: Every claim of the corpus.

    Returns:
        ``(a, b)`` pairs of origins, ``a`` before ``b`` in document and offset order.
    """
    by_head: dict[tuple[str, str], list[OriginClaim]] = defaultdict(list)
    for origin in origin_claims(claims):
        by_head[(origin.event, origin.subject[-1])].append(origin)
    possible = [(a, b) for group in by_head.values() for k, a in enumerate(group) for b in group[k + 1:]
                if a.claim.doc != b.claim.doc and same_subject(a.subject, b.subject)
                and not values.compatible(a.claim, b.claim) and _plausible_slip(a.claim, b.claim)]
    if not possible:
        return []
    # the words of the documents that hold a possible pair (most corpora have none)
    involved = {origin.claim.doc for pair in possible for origin in pair}
    doc_words: dict[str, set[str]] = defaultdict(set)
    doc_names: dict[str, set[str]] = defaultdict(set)
    seen: set[tuple[str, int]] = set()
    for c in claims:
        if c.doc in involved and (c.doc, c.sentence_start) not in seen:
            seen.add((c.doc, c.sentence_start))
            doc_words[c.doc].update(words(c.sentence))
            doc_names[c.doc].update(proper_names(c.sentence))
    pairs = [(a, b) for a, b in possible if _documents_agree(a, b, doc_words, doc_names)]
    pairs.sort(key=lambda p: (p[0].claim.doc, p[0].claim.start, p[1].claim.doc, p[1].claim.start))
    return pairs
