"""The claim scanner: find every numeric and dated claim in a text, with exact offsets.

The scanner works on the raw text (no tokenizer), which keeps it fast and keeps every
offset an offset into the original file.  It runs in three passes:

1. mask what is never a claim (footnote and reference markers, URLs, phone numbers,
   list numbering, page furniture);
2. find dated expressions (:mod:`claims.dates`);
3. find numbers (digits and words), then grow each one to the left (qualifier,
   currency, sign) and to the right (scale, percent, currency word, unit, range) and
   decide its kind.  Numbers glued to names ("G7", "COVID-19") or labelled as
   identifiers ("No. 14", "Line 3", "Resolution 77/158") are dropped.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from . import dates
from .lexicon import (
    AMBIGUOUS_UNITS,
    APPROX_TOLERANCE,
    COUNT_NOUNS_AFTER_YEARLIKE,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DIGIT_WORDS_PATTERN,
    DOLLAR_ADJECTIVES,
    IDENTIFIER_LABELS,
    ISO_4217,
    NEAR_TOLERANCE,
    ORDINAL_WORDS,
    QUALIFIER_AFTER,
    QUALIFIER_AFTER_RE,
    QUALIFIER_BEFORE_RE,
    QUALIFIERS_BEFORE,
    SCALE_SUFFIXES,
    SPACED_LETTER_UNITS,
    STRONG_IDENTIFIER_LABELS,
    TEEN_WORDS_PATTERN,
    TENS_WORDS,
    TENS_WORDS_PATTERN,
    UNICODE_FRACTIONS,
    UNITS,
)
from .numbers import cardinal_prefix_length, composite_ordinal, parse_digits, parse_number_words
from .regexscan import Alternation, prefiltered_finditer, split_alternatives


@dataclass(slots=True)
class Mention:
    """A claim as the scanner finds it, before it is tied to a document and sentence."""

    start: int
    end: int
    kind: str
    value: float | str | None
    low: float | str | None
    high: float | str | None
    unit: str | None = None
    qualifier: str | None = None
    precision: str | float | None = None
    noun: str | None = None


# --------------------------------------------------------------------------- masks

# A month's name or its abbreviation, whole: what makes a number at a line's start a day
_MONTH_WORD = (r"(?i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
               r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\b"
               # not one space and a word: "3 May Day traditions" is a title; "4 Oct: Launch" a date
               r"(?![ \t][A-Za-z])")

_MASKS_PATTERN = (
    r"\^\{[^}\n]{0,12}\}"                      # ^{*1} footnote markers
    r"|\[(?:[0-9]{1,3}|[a-z]|note\s*[0-9]+|citation needed)(?:[,–-][0-9]{1,3})*\]"  # [12] refs
    r"|https?://\S+|www\.\S+|\b[\w.+-]+@[\w-]+\.[\w.]+"  # URLs, e-mail
    r"|(?:\+|(?<![0-9,.])\b00)[0-9]{1,3}(?:[ \t.\-‑]+\(?[0-9]{1,4}\)?|[ \t]*\([0-9]{1,2}\)[0-9]{1,4}){2,6}\b"  # +44 20 7946 0958, +44 (0)20 7946 0318
    r"|(?i:\b(?:tel|phone|fax|telephone|mobile|call|t|f|m)\b\.?:?\s*)\(?[0-9][0-9\s().\-‑]{6,18}[0-9]"
    r"|\(?\b[0-9]{3}\)?[\s.\-‑][0-9]{3}[\-‑.][0-9]{4}\b"  # (555) 123-4567
    r"|(?m:^[ \t]*(?:[0-9]{1,2}(?:\.[0-9]{1,2}){0,3}[.)](?=[ \t]+\S)|[0-9]{1,2}(?:\.[0-9]{1,2}){1,3}(?=[ \t]+[A-Z(“\"‘'])))"  # 1. / 2.3 list and section numbers
    # "3 Results": contents lines; not a date that opens a line ("15 Aug 2024    Results published")
    r"|(?m:^[ \t]*[0-9]{1,2}(?![ \t]+" + _MONTH_WORD + r")(?=(?:[ \t]{2,}|[ \t])[A-Z][^\n.]{0,60}$))"
    r"|(?i:\bcomments?\s*\([0-9]+\)|\b[0-9]+\s+comments?\b|\breading\s+time:?\s*[0-9]+\s*min\w*|\bupdate\s+[0-9]+\b)"
    r"|\b[0-9]{1,5}[ \t]+(?:[A-Z][a-z]+[ \t]+){1,2}(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane|Boulevard|Blvd\.?|Square|Place|Way|Drive|Quay|Strasse|Straße)\b"
    r"|\(0[0-9]{1,4}\)[ \t]?[0-9]{2,4}(?:[ \t\-‑][0-9]{2,4}){1,2}\b"  # (021) 448 3190
    r"|(?m:^[ \t]*\(?[0-9]{1,2}\)(?=\s))"     # (1) list numbers
    r"|(?m:^[ \t]*0[0-9](?![ \t]+" + _MONTH_WORD + r")(?=[ \t]+[A-Z]))"  # 01 Section heading (not "01 March")
    r"|(?i:\bpage\s+[0-9]+(?:\s+of\s+[0-9]+)?\b)|(?i:\bpp?\.\s*[0-9]+(?:[-–][0-9]+)?)"
    r"|(?m:^[ \t]*[—–-]+\s*[0-9]{1,3}\s*[—–-]+[ \t]*$)"  # — 3 —
    r"|(?m:^[ \t]*[0-9]{1,3}[ \t]*$)"          # a number alone on a line: page or item number
    r"|(?i:\b[0-9]+\s*min(?:ute)?s?\s+read\b)"  # 4 min read
    r"|(?i:\b(?:ISBN|ISSN|DOI|ISO|NORAD|COSPAR|IATA|ICAO|ref|reg|case|docket)\b[:.]?\s*[0-9][0-9A-Za-z\-‑./:]*)"
    r"|\b[0-9]+(?:/[0-9]+){2,}\b(?![/])(?=[^0-9]|$)(?<![0-9]{5})"  # a/b/c paths that are not dates handled later
)


_MASKS = Alternation([(f"_mask{i}", branch) for i, branch in enumerate(split_alternatives(_MASKS_PATTERN))])
# Where a mask can begin: a run of digits, one of ^ [ + (, or one of the words below
# (checked whole, in any case: see candidate_starts), a line start, "http"/"www.", or the
# word run before an "@".
_MASK_START_WORD_RE = re.compile(
    r"(?i:tel|phone|fax|telephone|mobile|call|t|f|m|comments?|reading|update|page|pp?"
    r"|isbn|issn|doi|iso|norad|cospar|iata|icao|ref|reg|case|docket)")
_PATH_RE = re.compile(r"[0-9]+(?:/[0-9]+){2,}")


def _may_start_mask(word: str) -> bool:
    return _MASK_START_WORD_RE.fullmatch(word) is not None


def _mask_starts(text: str, candidates: list[int]) -> list[int]:
    starts = list(candidates)
    starts.append(0)
    position = text.find("\n")
    while position != -1:
        starts.append(position + 1)
        position = text.find("\n", position + 1)
    for marker in ("http", "www."):
        position = text.find(marker)
        while position != -1:
            starts.append(position)
            position = text.find(marker, position + 1)
    position = text.find("@")
    while position != -1:
        begin = position
        while begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] in "_.+-"):
            begin -= 1
        starts.extend(range(begin, position))
        position = text.find("@", position + 1)
    return sorted(set(starts))


def _masked_spans(text: str, candidates: list[int] | None = None) -> list[tuple[int, int]]:
    """The spans of URLs, phone numbers, list numbers, references...: numbers inside are no
    claims.  ``candidates``: the mask starts of :func:`candidate_starts`, when known."""
    if candidates is None:
        candidates = candidate_starts(text)[2]
    spans = []
    for match in prefiltered_finditer(_MASKS.match, _mask_starts(text, candidates), text):
        if _PATH_RE.fullmatch(match.group()):
            continue  # dates like 5/3/18 are for the date pass
        spans.append((match.start(), match.end()))
    return spans


# --------------------------------------------------------------------------- numbers

_DIGITS = (r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,3}(?:[\u202f\u00a0\u2009][0-9]{3})+"
           r"|[0-9]{1,3}(?: [0-9]{3})+(?![0-9,.])|[0-9]+)(?:\.[0-9]+)?")
_WORD_NUM = (r"zero|naught|nought|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
             r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
             r"|eighty|ninety|hundred|thousand|million|billion|trillion|dozens?")
_DENOM = (r"halves|half|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?"
          r"|hundredths?|thousandths?|millionths?|billionths?|trillionths?")
_GAP = r"(?:[ \t\u00a0]+|[ \t]*[-‑][ \t]*)"
# "and" joins number words after a scale ("one hundred and six") or before a fraction
# ("one and a half", "twenty and three fifths"), never two numbers ("ten and fifteen").
_AND = (r"(?:(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion)|(?<=trillion))[ \t\u00a0]+and[ \t\u00a0]+"
        rf"|[ \t\u00a0]+and[ \t\u00a0]+(?=(?:an?[ \t]+|(?:{_WORD_NUM})(?:{_GAP}(?:{_WORD_NUM}))*{_GAP})(?:{_DENOM})\b))")
_A = r"(?:an?[ \t\u00a0]+)"
# Spelled numbers never cross a line break; a fraction word needs a number or "a" before it
# ("a third", "two thirds"), so that "the third" stays an ordinal.
_SPELLED = (
    rf"\b(?:{_A}(?:{_WORD_NUM}|{_DENOM})|(?:{_WORD_NUM})|half(?=[ \t]+{_A}?(?:million|billion|dozen)\b))\b"
    rf"(?:(?:{_GAP}|{_AND}){_A}?(?:{_WORD_NUM}|{_DENOM}|point)\b)*"
)
_ORDINAL_SPELLED = (r"\b(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[-‑\s])?"
                    r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|nineth|tenth|eleventh|twelfth"
                    r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth"
                    r"|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth"
                    r"|hundredth|thousandth|millionth|billionth|trillionth|first)\b")
_NUMBERS = Alternation([
    ("fraction", r"(?<![0-9A-Za-z_.,/])(?:[0-9]{1,2}[ \t]+)?[0-9]{1,2}/[0-9]{1,2}(?![0-9/])"),
    ("sci", r"(?<![0-9A-Za-z_.,])[0-9]+(?:\.[0-9]+)?[eE][+-]?[0-9]{1,3}(?![0-9A-Za-z])"),
    ("mixed", r"(?<![0-9A-Za-z_.,])[0-9]{1,3}[½¼¾⅓⅔⅛⅙⅕]"),  # "16½ hours"
    ("digits", rf"(?<![0-9A-Za-z_.,\u00b2\u00b3]){_DIGITS}(?![0-9])|(?<![0-9A-Za-z_.,])\.[0-9]+(?![0-9])"),
    ("frac", r"[½¼¾⅓⅔⅛⅙⅕]"),
    ("share", r"(?i:\b(?:(?:a|one|two|three|four)[ \t\-‑]+)?(?:half|thirds?|quarters?|fifths?|tenths?)\b(?=[ \t]+of\b)"
              r"|(?<=more than )half\b|(?<=less than )half\b|(?<=exactly )half\b|(?<=almost )half\b|(?<=nearly )half\b"
              r"|(?<=about )half\b|(?<=over )half\b|(?<=under )half\b|(?<=roughly )half\b|(?<=around )half\b"
              r"|(?<=more than )a[ \t]+(?:third|quarter|fifth)\b|(?<=almost )a[ \t]+(?:third|quarter)\b"
              r"|(?<=nearly )a[ \t]+(?:third|quarter)\b|(?<=about )a[ \t]+(?:third|quarter)\b)"),
    ("aunit", r"(?i:\b(?:half[ \t]+)?an?[ \t]+(?:decade|century|fortnight|year|month|week|day|hour|minute)\b)"),
    ("times", r"(?i:\b(?:twice|thrice|double|doubled|doubles|triple|tripled|triples)\b)"),
    ("ordw", rf"(?i:{_ORDINAL_SPELLED})"),
    ("words", rf"(?i:{_SPELLED})"),
])
_NUMBER_RE = _NUMBERS.compiled

# Where a number can begin: a run of digits (no branch begins inside one: each looks behind
# for a digit), a decimal point, a vulgar fraction, or one of the words _NUMBER_RE starts
# with (see candidate_starts).  Trying _NUMBER_RE only there gives the same matches as
# finditer (tests/claims/test_properties.py checks it), at a fraction of the cost.
_ORDINAL_WORDS = _ORDINAL_SPELLED.removeprefix(r"\b").removesuffix(r"\b")
_NUMBER_START_WORD_RE = re.compile(
    rf"(?i:{_WORD_NUM}|{_DENOM}|{_ORDINAL_WORDS}|twice|thrice|double|doubled|doubles|triple|tripled|triples|an?)")
def _may_start_number(word: str) -> bool:
    return _NUMBER_START_WORD_RE.fullmatch(word) is not None


def find_numbers(text: str) -> Iterator[re.Match]:
    """The matches of :data:`_NUMBER_RE` in ``text``, as ``_NUMBER_RE.finditer(text)`` gives them."""
    return prefiltered_finditer(_NUMBERS.match, candidate_starts(text)[1], text)


# One pass over the text for the places where a date, a number or a mask may begin: a run
# of digits, one of the marks, or a run of letters not glued to a word on its left.
_CANDIDATE_RE = re.compile(rf"[0-9]+|\.(?=[0-9])|[½¼¾⅓⅔⅛⅙⅕^\[+(]|(?<![0-9A-Za-z_])[{dates.LETTERS}]+")
_DATE, _NUMBER, _MASK, _DATE_IF_DIGIT = 1, 2, 4, 8
_WORD_ROLES: dict[str, int] = {}


def _word_roles(word: str) -> int:
    roles = _WORD_ROLES.get(word)
    if roles is None:
        roles = ((_DATE if dates.may_start_date(word) else _DATE_IF_DIGIT if dates.may_start_date(word, "1") else 0)
                 | (_NUMBER if _may_start_number(word) else 0)
                 | (_MASK if _may_start_mask(word) else 0))
        if len(_WORD_ROLES) > 100_000:  # a bound for archives of many vocabularies
            _WORD_ROLES.clear()
        _WORD_ROLES[word] = roles
    return roles


def candidate_starts(text: str) -> tuple[list[int], list[int], list[int]]:
    """Where a date, a number and a mask may begin, in one pass over the text.

    Returns:
        Increasing positions for each grammar: every match of :data:`dates.DATE_RE`, of
        :data:`_NUMBER_RE` and of the masks (but for the line starts, links and e-mail
        addresses :func:`_mask_starts` adds) begins at one of them.
    """
    date_starts: list[int] = []
    number_starts: list[int] = []
    mask_starts: list[int] = []
    known_roles = _WORD_ROLES.get  # (bound once: this loop runs once per word of the text)
    for match in _CANDIDATE_RE.finditer(text):
        token = match.group()
        first = token[0]
        position = match.start()
        if first <= "9" and first >= "0":
            date_starts.append(position)
            number_starts.append(position)
            mask_starts.append(position)
        elif len(token) == 1 and first in ".½¼¾⅓⅔⅛⅙⅕^[+(":
            if first in "^[+(":
                mask_starts.append(position)
            else:
                number_starts.append(position)
        else:
            roles = known_roles(token)
            if roles is None:
                roles = _word_roles(token)
            if not roles:
                continue
            if roles & _DATE or (roles & _DATE_IF_DIGIT
                                 and dates.may_start_date(token, text[match.end():match.end() + 1])):
                date_starts.append(position)
            if roles & _NUMBER:
                number_starts.append(position)
            if roles & _MASK:
                mask_starts.append(position)
    return date_starts, number_starts, mask_starts


_CURRENCY_PREFIX_RE = re.compile(
    r"(?P<cur>" + "|".join(re.escape(s) for s in sorted(CURRENCY_SYMBOLS, key=len, reverse=True))
    + r"|\bM?[A-Z]{3}\b|\b(?i:usd|eur|gbp|rmb|jpy|cny|inr)\b)[ \t\u00a0]?\Z"
)
_SIGN_RE = re.compile(r"(?:^|(?<=[\s(\[|:]))[−+\-‑][ ]?\Z")
_SCALE_RE = re.compile(
    r"^(?P<sp>[ \t\u00a0\u202f]*|[-‑])(?P<scale>(?i:hundred|thousand|millions?|billions?|trillions?)|mn|mln|mil|MM|bn|bln|tn|trn|dozens?"
    r"|lakhs?|crores?|[kKmMbB])(?![A-Za-z])",
)
_PERCENT_RE = re.compile(
    r"^(?P<sp>[ \t\u00a0\u202f]*)(?P<pct>%|per[\s\-‑]?cent\b|percent\b|pct\b|percentage\s+points?\b|pp\b|p\.p\.|basis\s+points?\b|bps\b)",
    re.IGNORECASE,
)
_UNIT_KEYS = sorted(UNITS, key=len, reverse=True)
_UNIT_RE = re.compile(
    r"^(?P<sp>[ \t\u00a0\u202f]*|[-‑])(?P<unit>"
    # "square metre", "square-metre" ("the 2,300-square-metre centre")
    + "|".join(re.escape(u).replace(r"\ ", r"(?:[\s\u00a0]+|[\-‑–])") for u in _UNIT_KEYS)
    + r")(?P<per>[/ ]per[\s\u00a0]+[a-z]+|/[a-zA-Z]+)?(?![A-Za-z0-9²³])"
)
_CURRENCY_WORD_RE = re.compile(
    r"^(?P<sp>[ \t\u00a0\u202f]*)(?:(?P<adj>(?i:us|u\.s\.|american|australian|canadian|new\s+zealand|hong\s+kong"
    r"|singapore|taiwan|swiss|british|egyptian|indian|pakistani))\s+)?(?P<word>"
    + "|".join(re.escape(w) for w in sorted(CURRENCY_WORDS, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_CODE_AFTER_RE = re.compile(r"^[ \t\u00a0]*(?P<code>M?[A-Z]{3}\b|(?i:usd|eur|gbp|rmb|jpy|cny)\b|[$€£¥](?![0-9]))")
_RANGE_RE = re.compile(
    r"^(?P<sep>[ \t\u00a0]*[-‑–—~][ \t\u00a0]*|[ \t]+(?:to|through|thru)[ \t]+|[ \t]+and[ \t]+|[ \t]*-to-[ \t]*)"
    r"(?P<cur>US\$|\$|€|£|¥)?(?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)(?![0-9])"
)
#: Unit letters that are a temperature only near words of heat and cold.
TEMPERATURE_LETTERS = frozenset({"C", "F"})
_TEMPERATURE_CUE_RE = re.compile(
    r"°|(?i:\b(?:temperatures?|degrees?|celsius|fahrenheit|heat|heatwaves?|hot|hotter|hottest|warm|warmer|warmest"
    r"|cold|colder|coldest|chilly|freezing|frost|thermometers?|mercury)\b)")
_GLUED_SUFFIX_RE = re.compile(r"^[A-Za-z²³µ°]+")
_NEGATIVE_WORD_RE = re.compile(r"(?i:\b(?:minus|negative)[ \t]+)\Z")
_RATIO_GAP_RE = re.compile(r"[ \t]+(?:in|out[ \t]+of)[ \t]+")
_SYMBOL_QUALIFIER_RE = re.compile(r"(?P<q>>\s?=|<\s?=|=>|=<|[<>≤≥])[ \t]*\Z")
_MINOR_UNIT_RE = re.compile(
    rf"^[ \t]+(?:and[ \t]+)?(?P<n>[0-9]{{1,2}}(?![0-9]|[.,][0-9])|(?i:(?:{TENS_WORDS_PATTERN})"
    rf"(?:[ \t-](?:{DIGIT_WORDS_PATTERN}))?|{DIGIT_WORDS_PATTERN}|{TEEN_WORDS_PATTERN}))\b"
    r"(?P<cents>[ \t]+(?:cents?|pence|p)\b)?")
_HYPHEN_WORD_RE = re.compile(r"^[-‑](?P<word>[A-Za-z]+)")
_ORDINAL_SUFFIX_RE = re.compile(r"^(?:st|nd|rd|th)\b", re.IGNORECASE)
_NOUN_RE = re.compile(r"^[ \t\u00a0]*((?:[A-Za-z][\w'’\-‑]*[ \t\u00a0]+){0,3}[A-Za-z][\w'’\-‑]*)")
_STOP_WORDS = frozenset("""
a an the of in on at to for from with by and or but that which who whom whose were was is are
be been being have has had will would shall should can could may might must do does did not no
as than then so if when while since until till per each every this these those there their its
his her our your my we they he she it i you during after before over under about into onto upon
between among through across against within without also only just more most less fewer some
any all both either neither such very too up down out off again further once here where why how
what said says say according reported ago earlier later year years month months day days
""".split())
# "a second phase", "a second concentrator line": the next word names what comes second;
# "a second later", "a second or two", "for a second." are a unit of time
_SECOND_OF_A_SERIES_RE = re.compile(
    r"[ \t\u00a0]+(?!(?:later|earlier|ago|or|and|to|too|before|after|of|longer|more|less|at|in|on|for|when|then|"
    r"is|was|the|that|faster|slower|quicker|per|each|every|this|it|he|she|they|we|you|I|behind|ahead|off|"
    r"there|here|please|now|left|short|clear|slow|fast|back|away)(?![\w\-\u2011]))[a-z][a-z\-\u2011]*")
# Labels whose colon is followed by an amount, not a name ("Target: 50,000 homes")
_AMOUNT_LABELS = frozenset({"target", "targets", "goal", "goals", "sample", "samples", "objective"})


def _names_after_colon(word: str) -> bool:
    """Does a label before a colon name what follows it?  A label word in the singular does
    ("Platform: 2", "Gate: 14", "PIN: 1234"); a plural counts ("Stations: 14"), and a code
    or a speaker is a key ("GDP: 340 billion", "A: 1,240")."""
    low = word.lower()
    if low in _AMOUNT_LABELS or low not in IDENTIFIER_LABELS:
        return False
    return not (len(low) > 3 and low.endswith("s") and not low.endswith("ss"))


_LABEL_BEFORE_RE = re.compile(r"(?P<label>[#№§]|\b[A-Za-z][A-Za-z.\-]*\.?)[\s\u00a0]*(?:[:#]\s*)?\Z")
# The gap between a table's row label and its first cell: a tab, or two spaces or more.
_TABLE_GAP_AFTER_LABEL_RE = re.compile(r"[ \u00a0]*\t|[ \u00a0]{2,}")
_LETTER_HYPHEN_BEFORE_RE = re.compile(r"(?P<word>[A-Za-z][A-Za-z0-9]*)[-‑/]\Z")
_DATE_PREFIXES = frozenset({"mid", "early", "late", "pre", "post", "end", "start", "fy", "q"})
_YEAR_CUES_BEFORE = re.compile(
    r"(?i:\b(?:in|since|by|from|until|till|during|of|before|after|around|circa|c\.|year|years|"
    r"the|and|or|to|through|between|as\s+of|as\s+at|on|for|early|late|mid|fiscal|financial|"
    r"spring|summer|autumn|fall|winter|till|back\s+in|dating\s+from|established|founded|opened|"
    r"built|launched|completed|born|died|season|edition|class\s+of|census|budget|election|"
    r"elections|report|plan|strategy|agenda|programme|program)\s*,?)\s*$")


def _strip_trailing_dots(value: str) -> str:
    return value[:-1] if value.endswith(".") else value


def _rounding_step(decimals: int, scale: float) -> float:
    return (10.0 ** -decimals) * scale


class Scanner:
    """Scan one text for claims.

    Args:
        text: The document text.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._date_starts, self._number_starts, mask_starts = candidate_starts(text)
        self.masked = _masked_spans(text, mask_starts)
        self._masked_starts = [s for s, _e in self.masked]
        self.currency_codes, self.currency_nouns = _document_currencies(text)
        self._floor = 0

    # ------------------------------------------------------------------ helpers

    def _is_masked(self, start: int, end: int) -> bool:
        # masks never overlap and are sorted: only the last one starting before ``end`` can
        # reach into [start, end)
        i = bisect.bisect_left(self._masked_starts, end) - 1
        return i >= 0 and self.masked[i][1] > start

    def run(self) -> list[Mention]:
        """All mentions in the text, sorted by start, never overlapping."""
        taken: list[tuple[int, int]] = []
        mentions: list[Mention] = []
        for mention in self._dates():
            mentions.append(mention)
            taken.append((mention.start, mention.end))
        taken.sort()
        for mention in self._numbers(taken):
            mentions.append(mention)
        mentions.sort(key=lambda m: (m.start, -m.end))
        result: list[Mention] = []
        for mention in mentions:
            if result and mention.start < result[-1].end:
                continue
            result.append(mention)
        return self._merge_ranges(result)

    def _merge_ranges(self, mentions: list[Mention]) -> list[Mention]:
        """Join "more than 100 and less than 300" and "from one thousand to 1,500" into ranges."""
        merged: list[Mention] = []
        for mention in mentions:
            prev = merged[-1] if merged else None
            same_kind = mention.kind == prev.kind if prev is not None else False
            if prev is not None and not same_kind and prev.kind == "count" and prev.unit is None \
                    and mention.kind in ("quantity", "money", "percent") and self.text[prev.end:prev.end + 1] in "-‑":
                same_kind = True  # "8- to 16-metre": the first number borrows the second's unit
            if prev is not None and same_kind and mention.kind not in ("date", "ordinal"):
                gap = self.text[prev.end:mention.start]
                if len(gap) <= 12 and (prev.unit == mention.unit or prev.unit is None or mention.unit is None):
                    joined = self._range_of(prev, mention, gap) or self._ratio_of(prev, mention, gap)
                    if joined is not None:
                        merged[-1] = joined
                        continue
            merged.append(mention)
        return merged

    def _ratio_of(self, a: Mention, b: Mention, gap: str) -> Mention | None:
        """"one in five", "3 out of 10", "one over three": a ratio, valued as a fraction."""
        if a.kind != "count" or b.kind != "count" or a.unit or b.unit or a.qualifier:
            return None
        if not isinstance(a.value, (int, float)) or not isinstance(b.value, (int, float)) or not b.value:
            return None
        b_text = self.text[b.start:b.end].lower()
        if _RATIO_GAP_RE.fullmatch(gap) and b.qualifier is None and 0 < a.value < b.value:
            pass
        elif gap.strip() == "" and b.qualifier == "over" and b_text.startswith("over"):
            pass
        else:
            return None
        ratio = _clean(a.value / b.value)
        return Mention(a.start, b.end, "count", ratio, ratio, ratio, None, "ratio", None, b.noun)

    def _range_of(self, a: Mention, b: Mention, gap: str) -> Mention | None:
        open_above = lambda m: m.low is not None and m.high is None  # noqa: E731
        open_below = lambda m: m.low is None and m.high is not None  # noqa: E731
        unit = a.unit or b.unit
        if re.fullmatch(r"\s*,?\s*(?:and|but|,)\s*", gap):
            if open_above(a) and open_below(b):
                low, high = a.low, b.high
            elif open_below(a) and open_above(b):
                low, high = b.low, a.high
            elif (gap.strip() == "and" and a.qualifier is None and b.qualifier is None
                  and re.search(r"(?i:\bbetween\s+)$", self.text[max(0, a.start - 12):a.start])
                  and isinstance(a.value, (int, float)) and isinstance(b.value, (int, float))
                  and b.value > a.value):
                low, high = a.value, b.value
            else:
                return None
        elif re.fullmatch(r"\s*[-‑]?\s*(?:[-‑–—~]|to|through|thru|until)\s*", gap):
            if a.qualifier or b.qualifier or not isinstance(a.value, (int, float)) \
                    or not isinstance(b.value, (int, float)) or b.value <= a.value:
                return None
            low, high = a.value, b.value
        else:
            return None
        if low is not None and high is not None and low >= high:
            return None
        return Mention(a.start, b.end, b.kind, None, low, high, unit,
                       "range", None, b.noun)

    # ------------------------------------------------------------------ dates

    def _dates(self) -> list[Mention]:
        text = self.text
        found: list[Mention] = []
        for match in dates.find_dates(text, self._date_starts):
            start, end = match.start(), match.end()
            if self._is_masked(start, end) and match.lastgroup not in ("_iso", "_numeric"):
                continue
            parsed = dates.interpret(match, text)
            if parsed is None:
                continue
            if text[start].isdigit():
                label = self._label_strength(text[max(0, start - 40):start])
                if label == "strong" or (label == "weak" and parsed.precision in ("year", "month", "range")):
                    continue  # "Law No. 7/2019", "Phase 2021-2024"
            start, end = _trim_span(text, start, end)
            prefix = _FROM_BETWEEN_RE.match(text, start, end) if text[start] in "fFbB" else None
            if prefix and _DIGIT_RANGE_RE.search(text, start, end):
                start = prefix.end()  # "from 2018-2024": the range is the dates, "from" a qualifier
            if parsed.precision == "time":
                duration = self._duration(start, end)
                if duration is not None:
                    found.append(duration)
                    continue
            qualifier = _date_qualifier(text, start)
            found.append(Mention(start, end, "date", parsed.value, parsed.low, parsed.high,
                                 None, qualifier, parsed.precision))
        return _attach_times(text, found)

    def _duration(self, start: int, end: int) -> Mention | None:
        """A race or running time, "2:07:48" (hours, minutes, seconds), as seconds.

        Only a one-digit hour with minutes and seconds ("02:14:07 UTC" and "10:38" are
        clocks) and not where a clock is read: after "at", "from", "until", ... or right
        after a date ("15 March 2024, 2:14:07").
        """
        match = _DURATION_RE.fullmatch(self.text, start, end)
        if match is None:
            return None
        before = self.text[max(0, start - 24):start]
        if _CLOCK_BEFORE_RE.search(before):
            return None
        hours, minutes, seconds = (int(part) for part in match.groups())
        value = float(hours * 3600 + minutes * 60 + seconds)
        qualifier, rule, q_start = self._qualifier_before(start)
        low, high = _interval(value, 1.0, rule)
        return Mention(q_start, end, "quantity", _clean(value), _clean(low), _clean(high), "s", qualifier, 1.0)

    # ------------------------------------------------------------------ numbers

    def _numbers(self, taken: list[tuple[int, int]]) -> list[Mention]:
        text = self.text
        out: list[Mention] = []
        ti = 0
        self._floor = 0
        for match in prefiltered_finditer(_NUMBERS.match, self._number_starts, text):
            start, end = match.start(), match.end()
            while ti < len(taken) and taken[ti][1] <= start:
                ti += 1
            if ti < len(taken) and taken[ti][0] < end:
                continue
            if self._is_masked(start, end):
                continue
            mention = self._number_mention(match)
            if mention is None:
                continue
            if ti < len(taken) and taken[ti][0] < mention.end:
                # grew into a date ("from 10 to 2024"): keep only the bare number
                continue
            out.append(mention)
            self._floor = mention.end
        return out

    def _number_mention(self, match: re.Match) -> Mention | None:
        text = self.text
        start, end = match.start(), match.end()
        surface = match.group(0)
        if match.lastgroup == "ordw":
            return self._spelled_ordinal(start, end, surface)
        if match.lastgroup == "frac":
            return self._grow(start, end, UNICODE_FRACTIONS[surface], 3, spelled=True)
        if match.lastgroup == "mixed":  # "16½ hours"
            if self._is_identifier(text[max(0, start - 40):start], start):
                return None
            return self._grow(start, end, int(surface[:-1]) + UNICODE_FRACTIONS[surface[-1]], 3)
        if match.lastgroup == "share":
            value = parse_number_words(surface)
            if value is None:
                return None
            mention = self._grow(start, end, value * 100, 0, spelled=True)
            if mention is None:
                return None
            mention.kind, mention.unit = "percent", "%"
            return mention
        if match.lastgroup == "aunit":
            return self._a_unit(start, end, surface)
        if match.lastgroup == "times":
            return self._times(start, end, surface)
        if match.lastgroup == "fraction":
            return self._digit_fraction(start, end, surface)
        if match.lastgroup == "sci":
            if self._is_identifier(text[max(0, start - 40):start], start):
                return None
            value = float(surface)
            if not math.isfinite(value):
                return None  # "1e400": beyond what a float holds
            return self._grow(start, end, value, 0, spelled=True, signed=True)
        if match.lastgroup == "words":
            kept = cardinal_prefix_length(surface)
            if kept < len(surface):  # two numbers side by side: "twenty-four four-car trains"
                surface, end = surface[:kept], start + kept
            value = parse_number_words(surface)
            if value is None:
                ordinal = composite_ordinal(re.findall(r"[a-z]+", surface.lower()))
                if ordinal is not None:
                    return Mention(start, end, "ordinal", _clean(ordinal), _clean(ordinal), _clean(ordinal))
                return None
            return self._spelled(start, end, surface, value)
        parsed = parse_digits(surface)
        if parsed is None:
            return None
        value, decimals = parsed
        after = text[end:end + 40]
        before = text[max(0, start - 40):start]
        # glued to a word or a code: "COVID-19", "ORO-2", "A320", "4B", "5G", "1.4.2"
        if after[:1] in (".", ",") and "0" <= after[1:2] <= "9":
            return None
        hyphen_before = _letter_hyphen_before(before)
        if hyphen_before and hyphen_before.group("word").lower() not in _DATE_PREFIXES:
            return None
        if (before[-1:] in ("-", "‑", "/") and "0" <= before[-2:-1] <= "9"
                and not re.search(r"[0-9]{4}[-‑]$", before)):
            return None  # the second half of "77/158" or "3-1": handled with the first
        ordinal = _ORDINAL_SUFFIX_RE.match(after)
        if ordinal and "," not in surface and "." not in surface:
            return self._ordinal(start, end + ordinal.end(), int(value))
        glued = _GLUED_SUFFIX_RE.match(after)
        if glued and not self._acceptable_glued(glued.group(0), before):
            return None
        if glued and glued.group(0) in TEMPERATURE_LETTERS and (
                not self._temperature_near(end) or self._label_strength(before) is not None):
            return None  # "Room 5C", "Grade 3F": a code, not a temperature
        if after[:1] == "/" and "0" <= after[1:2] <= "9":
            return None  # "77/158", "24/7": identifiers or ratios, not amounts
        label = self._label_strength(before)
        if label == "strong":
            return None
        mention = self._grow(start, end, value, decimals)
        if mention is not None and label == "weak" and mention.kind in ("count", "date"):
            return None  # "Line 3", "Pit 3", "Gate 7": a name, not a count
        return mention

    def _a_unit(self, start: int, end: int, surface: str) -> Mention | None:
        """"a decade", "half a century", "within a fortnight": a duration of one unit."""
        text = self.text
        before = text[max(0, start - 25):start]
        after = text[end:end + 12]
        if not (re.search(r"(?i:\b(?:for|in|within|over|after|about|almost|nearly|than|under|some|just|only|"
                          r"past|last|entire|whole|roughly|around|least|most|once)[ \t]+)$", before)
                or re.match(r"(?i:[ \t]+(?:later|earlier|ago|long|old|before|after)\b)", after)):
            return None
        words = surface.lower().split()
        unit_word = words[-1]
        value = 0.5 if words[0] == "half" else 1.0
        if unit_word == "fortnight":
            unit_word, value = "week", value * 2
        if unit_word == "decade":
            unit_word, value = "year", value * 10
        if unit_word == "century":
            unit_word, value = "year", value * 100
        symbol = UNITS[unit_word][0]
        qualifier, rule, q_start = self._qualifier_before(start)
        low, high = _interval(value, 0.0, rule)
        return Mention(q_start, end, "quantity", _clean(value), _clean(low), _clean(high), symbol, qualifier)

    def _times(self, start: int, end: int, surface: str) -> Mention | None:
        """"twice", "more than doubled": a multiplier, kept as a count."""
        word = surface.lower()
        value = 3.0 if word.startswith(("thrice", "tripl")) else 2.0
        if word.startswith(("double", "triple")) and not re.search(
                r"(?i:\b(?:more than|almost|nearly|roughly|about|over)[ \t]+)$", self.text[max(0, start - 20):start]):
            return None  # "a double room", "triple jump": words, not amounts
        qualifier, rule, q_start = self._qualifier_before(start)
        low, high = _interval(value, 0.0, rule)
        return Mention(q_start, end, "count", _clean(value), _clean(low), _clean(high), None, qualifier or "times")

    def _qualifier_before(self, start: int) -> tuple[str | None, str, int]:
        window = self.text[max(0, start - 40, self._floor):start]
        q = _qualifier_before(window)
        if q and not _adds_up_to(window, q):
            key = re.sub(r"\s+", " ", q.group("q").lower())
            if key in QUALIFIERS_BEFORE:
                qualifier, rule = QUALIFIERS_BEFORE[key]
                return qualifier, rule, start - (len(window) - q.start("q"))
        return None, "exact", start

    def _digit_fraction(self, start: int, end: int, surface: str) -> Mention | None:
        """"3/4", "1 4/5": a fraction when the numerator is below a small denominator."""
        whole_text, _, frac = surface.rpartition(" ") if " " in surface.strip() else ("", "", surface)
        numerator, denominator = (int(x) for x in frac.strip().split("/"))
        before = self.text[max(0, start - 40):start]
        if not (0 < numerator < denominator <= 16) or self._is_identifier(before, start):
            if whole_text:
                return None
            return None
        value = numerator / denominator + (int(whole_text) if whole_text.strip() else 0)
        return self._grow(start, end, value, 3, spelled=True, signed=True)

    def _temperature_near(self, offset: int) -> bool:
        """Does the paragraph around ``offset`` speak of temperatures (for "40.2 C", "41.2C")?

        ``offset`` is where the letter starts; a letter before a slash ("14.7C/ per
        security") or before a name ("PA 23456 F Block") is no temperature.
        """
        text = self.text
        if re.match(r"[ \t\u00a0]*[CF](?:[/\-‑]|[ \t\u00a0]+[A-Z][a-z])", text[offset:offset + 12]):
            return False  # "14.7C/ per security", "12 F-35 jets", "PA 23456 F Block"
        start = max(offset - 160, text.rfind("\n\n", 0, offset) + 1)
        end = text.find("\n\n", offset)
        end = offset + 80 if end < 0 else min(end, offset + 80)
        return bool(_TEMPERATURE_CUE_RE.search(text, start, end))

    def _acceptable_glued(self, suffix: str, before: str) -> bool:
        """Is a suffix glued to digits a unit/scale/percent, not part of a code?"""
        if self._currency_code(suffix) or self._scaled_code(suffix):
            return True
        if suffix in SCALE_SUFFIXES or suffix.lower() in ("bn", "mn", "mln", "tn", "trn"):
            return True
        if suffix in UNITS or suffix.rstrip("s") in UNITS:
            return True
        if re.fullmatch(r"(?i:[ap]m|am|pm|h|hrs|s)", suffix):
            return True
        if suffix.lower() in ("st", "nd", "rd", "th"):
            return True
        m = re.match(r"^([A-Za-z]+)", suffix)
        return bool(m and (m.group(1) in SCALE_SUFFIXES or m.group(1) in UNITS))

    def _label_strength(self, before: str) -> str | None:
        """How surely a word right before a number makes it an identifier.

        ``"strong"``: an abbreviation or a document-structure word ("No. 14", "§ 3",
        "Article 5", "Table 2"); ``"weak"``: a noun that often names things ("Line 3",
        "stage 2"), trusted only when the number counts nothing ("upper stage 58 minutes
        later" keeps its duration); ``None``: no label.
        """
        label = _label_before(before)
        if not label:
            return None
        word = label.group("label")
        low = _strip_trailing_dots(word.lower())
        if low in STRONG_IDENTIFIER_LABELS or word.lower() in STRONG_IDENTIFIER_LABELS:
            return "strong"
        if _TABLE_GAP_AFTER_LABEL_RE.match(before, label.end("label")):
            return None  # "Brackwater District      276 150": a row label, then its cell
        if ":" in before[label.end("label"):] and not _names_after_colon(word):
            return None  # "Stations: 14", "A: 1,240", "GDP: 340 billion": a key and its value
        if low in IDENTIFIER_LABELS or word.lower() in IDENTIFIER_LABELS:
            return "weak"
        if re.fullmatch(r"[A-Z]{1,2}|[A-Z]{3,}", word) and not self._currency_code(word) \
                and word not in ("FY", "Q", "H") and not self._generic_code(word, "0"):
            return "weak"  # "Group A 3", "UTC 2", "ISLCRS 2024": a code before a number
        return None

    def _is_identifier(self, before: str, start: int) -> bool:
        """Does a label word right before the number make it an identifier?"""
        return self._label_strength(before) is not None

    def _currency_code(self, code: str) -> str | None:
        if code in CURRENCY_SYMBOLS:
            return CURRENCY_SYMBOLS[code]
        if code in self.currency_codes and (len(code) < 3 or not code.isupper()):
            return code  # a short code the document makes a currency ("VM", "NMk")
        if code.upper() != code:
            code = code.upper()
            if code not in ("USD", "EUR", "GBP", "RMB", "JPY", "CNY", "INR"):
                return None
        if code in _NOT_CURRENCY:
            return None
        if code in ISO_4217 or code in self.currency_codes:
            return "CNY" if code == "RMB" else code
        return None

    def _short_code_before(self, before: str) -> re.Match | None:
        """A short currency code of this document right before a number ("VM 340")."""
        if not self.currency_codes:
            return None
        match = _SHORT_CODE_BEFORE_RE.search(before)
        return match if match and match.group("cur") in self.currency_codes else None

    def _in_capitals(self, code_start: int, end: int) -> bool:
        """Is a number, with the word-like code before it, set in a line of capitals?

        The word after the number is in capitals (and is neither a scale, "TRY 5 MILLION",
        nor another currency, "TRY 500 EUR 14"), and so is the word before the code, or the
        code opens its line ("TOP 10 SCHOOLS").
        """
        after = _CAPITALS_AFTER_RE.match(self.text, end)
        if after is None or self._currency_code(after.group("word")) or after.group("word") in _WORDLIKE_CODES:
            return False
        line_start = self.text.rfind("\n", 0, code_start) + 1
        before = self.text[line_start:code_start]
        last_word = re.search(r"([A-Za-z]+)\W*$", before)
        return not before.strip() or (last_word is not None and last_word.group(1).isupper() and len(last_word.group(1)) > 1)

    def _generic_code(self, code: str, number: str) -> bool:
        """An unknown three-letter code before an amount ("ADT 225", "CVT 7.40") is a currency.

        Years ("ISLCRS 2024", "COP 2028") and known acronyms are not.
        """
        if not re.fullmatch(r"[A-Z]{3}", code) or code in _NOT_CURRENCY:
            return False
        return not re.fullmatch(r"(?:1[5-9]|20|21)[0-9]{2}", number)

    def _scaled_code(self, code: str) -> tuple[str, float] | None:
        """"MUSD", "MEUR": a code with a million prefix, as finance writes it."""
        if len(code) == 4 and code[0] == "M" and self._currency_code(code[1:]):
            return self._currency_code(code[1:]), 1e6
        return None

    # ------------------------------------------------------------------ growth

    def _grow(self, start: int, end: int, value: float, decimals: int, *,
              spelled: bool = False, signed: bool | None = None) -> Mention | None:
        """Grow a bare number into a claim: currency, sign, qualifier, scale, unit, range."""
        text = self.text
        span_start, span_end = start, end
        scale = 1.0
        unit: str | None = None
        kind = "count"
        currency: str | None = None
        noun: str | None = None
        low_value = high_value = None  # for explicit ranges
        attributive = False  # a unit joined by a hyphen: "an eight-year contract"
        compound_step: float | None = None  # "18 hours and 30 minutes" is precise to a minute
        before = text[max(0, start - 60):start]

        # currency symbol or code right before ("US$41.7", "EUR 48.6", "€5bn")
        cur = _currency_before(before) or self._short_code_before(before)
        prefix_scale = 1.0
        if cur:
            symbol = cur.group("cur")
            code = CURRENCY_SYMBOLS.get(symbol) or self._currency_code(symbol)
            if code is None and self._generic_code(symbol, text[start:end]):
                code = symbol
            if code in _WORDLIKE_CODES and self._in_capitals(start - (len(before) - cur.start()), end):
                code = None  # "ALL 146 HANGERS": a headline in capitals, not Albanian lek
            scaled = None if code else self._scaled_code(symbol)
            if scaled:
                code, prefix_scale = scaled
            if code:
                currency = code
                span_start = start - (len(before) - cur.start())
                before = text[max(0, span_start - 60):span_start]
        # a sign glued on the left: "−5.8", "+7.2" (table changes)
        if signed is None:
            signed = not spelled
        if currency is None and signed and _sign_before(before):
            sign_text = before.rstrip(" ")
            if sign_text[-1] in "−-‑":
                value = -value
            span_start -= len(before) - len(sign_text) + 1
            before = text[max(0, span_start - 60):span_start]

        negative = _negative_word_before(before)
        if negative and currency is None:
            value = -value
            span_start -= len(before) - negative.start()
            before = text[max(0, span_start - 60):span_start]
        cursor = end
        # "75 USD million": a code between the number and its scale
        code_first = _CODE_AFTER_RE.match(text[cursor:cursor + 12]) if not currency else None
        if code_first and self._currency_code(code_first.group("code")) and _SCALE_RE.match(
                text[cursor + code_first.end():cursor + code_first.end() + 12]):
            currency = self._currency_code(code_first.group("code"))
            cursor += code_first.end()
        # scale: "41.7 million", "5bn", "$10k", "4 trillion"
        scale_match = _SCALE_RE.match(text[cursor:cursor + 20])
        if scale_match:
            token = scale_match.group("scale")
            factor, needs_currency = SCALE_SUFFIXES.get(token, SCALE_SUFFIXES.get(token.lower(), (1.0, True)))
            glued = scale_match.group("sp") == ""
            spaced_letter = len(token) == 1 and not glued
            trailing = text[cursor + scale_match.end():cursor + scale_match.end() + 1]
            if needs_currency and not currency:
                # "5m" is metres unless money follows ("5m euros") or it is "5k" (thousand)
                if token in ("k", "K") and glued and trailing not in ("m", "g", "W"):
                    needs_currency = False
                elif token in ("b", "B", "M") and glued and decimals > 0:
                    needs_currency = False  # "1.2b", "2.5M": a scale, not a unit or a code
                elif _CURRENCY_WORD_RE.match(text[cursor + scale_match.end():cursor + scale_match.end() + 20]):
                    needs_currency = False
            if not (needs_currency and not currency) and not spaced_letter and not (
                    trailing.isalpha() and token not in ("k", "K")):
                scale = factor
                cursor += scale_match.end()
        rest = text[cursor:cursor + 60]

        # explicit range sharing one unit: "10-15 projects", "$3-5 million", "between 10 and 15"
        range_match = _RANGE_RE.match(rest)
        if range_match and scale == 1.0 and not spelled:
            sep = range_match.group("sep").strip().lower()
            allowed = sep in ("-", "‑", "–", "—", "~", "-to-", "to", "through", "thru") or (
                sep == "and" and re.search(r"(?i:\bbetween\s*)$", before))
            second = parse_digits(range_match.group("num"))
            if allowed and second and second[0] > value and not re.match(r"^[.,/][0-9]", rest[range_match.end():]):
                tail = rest[range_match.end():range_match.end() + 20]
                tail_scale = _SCALE_RE.match(tail)
                low_value, high_value = value, second[0]
                cursor += range_match.end()
                decimals = max(decimals, second[1])
                if tail_scale and SCALE_SUFFIXES.get(tail_scale.group("scale"), (1, True))[1] is False:
                    scale = SCALE_SUFFIXES[tail_scale.group("scale")][0]
                    cursor += tail_scale.end()
                elif tail_scale and currency:
                    scale = SCALE_SUFFIXES[tail_scale.group("scale")][0]
                    cursor += tail_scale.end()
                rest = text[cursor:cursor + 60]
            elif sep == "and" and re.search(r"(?i:\bbetween\s*)$", before):
                pass

        percent = _PERCENT_RE.match(rest)
        if percent and not currency:
            token = percent.group("pct").lower()
            if token in ("pp", "p.p.") or token.startswith("percentage point"):
                kind, unit = "quantity", "pp"
            elif "basis" in token or token == "bps":
                kind, unit = "quantity", "bp"
            else:
                kind, unit = "percent", "%"
            cursor += percent.end()
        else:
            word = _CURRENCY_WORD_RE.match(rest)
            if word and not currency and self._currency_word_ok(word, before, rest):
                code = CURRENCY_WORDS.get(word.group("word").lower())
                adjective = (word.group("adj") or "").lower()
                if adjective and word.group("word").lower().startswith(("dollar", "pound", "franc")):
                    code = DOLLAR_ADJECTIVES.get(re.sub(r"\s+", " ", adjective), code)
                currency = code
                cursor += word.end()
            elif not currency:
                code_after = _CODE_AFTER_RE.match(rest)
                noun_word = self.currency_nouns_match(rest)
                scaled_after = self._scaled_code(code_after.group("code")) if code_after else None
                if code_after and self._currency_code(code_after.group("code")):
                    currency = self._currency_code(code_after.group("code"))
                    cursor += code_after.end()
                elif scaled_after:
                    currency, prefix_scale = scaled_after
                    cursor += code_after.end()
                elif noun_word:
                    currency, consumed = noun_word
                    cursor += consumed
                else:
                    unit_match = _UNIT_RE.match(rest)
                    if unit_match and self._unit_ok(unit_match, before, spelled, cursor):
                        surface_unit = re.sub(r"[\s\u00a0]+", " ", unit_match.group("unit"))
                        if surface_unit not in UNITS:  # "square-metre": written with a hyphen
                            surface_unit = re.sub(r"[\s\u00a0\-‑–]+", " ", surface_unit)
                        symbol, _dimension, _factor = UNITS[surface_unit]
                        if symbol == "lb" and self._money_context(before, rest):
                            currency = "GBP"
                        else:
                            unit = symbol + (_per_suffix(unit_match.group("per")) or "")
                            kind = "quantity"
                            attributive = (unit_match.group("sp") in ("-", "‑")
                                           and _describes_a_noun(unit_match.group("unit"), rest[unit_match.end():]))
                        cursor += unit_match.end()
                        smaller = _compound_duration(unit, text[cursor:cursor + 60]) if kind == "quantity" else None
                        if smaller and low_value is None and decimals == 0 and scale == 1.0:
                            # "18 hours and 30 minutes": one duration, to the minute
                            added, compound_step, consumed = smaller
                            value += added
                            cursor += consumed
        if currency:
            kind, unit = "money", currency
            scale *= prefix_scale
            # "3 dollars 50 cents", "15 dollars and 50": the minor unit after the major one
            minor = _MINOR_UNIT_RE.match(text[cursor:cursor + 40])
            if minor and low_value is None and decimals == 0 and scale == 1.0:
                minor_value = parse_digits(minor.group("n")) if minor.group("n")[0].isdigit() \
                    else (parse_number_words(minor.group("n")), 0)
                if minor_value and minor_value[0] is not None and 0 < minor_value[0] < 100 and (
                        minor.group("cents") or re.match(r"^[ \t]*[.,;!?]?[ \t]*(?:$|\n)", text[cursor + minor.end():cursor + minor.end() + 3])):
                    value += minor_value[0] / 100
                    decimals = 2
                    cursor += minor.end()

        # qualifiers: before the whole span ("over $512 million"), or after ("500+")
        qualifier, rule = None, "exact"
        window = text[max(0, span_start - 40, self._floor):span_start]
        q = _qualifier_before(window) or _symbol_qualifier_before(window)
        key = re.sub(r"\s+", " ", q.group("q").lower()) if q else None
        if q and not _adds_up_to(window, q) and not (attributive and key in _PREPOSITION_QUALIFIERS):
            if key in QUALIFIERS_BEFORE:
                qualifier, rule = QUALIFIERS_BEFORE[key]
                span_start -= len(window) - q.start("q")
        after_q = QUALIFIER_AFTER_RE.match(text[cursor:cursor + 20])
        if after_q and (qualifier is None or rule in ("approx", "exact")):
            key = re.sub(r"\s+", " ", after_q.group("q").strip().lstrip("-‑").lower())
            if key in QUALIFIER_AFTER and not (key == "plus" and kind != "count"):
                qualifier, rule = QUALIFIER_AFTER[key]
                cursor += after_q.end()
        span_end = cursor
        span_start, span_end = _trim_span(text, span_start, span_end)

        # the words after: what the number counts or measures
        noun_match = _NOUN_RE.match(text[span_end:span_end + 80])
        if noun_match:
            noun = _noun_phrase(noun_match.group(1))

        # a bare four-digit number in the year range is a year unless it clearly counts
        if (kind == "count" and not spelled and low_value is None and decimals == 0
                and qualifier is None and scale == 1.0 and 1000 <= value <= 2199
                and re.fullmatch(r"[0-9]{4}", text[start:end])):
            if self._year_like(start, end, noun):
                year = dates.year_of(int(value))
                return Mention(start, end, "date", year.value, year.low, year.high, None,
                               _date_qualifier(text, start), "year")

        full_value = value * scale
        if not math.isfinite(full_value):
            return None  # "1e300 trillion": beyond what a float holds
        step = _rounding_step(decimals, scale) if (decimals > 0 or scale > 1 or kind in ("percent", "quantity")) else 0.0
        if spelled:
            step = 0.0 if scale == 1.0 and full_value == int(full_value) else step
        if compound_step is not None:
            step = compound_step
        if low_value is not None:
            low, high = low_value * scale, high_value * scale
            out_value: float | None = None
        else:
            low, high = _interval(full_value, step, rule)
            out_value = full_value
        if kind == "count" and not spelled and scale == 1.0 and self._is_bare_code(start, end, noun):
            return None
        precision = step if step else None
        return Mention(span_start, span_end, kind, _clean(out_value), _clean(low), _clean(high),
                       unit, qualifier, precision, noun)

    def _currency_word_ok(self, word: re.Match, before: str, rest: str) -> bool:
        token = word.group("word").lower()
        if token in ("real", "won", "rand", "dong", "p", "cent", "cents", "pence"):
            if token == "p" and not word.group("sp"):
                return True
            if token in ("cent", "cents", "pence"):
                return True
            return False
        if token == "dinar" or token == "dinars":
            return True
        return True

    def currency_nouns_match(self, rest: str) -> tuple[str, int] | None:
        """A currency noun the document itself defines ("talars" for "the Carvonian talar (CVT)")."""
        if not self.currency_nouns:
            return None
        m = re.match(r"^[\s\u00a0]*([A-Za-z]+)\b", rest)
        if m and m.group(1).lower() in self.currency_nouns:
            return self.currency_nouns[m.group(1).lower()], m.end()
        return None

    def _money_context(self, before: str, rest: str) -> bool:
        window = (before[-60:] + rest[:40]).lower()
        if re.search(r"\b(?:kg|kilo|tonne|weigh|mass|heavy|lb)", window):
            return False
        return bool(re.search(r"£|sterling|\bgbp\b|\bcost|\bpaid|\bprice|\bworth|\bbudget|\bfund", window))

    def _unit_ok(self, unit_match: re.Match, before: str, spelled: bool, offset: int) -> bool:
        """Is ``unit_match`` (matched at ``offset`` of the text) a unit of the number before it?"""
        token = unit_match.group("unit")
        glued = unit_match.group("sp") == ""
        hyphen = unit_match.group("sp") in ("-", "‑")
        if token in ("in",):
            return False
        if token in TEMPERATURE_LETTERS:  # not "Room 5 C", "Band 4 C staff"
            return self._temperature_near(offset) and self._label_strength(before) is None
        if token in AMBIGUOUS_UNITS and not glued and not hyphen:
            if token in SPACED_LETTER_UNITS and not spelled:
                # "22 m", "7,480 t" are units; "3 s" rarely written; "Group 3 B" handled elsewhere
                nxt = self.text[offset + unit_match.end():offset + unit_match.end() + 1]
                return token in ("m", "t", "kn") and (not nxt or not nxt.isalpha())
            return token in ("points",) and False
        if token in ("min", "mins") and spelled:
            return True
        return True

    def _year_like(self, start: int, end: int, noun: str | None) -> bool:
        text = self.text
        before = text[max(0, start - 30):start]
        after = text[end:end + 25]
        if re.match(r"^[\s\u00a0]*(?:%|per\s?cent|percent)", after):
            return False
        if _YEAR_CUES_BEFORE.search(before):
            return True
        first = (noun or "").split(" ")[0] if noun else ""
        if first in COUNT_NOUNS_AFTER_YEARLIKE or (first.endswith("s") and first[:-1] in COUNT_NOUNS_AFTER_YEARLIKE):
            return False
        return True

    def _is_bare_code(self, start: int, end: int, noun: str | None) -> bool:
        """Zero-padded numbers ("007") and long digit strings are codes, not counts."""
        surface = self.text[start:end]
        if len(surface) > 1 and surface[0] == "0" and surface[1].isdigit():
            return True
        digits = re.sub(r"[^0-9]", "", surface)
        return len(digits) >= 10 and "," not in surface and "\u202f" not in surface and "." not in surface

    def _ordinal(self, start: int, end: int, value: int) -> Mention | None:
        before = self.text[max(0, start - 30):start]
        if self._is_identifier(before, start) and not re.search(r"(?i)\bthe\s*$", before):
            return None
        noun_match = _NOUN_RE.match(self.text[end:end + 60])
        noun = _noun_phrase(noun_match.group(1)) if noun_match else None
        # "third-largest": keep the compound
        hyphen = _HYPHEN_WORD_RE.match(self.text[end:end + 30])
        if hyphen:
            end += hyphen.end()
        return Mention(start, end, "ordinal", float(value), float(value), float(value), None, None, None, noun)

    def _spelled_ordinal(self, start: int, end: int, surface: str) -> Mention | None:
        words = re.split(r"[-‑\s]+", surface.lower())
        if words[-1] == "first" and len(words) == 1:
            return None
        value = 0
        for w in words:
            if w in TENS_WORDS:
                value += TENS_WORDS[w]
            elif w in ORDINAL_WORDS:
                value += ORDINAL_WORDS[w]
            elif w == "first":
                value += 1
        if not value:
            return None
        after = self.text[end:end + 40]
        before = self.text[max(0, start - 20):start]
        if re.match(r"^[ \t]*[,:;]", after) or (surface[0].isupper() and re.match(r"^[ \t]+[A-Z]", after)):
            return None  # "Second, ..." (a list of points) or "Second Constitutional Chamber" (a name)
        # "second" as a unit of time ("a second", "per second") or a verb is not an ordinal
        if words[-1] == "second" and (re.search(r"(?i)\b(?:per|each|every|split)\s+$", before)
                                      or (re.search(r"(?i)\b(?:a|one)\s+$", before)
                                          and not _SECOND_OF_A_SERIES_RE.match(after))
                                      or re.match(r"^\s+(?:hand|thought|opinion|look)s?\b", after)):
            return None
        if re.match(r"(?i)^\s+(?:of|quarter|half)\b", after) and words[-1] in ("second", "third", "fourth"):
            if re.match(r"(?i)^\s+of\b", after):
                return None
        hyphen = _HYPHEN_WORD_RE.match(after)
        if hyphen:
            end += hyphen.end()
        noun_match = _NOUN_RE.match(self.text[end:end + 60])
        noun = _noun_phrase(noun_match.group(1)) if noun_match else None
        return Mention(start, end, "ordinal", float(value), float(value), float(value), None, None, None, noun)

    def _spelled(self, start: int, end: int, surface: str, value: float) -> Mention | None:
        text = self.text
        lower = surface.lower()
        before = text[max(0, start - 30):start]
        after = text[end:end + 40]
        if lower in ("one", "an", "a"):
            # "one of the first", "one another", "no one", "the one that": not claims
            if re.match(r"(?i)^\s+(?:of|another|day|way|thing|hand|side|point|by|such|way|or|and|who|that)\b", after):
                return None
            if re.search(r"(?i)\b(?:no|any|every|some|each|the|this|that|which|anyone|someone|everyone)\s*$", before):
                return None
            if not re.match(r"^[\s\u00a0]+[A-Za-z]", after):
                return None
        if lower in ("hundred", "thousand", "million", "billion", "trillion", "dozen", "dozens"):
            # "hundreds of", "thousands of": not a claim; a bare "million" after a number
            # was taken by the number itself
            return None
        if re.match(r"(?i)^s\b", after):
            return None  # "tens", "hundreds"
        if re.match(r"(?i)^[-‑]year[-‑]old", after) or re.match(r"(?i)^[-‑]", after):
            pass
        return self._grow(start, end, value, 0, spelled=True)


