"""Find dated expressions: full dates, months, quarters, fiscal years, ranges, times.

Each match becomes a :class:`~claims.scanner.Mention` of kind ``date`` whose value is an
ISO 8601 string kept to the precision the text gives ("1952", "1952-03", "2025-12-20",
"2026/2030"), with ``low``/``high`` the first and last day it covers.  Bare years are
found by the number scanner, which knows whether "2000" counts people or names a year.
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .lexicon import MONTHS, SEASONS, WEEKDAYS
from .regexscan import Alternation, prefiltered_finditer

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November"
          r"|December|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
_MONTH_I = rf"(?i:{_MONTH})"
# the full stop of an abbreviation ("Dec. 20"), never a sentence's end ("on 26 August.")
_ABBR_DOT = r"(?:(?:(?<=\b(?i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec))|(?<=\b(?i:Sept)))\.)?"
# a month name is a whole word: "Line 3 marks" holds no "3 Mar"
_MON = rf"(?P<MON>{_MONTH_I})(?![A-Za-z]){_ABBR_DOT}"
_MON2 = rf"(?P<MON2>{_MONTH_I})(?![A-Za-z]){_ABBR_DOT}"
_WEEKDAY = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Tues|Thurs|Thur|Mon"
            r"|Tue|Wed|Thu|Fri|Sat|Sun)")
#: The letters ``re``'s IGNORECASE takes for ASCII ones ("wınter" matches "winter"), with the
#: ASCII letter each stands for: the prefilters read them as letters, and so must the grammar.
CASE_TWINS = {"\u017f": "s", "\u212a": "k", "\u0130": "i", "\u0131": "i"}
#: A run of letters as the prefilters read it (a character class).
LETTERS = "A-Za-z" + "".join(CASE_TWINS)
# not glued to a word or a number on the left (the prefilter reads "ıMonday" as one word)
_NB = rf"(?<![0-9_{LETTERS}])"
_WD = rf"(?:{_NB}{_WEEKDAY}\.?,?\s+(?:the\s+)?)"
_DAY = r"(?P<DAY>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?"
_DAY2 = r"(?P<DAY2>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<YEAR>1[0-9]{3}|2[01][0-9]{2})"
_YEAR2 = r"(?P<YEAR2>1[0-9]{3}|2[01][0-9]{2})"
_DASH = r"\s*[-‑–—]\s*"
_RANGE_SEP = r"(?:\s*[-‑–—/]\s*|\s+(?:to|through|thru|until|till)\s+|\s*-to-\s*)"
_TIME = (r"(?P<TIME>(?:[01]?[0-9]|2[0-3])[:.][0-5][0-9](?::[0-5][0-9])?(?:\s*(?:[ap]\.?m\.?))?"
         r"|(?:1[0-2]|0?[1-9])\s*(?:[ap]\.m\.|[ap]m\b))"
         r"(?:\s*(?:UTC|GMT|CET|CEST|EET|EEST|BST|EST|EDT|CST|CDT|PST|PDT|MSK|IST|JST"
         r"|local time|hrs|h\b))?")
_NA = r"(?![0-9])"  # not followed by a digit

_PATTERNS: list[tuple[str, str]] = [
    # 2024-03-15T02:14:07Z, 2025-12-20, 2025‑12‑20, 2025/12/20, 2025.12.20
    ("iso", rf"{_NB}{_YEAR}(?P<S>[-‑/.])(?P<MM>0[1-9]|1[0-2])(?P=S)(?P<DD>3[01]|[12][0-9]|0[1-9])"
            rf"(?:[T ](?P<ISOTIME>[0-2][0-9]:[0-5][0-9](?::[0-5][0-9])?)(?:Z|[+-][0-9]{{2}}:?[0-9]{{2}})?)?{_NA}"),
    # 20161016
    ("compact", rf"{_NB}(?P<CYEAR>19[0-9]{{2}}|20[0-9]{{2}})(?P<CMM>0[1-9]|1[0-2])(?P<CDD>3[01]|[12][0-9]|0[1-9]){_NA}(?![.,][0-9])"),
    # 12/20/2025, 20.12.2025, 5/3/18, 13/04/21
    ("numeric", rf"{_NB}(?P<A>[0-9]{{1,2}})(?P<S2>[/.\-‑])(?P<B>[0-9]{{1,2}})(?P=S2)"
                rf"(?P<NY>[0-9]{{4}}|[0-9]{{2}}){_NA}(?![.,/][0-9])"),
    # 05-Aug-2016, 23/Sep/2020
    ("dmy_dash", rf"{_NB}{_DAY}[-/‑]{_MON}[-/‑]{_YEAR}{_NA}"),
    # 4–9 October 1985, 15–28 April
    ("dmy_range", rf"{_NB}(?P<D1>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?:{_DASH}|\s+(?:to|and)\s+)"
                  rf"{_DAY}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?{_NA}"),
    # 29 April – 12 May 2024
    ("dmy_dmy", rf"{_NB}(?P<D1>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?\s+(?P<M1>{_MONTH_I})(?![A-Za-z]){_ABBR_DOT}"
                rf"{_DASH}{_DAY}\s+{_MON}(?:,?\s+{_YEAR})?{_NA}"),
    # Sunday 14 April 2024, 20 December 2025, the 4th of July, 14 March 2024, 23:14:07
    ("dmy", rf"{_WD}?{_NB}(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MON}(?:,?\s+{_YEAR})?{_NA}"),
    # the first of July
    ("dmy_word", r"(?i:\bthe\s+(?P<DWORD>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
                 r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth"
                 r"|eighteenth|nineteenth|twentieth|twenty-first|twenty-second|twenty-third"
                 r"|twenty-fourth|twenty-fifth|twenty-sixth|twenty-seventh|twenty-eighth"
                 r"|twenty-ninth|thirtieth|thirty-first)\s+of\s+)" + _MON + rf"(?:,?\s+{_YEAR})?{_NA}"),
    # October 4–9, 1985
    ("mdy_range", rf"\b{_MON}\s+(?P<D1>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?{_DASH}{_DAY}"
                  rf"(?:,?\s+{_YEAR})?{_NA}"),
    # Thursday, October 10, 2024; Dec. 20, 2025; March 12; May 2nd 2018
    ("mdy", rf"{_WD}?\b{_MON}\s+{_DAY}(?![0-9])(?:,?\s+{_YEAR})?{_NA}(?!\s*(?:%|per\s?cent|percent))"),
    # Q2 2026, Q3 FY2024, H1 2024, 2019 Q1
    ("quarter", rf"\b(?P<QH>[QH])(?P<QN>[1-4])\s*(?:FY\s*)?(?:{_YEAR}|'?(?P<QYY>[0-9]{{2}}))\b"),
    ("quarter_after", rf"{_NB}{_YEAR}\s*(?i:(?P<QH2>[qh])(?P<QN2>[1-4]))\b"),
    ("quarter_words", r"(?i:\b(?:the\s+)?(?P<QW>first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
                      r"\s+(?P<QU>quarter|half)\s+of\s+)" + rf"(?:(?:the\s+)?(?:fiscal\s+|financial\s+)?(?:year\s+)?{_YEAR}|(?P<QREL>this|last|next)\s+year)\b"),
    # FY2021, FY 2021/22, FY24, fiscal 2021, the 2021 fiscal year, fiscal year 2023-24
    ("fy", rf"\bFY\s?(?:{_YEAR}|(?P<FYY>[0-9]{{2}}))(?:[-‑–/](?P<FYE>[0-9]{{4}}|[0-9]{{2}}))?{_NA}"),
    ("fiscal_year", r"(?i:\b(?:the\s+)?(?:fiscal|financial|budget|academic|school)\s+(?:year\s+)?)"
                    + rf"{_YEAR}(?:[-‑–/](?P<FYE2>[0-9]{{4}}|[0-9]{{2}}))?{_NA}"),
    # a time of day in four digits needs its zone or "hrs" ("0700 GMT", "1830 UTC", "0600 hrs"):
    # read before the years, which "1830" would otherwise be
    ("time_4digit", rf"{_NB}(?P<T4>(?:[01][0-9]|2[0-3])[0-5][0-9])(?:[ \t\u00a0]*(?:UTC|GMT|hrs|HRS)|Z)\b(?![-‑])"),
    ("year_fiscal", rf"(?i:\bthe\s+)?{_NB}{_YEAR}(?:[-‑–/](?P<FYE3>[0-9]{{4}}|[0-9]{{2}}))?"
                    r"(?i:\s+(?:fiscal|financial|budget|academic|school)\s+years?)\b"),
    # spring 2026, the summer of 2024, early-summer 2023
    ("season", r"(?i:\b(?:the\s+)?(?:(?P<SP>early|late|mid)[-‑\s]?)?(?P<SEASON>spring|summer|autumn|fall|winter)"
               r"(?:\s+of)?\s+)" + rf"{_YEAR}{_NA}"),
    # June–October 2024, between June and October 2024, from May to July
    ("month_range", rf"(?i:\b(?:between\s+|from\s+)?){_MON}(?:\s+{_YEAR})?(?:{_DASH}|\s+(?i:to|and|through|until)\s+){_MON2}"
                    rf"(?:\s+(?:of\s+)?{_YEAR2})?{_NA}"),
    # March 1952, Dec 2016, mid-October 2024, late July
    ("month_year", r"(?i:\b(?:(?P<MP>early|late|mid|end[- ]of|the\s+end\s+of|the\s+start\s+of|"
                   r"the\s+beginning\s+of|the\s+middle\s+of)[-‑\s]+)?)"
                   + rf"{_MON},?(?:\s+of)?\s+{_YEAR}{_NA}(?![.,][0-9])"),
    # the 1990s, the mid-1980s, the '90s
    ("decade", rf"(?i:\b(?:the\s+)?(?:(?P<DP>early|late|mid)[-‑\s]?)?){_NB}(?P<DEC>1[0-9]{{2}}0|20[0-9]0)['’]?s\b"),
    ("decade_short", r"(?i:\bthe\s+(?:(?:early|late|mid)[-‑\s]?)?)['’](?P<DECS>[0-9]0)s\b"),
    # early 2025, mid-2024, late 1990, the end of 2008, end-2023, the beginning of 2000
    ("part_year", r"(?i:\b(?P<YP>early|late|mid|end|start|the\s+end\s+of|the\s+start\s+of|"
                  r"the\s+beginning\s+of|beginning\s+of|the\s+middle\s+of|the\s+turn\s+of|end\s+of|start\s+of)"
                  r"[-‑\s]+)" + rf"{_YEAR}{_NA}(?![.,][0-9])"),
    # 2018-2024, 2026‑2030, 2021–22, between 2019 and 2021, from 2024 to 2027
    ("year_range", r"(?i:\b(?P<YR>between|from)\s+)?" + rf"{_NB}{_YEAR}"
                   r"(?P<YSEP>\s*[-‑–—/]\s*|\s+(?i:to|through|thru|until|till|and)\s+|-to-)"
                   rf"(?P<YEND>1[0-9]{{3}}|2[01][0-9]{{2}}|[0-9]{{2}}){_NA}(?![.,][0-9])(?!\s*(?:%|per\s?cent))"),
    # relative dates
    ("relative", r"(?i:\b(?:the\s+day\s+(?:before|after)\s+(?:yesterday|tomorrow)|yesterday|today|tonight|tomorrow"
                 r"|(?:(?:last|next|this|coming|past|previous|following|the\s+following|the\s+previous)\s+)"
                 r"(?:week(?:end)?|month|year|quarter|decade|century|season|spring|summer|autumn|fall|winter|"
                 r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                 r"january|february|march|april|may|june|july|august|september|october|november|december)"
                 r"|(?:earlier|later)\s+this\s+(?:week|month|year)"
                 r"|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|[0-9]+)\s+(?:days?|weeks?|months?|years?|decades?)\s+"
                 r"(?:ago|earlier|later|from\s+now|before|after|hence)"
                 r"|year[-\s]to[-\s]date|month[-\s]to[-\s]date)\b)"),
    ("time", rf"{_NB}{_TIME}"),
    ("holiday", r"\b(?P<HOL>Christmas(?:\s+(?:Day|Eve))?|New\s+Year'?s?(?:\s+(?:Day|Eve))|Easter(?:\s+(?:Sunday|Monday))?"
                r"|Thanksgiving(?:\s+Day)?|Halloween|Valentine'?s\s+Day|Independence\s+Day|Labou?r\s+Day"
                r"|Memorial\s+Day|Boxing\s+Day|(?i:earth\s+day|independence\s+day|christmas|easter|new\s+year'?s\s+day))"
                r"\b" + rf"(?:,?\s+{_YEAR})?{_NA}"),
    # the first Friday of July, the last Monday in May 2024
    ("nth_weekday", r"(?i:\b(?:the\s+)?(?:first|second|third|fourth|fifth|last|1st|2nd|3rd|4th)\s+"
                    + _WEEKDAY + r"\s+(?:of|in)\s+)" + _MON + rf"(?:\s+{_YEAR})?{_NA}"),
    # the month of March, the end of March, the rest of the week, end of day
    ("month_of", r"(?i:\b(?:the\s+)?(?:month\s+of|end\s+of|beginning\s+of|start\s+of|middle\s+of)\s+)" + _MON
                 + rf"(?:\s+{_YEAR})?{_NA}"),
    ("part_relative", r"(?i:\b(?:the\s+)?(?:end|beginning|start|middle|rest|remainder|remaining|close)\s+of\s+"
                      r"(?:the\s+|this\s+|next\s+|last\s+|my\s+|current\s+)?"
                      r"(?:day|week|month|year|quarter|decade|weekend|season|semester|term)\b)"),
    # 3/2015, 2016/11, Dec-2018, jan-1
    ("month_slash_year", rf"{_NB}(?P<MSM>0?[1-9]|1[0-2])/{_YEAR}{_NA}(?![/.][0-9])"),
    ("year_slash_month", rf"{_NB}{_YEAR}/(?P<YSM>0[1-9]|1[0-2]){_NA}(?![/.][0-9])"),
    ("mon_dash_year", rf"\b{_MON}[-‑]{_YEAR}{_NA}"),
    ("mon_dash_day", rf"\b{_MON}[-‑]{_DAY}{_NA}(?![-‑/][0-9])"),
    # 4/22, 22/04 and 11/20 after a date cue ("on 4/22", "friday 7/6", "from 10/1 to 11/7")
    ("md_slash", rf"{_NB}(?P<MDA>[0-9]{{1,2}})/(?P<MDB>[0-9]{{1,2}}){_NA}(?![/.][0-9])"),
    # Q1, q2 (no year)
    ("quarter_only", r"\b(?P<QO>[Qq])(?P<QON>[1-4])\b(?![-‑/][0-9])"),
    ("relative2", r"(?i:\b(?:tonite|tmrw|tmr|(?:the\s+)?(?:next|previous|following)\s+day|the\s+day\s+(?:before|after)"
                  r"|(?:this|that|the\s+same|same|current|upcoming|coming|this\s+coming|the\s+current)\s+"
                  r"(?:day|week|weekend|month|year|quarter|morning|afternoon|evening|night|school\s+year|working\s+week"
                  r"|work\s+week|business\s+day|fiscal\s+year|financial\s+year|semester|term|season|decade)"
                  r"|(?:late|early)\s+(?:this|tomorrow|yesterday)\s+(?:morning|afternoon|evening|night)"
                  r"|(?:this|tomorrow|yesterday)\s+(?:morning|afternoon|evening|night)"
                  r"|(?:last|next|past)\s+(?:night|morning|evening|afternoon)"
                  # "last" after "to" or a modal is the verb: "designed to last five years" is a duration
                  r"|(?:the\s+)?(?:previous|past|(?<!\bto\s)(?<!\bwill\s)(?<!\bwould\s)(?<!\bshould\s)(?<!\bcould\s)"
                  r"(?<!\bcan\s)(?<!\bmay\s)(?<!\bmight\s)(?<!\bmust\s)(?<!\bnot\s)(?<!n't\s)(?<!n’t\s)"
                  r"(?<!\bcannot\s)(?<!\bshall\s)last|next|coming|following)\s+"
                  r"(?:[0-9]+|two|three|four|five|six|seven|eight|nine|ten|few|several)\s+"
                  r"(?:business\s+)?(?:days|weeks|months|years|decades|quarters)"
                  r"|right\s+now|to\s+date)\b)"),
    ("weekday", rf"\b(?P<WDAY>(?i:{_WEEKDAY}))\b(?!\.?\s*[0-9])"),
    ("month", rf"\b(?P<MONLY>(?i:{_MONTH}))\b{_ABBR_DOT}(?!\s*[0-9])"),
]

def _namespaced(name: str, pattern: str) -> str:
    """Prefix a pattern's group names so that all patterns fit in one alternation."""
    pattern = re.sub(r"\(\?P<([A-Z0-9_]+)>", lambda m: f"(?P<{name}__{m.group(1)}>", pattern)
    return re.sub(r"\(\?P=([A-Z0-9_]+)\)", lambda m: f"(?P={name}__{m.group(1)})", pattern)


