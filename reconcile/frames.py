"""pandas views of claims and discrepancies, for people who work in notebooks."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from claims import Claim

from .model import Discrepancy

CLAIM_COLUMNS = ["id", "doc", "start", "end", "text", "kind", "value", "low", "high", "unit",
                 "qualifier", "precision", "noun", "sentence"]


def claims_frame(claims: Iterable[Claim]) -> pd.DataFrame:
    """One row per claim, with the report's claim columns."""
    rows = [{column: (c.id if column == "id" else getattr(c, column)) for column in CLAIM_COLUMNS}
            for c in claims]
    return pd.DataFrame(rows, columns=CLAIM_COLUMNS)


DISCREPANCY_COLUMNS = ["discrepancy", "fact", "class", "confidence", "side", "value", "claim", "doc",
                       "start", "end", "text", "sentence", "explanation"]


def discrepancies_frame(discrepancies: Iterable[Discrepancy]) -> pd.DataFrame:
    """One row per claim of each discrepancy, with its side and value."""
    rows = []
    for d in discrepancies:
        by_id = {c.id: c for c in d.claims}
        for side_index, (value, side) in enumerate(zip(d.values, d.sides)):
            for claim_id in side:
                c = by_id[claim_id]
                rows.append({"discrepancy": d.id, "fact": d.fact, "class": d.klass,
                             "confidence": d.confidence, "side": side_index, "value": value,
                             "claim": c.id, "doc": c.doc, "start": c.start, "end": c.end,
                             "text": c.text, "sentence": c.sentence, "explanation": d.explanation})
    return pd.DataFrame(rows, columns=DISCREPANCY_COLUMNS)
