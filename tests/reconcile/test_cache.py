"""The claims cache: hits and misses, never trusting a bad file, and two writers at once."""

from __future__ import annotations

import multiprocessing
import sqlite3

import pytest

from claims import extract_claims
from reconcile.cache import ClaimsCache, decode_claims, encode_claims, extractor_key

TEXT = ("The Harlow Bridge opened to traffic in February 1992. It cost over $38 million, "
        "carries about 13,220 vehicles a day and is 2.4 km long; 30 % of them are lorries.")
SHA = "a" * 64


@pytest.fixture
def warnings() -> list[str]:
    return []


def open_cache(path, warnings: list[str], **kwargs) -> ClaimsCache:
    return ClaimsCache(path, warn=warnings.append, **kwargs)


def test_claims_round_trip_exactly_and_take_the_new_document_id():
    claims = extract_claims(TEXT, doc="old/name.txt")
    assert {c.kind for c in claims} >= {"date", "money", "count", "quantity", "percent"}
    restored = decode_claims(encode_claims(claims), doc="new/name.txt")
    assert [c.doc for c in restored] == ["new/name.txt"] * len(claims)
    assert restored == extract_claims(TEXT, doc="new/name.txt")


def test_a_stored_document_is_a_hit_and_an_unknown_one_a_miss(tmp_path, warnings):
    path = tmp_path / "sub" / "cache.sqlite"
    with open_cache(path, warnings) as cache:
        assert cache.get(SHA, doc="a.txt") is None
        cache.put(SHA, extract_claims(TEXT, doc="a.txt"))
    with open_cache(path, warnings) as cache:
        assert cache.get(SHA, doc="b.txt") == extract_claims(TEXT, doc="b.txt")
        assert cache.get("b" * 64, doc="b.txt") is None
        assert (cache.hits, cache.misses) == (1, 1)
    assert warnings == []


def test_an_empty_claim_list_is_cached_too(tmp_path, warnings):
    with open_cache(tmp_path / "c.sqlite", warnings) as cache:
        cache.put(SHA, [])
        cache.flush()
        assert cache.get(SHA, doc="a.txt") == []


def test_another_extractor_version_or_model_misses(tmp_path, warnings):
    path = tmp_path / "c.sqlite"
    with open_cache(path, warnings) as cache:
        cache.put(SHA, extract_claims(TEXT, doc="a.txt"))
    assert extractor_key(model="en_core_web_sm") != extractor_key()
    with open_cache(path, warnings, key=extractor_key(model="en_core_web_sm")) as cache:
        assert cache.get(SHA, doc="a.txt") is None
    with open_cache(path, warnings) as cache:
        assert cache.get(SHA, doc="a.txt") is not None


def test_a_corrupt_file_is_ignored_and_rebuilt_with_one_warning(tmp_path, warnings):
    path = tmp_path / "cache.sqlite"
    path.write_bytes(b"this is not a database, just bytes" * 200)
    with open_cache(path, warnings) as cache:
        assert cache.enabled
        assert cache.get(SHA, doc="a.txt") is None
        cache.put(SHA, extract_claims(TEXT, doc="a.txt"))
    assert warnings == [f"{path}: is not a valid claims cache (file is not a database); "
                        "ignoring it and building a new claims cache"]
    with open_cache(path, warnings) as cache:
        assert cache.get(SHA, doc="a.txt") == extract_claims(TEXT, doc="a.txt")
    assert len(warnings) == 1


def test_another_applications_database_is_never_trusted(tmp_path, warnings):
    path = tmp_path / "cache.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE entries (content TEXT, extractor TEXT, claims BLOB)")
        conn.execute("INSERT INTO entries VALUES (?, ?, ?)", (SHA, extractor_key(), b"forged"))
    with open_cache(path, warnings) as cache:
        assert cache.get(SHA, doc="a.txt") is None
    assert warnings == [f"{path}: is not a claims cache (another application's SQLite file); "
                        "ignoring it and building a new claims cache"]


def test_a_cache_of_another_schema_version_is_rebuilt(tmp_path, warnings):
    path = tmp_path / "cache.sqlite"
    with open_cache(path, warnings) as cache:
        cache.put(SHA, extract_claims(TEXT, doc="a.txt"))
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version=99")
    with open_cache(path, warnings) as cache:
        assert cache.get(SHA, doc="a.txt") is None
    assert warnings == [f"{path}: is a claims cache of another version (99, expected 3); "
                        "ignoring it and building a new claims cache"]


