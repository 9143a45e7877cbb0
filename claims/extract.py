"""Turn a document into frozen :class:`~claims.model.Claim` records."""

from __future__ import annotations

import bisect
import dataclasses
import os
import re

from . import dates
from .documents import Document, read_text
from .lexicon import (
    CURRENCY_SYMBOLS,
    DIGIT_WORDS_PATTERN,
    ISO_4217,
    TEEN_WORDS_PATTERN,
    TENS_WORDS_PATTERN,
    UNITS,
)
from .model import Claim, claim_from_fields
from .numbers import parse_number_words
from .scanner import Mention, Scanner
from .sentences import SentenceIndex, table_context

#: Bumped whenever extraction output may change, so that caches of claims are rebuilt.
EXTRACTOR_VERSION = "22"

_SPACES = re.compile(r"[ \t\u00a0\u202f]+")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def mentions_to_claims(text: str, mentions: list[Mention], *, doc: str,
                       index: SentenceIndex | None = None,
                       currency_codes: frozenset[str] | set[str] = frozenset()) -> list[Claim]:
    """Attach sentence, heading and document id to scanner mentions (and years to dates
    written without one: see :func:`anchor_yearless_dates`).

    ``currency_codes`` are the codes the document defines for itself ("Orvenan crowns
    (ORC)"): a table label "(ORC million)" makes its bare numbers amounts of them.
    """
    index = index or SentenceIndex(text)
    mentions = anchor_yearless_dates([_spoken_year(text, m) for m in mentions])
    line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
    claims = []
    squeezed: dict[str, str] = {}  # headings and labels repeat: squeeze each once
    header_rows: dict = {}
    # Claims of one sentence share its text (built once; the index keeps their context).
    sentences: dict[tuple[int, int], str] = {}
    for m in mentions:
        line = bisect.bisect_right(line_starts, m.start)
        seg, heading, previous = index.context_at(m.start)
        if seg is not None and seg.end >= m.end:
            s_start, s_end = seg.start, seg.end
        else:
            s_start, s_end = _line_around(text, m.start, m.end)
        sentence = sentences.get((s_start, s_end))
        if sentence is None:
            sentence = sentences[(s_start, s_end)] = text[s_start:s_end]
        row_label = column_label = None
        if seg is not None and seg.is_table_row:
            row_label, column_label = table_context(text, m.start, cache=header_rows)
            if m.kind == "count" and m.unit is None and m.qualifier is None:
                # a heading that holds the cell's column label is the table's header row: its
                # "(DRV)" belongs to one column ("Sheep  Goats  Compensation (DRV)"), not to all
                table_heading = None if _is_header_row(heading, column_label) else heading
                m = _with_table_unit(m, row_label, column_label, table_heading, currency_codes=currency_codes)
        claims.append(claim_from_fields(  # Claim's fields, in order
            doc, m.start, m.end, text[m.start:m.end], m.kind,
            m.value, m.low, m.high, m.unit, m.qualifier,
            sentence, s_start, m.precision, m.noun,
            _squeeze(heading, squeezed) if heading else None,
            previous,
            _squeeze(row_label, squeezed) if row_label else None,
            _squeeze(column_label, squeezed) if column_label else None,
            line,
            m.start - line_starts[line - 1] + 1,
        ))
    return claims


_GAP = r"[ \t\u00a0\-‑]+"
_SPOKEN_YEAR_RE = re.compile(
    rf"(?i)(?P<century>fifteen|sixteen|seventeen|eighteen|nineteen|twenty){_GAP}"
    rf"(?P<rest>{TEEN_WORDS_PATTERN}|(?:{TENS_WORDS_PATTERN})(?:{_GAP}(?:{DIGIT_WORDS_PATTERN}))?"
    rf"|o(?:h)?{_GAP}(?:{DIGIT_WORDS_PATTERN}))")
_CLOCK_AFTER_RE = re.compile(r"(?i:[ \t\u00a0]*(?:a\.?m\b|p\.?m\b|o['’]clock|tonight|this\s+(?:morning|afternoon|evening)"
                             r"|in\s+the\s+(?:morning|afternoon|evening)|hours?\b|local\s+time))")
# What may follow a year said aloud: "in nineteen sixty-seven the bureau was founded".
_YEAR_FOLLOWER_RE = re.compile(r"(?:[ \t\u00a0]+(?:the|a|an|and|when|as|it|he|she|they|we|i|its|after|before|by|"
                               r"with|for|to|at|on|was|were|is|had|has)\b)")