#: Words that end a noun phrase once it has begun: "212 local projects worth ...",
#: "224 community projects implemented since ...", "12 schools totalling ...".
_PHRASE_ENDERS = frozenset("worth worthy valued totalling totaling costing combined together "
                           "altogether overall apiece each "
                           # irregular verbs in the past tense ("1,320 trainees came to Orland")
                           "came went took made gave got saw grew rose fell left ran won lost paid spent "
                           "built began became held brought sold bought kept met stood told said sent "
                           "drew flew wrote bore fled hit cut put set shut".split())


def _noun_phrase(words: str) -> str | None:
    tokens: list[str] = []
    for token in words.split():
        low = token.lower().strip("'’")
        if low in _STOP_WORDS or not low:
            break
        if tokens and (low in _PHRASE_ENDERS
                       or (len(low) > 4 and low.endswith("ed") and not low.endswith(("eed", "hundred")))):
            break  # a participle after the noun starts the predicate
        tokens.append(low)
    return " ".join(tokens) if tokens else None


def _per_suffix(per: str | None) -> str | None:
    if not per:
        return None
    word = re.sub(r"^[/ ]?(?:per[\s\u00a0]+)?", "", per).strip()
    return f"/{word}" if word else None


#: A duration's next smaller unit, and how many of it make one of the larger: hours,
#: minutes and seconds, as a running or journey time is written.  Years, months and days
#: stay apart ("3 years, 2 months, 14 days": quantulum's suite wants each on its own, and
#: each is compared well enough on its own).
_MINOR_DURATION_UNITS: dict[str, tuple[str, int]] = {"h": ("min", 60), "min": ("s", 60)}
_COMPOUND_DURATION_RE = re.compile(
    r",?[ \t\u00a0]+(?:and[ \t\u00a0]+)?(?P<n>[0-9]{1,2})[ \t\u00a0]*(?P<unit>minutes?|mins?|seconds?|secs?)\b(?![-‑])")
