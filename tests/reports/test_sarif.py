"""The SARIF log: valid 2.1.0 structure, one result per flag per place, stable fingerprints."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import jsonschema
import pytest

from reports.sarif import render_sarif

SCHEMA = json.loads((Path(__file__).parent / "sarif-2.1.0-required.schema.json").read_text(encoding="utf-8"))
# RFC 3986 characters of a URI reference (anything else must be percent-encoded)
URI_REFERENCE = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+$")


@pytest.fixture()
def sarif(report, monkeypatch, tmp_path) -> dict:
    monkeypatch.chdir(tmp_path)  # artifact URIs are relative to the working directory
    return json.loads(render_sarif(report))


def test_log_has_the_required_sarif_2_1_0_structure(sarif):
    jsonschema.Draft202012Validator(SCHEMA).validate(sarif)
    assert sarif["version"] == "2.1.0"
    driver = sarif["runs"][0]["tool"]["driver"]
    assert driver["name"] == "claim-reconcile"
    assert [rule["id"] for rule in driver["rules"]] == ["conflict", "possible_update"]


def test_the_schema_check_can_fail(sarif):
    broken = json.loads(json.dumps(sarif))
    del broken["runs"][0]["results"][0]["message"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(SCHEMA).validate(broken)


def test_one_result_per_discrepancy_per_location(sarif):
    results = sarif["runs"][0]["results"]
    assert [(r["properties"]["discrepancy"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
            for r in results] == [
        ("aaaa1111bbbb2222", "docs/bridge/courier.txt"),
        ("aaaa1111bbbb2222", "docs/bridge/gazette.txt"),
        ("cccc3333dddd4444", "docs/bridge/gazette.txt"),
        ("cccc3333dddd4444", "docs/bridge/weird%20%3Cb%3E.md"),
    ]
    for result in results:
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert URI_REFERENCE.match(uri), uri
        assert len(result["relatedLocations"]) == 1  # the other claim of the flag


def test_regions_come_from_claim_line_and_column(sarif):
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in sarif["runs"][0]["results"]]
    assert regions[0] == {"startLine": 2, "startColumn": 40, "endLine": 2, "endColumn": 44, "snippet": {"text": "1992"}}
    assert regions[3] == {"startLine": 2, "startColumn": 53, "endLine": 2, "endColumn": 60,
                          "snippet": {"text": "5 euros"}}
    assert sarif["runs"][0]["columnKind"] == "unicodeCodePoints"


def test_levels_follow_the_gate_and_dismissed_flags_are_suppressed(sarif):
    results = sarif["runs"][0]["results"]
    assert [r["level"] for r in results] == ["error", "error", "note", "note"]
    assert "suppressions" not in results[0]
    assert results[2]["suppressions"] == [{"kind": "external", "status": "accepted",
                                           "justification": "dismissed by ana on 2026-11-23T10:15:00Z: "
                                                            "two different tolls"}]


def test_fingerprints_are_stable_and_distinct_per_location(report, monkeypatch, tmp_path, claims):
    monkeypatch.chdir(tmp_path)
    results = json.loads(render_sarif(report))["runs"][0]["results"]
    fingerprints = [r["partialFingerprints"] for r in results]
    assert [f["reconcileDiscrepancy/v1"] for f in fingerprints] == ["aaaa1111bbbb2222"] * 2 + ["cccc3333dddd4444"] * 2
    assert len({f["reconcileClaim/v1"] for f in fingerprints}) == 4
    # an edit earlier in a document moves the claim (offsets, line) but not its fingerprint
    moved = {k: dataclasses.replace(c, start=c.start + 40, end=c.end + 40, line=c.line + 3) for k, c in claims.items()}
    shifted = dataclasses.replace(report, discrepancies=tuple(
        dataclasses.replace(d, claims=tuple(moved[_name(claims, c)] for c in d.claims),
                            sides=tuple(tuple(_shift(cid) for cid in side) for side in d.sides))
        for d in report.discrepancies))
    again = json.loads(render_sarif(shifted))["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in again] == fingerprints
    assert again[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 5


def test_gate_off_makes_unreviewed_flags_warnings(report, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    results = json.loads(render_sarif(report, fail_on="none"))["runs"][0]["results"]
    assert [r["level"] for r in results] == ["warning", "warning", "note", "note"]


def test_documents_outside_the_working_directory_get_file_uris(report, monkeypatch, tmp_path):
    outside = dataclasses.replace(report, documents=tuple(
        dataclasses.replace(d, path=f"/srv/corpus/{d.id}") for d in report.documents))
    monkeypatch.chdir(tmp_path)
    results = json.loads(render_sarif(outside))["runs"][0]["results"]
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == \
        "file:///srv/corpus/bridge/courier.txt"


def test_nothing_found_is_a_valid_log_without_results(agreeing_report):
    sarif = json.loads(render_sarif(agreeing_report))
    jsonschema.Draft202012Validator(SCHEMA).validate(sarif)
    assert sarif["runs"][0]["results"] == []


def _name(claims, claim):
    return next(k for k, c in claims.items() if c.id == claim.id)


def _shift(claim_id: str) -> str:
    doc, span = claim_id.rsplit(":", 1)
    start, end = span.split("-")
    return f"{doc}:{int(start) + 40}-{int(end) + 40}"
