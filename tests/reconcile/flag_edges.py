"""Flags built from hand-chosen pair probabilities, for tests of how pairs become flags."""

from __future__ import annotations

import numpy as np

from claims import extract_claims
from reconcile.engine import build_flags
from reconcile.features import build_contexts
from reconcile.model import Discrepancy


def flags_for(docs: dict[str, str], edges: dict[tuple[str, str], float], *, threshold: float = 0.975
              ) -> tuple[Discrepancy, ...]:
    """The discrepancies when the pair model binds these pairs ("doc:claim text" -> probability)."""
    claims = []
    for doc, text in docs.items():
        claims.extend(extract_claims(text, doc=doc))
    claims.sort(key=lambda c: (c.doc, c.start))
    contexts, idf = build_contexts(claims)
    index = {f"{c.doc}:{c.text}": i for i, c in enumerate(claims)}
    pairs = [tuple(sorted((index[one], index[other]))) for one, other in edges]
    result = build_flags(claims, contexts, idf, pairs, np.asarray(list(edges.values())), threshold=threshold)
    return result.discrepancies


def flagged_texts(docs: dict[str, str], edges: dict[tuple[str, str], float]) -> list[list[str]]:
    """Each flag's claims as "doc:text", sorted."""
    return sorted(sorted(f"{c.doc}:{c.text}" for c in d.claims) for d in flags_for(docs, edges))
