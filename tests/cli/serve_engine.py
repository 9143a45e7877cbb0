"""A transparent engine for the ``serve`` tests, and a ``reconcile`` entry point that uses it.

``python -c "import serve_engine; serve_engine.main()" serve ...`` runs the real CLI in a
real process (uvicorn, signals, sockets) with this engine, so those tests do not depend on
how the matching engine is tuned.
"""

from __future__ import annotations

import hashlib
import sys
from collections import defaultdict

import reconcile.pipeline
from reconcile.engine import Reconciliation
from reconcile.model import Discrepancy


def flag_id(kind: str, values: list[str]) -> str:
    return hashlib.sha256(f"{kind}||{'|'.join(sorted(values))}".encode()).hexdigest()[:16]


def transparent_engine(claims, *, config=None, **_options) -> Reconciliation:
    """One conflict per kind whose claims read differently (confidence 0.9)."""
    by_kind = defaultdict(list)
    for claim in claims:
        by_kind[claim.kind].append(claim)
    flags = []
    for kind, group in by_kind.items():
        values = sorted({c.text for c in group})
        if len(values) < 2:
            continue
        flags.append(Discrepancy(
            id=flag_id(kind, values), fact=f"{kind}: harlow bridge", fact_key=kind, klass="conflict",
            claims=tuple(group), values=tuple(values),
            sides=tuple(tuple(c.id for c in group if c.text == v) for v in values),
            explanation="The sentences speak of the Harlow Bridge.", confidence=0.9))
    return Reconciliation(tuple(sorted(flags, key=lambda d: d.id)), ())


def main() -> None:
    """``reconcile`` with the transparent engine (arguments from ``sys.argv[1:]``)."""
    reconcile.pipeline.reconcile = transparent_engine
    from reconcile.cli import cli

    cli.main(args=sys.argv[1:], prog_name="reconcile")  # exits with the command's code
