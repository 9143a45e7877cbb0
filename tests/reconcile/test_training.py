"""Training the pair model: labelled pairs from gold answers, bagging, and the exported file."""

from __future__ import annotations

import json

import numpy as np
import pytest

from reconcile import training
from reconcile.features import FEATURES
from reconcile.pairmodel import TreeEnsemble

sklearn = pytest.importorskip("sklearn")

DOCS = {
    "a.txt": "The Harlow Bridge opened to traffic in 1992. It cost $38 million and has 4 lanes.\n",
    "b.txt": "The Harlow Bridge opened to traffic in 1993. It cost $38 million and has 6 lanes.\n",
}


def span(doc: str, surface: str) -> dict:
    start = DOCS[doc].index(surface)
    return {"doc": doc, "start": start, "end": start + len(surface), "text": surface}


@pytest.fixture()
def corpus(tmp_path):
    for name, text in DOCS.items():
        (tmp_path / "docs").mkdir(exist_ok=True)
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    gold = {"corpus": "tiny", "discrepancies": [
        {"id": "d1", "sides": [[span("a.txt", "1992")], [span("b.txt", "1993")]]}],
        "optional": [{"id": "o1", "sides": [[span("a.txt", "4")], [span("b.txt", "6")]]}]}
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return tmp_path


def test_pairs_are_labelled_from_the_gold_answers(corpus):
    data = training.load_corpus(corpus)
    labels = {tuple(sorted((data.contexts[i].claim.text, data.contexts[j].claim.text))): int(label)
              for (i, j), label in zip(data.pairs, data.labels)}
    assert labels[("1992", "1993")] == 1
    assert labels[("4", "6")] == -1  # an optional case: neither right nor wrong
    assert data.rows.shape == (len(data.pairs), len(FEATURES))


def synthetic(n: int = 600, seed: int = 3) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    rows = rng.random((n, len(FEATURES)))
    labels = (rows[:, FEATURES.index("sent_overlap")] + 0.2 * rng.random(n) > 0.9).astype(int)
    return rows, labels


@pytest.mark.parametrize("bags", [1, 3])
def test_the_exported_ensemble_scores_as_the_fitted_models(bags):
    rows, labels = synthetic()
    models = training.fit_bagged(rows, labels, bags=bags)
    assert len(models) == bags
    exported = json.loads(json.dumps(training.export_model(models, threshold=0.9)))
    ensemble = TreeEnsemble(exported)
    assert ensemble.threshold == 0.9
    np.testing.assert_allclose(ensemble.predict_proba(rows), training.predict_bagged(models, rows), atol=1e-6)


def test_bagged_models_differ_and_their_average_ranks_the_signal():
    rows, labels = synthetic()
    models = training.fit_bagged(rows, labels, bags=3)
    first, second = (m.decision_function(rows[:50]) for m in models[:2])
    assert not np.allclose(first, second)  # each saw another bootstrap sample
    p = training.predict_bagged(models, rows)
    assert p[labels == 1].mean() > 0.5 > p[labels == 0].mean()


def test_the_shipped_model_matches_the_features():
    from reconcile.pairmodel import load_default_model

    model = load_default_model()
    assert model.features == FEATURES
    assert 0.5 <= model.threshold < 1.0