# After the last unit: another duration of a list ("8 hours, 30 minutes and 15 minutes for
# the three grades") or a rate ("3 hours, 20 minutes per day"): no compound then.
_AFTER_COMPOUND_RE = re.compile(
    r"(?i:,?[ \t\u00a0]+(?:(?:and|or)[ \t\u00a0]+)?[0-9]+[ \t\u00a0]*(?:hours?|hrs?|minutes?|mins?|seconds?|secs?)\b"
    r"|[ \t\u00a0]*(?:/|per\b|a[ \t\u00a0]+(?:day|week|month|year)\b|each\b|every\b|respectively\b))")


def _compound_duration(unit: str | None, rest: str) -> tuple[float, float, int] | None:
    """The smaller units after a duration ("18 hours and 30 minutes", "2 hours, 7 minutes, 48 seconds").

    Returns what it adds in the larger unit, the precision it gives (one of the smaller
    unit) and the characters it spans; ``None`` when ``rest`` does not go on with the next
    smaller unit, or with fewer of it than make one of the larger.
    """
    added, step, consumed, factor = 0.0, 0.0, 0, 1
    while True:  # "2 hours, 7 minutes, 48 seconds": each smaller unit in turn
        smaller = _MINOR_DURATION_UNITS.get(unit or "")
        match = _COMPOUND_DURATION_RE.match(rest, consumed) if smaller else None
        if smaller is None or match is None or UNITS[match.group("unit").lower()][0] != smaller[0]:
            break
        unit, per = smaller
        count = int(match.group("n"))
        if not 0 < count < per:
            break
        factor *= per
        added, step, consumed = added + count / factor, 1 / factor, match.end()
    if not consumed or _AFTER_COMPOUND_RE.match(rest, consumed):
        return None
    return added, step, consumed


