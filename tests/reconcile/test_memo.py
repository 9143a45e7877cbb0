"""Remembered results: an unchanged part is not reconciled again, and a stale entry is never used."""

from __future__ import annotations

import dataclasses
import hashlib
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from claims import extract_claims
from reconcile import engine, memo
from reconcile.cache import ClaimsCache
from reconcile.config import Config
from reconcile.engine import reconcile

DOCS = {
    "k1.txt": "The Kelmby Children's Hospital performed 2,565 surgical operations in 2023, its annual report says.\n"
              "The Kelmby Children's Hospital was founded in 1961 by Dr Ana Sorel.\n",
    "k2.txt": "The Kelmby Children's Hospital performed 5,265 surgical operations in 2023, its annual report says.\n"
              "The Kelmby Children's Hospital was founded in 1962 by Dr Ana Sorel.\n",
    "v1.txt": "The Varne Bridge carries 41,000 vehicles a day, the county's traffic survey found.\n"
              "The Varne Bridge was opened to traffic in 1987 by the county council.\n",
    "v2.txt": "The Varne Bridge carries 14,000 vehicles a day, the county's traffic survey found.\n"
              "The Varne Bridge was opened to traffic in 1987 by the county council.\n",
}


class DictStore:
    """A store in memory that counts its hits."""

    def __init__(self) -> None:
        self.results: dict[str, bytes] = {}
        self.hits = 0

    def get_result(self, key: str) -> bytes | None:
        payload = self.results.get(key)
        self.hits += payload is not None
        return payload

    def put_result(self, key: str, payload: bytes) -> None:
        self.results[key] = payload


def corpus(docs: dict[str, str]):
    claims = [claim for doc, text in docs.items() for claim in extract_claims(text, doc=doc)]
    keys = {doc: hashlib.sha256(text.encode()).hexdigest() for doc, text in docs.items()}
    return claims, keys


@pytest.fixture
def archive(monkeypatch):
    """Cut the four documents into two parts, as an archive of many subjects would be."""
    monkeypatch.setattr(engine, "PARTITION_MIN_DOCUMENTS", 2)
    monkeypatch.setattr(engine, "ALL_PAIRS_BLOCK", 1)


def test_a_remembered_result_equals_a_fresh_one(archive):
    claims, keys = corpus(DOCS)
    fresh = reconcile(claims)
    assert fresh.discrepancies, "the corpus holds conflicts"
    store = DictStore()
    first = reconcile(claims, store=store, doc_keys=keys, extractor="x")
    assert len(store.results) == 2 and store.hits == 0  # one entry per part
    second = reconcile(claims, store=store, doc_keys=keys, extractor="x")
    assert store.hits == 2
    assert first == fresh and second == fresh


def test_after_one_document_changes_only_its_part_is_reconciled_again(archive):
    claims, keys = corpus(DOCS)
    store = DictStore()
    reconcile(claims, store=store, doc_keys=keys, extractor="x")
    changed = dict(DOCS, **{"v2.txt": DOCS["v2.txt"].replace("14,000", "41,000")})  # the conflict mended
    claims, keys = corpus(changed)
    store.hits = 0
    result = reconcile(claims, store=store, doc_keys=keys, extractor="x")
    assert store.hits == 1  # the Kelmby part; the Varne part is new
    assert result == reconcile(claims)
    assert not any("v2.txt" in d.documents for d in result.discrepancies)


@pytest.mark.parametrize("change", [
    {"extractor": "y"},
    {"config": Config(min_confidence=0.9)},
    {"config": Config(aliases={"Kelmby Children's Hospital": ("KCH",)})},
])
def test_another_extractor_or_configuration_is_another_key(archive, change):
    claims, keys = corpus(DOCS)
    store = DictStore()
    reconcile(claims, store=store, doc_keys=keys, extractor="x")
    reconcile(claims, store=store, doc_keys=keys, **{"extractor": "x", **change})
    assert store.hits == 0


def test_a_custom_scorer_is_never_remembered(archive):
    claims, keys = corpus(DOCS)
    store = DictStore()
    reconcile(claims, store=store, doc_keys=keys, threshold=0.5)
    assert store.results == {}


