"""The pair model's tree ensemble: all trees walked at once give each tree's own walk, bit for bit."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.features import FEATURES
from reconcile.pairmodel import BOUND_ROWS_AT_ONCE, ROWS_AT_ONCE, TreeEnsemble, load_default_model


def walk_each_tree(model: TreeEnsemble, x: np.ndarray) -> np.ndarray:
    """The plain evaluation: every row down every tree, node by node, summed tree by tree."""
    score = np.full(x.shape[0], model.init)
    for feature, threshold, left, right, value in model.trees:
        for r in range(x.shape[0]):
            node = 0
            while feature[node] >= 0:
                node = left[node] if x[r, feature[node]] <= threshold[node] else right[node]
            score[r] += model.learning_rate * value[node]
    return score


def ensemble(trees: list[dict], init: float = 0.25) -> TreeEnsemble:
    return TreeEnsemble({"format": "reconcile-gbt@1", "features": list(FEATURES), "init": init,
                         "learning_rate": 1.0, "trees": trees})


LEAF = {"feature": [-2], "threshold": [0.0], "left": [0], "right": [0], "value": [0.5]}
# depth 3 on the left, a leaf at depth 1 on the right: the tree is made complete
LOPSIDED = {"feature": [0, 1, -2, 2, -2, -2, -2], "threshold": [0.5, 1.0, 0.0, -1.0, 0.0, 0.0, 0.0],
            "left": [1, 3, 0, 5, 0, 0, 0], "right": [2, 4, 0, 6, 0, 0, 0],
            "value": [0.0, 0.0, -0.75, 0.0, 1.5, 2.0, -3.0]}


@pytest.mark.parametrize(("trees", "row", "expected"), [
    ([LEAF], [0.0] * 3, 0.25 + 0.5),                   # a tree that is one leaf
    ([LOPSIDED], [0.0, 0.0, -2.0], 0.25 + 2.0),        # left, left, left
    ([LOPSIDED], [0.0, 0.0, 0.0], 0.25 - 3.0),         # left, left, right
    ([LOPSIDED], [0.0, 2.0, 0.0], 0.25 + 1.5),         # left, right
    ([LOPSIDED], [0.5, 9.0, 9.0], 0.25 + 1.5),         # a value equal to the threshold goes left
    ([LOPSIDED], [0.7, 0.0, 0.0], 0.25 - 0.75),        # right: a leaf above the full depth
    ([LOPSIDED, LEAF], [0.7, 0.0, 0.0], 0.25 - 0.75 + 0.5),
])
def test_hand_made_trees(trees, row, expected):
    x = np.zeros((1, len(FEATURES)))
    x[0, :3] = row
    assert ensemble(trees).decision_function(x)[0] == pytest.approx(expected)


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1, max_value=40), st.integers(min_value=0, max_value=2**32 - 1))
def test_the_shipped_model_scores_as_each_tree_walked_alone(rows, seed):
    model = load_default_model()
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(rows, len(FEATURES))) * rng.choice([0.1, 1.0, 10.0], size=len(FEATURES))
    x[rng.random(x.shape) < 0.3] = 0.0
    x[rng.random(x.shape) < 0.1] = -1.0
    assert np.array_equal(model.decision_function(x), walk_each_tree(model, x))


def test_rows_are_scored_in_chunks_as_one_block():
    model = load_default_model()
    x = np.random.default_rng(3).normal(size=(ROWS_AT_ONCE + 7, len(FEATURES)))
    whole = model.decision_function(x)
    assert np.array_equal(whole[-7:], model.decision_function(x[-7:]))
    assert np.array_equal(whole[:5], walk_each_tree(model, x[:5]))


def test_no_rows_no_scores():
    assert load_default_model().decision_function(np.zeros((0, len(FEATURES)))).shape == (0,)


def chain(depth: int) -> dict:
    """A tree that tests feature 0 against 0, 1, 2, ... going right each time: ``depth`` deep."""
    feature, threshold, left, right, value = [], [], [], [], []
    for level in range(depth):
        node = len(feature)
        feature += [0, -2]
        threshold += [float(level), 0.0]
        left += [node + 1, 0]
        right += [node + 2, 0]
        value += [0.0, float(level)]
    feature.append(-2)
    threshold.append(0.0)
    left.append(0)
    right.append(0)
    value.append(float(depth))
    return {"feature": feature, "threshold": threshold, "left": left, "right": right, "value": value}


NAN_SPLIT = {**LOPSIDED, "threshold": [float("nan"), 1.0, 0.0, -1.0, 0.0, 0.0, 0.0]}


@pytest.mark.parametrize(("trees", "why"), [
    ([], "no trees: the initial score alone"),
    ([chain(12), LEAF], "deeper than a complete tree may be: walked tree by tree"),
    ([chain(8), LOPSIDED], "as deep as a complete tree may be"),
    ([NAN_SPLIT, LEAF], "a NaN threshold sends every row right"),
])
def test_ensembles_the_all_at_once_walk_declines_score_as_a_plain_walk(trees, why):
    model = ensemble(trees)
    x = np.zeros((15, len(FEATURES)))
    x[:, 0] = np.arange(-1.5, 13.5)
    x[3, 1] = np.nan
    x[4, 0] = np.nan
    assert np.array_equal(model.decision_function(x), walk_each_tree(model, x)), why


def test_a_nan_feature_goes_right_as_in_a_plain_walk():
    model = load_default_model()
    x = np.random.default_rng(5).normal(size=(30, len(FEATURES)))
    x[np.random.default_rng(6).random(x.shape) < 0.2] = np.nan
    assert np.array_equal(model.decision_function(x), walk_each_tree(model, x))


def best_over_unknown(model: TreeEnsemble, row: np.ndarray, unknown: set[int]) -> float:
    """The plain bound: in each tree, the best leaf a row can reach when unknown splits go either way."""
    score = model.init
    for feature, threshold, left, right, value in model.trees:
        best, stack = -np.inf, [0]
        while stack:
            node = stack.pop()
            if feature[node] < 0:
                best = max(best, value[node])
            elif feature[node] in unknown:
                stack += [left[node], right[node]]
            else:
                stack.append(left[node] if row[feature[node]] <= threshold[node] else right[node])
        score += model.learning_rate * best
    return score


def random_rows(seed: int, rows: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(rows, len(FEATURES))) * rng.choice([0.1, 1.0, 10.0], size=len(FEATURES))
    x[rng.random(x.shape) < 0.3] = 0.0
    x[rng.random(x.shape) < 0.1] = 1.0
    return x


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=1, max_value=30), st.integers(min_value=0, max_value=2**32 - 1),
       st.sets(st.integers(min_value=0, max_value=len(FEATURES) - 1), max_size=len(FEATURES)))
def test_the_bound_is_each_trees_best_reachable_leaf_and_no_score_exceeds_it(rows, seed, unknown):
    model = load_default_model()
    x = random_rows(seed, rows)
    bound = model.upper_bound(x, unknown=unknown)
    assert bound == pytest.approx([best_over_unknown(model, row, unknown) for row in x], abs=1e-12)
    # whatever the unknown columns hold, the score stays at or under the bound
    filled = x.copy()
    columns = sorted(unknown)
    filled[:, columns] = random_rows(seed + 1, rows)[:, columns]
    assert (model.decision_function(filled) <= bound + 1e-9).all()


def test_the_bound_with_nothing_unknown_is_the_score_and_with_everything_unknown_the_best_leaves():
    model = load_default_model()
    x = random_rows(11, 50)
    assert model.upper_bound(x, unknown=()) == pytest.approx(model.decision_function(x), abs=1e-12)
    everything = model.upper_bound(x, unknown=range(len(FEATURES)))
    best = model.init + model.learning_rate * sum(value[feature < 0].max() for feature, *_, value in model.trees)
    assert everything == pytest.approx(np.full(50, best), abs=1e-12)


def complete(depth: int) -> dict:
    """A complete tree of ``depth`` levels (31 splits at depth 5) on features 0 and 2, leaves 0, 1, 2, ..."""
    feature, threshold, left, right, value = [], [], [], [], []

    def grow(level: int, low: float, high: float) -> int:
        node = len(feature)
        feature.append(-2)
        threshold.append(0.0)
        left.append(0)
        right.append(0)
        value.append(float(node))
        if level < depth:
            middle = (low + high) / 2
            feature[node], threshold[node] = level % 2 * 2, middle
            left[node] = grow(level + 1, low, middle)
            right[node] = grow(level + 1, middle, high)
        return node

    grow(0, -2.0, 14.0)
    return {"feature": feature, "threshold": threshold, "left": left, "right": right, "value": value}


@pytest.mark.parametrize(("trees", "why"), [
    ([], "no trees: the initial score alone"),
    ([LEAF], "a tree that is one leaf"),
    ([chain(12), LEAF], "deeper than a complete tree may be: walked tree by tree"),
    ([chain(8), LOPSIDED], "as deep as a complete tree may be"),
    ([complete(5), LEAF], "more known splits than a table may hold: walked tree by tree"),
    ([LOPSIDED, LEAF], "a leaf above the full depth"),
])
def test_hand_made_ensembles_bound_as_a_plain_walk(trees, why):
    model = ensemble(trees)
    x = np.zeros((15, len(FEATURES)))
    x[:, 0] = np.arange(-1.5, 13.5)
    x[:, 2] = np.linspace(-2, 2, 15)
    for unknown in (set(), {1}, {0, 2}):
        expected = [best_over_unknown(model, row, unknown) for row in x]
        assert model.upper_bound(x, unknown=unknown) == pytest.approx(expected, abs=1e-12), why
    if any(len(tree["feature"]) > 40 for tree in trees):
        assert model._bound_tables(()) is None  # too many bits for a table


def test_a_bound_across_chunks_is_the_bound_of_each_row():
    model = load_default_model()
    x = random_rows(4, BOUND_ROWS_AT_ONCE + 9)
    whole = model.upper_bound(x, unknown={0, 8, 59})
    assert np.array_equal(whole[-9:], model.upper_bound(x[-9:], unknown={0, 8, 59}))
    assert model.upper_bound(np.zeros((0, len(FEATURES))), unknown={0}).shape == (0,)