def _interval(value: float, step: float, rule: str) -> tuple[float | None, float | None]:
    half = step / 2
    if rule == "above":
        return value, None
    if rule == "below":
        return None, value
    if rule == "approx":
        spread = abs(value) * APPROX_TOLERANCE
        return value - spread - half, value + spread + half
    if rule == "near":
        return value - abs(value) * NEAR_TOLERANCE - half, value + half
    return value - half, value + half


def _clean(number: float | None) -> float | int | None:
    """Floats without float noise: 39200000.000000004 -> 39200000."""
    if number is None:
        return None
    if type(number) is int:
        return number
    if number.is_integer() and abs(number) < 1e15:  # the common case, without rounding
        return int(number)
    rounded = round(number, 9)
    if rounded == int(rounded) and abs(rounded) < 1e15:
        return int(rounded)
    return float(f"{rounded:.12g}")


def _trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\r\n\u00a0\u202f,":
        start += 1
    while end > start and text[end - 1] in " \t\r\n\u00a0\u202f,":
        end -= 1
    return start, end


_DATE_QUALIFIER_RE = re.compile(
    r"(?i:\b(?P<q>since|by|until|till|before|after|as\s+of|as\s+at|from|in|on|during|through|"
    r"starting|ending|circa|c\.|around|about|early|late|mid|no\s+later\s+than|not\s+before)\s*[-‑]?\s*)\Z")


