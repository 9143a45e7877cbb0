"""What binds a claim to a fact, and how alike two claims' facts are (pair features).

Each claim gets a :class:`ClaimContext`: the words around it (left and right windows), the
noun it measures, the subject names of its sentence, the heading or table row it sits
under, scope words (total, annual, planned, ...), the explicit reference time its
sentence gives ("as of 2021", "in 2019") and its document's date.  :func:`pair_features`
turns two contexts into the numbers the pair model reads.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from claims import Claim

from . import values
from .text import SCOPE_GROUPS, STOP_WORDS, CuedPattern, Idf, content_stems, proper_names, scope_groups, stem, words

WINDOW = 6
_RELATIVE_YEAR_RE = CuedPattern(r"(?i)\b(last|previous|this|current|next|coming)\s+year(?:'s|’s)?\b", cues=("year",))
_RELATIVE_YEARS = {"last": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1}
_YEAR_RE = re.compile(r"(?<![0-9.,])(1[89][0-9]{2}|20[0-9]{2})(?![0-9])")
# A reference period: a year, or a year range written as one period ("2022–23", "2021/22").
_PERIOD_RE = re.compile(r"(?<![0-9.,])((?:1[89]|20)[0-9]{2})(?:\s*[-–‑/]\s*((?:1[89]|20)?[0-9]{2}))?(?![0-9])")
# A year that dates an event of the sentence, not the period of its figures: "founded in
# 1887 and now enrolling 31,450 students", "a programme that began in 1995".
_EVENT_YEAR_BEFORE_RE = re.compile(
    r"(?i:\b(?:founded|established|began|begun|started|launched|opened|built|created|set\s+up|inaugurated"
    r"|born|introduced)\s+(?:in\s+)?(?:(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\s+)?)\Z")
# Words right before a number that make it a comparison baseline, not the fact itself:
# "up from 2.81", "against 2.6 nationwide", "more than the 412 approved", "compared with 71.2".
# Dates that stamp the document itself (bylines, updates, comments), not a fact it states.
# A byline opens its line with a name right before the date ("By Anna Kell, 12 March 2024");
# "approved by the cabinet in 2018" and "Hit by Storm Ada, 12 March" date what they tell.
_META_CUE_RE = re.compile(r"(?i:\b(?:published|updated|posted|last\s+edited|edited|filed|reading\s+time|"
                          r"comments?|retrieved|accessed|archived)\b[^.!?]{0,40}$|·\s*$)"
                          r"|(?:^|[\n·|])[ \t]*[Bb]y\s+[A-Z][a-z]+(?:\s+[A-Z][A-Za-z.’'\-]*){0,3}\s*(?:[,|·–—-]+\s*|\s)$")
# A dateline: the place a release or a story was filed from, then its date, alone or before
# a dash ("Velmora, 18 March 2024", "For immediate release · Velmora, 15 March 2024 – The ...").
_DATELINE_BEFORE_RE = re.compile(r"(?:^|[·|]\s*)[A-Z][A-Za-z’'\-]+(?:\s+[A-Z][A-Za-z’'\-]+){0,2},\s*$")
_DATELINE_AFTER_RE = re.compile(r"^\s*(?:$|[–—-]\s|:)")
# A wire story's dateline: the city in capitals, its region, the agency, dashes, around the
# date ("TOLLMERE, Arvenia (CPA) -- Feb. 4, 2025 -- ...", "VELMORA, Ostrevia, March 14, 2024
# (CPA) — ...").  The date is the day the story was filed, not the day of what it reports.
_WIRE_DATELINE_BEFORE_RE = re.compile(
    r"^\s*[A-Z][A-Z’'\-.]+(?:\s+[A-Z][A-Z’'\-.]+)*(?:,\s*[A-Z][A-Za-z’'\-.]+(?:\s+[A-Z][A-Za-z’'\-.]+)*)*"
    r"\s*(?:\([A-Z][A-Za-z&.\s]{0,20}\)\s*)?(?:(?:,|[–—-]{1,2})\s*)?$")
_WIRE_DATELINE_AFTER_RE = re.compile(r"^\s*(?:\([A-Z][A-Za-z&.\s]{0,20}\)\s*)?(?:$|[–—-]{1,2}\s|:)")
# A correction note retracts the figure it quotes: "An earlier version of this article gave the
# length as 186 km" (the figure it gives as correct, "the correct length is 168 km", stays).
_CORRECTION_RE = CuedPattern(r"(?i:\b(?:an?\s+(?:earlier|previous)\s+version\s+of\s+this|incorrectly|wrongly|"
                             r"misstated|erroneously|in\s+error)\b)",
                             cues=("version", "incorrectly", "wrongly", "misstated", "erroneously", "error"))
_CORRECT_FIGURE_RE = re.compile(r"(?i:\b(?:correct(?:ly)?|actually|in\s+fact|should\s+(?:have\s+)?(?:been|be|read|said))"
                                r"\b[^.;:]{0,40}$)")
# The heading of a list of cited sources, and a wiki's category line that may follow it.
_REFERENCES_HEADING_RE = re.compile(
    r"(?i)^\W*(?:(?:notes\s+and\s+)?references|sources|bibliography|works\s+cited|citations)\W*(?:\[edit\])?\W*$")
_CATEGORIES_LINE_RE = re.compile(r"(?i)^\s*categor(?:y|ies)\b")
_BASELINE_CUE_RE = CuedPattern(
    r"(?i:\b(?:from|against|than|versus|vs\.?|compared\s+(?:with|to)|previous(?:ly)?|former(?:ly)?|"
    r"instead\s+of|rather\s+than|down\s+on|up\s+on|originally|initially|earlier)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:[A-Za-z\-]+\s+)?)$",
    cues=("from", "against", "than", "versus", "vs", "compared", "previous", "former", "instead", "down", "up",
          "originally", "initially", "earlier"))
_REF_MARKER_RE = re.compile(
    r"(?i:\b(as\s+of|as\s+at|at\s+the\s+end\s+of|by\s+the\s+end\s+of|by|in|since|during|for|until|through|"
    r"from|between|before|after|of|fiscal|fy)\s+(?:the\s+)?(?:end\s+of\s+)?(?:[A-Za-z]+\s+)?)$")
_TABLE_GAP_RE = re.compile(r"\t|\s{2,}|\s*\|\s*")
# Phrases that make a figure a running total: each is its own cue (see CuedPattern).
_CUMULATIVE_PHRASES = ("so far", "to date", "since", "in total", "altogether", "cumulative", "running total",
                       "all told", "over the years", "to this day", "thus far", "as of", "as at", "until now",
                       "up to now")
_CUMULATIVE_RE = CuedPattern(rf"(?i:\b(?:{'|'.join(_CUMULATIVE_PHRASES)})\b)", cues=_CUMULATIVE_PHRASES)
#: The verbs that say what a date dates ("opened on 9 May", "signed in 2019").
EVENT_VERBS = (
    "establish found open launch approve sign start complete announce elect inaugurate create adopt "
    "recognise recognize ratify award introduce enter expire end close publish release restore reopen "
    "resume collapse fail kill erupt evacuate suspend cancel postpone deliver decommission arrive "
    "depart acquire settle discover detect disclose retire merge dissolve finish").split()
#: The forms of the irregular ones, which no rule of :func:`_verb_forms` makes.
IRREGULAR_EVENT_FORMS = ("begin begins began begun beginning build builds building built hold holds holding "
                         "held take takes taking took taken die dies died dying sink sinks sank sunk").split()


def _verb_forms(verb: str) -> set[str]:
    """A regular verb's forms: "approve" -> approves, approved, approving; "ratify" ->
    ratifies, ratified; "cancel" -> cancelled and canceled; "establish" -> establishes."""
    if verb.endswith("e"):
        return {verb, verb + "s", verb + "d", verb[:-1] + "ing"}
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return {verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    forms = {verb, verb + ("es" if verb.endswith(("s", "sh", "ch", "x", "z")) else "s"), verb + "ed", verb + "ing"}
    if verb.endswith("l") and verb[-2] in "aeiou" and verb[-3] not in "aeiou":  # British "cancelled"
        forms.update((verb + "led", verb + "ling"))
    return forms


def _event_stems(verbs: Sequence[str], irregular: Sequence[str]) -> frozenset[str]:
    """The stems of every form of the verbs, as :func:`stem` makes them from the text
    ("approved" -> "approv", not "approve")."""
    forms = set(irregular)
    for verb in verbs:
        forms.update(_verb_forms(verb))
    return frozenset(stem(form) for form in forms)


#: Stems of the words that say what a date dates, as they appear among a claim's tokens.
EVENT_WORDS = _event_stems(EVENT_VERBS, IRREGULAR_EVENT_FORMS)


@dataclass(slots=True)
class ClaimContext:
    """Everything the pair model reads about one claim."""

    claim: Claim
    block: tuple[str, ...]
    sent: frozenset[str]
    left: tuple[str, ...]
    right: tuple[str, ...]
    noun: tuple[str, ...]
    head: str | None
    prev: frozenset[str]
    heading: frozenset[str]
    row: frozenset[str]
    names: frozenset[str]
    scope: frozenset[str]
    ref_years: frozenset[int]
    periods: frozenset[str]
    tight: frozenset[str]
    local_names: frozenset[str]
    baseline: bool
    is_meta: bool
    cumulative: bool
    doc_date: str | None
    is_table: bool
    surface: dict[str, str]
    bare_sentence: str
    support: int = 1
    siblings: tuple[Claim, ...] = ()
    neighbours: tuple[Claim, ...] = ()  # the amounts of the sentence, of any block
    # the contexts of this claim's block in its document (itself included): its rivals
    doc_block: tuple[ClaimContext, ...] = ()
    # what every pair of this claim reads (:class:`_PairSide`), made on its first pair
    pair_side: _PairSide | None = None


_DATE_MARKER_RE = re.compile(r"(?i:published|updated|posted|last\s+edited|edited|dated?|issued|released|filed|as\s+of)")


def document_date(claims: Sequence[Claim]) -> str | None:
    """A document's own date (ISO), from its claims: its dateline, or the first full date near the top."""
    full = [c for c in claims if c.kind == "date" and c.precision == "day"
            and isinstance(c.value, str) and len(c.value) == 10]
    marked = [c for c in full if _DATE_MARKER_RE.search(c.sentence[: max(0, c.start - c.sentence_start)][-40:])]
    chosen = marked or [c for c in full if c.start < 600]
    return min(chosen, key=lambda c: c.start).value if chosen else None


