"""scan(): documents read and extracted, with a callback per document as it is ready."""

from __future__ import annotations

from reconcile import Config
from reconcile.pipeline import scan


def test_scan_calls_on_document_once_per_document_in_document_order(tmp_path):
    (tmp_path / "b.txt").write_text("The pier opened in 1911 and cost £40,000.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("The pier is 370 metres long.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    seen = []
    result = scan([tmp_path], config=Config(), on_document=lambda info, claims: seen.append(
        (info.id, [c.text for c in claims])))
    assert seen == [("a.txt", ["370 metres"]), ("b.txt", ["1911", "£40,000"])]
    assert [d.id for d in result.documents] == ["a.txt", "b.txt"]
    assert [c.text for c in result.claims] == ["370 metres", "1911", "£40,000"]
    assert result.warnings == (f"{tmp_path / 'empty.txt'}: empty document, skipped",)