_DURATION_RE = re.compile(r"([1-9]):([0-5][0-9]):([0-5][0-9])")
# Words after which "h:mm:ss" is a clock, not a duration; a date or a digit just before it
# makes it a timestamp.
_CLOCK_BEFORE_RE = re.compile(r"(?i:(?:\b(?:at|from|until|till|since|before|after|by|to|between|and)|@|[-‑–]|[0-9],?)\s*$)")


def _date_qualifier(text: str, start: int) -> str | None:
    match = _date_qualifier_before(text[max(0, start - 25):start])
    return re.sub(r"\s+", " ", match.group("q").lower()) if match else None


def _attach_times(text: str, found: list[Mention]) -> list[Mention]:
    """Join a date and the time right after it ("15 March 2024, 02:14:07 UTC") into one claim."""
    found.sort(key=lambda m: m.start)
    merged: list[Mention] = []
    for mention in found:
        if merged and mention.precision == "time" and merged[-1].precision in ("day",):
            gap = text[merged[-1].end:mention.start]
            if re.fullmatch(r"(?:,?\s*(?:at|@)?\s*|\s*[-‑–]\s*)", gap) and len(gap) <= 6:
                prev = merged[-1]
                merged[-1] = Mention(prev.start, mention.end, "date", prev.value, prev.low, prev.high,
                                     None, prev.qualifier, "day")
                continue
        if merged and mention.start < merged[-1].end:
            continue
        merged.append(mention)
    return merged


