#!/usr/bin/env python3
"""Check the 'lottery' corpus: docs/ + gold.json (the checks are in tests/corpus_kit.py).

    python3 check.py                    # checks + counts
    python3 check.py --report OUT.json  # also a report built from the gold answers, for score.py
"""
from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))  # tests/
from corpus_kit import check  # noqa: E402  (the checks shared by the corpora)

if __name__ == "__main__":
    sys.exit(check(here=os.path.dirname(os.path.abspath(__file__)), corpus="lottery", max_words=800))