# Words that put a year after them: "opened in eighteen ninety-one", "since nineteen sixty-seven".
_YEAR_PREPOSITION_RE = re.compile(r"(?i:\b(?:in|since|from|until|till|by|before|after|of|year)[ \t\u00a0]+)\Z")


def _spoken_year(text: str, m: Mention) -> Mention:
    """A year written as it is said ("in eighteen ninety-one", "by twenty thirty-four") is a
    date, not the count the words add up to (18 + 91)."""
    if m.kind != "count" or m.qualifier:
        return m
    surface = text[m.start:m.end]
    found = _SPOKEN_YEAR_RE.fullmatch(surface)
    if not found or not _YEAR_PREPOSITION_RE.search(text, max(0, m.start - 12), m.start):
        return m
    if re.match(r"[\-‑][A-Za-z]", text[m.end:m.end + 2]):
        return m  # "in twenty fifteen-minute slots"
    if _CLOCK_AFTER_RE.match(text, m.end):
        return m  # "until eleven thirty tonight": a time
    if m.noun and re.match(r"[ \t\u00a0]+[a-z]", text[m.end:m.end + 2]) and not _YEAR_FOLLOWER_RE.match(text, m.end):
        return m  # "of twenty thirty people": a count of its noun
    # the two halves are each a number of their own
    century = parse_number_words(found.group("century"))
    rest = parse_number_words(re.sub(r"(?i)^o(?:h)?[ \t\u00a0\-‑]+", "", found.group("rest")))
    if century is None or rest is None:
        return m
    year = f"{int(century) * 100 + int(rest):04d}"
    return dataclasses.replace(m, kind="date", value=year, low=f"{year}-01-01", high=f"{year}-12-31",
                               unit=None, precision="year", noun=None)


_CELL_GAP = re.compile(r"\t|\S(?: {2,}|\u00a0{2,})\S")


def _is_header_row(heading: str | None, column_label: str | None) -> bool:
    """Is the heading the table's own header row (cells apart, the cell's column among them)?
    A title "Programme spending 2023 to 2024 (£m)" over columns "2023  2024" is not."""
    return bool(heading and column_label and column_label in heading and _CELL_GAP.search(heading.strip()))


def _squeeze(label: str, cache: dict[str, str]) -> str:
    squeezed = cache.get(label)
    if squeezed is None:
        squeezed = cache[label] = _SPACES.sub(" ", label).strip()
    return squeezed


_UNIT_SPEC = re.compile(
    r"\(\s*(?:in\s+)?(?P<spec>[^()]{1,20}?)\s*\)|,\s*(?:in\s+)?(?P<spec2>[£$€¥]\s?[A-Za-z]{0,7}|[A-Z]{3}\s?[A-Za-z]{0,7}|%)\s*$")
_SCALE_WORDS = {"m": 1e6, "mn": 1e6, "mln": 1e6, "million": 1e6, "millions": 1e6, "bn": 1e9, "billion": 1e9,
                "b": 1e9, "k": 1e3, "thousand": 1e3, "000": 1e3, "000s": 1e3, "'000": 1e3, "thousands": 1e3}


def _parse_unit_spec(spec: str, currency_codes: frozenset[str] | set[str] = frozenset()
                     ) -> tuple[str, str | None, float] | None:
    """A table label's unit: "(£m)" -> ("money", "GBP", 1e6); "(%)" -> ("percent", "%", 1)."""
    spec = spec.strip().rstrip(".")
    if spec in ("%", "per cent", "percent", "% of total") or spec.startswith("% "):
        return "percent", "%", 1.0
    m = re.fullmatch(r"(?P<cur>US\$|[£$€¥]|[A-Z]{3})\s?(?P<scale>[A-Za-z']{0,8}|000s?)", spec)
    if m:
        cur = m.group("cur")
        code = CURRENCY_SYMBOLS.get(cur) or (cur if cur in ISO_4217 or cur in currency_codes else None)
        scale_word = m.group("scale").lower()
        if code and (not scale_word or scale_word in _SCALE_WORDS):
            return "money", code, _SCALE_WORDS.get(scale_word, 1.0)
        return None
    if spec in UNITS:
        return "quantity", UNITS[spec][0], 1.0
    m = re.fullmatch(r"(?P<scale>million|thousand|bn|m|'000)\s+(?P<unit>[A-Za-z²³]+)", spec)
    if m and m.group("unit") in UNITS:
        return "quantity", UNITS[m.group("unit")][0], _SCALE_WORDS.get(m.group("scale").lower(), 1.0)
    return None


