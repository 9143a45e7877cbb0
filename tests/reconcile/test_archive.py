"""An archive of many subjects: subject names, partitions, support and candidates per subject."""

from __future__ import annotations

import numpy as np
import pytest

from claims import extract_claims
from reconcile import engine, features
from reconcile.engine import candidate_pairs, reconcile, subject_partitions
from reconcile.features import build_contexts, document_subjects

DOCS = {
    "k1.txt": "Surgeons at the Kelmby Children's Hospital performed 2,565 operations in the year.\n"
              "The Kelmby hospital opened in 1961, Dr Ana Sorel said.\n",
    "k2.txt": "The Kelmby Children's Hospital carried out 2,565 operations in the year.\n"
              "Kelmby residents raised 40,000 euros for a new scanner.\n",
    "k3.txt": "In the year 5,265 operations were carried out at the hospital.\n"
              "The Kelmby Children's Hospital has 300 beds. Kelmby needs 20 more.\n",
    "v1.txt": "The Varne Bridge carries 41,000 vehicles a day.\n"
              "The Varne Bridge opened in 1987, engineer Tom Ulric said. Varne has 3 more.\n",
    "v2.txt": "Engineers said the Varne Bridge carries 41,000 vehicles a day.\n"
              "The Varne Bridge needed 4,100 operations of maintenance in 2023.\n"
              "Varne pays for 2 of them.\n",
    "lone.txt": "Somewhere 12 operations took place in 2020.\n",
}


def corpus(docs: dict[str, str] = DOCS):
    claims = []
    for doc, text in docs.items():
        claims.extend(extract_claims(text, doc=doc))
    return sorted(claims, key=lambda c: (c.doc, c.start, c.end))


def texts_of(claims) -> list[str]:
    return sorted(f"{c.doc}:{c.text}" for c in claims)


def test_subject_names_are_the_names_a_document_repeats_and_few_others_share():
    subjects = document_subjects(corpus())
    assert subjects["k1.txt"][0] == "kelmby"
    assert subjects["k3.txt"][0] == "kelmby"
    assert subjects["v1.txt"][0] == "varne"
    assert "surgeons" not in subjects["k1.txt"]  # named by no other document
    assert subjects["lone.txt"] == ()  # no name at all


def test_an_archive_is_cut_by_subject_and_a_document_without_one_stays_alone():
    parts = [sorted({c.doc for c in part}) for part in subject_partitions(corpus())]
    assert parts == [["k1.txt", "k2.txt", "k3.txt"], ["lone.txt"], ["v1.txt", "v2.txt"]]


def bind_everything(rows):
    """A pair model that binds every pair it is shown: what is compared decides the flags."""
    return np.ones(len(rows))


def test_an_archive_is_reconciled_subject_by_subject(monkeypatch):
    claims = corpus()
    by_subject = [reconcile([c for c in claims if c.doc.startswith(prefix)], scorer=bind_everything, threshold=0.5)
                  for prefix in ("k", "l", "v")]
    monkeypatch.setattr(engine, "PARTITION_MIN_DOCUMENTS", 2)
    monkeypatch.setattr(engine, "ALL_PAIRS_BLOCK", 1)
    whole = reconcile(claims, scorer=bind_everything, threshold=0.5)
    assert sorted(texts_of(d.claims) for d in whole.discrepancies) == sorted(
        texts_of(d.claims) for r in by_subject for d in r.discrepancies)
    flagged = [texts_of(d.claims) for d in whole.discrepancies]
    assert any("k3.txt:5,265" in texts and "k1.txt:2,565" in texts for texts in flagged)
    assert not any(any(t.startswith("k") for t in texts) and any(t.startswith("v") for t in texts)
                   for texts in flagged)  # never a value of one subject against another's


def test_a_small_folder_is_never_cut(monkeypatch):
    def refuse(claims):
        raise AssertionError("a folder of a few documents was cut by subject")

    monkeypatch.setattr(engine, "subject_partitions", refuse)
    monkeypatch.setattr(engine, "ALL_PAIRS_BLOCK", 1)  # large blocks, but few documents
    assert reconcile(corpus(), scorer=bind_everything, threshold=0.5).discrepancies


@pytest.mark.parametrize("large", [False, True])
def test_support_counts_the_documents_about_the_same_subject(monkeypatch, large):
    if large:  # every block counted by subject, as in an archive
        monkeypatch.setattr(features, "SUPPORT_ALL_PAIRS", 0)
    claims = corpus({doc: text for doc, text in DOCS.items() if doc.startswith("k")})
    contexts, _ = build_contexts(claims)
    support = {f"{ctx.claim.doc}:{ctx.claim.text}": ctx.support for ctx in contexts if ctx is not None}
    assert support["k1.txt:2,565"] == support["k2.txt:2,565"] == 2
    assert support["k3.txt:5,265"] == 1


def test_in_an_archive_the_subject_binds_what_no_rare_word_binds(monkeypatch):
    monkeypatch.setattr(engine, "ALL_PAIRS_BLOCK", 0)
    monkeypatch.setattr(engine, "MAX_KEY_MEMBERS", 1)  # no word binds on its own
    claims = corpus()
    contexts, idf = build_contexts(claims)
    pairs = {tuple(sorted((f"{claims[i].doc}:{claims[i].text}", f"{claims[j].doc}:{claims[j].text}")))
             for i, j in candidate_pairs(contexts, idf)}
    assert ("k1.txt:2,565", "k3.txt:5,265") in pairs  # operations of Kelmby
    assert ("k3.txt:5,265", "v2.txt:4,100") not in pairs  # operations of another subject
    assert ("k1.txt:1961", "v1.txt:1987") not in pairs  # "opened in" said of two subjects


def test_one_template_sentence_said_of_two_subjects_is_no_candidate(monkeypatch):
    monkeypatch.setattr(engine, "ALL_PAIRS_BLOCK", 0)
    docs = {
        "a1.txt": "The Kelmby Festival opened its gates on 9 May 2016. Kelmby is proud.\n",
        "a2.txt": "Kelmby Festival organisers said it opened on 11 May 2016. Kelmby is proud.\n",
        "b1.txt": "The Varne Festival opened its gates on 10 May 2016. Varne is proud.\n",
        "b2.txt": "Varne Festival organisers said it opened on 10 May 2016. Varne is proud.\n",
    }
    claims = corpus(docs)
    contexts, idf = build_contexts(claims)
    pairs = {tuple(sorted((claims[i].doc, claims[j].doc))) for i, j in candidate_pairs(contexts, idf)}
    assert ("a1.txt", "a2.txt") in pairs
    assert not any(one[0] != other[0] for one, other in pairs)