def doc_dates(claims: Sequence[Claim]) -> dict[str, str]:
    """Each document's own date (:func:`document_date`), for the documents that state one."""
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_doc[c.doc].append(c)
    dates = {doc: document_date(doc_claims) for doc, doc_claims in by_doc.items()}
    return {doc: date for doc, date in dates.items() if date is not None}


def _split_row(sentence: str) -> list[str]:
    return [cell for cell in _TABLE_GAP_RE.split(sentence.strip()) if cell.strip()]


def build_contexts(claims: Sequence[Claim], *, aliases: dict[str, tuple[str, ...]] | None = None
                   ) -> tuple[list[ClaimContext | None], Idf]:
    """Contexts for every claim (``None`` for claims that are never compared) and the IDF.

    Args:
        claims: All claims of the corpus.
        aliases: Canonical name -> other names; each alias is rewritten to its canonical
            name before words are compared.
    """
    alias_map = _alias_rewriter(aliases or {})
    sentences: dict[tuple[str, int], list[str]] = {}
    for c in claims:
        key = (c.doc, c.sentence_start)
        if key not in sentences:
            sentences[key] = content_stems(alias_map(c.sentence))
    idf = Idf(sentences.values())
    dates = doc_dates(claims)
    money_nouns = currency_nouns(claims)
    contexts: list[ClaimContext | None] = []
    for c in claims:
        block = values.block_key(c)
        if block is None:
            contexts.append(None)
            continue
        if block == ("count",) and c.noun and money_nouns and isinstance(c.value, (int, float)) and c.value >= 1000:
            # "58 million mark" in a story that never defines the mark: an amount of the
            # currency another document of the corpus defines ("Meravian marks (MRK)"); small
            # counts stay counts ("85 marks out of 100")
            code = next((money_nouns[w] for w in map(_singular, c.noun.lower().split()[:2]) if w in money_nouns), None)
            if code and not _MILESTONE_RE.search(c.sentence, max(0, c.start - c.sentence_start - 6),
                                                 c.start - c.sentence_start):
                block = ("money", code)
        contexts.append(_context(c, block, alias_map, dates.get(c.doc)))
    # support: how many claims of the block state a value compatible with this one
    by_block: dict[tuple, list[int]] = defaultdict(list)
    for i, ctx in enumerate(contexts):
        if ctx is not None:
            by_block[ctx.block].append(i)
    by_doc_block: dict[tuple, list[ClaimContext]] = defaultdict(list)
    for ctx in contexts:
        if ctx is not None:
            by_doc_block[(ctx.block, ctx.claim.doc)].append(ctx)
    for group in by_doc_block.values():
        shared = tuple(group)
        for ctx in shared:
            ctx.doc_block = shared
    # siblings: the other claims of the block in the sentence; neighbours: its amounts, of any block
    by_sentence: dict[tuple, list[int]] = defaultdict(list)
    for i, ctx in enumerate(contexts):
        if ctx is not None:
            by_sentence[(ctx.claim.doc, ctx.claim.sentence_start)].append(i)
    for members in by_sentence.values():
        if len(members) < 2:
            continue
        amounts = [j for j in members if contexts[j].claim.kind in AMOUNT_KINDS] if len(members) <= MAX_NEIGHBOURS else []
        for i in members:
            ctx = contexts[i]
            ctx.siblings = tuple(contexts[j].claim for j in members if j != i and contexts[j].block == ctx.block)
            ctx.neighbours = tuple(contexts[j].claim for j in amounts if j != i)
    subjects: dict[str, tuple[str, ...]] | None = None
    for members in by_block.values():
        if len(members) > SUPPORT_ALL_PAIRS:
            # an archive: a value's support is counted among the documents about the same subject
            subjects = document_subjects(claims) if subjects is None else subjects
            _support_by_subject(members, contexts, subjects)
            continue
        _count_support(members, contexts)
    return contexts, idf


# A currency a document names and codes, its country's adjective first: "in Meravian marks (MRK)".
_CURRENCY_DEFINITION_RE = re.compile(r"\b[A-Z][a-z]+\s+([a-z]{3,}s)\s+\(([A-Z][A-Za-z]{1,3})\)")


# "passed the 100,000 mark": a milestone, not an amount
_MILESTONE_RE = re.compile(r"(?i:\bthe\s+)\Z")


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def currency_nouns(claims: Sequence[Claim]) -> dict[str, str]:
    """The currency names the corpus defines, each with the code of its amounts.

    A name counts when one of the corpus's sentences writes it before the code in brackets
    ("Meravian marks (MRK)") and amounts of that code are claimed; a name given two codes
    is left out.  Keys are singular ("mark").
    """
    codes = {c.unit for c in claims if c.kind == "money" and c.unit}
    if not codes:
        return {}
    found: dict[str, set[str]] = defaultdict(set)
    seen: set[tuple[str, int]] = set()
    for c in claims:
        if (c.doc, c.sentence_start) in seen:
            continue
        seen.add((c.doc, c.sentence_start))
        if "(" not in c.sentence and "(" not in (c.previous or ""):
            continue  # no code in brackets
        # the sentence and the one or two before it: a definition may hold no number itself
        for m in _CURRENCY_DEFINITION_RE.finditer(f"{c.previous or ''}\n{c.sentence}"):
            if m.group(2) in codes:
                found[_singular(m.group(1))].add(m.group(2))
    return {noun: next(iter(code)) for noun, code in sorted(found.items()) if len(code) == 1}


#: Blocks up to this size count each value's support among all their claims.
SUPPORT_ALL_PAIRS = 400
#: Values within this relative difference (and compatible) support one another.
SAME_VALUE = 0.02
#: How many names stand for a document's subject (:func:`document_subjects`).
SUBJECT_NAMES = 3


def name_mentions(claims: Sequence[Claim]) -> dict[str, int]:
    """How many of the sentences holding ``claims`` (one document's) name each proper name."""
    mentions: dict[str, int] = defaultdict(int)
    seen_sentences: set[int] = set()
    for claim in claims:
        if claim.sentence_start in seen_sentences:
            continue
        seen_sentences.add(claim.sentence_start)
        for name in proper_names(claim.sentence):
            mentions[name] += 1
    return dict(mentions)