#: The table of claims/datekeys.py.
KEY_TABLE_PATH = Path(__file__).resolve().parent / "data" / "date_keys.json"


def load_key_table(alternation: Alternation, path: Path | None = None) -> dict[str, tuple[int, ...]]:
    """The key table of ``path``, or an empty one when it is missing, unreadable or made
    for another grammar."""
    try:
        data = json.loads((path or KEY_TABLE_PATH).read_text(encoding="utf-8"))
        if data.get("fingerprint") != alternation.fingerprint:
            return {}
        return {key: tuple(data["subsets"][index]) for key, index in data["keys"].items()}
    except (OSError, ValueError, KeyError, IndexError, TypeError, AttributeError):
        return {}


# One pass over the text: at each position the first pattern that matches wins, so the
# patterns are ordered from the most to the least specific.
_DATES = Alternation([(f"_{name}", _namespaced(name, pattern)) for name, pattern in _PATTERNS])
_DATES.use_key_table(load_key_table(_DATES))  # see claims/datekeys.py
DATE_RE = _DATES.compiled

# The words a date can begin with.  Trying DATE_RE's forty alternatives at every character
# is most of the extractor's time; trying them only where a digit or one of these words
# starts gives the same matches (tests/claims/test_properties.py checks it against plain
# finditer).
_START_WORDS = frozenset((
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
    "|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Tues|Thurs|Thur|Mon|Tue|Wed|Thu|Fri|Sat|Sun"
    "|the|between|from|fiscal|financial|budget|academic|school|first|second|third|fourth|fifth|final|last"
    "|spring|summer|autumn|fall|winter|start|beginning|middle|rest|remainder|remaining|close|month|year"
    "|yesterday|today|tonight|tomorrow|tonite|tmrw|tmr|next|this|that|same|current|upcoming|coming"
    "|past|previous|following|earlier|later|right|to|a|one|two|three|four|five|six|seven|eight|nine|ten"
    "|Christmas|New|Easter|Thanksgiving|Halloween|Valentine|Independence|Labour|Labor|Memorial|Boxing|earth"
).casefold().split("|"))
_START_PREFIXES = ("mid", "early", "late", "end")
# A digit, or a run of letters (with the non-ASCII letters IGNORECASE takes for ASCII ones),
# not glued to a word on its left.
_WORD_OR_DIGIT = re.compile(rf"(?<![0-9A-Za-z_])(?:[0-9]|[{LETTERS}]+)")


