#!/usr/bin/env python3
"""Check the 'hospital' corpus: docs/ + gold.json.

Asserts that every span's text matches its offsets (text read with encoding="utf-8",
newline="", so a CRLF counts as two characters), that ids are unique, that every
discrepancy/optional/trap/derived span overlaps a claim in claims[], that claims do not
overlap each other, that no trap holds claims from two different sides of one
discrepancy, and that the corpus stays inside the limits of the corpus brief; then
prints counts.

    python3 check.py                    # checks + counts
    python3 check.py --report OUT.json  # also write a report built from the gold answers
                                        # (one flag per discrepancy = all its side spans), for
                                        # python3 /work/shared/eval/score.py OUT.json gold.json
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
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

    with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as fh:
        gold = json.load(fh)
    assert gold["corpus"] == "hospital", gold["corpus"]
    docs_dir = os.path.join(HERE, "docs")
    names = sorted(n for n in os.listdir(docs_dir) if n.endswith(".txt"))
    texts = {}
    for n in names:
        assert re.fullmatch(r"a\d\d_[a-z0-9-]+_[a-z0-9-]+\.txt", n), f"odd doc name {n}"
        with open(os.path.join(docs_dir, n), encoding="utf-8", newline="") as fh:
            texts[n] = fh.read()
    words = {n: len(t.split()) for n, t in texts.items()}

    def check_span(s: dict, where: str) -> None:
        assert s["doc"] in texts, f"{where}: unknown doc {s['doc']}"
        t = texts[s["doc"]]
        assert 0 <= s["start"] < s["end"] <= len(t), f"{where}: bad offsets {s}"
        assert t[s["start"]:s["end"]] == s["text"], \
            f"{where}: text mismatch {t[s['start']:s['end']]!r} != {s['text']!r}"

    claims = gold["claims"]
    for i, c in enumerate(claims):
        check_span(c, f"claim {i}")
        assert c["kind"] in KINDS, f"claim {i}: kind {c['kind']}"
        assert c["text"] == c["text"].strip(), f"claim {i}: span has outer blanks {c['text']!r}"
    by_doc: dict[str, list[dict]] = {}
    for c in claims:
        by_doc.setdefault(c["doc"], []).append(c)
    for d, cs in by_doc.items():
        cs = sorted(cs, key=lambda c: c["start"])
        for x, y in zip(cs, cs[1:]):
            assert y["start"] >= x["end"], f"overlapping claims in {d}: {x['text']!r} / {y['text']!r}"

    def in_claims(s: dict) -> bool:
        return any(overlaps(c, s) for c in by_doc.get(s["doc"], []))

    ids = []
    for sect in ("discrepancies", "optional"):
        for g in gold[sect]:
            ids.append(g["id"])
            assert len(g["sides"]) >= 2 and all(g["sides"]), f"{g['id']}: needs two non-empty sides"
            seen = set()
            for side in g["sides"]:
                for s in side:
                    check_span(s, g["id"])
                    assert in_claims(s), f"{g['id']}: span {s['text']!r} not in claims"
                    key = (s["doc"], s["start"])
                    assert key not in seen, f"{g['id']}: span {s['text']!r} listed twice"
                    seen.add(key)
    for g in gold["discrepancies"]:
        assert g["category"] in D_CATS, f"{g['id']}: category {g['category']}"
    for sect in ("traps", "derived"):
        for g in gold[sect]:
            ids.append(g["id"])
            assert len(g["claims"]) >= 2, f"{g['id']}: needs two claims"
            for s in g["claims"]:
                check_span(s, g["id"])
                assert in_claims(s), f"{g['id']}: span {s['text']!r} not in claims"
    for g in gold["traps"]:
        assert g["category"] in T_CATS, f"{g['id']}: category {g['category']}"
    assert len(ids) == len(set(ids)), f"duplicate ids: {[i for i, n in Counter(ids).items() if n > 1]}"
    assert all(i.startswith(gold["corpus"] + "-") for i in ids)

    # no trap may hold claims from two different sides of one discrepancy (or optional case)
    for t in gold["traps"]:
        for g in gold["discrepancies"] + gold["optional"]:
            hit = {i for i, side in enumerate(g["sides"]) for s in side
                   if any(overlaps(s, c) for c in t["claims"])}
            assert len(hit) <= 1, f"trap {t['id']} holds claims from sides {sorted(hit)} of {g['id']}"

    # limits from the corpus brief
    nd, nt = len(gold["discrepancies"]), len(gold["traps"])
    no, nx = len(gold["optional"]), len(gold["derived"])
    assert len(texts) == 10, f"{len(texts)} documents"
    for n, w in words.items():
        assert 350 <= w <= 600, f"{n}: {w} words"
    assert nd == 8 and nt == 15 and no == 2 and nx == 2, (nd, nt, no, nx)
    assert [g["id"] for g in gold["discrepancies"]] == [f"hospital-d{i}" for i in range(1, 9)]
    assert [g["id"] for g in gold["traps"]] == [f"hospital-t{i}" for i in range(1, 16)]
    cats = Counter(g["category"] for g in gold["discrepancies"])
    assert set(cats) == D_CATS, cats
    assert any(len({s["doc"] for side in g["sides"] for s in side}
                   & set.intersection(*[{s["doc"] for s in side} for side in g["sides"]]))
               for g in gold["discrepancies"]), "no discrepancy has both values in one document"
    assert any("\r\n" in t for t in texts.values()), "no document with CRLF line endings"

    print(f"corpus {gold['corpus']}: OK")
    print(f"documents {len(texts)}, words {sum(words.values())} "
          f"({min(words.values())}–{max(words.values())} per document)")
    for n in names:
        crlf = " CRLF" if "\r\n" in texts[n] else ""
        print(f"  {n:50s} {words[n]:5d} words {len(by_doc.get(n, [])):4d} claims{crlf}")
    print(f"discrepancies {nd} ({', '.join(f'{k} {v}' for k, v in sorted(cats.items()))})")
    print(f"optional {no}, traps {nt} ({', '.join(f'{k} {v}' for k, v in sorted(Counter(t['category'] for t in gold['traps']).items()))}), derived {nx}")
    print(f"claims {len(claims)} ({', '.join(f'{k} {v}' for k, v in sorted(Counter(c['kind'] for c in claims).items()))})")

    if a.report:
        report_claims, key_to_id = [], {}
        for i, c in enumerate(sorted(claims, key=lambda c: (c["doc"], c["start"]))):
            cid = f"c{i + 1}"
            key_to_id[(c["doc"], c["start"], c["end"])] = cid
            report_claims.append({"id": cid, "doc": c["doc"], "start": c["start"], "end": c["end"],
                                  "text": c["text"], "kind": c["kind"]})
        flags = []
        for g in gold["discrepancies"]:
            members = [key_to_id[(s["doc"], s["start"], s["end"])] for side in g["sides"] for s in side]
            flags.append({"id": "flag-" + g["id"], "claims": members})
        report = {"documents": [{"id": n} for n in names], "claims": report_claims, "discrepancies": flags}
        with open(a.report, "w", encoding="utf-8") as fh:
            json.dump(report, fh, ensure_ascii=False, indent=1)
        print(f"wrote gold-derived report {a.report} ({len(flags)} flags)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