def document_subjects(claims: Sequence[Claim], *, per_document: int = SUBJECT_NAMES
                      ) -> dict[str, tuple[str, ...]]:
    """The names that say what each document is about.

    In an archive, "5,265 operations were carried out at the hospital last year" shares no
    rare word with "Surgeons at the Kelmby Children's Hospital performed 2,565 operations":
    what binds them is that both documents are about Kelmby.  A document's subject names are
    the proper names of its claims' sentences weighed as TF-IDF: named in many of its
    sentences, in few other documents (but in at least one: a name no other document has
    binds nothing).

    Args:
        claims: Every claim of the corpus.
        per_document: How many names to keep for each document.

    Returns:
        Document id -> its subject names (lower case), heaviest first, possibly empty.
    """
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_doc[claim.doc].append(claim)
    return subjects_of({doc: name_mentions(doc_claims) for doc, doc_claims in by_doc.items()},
                       per_document=per_document)


def subjects_of(mentions: Mapping[str, Mapping[str, int]], *, per_document: int = SUBJECT_NAMES
                ) -> dict[str, tuple[str, ...]]:
    """:func:`document_subjects` from each document's :func:`name_mentions`."""
    mentions = {doc: names for doc, names in mentions.items() if names}
    document_frequency: dict[str, int] = defaultdict(int)
    for names in mentions.values():
        for name in names:
            document_frequency[name] += 1
    documents = len(mentions) + 1
    rarity = {name: math.log(documents / frequency) for name, frequency in document_frequency.items() if frequency > 1}
    subjects = {}
    for doc, names in mentions.items():
        weighed = [(-(count * rarity[name]), name) for name, count in names.items() if name in rarity]
        # the heaviest first, ties by name (names of one document are distinct)
        heaviest = heapq.nsmallest(per_document, weighed) if per_document < len(weighed) else sorted(weighed)
        subjects[doc] = tuple(name for _weight, name in heaviest)
    return subjects


@dataclass(frozen=True)
class DocumentSummary:
    """What reconciling an archive needs to know of a document before reading its claims.

    Attributes:
        names: :func:`name_mentions` of its claims (to cut an archive by subject).
        blocks: How many of its claims fall in each block (:func:`values.block_key`, joined
            with a unit separator): an archive with a block too large for all pairs is cut.
        date: Its own date (:func:`document_date`).
    """

    names: dict[str, int]
    blocks: dict[str, int]
    date: str | None


def summarize_document(claims: Sequence[Claim]) -> DocumentSummary:
    """The :class:`DocumentSummary` of one document's claims."""
    blocks: dict[str, int] = defaultdict(int)
    for claim in claims:
        block = values.block_key(claim)
        if block is not None:
            blocks["\x1f".join(block)] += 1
    return DocumentSummary(name_mentions(claims), dict(blocks), document_date(claims))


def _support_by_subject(members: Sequence[int], contexts: Sequence[ClaimContext | None],
                        subjects: dict[str, tuple[str, ...]]) -> None:
    """Support in a large block: the claims stating the value among the documents that
    share the claim's document's main subject name (or, lacking one, in its own document).

    Within each such group the claims are sorted by value, so that only near values are
    compared: linear in the group but for runs of one value.
    """
    groups: dict[str, list[int]] = defaultdict(list)
    for i in members:
        doc = contexts[i].claim.doc
        names = subjects.get(doc, ())
        groups[names[0] if names else "\0" + doc].append(i)
    for group in groups.values():
        _count_support(group, contexts)


def _count_support(group: Sequence[int], contexts: Sequence[ClaimContext | None]) -> None:
    """Each claim's support: how many claims of ``group`` (itself included) state its value.

    Only claims whose values lie near compare (:func:`value_neighbours`).  A claim whose
    value has no position (a date without an interval) keeps the support of 1 it was made
    with: no claim shares its value.
    """
    claims = [contexts[i].claim for i in group]
    # a claim with a position states its own value: compatible, no difference
    support = [1] * len(claims)
    # each pair once, counted for both claims: compatible() is symmetric
    for k, m in value_neighbours(claims, within=SAME_VALUE):
        if values.compatible(claims[k], claims[m]) and _same_value_text(claims[k], claims[m]):
            support[k] += 1
            support[m] += 1
    for i, count in zip(group, support):
        contexts[i].support = count


def value_neighbours(claims: Sequence[Claim], *, within: float) -> Iterator[tuple[int, int]]:
    """The pairs of ``claims`` whose values may lie less than ``within`` apart.

    The claims are sorted by value and each is compared with the next ones until one lies
    too far: linear in the claims but for runs of one value.  Each pair ``(k, m)`` (indices
    into ``claims``) comes once; a claim whose value has no position comes in none.  The
    pairs are a superset of those whose :func:`values.relative_difference` is below
    ``within`` (the same difference, of the claims' positions).
    """
    located = sorted((position, k) for k, claim in enumerate(claims) if (position := _position(claim)) is not None)
    for x, (position, k) in enumerate(located):
        is_date = claims[k].kind == "date"
        for y in range(x + 1, len(located)):
            other, m = located[y]
            if not _near(position, other, is_date, within):
                break
            yield k, m


def _position(claim: Claim) -> float | None:
    """Where a claim's value lies on one axis: days for dates, base units for numbers."""
    if claim.kind == "date":
        interval = values.date_interval(claim)
        return (interval[0].toordinal() + interval[1].toordinal()) / 2 if interval else None
    return values.point(claim)


def _near(a: float, b: float, is_date: bool, within: float) -> bool:
    """Are values at these positions less than ``within`` apart (as relative_difference counts)?"""
    if is_date:  # relative_difference counts dates in tenths of a century
        return abs(a - b) / 3650.0 < within
    scale = max(abs(a), abs(b))
    return scale == 0 or abs(a - b) / scale < within


#: Sentences with more claims than this (table rows, lists of figures) give no neighbours.
MAX_NEIGHBOURS = 8
#: The kinds of claim that can be neighbours: dates and counts agree by chance too often.
AMOUNT_KINDS = frozenset({"money", "quantity", "percent"})


def corroboration(a: ClaimContext, b: ClaimContext, *, within: float = 0.1) -> tuple[str, str] | None:
    """Do both sentences state another amount alike?

    "the trust has supported 212 local projects worth over 14 million euros" and "the
    trust has financed 224 community projects since 2001, totalling €14.3 million": the
    money agrees (compatible values within ``within`` of each other), so the two counts
    are likely one fact told twice.

    Returns:
        The two agreeing amounts as written (``("over 14 million euros", "€14.3 million")``),
        or None.
    """
    for x in a.neighbours:
        for y in b.neighbours:
            if values.comparable(x, y) and values.compatible(x, y) and values.relative_difference(x, y) <= within:
                return x.text, y.text
    return None


def _same_value_text(a: Claim, b: Claim) -> bool:
    return values.relative_difference(a, b) < SAME_VALUE


def _alias_rewriter(aliases: dict[str, tuple[str, ...]]):
    if not aliases:
        return lambda text: text
    pairs = []
    for canonical, others in aliases.items():
        for other in others:
            pairs.append((re.compile(r"(?i)\b" + re.escape(other) + r"\b"), canonical))
    pairs.sort(key=lambda p: -len(p[0].pattern))

    def rewrite(text: str) -> str:
        for pattern, canonical in pairs:
            text = pattern.sub(canonical, text)
        return text

    return rewrite


@lru_cache(maxsize=1 << 16)
def _stem_set(text: str) -> frozenset[str]:
    """Content stems of a text many claims share (the sentence before, a heading)."""
    return frozenset(content_stems(text))


def _is_meta(c: Claim, before: str, after: str) -> bool:
    """A date that stamps the document (byline, update, dateline) or a source it cites, or a
    figure a correction retracts."""
    if c.kind == "date" and (_META_CUE_RE.search(before[-60:])
                             or (_DATELINE_BEFORE_RE.search(before) and _DATELINE_AFTER_RE.match(after))
                             or _wire_dateline(before, after)
                             or _is_citation_date(c)):
        return True
    return bool(_CORRECTION_RE.search(before)) and not _CORRECT_FIGURE_RE.search(before)


def _wire_dateline(before: str, after: str) -> bool:
    """ "TOLLMERE, Arvenia (CPA) -- Feb. 4, 2025 -- ...", "CALVORIA TODAY  12 May 2024": a
    place or a masthead in capitals before the date.  Not a headline or a label whose last
    word takes the date ("LOSS OF THE FERRY ON 9 FEBRUARY 2023", "THE LIBRARY OPENED 1976")."""
    if not (_WIRE_DATELINE_BEFORE_RE.match(before) and _WIRE_DATELINE_AFTER_RE.match(after)):
        return False
    last = _LAST_CAPS_WORD_RE.search(before)
    return not (last and (last.group(1) in _DATE_TAKING_WORDS or last.group(1).endswith("ED")))