def test_the_code_key_covers_the_engine_and_the_model():
    assert {"engine.py", "features.py", "values.py", "memo.py"} <= set(memo._CODE_FILES)
    assert len(memo.code_key()) == 64


def test_an_entry_naming_a_claim_that_is_not_there_is_recomputed(archive):
    claims, keys = corpus(DOCS)
    store = DictStore()
    expected = reconcile(claims, store=store, doc_keys=keys, extractor="x")
    for key in store.results:
        store.results[key] = memo.encode_result(
            [dataclasses.replace(d, claims=d.claims[:1] + (dataclasses.replace(d.claims[0], start=9999),))
             for d in expected.discrepancies], [])
    assert reconcile(claims, store=store, doc_keys=keys, extractor="x") == expected
    for key in store.results:
        store.results[key] = b"not zlib"
    assert reconcile(claims, store=store, doc_keys=keys, extractor="x") == expected


def test_the_claims_cache_keeps_results_across_runs(tmp_path, archive):
    claims, keys = corpus(DOCS)
    warnings: list[str] = []
    with ClaimsCache(tmp_path / "cache.sqlite", warn=warnings.append) as cache:
        assert cache.get_result("k") is None
        expected = reconcile(claims, store=cache, doc_keys=keys, extractor="x")
    with ClaimsCache(tmp_path / "cache.sqlite", warn=warnings.append) as cache:
        calls = []
        original = engine._reconcile_sorted
        engine._reconcile_sorted = lambda *args: calls.append(args) or original(*args)
        try:
            assert reconcile(claims, store=cache, doc_keys=keys, extractor="x") == expected
        finally:
            engine._reconcile_sorted = original
        assert calls == []
    assert warnings == []


def test_parts_reconciled_by_worker_processes_give_the_same_result():
    # In a fresh interpreter: workers are forked only where no other thread is alive, and a
    # test session (servers, pools of other tests) may hold some.
    script = textwrap.dedent("""
        import sys
        sys.path.insert(0, %r)
        from test_memo import DOCS, DictStore, corpus
        from reconcile import engine
        from reconcile.engine import reconcile
        engine.PARTITION_MIN_DOCUMENTS, engine.ALL_PAIRS_BLOCK, engine.PARALLEL_MIN_CLAIMS = 2, 1, 0
        forked = []
        original = engine._reconcile_forked_parts
        engine._reconcile_forked_parts = lambda *args: forked.append(1) or original(*args)
        claims, keys = corpus(DOCS)
        store = DictStore()
        parallel = reconcile(claims, jobs=2, store=store, doc_keys=keys, extractor="x")
        assert forked == [1] and len(store.results) == 2, (forked, store.results)
        assert parallel == reconcile(claims, jobs=1) and parallel.discrepancies
        assert reconcile(claims, jobs=2, store=store, doc_keys=keys, extractor="x") == parallel
        assert forked == [1]  # nothing left to reconcile: no workers
        print("same")
    """) % str(Path(__file__).resolve().parent)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert (result.returncode, result.stdout, result.stderr[-2000:]) == (0, "same\n", "")


def test_aliases_in_another_order_are_another_key():
    # aliases of one length are applied in the configuration's order: the order is part of the key
    first = Config(aliases={"Riverside Trust": ("Kent Harlow",), "Quentin Society": ("Harlow Club",)})
    second = Config(aliases={"Quentin Society": ("Harlow Club",), "Riverside Trust": ("Kent Harlow",)})
    keys = {"a.txt": "0" * 64}
    assert (memo.part_key(["a.txt"], keys, config=first, extractor="x")
            != memo.part_key(["a.txt"], keys, config=second, extractor="x"))


def test_a_worker_that_dies_leaves_its_parts_to_this_process(archive, monkeypatch):
    from concurrent.futures.process import BrokenProcessPool

    def die(*args):
        raise BrokenProcessPool("a worker was killed")

    monkeypatch.setattr(engine, "PARALLEL_MIN_CLAIMS", 0)
    monkeypatch.setattr(engine, "_can_fork", lambda: True)
    monkeypatch.setattr(engine, "_reconcile_forked_parts", die)
    claims, _keys = corpus(DOCS)
    assert reconcile(claims, jobs=2) == reconcile(claims, jobs=1)