def date_starts(text: str) -> Iterator[int]:
    """The positions where a :data:`DATE_RE` match may begin: a digit, ``Q2``/``H1``,
    ``FY``, or a word a date pattern starts with."""
    for match in _WORD_OR_DIGIT.finditer(text):
        word = match.group()
        if word <= "9":
            yield match.start()
            continue
        if may_start_date(word, text[match.end():match.end() + 1]):
            yield match.start()


# casefold leaves "ı" alone and makes "İ" two characters: fold the twins first
_RE_CASE_TWINS = str.maketrans(CASE_TWINS)


def may_start_date(word: str, following: str = "") -> bool:
    """Whether a date may begin with this whole run of letters ("March", "the", "mid"), or
    with ``Q``/``H`` when the character ``following`` it is 1 to 4 ("Q2", "H1")."""
    folded = word.translate(_RE_CASE_TWINS).casefold()
    return (folded in _START_WORDS or folded.startswith(_START_PREFIXES) or word.startswith("FY")
            or (word in ("Q", "q", "H") and following in ("1", "2", "3", "4")))


def find_dates(text: str, starts: Iterable[int] | None = None) -> Iterator[re.Match]:
    """The matches of :data:`DATE_RE` in ``text``, as ``DATE_RE.finditer(text)`` gives them.

    Args:
        text: The text to scan.
        starts: Increasing positions that include every place a date may begin (default:
            :func:`date_starts`).
    """
    return prefiltered_finditer(_DATES.match, date_starts(text) if starts is None else starts, text)