_LAST_CAPS_WORD_RE = re.compile(r"([A-Z’'\-.]+)\W*$")
#: Capitalised words after which a date belongs to the heading's own phrase.
_DATE_TAKING_WORDS = frozenset("ON OF FOR IN AT SINCE BY FROM UNTIL TO BEFORE AFTER DURING SANK BEGAN".split())


def _is_citation_date(c: Claim) -> bool:
    """A date in a list of references: when a cited source was published ("Port Authority
    (11 September 2024). “Statement of the Board ...”"), not a fact of the text.  A
    "Categories:" line under the same heading ("established in 1998") is not a reference."""
    return bool(c.heading and _REFERENCES_HEADING_RE.match(c.heading)
                and not _CATEGORIES_LINE_RE.match(c.sentence))


_INTERIM_RE = re.compile(r"\b(so|as|to|thus)\s+(far|of|date)\b", re.IGNORECASE)
# a sentence that is a row of a plain-text table: cells apart by tabs, bars or runs of spaces
_TABLE_ROW_RE = re.compile(r"\t|\S {2,}\S|\|")
# the words around a claim that may say its scope (see scope_groups)
_LOCAL_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z\-]*")
_A_YEAR_RE = re.compile(r"(?i)\b(?:a|per)\s+year\b")
_A_DAY_RE = re.compile(r"(?i)\b(?:a|per)\s+day\b")


@dataclass(frozen=True, slots=True)
class _SentenceFacts:
    """What :func:`_context` reads of a claim's sentence alone, the same for each of its claims."""

    is_table: bool
    cumulative: bool
    periods: tuple[tuple[int, int, str], ...]  # (start, end, period) of each period not dating an event
    years: tuple[tuple[int, int], ...]  # (start, year) of each year
    relative_years: frozenset[int]  # "last year": -1, "this year": 0, "next year": 1


@lru_cache(maxsize=4096)
def _sentence_facts(raw: str) -> _SentenceFacts:
    periods = []
    for m in _PERIOD_RE.finditer(raw):
        if _EVENT_YEAR_BEFORE_RE.search(raw, max(0, m.start() - 40), m.start()):
            continue  # the date of another event ("founded in 1887"), not the claim's period
        first, second = m.group(1), m.group(2)
        periods.append((m.start(), m.end(),
                        f"{first}/{second[-2:]}" if second and (len(second) == 2 or second[:2] == first[:2])
                        and int(second[-2:]) == (int(first) + 1) % 100 else first))
    return _SentenceFacts(
        is_table=bool(_TABLE_ROW_RE.search(raw.strip())),
        cumulative=bool(_CUMULATIVE_RE.search(raw)),
        periods=tuple(periods),
        years=tuple((m.start(), int(m.group(1))) for m in _YEAR_RE.finditer(raw)),
        relative_years=frozenset(_RELATIVE_YEARS[m.group(1).lower()] for m in _RELATIVE_YEAR_RE.finditer(raw)),
    )


def _context(c: Claim, block: tuple[str, ...], alias_map, doc_date: str | None) -> ClaimContext:
    rel_start = c.start - c.sentence_start
    rel_end = c.end - c.sentence_start
    raw = c.sentence
    if 0 <= rel_start <= len(raw) and raw[rel_start:rel_end] == c.text:
        before, after = raw[:rel_start], raw[rel_end:]
    else:
        before, after = raw, ""
    before, after = alias_map(before), alias_map(after)
    sentence = _sentence_facts(raw)
    is_table = sentence.is_table
    # the words of each side once: the windows below are all cut from them
    before_content = [w for w in words(before) if w not in STOP_WORDS]
    after_content = [w for w in words(after) if w not in STOP_WORDS]
    # each word stemmed once: the windows and sets below are all cut from these
    before_stems = list(map(stem, before_content))
    after_stems = list(map(stem, after_content))
    bare = before + " " + after
    bare_content = before_content + after_content
    bare_stems = before_stems + after_stems
    sent = frozenset([s for w, s in zip(bare_content, bare_stems) if len(w) > 1])
    noun_words = [w for w in words(c.noun or "") if w not in STOP_WORDS][:4]
    noun = tuple(map(stem, noun_words))
    row: frozenset[str] = frozenset()
    if c.row_label:
        row = frozenset(content_stems(alias_map(c.row_label)))
        if not noun:
            noun = tuple(content_stems(alias_map(c.row_label)))[-3:]
    elif is_table:
        cells = _split_row(raw)
        if cells:
            row = frozenset(content_stems(alias_map(cells[0])))
            if not noun:
                noun = tuple(content_stems(alias_map(cells[0])))[-3:]
    head = noun[-1] if noun else None
    surface: dict[str, str] = {}
    for w, s in zip(bare_content, bare_stems):
        surface.setdefault(s, w)
    local_tokens = [w.lower() for w in _LOCAL_TOKEN_RE.findall(before)[-8:]] + \
        [w.lower() for w in _LOCAL_TOKEN_RE.findall(after)[:8]]
    local_tokens += ["a_year" for _ in _A_YEAR_RE.findall(after[:20])]
    local_tokens += ["a_day" for _ in _A_DAY_RE.findall(after[:20])]
    # a running count: "As of noon today, 62 people had been treated", "412 so far"
    local_tokens += [m.group(1).lower() + "_" + m.group(2).lower()
                     for m in _INTERIM_RE.finditer(before[-50:] + " " + after[:30])]
    periods = {period for start, end, period in sentence.periods
               if not (rel_start <= start < rel_end or start <= rel_start < end)}
    if c.column_label:
        column_periods = {f"{m.group(1)}/{m.group(2)[-2:]}" if m.group(2) else m.group(1)
                          for m in _PERIOD_RE.finditer(c.column_label)}
        if column_periods:
            periods = column_periods
    if c.kind == "date" and isinstance(c.value, str) and c.value[:4].isdigit():
        periods.discard(c.value[:4])
    elif not periods and c.kind != "ordinal" and doc_date and doc_date[:4].isdigit():
        # "last year" in a document of 2025 is 2024: "Last year the festival sold 88,200
        # tickets" and "next year we want 100,000" are two years of a series
        if len(sentence.relative_years) == 1:
            periods.add(str(int(doc_date[:4]) + next(iter(sentence.relative_years))))
    ref_years = {year for start, year in sentence.years if not rel_start <= start < rel_end}
    if c.kind == "date" and isinstance(c.value, str):
        ref_years.discard(int(c.value[:4]) if c.value[:4].isdigit() else -1)
    if c.column_label:
        # a table cell's reference time is its column's year ("2023–24")
        column_years = {int(y) for y in _YEAR_RE.findall(c.column_label)}
        if column_years:
            ref_years = column_years
    return ClaimContext(
        claim=c,
        block=block,
        sent=sent,
        left=tuple(before_stems[-WINDOW:]),
        right=tuple(after_stems[:WINDOW]),
        noun=noun,
        head=head,
        prev=_stem_set(alias_map(c.previous or "")),
        heading=_stem_set(alias_map(c.heading or "")),
        row=row,
        names=frozenset(proper_names(bare)),
        scope=frozenset(scope_groups(local_tokens)),
        ref_years=frozenset(ref_years),
        periods=frozenset(periods),
        tight=frozenset(before_stems[-2:] + after_stems[:2]) | frozenset(noun[:2]),
        local_names=frozenset(proper_names(before[-60:] + " " + after[:60])),
        baseline=bool(_BASELINE_CUE_RE.search(before[-40:])),
        is_meta=_is_meta(c, before, after),
        cumulative=sentence.cumulative,
        doc_date=doc_date,
        is_table=is_table,
        surface=surface,
        bare_sentence=bare,
    )


