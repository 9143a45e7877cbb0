"""Parse written numbers ("12,480", "8 412 306", "41.7", "twenty-five", "half a million")."""

from __future__ import annotations

import math
import re

from .lexicon import SCALE_WORDS, TENS_WORDS, UNITS_WORDS

_GROUP_SEPARATORS = ",\u202f\u00a0\u2009 "


def parse_digits(surface: str) -> tuple[float, int] | None:
    """Value and number of decimals of a digit string with optional thousands separators.

    >>> parse_digits("12,480")
    (12480.0, 0)
    >>> parse_digits("41.7")
    (41.7, 1)
    """
    cleaned = surface
    for sep in _GROUP_SEPARATORS:
        cleaned = cleaned.replace(sep, "")
    cleaned = cleaned.replace("−", "-").replace("\u2012", "-").replace("–", "-")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    if not math.isfinite(value):
        return None  # over 309 digits: no amount anyone states, and no float holds it
    decimals = len(cleaned.split(".", 1)[1]) if "." in cleaned else 0
    return value, decimals


_WORD_RE = re.compile(r"[a-z]+")

DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
    "hundredth": 100, "hundredths": 100, "thousandth": 1e3, "thousandths": 1e3,
    "millionth": 1e6, "millionths": 1e6, "billionth": 1e9, "billionths": 1e9,
    "trillionth": 1e12, "trillionths": 1e12,
}
_DIGIT_WORDS = {k: v for k, v in UNITS_WORDS.items() if v < 10}


def _integer(words: list[str]) -> float | None:
    """Value of cardinal words ("two hundred and two thousand" -> 202000)."""
    total = 0.0
    current = 0.0
    seen = False
    for word in words:
        if word in ("and", "a", "an"):
            continue
        if word in ("dozen", "dozens"):
            current = (current or 1) * 12
        elif word in UNITS_WORDS:
            current += UNITS_WORDS[word]
        elif word in TENS_WORDS:
            current += TENS_WORDS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALE_WORDS:
            total += (current or 1) * SCALE_WORDS[word]
            current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def cardinal_prefix_length(surface: str) -> int:
    """How much of a run of number words is one number: "twenty-four four-car" -> "twenty-four".

    A digit word ("one" to "nine") never follows a number that already ends in one
    ("four four", "twenty-four four"): the number ends before it.  Fractions ("three and
    three fifths"), spoken decimals ("point zero three") and spoken years or times
    ("nineteen seventy", "nine thirty") are left whole.

    >>> s = "Twenty-four four"; s[:cardinal_prefix_length(s)]
    'Twenty-four'
    """
    words = list(_WORD_RE.finditer(surface.lower()))
    if any(w.group() in DENOMINATORS or w.group() == "point" or _compound_denominator([x.group() for x in words], i)
           for i, w in enumerate(words)):
        return len(surface)
    previous_is_digit = False
    for match in words:
        word = match.group()
        is_digit = word in _DIGIT_WORDS and _DIGIT_WORDS[word] > 0
        if is_digit and previous_is_digit:
            return len(surface[:match.start()].rstrip(" \t\u00a0-\u2011"))
        previous_is_digit = is_digit or (previous_is_digit and word in ("and", "a", "an"))
    return len(surface)


