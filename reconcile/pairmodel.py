"""The pair model: P(two claims with different values state the same fact).

A gradient-boosted tree ensemble trained on labelled pairs from the development corpora
(see :mod:`reconcile.training`) and shipped as ``data/pair_model.json``.  Evaluating it
needs only NumPy: each tree is stored as flat arrays (feature, threshold, left, right,
value), as scikit-learn keeps them.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
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
        self._tables: dict[tuple[int, ...], tuple[np.ndarray, ...] | None] = {}  # see _bound_tables

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

    def upper_bound(self, rows: Sequence[Sequence[float]], *, unknown: Collection[int]) -> np.ndarray:
        """The highest raw score (log-odds) each row can reach, whatever its ``unknown`` columns hold.

        Each tree adds the largest value among the leaves the row's known columns leave
        reachable (a split on an unknown column lets the row go either way).  A row whose
        bound is below a probability's log-odds never reaches that probability, so its
        unknown columns need not be computed (see :func:`reconcile.engine.reconcile`).

        Args:
            rows: Feature rows; the values in the ``unknown`` columns are never read.
            unknown: The column indices not yet known.

        Returns:
            One bound per row, at least :meth:`decision_function` of the row whatever the
            unknown columns hold (to within rounding: the terms are summed in another order).
        """
        x = np.asarray(rows, dtype=np.float64)
        if x.ndim != 2 or x.shape[0] == 0:
            return np.zeros(len(rows))
        unknown_columns = tuple(sorted(set(unknown)))
        tables = self._bound_tables(unknown_columns) if self._levels is not None else None
        if tables is None:
            return self._bound_each_tree(x, set(unknown_columns))
        return np.concatenate([self._bounds(x[start:start + BOUND_ROWS_AT_ONCE], tables)
                               for start in range(0, x.shape[0], BOUND_ROWS_AT_ONCE)])

    def has_bound_tables(self, unknown: Collection[int]) -> bool:
        """Are the tables of :meth:`upper_bound` for these unknown columns made already?"""
        return tuple(sorted(set(unknown))) in self._tables

    def _bounds(self, x: np.ndarray, tables: tuple[np.ndarray, ...]) -> np.ndarray:
        # each tree's bound depends only on the ways the row goes at its known splits: those
        # few bits index a table of the tree's bounds (see _bound_tables)
        known_feature, known_threshold, bit_splits, offsets, table = tables
        # (known splits + 1, rows), split-major so that each gather below reads whole rows;
        # the last split never goes right: the bits a tree does not use point to it
        goes_right = np.zeros((len(known_feature) + 1, x.shape[0]), dtype=np.uint16)
        goes_right[:-1] = ~(x[:, known_feature] <= known_threshold).T
        # integer arithmetic, no matrix product: BLAS threads would spin in every worker
        # process; 16 bits hold an index (MAX_TABLE_BITS) and move a quarter of 64
        index = goes_right[bit_splits[:, 0]]  # (trees, rows)
        for bit in range(1, bit_splits.shape[1]):
            index |= goes_right[bit_splits[:, bit]] << bit
        return self.init + self.learning_rate * table[index + offsets[:, None]].sum(axis=0)

    def _bound_tables(self, unknown: tuple[int, ...]) -> tuple[np.ndarray, ...] | None:
        """For :meth:`_bounds`: per tree, its bound for every way a row can go at its known splits.

        Returns the known splits (feature, threshold); a (trees, bits) matrix of the known
        split each bit of a tree's index reads (bit ``b`` is the tree's ``b``-th known node
        in heap order; bits a tree does not use read the index one past the known splits);
        each tree's offset in the table; the table.  None when a tree has more than
        :data:`MAX_TABLE_BITS` known splits.
        """
        if unknown in self._tables:
            return self._tables[unknown]
        split_feature, split_threshold, node_split, leaf_value = self._levels
        # a split on an unknown column goes either way; so does a filler node (+inf)
        free = np.isin(split_feature, np.asarray(unknown, dtype=np.int64)) | np.isinf(split_threshold)
        known_splits = np.flatnonzero(~free)
        most_bits = int((~free[node_split]).sum(axis=1).max())
        if most_bits > MAX_TABLE_BITS:
            self._tables[unknown] = None
            return None
        position = np.cumsum(~free) - 1  # split -> its index among the known splits
        bits = max(1, most_bits)
        bit_splits = np.full((node_split.shape[0], bits), len(known_splits), dtype=np.int64)
        offsets, tables = [], []
        size = 0
        for t in range(node_split.shape[0]):
            known_nodes = [n for n in range(node_split.shape[1]) if not free[node_split[t, n]]]
            for b, n in enumerate(known_nodes):
                bit_splits[t, b] = position[node_split[t, n]]
            ways = np.arange(2 ** len(known_nodes))
            # (ways, inner nodes): goes right at each known node; free nodes take the larger child
            right = np.zeros((len(ways), node_split.shape[1]), dtype=bool)
            for b, n in enumerate(known_nodes):
                right[:, n] = (ways >> b) & 1 == 1
            either = free[node_split[t]]
            best = np.broadcast_to(leaf_value[t], (len(ways), leaf_value.shape[1]))
            width = leaf_value.shape[1]
            while width > 1:
                width //= 2
                left_child, right_child = best[:, 0::2], best[:, 1::2]
                nodes = slice(width - 1, 2 * width - 1)
                best = np.where(either[nodes], np.maximum(left_child, right_child),
                                np.where(right[:, nodes], right_child, left_child))
            offsets.append(size)
            tables.append(best[:, 0])
            size += len(ways)
        found = (split_feature[known_splits], split_threshold[known_splits], bit_splits,
                 np.asarray(offsets, dtype=np.int64), np.concatenate(tables))
        self._tables[unknown] = found
        return found

    def _bound_each_tree(self, x: np.ndarray, unknown: set[int]) -> np.ndarray:
        score = np.full(x.shape[0], self.init)
        for feature, threshold, left, right, value in self.trees:
            best = np.full(x.shape[0], -np.inf)
            stack = [(0, np.ones(x.shape[0], dtype=bool), 0)]
            while stack:
                node, reached, level = stack.pop()
                f = int(feature[node])
                if f < 0 or level > len(feature):  # a leaf (or a bad file's loop: stop there)
                    best = np.where(reached, np.maximum(best, value[node]), best)
                elif f in unknown:
                    stack += [(int(left[node]), reached, level + 1), (int(right[node]), reached, level + 1)]
                else:
                    go_left = x[:, f] <= threshold[node]
                    stack += [(int(left[node]), reached & go_left, level + 1),
                              (int(right[node]), reached & ~go_left, level + 1)]
            score += self.learning_rate * best
        return score

    def predict_proba(self, rows: Sequence[Sequence[float]]) -> np.ndarray:
        """P(same fact) of each row."""
        return 1.0 / (1.0 + np.exp(-self.decision_function(rows)))


#: Rows scored together (a block of rows times the trees is held as one array).
ROWS_AT_ONCE = 1024


#: Rows bounded together (measured on this machine: 512 at once were fastest).
BOUND_ROWS_AT_ONCE = 512
#: A tree with more known splits than this is bounded by walking it (its table would hold
#: 2 ** bits bounds).
MAX_TABLE_BITS = 16


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
