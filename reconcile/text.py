"""Small text tools for binding claims to facts: tokens, stems, stop words, scope words, IDF."""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import repeat

STOP_WORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it
its itself just me more most my myself no nor not now of off on once only or other our ours
ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours yourself yourselves
said says say according per cent percent per-cent while whose within without upon across
among around via since including include includes included new one two three four five six seven
eight nine ten first second third also however may might must shall us like well still yet
year years month months day days week weeks time times ago later earlier today yesterday tomorrow
january february march april may june july august september october november december jan feb
mar apr jun jul aug sep sept oct nov dec mr mrs ms dr its it's i'm we're they're s t
""".split())

# Words that change which quantity a number measures even when everything else matches:
# a total vs a part, a plan vs an outcome, a yearly rate vs a running total.
SCOPE_GROUPS: dict[str, frozenset[str]] = {
    "total": frozenset("total overall combined altogether entire whole aggregate cumulative cumulatively sum".split()),
    "part": frozenset("part portion share including includes of_which among remaining rest".split()),
    "rate": frozenset("annual annually yearly monthly weekly daily per each every average mean median "
                      "hourly a_year a_day a_month rate".split()),
    "plan": frozenset("planned plan plans budget budgeted budgets target targets targeted projected projection "
                      "forecast forecasts expect expected expects expecting estimate estimated estimates proposed proposal "
                      "allocated allocation earmarked pledged pledge committed commitment initial original "
                      "originally scheduled aim aims goal goals envisaged anticipated up_to would will could "
                      "want wants hope hopes hoping intend intends intended seek seeks ambition anticipate "
                      "anticipates aiming "
                      "capacity design designed maximum potential".split()),
    "actual": frozenset("actual actually final finally spent outturn achieved recorded reached completed "
                        "delivered measured realised realized paid disbursed sold attended counted".split()),
    "provisional": frozenset("provisional preliminary interim initial early first-round so_far as_of to_date "
                             "thus_far".split()),
    "change": frozenset("increase increased decrease decreased rise rose fall fell grew growth up down gain "
                        "loss drop dropped cut cuts more fewer additional extra further another overrun "
                        "change changed higher lower difference".split()),
    "net_gross": frozenset("net gross".split()),
    "max_min": frozenset("peak record highest lowest maximum minimum largest smallest biggest top".split()),
}

# ’ and the no-break hyphen are folded to ' and - before tokens are cut (both are word
# characters of _WORD_RE), so that "Orland’s" and "Orland's" are one token
_FOLD = str.maketrans({"’": "'", "‑": "-"})
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-‑]*[A-Za-z]|[A-Za-z]")
_CAPITAL_RE = re.compile(r"\b(?:[A-Z][a-z]+(?:[-‑][A-Z][a-z]+)*|[A-Z]{2,}[a-z]?)\b")


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A light English stemmer: "projects" -> "project", "trainees" -> "trainee"."""
    w = word.lower().replace("’", "'").replace("‑", "-").strip("'-")
    if len(w) <= 3:
        return w
    for suffix, replacement in (("ies", "y"), ("sses", "ss"), ("xes", "x"), ("ches", "ch"),
                                ("shes", "sh"), ("ing", ""), ("edly", ""), ("ed", ""), ("'s", ""),
                                ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            if suffix == "s" and w.endswith(("ss", "us", "is")):
                return w
            if suffix in ("ing", "ed") and len(w) - len(suffix) < 4:
                continue
            return w[: len(w) - len(suffix)] + replacement
    return w


def fold(text: str) -> str:
    """``text`` with curly apostrophes and non-breaking hyphens made plain (lengths kept)."""
    return text.translate(_FOLD)


def words(text: str) -> list[str]:
    """Lower-case word tokens (letters only; numbers and punctuation dropped)."""
    # ASCII text holds nothing to fold
    return _WORD_RE.findall((text if text.isascii() else text.translate(_FOLD)).lower())


def content_stems(text: str) -> list[str]:
    """Stems of the content words of ``text``, in order."""
    return [stem(w) for w in words(text) if w not in STOP_WORDS and len(w) > 1]


def proper_names(text: str) -> set[str]:
    """Capitalised words and acronyms (lower-cased), sentence-initial words included."""
    return {name for name in map(str.lower, _CAPITAL_RE.findall(text)) if name not in STOP_WORDS}


class CuedPattern:
    """A regular expression that cannot match ASCII text lacking all of its cue words.

    A case-insensitive alternation of phrases is tried at every position of the text;
    most texts hold none of its words, which a substring test on the lower-cased text
    tells far sooner.  Text beyond ASCII always goes to the pattern, whose case folding
    knows more equivalents than :meth:`str.lower`.

    Args:
        pattern: The regular expression.
        cues: Lower-case strings one of which every match of ``pattern`` in ASCII text
            contains.
    """

    __slots__ = ("pattern", "cues")

    def __init__(self, pattern: str, *, cues: Iterable[str]) -> None:
        self.pattern = re.compile(pattern)
        self.cues = tuple(cues)

    def _may_match(self, text: str) -> bool:
        if not text.isascii():
            return True
        lowered = text.lower()
        for cue in self.cues:
            if cue in lowered:
                return True
        return False

    def search(self, text: str) -> re.Match[str] | None:
        """``re.search`` of the pattern in ``text``."""
        return self.pattern.search(text) if self._may_match(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """``re.finditer`` of the pattern over ``text``."""
        return self.pattern.finditer(text) if self._may_match(text) else iter(())


# token -> the scope groups it belongs to
_GROUPS_OF: dict[str, tuple[str, ...]] = {}
for _name, _group in SCOPE_GROUPS.items():
    for _token in _group:
        _GROUPS_OF[_token] = (*_GROUPS_OF.get(_token, ()), _name)


def scope_groups(tokens: Iterable[str]) -> set[str]:
    """Which :data:`SCOPE_GROUPS` the (unstemmed, lower-case) tokens touch."""
    found: set[str] = set()
    for token in tokens:
        found.update(_GROUPS_OF.get(token, ()))
    return found


class Idf:
    """Inverse document frequency of stems over a set of texts (here: sentences)."""

    def __init__(self, texts: Iterable[Iterable[str]]) -> None:
        df: Counter[str] = Counter()
        n = 0
        for tokens in texts:
            n += 1
            df.update(set(tokens))
        self.n = max(n, 1)
        self.df = df
        self.default = math.log((self.n + 1) / 1) + 1
        # every weight computed once: pair features ask for millions of them
        self.table = {token: math.log((self.n + 1) / (count + 1)) + 1 for token, count in df.items()}

    def __call__(self, token: str) -> float:
        return self.table.get(token, self.default)

    def weight(self, tokens: Iterable[str]) -> float:
        """The summed weight of the distinct tokens.

        Sums here and below are :func:`math.fsum`'s, exact to the last bit in any order: a
        set's order changes from one process to the next (string hashing), and a plain sum
        in another order can differ in the last bit, enough to cross a tree's split.
        """
        distinct = tokens if isinstance(tokens, (set, frozenset)) else set(tokens)
        return math.fsum(map(self.table.get, distinct, repeat(self.default, len(distinct))))

    def overlap(self, a: Iterable[str], b: Iterable[str], *, weight_a: float | None = None,
                weight_b: float | None = None) -> float:
        """IDF-weighted Jaccard similarity of two token sets (0..1).

        Args:
            a: One side's tokens.
            b: The other side's tokens.
            weight_a: ``self.weight(a)`` when the caller already knows it (a claim meets
                many others: its sides' weights are summed once, not at every pair).
            weight_b: ``self.weight(b)``, likewise.
        """
        sa = a if isinstance(a, (set, frozenset)) else set(a)
        sb = b if isinstance(b, (set, frozenset)) else set(b)
        if not sa or not sb:
            return 0.0
        common = sa & sb
        if not common:
            return 0.0
        inter = self.weight(common)
        if weight_a is None:
            weight_a = self.weight(sa)
        if weight_b is None:
            weight_b = self.weight(sb)
        union = weight_a + weight_b - inter
        return inter / union if union else 0.0

    def containment(self, a: Iterable[str], b: Iterable[str]) -> float:
        """IDF-weighted share of the smaller set found in the larger (0..1)."""
        sa, sb = set(a), set(b)
        if not sa or not sb:
            return 0.0
        common = sa & sb
        if not common:
            return 0.0
        inter = self.weight(common)
        total = min(self.weight(sa), self.weight(sb))
        return inter / total if total else 0.0
