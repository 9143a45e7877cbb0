"""Reconciliation: group the claims that state the same fact and flag those that conflict.

>>> from claims import extract_claims
>>> from reconcile import reconcile
>>> text = "The bridge opened in 1987. The bridge, which opened in 1988, is 3 km long."
>>> result = reconcile(extract_claims(text, doc="a.txt"))
"""

from typing import TYPE_CHECKING

from .config import Config, load_config
from .errors import ConfigError, DecisionsError, ReconcileError
from .model import Decision, Discrepancy, DocumentInfo, Fact, Report, Review

if TYPE_CHECKING:
    from .engine import Reconciliation, reconcile
    from .frames import claims_frame, discrepancies_frame

# The grouping engine (rapidfuzz, numpy) and the tables (pandas) are imported on first use:
# `reconcile extract` and the worker processes need neither, and they cost most of a
# start-up's time.
_LAZY = {"Reconciliation": "engine", "reconcile": "engine",
         "claims_frame": "frames", "discrepancies_frame": "frames"}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'reconcile' has no attribute {name!r}")

__all__ = [
    "Config",
    "ConfigError",
    "Decision",
    "DecisionsError",
    "Discrepancy",
    "DocumentInfo",
    "Fact",
    "ReconcileError",
    "Reconciliation",
    "Report",
    "Review",
    "claims_frame",
    "discrepancies_frame",
    "load_config",
    "reconcile",
]