def test_a_damaged_entry_is_a_miss_and_is_overwritten(tmp_path, warnings):
    path = tmp_path / "cache.sqlite"
    with open_cache(path, warnings) as cache:
        cache.put(SHA, extract_claims(TEXT, doc="a.txt"))
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE entries SET claims = ?", (b"\x00garbage",))
    with open_cache(path, warnings) as cache:
        assert cache.get(SHA, doc="a.txt") is None
        cache.put(SHA, extract_claims(TEXT, doc="a.txt"))
    with open_cache(path, warnings) as cache:
        assert cache.get(SHA, doc="a.txt") == extract_claims(TEXT, doc="a.txt")
    assert warnings == []


def test_a_cache_that_cannot_be_created_is_skipped_with_a_warning(tmp_path, warnings):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    with open_cache(blocker / "cache.sqlite", warnings) as cache:
        assert not cache.enabled
        cache.put(SHA, [])
        assert cache.get(SHA, doc="a.txt") is None
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{blocker / 'cache.sqlite'}: cannot create the claims cache (")
    assert warnings[0].endswith("); running without it")


def test_the_file_is_in_wal_mode(tmp_path, warnings):
    path = tmp_path / "cache.sqlite"
    with open_cache(path, warnings):
        pass
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def _writer(path: str, prefix: str, count: int, claims_text: str) -> None:
    problems: list[str] = []
    claims = extract_claims(claims_text, doc="w.txt")
    with ClaimsCache(path, warn=problems.append, batch=5) as cache:
        for i in range(count):
            cache.put(f"{prefix}{i:063d}", claims)
    if problems:
        raise SystemExit(f"writer {prefix} warned: {problems}")


def test_two_processes_writing_at_once_do_not_corrupt_it(tmp_path, warnings):
    path = str(tmp_path / "shared.sqlite")
    context = multiprocessing.get_context("spawn")
    writers = [context.Process(target=_writer, args=(path, prefix, 150, TEXT)) for prefix in "12"]
    for process in writers:
        process.start()
    for process in writers:
        process.join(120)
    assert [p.exitcode for p in writers] == [0, 0]
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    expected = extract_claims(TEXT, doc="r.txt")
    with open_cache(path, warnings) as cache:
        found = [cache.get(f"{prefix}{i:063d}", doc="r.txt") for prefix in "12" for i in range(150)]
    assert all(claims == expected for claims in found)
    assert warnings == []


# ---------------------------------------------------------------- lazy entries and texts


def test_a_lazy_entry_knows_its_length_and_decodes_only_when_read(tmp_path, warnings, monkeypatch):
    from reconcile import cache as cache_module

    claims = extract_claims(TEXT, doc="a.txt")
    with open_cache(tmp_path / "cache.sqlite", warnings) as cache:
        cache.put(SHA, claims)
    decoded: list[str] = []
    original = cache_module.decode_claims
    monkeypatch.setattr(cache_module, "decode_claims", lambda payload, doc: decoded.append(doc) or original(payload, doc=doc))
    with open_cache(tmp_path / "cache.sqlite", warnings) as cache:
        lazy = cache.get_lazy(SHA, doc="b.txt")
        assert cache.get_lazy("b" * 64, doc="b.txt") is None
        assert (cache.hits, cache.misses) == (1, 1)
    assert len(lazy) == len(claims) and decoded == []
    assert list(lazy) == extract_claims(TEXT, doc="b.txt")
    assert lazy[0] == extract_claims(TEXT, doc="b.txt")[0]
    assert decoded == ["b.txt"]  # once
    assert warnings == []


@pytest.mark.parametrize("damage", [
    lambda payload: payload[:-1] + bytes([payload[-1] ^ 1]),  # a flipped bit: the checksum says so
    lambda payload: payload[:5],  # cut short
    lambda payload: b"",
])
def test_a_damaged_entry_is_a_miss_for_the_lazy_lookup_too(tmp_path, warnings, damage):
    with open_cache(tmp_path / "cache.sqlite", warnings) as cache:
        cache.put(SHA, extract_claims(TEXT, doc="a.txt"))
    with sqlite3.connect(tmp_path / "cache.sqlite") as conn:
        (payload,) = conn.execute("SELECT claims FROM entries").fetchone()
        conn.execute("UPDATE entries SET claims=?", (damage(bytes(payload)),))
    with open_cache(tmp_path / "cache.sqlite", warnings) as cache:
        assert cache.get_lazy(SHA, doc="a.txt") is None
        assert cache.get(SHA, doc="a.txt") is None


def test_an_entry_whose_checksum_matches_but_cannot_be_read_fails_with_the_fix():
    import struct
    import zlib

    from reconcile.cache import CachedClaims, CacheEntryError

    body = zlib.compress(b'[["not", "a claim"]]')
    lazy = CachedClaims(struct.pack("<II", 1, zlib.crc32(body)) + body, doc="a.txt", where="cache.sqlite")
    assert len(lazy) == 1
    with pytest.raises(CacheEntryError, match=r"cache.sqlite: the entry of a.txt cannot be read .*delete the cache"):
        list(lazy)


def test_results_are_read_in_one_batch(tmp_path, warnings):
    with open_cache(tmp_path / "cache.sqlite", warnings) as cache:
        for k in range(1200):
            cache.put_result(f"k{k}", bytes([k % 256]))
    with open_cache(tmp_path / "cache.sqlite", warnings) as cache:
        found = cache.get_results([f"k{k}" for k in range(0, 1300, 3)])
    assert found == {f"k{k}": bytes([k % 256]) for k in range(0, 1200, 3)}


def test_document_texts_are_kept_per_document_content_and_namespace(tmp_path, warnings):
    from reconcile.cache import DocumentTexts

    path = tmp_path / "cache.sqlite"
    with open_cache(path, warnings) as cache:
        texts = DocumentTexts(cache, documents={"a.txt": "1" * 64, "b.txt": "2" * 64}, namespace="v1")
        assert texts.get("a.txt") is None
        texts.put("a.txt", "ä text")
        texts.put("unknown.txt", "ignored")
    with open_cache(path, warnings) as cache:
        assert DocumentTexts(cache, documents={"a.txt": "1" * 64}, namespace="v1").get("a.txt") == "ä text"
        assert DocumentTexts(cache, documents={"a.txt": "3" * 64}, namespace="v1").get("a.txt") is None
        assert DocumentTexts(cache, documents={"a.txt": "1" * 64}, namespace="v2").get("a.txt") is None
        assert DocumentTexts(cache, documents={"c.txt": "1" * 64}, namespace="v1").get("c.txt") is None
        assert DocumentTexts(cache, documents={"a.txt": "1" * 64}, namespace="v1").get("unknown.txt") is None
    with open_cache(path, warnings, key=extractor_key(model="other")) as cache:
        assert DocumentTexts(cache, documents={"a.txt": "1" * 64}, namespace="v1").get("a.txt") is None


def test_many_documents_are_looked_up_at_once(tmp_path, warnings):
    claims = extract_claims(TEXT, doc="a.txt")
    with open_cache(tmp_path / "cache.sqlite", warnings) as cache:
        cache.put(SHA, claims)
        cache.put("c" * 64, [])
    with open_cache(tmp_path / "cache.sqlite", warnings) as cache:
        found = cache.get_lazy_many([(SHA, "a.txt"), ("b" * 64, "b.txt"), (SHA, "copy.txt"), ("c" * 64, "c.txt")])
        assert sorted(found) == ["a.txt", "c.txt", "copy.txt"]
        assert (cache.hits, cache.misses) == (3, 1)
        assert cache.get_lazy_many([]) == {}
    assert list(found["copy.txt"]) == extract_claims(TEXT, doc="copy.txt")
    assert len(found["c.txt"]) == 0
    assert warnings == []


def test_results_are_written_as_they_pile_up_not_all_at_the_end(tmp_path, warnings, monkeypatch):
    from reconcile import cache as cache_module

    monkeypatch.setattr(cache_module, "PENDING_RESULT_BYTES", 1000)
    with open_cache(tmp_path / "cache.sqlite", warnings) as cache:
        for k in range(5):
            cache.put_result(f"k{k}", b"x" * 400)
        with sqlite3.connect(tmp_path / "cache.sqlite") as other:
            written = other.execute("SELECT COUNT(*) FROM results").fetchone()[0]
        assert written == 3  # flushed when the third one passed 1,000 bytes
    with open_cache(tmp_path / "cache.sqlite", warnings) as cache:
        assert len(cache.get_results([f"k{k}" for k in range(5)])) == 5
