"""The pair model: P(two claims with different values state the same fact).

A gradient-boosted tree ensemble trained on labelled pairs from the development corpora
(see :mod:`reconcile.training`) and shipped as ``data/pair_model.json``.  Evaluating it
needs only NumPy: each tree is stored as flat arrays (feature, threshold, left, right,
value), as scikit-learn keeps them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from importlib import resources

import numpy as np

from .errors import ReconcileError
from .features import FEATURES

MODEL_FILE = "pair_model.json"


class TreeEnsemble:
    """A binary gradient-boosting classifier stored as plain arrays.

    Args:
        data: The dict written by :func:`reconcile.training.export_model`.
    """

    def __init__(self, data: dict) -> None:
        if data.get("format") != "reconcile-gbt@1":
            raise ReconcileError("pair model: unknown format; reinstall claim-reconcile")
        if list(data["features"]) != list(FEATURES):
            raise ReconcileError("pair model: its features do not match this version; retrain it "
                                 "with `python -m reconcile.training`")
        self.features = tuple(data["features"])
        self.init = float(data["init"])
        self.learning_rate = float(data["learning_rate"])
        self.threshold = float(data.get("threshold", 0.5))
        self.trees = []
        for tree in data["trees"]:
            self.trees.append((
                np.asarray(tree["feature"], dtype=np.int64),
                np.asarray(tree["threshold"], dtype=np.float64),
                np.asarray(tree["left"], dtype=np.int64),
                np.asarray(tree["right"], dtype=np.int64),
                np.asarray(tree["value"], dtype=np.float64),
            ))
        self.meta = data.get("meta", {})

    def decision_function(self, rows: Sequence[Sequence[float]]) -> np.ndarray:
        """Raw scores (log-odds) of each row."""
        x = np.asarray(rows, dtype=np.float64)
        if x.ndim != 2 or x.shape[0] == 0:
            return np.zeros(len(rows))
        score = np.full(x.shape[0], self.init)
        index = np.arange(x.shape[0])
        for feature, threshold, left, right, value in self.trees:
            node = np.zeros(x.shape[0], dtype=np.int64)
            # walk all rows down the tree together; leaves have feature -2
            for _ in range(64):
                f = feature[node]
                leaf = f < 0
                if leaf.all():
                    break
                go_left = x[index, np.where(leaf, 0, f)] <= threshold[node]
                node = np.where(leaf, node, np.where(go_left, left[node], right[node]))
            score += self.learning_rate * value[node]
        return score

    def predict_proba(self, rows: Sequence[Sequence[float]]) -> np.ndarray:
        """P(same fact) of each row."""
        return 1.0 / (1.0 + np.exp(-self.decision_function(rows)))


_CACHED: TreeEnsemble | None = None


def load_default_model() -> TreeEnsemble:
    """The pair model shipped with the package."""
    global _CACHED
    if _CACHED is None:
        text = resources.files("reconcile").joinpath("data", MODEL_FILE).read_text(encoding="utf-8")
        _CACHED = TreeEnsemble(json.loads(text))
    return _CACHED
