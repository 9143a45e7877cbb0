"""A document whose file stamp is unchanged is not read again; any change is seen."""

from __future__ import annotations

import os

import pytest

from reconcile import cache as cache_module
from reconcile import parallel
from reconcile.config import Config
from reconcile.parallel import ExtractionOptions, make_extractor
from reconcile.pipeline import scan

TEXTS = {
    "a.txt": "The Varne Bridge opened in 1987 and carries 41,000 vehicles a day.\n",
    "b.txt": "The Kelmby hospital performed 2,565 operations in 2023.\n",
}


@pytest.fixture
def folder(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in TEXTS.items():
        (docs / name).write_text(text, encoding="utf-8")
    return docs


@pytest.fixture
def reads(monkeypatch):
    """The paths read from disk by the extractor."""
    seen: list[str] = []
    original = parallel.read_text
    monkeypatch.setattr(parallel, "read_text", lambda path: seen.append(os.path.basename(path)) or original(path))
    return seen


def run(folder, tmp_path):
    config = Config(cache=str(tmp_path / "cache.sqlite"))
    result = scan([folder], config=config, extractor=make_extractor(ExtractionOptions(jobs=1), warn=pytest.fail))
    return {d.id: d.sha256 for d in result.documents}, {c.id: c.value for c in result.claims}


def test_an_unchanged_file_is_known_by_its_stamp(folder, tmp_path, reads, monkeypatch):
    monkeypatch.setattr(cache_module, "STAMP_SETTLE_NS", 0)
    first = run(folder, tmp_path)
    assert sorted(reads) == ["a.txt", "b.txt"]
    reads.clear()
    assert run(folder, tmp_path) == first
    assert reads == []


@pytest.mark.parametrize("edit", [
    lambda path: path.write_text(path.read_text(encoding="utf-8").replace("41,000", "14,000"), encoding="utf-8"),
    lambda path: path.write_text(path.read_text(encoding="utf-8") + "It was rebuilt in 2004.\n", encoding="utf-8"),
])
def test_a_changed_file_is_read_again_even_with_its_old_size_and_time(folder, tmp_path, reads, monkeypatch, edit):
    monkeypatch.setattr(cache_module, "STAMP_SETTLE_NS", 0)
    run(folder, tmp_path)
    path = folder / "a.txt"
    before = os.stat(path)
    edit(path)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # the same modification time
    reads.clear()
    shas, values = run(folder, tmp_path)
    assert reads == ["a.txt"]
    assert shas["a.txt"] == _sha(path)
    assert shas["b.txt"] == _sha(folder / "b.txt")


def _sha(path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_file_changed_moments_ago_is_not_trusted_by_its_stamp(folder, tmp_path, reads):
    run(folder, tmp_path)  # the files were written just now: no stamp is recorded
    reads.clear()
    run(folder, tmp_path)
    assert sorted(reads) == ["a.txt", "b.txt"]


def test_a_known_file_whose_claims_are_gone_is_read_and_extracted(folder, tmp_path, reads, monkeypatch):
    import sqlite3

    monkeypatch.setattr(cache_module, "STAMP_SETTLE_NS", 0)
    first = run(folder, tmp_path)
    with sqlite3.connect(tmp_path / "cache.sqlite") as conn:
        conn.execute("DELETE FROM entries")
    reads.clear()
    assert run(folder, tmp_path) == first
    assert sorted(reads) == ["a.txt", "b.txt"]


def test_a_file_that_became_empty_is_skipped_with_a_warning(folder, tmp_path, monkeypatch):
    monkeypatch.setattr(cache_module, "STAMP_SETTLE_NS", 0)
    run(folder, tmp_path)
    (folder / "b.txt").write_text("   \n", encoding="utf-8")
    config = Config(cache=str(tmp_path / "cache.sqlite"))
    result = scan([folder], config=config, extractor=make_extractor(ExtractionOptions(jobs=1)))
    assert [d.id for d in result.documents] == ["a.txt"]
    assert result.warnings == (f"{folder / 'b.txt'}: empty document, skipped",)


def test_stamps_recorded_by_other_reading_code_are_not_trusted(folder, tmp_path, reads, monkeypatch):
    monkeypatch.setattr(cache_module, "STAMP_SETTLE_NS", 0)
    run(folder, tmp_path)
    monkeypatch.setattr(cache_module, "_reader_key", lambda: "another reader")
    reads.clear()
    run(folder, tmp_path)
    assert sorted(reads) == ["a.txt", "b.txt"]