_CURRENCY_DEF_RE = re.compile(
    r"\b(?:[A-Z][a-z]+\s+)?(?P<noun>[a-z]{3,})s?\s*[(,]\s*(?:the\s+)?(?P<code>[A-Z]{3})\b")
# The first capital is matched before the look-behind that makes it a word start, so that
# the pattern begins with a character class and the scan skips other characters in C.
_CODE_WITH_AMOUNT_RE = re.compile(
    r"(?P<code>[A-Z](?<!\w[A-Z])[A-Z]{2})[\s\u00a0]?[0-9][0-9,.\u202f\u00a0]*(?:[\s\u00a0]?(?:million|billion|bn|m|k|thousand)\b|\s*=)")
# Currency codes that are English words: in a line set in capitals ("TO REPLACE ALL 146
# HANGERS") the word is meant, unless a scale follows ("TRY 5 MILLION").
_WORDLIKE_CODES = frozenset({"ALL", "BAM", "BOB", "CUP", "GEL", "MAD", "MOP", "PEN", "SOS", "TOP", "TRY"})
_CAPITALS_AFTER_RE = re.compile(
    r"[ \t\u00a0]+(?!(?:THOUSAND|MILLION|BILLION|TRILLION|MN|BN|MLN|BLN|MIO|MRD|M|B|K)\b)(?P<word>[A-Z]{2,})\b")
