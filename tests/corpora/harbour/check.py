#!/usr/bin/env python3
"""Sanity checks for the `harbour` corpus (docs/ + gold.json).

Asserts that every span's text matches its offsets (files read with encoding="utf-8", newline=""),
that ids are unique, that every discrepancy/optional/trap/derived span overlaps a claim in claims[],
that claims do not overlap, that no trap pairs claims from two sides of one discrepancy or optional
case, and that the counts are those of the corpus brief; then prints counts.  When the scorer is
found it also scores three reports built from the gold itself:
  * the gold discrepancies                         -> P = R = 1.00, extraction R = P = 1.00
  * the same plus optional and derived flags       -> still 1.00, derived 2/2
  * one flag per trap (each must be false)         -> P = 0.00, every trap hit

Usage:
    python3 check.py                     # checks + counts (+ scorer runs)
    python3 check.py --report OUT.json   # also write the gold-derived report (discrepancy flags plus
                                         # neutral optional/derived flags) for
                                         # python3 /work/shared/eval/score.py OUT.json gold.json
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE / "docs"
SCORERS = [Path("/work/shared/eval/score.py"), HERE.parent.parent / "score.py",
           HERE.parent.parent.parent / "score.py"]
KINDS = {"date", "money", "percent", "count", "quantity", "ordinal"}
D_CATS = {"year", "date", "count", "money", "percent", "quantity", "spelled", "within_doc"}
T_CATS = {"same_number", "different_fact", "format", "qualifier", "rounding", "granularity",
          "time_series", "correction", "time_zone"}


def overlaps(a: dict, b: dict) -> bool:
    return a["doc"] == b["doc"] and a["start"] < b["end"] and b["start"] < a["end"]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--report", help="write a gold-derived report here")
    a = ap.parse_args()

    gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    name = gold["corpus"]
    assert name == "harbour", name
    texts = {}
    for p in sorted(DOCS.glob("*.txt")):
        with open(p, encoding="utf-8", newline="") as fh:
            texts[p.name] = fh.read()
    words = {d: len(t.split()) for d, t in texts.items()}

    # documents
    assert len(texts) == 10, f"{len(texts)} documents"
    for d, n in words.items():
        assert re.fullmatch(r"a\d\d_[a-z0-9-]+\.txt", d), d
        assert 350 <= n <= 800, f"{d}: {n} words"
    assert 4500 <= sum(words.values()) <= 5600, sum(words.values())
    assert any("\r\n" in t for t in texts.values()), "no CRLF document"

    def check_span(s: dict, where: str) -> None:
        assert s["doc"] in texts, f"{where}: unknown doc {s['doc']}"
        t = texts[s["doc"]]
        assert 0 <= s["start"] < s["end"] <= len(t), f"{where}: bad offsets {s}"
        assert t[s["start"]:s["end"]] == s["text"], \
            f"{where}: {s['doc']}[{s['start']}:{s['end']}] = {t[s['start']:s['end']]!r} != {s['text']!r}"

    # claims
    claims = gold["claims"]
    for i, c in enumerate(claims):
        check_span(c, f"claims[{i}]")
        assert c["kind"] in KINDS, f"claims[{i}]: kind {c['kind']}"
        assert c["text"] == c["text"].strip() and c["text"], f"claims[{i}]: untrimmed {c['text']!r}"
    by_doc: dict[str, list[dict]] = {}
    for c in claims:
        by_doc.setdefault(c["doc"], []).append(c)
    assert set(by_doc) == set(texts), "a document without claims"
    for d, cs in by_doc.items():
        cs = sorted(cs, key=lambda c: c["start"])
        for x, y in zip(cs, cs[1:]):
            assert x["end"] <= y["start"], f"overlapping claims in {d}: {x['text']!r} / {y['text']!r}"
    nonclaims_path = HERE / "nonclaims.json"
    if nonclaims_path.exists():
        for n in json.loads(nonclaims_path.read_text(encoding="utf-8")):
            check_span(n, "nonclaim")
            assert not any(overlaps(n, c) for c in by_doc.get(n["doc"], [])), f"non-claim {n} overlaps a claim"

    # ids and categories
    ids = [x["id"] for k in ("discrepancies", "optional", "traps", "derived") for x in gold[k]]
    dup = [i for i, n in Counter(ids).items() if n > 1]
    assert not dup, f"duplicate ids {dup}"
    assert all(i.startswith(name + "-") for i in ids)
    assert [g["id"] for g in gold["discrepancies"]] == [f"{name}-d{i}" for i in range(1, 9)]
    assert [t["id"] for t in gold["traps"]] == [f"{name}-t{i}" for i in range(1, 16)]
    for g in gold["discrepancies"]:
        assert g["category"] in D_CATS, g["id"]
    for t in gold["traps"]:
        assert t["category"] in T_CATS, t["id"]

    def in_claims(s: dict, where: str) -> None:
        check_span(s, where)
        assert any(overlaps(s, c) for c in by_doc.get(s["doc"], [])), f"{where}: {s} not in claims[]"

    for k in ("discrepancies", "optional"):
        for g in gold[k]:
            assert len(g["sides"]) >= 2 and all(g["sides"]), f"{g['id']}: needs two non-empty sides"
            for si, side in enumerate(g["sides"]):
                for s in side:
                    in_claims(s, f"{g['id']} side {si}")
            flat = [(si, s) for si, side in enumerate(g["sides"]) for s in side]
            for i, x in flat:
                for j, y in flat:
                    assert i == j or not overlaps(x, y), f"{g['id']}: a span sits on two sides"
    for k in ("traps", "derived"):
        for x in gold[k]:
            assert len(x["claims"]) >= 2, f"{x['id']}: fewer than two claims"
            for s in x["claims"]:
                in_claims(s, x["id"])

    # discrepancies and optional cases do not share spans; a within_doc case has both sides in one document
    case_spans = [(g["id"], s) for k in ("discrepancies", "optional") for g in gold[k]
                  for side in g["sides"] for s in side]
    for i, (ga, x) in enumerate(case_spans):
        for gb, y in case_spans[i + 1:]:
            assert ga == gb or not overlaps(x, y), f"{ga} and {gb} share {x['text']!r}"
    for g in gold["discrepancies"]:
        if g["category"] == "within_doc":
            docs_per_side = [{s["doc"] for s in side} for side in g["sides"]]
            assert set.intersection(*docs_per_side), f"{g['id']}: sides never meet in one document"

    # a trap must never pair claims from two sides of a case (that case could then not be flagged)
    for t in gold["traps"]:
        for g in gold["discrepancies"] + gold["optional"]:
            sides = {si for c in t["claims"] for si, side in enumerate(g["sides"])
                     if any(overlaps(c, s) for s in side)}
            assert len(sides) <= 1, f"{t['id']} pairs claims from two sides of {g['id']}"

    # brief counts and categories
    nd, no, nt, nx = (len(gold[k]) for k in ("discrepancies", "optional", "traps", "derived"))
    assert (nd, no, nt, nx) == (8, 2, 15, 2), (nd, no, nt, nx)
    cats = Counter(g["category"] for g in gold["discrepancies"])
    assert set(cats) == D_CATS, cats
    tcats = Counter(t["category"] for t in gold["traps"])
    assert {"same_number", "different_fact", "format", "qualifier", "rounding", "granularity",
            "time_series", "correction", "time_zone"} <= set(tcats), tcats
    assert len({s["doc"] for g in gold["discrepancies"] for s in g["sides"][1]}) >= 6, \
        "wrong values should be spread over the documents"

    kinds = Counter(c["kind"] for c in claims)
    print(f"corpus {name}: {len(texts)} documents, {sum(words.values())} words "
          f"(min {min(words.values())}, max {max(words.values())})")
    for d in texts:
        print(f"  {d:45s} {words[d]:4d} words {len(by_doc[d]):4d} claims")
    print(f"discrepancies {nd} ({', '.join(f'{k} {v}' for k, v in sorted(cats.items()))})")
    print(f"optional {no}, traps {nt} ({', '.join(f'{k} {v}' for k, v in sorted(tcats.items()))}), derived {nx}")
    print(f"claims {len(claims)} ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))})")
    print("all span, id, overlap and trap checks passed")

    # reports built from the gold
    ordered = sorted(claims, key=lambda c: (c["doc"], c["start"]))
    cid = {(c["doc"], c["start"], c["end"]): f"c{i + 1}" for i, c in enumerate(ordered)}

    def ids_for(spans: list[dict]) -> list[str]:
        out = []
        for s in spans:
            for c in by_doc[s["doc"]]:
                k = cid[(c["doc"], c["start"], c["end"])]
                if overlaps(s, c) and k not in out:
                    out.append(k)
        return out

    base = {"documents": [{"id": d} for d in texts],
            "claims": [{"id": cid[(c["doc"], c["start"], c["end"])],
                        **{k: c[k] for k in ("doc", "start", "end", "text", "kind")}} for c in ordered]}
    flags = [{"id": "flag-" + g["id"], "claims": ids_for([s for side in g["sides"] for s in side])}
             for g in gold["discrepancies"]]
    extra = [{"id": "flag-" + g["id"], "claims": ids_for([s for side in g["sides"] for s in side])}
             for g in gold["optional"]] + [{"id": "flag-" + x["id"], "claims": ids_for(x["claims"])}
                                           for x in gold["derived"]]
    trap_flags = [{"id": "flag-" + t["id"], "claims": ids_for(t["claims"])} for t in gold["traps"]]

    if a.report:
        with open(a.report, "w", encoding="utf-8") as fh:
            json.dump({**base, "discrepancies": flags + extra}, fh, ensure_ascii=False, indent=1)
        print(f"wrote gold-derived report {a.report} ({len(flags)} discrepancy flags, "
              f"{len(extra)} neutral optional/derived flags)")

    scorer = next((p for p in SCORERS if p.exists()), None)
    if scorer is None:
        print("(scorer not found; scorer runs skipped)")
        return 0
    runs = [("gold discrepancies", flags, True), ("+ optional and derived flags", flags + extra, True),
            ("one flag per trap (must all be false)", trap_flags, False)]
    with tempfile.TemporaryDirectory() as tmp:
        for label, fl, perfect in runs:
            rp = Path(tmp) / "report.json"
            rp.write_text(json.dumps({**base, "discrepancies": fl}), encoding="utf-8")
            res = subprocess.run([sys.executable, str(scorer), "-q", str(rp), str(HERE / "gold.json")],
                                 capture_output=True, text=True)
            last = res.stdout.strip().splitlines()[-1]
            print(f"scorer, {label}: {last}")
            if perfect:
                assert "P=1.00 R=1.00" in last and "traps hit 0" in last, last
                assert "extraction R=1.00 P=1.00" in last, last
            else:
                assert "P=0.00" in last and f"traps hit {len(trap_flags)}" in last, last
    return 0


if __name__ == "__main__":
    sys.exit(main())