# What ends a cue before a lone month name: spaces or a hyphen, ASCII or not ("mid‑July").
_CUE_GAP = r"[\s\-\u2011\u2013]+"
# Prepositions that make a lone month name a date ("in July", "since March").
_MONTH_CUES = re.compile(
    r"(?i:\b(?:in|since|by|until|till|from|through|to|during|this|last|next|early|late|mid|of|"
    r"before|after|between|and|or|on|for|each|every|until|throughout|around|end\s+of)" + _CUE_GAP + r")$")
_SLASH_DATE_CUE = re.compile(
    r"(?i:\b(?:on|by|from|to|until|till|through|next|this|last|before|after|since|due|dated?|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\s+)$"
    r"|[0-9]{1,2}/[0-9]{1,2},?\s+(?:or\s+|and\s+)?$")
# Full month names that are no other word (not "May", "March"): written with a capital and
# no name after them ("the October election", "January saw a 3% rise"), they are months
# with no preposition before them.
_PLAIN_MONTHS = frozenset({"january", "february", "april", "june", "july", "august", "september", "october",
                           "november", "december"})
# What a month name between them is a month of: "the October election", "this August".
_PLAIN_MONTH_BEFORE_RE = re.compile(r"(?i:\b(?:the|that|this)[ \t\u00a0]+)$")
_PLAIN_MONTH_AFTER_RE = re.compile(r"[ \t\u00a0]+(?!of\b)[a-z]")
# Months that are first names too
_NAME_MONTHS = frozenset({"april", "june", "july", "august"})
# A capitalized word after a month: a name ("October Revolution")
_NAME_AFTER_RE = re.compile(r"[ \t\u00a0]+[A-Z][a-z]")