_NOT_CURRENCY = frozenset({"UTC", "GMT", "CET", "EST", "PST", "ISO", "FY", "COVID", "NATO", "GDP",
                           "CEO", "CFO", "USA", "UK", "EU", "UN", "ADF", "TEU", "KPI", "NGO",
                           "GNI", "VAT", "API", "PDF", "GPS"})


# Every definition holds "(" or "," and a three-capital code: found first, they bound the
# stretches of letters and spaces where a definition may begin.
_CURRENCY_DEF_ANCHOR_RE = re.compile(r"[(,]\s*(?:the\s+)?[A-Z]{3}\b")


def _currency_definitions(text: str) -> Iterator[re.Match]:
    """``_CURRENCY_DEF_RE.finditer(text)``, run only around its anchors."""
    region_start = region_end = -1
    for anchor in _CURRENCY_DEF_ANCHOR_RE.finditer(text):
        begin = anchor.start()
        while begin > 0 and (text[begin - 1].isalpha() or text[begin - 1].isspace()):
            begin -= 1
        if begin <= region_end:
            region_end = anchor.end()
            continue
        if region_end >= 0:
            yield from _CURRENCY_DEF_RE.finditer(text, region_start, region_end)
        region_start, region_end = begin, anchor.end()
    if region_end >= 0:
        yield from _CURRENCY_DEF_RE.finditer(text, region_start, region_end)


