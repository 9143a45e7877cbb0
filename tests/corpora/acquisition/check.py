#!/usr/bin/env python3
"""Check the `acquisition` corpus: gold.json (and nonclaims.json) against docs/.

    python3 check.py                     # structural checks and counts
    python3 check.py --report OUT.json   # also write a report built from the gold answers
                                         # (one flag per discrepancy, plus neutral optional and
                                         # derived flags); score.py must give P=1.00 R=1.00
    python3 check.py --score             # also run /work/shared/eval/score.py on that report

Asserts: every span's text equals the file text at its offsets (files read with
encoding="utf-8", newline=""); ids are unique; categories and kinds are valid; claims do
not overlap each other or a declared non-claim; every discrepancy/optional/trap/derived span
is also a claim; discrepancy sides are disjoint; the within_doc case has both sides in one
document; NO TRAP HOLDS CLAIMS FROM TWO SIDES OF ONE DISCREPANCY (or optional case), so a
correct flag can never count as a trap hit; counts are those of the brief.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
NAME = "acquisition"
DOCS = os.path.join(HERE, "docs")
KINDS = {"date", "money", "percent", "count", "quantity", "ordinal"}
D_CATS = {"year", "date", "count", "money", "percent", "quantity", "spelled", "within_doc"}
T_CATS = {"same_number", "different_fact", "format", "qualifier", "rounding", "granularity",
          "time_series", "correction"}
SCORER_CANDIDATES = [os.path.join(HERE, "..", "..", "score.py"), "/work/shared/eval/score.py"]

errors: list[str] = []


def err(msg: str) -> None:
    errors.append(msg)


def key(s: dict) -> tuple:
    return (s["doc"], s["start"], s["end"])


def main() -> int:
    with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as fh:
        gold = json.load(fh)
    if gold.get("corpus") != NAME:
        err(f"corpus is {gold.get('corpus')!r}, expected {NAME!r}")

    texts = {}
    for f in sorted(os.listdir(DOCS)):
        if not f.endswith(".txt"):
            err(f"unexpected file in docs/: {f}")
            continue
        if not re.fullmatch(r"a\d\d_[a-z0-9-]+\.txt", f):
            err(f"file name not in aNN_slug.txt form: {f}")
        with open(os.path.join(DOCS, f), encoding="utf-8", newline="") as fh:
            texts[f] = fh.read()

    def check_span(s: dict, where: str) -> None:
        doc = s.get("doc")
        if doc not in texts:
            err(f"{where}: unknown doc {doc!r}")
            return
        t = texts[doc]
        if not (isinstance(s.get("start"), int) and isinstance(s.get("end"), int)
                and 0 <= s["start"] < s["end"] <= len(t)):
            err(f"{where}: bad offsets {s}")
            return
        if t[s["start"]:s["end"]] != s.get("text"):
            err(f"{where}: text mismatch at {doc}:{s['start']}: {t[s['start']:s['end']]!r} != {s.get('text')!r}")

    # ---- claims
    claims = gold.get("claims", [])
    keyset = set()
    for i, c in enumerate(claims):
        check_span(c, f"claims[{i}]")
        if c.get("kind") not in KINDS:
            err(f"claims[{i}]: bad kind {c.get('kind')!r}")
        if key(c) in keyset:
            err(f"claims[{i}]: duplicate {key(c)}")
        keyset.add(key(c))
    by_doc: dict[str, list] = {}
    for c in claims:
        by_doc.setdefault(c["doc"], []).append(c)
    for doc, cs in by_doc.items():
        cs = sorted(cs, key=lambda c: c["start"])
        for a, b in zip(cs, cs[1:]):
            if a["end"] > b["start"]:
                err(f"overlapping claims in {doc}: {a['text']!r} @{a['start']} / {b['text']!r} @{b['start']}")
    for doc in texts:
        if doc not in by_doc:
            err(f"document without claims: {doc}")

    def in_claims(s: dict) -> bool:
        return any(c["start"] < s["end"] and s["start"] < c["end"] for c in by_doc.get(s["doc"], []))

    # ---- declared non-claims (written by build.py)
    nc_path = os.path.join(HERE, "nonclaims.json")
    nonclaims = []
    if os.path.exists(nc_path):
        with open(nc_path, encoding="utf-8") as fh:
            nonclaims = json.load(fh)
        for i, n in enumerate(nonclaims):
            check_span(n, f"nonclaims[{i}]")
            if in_claims(n):
                err(f"nonclaims[{i}] {n['text']!r} overlaps a claim")

    # ---- ids
    ids = [x["id"] for sec in ("discrepancies", "optional", "traps", "derived") for x in gold.get(sec, [])]
    for i, n in Counter(ids).items():
        if n > 1:
            err(f"duplicate id {i}")
    for i in ids:
        if not i.startswith(NAME + "-"):
            err(f"id {i} does not start with {NAME}-")
    want = ([f"{NAME}-d{i}" for i in range(1, 9)] + [f"{NAME}-t{i}" for i in range(1, 16)])
    for w in want:
        if w not in ids:
            err(f"missing id {w}")

    # ---- discrepancies / optional
    for sec in ("discrepancies", "optional"):
        for g in gold.get(sec, []):
            if g.get("category") not in D_CATS:
                err(f"{g['id']}: bad category {g.get('category')!r}")
            sides = g.get("sides", [])
            if len(sides) < 2 or any(not side for side in sides):
                err(f"{g['id']}: needs two or more non-empty sides")
            seen: dict = {}
            for j, side in enumerate(sides):
                for s in side:
                    check_span(s, f"{g['id']} side {j}")
                    if not in_claims(s):
                        err(f"{g['id']}: span {s} is not in claims[]")
                    if key(s) in seen and seen[key(s)] != j:
                        err(f"{g['id']}: span {s['text']!r} on two sides")
                    seen[key(s)] = j
            if g.get("category") == "within_doc":
                docs0 = {s["doc"] for s in sides[0]}
                if not any({s["doc"] for s in side} & docs0 for side in sides[1:]):
                    err(f"{g['id']}: within_doc sides never share a document")

    # ---- traps: no trap may hold claims from two different sides of one case
    for t in gold.get("traps", []):
        if t.get("category") not in T_CATS:
            err(f"{t['id']}: bad category {t.get('category')!r}")
        if len(t.get("claims", [])) < 2:
            err(f"{t['id']}: a trap needs two or more claims")
        for s in t.get("claims", []):
            check_span(s, t["id"])
            if not in_claims(s):
                err(f"{t['id']}: span {s} is not in claims[]")
        for g in gold.get("discrepancies", []) + gold.get("optional", []):
            side_of = {key(s): j for j, side in enumerate(g["sides"]) for s in side}
            hit = {side_of[key(s)] for s in t["claims"] if key(s) in side_of}
            if len(hit) > 1:
                err(f"{t['id']}: holds claims from sides {sorted(hit)} of {g['id']}")

    # ---- derived
    for x in gold.get("derived", []):
        if len(x.get("claims", [])) < 2:
            err(f"{x['id']}: a derived case needs two or more claims")
        for s in x.get("claims", []):
            check_span(s, x["id"])
            if not in_claims(s):
                err(f"{x['id']}: span {s} is not in claims[]")

    # ---- counts required by the brief
    words = {d: len(t.split()) for d, t in texts.items()}
    nd, no, nt, nx = (len(gold.get(k, [])) for k in ("discrepancies", "optional", "traps", "derived"))
    for d, w in words.items():
        if not 350 <= w <= 800:
            err(f"{d}: {w} words, outside 350-800")
    total_words = sum(words.values())
    if not 4500 <= total_words <= 5600:
        err(f"total words {total_words}, not about 5,000")
    for label, n, exact in (("documents", len(texts), 10), ("discrepancies", nd, 8), ("traps", nt, 15),
                            ("optional", no, 2), ("derived", nx, 2)):
        if n != exact:
            err(f"{label}: {n}, expected {exact}")
    dcats = Counter(g["category"] for g in gold.get("discrepancies", []))
    missing = D_CATS - set(dcats)
    if missing:
        err(f"discrepancy categories not covered: {sorted(missing)}")
    tcats = Counter(t["category"] for t in gold.get("traps", []))
    missing = T_CATS - set(tcats)
    if missing:
        err(f"trap categories not covered: {sorted(missing)}")
    if not any("\r\n" in t for t in texts.values()):
        err("no document with CRLF line endings")

    print(f"corpus {NAME}")
    print(f"documents     {len(texts)}")
    for d in sorted(texts):
        crlf = " CRLF" if "\r\n" in texts[d] else ""
        print(f"  {d:45s} {words[d]:5d} words {len(by_doc.get(d, [])):4d} claims{crlf}")
    print(f"words         {total_words}")
    print(f"discrepancies {nd}  ({', '.join(f'{k} {v}' for k, v in sorted(dcats.items()))})")
    print(f"optional      {no}")
    print(f"traps         {nt}  ({', '.join(f'{k} {v}' for k, v in sorted(tcats.items()))})")
    print(f"derived       {nx}")
    kinds = Counter(c["kind"] for c in claims)
    print(f"claims        {len(claims)}  ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))})")
    print(f"non-claims    {len(nonclaims)}")

    report_path = None
    if "--report" in sys.argv:
        i = sys.argv.index("--report")
        if i + 1 >= len(sys.argv):
            err("--report needs a file name")
        else:
            report_path = sys.argv[i + 1]
            write_report(gold, report_path)
            print(f"report written to {report_path}")
    if "--score" in sys.argv:
        score(gold)

    if errors:
        print(f"\n{len(errors)} PROBLEM(S):")
        for e in errors:
            print("  " + e)
        return 1
    print("OK: all checks passed")
    return 0


def build_report(gold: dict) -> dict:
    """One flag per gold discrepancy holding every claim on its sides, plus one flag per optional
    and derived case (these must come out neutral). Claims are exactly the gold claims."""
    claims = [dict(c, id=f"c{i}") for i, c in enumerate(gold["claims"])]

    def ids_for(spans: list[dict]) -> list[str]:
        return [c["id"] for c in claims for s in spans
                if c["doc"] == s["doc"] and c["start"] < s["end"] and s["start"] < c["end"]]

    flags = []
    for g in gold["discrepancies"]:
        flags.append({"id": "flag-" + g["id"], "claims": ids_for([s for side in g["sides"] for s in side])})
    for o in gold.get("optional", []):
        flags.append({"id": "flag-" + o["id"], "claims": ids_for([s for side in o["sides"] for s in side])})
    for x in gold.get("derived", []):
        flags.append({"id": "flag-" + x["id"], "claims": ids_for(x["claims"])})
    return {"documents": [{"id": d} for d in sorted({c["doc"] for c in claims})],
            "claims": claims, "discrepancies": flags}


def write_report(gold: dict, path: str) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(build_report(gold), fh, ensure_ascii=False, indent=1)
        fh.write("\n")


def score(gold: dict) -> None:
    scorer = next((os.path.normpath(p) for p in SCORER_CANDIDATES if os.path.exists(p)), None)
    if scorer is None:
        print("(scorer not found; skipped)")
        return
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as fh:
        json.dump(build_report(gold), fh, ensure_ascii=False)
        path = fh.name
    out = subprocess.run([sys.executable, scorer, path, os.path.join(HERE, "gold.json")],
                         capture_output=True, text=True)
    os.unlink(path)
    print("\nscorer on a report built from gold:")
    print(out.stdout.rstrip())
    last = out.stdout.strip().splitlines()[-1] if out.stdout.strip() else ""
    if "P=1.00 R=1.00" not in last or " 0 false of" not in last or "traps hit 0" not in last:
        err(f"scorer did not give P=R=1.00 with no false flags: {last!r}")

    # self-test of the traps: a report holding one flag per trap (all its claims) must score
    # every one of those flags as false, each with a trap hit
    rep = build_report(gold)
    claims = rep["claims"]
    flags = []
    for t in gold["traps"]:
        ids = [c["id"] for c in claims for s in t["claims"]
               if c["doc"] == s["doc"] and c["start"] < s["end"] and s["start"] < c["end"]]
        flags.append({"id": "trapflag-" + t["id"], "claims": ids})
    rep["discrepancies"] = flags
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as fh:
        json.dump(rep, fh, ensure_ascii=False)
        path = fh.name
    out = subprocess.run([sys.executable, scorer, path, os.path.join(HERE, "gold.json")],
                         capture_output=True, text=True)
    os.unlink(path)
    last = out.stdout.strip().splitlines()[-1] if out.stdout.strip() else ""
    n = len(gold["traps"])
    print(f"\nscorer on one flag per trap (expect {n} false, {n} trap hits):\n{last}")
    if f"{n} false of {n} flags" not in last or f"traps hit {n}" not in last:
        err(f"trap self-test failed: {last!r}")


if __name__ == "__main__":
    sys.exit(main())
