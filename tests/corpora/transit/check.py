#!/usr/bin/env python3
"""Check the `transit` corpus: docs/ + gold.json.

Asserts that every span's text equals the file text at its offsets (files read with
encoding="utf-8", newline="", so CRLF counts two characters), that ids are unique and
prefixed with the corpus name, kinds and categories are valid, claims do not overlap,
every discrepancy/optional/trap/derived span is also a claim, the sides of a case are
disjoint, the within_doc case has both sides in one document, and NO TRAP HOLDS CLAIMS
FROM TWO DIFFERENT SIDES OF ONE DISCREPANCY (so a correct flag can never count as a trap
hit); also that the corpus stays inside the limits of its brief. Then prints counts.

    python3 check.py                    # checks + counts
    python3 check.py --report OUT.json  # also write a report built from the gold answers
                                        # (one flag per discrepancy = all its side spans);
                                        # python3 /work/shared/eval/score.py OUT.json gold.json
                                        # gives P=1.00 R=1.00, extraction R=1.00 P=1.00
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
NAME = os.path.basename(HERE)
DOCS = os.path.join(HERE, "docs")
KINDS = {"date", "money", "percent", "count", "quantity", "ordinal"}
D_CATS = {"year", "date", "count", "money", "percent", "quantity", "spelled", "within_doc"}
T_CATS = {"same_number", "different_fact", "format", "qualifier", "rounding", "granularity",
          "time_series", "correction"}

errors: list[str] = []


def err(msg: str) -> None:
    errors.append(msg)


def overlaps(a: dict, b: dict) -> bool:
    return a["doc"] == b["doc"] and a["start"] < b["end"] and b["start"] < a["end"]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--report", help="write a gold-derived report here")
    a = ap.parse_args()

    with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as fh:
        gold = json.load(fh)
    if gold.get("corpus") != NAME:
        err(f"corpus is {gold.get('corpus')!r}, folder is {NAME!r}")

    texts: dict[str, str] = {}
    for f in sorted(os.listdir(DOCS)):
        if not f.endswith(".txt"):
            err(f"unexpected file in docs/: {f}")
            continue
        if not re.fullmatch(r"a\d\d_[a-z0-9-]+_[a-z0-9-]+\.txt", f):
            err(f"file name not in aNN_source_slug.txt form: {f}")
        with open(os.path.join(DOCS, f), encoding="utf-8", newline="") as fh:
            texts[f] = fh.read()
    words = {n: len(t.split()) for n, t in texts.items()}

    def check_span(s: dict, where: str) -> bool:
        doc = s.get("doc")
        if doc not in texts:
            err(f"{where}: unknown doc {doc!r}")
            return False
        t = texts[doc]
        if not (isinstance(s.get("start"), int) and isinstance(s.get("end"), int)
                and 0 <= s["start"] < s["end"] <= len(t)):
            err(f"{where}: bad offsets {s}")
            return False
        if t[s["start"]:s["end"]] != s.get("text"):
            err(f"{where}: text mismatch at {doc}:{s['start']}: {t[s['start']:s['end']]!r} != {s.get('text')!r}")
            return False
        return True

    # ---- claims
    claims = gold.get("claims", [])
    keys = set()
    for i, c in enumerate(claims):
        check_span(c, f"claims[{i}]")
        if c.get("kind") not in KINDS:
            err(f"claims[{i}]: bad kind {c.get('kind')!r}")
        k = (c["doc"], c["start"], c["end"])
        if k in keys:
            err(f"claims[{i}]: duplicate {k}")
        keys.add(k)
    by_doc: dict[str, list[dict]] = {}
    for c in claims:
        by_doc.setdefault(c["doc"], []).append(c)
    for doc, cs in by_doc.items():
        cs = sorted(cs, key=lambda c: c["start"])
        for x, y in zip(cs, cs[1:]):
            if x["end"] > y["start"]:
                err(f"overlapping claims in {doc}: {x['text']!r} @{x['start']} / {y['text']!r} @{y['start']}")
    for doc in texts:
        if doc not in by_doc:
            err(f"document without claims: {doc}")

    def in_claims(s: dict) -> bool:
        return any(overlaps(c, s) for c in by_doc.get(s["doc"], []))

    # ---- ids
    ids = [x["id"] for sec in ("discrepancies", "optional", "traps", "derived") for x in gold.get(sec, [])]
    for i, n in Counter(ids).items():
        if n > 1:
            err(f"duplicate id {i}")
    for i in ids:
        if not i.startswith(NAME + "-"):
            err(f"id {i} does not start with {NAME}-")

    # ---- discrepancies / optional
    for sec in ("discrepancies", "optional"):
        for g in gold.get(sec, []):
            if g.get("category") not in D_CATS:
                err(f"{g['id']}: bad category {g.get('category')!r}")
            sides = g.get("sides", [])
            if len(sides) < 2 or any(not side for side in sides):
                err(f"{g['id']}: needs two or more non-empty sides")
            flat = [(j, s) for j, side in enumerate(sides) for s in side]
            for j, s in flat:
                if check_span(s, f"{g['id']} side {j}") and not in_claims(s):
                    err(f"{g['id']}: span {s['text']!r} is not in claims[]")
            for x in range(len(flat)):
                for y in range(x + 1, len(flat)):
                    if flat[x][0] != flat[y][0] and overlaps(flat[x][1], flat[y][1]):
                        err(f"{g['id']}: span {flat[x][1]['text']!r} sits on two sides")
            if g.get("category") == "within_doc":
                docs0 = {s["doc"] for s in sides[0]}
                if not any({s["doc"] for s in side} & docs0 for side in sides[1:]):
                    err(f"{g['id']}: within_doc sides never share a document")

    # ---- traps: valid, and never two sides of one discrepancy
    for t in gold.get("traps", []):
        if t.get("category") not in T_CATS:
            err(f"{t['id']}: bad category {t.get('category')!r}")
        if len(t.get("claims", [])) < 2:
            err(f"{t['id']}: a trap needs two or more claims")
        for s in t.get("claims", []):
            if check_span(s, t["id"]) and not in_claims(s):
                err(f"{t['id']}: span {s['text']!r} is not in claims[]")
        for g in gold.get("discrepancies", []):
            hit = {j for j, side in enumerate(g["sides"]) for s in side
                   if any(overlaps(s, c) for c in t["claims"])}
            if len(hit) > 1:
                err(f"{t['id']}: holds claims from sides {sorted(hit)} of {g['id']}")

    # ---- derived
    for x in gold.get("derived", []):
        if len(x.get("claims", [])) < 2:
            err(f"{x['id']}: a derived case needs two or more claims")
        for s in x.get("claims", []):
            if check_span(s, x["id"]) and not in_claims(s):
                err(f"{x['id']}: span {s['text']!r} is not in claims[]")

    # ---- limits from the corpus brief
    nd, nt = len(gold.get("discrepancies", [])), len(gold.get("traps", []))
    no, nx = len(gold.get("optional", [])), len(gold.get("derived", []))
    if len(texts) != 10:
        err(f"{len(texts)} documents (brief: 10)")
    for n, w in words.items():
        if not 350 <= w <= 800:
            err(f"{n}: {w} words (brief: 350-800)")
    if (nd, nt, no, nx) != (8, 15, 2, 2):
        err(f"counts d/t/o/x = {(nd, nt, no, nx)} (brief: 8/15/2/2)")
    cats = Counter(g["category"] for g in gold.get("discrepancies", []))
    if set(cats) != D_CATS:
        err(f"discrepancy categories {dict(cats)} do not cover {sorted(D_CATS)}")
    if not any("\r\n" in t for t in texts.values()):
        err("no document with CRLF line ends")

    if errors:
        print("\n".join(errors))
        print(f"{len(errors)} error(s)")
        return 1

    print(f"corpus {NAME}: OK")
    print(f"documents {len(texts)}, words {sum(words.values())} "
          f"({min(words.values())}-{max(words.values())} per document)")
    for n in sorted(texts):
        crlf = " CRLF" if "\r\n" in texts[n] else ""
        print(f"  {n:45s} {words[n]:5d} words {len(by_doc.get(n, [])):4d} claims{crlf}")
    print(f"discrepancies {nd} ({', '.join(f'{k} {v}' for k, v in sorted(cats.items()))})")
    tc = Counter(t["category"] for t in gold["traps"])
    print(f"optional {no}, traps {nt} ({', '.join(f'{k} {v}' for k, v in sorted(tc.items()))}), derived {nx}")
    kc = Counter(c["kind"] for c in claims)
    print(f"claims {len(claims)} ({', '.join(f'{k} {v}' for k, v in sorted(kc.items(), key=lambda kv: -kv[1]))})")

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
        report = {"documents": [{"id": n} for n in sorted(texts)], "claims": report_claims, "discrepancies": flags}
        with open(a.report, "w", encoding="utf-8") as fh:
            json.dump(report, fh, ensure_ascii=False, indent=1)
        print(f"wrote gold-derived report {a.report} ({len(flags)} flags)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
