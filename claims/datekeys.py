"""The key table that narrows the date grammar's dispatch, and the command that rebuilds it.

The date grammar is forty alternatives; :class:`~claims.regexscan.Alternation` tries, at a
place where a date may begin, only those that may begin with the character found there.
"the" alone leaves a dozen ("the 1990s", "the first quarter of 2024", "the end of March",
"the following day"...), and they are tried before "the" of every noun phrase.  Looking
one word further ("the o" of "the other") rules out all of them.  Working out which
alternatives may begin with a given prefix costs milliseconds, too much to do while
extracting; this table holds the answer for the keys that English text meets most often
(``claims/data/date_keys.json``), made once by::

    python -m claims.datekeys [FOLDER ...]

The table is only valid for the grammar it was made from: it records the grammar's
fingerprint, and a grammar that differs ignores it (the dispatch falls back to the first
character, which is slower and gives the same dates).  ``tests/claims/test_datekeys.py``
fails when the table is stale.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from . import dates
from .regexscan import Alternation

#: Keys seen fewer times than this in the sample texts are left out (the generic keys
#: below are always in).
MIN_COUNT = 2
# After a start word, the two characters a generic key is made of: a space and the first
# letter or digit of the next word.
_NEXT_CHARS = "abcdefghijklmnopqrstuvwxyz0'\"(-"


def sample_keys(alternation: Alternation, texts: Iterable[str], starts) -> Counter:
    """How often each dispatch key occurs at the places ``starts(text)`` gives."""
    counts: Counter = Counter()
    for text in texts:
        for position in starts(text):
            key = alternation.key_at(text, position)
            if key is not None:
                counts[key] += 1
    return counts


def build_table(alternation: Alternation, keys: Iterable[str]) -> dict:
    """The JSON-ready table for ``keys``: each key's branch subset, subsets stored once."""
    subsets: list[tuple[int, ...]] = []
    index_of: dict[tuple[int, ...], int] = {}
    table: dict[str, int] = {}
    for key in sorted(set(keys)):
        subset = alternation.branches_for_key(key)
        if subset not in index_of:
            index_of[subset] = len(subsets)
            subsets.append(subset)
        table[key] = index_of[subset]
    return {"fingerprint": alternation.fingerprint, "subsets": [list(s) for s in subsets], "keys": table}


def generic_keys(start_words: Iterable[str]) -> list[str]:
    """Keys for every ASCII start word followed by a space and a letter, digit or mark,
    and for runs of one to four digits followed by a space or a mark."""
    keys = [f"{word} {char}" for word in start_words if word.isascii() and word.isalpha() for char in _NEXT_CHARS]
    for length in range(1, 5):
        digits = "0" * length
        keys.extend(digits + " " + char for char in _NEXT_CHARS)
        keys.extend(digits + mark + " " for mark in ".,;:)%")
        keys.extend(digits + mark + "0" for mark in "-/.:,")
    keys.append("00000")
    return keys


def main(argv: list[str] | None = None) -> int:
    """Rebuild ``claims/data/date_keys.json`` from the documents of the folders given
    (default: ``seeds/`` and ``tests/corpora/``)."""
    argv = sys.argv[1:] if argv is None else argv
    root = Path(__file__).resolve().parents[1]
    folders = [Path(a) for a in argv] or [root / "seeds", root / "tests" / "corpora"]
    texts = (path.read_text(encoding="utf-8") for folder in folders for path in sorted(folder.rglob("*"))
             if path.is_file() and path.suffix in (".txt", ".md"))
    counts = sample_keys(dates._DATES, texts, dates.date_starts)
    keys = {key for key, count in counts.items() if count >= MIN_COUNT} | set(generic_keys(dates._START_WORDS))
    table = build_table(dates._DATES, keys)
    dates.KEY_TABLE_PATH.parent.mkdir(exist_ok=True)
    dates.KEY_TABLE_PATH.write_text(json.dumps(table, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{dates.KEY_TABLE_PATH}: {len(table['keys'])} keys, {len(table['subsets'])} branch subsets")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
