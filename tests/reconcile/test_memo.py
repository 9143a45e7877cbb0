"""Remembered results: an unchanged part is not reconciled again, and a stale entry is never used."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import textwrap
import zlib
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


@pytest.mark.parametrize("payload", [
    b"not zlib",
    zlib.compress(b"not json"),
    zlib.compress(b'{"discrepancies": [[1, 2]], "facts": []}'),
    zlib.compress(b'{"facts": []}'),
    zlib.compress(b'{"discrepancies": [], "facts": [["k", "l", "agree", 5, [], "e", 1.0]]}'),
])
def test_an_unreadable_entry_is_recomputed(archive, payload):
    claims, keys = corpus(DOCS)
    store = DictStore()
    expected = reconcile(claims, store=store, doc_keys=keys, extractor="x")
    assert store.results
    for key in store.results:
        store.results[key] = payload
    assert reconcile(claims, store=store, doc_keys=keys, extractor="x") == expected


def test_a_result_round_trips_with_its_discrepancies_claims_whole(archive):
    claims, keys = corpus(DOCS)
    expected = reconcile(claims)
    assert expected.discrepancies and expected.facts
    decoded = memo.decode_result(memo.encode_result(expected.discrepancies, expected.facts))
    assert decoded == (list(expected.discrepancies), list(expected.facts))


def test_the_claims_cache_keeps_results_across_runs(tmp_path, archive):
    claims, keys = corpus(DOCS)
    warnings: list[str] = []
    with ClaimsCache(tmp_path / "cache.sqlite", warn=warnings.append) as cache:
        assert cache.get_result("k") is None
        expected = reconcile(claims, store=cache, doc_keys=keys, extractor="x")
    with ClaimsCache(tmp_path / "cache.sqlite", warn=warnings.append) as cache:
        calls = []
        original = engine._reconcile_parts
        engine._reconcile_parts = lambda *args: calls.append(args) or original(*args)
        try:
            assert reconcile(claims, store=cache, doc_keys=keys, extractor="x") == expected
        finally:
            engine._reconcile_parts = original
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
        forked, pools = [], []
        original = engine._reconcile_forked_parts
        engine._reconcile_forked_parts = lambda *args: forked.append(1) or original(*args)
        pool = engine.ProcessPoolExecutor
        engine.ProcessPoolExecutor = lambda *args, **options: pools.append(1) or pool(*args, **options)
        claims, keys = corpus(DOCS)
        store = DictStore()
        parallel = reconcile(claims, jobs=2, store=store, doc_keys=keys, extractor="x")
        import gc
        # the collector as it was: on, nothing left frozen (a cycle that dies later is collected)
        assert gc.isenabled() and gc.get_freeze_count() == 0, gc.get_freeze_count()
        # two pools: the documents' summaries, then the parts
        assert forked == [1] and len(pools) == 2 and len(store.results) == 2, (forked, pools, store.results)
        from claims.table import ClaimTable
        table = ClaimTable.from_claims(claims)
        summaries = engine.document_summaries(table, jobs=2)
        assert summaries == engine.document_summaries(table, jobs=1) and len(pools) == 3
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


def test_a_summary_worker_that_dies_leaves_its_documents_to_this_process(monkeypatch):
    from concurrent.futures.process import BrokenProcessPool

    from claims.table import ClaimTable

    class DyingPool:
        def __init__(self, *args, **options) -> None:
            pass

        def __enter__(self):
            return self

        def __exit__(self, *exc) -> None:
            pass

        def map(self, *args):
            raise BrokenProcessPool("a worker was killed")

    monkeypatch.setattr(engine, "PARALLEL_MIN_CLAIMS", 0)
    monkeypatch.setattr(engine, "_can_fork", lambda: True)
    monkeypatch.setattr(engine, "ProcessPoolExecutor", DyingPool)
    claims, _keys = corpus(DOCS)
    table = ClaimTable.from_claims(claims)
    summaries = engine.document_summaries(table, jobs=2)
    assert summaries == engine.document_summaries(table, jobs=1)
    assert sorted(summaries) == sorted(DOCS) and engine._FORKED_SUMMARIES is None


class ReadCounting(list):
    """One document's claims that record when they are read."""

    def __init__(self, doc: str, claims, reads: list[str]) -> None:
        super().__init__(claims)
        self.doc, self.reads = doc, reads

    def __iter__(self):
        self.reads.append(self.doc)
        return super().__iter__()


