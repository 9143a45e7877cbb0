"""Scan a text with a large alternation of regular expressions, fast and with the same result.

Python's ``re`` tries every alternative of a pattern at every character of the text.  The
date and number grammars are alternations of dozens of patterns, and most characters of
a document cannot begin any of them, so this module

* tries a grammar only where a match can begin (:func:`prefiltered_finditer`), and
* at each such place, only the alternatives whose first character can be the character
  found there (:class:`Alternation`), in their original order, so that the first
  alternative that matches is the same one the whole alternation would have chosen.

Both are exact: ``tests/claims/test_properties.py`` checks them against plain
``finditer`` on random and real texts.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator

try:  # Python 3.11+
    from re import _constants as _sre_constants  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre_constants  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_C = _sre_constants
_IGNORECASE = _C.SRE_FLAG_IGNORECASE


def prefiltered_finditer(pattern: re.Pattern | Callable[[str, int], re.Match | None],
                         starts: Iterable[int], text: str) -> Iterator[re.Match]:
    """``pattern.finditer(text)``, trying ``pattern`` only at the positions in ``starts``.

    Args:
        pattern: A compiled pattern, or a function ``(text, position) -> match`` that
            behaves like its ``match`` method.
        starts: Increasing positions; every match of the pattern must begin at one of them.
        text: The text to scan.

    Equal to the full scan as long as every match of ``pattern`` begins at a position of
    ``starts``; far cheaper for a large alternation that would be tried at every character.
    """
    match_at = pattern.match if isinstance(pattern, re.Pattern) else pattern
    end = 0
    for position in starts:
        if position < end:
            continue
        match = match_at(text, position)
        if match is not None and match.end() > position:
            end = match.end()
            yield match


def _class_has(items: list, char: str, ignorecase: bool) -> bool:
    """Whether a parsed character class ``[...]`` may contain ``char`` (``True`` when unsure)."""
    variants = {char, char.lower(), char.upper()} if ignorecase else {char}
    code_points = {ord(v) for v in variants if len(v) == 1}
    hit = False
    for op, av in items:
        if op is _C.NEGATE:
            return True  # a negated class: too rare here to analyse
        if op is _C.LITERAL:
            hit = hit or av in code_points or (ignorecase and av > 127)
        elif op is _C.RANGE:
            hit = hit or any(av[0] <= cp <= av[1] for cp in code_points) or (ignorecase and av[1] > 127)
        elif op is _C.CATEGORY:
            if av is _C.CATEGORY_DIGIT:
                hit = hit or any(chr(cp).isdecimal() for cp in code_points)
            elif av is _C.CATEGORY_SPACE:
                hit = hit or any(chr(cp).isspace() for cp in code_points)
            elif av is _C.CATEGORY_WORD:
                hit = hit or any(chr(cp).isalnum() or chr(cp) == "_" for cp in code_points)
            else:
                return True
        else:
            return True
    return hit


def _may_start_with(items: Iterable, char: str, ignorecase: bool) -> tuple[bool, bool]:
    """``(may begin with char, may match the empty string)`` for a parsed pattern sequence.

    An over-approximation: an operator it does not know counts as "may begin with anything",
    which only costs speed, never a match.
    """
    for op, av in items:
        if op is _C.LITERAL:
            if av == ord(char) or (ignorecase and (chr(av).lower() == char.lower() or not chr(av).isascii())):
                return True, False
            return False, False
        if op is _C.NOT_LITERAL or op is _C.ANY:
            return True, False
        if op is _C.IN:
            return _class_has(av, char, ignorecase), False
        if op is _C.AT or op is _C.ASSERT or op is _C.ASSERT_NOT:
            continue  # zero-width: the character comes from what follows
        if op is _C.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            sub_ignorecase = (ignorecase or bool(add_flags & _IGNORECASE)) and not del_flags & _IGNORECASE
            hit, empty = _may_start_with(sub, char, sub_ignorecase)
        elif op is _C.BRANCH:
            results = [_may_start_with(branch, char, ignorecase) for branch in av[1]]
            hit, empty = any(r[0] for r in results), any(r[1] for r in results)
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", None)):
            low, _high, sub = av
            hit, empty = _may_start_with(sub, char, ignorecase)
            empty = empty or low == 0
        elif op is getattr(_C, "ATOMIC_GROUP", None):
            hit, empty = _may_start_with(av, char, ignorecase)
        else:
            return True, True
        if hit:
            return True, empty
        if not empty:
            return False, False
    return False, True


def may_start_with(pattern: str, char: str) -> bool:
    """Whether a match of ``pattern`` may begin with ``char`` (an over-approximation).

    Example:
        >>> may_start_with(r"(?i:\\bthe\\s+)?[0-9]", "T"), may_start_with(r"[0-9]+", "a")
        (True, False)
    """
    if not char.isascii():
        return True  # case folding beyond ASCII ("K" is the Kelvin sign's lower case): do not guess
    parsed = _parsed(pattern)
    hit, empty = _may_start_with(parsed, char, bool(parsed.state.flags & _IGNORECASE))
    return hit or empty


@functools.lru_cache(maxsize=1024)
def _parsed(pattern: str):
    return _sre_parse.parse(pattern)



class Alternation:
    """Named patterns tried in order, as one regex ``(?P<_name>...)|(?P<_name2>...)|...``.

    Args:
        branches: ``(group name, pattern)`` pairs; each pattern becomes the group
            ``(?P<group name>pattern)`` of the alternation, in the order given.

    ``compiled`` is the whole alternation; :meth:`match` tries, at one position, only the
    branches that may begin with the character found there, which gives the same match.
    """

    def __init__(self, branches: list[tuple[str, str]]) -> None:
        self.branches = branches
        self.compiled = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in branches))
        self._by_char: dict[str, re.Pattern] = {}
        self._by_subset: dict[tuple[int, ...], re.Pattern] = {}

    def _for_char(self, char: str) -> re.Pattern:
        # A digit or an ASCII letter gets the branches that may begin with any digit, or with
        # the letter in either case: fewer distinct subsets to compile (each costs a few
        # milliseconds in every process), a little less selective.
        if char.isascii() and char.isdigit():
            family = "0123456789"
        elif char.isascii() and char.isalpha():
            family = char.lower() + char.upper()
        else:
            family = char
        kept = tuple(i for i, (_name, pattern) in enumerate(self.branches)
                     if any(may_start_with(pattern, member) for member in family))
        compiled = self._by_subset.get(kept)
        if compiled is None:
            if len(kept) == len(self.branches):
                compiled = self.compiled
            else:  # an empty subset compiles to a pattern that never matches
                compiled = re.compile("|".join(f"(?P<{self.branches[i][0]}>{self.branches[i][1]})" for i in kept)
                                      or r"(?!)")
            self._by_subset[kept] = compiled
        self._by_char[char] = compiled
        return compiled

    def match(self, text: str, position: int) -> re.Match | None:
        """``compiled.match(text, position)``, trying only the branches that can begin here."""
        if position >= len(text):
            return self.compiled.match(text, position)
        char = text[position]
        compiled = self._by_char.get(char) or self._for_char(char)
        return compiled.match(text, position)


def split_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern: ``"a|(b|c)|[|]"`` -> ``["a", "(b|c)", "[|]"]``."""
    branches: list[str] = []
    depth = 0
    in_class = False
    start = 0
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            if char == "]":
                in_class = False
        elif char == "[":
            in_class = True
            if pattern[index + 1:index + 2] == "^":
                index += 1
            if pattern[index + 1:index + 2] == "]":  # "[]...]" and "[^]...]": a literal bracket
                index += 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(pattern[start:index])
            start = index + 1
        index += 1
    branches.append(pattern[start:])
    return branches