# Short codes ("VM", "NMk", "SFr"): two capitals, or two capitals and a small letter.  Many
# two-letter words in capitals are not money ("UK 60 million people", "AI", "TV"), so a
# short code is a currency only where the document makes it one: defined after a currency
# noun ("Velorian marks (VM)"), or written before a scaled amount ("VT 41 million").
_SHORT_CODE_DEF_RE = re.compile(
    r"\b(?P<noun>[a-z]{3,})\s*\(\s*(?P<code>[A-Z]{2}[a-z]?)\s*\)")
_SHORT_CODE_WITH_AMOUNT_RE = re.compile(
    r"(?<![\w$£€¥])(?P<code>[A-Z]{2}[a-z]?)[ \u00a0](?P<number>[0-9][0-9,.\u202f\u00a0]*)[ \u00a0]?"
    r"(?:million|billion|bn|mn|m)\b")
_CURRENCY_NOUN_STEMS = ("mark", "thaler", "taler", "dollar", "franc", "kron", "krona", "krone", "crown", "peso",
                        "rupee", "lira", "pound", "dinar", "shilling", "florin", "guilder", "ducat", "real",
                        "rand", "escudo", "lev", "leu", "zloty", "forint", "tenge", "dram", "lari", "taka",
                        "riyal", "rial", "dirham", "ruble", "rouble", "hryvnia", "kuna", "euro", "sol")
_SHORT_CODE_BEFORE_RE = re.compile(r"(?<![\w$£€¥])(?P<cur>[A-Z]{2}[a-z]?)[ \t\u00a0]?\Z")
_NOT_SHORT_CURRENCY = frozenset({"US", "UK", "EU", "UN", "AI", "TV", "PM", "AM", "ID", "IT", "HQ", "GP", "MP",
                                 "EV", "PC", "PR", "QA", "CO", "NO", "No", "Mr", "Ms", "Dr", "St", "Co", "Mt",
                                 "Ft", "Rd", "Av"})


def _short_currency_codes(text: str) -> set[str]:
    """The short currency codes a document makes its own (see ``_SHORT_CODE_DEF_RE``)."""
    codes: set[str] = set()
    if "(" in text:
        for match in _SHORT_CODE_DEF_RE.finditer(text):
            code, noun = match.group("code"), match.group("noun").lower()
            window = text[max(0, match.start() - 60):match.end()].lower()
            if code not in _NOT_SHORT_CURRENCY and (noun.rstrip("s").endswith(_CURRENCY_NOUN_STEMS)
                                                     or "currency" in window or "money" in window):
                codes.add(code)
    for match in _SHORT_CODE_WITH_AMOUNT_RE.finditer(text):
        code = match.group("code")
        if code not in _NOT_SHORT_CURRENCY and not re.fullmatch(r"(?:1[5-9]|20|21)[0-9]{2}", match.group("number")):
            codes.add(code)
    return codes


def _document_currencies(text: str) -> tuple[set[str], dict[str, str]]:
    """Currency codes and nouns a document defines for itself ("the Ardovian talar (ADT)")."""
    codes: set[str] = _short_currency_codes(text)
    nouns: dict[str, str] = {}
    for match in _CODE_WITH_AMOUNT_RE.finditer(text):
        code = match.group("code")
        if code not in _NOT_CURRENCY:
            codes.add(code)
    for match in _currency_definitions(text):
        code, noun = match.group("code"), match.group("noun").lower()
        window = text[max(0, match.start() - 60):match.end() + 60].lower()
        if code in _NOT_CURRENCY:
            continue
        if "currency" in window or code in codes or code in ISO_4217:
            if noun not in ("the", "and", "per", "its", "million", "billion"):
                codes.add(code)
                nouns[noun] = code
                nouns[noun + "s"] = code
    return codes, nouns


_FROM_BETWEEN_RE = re.compile(r"(?i:(?:from|between)\s+)(?=[0-9])")
_DIGIT_RANGE_RE = re.compile(r"[0-9]\s*[-‑–—/]\s*[0-9]")


# ------------------------------------------------------------------ tail searches
#
# Most numbers are preceded by ordinary words, and the patterns below, anchored at the end
# of a window of text before the number, are tried at every position of that window.  Each
# helper first checks a condition every match must meet (how the window ends: cheap string
# tests) and runs the search only when it holds, so the result is the search's.

_QUALIFIER_LAST_WORDS = tuple(sorted({key.split()[-1].lower() for key in QUALIFIERS_BEFORE}))
# the last word of a qualifier, with a character before it: all a test needs to see
_QUALIFIER_WORD_REACH = max(map(len, _QUALIFIER_LAST_WORDS)) + 1
_CURRENCY_SYMBOL_ENDINGS = tuple(sorted(CURRENCY_SYMBOLS))
_CURRENCY_WORD_CODES = frozenset({"usd", "eur", "gbp", "rmb", "jpy", "cny", "inr"})
_DATE_QUALIFIER_LAST_WORDS = (
    "since", "by", "until", "till", "before", "after", "of", "at", "from", "in", "on", "during",
    "through", "starting", "ending", "circa", "c.", "around", "about", "early", "late", "mid", "than")


def _qualifier_before(window: str) -> re.Match | None:
    """``QUALIFIER_BEFORE_RE.search(window)``: "over ", "more than ", "up to "."""
    tail = window.rstrip()[-_QUALIFIER_WORD_REACH:]
    if tail.isascii() and not tail.lower().endswith(_QUALIFIER_LAST_WORDS):
        return None
    return QUALIFIER_BEFORE_RE.search(window)


# "up to" after these is the phrasal verb "add up to" (a total), not a limit.
_ADDING_UP_RE = re.compile(r"(?i:\b(?:add|adds|added|adding)\s+)\Z")


#: Qualifiers that are also prepositions: before a number that describes a noun ("under an
#: eight-year contract", "over a 10-year period", "within a 5-km radius") they govern the
#: noun, and bound nothing.
_PREPOSITION_QUALIFIERS = frozenset({"under", "over", "within", "beyond", "above", "below"})


# Words after "12-tonne" that show it is no adjective: a verb, "old", "of", "in", "or" ...
_NOT_A_NOUN_RE = re.compile(r"(?i:(?:is|are|was|were|be|been|has|have|had|old|of|in|and|or|to|per|a|an|the)\b)")


def _describes_a_noun(unit: str, after: str) -> bool:
    """Is a unit written with a hyphen an adjective ("an eight-year contract", "a 5-km radius")?

    Only a singular unit ("years", "hours" never describe a noun: "over 4-hours") followed
    by a word that is not a verb or a small word ("12-tonne were barred", "12-years-old").
    """
    if unit.lower().endswith("s") and unit.lower() not in ("bps",):
        return False
    word = re.match(r"[ \t\u00a0]+([A-Za-z][A-Za-z\-‑]*)", after)
    return word is not None and not _NOT_A_NOUN_RE.fullmatch(word.group(1))


def _adds_up_to(window: str, q: re.Match) -> bool:
    """Is the qualifier ``q`` found in ``window`` the "up to" of "adding up to 80 megalitres"
    (a total, not a cap)?"""
    return q.group("q").lower().startswith("up") and _ADDING_UP_RE.search(window, 0, q.start("q")) is not None


def _symbol_qualifier_before(window: str) -> re.Match | None:
    """``_SYMBOL_QUALIFIER_RE.search(window)``: ">", "<=", "≥"."""
    tail = window.rstrip(" \t")
    if not tail or tail[-1] not in "<>=≤≥":
        return None
    return _SYMBOL_QUALIFIER_RE.search(window)


def _currency_before(before: str) -> re.Match | None:
    """``_CURRENCY_PREFIX_RE.search(before)``: "US$", "€", "EUR ", "usd "."""
    tail = before[:-1] if before[-1:] in (" ", "\t", "\u00a0") else before
    if not tail:
        return None
    if not tail.endswith(_CURRENCY_SYMBOL_ENDINGS):
        last3 = tail[-3:]
        if last3.isascii() and not ((last3.isalpha() and last3.isupper()) or last3.lower() in _CURRENCY_WORD_CODES):
            return None
    return _CURRENCY_PREFIX_RE.search(before)


def _sign_before(before: str) -> re.Match | None:
    """``_SIGN_RE.search(before)``: a sign glued or spaced before the digits."""
    tail = before[:-1] if before[-1:] == " " else before
    if not tail or tail[-1] not in "−+-‑":
        return None
    return _SIGN_RE.search(before)


def _negative_word_before(before: str) -> re.Match | None:
    """``_NEGATIVE_WORD_RE.search(before)``: "minus ", "negative "."""
    tail = before.rstrip(" \t")
    if len(tail) == len(before) or (tail[-9:].isascii() and not tail[-9:].lower().endswith(("minus", "negative"))):
        return None
    return _NEGATIVE_WORD_RE.search(before)


def _label_before(before: str) -> re.Match | None:
    """``_LABEL_BEFORE_RE.search(before)``: the word right before a number ("No.", "Line")."""
    # The label holds no white space and ends where only spaces, one ":" or "#" and spaces
    # follow, so no match can begin before the last space ahead of that point.
    core = before.rstrip()
    if core[-1:] in (":", "#"):
        core = core[:-1].rstrip()
    position = len(core)
    while position > 0 and not core[position - 1].isspace():
        position -= 1
    return _LABEL_BEFORE_RE.search(before, position)


def _letter_hyphen_before(before: str) -> re.Match | None:
    """``_LETTER_HYPHEN_BEFORE_RE.search(before)``: "COVID-", "A/"."""
    if before[-1:] not in ("-", "‑", "/") or not before:
        return None
    return _LETTER_HYPHEN_BEFORE_RE.search(before)


def _date_qualifier_before(window: str) -> re.Match | None:
    """``_DATE_QUALIFIER_RE.search(window)``: "since ", "as of ", "no later than "."""
    tail = window.rstrip()
    if tail[-1:] in ("-", "‑"):
        tail = tail[:-1].rstrip()
    tail = tail[-10:]
    if tail.isascii() and not tail.lower().endswith(_DATE_QUALIFIER_LAST_WORDS):
        return None
    return _DATE_QUALIFIER_RE.search(window)