def lazy_table(docs: dict[str, str], reads: list[str]):
    from claims.table import ClaimTable

    return ClaimTable((doc, ReadCounting(doc, extract_claims(text, doc=doc), reads)) for doc, text in docs.items())


def test_a_remembered_archive_reads_only_the_claims_of_the_changed_part(archive):
    from reconcile.engine import document_summaries

    _, keys = corpus(DOCS)
    store = DictStore()
    reads: list[str] = []
    table = lazy_table(DOCS, reads)
    summaries = document_summaries(table, store=store, doc_keys=keys, extractor="x")
    expected = reconcile(table, store=store, doc_keys=keys, extractor="x", summaries=summaries)
    assert sorted(reads) == sorted(DOCS)  # the first time every document is read, once
    assert sum(key.startswith("summary:") for key in store.results) == len(DOCS)

    reads.clear()
    table = lazy_table(DOCS, reads)
    summaries_again = document_summaries(table, store=store, doc_keys=keys, extractor="x")
    assert summaries_again == summaries
    assert reconcile(table, store=store, doc_keys=keys, extractor="x", summaries=summaries_again) == expected
    assert reads == []  # remembered: no claim decoded

    changed = dict(DOCS, **{"v2.txt": DOCS["v2.txt"].replace("14,000", "41,000")})
    _, changed_keys = corpus(changed)
    reads.clear()
    table = lazy_table(changed, reads)
    result = reconcile(table, store=store, doc_keys=changed_keys, extractor="x",
                       summaries=document_summaries(table, store=store, doc_keys=changed_keys, extractor="x"))
    assert sorted(reads) == ["v1.txt", "v2.txt"]  # the Varne part only (v2 summarized, then reconciled)
    assert result == reconcile(corpus(changed)[0])


def test_a_damaged_summary_is_made_again(archive):
    from reconcile.engine import document_summaries
    from reconcile.features import summarize_document

    _, keys = corpus(DOCS)
    store = DictStore()
    table = lazy_table(DOCS, [])
    first = document_summaries(table, store=store, doc_keys=keys, extractor="x")
    assert first["k1.txt"] == summarize_document(extract_claims(DOCS["k1.txt"], doc="k1.txt"))
    for key in [key for key in store.results if key.startswith("summary:")]:
        store.results[key] = b'[1, 2, 3]'
    assert document_summaries(lazy_table(DOCS, []), store=store, doc_keys=keys, extractor="x") == first
    assert memo.decode_summary(b"junk") is None and memo.decode_summary(b"\xff") is None


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_paused_while_decoding_and_restored_after(enabled):
    import gc

    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        with memo.collector_paused():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
        with pytest.raises(RuntimeError), memo.collector_paused():
            raise RuntimeError("decoding failed")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_a_remembered_flags_claims_are_read_only_when_used(archive, monkeypatch):
    claims, keys = corpus(DOCS)
    expected = reconcile(claims)
    payload = memo.encode_result(expected.discrepancies, expected.facts)
    built: list[tuple] = []
    original = memo.claim_from_fields
    monkeypatch.setattr(memo, "claim_from_fields", lambda *row: built.append(row) or original(*row))
    discrepancies, _ = memo.decode_result(payload)
    assert [d.claim_ids for d in discrepancies] == [d.claim_ids for d in expected.discrepancies]
    assert [d.documents for d in discrepancies] == [d.documents for d in expected.discrepancies]
    assert built == []  # ids and documents need no claim
    assert tuple(discrepancies[0].claims) == tuple(expected.discrepancies[0].claims)
    assert discrepancies[0].claims[0] == expected.discrepancies[0].claims[0]
    assert len(built) == len({c.id for d in expected.discrepancies for c in d.claims})  # all of the part, once
    assert discrepancies == list(expected.discrepancies)
    assert hash(discrepancies[0]) == hash(expected.discrepancies[0])


def test_remembered_claims_that_cannot_be_read_fail_with_the_fix(archive):
    from reconcile.errors import ReconcileError

    claims, _ = corpus(DOCS)
    expected = reconcile(claims)
    data = json.loads(zlib.decompress(memo.encode_result(expected.discrepancies, expected.facts)))
    data["claims"] = "[[1, 2]]"
    discrepancies, _ = memo.decode_result(zlib.compress(json.dumps(data).encode()))
    assert discrepancies[0].claim_ids == expected.discrepancies[0].claim_ids
    with pytest.raises(ReconcileError, match=r"cannot be read .*delete the cache"):
        list(discrepancies[0].claims)
