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
        self._levels = _complete_trees(self.trees)

    def decision_function(self, rows: Sequence[Sequence[float]]) -> np.ndarray:
        """Raw scores (log-odds) of each row."""
        x = np.asarray(rows, dtype=np.float64)
        if x.ndim != 2 or x.shape[0] == 0:
            return np.zeros(len(rows))
        if self._levels is None:
            return self._walk_each_tree(x)
        return np.concatenate([self._scores(x[start:start + ROWS_AT_ONCE])
                               for start in range(0, x.shape[0], ROWS_AT_ONCE)])

    def _walk_each_tree(self, x: np.ndarray) -> np.ndarray:
        # tree by tree, all rows down each tree together: for ensembles _complete_trees
        # declines (no trees, a NaN threshold, trees too deep to make complete)
        score = np.full(x.shape[0], self.init)
        index = np.arange(x.shape[0])
        for feature, threshold, left, right, value in self.trees:
            node = np.zeros(x.shape[0], dtype=np.int64)
            for _ in range(len(feature)):  # no path is longer than the tree: a bad file cannot loop
                f = feature[node]
                leaf = f < 0
                if leaf.all():
                    break
                go_left = x[index, np.where(leaf, 0, f)] <= threshold[node]
                node = np.where(leaf, node, np.where(go_left, left[node], right[node]))
            score += self.learning_rate * value[node]
        return score

    def _scores(self, x: np.ndarray) -> np.ndarray:
        # Every tree walked at once, one level at a time, over trees made complete (see
        # _complete_trees); each distinct split is tested once for all rows first.  A few
        # array operations in all instead of a few per tree and level, which cost more than
        # the arithmetic on a block of a few hundred pairs.
        split_feature, split_threshold, node_split, leaf_value = self._levels
        trees, leaves = leaf_value.shape
        depth = (leaves - 1).bit_length()
        goes_right = ~(x[:, split_feature] <= split_threshold)  # (rows, splits)
        # (rows, trees, inner nodes): the way each row goes at each node of each tree
        right = goes_right[:, node_split.ravel()].reshape(x.shape[0], trees, -1)
        node = np.zeros((x.shape[0], trees, 1), dtype=np.int64)
        for _ in range(depth):
            node = 2 * node + 1 + np.take_along_axis(right, node, axis=2)
        reached = leaf_value[np.arange(trees), node[:, :, 0] - (leaves - 1)]
        # init, then tree by tree in order (an accumulation adds one term at a time): the
        # same sums, to the last bit, as walking each tree alone
        terms = np.empty((x.shape[0], trees + 1))
        terms[:, 0] = self.init
        terms[:, 1:] = self.learning_rate * reached
        return np.cumsum(terms, axis=1)[:, -1]

    def predict_proba(self, rows: Sequence[Sequence[float]]) -> np.ndarray:
        """P(same fact) of each row."""
        return 1.0 / (1.0 + np.exp(-self.decision_function(rows)))


#: Rows scored together (a block of rows times the trees is held as one array).
ROWS_AT_ONCE = 1024


#: Trees deeper than this are walked one by one (a complete tree holds 2 ** depth leaves).
MAX_COMPLETE_DEPTH = 8


def _complete_trees(trees: Sequence[tuple[np.ndarray, ...]]) -> tuple[np.ndarray, ...] | None:
    """The trees as complete binary trees of one depth, in heap order, for :meth:`TreeEnsemble._scores`.

    Returns ``(split_feature, split_threshold, node_split, leaf_value)``: the distinct splits
    (feature, threshold); per tree, the split of each inner node (node ``k``'s children are
    ``2k+1`` and ``2k+2``) and the value of each leaf.  A leaf above the full depth becomes a
    subtree whose every leaf holds its value (its inner nodes test feature 0 against +inf:
    either way leads to the same value).  None when there are no trees, a threshold is NaN
    (it cannot name a split) or a tree is deeper than :data:`MAX_COMPLETE_DEPTH`.
    """
    def depth_of(tree: tuple[np.ndarray, ...]) -> int:
        feature, _, left, right, _ = tree
        deepest, stack = 0, [(0, 0)]
        while stack:
            node, level = stack.pop()
            if feature[node] < 0:
                deepest = max(deepest, level)
            elif level < MAX_COMPLETE_DEPTH:
                stack += [(int(left[node]), level + 1), (int(right[node]), level + 1)]
            else:
                return level + 1  # deeper than a complete tree may be: no need to look further
        return deepest

    if not trees or any(np.isnan(tree[1][tree[0] >= 0]).any() for tree in trees):
        return None
    depth = max(depth_of(tree) for tree in trees)
    if depth > MAX_COMPLETE_DEPTH:
        return None
    inner, leaves = 2 ** depth - 1, 2 ** depth
    feature = np.zeros((len(trees), max(inner, 1)), dtype=np.int64)
    threshold = np.full((len(trees), max(inner, 1)), np.inf)
    leaf_value = np.zeros((len(trees), leaves))
    for t, (tree_feature, tree_threshold, left, right, value) in enumerate(trees):
        stack = [(0, 0, 0)]  # (node of the tree, position in the complete tree, level)
        while stack:
            node, position, level = stack.pop()
            if tree_feature[node] < 0:
                # every leaf below this position, at the full depth, holds this value
                first = (position + 1) * 2 ** (depth - level) - 1 - inner
                leaf_value[t, first:first + 2 ** (depth - level)] = value[node]
                continue
            feature[t, position] = tree_feature[node]
            threshold[t, position] = tree_threshold[node]
            stack.append((int(left[node]), 2 * position + 1, level + 1))
            stack.append((int(right[node]), 2 * position + 2, level + 1))
    splits = sorted(set(zip(feature.ravel().tolist(), threshold.ravel().tolist())))
    split_of = {split: k for k, split in enumerate(splits)}
    node_split = np.asarray([[split_of[split] for split in zip(f.tolist(), t.tolist())]
                             for f, t in zip(feature, threshold)], dtype=np.int64).reshape(feature.shape)
    return (np.asarray([f for f, _ in splits], dtype=np.int64), np.asarray([t for _, t in splits]),
            node_split, leaf_value)


_CACHED: TreeEnsemble | None = None


def load_default_model() -> TreeEnsemble:
    """The pair model shipped with the package."""
    global _CACHED
    if _CACHED is None:
        text = resources.files("reconcile").joinpath("data", MODEL_FILE).read_text(encoding="utf-8")
        _CACHED = TreeEnsemble(json.loads(text))
    return _CACHED
