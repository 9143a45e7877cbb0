"""The JSON report: the machine contract ``reconcile/report@1``, checked against its schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from reports import render

SCHEMA = json.loads((Path(__file__).parent / "report.schema.json").read_text(encoding="utf-8"))


def validate(data: dict) -> None:
    jsonschema.Draft202012Validator(SCHEMA).validate(data)


def test_report_matches_the_contract(report):
    data = json.loads(render(report, "json"))
    validate(data)
    claim_ids = {claim["id"] for claim in data["claims"]}
    for discrepancy in data["discrepancies"]:
        assert set(discrepancy["claims"]) <= claim_ids  # every flag points at reported claims
    assert [d["id"] for d in data["discrepancies"]] == ["aaaa1111bbbb2222", "cccc3333dddd4444"]
    assert [d["review"]["state"] for d in data["discrepancies"]] == ["unreviewed", "dismissed"]


def test_every_claim_is_reported_not_only_flagged_ones(report):
    data = json.loads(render(report, "json"))
    assert len(data["claims"]) == 6  # the 12,400 vehicles and 2024 are in no flag


def test_offsets_index_the_original_text(report, texts):
    for claim in json.loads(render(report, "json"))["claims"]:
        assert texts[claim["doc"]][claim["start"]:claim["end"]] == claim["text"]


def test_nothing_found_is_valid_too(agreeing_report):
    data = json.loads(render(agreeing_report, "json"))
    validate(data)
    assert data["discrepancies"] == []


@pytest.mark.parametrize(("path", "bad"), [
    (("schema",), "reconcile/report@2"),
    (("discrepancies", 0, "class"), "agree"),
    (("discrepancies", 0, "review", "state"), "approved"),
    (("claims", 0, "start"), -1),
    (("documents", 0, "sha256"), "not-a-hash"),
])
def test_the_schema_rejects_a_broken_report(report, path, bad):
    data = json.loads(render(report, "json"))
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = bad
    with pytest.raises(jsonschema.ValidationError):
        validate(data)


# ---------------------------------------------------------------- claims kept as text per document


class TextStore:
    """A :class:`reports.json_report.FragmentStore` in memory."""

    def __init__(self) -> None:
        self.texts: dict[str, str] = {}
        self.gets: list[str] = []

    def get(self, doc: str) -> str | None:
        self.gets.append(doc)
        return self.texts.get(doc)

    def put(self, doc: str, text: str) -> None:
        self.texts[doc] = text


def test_claims_kept_as_text_per_document_give_the_same_report(report, agreeing_report, monkeypatch):
    import dataclasses

    from claims.table import ClaimTable
    from reports import json_report

    for each in (report, agreeing_report):
        expected = json_report.render_json(each)
        assert expected == json_report.pretty_json(json_report.report_to_dict(each)) + "\n"
        store = TextStore()
        assert json_report.render_json(each, fragments=store) == expected
        documents = sorted({c.doc for c in each.claims})
        assert sorted(store.texts) == documents
        table = dataclasses.replace(each, claims=ClaimTable.from_claims(each.claims))
        assert json_report.render_json(table) == expected
        # the second time every document's claims come from the store, none is rendered
        monkeypatch.setattr(json_report, "claim_to_dict", lambda claim: pytest.fail("rendered again"))
        assert json_report.render_json(table, fragments=store) == expected
        assert render(table, "json", fragments=store) == expected
        monkeypatch.undo()


def test_a_report_without_claims_keeps_an_empty_list(report):
    import dataclasses

    from reports.json_report import render_json

    empty = dataclasses.replace(report, claims=(), discrepancies=(), facts=())
    store = TextStore()
    assert json.loads(render_json(empty, fragments=store))["claims"] == []
    assert '"claims": [],' in render_json(empty, fragments=store) and store.texts == {}


def test_the_fragment_format_names_this_code():
    from reports.json_report import fragment_format

    assert len(fragment_format()) == 64 and fragment_format() == fragment_format()


def test_the_fragment_format_covers_the_claim_record_and_table(monkeypatch):
    from importlib import resources

    from reports import json_report

    class Files:
        def __init__(self, package: str, changed: str) -> None:
            self.package, self.changed = package, changed

        def joinpath(self, name: str):
            real = resources.files(self.package).joinpath(name)
            changed = f"{self.package}/{name}" == self.changed

            class File:
                def read_bytes(self) -> bytes:
                    return real.read_bytes() + (b"# changed" if changed else b"")

            return File()

    json_report.fragment_format.cache_clear()
    formats = set()
    try:
        for changed in ("none", "reports/json_report.py", "claims/model.py", "claims/table.py"):
            monkeypatch.setattr(json_report, "resources",
                                type("R", (), {"files": staticmethod(lambda package, c=changed: Files(package, c))}))
            json_report.fragment_format.cache_clear()
            formats.add(json_report.fragment_format())
    finally:
        json_report.fragment_format.cache_clear()
    assert len(formats) == 4


def test_a_confidence_that_is_a_float_subclass_is_written_as_json_writes_it(report):
    import dataclasses

    import numpy

    from reports.json_report import pretty_json, render_json, report_to_dict

    fact = dataclasses.replace(report.facts[0] if report.facts else _any_fact(), confidence=numpy.float64(0.8))
    odd = dataclasses.replace(report, facts=(fact,))
    assert render_json(odd) == pretty_json(report_to_dict(odd)) + "\n"
    assert '"confidence": 0.8' in render_json(odd)


def _any_fact():
    from reconcile.model import Fact

    return Fact("count|x", "x", "agree", ("a.txt:0-1", "b.txt:0-1"), ("1",), "two claims agree", 1.0)
