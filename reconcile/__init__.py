"""Reconciliation: group the claims that state the same fact and flag those that conflict.

>>> from claims import extract_claims
>>> from reconcile import reconcile
>>> text = "The bridge opened in 1992. The bridge, which opened in 1993, is 3 km long."
>>> result = reconcile(extract_claims(text, doc="a.txt"))
"""

from .config import Config, load_config
from .engine import Reconciliation, reconcile
from .errors import ConfigError, DecisionsError, ReconcileError
from .frames import claims_frame, discrepancies_frame
from .model import Decision, Discrepancy, DocumentInfo, Fact, Report, Review

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
