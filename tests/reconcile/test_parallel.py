"""Cached, parallel extraction gives exactly what the plain extractor gives, in the same order."""

from __future__ import annotations

import os
from concurrent.futures import Future

import pytest

from reconcile import cache as cache_module
from reconcile import parallel
from reconcile.config import Config
from reconcile.parallel import ExtractionOptions, make_extractor
from reconcile.pipeline import iter_extracted, scan

TOWNS = ["Harlow", "Kesby", "Orrin", "Tamsk", "Velm", "Wexa", "Brine", "Calder", "Dunmore", "Eskel"]


@pytest.fixture
def folder(tmp_path):
    """Twenty short news items (one empty, two with the same text) in two folders."""
    docs = tmp_path / "docs"
    for i, town in enumerate(TOWNS * 2):
        sub = docs / ("east" if i % 2 else "west")
        sub.mkdir(parents=True, exist_ok=True)
        year = 1990 + i % 7
        text = (f"{town.upper()}, March {i + 1} (Wire) - The {town} Bridge opened to traffic in {year}. "
                f"It cost ${20 + i}.5 million and carries about {1000 * (i + 3):,} vehicles a day.\n\n"
                f"Officials said {30 + i} % of drivers were local.\n")
        (sub / f"{i:02d}_{town.lower()}.txt").write_text(text, encoding="utf-8")
    (docs / "west" / "copy.txt").write_text((docs / "west" / "00_harlow.txt").read_text(), encoding="utf-8")
    (docs / "empty.txt").write_text("  \n", encoding="utf-8")
    return docs


def config_for(tmp_path) -> Config:
    return Config(cache=str(tmp_path / "cache" / "claims.sqlite"))


def test_jobs_1_and_jobs_2_give_what_the_plain_extractor_gives(folder, tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "CHUNK_SIZE", 3)  # several chunks in flight at once
    config = config_for(tmp_path)
    plain = scan([folder], config=config)
    assert len(plain.documents) == 21 and plain.warnings == (f"{folder / 'empty.txt'}: empty document, skipped",)
    one = scan([folder], config=config, extractor=make_extractor(ExtractionOptions(jobs=1, cache=False)))
    two = scan([folder], config=config, extractor=make_extractor(ExtractionOptions(jobs=2, cache=False)))
    cold = scan([folder], config=config, extractor=make_extractor(ExtractionOptions(jobs=2)))
    warm = scan([folder], config=config, extractor=make_extractor(ExtractionOptions(jobs=2)))
    assert one == plain
    assert two == plain
    assert cold == plain
    assert warm == plain


def test_results_come_in_document_order(folder, tmp_path):
    extractor = make_extractor(ExtractionOptions(jobs=2, cache=False))
    triples = list(extractor([folder], config=config_for(tmp_path)))
    order = [doc_id for doc_id, _ in parallel.find_documents([folder])]
    assert len(triples) == len(order) == 22
    for doc_id, (info, claims, warning) in zip(order, triples):
        if doc_id == "empty.txt":
            assert (info, claims, warning) == (None, [], f"{folder / 'empty.txt'}: empty document, skipped")
        else:
            assert info.id == doc_id and warning is None
            assert claims and {c.doc for c in claims} == {doc_id}


def test_unchanged_documents_are_never_extracted_again(folder, tmp_path, monkeypatch):
    config = config_for(tmp_path)
    options = ExtractionOptions(jobs=1)
    first = scan([folder], config=config, extractor=make_extractor(options))
    extracted: list[str] = []
    real = parallel.extract_payloads

    def counting(chunk, model=None):
        extracted.extend(doc_id for doc_id, _ in chunk)
        return real(chunk, model)

    monkeypatch.setattr(parallel, "extract_payloads", counting)
    assert scan([folder], config=config, extractor=make_extractor(options)) == first
    assert extracted == []
    changed = folder / "east" / "01_kesby.txt"
    changed.write_text(changed.read_text() + "It has 4 lanes.\n", encoding="utf-8")
    again = scan([folder], config=config, extractor=make_extractor(options))
    assert extracted == ["east/01_kesby.txt"]
    assert again == scan([folder], config=config)


def test_a_renamed_document_hits_the_cache_under_its_new_id(folder, tmp_path, monkeypatch):
    config = config_for(tmp_path)
    scan([folder], config=config, extractor=make_extractor(ExtractionOptions(jobs=1)))
    (folder / "west" / "00_harlow.txt").rename(folder / "west" / "renamed.txt")
    monkeypatch.setattr(parallel, "extract_payloads", lambda chunk: pytest.fail(f"extracted {chunk[0][0]}"))
    result = scan([folder], config=config, extractor=make_extractor(ExtractionOptions(jobs=1)))
    monkeypatch.undo()
    assert result == scan([folder], config=config)
    assert any(c.doc == "west/renamed.txt" for c in result.claims)


