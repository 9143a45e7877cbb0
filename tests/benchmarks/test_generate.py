"""The benchmark corpus generator: deterministic, and its gold points at real claims."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from claims import extract_claims

_SPEC = importlib.util.spec_from_file_location("bench_generate", Path(__file__).with_name("generate.py"))
generate = importlib.util.module_from_spec(_SPEC)
sys.modules[_SPEC.name] = generate  # its dataclasses look their module up there
_SPEC.loader.exec_module(generate)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    out = tmp_path_factory.mktemp("generated")
    gold = generate.generate(out, docs=16, seed=3, words=300)
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted((out / "docs").iterdir())}
    return out, gold, texts


def test_the_same_seed_gives_the_same_bytes(corpus, tmp_path):
    out, _, texts = corpus
    generate.generate(tmp_path, docs=16, seed=3, words=300)
    assert {p.name: p.read_text(encoding="utf-8") for p in sorted((tmp_path / "docs").iterdir())} == texts
    assert (tmp_path / "gold.json").read_bytes() == (out / "gold.json").read_bytes()


def test_another_seed_gives_another_corpus(corpus, tmp_path):
    _, _, texts = corpus
    generate.generate(tmp_path, docs=16, seed=4, words=300)
    assert {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "docs").iterdir()} != texts


def test_documents_have_about_the_words_asked_for(corpus):
    _, gold, texts = corpus
    assert len(texts) == 16
    assert all(280 <= len(text.split()) <= 420 for text in texts.values())
    assert gold["words"] == sum(len(text.split()) for text in texts.values())


def test_every_gold_span_is_the_text_it_names_and_an_extracted_claim(corpus):
    _, gold, texts = corpus
    claims = {doc: extract_claims(text, doc=doc) for doc, text in texts.items()}
    spans = [s for d in gold["discrepancies"] for side in d["sides"] for s in side]
    spans += [s for t in gold["traps"] for s in t["claims"]]
    assert gold["discrepancies"] and gold["traps"]
    for span in spans:
        assert texts[span["doc"]][span["start"]:span["end"]] == span["text"]
        assert any(c.start < span["end"] and span["start"] < c.end for c in claims[span["doc"]]), span


def test_a_planted_conflict_has_two_sides_with_different_values(corpus):
    _, gold, _ = corpus
    for discrepancy in gold["discrepancies"]:
        right, wrong = discrepancy["sides"]
        assert right and wrong
        assert {s["text"] for s in right}.isdisjoint({s["text"] for s in wrong}), discrepancy["id"]


def test_the_gold_is_in_the_format_score_py_reads(corpus):
    out, _, _ = corpus
    gold = json.loads((out / "gold.json").read_text(encoding="utf-8"))
    assert set(gold) >= {"corpus", "discrepancies", "optional", "traps", "derived"}
    assert all({"id", "fact", "category", "sides"} <= set(d) for d in gold["discrepancies"])
    assert all({"id", "fact", "category", "claims"} <= set(t) for t in gold["traps"])


def test_a_folder_that_is_not_empty_is_refused(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsError):
        generate.generate(tmp_path, docs=2)
