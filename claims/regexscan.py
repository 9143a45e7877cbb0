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
import hashlib
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


# What a parsed pattern may begin with, as a bit mask: bit ``n`` for the ASCII character
# ``chr(n)``, one more bit for every character beyond ASCII (never analysed: case folding
# there holds surprises, "ſ" matches "s").
_BEYOND = 1 << 128
_ANYTHING = (1 << 129) - 1
_REPEATS = (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", None))
_ASCII = [chr(n) for n in range(128)]
# Memos keyed by the id of a parsed (sub)pattern; each keeps its object alive, so that an
# id is never reused while it is a key.
_FIRST_MEMO: dict[tuple[int, bool], tuple[object, int, bool]] = {}
_CLASS_MEMO: dict[tuple[int, bool], tuple[object, int]] = {}


def char_bits(chars: str) -> int:
    """The bit mask of the characters in ``chars`` (all of them for one beyond ASCII)."""
    bits = 0
    for char in chars:
        bits |= 1 << ord(char) if char.isascii() else _ANYTHING
    return bits


def _literal_bits(code_point: int, ignorecase: bool) -> int:
    char = chr(code_point)
    if not char.isascii():
        return _ANYTHING if ignorecase else _BEYOND
    if ignorecase:
        return char_bits(char.lower() + char.upper()) | _BEYOND
    return 1 << code_point


def _class_bits(items: list, ignorecase: bool) -> int:
    key = (id(items), ignorecase)
    known = _CLASS_MEMO.get(key)
    if known is None or known[0] is not items:
        bits = _BEYOND
        for char in _ASCII:
            if _class_has(items, char, ignorecase):
                bits |= 1 << ord(char)
        known = _CLASS_MEMO[key] = (items, bits)
    return known[1]


def _first(items, ignorecase: bool) -> tuple[int, bool]:
    """``(what a match of a parsed sequence may begin with, whether it may be empty)``."""
    key = (id(items), ignorecase)
    known = _FIRST_MEMO.get(key)
    if known is not None and known[0] is items:
        return known[1], known[2]
    bits, empty = 0, True
    for op, av in items:
        item_bits, item_empty = _first_of(op, av, ignorecase)
        bits |= item_bits
        if not item_empty:
            empty = False
            break
    _FIRST_MEMO[key] = (items, bits, empty)
    return bits, empty


def _first_of(op, av, ignorecase: bool) -> tuple[int, bool]:
    if op is _C.LITERAL:
        return _literal_bits(av, ignorecase), False
    if op is _C.NOT_LITERAL or op is _C.ANY:
        return _ANYTHING, False
    if op is _C.IN:
        return _class_bits(av, ignorecase), False
    if op is _C.AT or op is _C.ASSERT or op is _C.ASSERT_NOT:
        return 0, True  # zero-width: the character comes from what follows
    if op is _C.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return _first(sub, (ignorecase or bool(add_flags & _IGNORECASE)) and not del_flags & _IGNORECASE)
    if op is _C.BRANCH:
        bits, empty = 0, False
        for branch in av[1]:
            branch_bits, branch_empty = _first(branch, ignorecase)
            bits, empty = bits | branch_bits, empty or branch_empty
        return bits, empty
    if op in _REPEATS:
        low, _high, sub = av
        bits, empty = _first(sub, ignorecase)
        return bits, empty or low == 0
    if op is getattr(_C, "ATOMIC_GROUP", None):
        return _first(av, ignorecase)
    return _ANYTHING, True  # a back-reference, a conditional...: anything


def _advance(items, prefix: tuple[int, ...], positions: frozenset[int], ignorecase: bool) -> frozenset[int]:
    """How much of ``prefix`` a parsed sequence may have consumed, starting from ``positions``.

    ``prefix`` holds, for each character, the bit mask of the characters it may be.
    Reaching ``len(prefix)`` means the whole prefix is consumed: from there on anything
    may follow, so it stays reached.
    """
    done = len(prefix)
    for op, av in items:
        if not positions or (len(positions) == 1 and done in positions):
            return positions
        bits, empty = _first_of(op, av, ignorecase)
        if done not in positions and not empty and not any(prefix[p] & bits for p in positions):
            return frozenset()  # cannot begin with any character found there
        if op is _C.LITERAL or op is _C.NOT_LITERAL or op is _C.ANY or op is _C.IN:
            positions = frozenset(p if p == done else p + 1 for p in positions if p == done or prefix[p] & bits)
        elif op is _C.AT or op is _C.ASSERT or op is _C.ASSERT_NOT:
            continue
        elif op is _C.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            sub_ignorecase = (ignorecase or bool(add_flags & _IGNORECASE)) and not del_flags & _IGNORECASE
            positions = _advance(sub, prefix, positions, sub_ignorecase)
        elif op is _C.BRANCH:
            reached: set[int] = set()
            for branch in av[1]:
                reached |= _advance(branch, prefix, positions, ignorecase)
            positions = frozenset(reached)
        elif op in _REPEATS:
            low, high, sub = av
            reached = set(positions) if low == 0 else set()
            current = positions
            count = 0
            while current and count < high:
                current = _advance(sub, prefix, current, ignorecase)
                count += 1
                if count >= low:
                    if current <= reached:
                        break  # nothing new: a fixed point
                    reached |= current
            positions = frozenset(reached)
        elif op is getattr(_C, "ATOMIC_GROUP", None):
            positions = _advance(av, prefix, positions, ignorecase)
        else:  # a back-reference, a conditional...: anything
            return frozenset({done})
    return positions


def may_start_with_prefix(pattern: str, prefix: tuple[str, ...] | str) -> bool:
    """Whether a match of ``pattern`` may begin with ``prefix`` (an over-approximation).

    Args:
        pattern: A regular expression.
        prefix: The text a match would begin with; or, character by character, the
            characters each may be (``("t", "h", "e", " ", "0123456789")``).  A character
            beyond ASCII stands for any character.

    A match shorter than the prefix counts (``"the"`` may begin ``"the 2"``).

    Example:
        >>> may_start_with_prefix(r"(?i:the\\s+)?[0-9]{4}", "the 2"), may_start_with_prefix(r"the\\s+[0-9]", "the c")
        (True, False)
    """
    return _may_start_with_bits(pattern, tuple(char_bits(chars) for chars in prefix))


def _may_start_with_bits(pattern: str, prefix: tuple[int, ...]) -> bool:
    parsed = _parsed(pattern)
    return bool(_advance(parsed, prefix, frozenset({0}), bool(parsed.state.flags & _IGNORECASE)))


def may_start_with(pattern: str, char: str) -> bool:
    """Whether a match of ``pattern`` may begin with ``char`` (an over-approximation).

    Example:
        >>> may_start_with(r"(?i:\\bthe\\s+)?[0-9]", "T"), may_start_with(r"[0-9]+", "a")
        (True, False)
    """
    return may_start_with_prefix(pattern, (char,))


@functools.lru_cache(maxsize=1024)
def _parsed(pattern: str):
    return _sre_parse.parse(pattern)



# What a keyed dispatch looks at (see Alternation.key_at): a run of ASCII letters, or of up
# to five digits, and the two characters after it; letters folded to lower case, digits to 0.
_KEY_TOKEN = re.compile(r"[0-9]{1,5}|[A-Za-z]+")
_KEY_FOLD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ123456789", "abcdefghijklmnopqrstuvwxyz000000000")
_DIGITS = "0123456789"


def _key_bits(key: str) -> tuple[int, ...]:
    """The prefix a key stands for: each letter in either case, ``0`` any digit."""
    return tuple(char_bits(_DIGITS) if char == "0" else char_bits(char + char.upper()) if "a" <= char <= "z"
                 else char_bits(char) for char in key)


class Alternation:
    """Named patterns tried in order, as one regex ``(?P<_name>...)|(?P<_name2>...)|...``.

    Args:
        branches: ``(group name, pattern)`` pairs; each pattern becomes the group
            ``(?P<group name>pattern)`` of the alternation, in the order given.

    ``compiled`` is the whole alternation; :meth:`match` tries, at one position, only the
    branches that may begin with the character found there, which gives the same match.
    With a key table (:meth:`use_key_table`) it narrows further, on the word or digits
    found there and the two characters after them.
    """

    def __init__(self, branches: list[tuple[str, str]]) -> None:
        self.branches = branches
        self.compiled = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in branches))
        self._by_char: dict[str, re.Pattern] = {}
        self._by_subset: dict[tuple[int, ...], re.Pattern] = {}
        self._key_subsets: dict[str, tuple[int, ...]] = {}
        self._by_key: dict[str, re.Pattern] = {}

    @property
    def fingerprint(self) -> str:
        """A hash of the branches: a key table is valid for the branches it was made from."""
        digest = hashlib.sha256()
        for name, pattern in self.branches:
            digest.update(f"{name}\0{pattern}\0".encode())
        return digest.hexdigest()[:16]

    def _for_char(self, char: str) -> re.Pattern:
        # A digit or an ASCII letter gets the branches that may begin with any digit, or with
        # the letter in either case: fewer distinct subsets to compile (each costs a few
        # milliseconds in every process), a little less selective.
        if char.isascii() and char.isdigit():
            family = _DIGITS
        elif char.isascii() and char.isalpha():
            family = char.lower() + char.upper()
        else:
            family = char
        compiled = self._by_char[char] = self._for_prefix((char_bits(family),))
        return compiled

    def _subset(self, prefix: tuple[int, ...]) -> tuple[int, ...]:
        return tuple(i for i, (_name, pattern) in enumerate(self.branches) if _may_start_with_bits(pattern, prefix))

    def _for_prefix(self, prefix: tuple[int, ...]) -> re.Pattern:
        return self._compiled_subset(self._subset(prefix))

    def _compiled_subset(self, kept: tuple[int, ...]) -> re.Pattern:
        compiled = self._by_subset.get(kept)
        if compiled is None:
            if len(kept) == len(self.branches):
                compiled = self.compiled
            else:  # an empty subset compiles to a pattern that never matches
                compiled = re.compile("|".join(f"(?P<{self.branches[i][0]}>{self.branches[i][1]})" for i in kept)
                                      or r"(?!)")
            self._by_subset[kept] = compiled
        return compiled

    @staticmethod
    def key_at(text: str, position: int) -> str | None:
        """The dispatch key at ``position``: the run of ASCII letters (or up to five digits)
        there and the two characters after it, folded ("The 2021" -> ``"the 0"``), or None
        where no such run begins.  A key holding characters beyond ASCII is never in a table."""
        token = _KEY_TOKEN.match(text, position)
        if token is None:
            return None
        end = token.end()
        if end - position == 5 and text[position] <= "9":
            return "00000"  # five digits: what follows them is the grammar's business
        return text[position:end + 2].translate(_KEY_FOLD)

    def branches_for_key(self, key: str) -> tuple[int, ...]:
        """Indexes of the branches that may begin with the text a key stands for."""
        return self._subset(_key_bits(key))

    def use_key_table(self, table: dict[str, tuple[int, ...]]) -> None:
        """Narrow :meth:`match` with a table of keys to branch indexes (made by
        :meth:`branches_for_key`, for this alternation's :attr:`fingerprint`)."""
        self._key_subsets = dict(table)
        self._by_key = {}

    def match(self, text: str, position: int) -> re.Match | None:
        """``compiled.match(text, position)``, trying only the branches that can begin here."""
        if position >= len(text):
            return self.compiled.match(text, position)
        if self._key_subsets:
            key = self.key_at(text, position)
            if key is not None:
                compiled = self._by_key.get(key)
                if compiled is None and key in self._key_subsets:
                    compiled = self._by_key[key] = self._compiled_subset(self._key_subsets[key])
                if compiled is not None:
                    return compiled.match(text, position)
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