def test_no_cache_neither_reads_nor_writes_the_file(folder, tmp_path):
    config = config_for(tmp_path)
    scan([folder], config=config, extractor=make_extractor(ExtractionOptions(jobs=1, cache=False)))
    assert not (tmp_path / "cache").exists()


class _HeldRunner(parallel._Runner):
    """Completes futures only when the extractor waits on them; records texts in flight."""

    chunk_size = 2
    max_in_flight = 2

    def __init__(self) -> None:
        self.open: list[Future] = []
        self.most_in_flight = 0

    def submit(self, chunk):
        future = _LazyFuture(chunk, self)
        self.open.append(future)
        self.most_in_flight = max(self.most_in_flight, sum(len(f.chunk) for f in self.open))
        return future


class _LazyFuture(Future):
    def __init__(self, chunk, runner: _HeldRunner) -> None:
        super().__init__()
        self.chunk, self.runner = list(chunk), runner

    def result(self, timeout=None):
        if not self.done():
            self.set_result(parallel.extract_payloads(self.chunk))
            self.runner.open.remove(self)
        return super().result(timeout)


def test_documents_are_streamed_with_a_bounded_number_in_flight(folder, tmp_path):
    runner = _HeldRunner()
    documents = parallel.find_documents([folder])
    triples = list(parallel._extract_ordered(documents, None, runner, lambda n: None))
    assert [info.id for info, _, _ in triples if info] == [doc_id for doc_id, _ in documents if doc_id != "empty.txt"]
    assert runner.most_in_flight == runner.chunk_size * runner.max_in_flight


def test_an_unknown_engine_or_zero_jobs_is_refused():
    with pytest.raises(parallel.EngineError, match="unknown engine 'spark'; use one of local, dask"):
        make_extractor(ExtractionOptions(engine="spark"))
    with pytest.raises(parallel.EngineError, match="--jobs must be at least 1, not 0"):
        make_extractor(ExtractionOptions(jobs=0))


def _render(claims) -> str:
    """A module-level render (pickled by name for the workers): the process, then one line per claim."""
    return f"{os.getpid()}\n" + "".join(f"{c.doc}:{c.start}-{c.end} {c.text}\n" for c in claims)


@pytest.mark.parametrize("jobs", [1, 2])
def test_render_runs_where_claims_are_extracted_and_the_claims_are_not_decoded(folder, tmp_path, monkeypatch, jobs):
    monkeypatch.setattr(parallel, "CHUNK_SIZE", 3)
    config = config_for(tmp_path)
    plain = {info.id: claims for info, claims, _ in scan_triples(folder, config) if info is not None}
    decoded: list[str] = []
    real = cache_module.decode_claims

    def counting(payload, *, doc):
        decoded.append(doc)
        return real(payload, doc=doc)

    # both names: the parent's (parallel) and the lazy sequences' (cache)
    monkeypatch.setattr(cache_module, "decode_claims", counting)
    monkeypatch.setattr(parallel, "decode_claims", counting)
    extractor = make_extractor(ExtractionOptions(jobs=jobs, cache=False, render=_render))
    triples = [t for t in extractor([folder], config=config) if t[0] is not None]
    assert len(triples) == len(plain) == 21
    for info, claims, _ in triples:
        assert isinstance(claims, parallel.ExtractedClaims)
        pid, body = claims.rendered.split("\n", 1)
        assert body == _render(plain[info.id]).split("\n", 1)[1]
        # one job extracts in this process; two, in worker processes
        assert (int(pid) == os.getpid()) == (jobs == 1)
    assert decoded == []  # rendered where extracted: the parent never decoded a claim
    assert [list(claims) for _, claims, _ in triples] == [plain[info.id] for info, _, _ in triples]
    assert len(decoded) == 21  # ...until they were read


def test_claims_from_the_cache_carry_no_rendering(folder, tmp_path):
    config = config_for(tmp_path)
    options = ExtractionOptions(jobs=1, render=_render)
    cold = [claims for info, claims, _ in make_extractor(options)([folder], config=config) if info is not None]
    warm = [claims for info, claims, _ in make_extractor(options)([folder], config=config) if info is not None]
    assert all(isinstance(claims, parallel.ExtractedClaims) for claims in cold)
    assert not any(hasattr(claims, "rendered") for claims in warm)
    assert [list(c) for c in cold] == [list(c) for c in warm]


def scan_triples(folder, config):
    return list(iter_extracted([folder], config=config))
