#!/usr/bin/env python3
"""Sanity checks for the `wildfire` corpus (docs/ + gold.json).

Asserts that every span's text matches its offsets (Python code-point offsets into the file read with
open(path, encoding="utf-8", newline=""); a01 has CRLF line ends, which count two characters), that
claims do not overlap, ids are unique, every discrepancy / optional / trap / derived span overlaps a
claim in claims[], no trap holds claims from two different sides of a discrepancy or optional case,
and the counts of the corpus brief. Prints the counts. When score.py is found it also scores three
reports built from the gold: the gold flags (P = R = 1.00), the same plus optional and derived flags
(still 1.00), and one flag per trap (all false, every one a trap hit).

Usage:
    python3 check.py                    # checks and counts
    python3 check.py --report OUT.json  # also writes the gold-built report (scores P=1.00 R=1.00)
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
SCORERS = [HERE.parent.parent / "score.py", Path("/work/shared/eval/score.py")]
KINDS = {"date", "money", "percent", "count", "quantity", "ordinal"}
D_CATS = {"year", "date", "count", "money", "percent", "quantity", "spelled", "within_doc"}
T_CATS = {"same_number", "different_fact", "format", "qualifier", "rounding", "granularity",
          "time_series", "correction"}
CRLF_DOCS = {"a01_halvesk-post-evacuations.txt"}


def overlaps(a: dict, b: dict) -> bool:
    return a["doc"] == b["doc"] and a["start"] < b["end"] and b["start"] < a["end"]


def load_texts() -> dict[str, str]:
    texts = {}
    for p in sorted(DOCS.glob("*.txt")):
        with open(p, encoding="utf-8", newline="") as fh:
            texts[p.name] = fh.read()
    return texts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--report", metavar="OUT.json", help="write a report built from the gold to this path")
    args = ap.parse_args()

    gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    name = gold["corpus"]
    assert name == HERE.name == "wildfire", f"corpus {name!r}, folder {HERE.name!r}"
    texts = load_texts()
    words = {d: len(t.split()) for d, t in texts.items()}

    # documents
    assert len(texts) == 10, f"{len(texts)} documents"
    for d, n in words.items():
        assert re.fullmatch(r"a\d\d_[a-z0-9-]+\.txt", d), d
        assert 350 <= n <= 800, f"{d}: {n} words"
    assert 4700 <= sum(words.values()) <= 5600, sum(words.values())
    for d, t in texts.items():
        if d in CRLF_DOCS:
            assert "\r\n" in t and "\n" not in t.replace("\r\n", ""), f"{d}: expected CRLF line ends"
        else:
            assert "\r" not in t, f"{d}: unexpected CR"
    alltext = "".join(texts.values())
    for ch, what in (("\u00a0", "NO-BREAK SPACE"), ("\u202f", "NARROW NO-BREAK SPACE"),
                     ("\u2011", "NON-BREAKING HYPHEN"), ("\u2013", "EN DASH"), ("\t", "TAB")):
        assert ch in alltext, f"no {what} anywhere in the corpus"

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
    assert set(by_doc) == set(texts), f"documents without claims: {set(texts) - set(by_doc)}"
    for d, cs in by_doc.items():
        cs = sorted(cs, key=lambda c: c["start"])
        for a, b in zip(cs, cs[1:]):
            assert a["end"] <= b["start"], f"overlapping claims in {d}: {a['text']!r} / {b['text']!r}"

    # declared non-claims (if present) must match the text and never overlap a claim
    nc_path = HERE / "nonclaims.json"
    if nc_path.exists():
        for n in json.loads(nc_path.read_text(encoding="utf-8")):
            check_span(n, "nonclaim")
            assert not any(overlaps(n, c) for c in by_doc.get(n["doc"], [])), f"non-claim overlaps a claim: {n}"

    # ids and categories
    ids = [x["id"] for k in ("discrepancies", "optional", "traps", "derived") for x in gold[k]]
    dup = [i for i, n in Counter(ids).items() if n > 1]
    assert not dup, f"duplicate ids {dup}"
    assert all(i.startswith(name + "-") for i in ids)
    assert [g["id"] for g in gold["discrepancies"]] == [f"{name}-d{i}" for i in range(1, 9)]
    assert [t["id"] for t in gold["traps"]] == [f"{name}-t{i}" for i in range(1, 16)]
    for g in gold["discrepancies"] + gold["optional"]:
        assert g["category"] in D_CATS, g["id"]
    for t in gold["traps"]:
        assert t["category"] in T_CATS, t["id"]

    # every case span is a claim
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
            for i, a in flat:
                for j, b in flat:
                    assert i == j or not overlaps(a, b), f"{g['id']}: a span sits on two sides"
    for k in ("traps", "derived"):
        for x in gold[k]:
            assert len(x["claims"]) >= 2, f"{x['id']}: fewer than two claims"
            for s in x["claims"]:
                in_claims(s, x["id"])

    # discrepancies do not share spans; the within_doc case has both sides in one document
    case_spans = [(g["id"], s) for g in gold["discrepancies"] for side in g["sides"] for s in side]
    for i, (ga, a) in enumerate(case_spans):
        for gb, b in case_spans[i + 1:]:
            assert ga == gb or not overlaps(a, b), f"{ga} and {gb} share {a['text']!r}"
    for g in gold["discrepancies"]:
        if g["category"] == "within_doc":
            docs_per_side = [{s["doc"] for s in side} for side in g["sides"]]
            assert set.intersection(*docs_per_side), f"{g['id']}: sides never meet in one document"

    # a trap must never pair claims from two sides of a case (that case could not then be flagged)
    for t in gold["traps"]:
        for g in gold["discrepancies"] + gold["optional"]:
            sides = {si for c in t["claims"] for si, side in enumerate(g["sides"])
                     if any(overlaps(c, s) for s in side)}
            assert len(sides) <= 1, f"{t['id']} pairs claims from two sides of {g['id']}"

    # brief counts and categories
    nd, no, nt, nx = (len(gold[k]) for k in ("discrepancies", "optional", "traps", "derived"))
    assert (nd, no, nt, nx) == (8, 2, 15, 2), (nd, no, nt, nx)
    cats = {g["category"] for g in gold["discrepancies"]}
    assert cats == {"year", "date", "count", "money", "percent", "quantity", "spelled", "within_doc"}, cats

    kinds = Counter(c["kind"] for c in claims)
    print(f"corpus {name}: {len(texts)} documents, {sum(words.values())} words "
          f"(min {min(words.values())}, max {max(words.values())})")
    print(f"discrepancies {nd}, optional {no}, traps {nt}, derived {nx}, claims {len(claims)} "
          f"({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))})")
    print("all span, id, overlap and trap checks passed")

    # reports built from the gold
    cid = {(c["doc"], c["start"], c["end"]): f"c{i}" for i, c in enumerate(claims)}

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
                        **{k: c[k] for k in ("doc", "start", "end", "text", "kind")}} for c in claims]}
    flags = [{"id": g["id"], "claims": ids_for([s for side in g["sides"] for s in side])}
             for g in gold["discrepancies"]]
    extra = [{"id": g["id"], "claims": ids_for([s for side in g["sides"] for s in side])}
             for g in gold["optional"]] + [{"id": x["id"], "claims": ids_for(x["claims"])}
                                           for x in gold["derived"]]
    traps = [{"id": t["id"], "claims": ids_for(t["claims"])} for t in gold["traps"]]
    if args.report:
        with open(args.report, "w", encoding="utf-8") as fh:
            json.dump({**base, "discrepancies": flags + extra}, fh, ensure_ascii=False, indent=1)
        print(f"wrote gold-built report to {args.report}")

    scorer = next((p for p in SCORERS if p.exists()), None)
    if scorer is None:
        print("(score.py not found; scoring skipped)")
        return 0
    runs = [("gold discrepancies", flags, True), ("+ optional and derived flags", flags + extra, True),
            ("one flag per trap (must all be false)", traps, False)]
    with tempfile.TemporaryDirectory() as tmp:
        for label, fl, perfect in runs:
            rp = Path(tmp) / "report.json"
            rp.write_text(json.dumps({**base, "discrepancies": fl}), encoding="utf-8")
            res = subprocess.run([sys.executable, str(scorer), "-q", str(rp), str(HERE / "gold.json")],
                                 capture_output=True, text=True)
            last = res.stdout.strip().splitlines()[-1]
            print(f"scorer, {label}: {last}")
            if perfect:
                assert "P=1.00 R=1.00" in last and "extraction R=1.00 P=1.00" in last, last
            else:
                assert "P=0.00" in last and f"traps hit {len(traps)}" in last, last
    return 0


if __name__ == "__main__":
    sys.exit(main())
