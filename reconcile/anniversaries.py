"""Anniversaries are dates in disguise: "marks its 60th anniversary this year".

A dated document that says an organisation "marks its 60th anniversary this year" states
its founding year (the document's year minus 60) without writing it.  When the other
documents give a founding year, opening year or establishment year for the same subject,
the two can be compared: a wrong anniversary ("its 75th anniversary" in 2024 for an
authority established in 1952) is a conflict that needs arithmetic to see.

:func:`anniversary_findings` finds such anniversaries, binds each to the founding claims
of the same subject and says which founding years the anniversary contradicts.  The
engine turns them into discrepancies (or adds them to the founding fact's discrepancy).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from claims import Claim

from .origins import FOUNDING_RE as _FOUNDING_RE
from .origins import FOUNDING_WORD_RE
from .text import STOP_WORDS

#: "The museum, which marks its", "As the Authority marks its", "the mine's", "the
#: Federation celebrates its": the subject phrase ends right before one of these.
_SUBJECT_END_RE = re.compile(
    r"(?i:(?:[’']s\s*$)|(?:,?\s+(?:which|that|who)\s+)?(?:\s*(?:is|was|will|has|had|be|been)\s+)*"
    r"\s*(?:marks?|marking|marked|celebrates?|celebrating|celebrated|observes?|observing|observed)"
    r"\s+(?:its|their|the|his|her)\s*$)")
_ANNIVERSARY_RE = re.compile(r"(?i:^[\s-]*anniversary\b)")
#: "this year", "in the year that", "this autumn": the anniversary falls in the document's year.
_THIS_YEAR_RE = re.compile(r"(?i:\bthis\s+(?:year|spring|summer|autumn|fall|winter|month|week)\b|"
                           r"\bin\s+the\s+(?:spring|summer|autumn|fall|winter)\b|"
                           r"\bin\s+the\s+year\b|\btoday\b)")
_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z\-]*|\d+")
#: Verbs and fillers that sit between a subject and "marks its": not part of the subject.
_NOT_SUBJECT = frozenset("as when while year this that which who is was will has had be been in the".split())
#: How far before a founding date its subject is looked for (characters).
SUBJECT_WINDOW = 120
#: At most this many characters between the subject and its founding date.
SUBJECT_GAP = 60


@dataclass(frozen=True)
class AnniversaryFinding:
    """An anniversary that contradicts the founding year the other documents give.

    Attributes:
        anniversary: The ordinal claim ("150th").
        implied_year: The founding year the anniversary implies.
        reference_year: The year the anniversary falls in (stated, or the document's).
        subject: The subject's words as written ("The museum").
        founding: The founding claims of the same subject (every value).
        contradicted: Those of ``founding`` whose year is not ``implied_year``.
    """

    anniversary: Claim
    implied_year: int
    reference_year: int
    subject: str
    founding: tuple[Claim, ...]
    contradicted: tuple[Claim, ...]


def _subject(claim: Claim) -> str | None:
    """The subject of an anniversary ("The museum, which marks its 150th ...": "museum").

    The name right before the verb: its last word, with the capitalised words and numbers
    that run into it ("Keldanian Relief Society", "Line 3").
    """
    before = claim.sentence[: max(0, claim.start - claim.sentence_start)]
    match = _SUBJECT_END_RE.search(before)
    if match is None:
        return None
    phrase = re.split(r"[,;:.!?—–\"“”()]", before[: match.start()])[-1]
    words = [w for w in _TOKEN_RE.findall(phrase) if w.lower() not in _NOT_SUBJECT]
    if not words or words[-1].lower() in STOP_WORDS:
        return None
    name = [words[-1]]
    for word in reversed(words[:-1]):
        if not (word[:1].isupper() and (name[0][:1].isupper() or name[0].isdigit())):
            break
        name.insert(0, word)
    return " ".join(name)


def _reference_year(claim: Claim, doc_date: str | None) -> int | None:
    """The year the anniversary falls in: "in 2021" beside it, else "this year" and the document's date."""
    sentence_start = claim.sentence_start
    after = claim.sentence[claim.end - sentence_start: claim.end - sentence_start + 40]
    stated = re.match(r"(?i:[\s-]*anniversary(?:\s+\w+)?\s+(?:in|of)\s+(1[89]\d\d|20\d\d)\b)", after)
    if stated:
        return int(stated.group(1))
    if doc_date and _THIS_YEAR_RE.search(claim.sentence) and doc_date[:4].isdigit():
        return int(doc_date[:4])
    return None


def _is_founding(claim: Claim) -> bool:
    if claim.kind != "date" or not isinstance(claim.value, str) or not claim.value[:4].isdigit():
        return False
    if claim.row_label and FOUNDING_WORD_RE.search(claim.row_label):
        return True
    before = claim.sentence[: max(0, claim.start - claim.sentence_start)]
    return bool(_FOUNDING_RE.search(before[-40:]))


_MONTHS = frozenset("january february march april may june july august september october november december "
                    "jan feb mar apr jun jul aug sep sept oct nov dec".split())


def _names_subject(claim: Claim, subject: Sequence[str]) -> bool:
    """Is the subject what the founding claim's sentence says was founded?

    Its last word must be the last name before the founding words: "the Sanmerel Port
    Authority, which had been established in", not "organised by the Film Club (founded"
    for a festival, "the museum's exhibition series, first held in" for a museum, nor "the
    satellite of the Space Agency, launched" for an agency.  "It was founded in ..." looks
    for the subject in the sentences before; "Founded in 1887, the university ..." after.
    """
    if claim.row_label and subject[-1].lower() in claim.row_label.lower().split():
        return True
    rel_start = max(0, claim.start - claim.sentence_start)
    before = claim.sentence[:rel_start][-SUBJECT_WINDOW:]
    cue = _FOUNDING_RE.search(before[-40:])
    if cue is None:
        return False
    subject_part = before[: len(before) - 40 + cue.start()] if len(before) > 40 else before[: cue.start()]
    subject_part = re.sub(r"(?i:,?\s*which\s+(?:was|had\s+been|has\s+been|is|were)?\s*)$", " ", subject_part)
    if _PRONOUN_RE.search(subject_part):
        # "since it was founded in 1961": the subject is named in the sentence before
        return _mentions(claim.previous or "", subject) is not None
    if not subject_part.strip() and claim.sentence_start + rel_start == claim.start:
        # "Founded in 1887 as a school of art, the university ...": named after the date
        return _mentions(claim.sentence[claim.end - claim.sentence_start:][:SUBJECT_WINDOW], subject, first=True) \
            is not None
    found = _mentions(subject_part, subject)
    if found is None:
        return False
    gap = re.sub(r"^\s+of(?:\s+the)?(?:\s+[A-Z][\w\-]*)+", "", subject_part[found:])  # "Museum of Vessaria"
    gap = re.sub(r"\s*\([^)]*\)", "", gap)  # "(FFC)", "(“the Commission”)"
    capitals = [w for w in _TOKEN_RE.findall(gap) if w[:1].isupper() and w.lower() not in _MONTHS]
    return not capitals and len(gap) <= SUBJECT_GAP


_PRONOUN_RE = re.compile(r"(?i:\b(?:it|this)\s+(?:was|had\s+been|has\s+been|is)?\s*$)")


def _mentions(text: str, subject: Sequence[str], *, first: bool = False) -> int | None:
    """Where the subject's name ends in ``text`` (its last mention, or first), or None.

    A possessive ("the museum's series") or a complement ("the satellite of the Space
    Agency") is a mention of something else.
    """
    pattern = r"\b" + r"\s+".join(re.escape(w) for w in subject) + r"\b(?![’']s)"
    matches = list(re.finditer(pattern, text, flags=re.IGNORECASE))
    for match in (matches if first else reversed(matches)):
        lead = text[: match.start()]
        name_run = re.search(r"(?:[A-Z][\w\-]*\s+)*$", lead)
        if re.search(r"(?i:\bof(?:\s+the)?\s*)$", lead[: name_run.start() if name_run else len(lead)]):
            continue
        return match.end()
    return None


def anniversary_findings(claims: Sequence[Claim], doc_dates: Mapping[str, str]) -> list[AnniversaryFinding]:
    """Anniversaries whose implied founding year differs from a founding year stated elsewhere.

    Args:
        claims: Every claim of the corpus.
        doc_dates: Each document's own date (ISO), where it states one.

    Returns:
        One finding per anniversary that contradicts at least one founding claim of its
        subject, sorted by document and offset.
    """
    founding = [c for c in claims if _is_founding(c)]
    findings = []
    for claim in claims:
        if claim.kind != "ordinal" or not isinstance(claim.value, (int, float)):
            continue
        after = claim.sentence[claim.end - claim.sentence_start:]
        if not (_ANNIVERSARY_RE.search(after) or claim.text.lower().endswith("anniversary")):
            continue
        subject = _subject(claim)
        reference = _reference_year(claim, doc_dates.get(claim.doc))
        if subject is None or reference is None:
            continue
        implied = reference - int(claim.value)
        subject_words = subject.split()
        # a founding date in the anniversary's own sentence is its subject's ("Founded in 1985, the festival
        # celebrates its 40th anniversary")
        bound = tuple(c for c in founding
                      if (c.doc == claim.doc and c.sentence_start == claim.sentence_start) or _names_subject(c, subject_words))
        contradicted = tuple(c for c in bound if int(str(c.value)[:4]) != implied)
        if contradicted:
            findings.append(AnniversaryFinding(claim, implied, reference, subject, bound, contradicted))
    findings.sort(key=lambda f: (f.anniversary.doc, f.anniversary.start))
    return findings
