"""The build and the checks shared by the hand-made development corpora (``corpora/<name>/build.py``,
``corpora/<name>/check.py``): each corpus keeps its sources, claims and answers; this module renders
``src/`` into ``docs/``, locates every claim by a context that occurs exactly once, audits that
every number, number word and month is a claim or a declared non-claim, writes ``gold.json``
and ``nonclaims.json``, and checks the result.

Sources use placeholders so that invisible characters stay visible while editing:
    {nb}  -> U+00A0 NO-BREAK SPACE
    {nn}  -> U+202F NARROW NO-BREAK SPACE
    {-}   -> U+2011 NON-BREAKING HYPHEN
    {tab} -> TAB
Documents listed in CRLF_DOCS are written with Windows line ends (\r\n); offsets are
Python code-point offsets into open(path, encoding="utf-8", newline="").read(), so each
CRLF counts as two characters.

Every claim is located by searching the rendered text for a context string that must
occur exactly once; the claim itself is the part between [[ and ]] (the whole context
when there are no brackets).  Runs of ASCII blanks in a context match any run of
blanks, tabs, CRs or newlines in the text, so table padding need not be copied exactly.

A completeness scan then lists every digit run, number word, ordinal word and month
name in the documents; each must fall inside a claim or inside a declared non-claim
(identifier, list number, footnote marker, phone number, idiomatic "first"/"one" ...).
The build fails if anything is left unaccounted for, if two claims overlap, or if a
claim overlaps a non-claim.

Usage, in a corpus folder:  python3 build.py && python3 check.py [--report OUT.json]
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import re
import sys
from collections import Counter

PLACEHOLDERS = {"{nb}": "\u00a0", "{nn}": "\u202f", "{-}": "\u2011", "{tab}": "\t"}
KINDS = {"D": "date", "M": "money", "P": "percent", "C": "count", "Q": "quantity", "O": "ordinal"}


def render(s: str) -> str:
    for k, v in PLACEHOLDERS.items():
        s = s.replace(k, v)
    return s


def ws_re(s: str) -> str:
    out = []
    for part in re.split(r"([ \t\r\n]+)", s):
        if not part:
            continue
        out.append(r"[ \t\r\n]+" if re.fullmatch(r"[ \t\r\n]+", part) else re.escape(part))
    return "".join(out)


def locate(text: str, ctx: str, where: str) -> tuple[int, int]:
    ctx = render(ctx)
    m = re.fullmatch(r"(.*?)\[\[(.+?)\]\](.*)", ctx, re.S)
    pre, span, post = (m.group(1), m.group(2), m.group(3)) if m else ("", ctx, "")
    rx = re.compile(ws_re(pre) + "(" + ws_re(span) + ")" + ws_re(post))
    hits, pos = [], 0
    while True:
        mm = rx.search(text, pos)
        if not mm:
            break
        hits.append(mm.span(1))
        pos = mm.start() + 1
    if len(hits) != 1:
        sys.exit(f"{where}: context {ctx!r} found {len(hits)} times (need exactly 1)")
    return hits[0]


SCAN_RES = [
    re.compile(r"\d+(?:[.,\u202f]\d+)*"),
    re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
               r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
               r"ninety|hundred|thousand|million|billion|dozen|half|quarter|twice|decades?|century|first|"
               r"second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b", re.I),
    re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
               r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b"),   # months: capitalised only
]


def build(*, here: str, corpus: str, claims_by_doc: dict, crlf_docs: set, nonclaim_re: list, nonclaim_ctx: dict,
          discrepancies: list, optional: list, traps: list, derived: list) -> int:
    """Render ``here``/src into ``here``/docs, locate every claim, audit, write gold.json and nonclaims.json."""
    src_files = sorted(glob.glob(os.path.join(here, "src", "a*.txt")))
    docs_dir = os.path.join(here, "docs")
    os.makedirs(docs_dir, exist_ok=True)
    for old in glob.glob(os.path.join(docs_dir, "*.txt")):
        os.remove(old)
    names, texts = {}, {}
    for p in src_files:
        name = os.path.basename(p)
        short = name[:3]
        with open(p, encoding="utf-8") as fh:
            text = render(fh.read())
        assert not re.search(r"\{(?:nb|nn|-|tab)\}", text), name
        assert "\r" not in text, name
        if short in crlf_docs:
            text = text.replace("\n", "\r\n")
        with open(os.path.join(docs_dir, name), "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        with open(os.path.join(docs_dir, name), encoding="utf-8", newline="") as fh:
            assert fh.read() == text
        names[short], texts[short] = name, text

    claims, tags, problems = [], {}, []
    claim_spans: dict[str, list[tuple[int, int]]] = {k: [] for k in texts}
    for short, items in claims_by_doc.items():
        text = texts[short]
        for kind, ctx, tag in items:
            s, e = locate(text, ctx, names[short])
            c = {"doc": names[short], "start": s, "end": e, "text": text[s:e], "kind": KINDS[kind]}
            claims.append(c)
            claim_spans[short].append((s, e))
            if tag:
                if tag in tags:
                    sys.exit(f"duplicate tag {tag}")
                if not tag.startswith(short + "."):
                    sys.exit(f"tag {tag} used in {short}")
                tags[tag] = {"doc": c["doc"], "start": s, "end": e, "text": c["text"]}

    # no two claims overlap
    for short, spans in claim_spans.items():
        spans.sort()
        for (a, b), (c, d) in zip(spans, spans[1:]):
            if c < b:
                problems.append(f"{names[short]}: overlapping claims {texts[short][a:b]!r} / {texts[short][c:d]!r}")

    # non-claims
    nonclaim_spans: dict[str, list[tuple[int, int]]] = {k: [] for k in texts}
    nonclaims_out = []
    for short, text in texts.items():
        for rx in nonclaim_re:
            for m in re.finditer(rx, text):
                nonclaim_spans[short].append(m.span())
        for ctx in nonclaim_ctx.get(short, []):
            nonclaim_spans[short].append(locate(text, ctx, names[short] + " (non-claim)"))
        for a, b in nonclaim_spans[short]:
            nonclaims_out.append({"doc": names[short], "start": a, "end": b, "text": text[a:b]})
            for s, e in claim_spans[short]:
                if a < e and s < b:
                    problems.append(f"{names[short]}: non-claim {text[a:b]!r} overlaps claim {text[s:e]!r}")

    # completeness scan
    for short, text in texts.items():
        covered = claim_spans[short] + nonclaim_spans[short]
        for rx in SCAN_RES:
            for m in rx.finditer(text):
                s, e = m.span()
                if not any(a < e and s < b for a, b in covered):
                    line = text[max(0, s - 40):e + 40].replace("\n", " ").replace("\r", "")
                    problems.append(f"{names[short]}: unaccounted {m.group(0)!r} in …{line}…")

    if problems:
        print("\n".join(problems))
        print(f"{len(problems)} problem(s)")
        return 1

    used = set()

    def spans(ts: list[str]) -> list[dict]:
        for t in ts:
            if t not in tags:
                sys.exit(f"unknown tag {t}")
            used.add(t)
        return [dict(tags[t]) for t in ts]

    gold = {
        "corpus": corpus,
        "discrepancies": [{"id": f"{corpus}-{d['id']}", "fact": d["fact"], "category": d["category"],
                           "sides": [spans(s) for s in d["sides"]]} for d in discrepancies],
        "optional": [{"id": f"{corpus}-{o['id']}", "fact": o["fact"], "category": o["category"],
                      "sides": [spans(s) for s in o["sides"]]} for o in optional],
        "traps": [{"id": f"{corpus}-{t['id']}", "fact": t["fact"], "category": t["category"],
                   "claims": spans(t["claims"])} for t in traps],
        "derived": [{"id": f"{corpus}-{x['id']}", "fact": x["fact"], "claims": spans(x["claims"])} for x in derived],
        "claims": sorted(claims, key=lambda c: (c["doc"], c["start"])),
    }
    unused = sorted(set(tags) - used)
    if unused:
        print(f"note: {len(unused)} tagged claims are not used in any gold case (kept for reference)")
    with open(os.path.join(here, "gold.json"), "w", encoding="utf-8") as fh:
        json.dump(gold, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    with open(os.path.join(here, "nonclaims.json"), "w", encoding="utf-8") as fh:
        json.dump(sorted(nonclaims_out, key=lambda c: (c["doc"], c["start"])), fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    print(f"wrote {len(texts)} docs, gold.json and nonclaims.json: {len(gold['claims'])} claims, "
          f"{len(gold['discrepancies'])} discrepancies, {len(gold['optional'])} optional, "
          f"{len(gold['traps'])} traps, {len(gold['derived'])} derived")
    return 0



CLAIM_KINDS = {"date", "money", "percent", "count", "quantity", "ordinal"}
D_CATS = {"year", "date", "count", "money", "percent", "quantity", "spelled", "within_doc"}
T_CATS = {"same_number", "different_fact", "format", "qualifier", "rounding", "granularity",
          "time_series", "correction", "time_zone"}


def overlaps(a: dict, b: dict) -> bool:
    return a["doc"] == b["doc"] and a["start"] < b["end"] and b["start"] < a["end"]


def check(*, here: str, corpus: str, max_words: int = 800) -> int:
    """The checks of check.py (see its docstring) on the corpus in ``here``."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--report", help="write a gold-derived report here")
    a = ap.parse_args()

    with open(os.path.join(here, "gold.json"), encoding="utf-8") as fh:
        gold = json.load(fh)
    assert gold["corpus"] == corpus, gold["corpus"]
    docs_dir = os.path.join(here, "docs")
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
        assert c["kind"] in CLAIM_KINDS, f"claim {i}: kind {c['kind']}"
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
        assert 350 <= w <= max_words, f"{n}: {w} words"
    assert nd == 8 and nt == 15 and no == 2 and nx == 2, (nd, nt, no, nx)
    assert [g["id"] for g in gold["discrepancies"]] == [f"{corpus}-d{i}" for i in range(1, 9)]
    assert [g["id"] for g in gold["traps"]] == [f"{corpus}-t{i}" for i in range(1, 16)]
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