FEATURES: tuple[str, ...] = (
    "sent_overlap", "sent_containment", "local_overlap", "left_overlap", "right_overlap",
    "noun_head_equal", "noun_overlap", "noun_missing", "context_overlap", "names_overlap",
    "names_mismatch", "heading_overlap", "row_overlap", "fuzz_sentence", "fuzz_local",
    "scope_diff", "plan_vs_actual", "total_vs_part", "rate_vs_total", "provisional_diff",
    "change_any", "ref_both", "ref_disjoint", "ref_one", "cumulative_any", "doc_date_days",
    "same_doc", "same_sentence", "rel_diff", "log_ratio", "digit_similarity", "same_digit_count",
    "support_min", "support_max", "support_ratio", "qualifier_any", "precision_diff",
    "is_date", "is_count", "is_money", "is_percent", "is_quantity", "table_any", "table_both",
    "event_overlap", "year_gap", "digit_anagram", "one_digit_off", "adjacent_swap",
    "column_differs", "row_overlap_strict", "same_paragraph_distance",
    "tight_overlap", "local_names_foreign", "baseline_any", "baseline_both",
    "period_both", "period_disjoint", "prev_cross",
    "rival_max", "rival_min", "rival_agrees_max", "rival_agrees_min", "teen_ty",
)


#: The features that weigh the two claims' words (IDF overlaps, fuzzy ratios, the rival
#: matches): most of a pair's cost.  :func:`cheap_pair_rows` leaves them out, so that a
#: pair the model cannot bind whatever they are is never weighed (see
#: :meth:`reconcile.pairmodel.TreeEnsemble.upper_bound`).
COSTLY_FEATURES: tuple[str, ...] = (
    "sent_overlap", "sent_containment", "local_overlap", "left_overlap", "right_overlap",
    "noun_overlap", "context_overlap", "names_overlap", "names_mismatch", "heading_overlap",
    "row_overlap", "fuzz_sentence", "fuzz_local", "event_overlap", "row_overlap_strict",
    "tight_overlap", "local_names_foreign", "prev_cross",
    "rival_max", "rival_min", "rival_agrees_max", "rival_agrees_min",
)
COSTLY_COLUMNS: tuple[int, ...] = tuple(FEATURES.index(name) for name in COSTLY_FEATURES)
#: The dearest of them: two fuzzy ratios and the rival matches (each claim's best match
#: among the other document's claims of its block).  A pair the trees cannot bind whatever
#: these hold, the others known, is never given them (:func:`dear_pair_features`).
DEAR_FEATURES: tuple[str, ...] = ("fuzz_sentence", "fuzz_local", "rival_max", "rival_min", "rival_agrees_max",
                                  "rival_agrees_min")
DEAR_COLUMNS: tuple[int, ...] = tuple(FEATURES.index(name) for name in DEAR_FEATURES)
#: The costly features that are not dear: word overlaps of the two claims' contexts.
MIDDLE_FEATURES: tuple[str, ...] = tuple(name for name in COSTLY_FEATURES if name not in DEAR_FEATURES)
MIDDLE_COLUMNS: tuple[int, ...] = tuple(FEATURES.index(name) for name in MIDDLE_FEATURES)
_CONTEXT_OVERLAP, _LOCAL_OVERLAP = FEATURES.index("context_overlap"), FEATURES.index("local_overlap")


@lru_cache(maxsize=1 << 12)
def _date_ordinal(iso: str | None) -> int | None:
    # a document's date, asked for by each of its claims
    if not iso or len(iso) < 10:
        return None
    try:
        return date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return None


@dataclass(slots=True)
class _PairSide:
    """What :func:`pair_features` reads of one claim, made once per claim, not per pair.

    A claim meets a few other claims; its sets, their IDF weights, its value's point,
    width and digits are the same at every meeting.  Each weight is summed exactly as
    :meth:`Idf.overlap` sums it (over ``set(tokens)``), so the features are the same to
    the last bit as when they were summed pair by pair.
    """

    idf: Idf
    local: frozenset[str]
    context: frozenset[str]
    events: frozenset[str]
    window_text: str
    doc_day: int | None
    point: float | None
    date_interval: tuple | None
    digits: str
    date_digits: str | None
    width: float
    stems_of_names: dict[str, str] | None  # made with the weights, by _weighed
    local_name_stems: tuple[str, ...] | None
    weights: dict[str, float] | None  # None until a costly feature needs them (_weighed)
    # document -> this claim's best matches among that document's claims of its block
    rivals: dict[str, _Rivals]
    numbers: tuple[float, ...] = ()  # what cheap_pair_rows reads, by _SIDE_NUMBERS


_NOT_DIGIT_RE = re.compile(r"[^0-9]")


def _pair_side(ctx: ClaimContext, idf: Idf) -> _PairSide:
    side = ctx.pair_side
    if side is not None and side.idf is idf:
        return side
    c = ctx.claim
    local = frozenset(ctx.left + ctx.right)
    date_digits = None
    if c.kind == "date" and isinstance(c.value, str):
        date_digits = _NOT_DIGIT_RE.sub("", c.value)
    side = _PairSide(
        idf=idf,
        local=local,
        context=ctx.sent | ctx.prev | ctx.heading,
        events=(local | ctx.prev) & EVENT_WORDS,
        window_text=" ".join(ctx.left + ctx.right),
        doc_day=_date_ordinal(ctx.doc_date),
        point=values.point(c),
        date_interval=values.date_interval(c) if c.kind == "date" else None,
        digits=values.digits_of(c),
        date_digits=date_digits,
        width=values.width(c),
        stems_of_names=None,
        local_name_stems=None,
        weights=None,
        rivals={},
    )
    side.numbers = _side_numbers(ctx, side)
    ctx.pair_side = side
    return side


def _weighed(ctx: ClaimContext, idf: Idf) -> _PairSide:
    """The claim's pair side with the IDF weights of its sets and the stems of its names.

    Made only when a pair of the claim needs its costly features: most pairs are settled
    without them (:func:`cheap_pair_rows`).
    """
    side = _pair_side(ctx, idf)
    if side.weights is None:
        side.weights = {name: idf.weight(tokens) for name, tokens in (
            ("sent", ctx.sent), ("local", side.local), ("left", ctx.left), ("right", ctx.right),
            ("noun", ctx.noun), ("context", side.context), ("names", ctx.names), ("heading", ctx.heading),
            ("row", ctx.row), ("tight", ctx.tight))}
        side.stems_of_names = {name: stem(name) for name in ctx.names}
        side.local_name_stems = tuple(stem(n) for n in ctx.local_names)
    return side


@dataclass(slots=True)
class _Rivals:
    """How well the claims of one document's block match one claim (see :func:`_rival_features`)."""

    best: float  # the closest match
    best_claim: ClaimContext | None
    second: float  # the next closest
    agreeing: float  # the closest match whose value agrees with the claim (-1: none agrees)


#: Rival margins when no claim agrees: below every real margin (similarities are 0..2).
NO_AGREEING_RIVAL = -3.0


def _closeness(a: _PairSide, b: _PairSide) -> float:
    """How alike two claims' surroundings are: their contexts' and their windows' IDF overlaps."""
    idf = a.idf
    return (idf.overlap(a.context, b.context, weight_a=a.weights["context"], weight_b=b.weights["context"])
            + idf.overlap(a.local, b.local, weight_a=a.weights["local"], weight_b=b.weights["local"]))


def _rivals(target: ClaimContext, side: _PairSide, group: tuple[ClaimContext, ...], doc: str) -> _Rivals:
    found = side.rivals.get(doc)
    if found is not None:
        return found
    best = second = 0.0
    agreeing = -1.0
    best_claim: ClaimContext | None = None
    for other in group:
        if other is target:
            continue
        closeness = _closeness(_weighed(other, side.idf), side)
        if closeness > best:
            best, second, best_claim = closeness, best, other
        elif closeness > second:
            second = closeness
        if closeness > agreeing and values.compatible(other.claim, target.claim):
            agreeing = closeness
    found = side.rivals[doc] = _Rivals(best, best_claim, second, agreeing)
    return found


def _rival_features(a: ClaimContext, b: ClaimContext, sa: _PairSide, sb: _PairSide,
                    closeness: float) -> list[float]:
    """Does another claim of one of the two documents match the other claim better?

    For each side, the best match of the other claim among this claim's document and block
    (itself left out) against the pair's own closeness: a positive margin says the other
    claim's fact is stated elsewhere in this document, so this claim likely states another
    one; the margin of the best match that *agrees* with the other claim's value says the
    document restates that value ("120,000 riders in 2019 ... 180,000 by 2023" in one
    article against "180,000 riders" in another: the 120,000 is another year's figure).
    """
    margins: list[float] = []
    agreeing: list[float] = []
    for own, other, other_side in ((a, b, sb), (b, a, sa)):
        found = _rivals(other, other_side, own.doc_block, own.claim.doc)
        best = found.second if found.best_claim is own else found.best
        margins.append(best - closeness)
        agreeing.append(found.agreeing - closeness if found.agreeing > 0 else NO_AGREEING_RIVAL)
    return [max(margins), min(margins), max(agreeing), min(agreeing)]