def _plain_month(word: str, text: str, start: int, end: int) -> bool:
    """Is ``word`` (a lone month name at ``start:end``) a month without a preposition before
    it?  Capitalized and no name after it ("January saw", not "the October Revolution"); a
    month that is a first name too only between "the/that/this" and a word in lower case
    ("the June figures", not "said June" or "April's mother")."""
    low = word.lower()
    if low not in _PLAIN_MONTHS or not (word[0].isupper() and word[1:].islower()):
        return False
    if low in _NAME_MONTHS:  # "said June", "April's mother": a month only between the and a word
        return (_PLAIN_MONTH_BEFORE_RE.search(text, max(0, start - 8), start) is not None
                and _PLAIN_MONTH_AFTER_RE.match(text, end) is not None)
    return _NAME_AFTER_RE.match(text, end) is None  # "October Revolution" is a name


_AMBIGUOUS_MONTHS = {"may", "march", "jan", "mar", "jun", "jul", "aug", "sep", "sept",
                     "oct", "nov", "dec", "sun", "sat", "wed", "mon"}


@dataclass(frozen=True, slots=True)
class DateValue:
    """A parsed date: ISO value, first and last day covered, precision."""

    value: str | None
    low: str | None
    high: str | None
    precision: str


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _year4(text: str, base: int | None = None) -> int:
    """Expand a two-digit year: '18 -> 2018, 95 -> 1995 (or relative to ``base``)."""
    y = int(text)
    if len(text) >= 3:
        return y
    if base is not None:
        century = base - base % 100
        candidate = century + y
        return candidate if candidate >= base else candidate + 100
    return 2000 + y if y <= 30 else 1900 + y


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def day(year: int, month: int, dd: int) -> DateValue | None:
    """A day-precision date, or None when the day does not exist."""
    if not (1 <= month <= 12) or not (1 <= dd <= _last_day(year, month)):
        return None
    iso = f"{year:04d}-{month:02d}-{dd:02d}"
    return DateValue(iso, iso, iso, "day")