def parse_number_words(surface: str) -> float | None:
    """Value of a spelled-out number.

    Handles cardinals ("one hundred and twelve"), dozens ("three dozens"), fractions
    ("two thirds", "one and a half", "half a million", "twenty-three fifths") and spoken
    decimals ("two hundred point zero three").

    Returns ``None`` when the words do not form a number.

    >>> parse_number_words("one hundred and three and two thirds")
    103.66666666666667
    """
    words = _WORD_RE.findall(surface.lower())
    if not words:
        return None
    if "point" in words:
        at = words.index("point")
        whole = _integer(words[:at]) if at else 0.0
        tail = words[at + 1:]
        scale = 1.0
        while tail and tail[-1] in SCALE_WORDS and tail[-1] != "hundred":  # "one point five million"
            scale *= SCALE_WORDS[tail.pop()]
        if whole is None or not tail:
            return None
        if all(w in _DIGIT_WORDS for w in tail):
            digits = "".join(str(_DIGIT_WORDS[w]) for w in tail)
        else:
            part = _integer(tail)
            if part is None:
                return None
            digits = str(int(part))
        return (whole + int(digits) / 10 ** len(digits)) * scale
    fraction_at = next((i for i, w in enumerate(words) if w in DENOMINATORS or _compound_denominator(words, i)), None)
    if fraction_at is None:
        return _integer(words)
    if composite_ordinal(words) is not None:
        return None
    compound = _compound_denominator(words, fraction_at)
    if compound:
        denominator, fraction_end = compound
    else:
        denominator, fraction_end = DENOMINATORS[words[fraction_at]], fraction_at + 1
    left, right = words[:fraction_at], words[fraction_end:]
    last_and = max((i for i, w in enumerate(left) if w == "and"), default=None)
    if last_and is not None:
        whole_words = left[:last_and]
        whole = _integer(whole_words)
        numerator_words = left[last_and + 1:]
    else:
        whole_words, whole, numerator_words = [], 0.0, left
    if whole is None:
        return None
    numerator_words = [w for w in numerator_words if w not in ("a", "an")]
    numerator = _integer(numerator_words) if numerator_words else 1.0
    if numerator is None:
        return None
    fraction = numerator / denominator
    scale = 1.0
    for word in right:
        if word in ("a", "an", "of"):
            continue
        if word in ("dozen", "dozens"):
            scale *= 12
        elif word in SCALE_WORDS:
            scale *= SCALE_WORDS[word]
        else:
            return None
    whole_scale = next((SCALE_WORDS[w] for w in reversed(whole_words) if w in SCALE_WORDS and w != "hundred"), None)
    if scale != 1.0 and whole_scale is None:
        return (whole + fraction) * scale  # "five and a half million"
    if scale == 1.0 and whole_scale is not None:
        return whole + fraction * whole_scale  # "three million and a half"
    return whole + fraction * scale


def _compound_denominator(words: list[str], i: int) -> tuple[float, int] | None:
    """"twenty-fifth(s)" after a one-word numerator ("one twenty-fifth", "three twenty-firsts")."""
    if i + 1 >= len(words) or words[i] not in TENS_WORDS:
        return None
    unit = words[i + 1].rstrip("s") if words[i + 1] not in ("seconds",) else "second"
    ordinal_units = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                     "seventh": 7, "eighth": 8, "ninth": 9}
    if unit not in ordinal_units:
        return None
    head = [w for w in words[:i] if w != "and"]
    if len(head) != 1 or head[0] not in list(UNITS_WORDS) + ["a", "an"]:
        return None
    return TENS_WORDS[words[i]] + ordinal_units[unit], i + 2

_ORDINAL_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "hundredth": 100, "thousandth": 1e3,
    "millionth": 1e6, "billionth": 1e9, "trillionth": 1e12,
}


def composite_ordinal(words: list[str]) -> float | None:
    """"one hundred twenty fifth" -> 125, "two hundredth" -> 200: ordinals, not fractions.

    A singular fraction word after a number of several words (or a scale ordinal such as
    "hundredth" after a number other than one) reads as an ordinal.
    """
    if not words or words[-1] not in _ORDINAL_UNITS:
        return None
    if "and" in words or len(words) < 2 or words[-2] in ("a", "an"):
        return None  # "one and a fourth", "three and a fifth" are fractions
    head = words[:-1]
    if not head or head in (["a"], ["an"], ["one"]) or _compound_denominator(words, len(words) - 2):
        return None
    last = _ORDINAL_UNITS[words[-1]]
    if last >= 100:
        base = _integer(head)
        return base * last if base is not None else None
    if len(head) < 2:
        return None
    base = _integer(head)
    return base + last if base is not None else None