def pair_features(a: ClaimContext, b: ClaimContext, idf: Idf) -> list[float]:
    """The features of a pair of claims of one block, in the order of :data:`FEATURES`."""
    return pair_feature_rows([a, b], [(0, 1)], idf)[0].tolist()


def pair_feature_rows(contexts: Sequence[ClaimContext | None], pairs: Sequence[tuple[int, int]],
                      idf: Idf) -> np.ndarray:
    """The features of each pair (indices into ``contexts``), one row per pair, in the order of :data:`FEATURES`."""
    rows = cheap_pair_rows(contexts, pairs, idf)
    for k, (i, j) in enumerate(pairs):
        rows[k] = costly_pair_features(contexts[i], contexts[j], idf, rows[k].tolist())
    return rows


#: Per claim, the numbers :func:`cheap_pair_rows` reads, in this order (:attr:`_PairSide.numbers`).
_SIDE_NUMBERS: tuple[str, ...] = (
    "noun_missing", "scope_bits", "has_ref", "cumulative", "has_day", "day", "sentence_start",
    "point_none", "point_truthy", "point", "interval_none", "interval_low", "interval_high", "year",
    "width", "support", "log_support", "qualified", "kind", "table", "baseline", "has_periods", "start",
)
_N = {name: k for k, name in enumerate(_SIDE_NUMBERS)}
#: A claim's kind as a number (:data:`_SIDE_NUMBERS`' "kind"); any other kind is -1.
_KIND_CODES = {"date": 0, "count": 1, "money": 2, "percent": 3, "quantity": 4}
#: Each scope group's bit in "scope_bits".
_SCOPE_BITS = {name: 1 << k for k, name in enumerate(SCOPE_GROUPS)}
_FEATURE_COLUMN = {name: k for k, name in enumerate(FEATURES)}


def _side_numbers(ctx: ClaimContext, side: _PairSide) -> tuple[float, ...]:
    """The claim's numbers, in the order of :data:`_SIDE_NUMBERS` (made once per claim)."""
    c = ctx.claim
    interval = side.date_interval
    pa = side.point
    scope_bits = 0
    for name in ctx.scope:
        scope_bits |= _SCOPE_BITS[name]
    return (
        float(not ctx.noun),
        float(scope_bits),
        float(bool(ctx.ref_years)),
        float(ctx.cumulative),
        float(side.doc_day is not None),
        float(side.doc_day) if side.doc_day is not None else 0.0,
        float(c.sentence_start),
        float(pa is None),
        float(bool(pa)),
        pa if pa is not None else 0.0,
        float(interval is None),
        float(interval[0].toordinal()) if interval else 0.0,
        float(interval[1].toordinal()) if interval else 0.0,
        float(interval[0].year) if interval else 0.0,
        side.width,
        float(ctx.support),
        math.log1p(ctx.support),
        float(bool(c.qualifier)),
        float(_KIND_CODES.get(c.kind, -1)),
        float(ctx.is_table),
        float(ctx.baseline),
        float(bool(ctx.periods)),
        float(c.start),
    )


def cheap_pair_rows(contexts: Sequence[ClaimContext | None], pairs: Sequence[tuple[int, int]], idf: Idf) -> np.ndarray:
    """The features of pairs that do not weigh their words: one row per pair, in the order of :data:`FEATURES`.

    The columns of :data:`COSTLY_COLUMNS` hold NaN; :func:`costly_pair_features` fills them.
    Computed column by column over all the pairs at once (an archive has tens of millions
    of pairs, and most are settled by these features alone), each with the same
    floating-point operations, in the same order, as one pair at a time would: the rows
    are the same to the last bit whatever the batch.

    Args:
        contexts: The claims' contexts, by index.
        pairs: Pairs of indices into ``contexts`` (both claims of one block).
        idf: The corpus's word weights.
    """
    return cheap_pair_rows_of_parts([(contexts, pairs, idf)])


def cheap_pair_rows_of_parts(parts: Sequence[tuple[Sequence[ClaimContext | None], Sequence[tuple[int, int]], Idf]]
                             ) -> np.ndarray:
    """:func:`cheap_pair_rows` of several corpora's pairs (contexts, pairs, IDF), stacked in their order.

    Numpy's cost per call outweighs its arithmetic on the few hundred pairs of one small
    corpus (a part of an archive): the pairs of many are computed together.
    """
    own: list[ClaimContext] = []  # each pair's claims, as indices into own (where)
    sides: list[_PairSide] = []
    wheres = []
    for contexts, pairs, idf in parts:
        if not len(pairs):
            continue
        claims, where = np.unique(np.asarray(pairs, dtype=np.int64).reshape(-1, 2), return_inverse=True)
        wheres.append(where.reshape(-1, 2) + len(own))
        for i in claims.tolist():
            own.append(contexts[i])
            sides.append(_pair_side(contexts[i], idf))
    rows = np.full((sum(len(where) for where in wheres), len(FEATURES)), np.nan)
    if not len(rows):
        return rows
    where = np.concatenate(wheres)
    numbers = np.array([side.numbers for side in sides], dtype=np.float64)
    a, b = numbers[where[:, 0]], numbers[where[:, 1]]

    def both(name: str) -> tuple[np.ndarray, np.ndarray]:
        return a[:, _N[name]], b[:, _N[name]]

    def set_column(name: str, column: np.ndarray) -> None:
        rows[:, _FEATURE_COLUMN[name]] = column

    def same(labels: list) -> np.ndarray:  # do the pair's two claims have one label?
        codes = _codes(labels)
        return codes[where[:, 0]] == codes[where[:, 1]]

    def with_label(labels: list) -> np.ndarray:
        present = np.asarray([bool(label) for label in labels])
        return present[where[:, 0]] & present[where[:, 1]]

    heads = [ctx.head for ctx in own]
    set_column("noun_head_equal", (same(heads) & with_label([h is not None for h in heads])).astype(float))
    missing_a, missing_b = both("noun_missing")
    set_column("noun_missing", np.maximum(missing_a, missing_b))
    scope_a, scope_b = (s.astype(np.int64) for s in both("scope_bits"))
    differ = scope_a ^ scope_b
    set_column("scope_diff", sum(((differ >> k) & 1) for k in range(len(_SCOPE_BITS))).astype(float))

    def differs(*groups: str) -> np.ndarray:
        found = np.zeros(len(differ), dtype=bool)
        for group in groups:
            found |= (differ & _SCOPE_BITS[group]) != 0
        return found.astype(float)

    set_column("plan_vs_actual", differs("plan", "actual"))
    set_column("total_vs_part", differs("total", "part"))
    set_column("rate_vs_total", differs("rate"))
    set_column("provisional_diff", differs("provisional"))
    set_column("change_any", (((scope_a | scope_b) & _SCOPE_BITS["change"]) != 0).astype(float))

    def stated_apart(flag: str, attribute: str) -> tuple[np.ndarray, np.ndarray]:
        # do both claims state a set (years, periods), and do the two sets share nothing?
        has_a, has_b = both(flag)
        stated = (has_a > 0) & (has_b > 0)
        apart = np.zeros(len(where), dtype=bool)
        for k in np.flatnonzero(stated).tolist():
            apart[k] = not (getattr(own[where[k, 0]], attribute) & getattr(own[where[k, 1]], attribute))
        return stated, apart

    ref_both, ref_disjoint = stated_apart("has_ref", "ref_years")
    set_column("ref_both", ref_both.astype(float))
    set_column("ref_disjoint", ref_disjoint.astype(float))
    ref_a, ref_b = both("has_ref")
    set_column("ref_one", (ref_a != ref_b).astype(float))
    set_column("cumulative_any", np.maximum(*both("cumulative")))
    has_day_a, has_day_b = both("has_day")
    day_a, day_b = both("day")
    dated = (has_day_a > 0) & (has_day_b > 0)
    set_column("doc_date_days", np.where(dated, np.minimum(np.abs(day_a - day_b), 3650.0) / 365.0, -1.0))
    same_doc = same([ctx.claim.doc for ctx in own])
    set_column("same_doc", same_doc.astype(float))
    sentence_a, sentence_b = both("sentence_start")
    set_column("same_sentence", (same_doc & (sentence_a == sentence_b)).astype(float))
    is_date = a[:, _N["kind"]] == _KIND_CODES["date"]
    set_column("rel_diff", np.where(is_date, _date_difference(a, b), _number_difference(a, b)))
    set_column("log_ratio", np.where(is_date, 0.0, _log_ratio(a, b)))
    digit_rows = _digit_rows(sides, where)
    for k, name in enumerate(("digit_similarity", "same_digit_count", "digit_anagram", "one_digit_off",
                              "adjacent_swap", "teen_ty")):
        set_column(name, digit_rows[:, k])
    support_a, support_b = both("support")
    log_a, log_b = both("log_support")
    set_column("support_min", np.minimum(log_a, log_b))  # log1p rises: the log of the smaller
    set_column("support_max", np.maximum(log_a, log_b))
    set_column("support_ratio", np.minimum(support_a, support_b) / np.maximum(support_a, support_b))
    set_column("qualifier_any", np.maximum(*both("qualified")))
    width_a, width_b = (np.where(np.isfinite(w), w, 10.0) for w in both("width"))
    precision = np.abs(width_a - width_b)
    set_column("precision_diff", np.where(10.0 < precision, 10.0, precision))
    kind = a[:, _N["kind"]]
    for name, code in (("is_date", "date"), ("is_count", "count"), ("is_money", "money"),
                       ("is_percent", "percent"), ("is_quantity", "quantity")):
        set_column(name, (kind == _KIND_CODES[code]).astype(float))
    set_column("table_any", np.maximum(*both("table")))
    set_column("table_both", np.minimum(*both("table")))
    no_interval = np.maximum(*both("interval_none")) > 0
    year_a, year_b = both("year")
    set_column("year_gap", np.where(is_date & ~no_interval, np.minimum(np.abs(year_a - year_b), 50.0), 0.0))
    columns = [ctx.claim.column_label for ctx in own]
    set_column("column_differs", (with_label(columns) & ~same(columns)).astype(float))
    start_a, start_b = both("start")
    set_column("same_paragraph_distance",
               np.where(same_doc, np.minimum(np.abs(start_a - start_b), 20000.0) / 20000.0, -1.0))
    set_column("baseline_any", np.maximum(*both("baseline")))
    set_column("baseline_both", np.minimum(*both("baseline")))
    periods_both, periods_apart = stated_apart("has_periods", "periods")
    set_column("period_both", periods_both.astype(float))
    set_column("period_disjoint", periods_apart.astype(float))
    return rows