def month_of(year: int, month: int) -> DateValue:
    return DateValue(f"{year:04d}-{month:02d}", f"{year:04d}-{month:02d}-01",
                     f"{year:04d}-{month:02d}-{_last_day(year, month):02d}", "month")


def year_of(year: int) -> DateValue:
    return DateValue(f"{year:04d}", f"{year:04d}-01-01", f"{year:04d}-12-31", "year")


def span_of(first: DateValue, last: DateValue) -> DateValue:
    """A range from the start of ``first`` to the end of ``last``."""
    return DateValue(f"{first.value}/{last.value}", first.low, last.high, "range")


#: The value of a date written without its year: "--03" (March), "--03-24" (24 March).
YEARLESS_DATE_RE = re.compile(r"^--(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?$")


def _yearless_day(month: int, dd: int) -> DateValue | None:
    if not (1 <= month <= 12) or not (1 <= dd <= _last_day(2000, month)):
        return None
    return DateValue(f"--{month:02d}-{dd:02d}", None, None, "day")


def _dm(groups: _Groups, day_key: str = "DAY", mon_key: str = "MON", year_key: str = "YEAR"
        ) -> DateValue | None:
    month = _month(groups[mon_key])
    dd = int(groups[day_key])
    if groups.get(year_key):
        return day(int(groups[year_key]), month, dd)
    return _yearless_day(month, dd)


_ORDINAL_DAY = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
                "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
                "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
                "twentieth": 20, "twenty-first": 21, "twenty-second": 22, "twenty-third": 23,
                "twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26,
                "twenty-seventh": 27, "twenty-eighth": 28, "twenty-ninth": 29, "thirtieth": 30,
                "thirty-first": 31}


def _fiscal(start_year: int, end_text: str | None) -> DateValue:
    if end_text:
        end = _year4(end_text, start_year)
        if end == start_year + 1:
            return DateValue(f"{start_year:04d}/{end:04d}", f"{start_year:04d}-01-01",
                             f"{end:04d}-12-31", "fiscal_year")
        if end > start_year:
            return span_of(year_of(start_year), year_of(end))
    return DateValue(f"{start_year:04d}", f"{start_year:04d}-01-01", f"{start_year + 1:04d}-12-31",
                     "fiscal_year")


class _Groups:
    """The groups of one date pattern in a match, by their short names; unset ones missing.

    (A dict of ``match.groupdict()`` would copy the groups of every pattern.)
    """

    __slots__ = ("_match", "_prefix")

    def __init__(self, match: re.Match, prefix: str) -> None:
        self._match = match
        self._prefix = prefix

    def get(self, key: str, default: str | None = None) -> str | None:
        try:
            value = self._match.group(self._prefix + key)
        except IndexError:  # a group of the pattern the dispatcher left out
            return default
        return default if value is None else value

    def __getitem__(self, key: str) -> str:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value