def _with_table_unit(m: Mention, *labels: str | None,
                     currency_codes: frozenset[str] | set[str] = frozenset()) -> Mention:
    """A bare number in a table takes the unit its row or column label states ("(£m)")."""
    for label in labels:
        if not label:
            continue
        for match in _UNIT_SPEC.finditer(label):
            parsed = _parse_unit_spec(match.group("spec") or match.group("spec2") or "", currency_codes)
            if parsed is None:
                continue
            kind, unit, scale = parsed
            if not isinstance(m.value, (int, float)):
                return m
            step = (m.precision or 0.0)
            decimals_step = _step_of(m)
            value = m.value * scale
            half = max(step, decimals_step) * scale / 2 if kind != "percent" or decimals_step else 0.0
            if kind == "percent" and not half:
                half = decimals_step / 2 if decimals_step else 0.5
            return Mention(m.start, m.end, kind, value, value - half, value + half, unit, None,
                           decimals_step * scale if decimals_step else None, m.noun)
    return m


def _step_of(m: Mention) -> float:
    """The rounding step of a bare number's written digits (1 for "812", 0.1 for "812.6")."""
    return float(m.precision) if isinstance(m.precision, (int, float)) and m.precision else 1.0


def _line_around(text: str, start: int, end: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end == -1:
        line_end = len(text)
    while line_end > line_start and text[line_end - 1] in "\r \t":
        line_end -= 1
    return line_start, max(line_end, end)


def extract_claims(text: str, *, doc: str = "", model: str | None = None) -> list[Claim]:
    """Find every numeric and dated claim in ``text``.

    Args:
        text: The document text, exactly as read from the file.
        doc: The document id to record on each claim.
        model: An installed trained spaCy pipeline (``"en_core_web_sm"``) whose named
            entities veto numbers inside names; None: the blank English pipeline's scanner.

    Returns:
        Claims in document order; ``text[c.start:c.end] == c.text`` for each.

    Example:
        >>> [c.text for c in extract_claims("Over 2500 volunteers trained since 1996.")]
        ['Over 2500', '1996']
    """
    if model:
        from .component import extract_with_model

        return extract_with_model(text, model=model, doc=doc)
    scanner = Scanner(text)
    return mentions_to_claims(text, scanner.run(), doc=doc, currency_codes=scanner.currency_codes)


#: How far back (in characters) a year may be to date a day written without one.
_YEAR_ANCHOR_REACH = 4000


def anchor_yearless_dates(mentions: list[Mention]) -> list[Mention]:
    """Give "3 March" the interval of the year the text last named before it.

    News and statements write "on 3 March" once the year is clear from the dateline or an
    earlier date ("In 2025 ... the campaign began on 3 March").  The value stays as written
    (``--03-03``); only ``low``/``high`` are filled in, so the date can be compared with
    "3 March 2025" or "March 13".  A date with no year named within a few thousand
    characters before it stays open (``low``/``high`` None).
    """
    result: list[Mention] = []
    anchor: tuple[int, int] | None = None  # (year, where the text named it)
    for m in mentions:
        match = dates.YEARLESS_DATE_RE.match(m.value) if m.kind == "date" and isinstance(m.value, str) else None
        if match and m.low is None and anchor is not None and m.start - anchor[1] <= _YEAR_ANCHOR_REACH:
            year, month = anchor[0], int(match["month"])
            anchored = dates.day(year, month, int(match["day"])) if match["day"] else dates.month_of(year, month)
            if anchored is not None:  # None: 29 February of a year that has none, left open
                m = dataclasses.replace(m, low=anchored.low, high=anchored.high)
        elif (m.kind == "date" and isinstance(m.low, str) and isinstance(m.high, str)
              and m.low[:4] == m.high[:4] and m.low[:4].isdigit()):
            anchor = (int(m.low[:4]), m.end)
        result.append(m)
    return result


def extract_document(source: str | os.PathLike | Document, *, doc: str | None = None) -> list[Claim]:
    """Extract the claims of a document given as a path or a :class:`Document`.

    Args:
        source: A path to a UTF-8 text file, or a document already read.
        doc: The id to record (default: the document's id, or the file name).

    Raises:
        DocumentError: the file is missing, binary or not UTF-8.
    """
    if isinstance(source, Document):
        return extract_claims(source.text, doc=doc or source.id)
    text = read_text(source)
    return extract_claims(text, doc=doc or os.path.basename(os.fspath(source)))