def _codes(labels: Sequence[object]) -> np.ndarray:
    """A number per label, equal for equal labels."""
    seen: dict[object, int] = {}
    return np.asarray([seen.setdefault(label, len(seen)) for label in labels], dtype=np.int64)


def _date_difference(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """:func:`values.relative_difference` of two dates: their middles' distance over ten years, at most 1."""
    low_a, high_a, low_b, high_b = (x[:, _N[name]] for x, name in (
        (a, "interval_low"), (a, "interval_high"), (b, "interval_low"), (b, "interval_high")))
    days = np.abs(((low_a + high_a) - (low_b + high_b)) / 2) / 3650.0
    missing = np.maximum(a[:, _N["interval_none"]], b[:, _N["interval_none"]]) > 0
    return np.where(missing | ~(days < 1.0), 1.0, days)


def _number_difference(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """:func:`values.relative_difference` of two numbers: their distance over the larger, at most 1."""
    pa, pb = a[:, _N["point"]], b[:, _N["point"]]
    scale = np.maximum(np.abs(pa), np.abs(pb))
    with np.errstate(divide="ignore", invalid="ignore"):
        relative = np.abs(pa - pb) / scale
    relative = np.where(relative < 1.0, relative, 1.0)
    missing = np.maximum(a[:, _N["point_none"]], b[:, _N["point_none"]]) > 0
    return np.where(missing, 1.0, np.where(scale != 0, relative, 0.0))


def _log_ratio(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """How many powers of ten apart two numbers are, at most 3 (3 when either is 0 or their signs differ).

    The logarithm is Python's (``math.log10``), not numpy's: numpy's may differ in the last
    bit on some processors, and a tree's split may fall just there.
    """
    pa, pb = a[:, _N["point"]], b[:, _N["point"]]
    usable = (a[:, _N["point_truthy"]] > 0) & (b[:, _N["point_truthy"]] > 0) & (pa * pb > 0)
    result = np.full(len(pa), 3.0)
    picked = np.flatnonzero(usable)
    if len(picked):
        ratios = (np.abs(pa[picked]) / np.abs(pb[picked])).tolist()
        result[picked] = [abs(math.log10(r)) for r in ratios]
    return np.where(3.0 < result, 3.0, result)


def _digit_rows(sides: Sequence[_PairSide], where: np.ndarray) -> np.ndarray:
    """The digit features (:func:`_digit_features`) of each pair, computed once per pair of digit strings."""
    code = _codes([(side.date_digits, side.digits) for side in sides])
    kinds = int(code.max()) + 1
    first: dict[int, _PairSide] = {}
    for k, side in zip(code.tolist(), sides):
        first.setdefault(k, side)
    distinct, back = np.unique(code[where[:, 0]] * kinds + code[where[:, 1]], return_inverse=True)
    found = np.array([_digit_features(*_compared_digits(first[c // kinds], first[c % kinds]))
                      for c in distinct.tolist()], dtype=np.float64).reshape(-1, 6)
    return found[back.reshape(-1)]


@lru_cache(maxsize=1 << 16)
def _digit_features(x: str, y: str) -> tuple[float, float, float, float, float, float]:
    """The features of two claims' digits (:func:`cheap_pair_rows`), once per pair of digit strings.

    Returns digit_similarity, same_digit_count, digit_anagram, one_digit_off,
    adjacent_swap and teen_ty, in that order.
    """
    return (
        Levenshtein.normalized_similarity(x, y) if x and y else 0.0,
        float(len(x) == len(y)),
        float(sorted(x) == sorted(y) and x != y),
        float(len(x) == len(y) and sum(p != q for p, q in zip(x, y)) == 1),
        float(_adjacent_swap(x, y)),
        float(_teen_ty(x, y)),
    )


def _compared_digits(sa: _PairSide, sb: _PairSide) -> tuple[str, str]:
    if sa.date_digits is not None and sb.date_digits is not None:
        # a date's digits are its normalized value's, to the precision both share:
        # "December 2025" vs "September 2025" differ in the month, not in "2025"
        iso_a, iso_b = sa.date_digits, sb.date_digits
        if iso_a and iso_b:
            common = min(len(iso_a), len(iso_b))
            return iso_a[:common], iso_b[:common]
    return sa.digits, sb.digits


def costly_pair_features(a: ClaimContext, b: ClaimContext, idf: Idf, row: list[float]) -> list[float]:
    """Fill the :data:`COSTLY_COLUMNS` of a row of :func:`cheap_pair_rows` (a list, in place) and return it."""
    return dear_pair_features(a, b, idf, middle_pair_features(a, b, idf, row))


def middle_pair_features(a: ClaimContext, b: ClaimContext, idf: Idf, row: list[float]) -> list[float]:
    """Fill the :data:`MIDDLE_COLUMNS` of a row of :func:`cheap_pair_rows` (a list, in place) and return it."""
    sa, sb = _weighed(a, idf), _weighed(b, idf)
    get, default = idf.table.get, idf.default
    wa_, wb_ = sa.weights, sb.weights
    context_a, context_b = sa.context, sb.context
    mismatched = []
    for name in a.names ^ b.names:
        if name in a.names:
            other, name_stem = context_b, sa.stems_of_names[name]
        else:
            other, name_stem = context_a, sb.stems_of_names[name]
        if name_stem not in other:
            mismatched.append(get(name_stem, default))
    names_mismatch = math.fsum(mismatched)  # in any order, the same sum (see Idf.weight)
    events_a, events_b = sa.events, sb.events
    middle = [  # in the order of MIDDLE_FEATURES
        idf.overlap(a.sent, b.sent, weight_a=wa_["sent"], weight_b=wb_["sent"]),
        idf.containment(a.sent, b.sent),
        idf.overlap(sa.local, sb.local, weight_a=wa_["local"], weight_b=wb_["local"]),
        idf.overlap(a.left, b.left, weight_a=wa_["left"], weight_b=wb_["left"]),
        idf.overlap(a.right, b.right, weight_a=wa_["right"], weight_b=wb_["right"]),
        idf.overlap(a.noun, b.noun, weight_a=wa_["noun"], weight_b=wb_["noun"]),
        idf.overlap(context_a, context_b, weight_a=wa_["context"], weight_b=wb_["context"]),
        idf.overlap(a.names, b.names, weight_a=wa_["names"], weight_b=wb_["names"]),
        min(names_mismatch, 30.0) / 30.0,
        idf.overlap(a.heading, b.heading, weight_a=wa_["heading"], weight_b=wb_["heading"]),
        idf.containment(a.row or a.sent, b.row or b.sent) if (a.row or b.row) else 0.0,
        idf.overlap(events_a, events_b) if (events_a or events_b) else -1.0,
        idf.overlap(a.row, b.row, weight_a=wa_["row"], weight_b=wb_["row"]) if (a.row and b.row) else -1.0,
        idf.overlap(a.tight, b.tight, weight_a=wa_["tight"], weight_b=wb_["tight"]),
        min(_foreign_names(sa, context_b, get, default) + _foreign_names(sb, context_a, get, default), 30.0) / 30.0,
        max(_names_the_fact(a, b, idf), _names_the_fact(b, a, idf)),
    ]
    for column, value in zip(MIDDLE_COLUMNS, middle, strict=True):
        row[column] = value
    return row


def dear_pair_features(a: ClaimContext, b: ClaimContext, idf: Idf, row: list[float]) -> list[float]:
    """Fill the :data:`DEAR_COLUMNS` of a row :func:`middle_pair_features` filled (in place) and return it."""
    sa, sb = _weighed(a, idf), _weighed(b, idf)
    closeness = row[_CONTEXT_OVERLAP] + row[_LOCAL_OVERLAP]  # as _closeness sums them
    dear = [  # in the order of DEAR_FEATURES
        fuzz.token_set_ratio(a.bare_sentence, b.bare_sentence) / 100.0,
        fuzz.token_set_ratio(sa.window_text, sb.window_text) / 100.0,
        *_rival_features(a, b, sa, sb, closeness),
    ]
    for column, value in zip(DEAR_COLUMNS, dear, strict=True):
        row[column] = value
    return row


def vetoed(a: ClaimContext, b: ClaimContext) -> bool:
    """Pairs that never state one fact, whatever else they share.

    Two numbers of one sentence; a claim whose sentence restates the other's value in
    another number ("2.9 persons against 2.6 nationwide"); explicit, different reference
    periods ("842,000 TEU in 2019" vs "1,034,000 TEU in 2023": a time series); two cells
    of one table row in different columns; dates that stamp a document (bylines, updates)
    or date a source it cites (a list of references).
    """
    ca, cb = a.claim, b.claim
    if ca.doc == cb.doc and ca.sentence_start == cb.sentence_start:
        return True
    if a.is_meta or b.is_meta:
        return True
    if a.periods and b.periods and not (a.periods & b.periods):
        return True
    if ca.column_label and cb.column_label and ca.column_label != cb.column_label:
        return True
    return _explained_by_sibling(a, b) or _explained_by_sibling(b, a)


def _explained_by_sibling(a: ClaimContext, b: ClaimContext) -> bool:
    """Does b's sentence restate a's value in another number?  Then b states another fact
    ("2.9 persons against 2.6 nationwide" next to a national 2.63)."""
    for sibling in b.siblings:
        if values.compatible(sibling, a.claim) and values.relative_difference(sibling, a.claim) < 0.03:
            return True
    return False


def _names_the_fact(a: ClaimContext, b: ClaimContext, idf: Idf) -> float:
    """How much of b's own sentence is named by the sentence or heading before a's.

    "... the 40th anniversary of the founding of the Harlow Rowing Club. In March 1985, twelve
    students rented two boats on the canal": the fact of "March 1985" is named one sentence
    earlier, and "Rowing club: founded in 1986" names it too.
    """
    introduced = (a.prev | a.heading) - a.sent
    own = b.sent | b.row
    if not introduced or not own:
        return 0.0
    shared = introduced & own
    return idf.weight(shared) / idf.weight(own)


def _foreign_names(side: _PairSide, other_context: frozenset[str], get, default: float) -> float:
    """IDF weight of the names next to a claim's number that the other claim's context never mentions."""
    return math.fsum(get(name, default) for name in side.local_name_stems if name not in other_context)


def _teen_ty(x: str, y: str) -> bool:
    """ "14" vs "40", "1915" vs "1950": a teen heard or read as a ten ("fourteen", "forty").

    The two numbers differ in two neighbouring digits only, one side "1d", the other "d0"
    (d from 3 to 9): the commonest slip of a number spoken aloud or written in words.
    """
    if len(x) != len(y) or x == y:
        return False
    diff = [i for i, (p, q) in enumerate(zip(x, y)) if p != q]
    if len(diff) != 2 or diff[1] != diff[0] + 1:
        return False
    pair = {x[diff[0]:diff[0] + 2], y[diff[0]:diff[0] + 2]}
    return any(pair == {"1" + d, d + "0"} for d in "3456789")


def compared_digits(a: Claim, b: Claim) -> tuple[str, str]:
    """The digits two claims are compared by: as written, or for two dates their normalized
    values' to the precision both share ("December 2025" vs "September 2025" differ in the
    month, not in "2025")."""
    if a.kind == "date" and b.kind == "date":
        # only dates with a year, and no ranges: "--12-20" and "2021" share no field
        if not (_ISO_DATE_RE.fullmatch(str(a.value)) and _ISO_DATE_RE.fullmatch(str(b.value))):
            return "", ""
        iso_a, iso_b = re.sub(r"[^0-9]", "", str(a.value)), re.sub(r"[^0-9]", "", str(b.value))
        common = min(len(iso_a), len(iso_b))
        return iso_a[:common], iso_b[:common]
    return values.digits_of(a), values.digits_of(b)


_ISO_DATE_RE = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?")


def digit_slip(a: Claim, b: Claim) -> bool:
    """Could one value be a slip of the pen for the other?

    The same digits in another order ("3,412" vs "3,142", "62" vs "twenty-six") or a teen
    read as a ten ("fourteen" vs "forty"): values that no real change of a figure produces,
    and that a restatement produces all the time.
    """
    x, y = compared_digits(a, b)
    if len(x) < 2 or x == y:
        return False
    if a.kind != "date":
        pa, pb = values.point(a), values.point(b)
        if not pa or not pb or not 0.1 < pa / pb < 10:
            return False  # "$1.2 million" and "$2.1 billion": another scale, not a slip
    if a.kind == "date" and len(x) > 4:
        # a month or day written with one digit has no second digit to swap: "1 March" and
        # "10 March" are two days, not a slip ("20260301" vs "20260310")
        for start in (4, 6):
            if x[start:start + 2] != y[start:start + 2] and "0" in (x[start:start + 1], y[start:start + 1]):
                return False
    return sorted(x) == sorted(y) or _teen_ty(x, y)


def _adjacent_swap(x: str, y: str) -> bool:
    """ "2,947" vs "2,974": two neighbouring digits swapped (a typing slip)."""
    if len(x) != len(y) or x == y:
        return False
    diff = [i for i, (p, q) in enumerate(zip(x, y)) if p != q]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and x[diff[0]] == y[diff[1]] and x[diff[1]] == y[diff[0]]


#: Word stems that name no fact: the scales of the amounts written beside a claim
#: ("212 projects worth over 14 million euros" is not about millions).
SCALE_STEMS = frozenset({"hundr", "thousand", "million", "billion", "trillion"})


def shared_words(a: ClaimContext, b: ClaimContext, idf: Idf, *, limit: int = 4) -> list[str]:
    """The rarest words two claims' contexts share, as written in ``a``'s sentence."""
    common = ((a.sent | set(a.noun) | a.row) & (b.sent | set(b.noun) | b.row | b.prev | b.heading)) - SCALE_STEMS
    ranked = sorted(common, key=lambda t: (-idf(t), t))
    result = []
    for token in ranked:
        word = a.surface.get(token, token)
        if word not in result:
            result.append(word)
        if len(result) >= limit:
            break
    return result


def value_support(contexts: Sequence[ClaimContext | None]) -> Counter:
    """How many claims state each displayed value (for explanations)."""
    counts: Counter = Counter()
    for ctx in contexts:
        if ctx is not None:
            counts[values.display_value(ctx.claim)] += 1
    return counts