def interpret(match: re.Match, text: str) -> DateValue | None:
    """Turn a :data:`DATE_RE` match into a :class:`DateValue`; ``None`` rejects the match."""
    name = match.lastgroup[1:] if match.lastgroup else ""
    g = _Groups(match, name + "__")
    if name == "iso":
        return day(int(g["YEAR"]), int(g["MM"]), int(g["DD"]))
    if name == "compact":
        return day(int(g["CYEAR"]), int(g["CMM"]), int(g["CDD"]))
    if name == "numeric":
        a, b, year_text = int(g["A"]), int(g["B"]), g["NY"]
        if g["S2"] == "." and len(year_text) == 2:
            return None  # "1.2.3" style versions and section numbers
        if len(year_text) == 2 and g["S2"] in "-‑":
            return None
        year = _year4(year_text)
        if a > 12:
            return day(year, b, a)  # 20/12/2025
        if g["S2"] == ".":
            return day(year, b, a)  # 20.12.2025 is day-first wherever dots are used
        return day(year, a, b) or day(year, b, a)  # 12/20/2025 (US), else day-first
    if name in ("dmy_dash", "dmy", "mdy"):
        return _dm(g)
    if name == "dmy_word":
        month = _month(g["MON"])
        dd = _ORDINAL_DAY[g["DWORD"].lower()]
        return day(int(g["YEAR"]), month, dd) if g.get("YEAR") else _yearless_day(month, dd)
    if name in ("dmy_range", "mdy_range"):
        month = _month(g["MON"])
        first, last = int(g["D1"]), int(g["DAY"])
        if first >= last:
            return None
        if g.get("YEAR"):
            a, b = day(int(g["YEAR"]), month, first), day(int(g["YEAR"]), month, last)
            return span_of(a, b) if a and b else None
        a, b = _yearless_day(month, first), _yearless_day(month, last)
        return DateValue(f"{a.value}/{b.value}", None, None, "range") if a and b else None
    if name == "dmy_dmy":
        m1, m2 = _month(g["M1"]), _month(g["MON"])
        if g.get("YEAR"):
            year = int(g["YEAR"])
            a = day(year if m1 <= m2 else year - 1, m1, int(g["D1"]))
            b = day(year, m2, int(g["DAY"]))
            return span_of(a, b) if a and b else None
        a, b = _yearless_day(m1, int(g["D1"])), _yearless_day(m2, int(g["DAY"]))
        return DateValue(f"{a.value}/{b.value}", None, None, "range") if a and b else None
    if name in ("quarter", "quarter_after"):
        kind = (g.get("QH") or g.get("QH2")).upper()
        n = int(g.get("QN") or g.get("QN2"))
        year = int(g["YEAR"]) if g.get("YEAR") else _year4(g["QYY"])
        return _quarter(year, kind, n)
    if name == "quarter_words":
        word = g["QW"].lower()
        n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
             "4th": 4, "final": 4, "last": 4}[word]
        kind = "Q" if g["QU"].lower() == "quarter" else "H"
        if kind == "H" and n > 2:
            n = 2 if word in ("final", "last", "second", "2nd") else None
            if n is None:
                return None
        if g.get("YEAR"):
            return _quarter(int(g["YEAR"]), kind, n)
        return DateValue(None, None, None, "quarter")
    if name == "fy":
        year = int(g["YEAR"]) if g.get("YEAR") else _year4(g["FYY"])
        return _fiscal(year, g.get("FYE"))
    if name == "fiscal_year":
        return _fiscal(int(g["YEAR"]), g.get("FYE2"))
    if name == "year_fiscal":
        return _fiscal(int(g["YEAR"]), g.get("FYE3"))
    if name == "season":
        year = int(g["YEAR"])
        first, last = SEASONS[g["SEASON"].lower()]
        start_year = year
        end_year = year + 1 if g["SEASON"].lower() == "winter" else year
        low = f"{start_year:04d}-{first}-01"
        high_month = int(last)
        high = f"{end_year:04d}-{last}-{_last_day(end_year, high_month):02d}"
        return DateValue(f"{year:04d}", low, high, "season")
    if name == "month_range":
        m1, m2 = _month(g["MON"]), _month(g["MON2"])
        y2 = int(g["YEAR2"]) if g.get("YEAR2") else None
        y1 = int(g["YEAR"]) if g.get("YEAR") else (y2 if y2 and m1 <= m2 else (y2 - 1 if y2 else None))
        if m1 == m2 and y1 == y2:
            return None
        if y1 and y2:
            return span_of(month_of(y1, m1), month_of(y2, m2))
        return DateValue(f"--{m1:02d}/--{m2:02d}", None, None, "range")
    if name == "month_year":
        value = month_of(int(g["YEAR"]), _month(g["MON"]))
        return value
    if name == "decade":
        start = int(g["DEC"])
        return DateValue(f"{start // 10:03d}", f"{start:04d}-01-01", f"{start + 9:04d}-12-31", "decade")
    if name == "decade_short":
        start = 1900 + int(g["DECS"])
        return DateValue(f"{start // 10:03d}", f"{start:04d}-01-01", f"{start + 9:04d}-12-31", "decade")
    if name == "part_year":
        return year_of(int(g["YEAR"]))
    if name == "year_range":
        start = int(g["YEAR"])
        sep = g["YSEP"].strip().lower()
        end_text = g["YEND"]
        if sep == "and" and (g.get("YR") or "").lower() != "between":
            return None  # "in 2019 and 2021" lists two years, it is not a range
        if sep == "/" and len(end_text) == 4 and int(end_text) != start + 1:
            return None
        end = _year4(end_text, start) if len(end_text) == 2 else int(end_text)
        if len(end_text) == 2 and end - start > 10:
            return None
        if end <= start or end - start > 200:
            return None
        if len(end_text) == 2 or (sep == "/" and end == start + 1):
            return _fiscal(start, str(end))
        return span_of(year_of(start), year_of(end))
    if name == "relative":
        return DateValue(None, None, None, "relative")
    if name == "time_4digit":
        before = text[max(0, match.start() - 10):match.start()]
        digits = g["T4"]
        if digits[:2] in ("19", "20") and re.search(r"(?i:\bin\s+)$", before):
            return None  # "In 2000 GMT was renamed": a year ("by 2000 GMT" is a time)
        if match.group(0).lower().endswith("hrs") and (
                re.match(r"[ \t]+of\b", text[match.end():match.end() + 4])
                or not (digits[0] == "0" or re.search(r"(?i:\b(?:at|until|till|by)\s+)$", before))):
            return None  # "1200 hrs of training", "2000 hrs": durations; "at 1800 hrs", "0600 hrs": times
        return DateValue(None, None, None, "time")
    if name == "time":
        raw = g["TIME"]
        if re.fullmatch(r"[0-9]{1,2}\.[0-9]{2}", raw):
            return None  # "12.50" is a price or a decimal, not a time
        return DateValue(None, None, None, "time")
    if name == "holiday":
        if g.get("YEAR"):
            year = year_of(int(g["YEAR"]))
            return DateValue(year.value, year.low, year.high, "holiday")
        return DateValue(None, None, None, "holiday")
    if name == "nth_weekday":
        return DateValue(f"{int(g['YEAR']):04d}-{_month(g['MON']):02d}" if g.get("YEAR") else f"--{_month(g['MON']):02d}",
                         None, None, "day")
    if name == "month_of":
        if g.get("YEAR"):
            return month_of(int(g["YEAR"]), _month(g["MON"]))
        if g["MON"][0].islower() and g["MON"].lower() in ("may", "march"):
            return None
        return DateValue(f"--{_month(g['MON']):02d}", None, None, "month")
    if name in ("part_relative", "relative2"):
        return DateValue(None, None, None, "relative")
    if name == "month_slash_year":
        return month_of(int(g["YEAR"]), int(g["MSM"]))
    if name == "year_slash_month":
        return month_of(int(g["YEAR"]), int(g["YSM"]))
    if name == "mon_dash_year":
        return month_of(int(g["YEAR"]), _month(g["MON"]))
    if name == "mon_dash_day":
        return _yearless_day(_month(g["MON"]), int(g["DAY"]))
    if name == "md_slash":
        before = text[max(0, match.start() - 30):match.start()]
        if not _SLASH_DATE_CUE.search(before):
            return None
        a, b = int(g["MDA"]), int(g["MDB"])
        return _yearless_day(a, b) or _yearless_day(b, a)
    if name == "quarter_only":
        if g["QO"] == "q" and not re.search(r"(?i:\b(?:in|during|for|by|the|of|until|this|last|next|and|or)\s+)$",
                                             text[max(0, match.start() - 12):match.start()]) \
                and not re.match(r"\s+and\s+q[1-4]", text[match.end():match.end() + 10]):
            return None
        return DateValue(None, None, None, "quarter")
    if name == "weekday":
        if g["WDAY"][0].islower() and not re.search(
                r"(?i:\b(?:on|by|until|till|next|last|this|every|each|from|to|since|before|after|and|or|back|go)\s+)$",
                text[max(0, match.start() - 12):match.start()]):
            return None
        if g["WDAY"].lower() in _AMBIGUOUS_MONTHS:
            return None  # "Sun", "Sat", "Wed" are words before they are days
        return DateValue(None, None, None, "weekday")
    if name == "month":
        before = text[max(0, match.start() - 20):match.start()]
        word = g["MONLY"].lower()
        if not _MONTH_CUES.search(before) and not _plain_month(g["MONLY"], text, match.start(), match.end()):
            return None
        if g["MONLY"][0].islower() and (word in _AMBIGUOUS_MONTHS or not re.search(
                r"(?i:\b(?:in|in\s+the|this|last|next|since|until|till|during|early|late|mid|of|from|by)"
                + _CUE_GAP + r")$", before)):
            return None
        if word in _AMBIGUOUS_MONTHS and not re.search(
                r"(?i:\b(?:in|since|until|till|by|from|during|through|early|late|mid|this|last|next)" + _CUE_GAP + r")$",
                before):
            return None
        month = MONTHS[word]
        return DateValue(f"--{month:02d}", None, None, "month")
    return None


def _quarter(year: int, kind: str, n: int) -> DateValue:
    if kind == "H":
        first, last = (1, 6) if n == 1 else (7, 12)
    else:
        first, last = 3 * n - 2, 3 * n
    return DateValue(f"{year:04d}-{kind}{n}", f"{year:04d}-{first:02d}-01",
                     f"{year:04d}-{last:02d}-{_last_day(year, last):02d}", "quarter")


WEEKDAY_NAMES = WEEKDAYS
