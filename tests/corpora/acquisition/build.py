#!/usr/bin/env python3
"""Build the `acquisition` evaluation corpus: docs/*.txt, gold.json and nonclaims.json.

Sources live in src/*.txt.  In a source file:
  ⟦text¦k¦label⟧   marks a claim (k: d=date m=money p=percent c=count q=quantity o=ordinal)
                    with an optional label used to build the gold cases below;
  ⟦text¦x⟧         marks a declared NON-claim (identifier, list number, phone, idiomatic "one" ...);
  <nb> <nnb> <nbh> <tab>   become U+00A0, U+202F, U+2011 and a tab;
  lines starting with ‖ form a space-aligned plain-text table (cells separated by ‖).
The markers are stripped to produce the document text.  Each span is then LOCATED in the
written file (read back with newline="", so CRLF counts two characters) by searching for the
smallest surrounding context that occurs exactly once; the offset found must equal the offset
the marker implied.

Audit (the build fails on any of these):
  - a digit run that is not wholly inside a claim or a declared non-claim;
  - a number word (one, twelve, first, million, twice ...) or a capitalised month name that is
    inside neither a claim nor a declared non-claim (markers or NONCLAIM_PATTERNS below);
  - overlapping claims, or a claim overlapping a declared non-claim.

Usage: python3 build.py [-v]     (rewrites docs/, gold.json and nonclaims.json)
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC, DOCS = HERE / "src", HERE / "docs"
NAME = "acquisition"
CRLF_DOCS = {"a04_kelmstad-observer-quillon-jobs.txt"}   # scraped page kept with Windows line ends

PLACEHOLDERS = {"<nb>": "\u00a0", "<nnb>": "\u202f", "<nbh>": "\u2011", "<tab>": "\t"}
KINDS = {"d": "date", "m": "money", "p": "percent", "c": "count", "q": "quantity", "o": "ordinal"}
ANN = re.compile(r"⟦([^⟦⟧¦]+)¦([dmpcqox])(?:¦([A-Za-z0-9_]+))?⟧")

# Declared non-claims recognised by pattern (in addition to the ⟦…¦x⟧ markers in src/).
NONCLAIM_PATTERNS = [
    r"\^\{\*1\}",            # footnote marker in the blog (superscripts ¹²³⁴ contain no ASCII digit)
    r"second-hand",          # idiom
]

# ---------------------------------------------------------------- gold cases (by label)
# A selector is "label", optionally narrowed to documents with "label@docprefix".
DISCREPANCIES = [
    ("d1", "Year Quillon Systems was founded: 2009 (press release, VCMA statement, fact sheet, "
           "Observer, encyclopedia) vs 2007 (Tidewire story on the shareholder vote)", "year",
     [["qfounded"], ["qfounded_bad"]]),
    ("d2", "Date the VCMA cleared the acquisition: 14 May 2024 (VCMA statement, fact sheet, encyclopedia, "
           "annual report) vs 16 May 2024 (blog footnote citing the VCMA decision)", "date",
     [["vcma_date"], ["vcma_date_bad"]]),
    ("d3", "Quillon headcount at announcement / 31 December 2023: 2,315 (press release, wire, VCMA, fact "
           "sheet, encyclopedia; 'more than 2,300' on the call) vs 2,135 (Marlow in the Byteline interview)",
     "count", [["emp"], ["emp_bad"]]),
    ("d4", "Value of the deal (equity value): $1.24 billion / $1.24bn / USD 1.24 billion / 1.24 billion "
           "dollar / $1.2bn / EUR 1.15 billion vs 'more than $1.3bn' (blog)", "money",
     [["value"], ["value_bad"]]),
    ("d5", "Premium to Quillon's last close before the announcement: 38 per cent / 38% / 38.0 % vs "
           "28 per cent (Kelmstad Observer)", "percent",
     [["prem"], ["prem_bad"]]),
    ("d6", "Distance from Kelmstad to Helmsgate's Arnhavn campus: 218 km / 135 miles / 218 kilometres vs "
           "281 km (175 mi) (encyclopedia)", "quantity",
     [["dist"], ["dist_bad"]]),
    ("d7", "Number of Quillon nominees on the Helmsgate board: two (press release, earnings call, "
           "interview) vs 3 (fact-sheet table row)", "spelled",
     [["seats"], ["seats_bad"]]),
    ("d8", "Annual cost-synergy target by end-2026: $45 million (press release, call, wire, fact sheet, "
           "blog, annual report CEO review) vs $54 million (Outlook section of the same annual report)",
     "within_doc", [["syn"], ["syn_bad"]]),
]
OPTIONAL = [
    ("o1", "Combined workforce: 'more than 9,200' (announcement, before the job cuts) vs 'about 8,900' "
           "(encyclopedia, no as-of date) vs 8,890 at 31 December 2024 (annual report)", "count",
     [["wf_a"], ["wf_b"], ["wf_c"]]),
    ("o2", "Combined market share: 55 % / 'more than half' by revenue vs the blogger's own estimate "
           "'closer to six in ten' by customer count (different basis, loosely worded)", "percent",
     [["share55"], ["sixinten"]]),
]
DERIVED = [
    ("x1", "Tidewire: Q3 revenue $82.6 million with subscription revenue $71.2 million and services "
           "revenue $9.4 million; the parts sum to $80.6 million",
     ["q3rev@a03", "x1_sub", "x1_serv"]),
    ("x2", "Kelmstad Observer (12 June 2024): Helmsgate 'marks its 25th anniversary this year', which "
           "implies founding in 1999; elsewhere Helmsgate was founded in 1998",
     ["anniv25", "hfounded"]),
]
TRAPS = [
    ("t1", "Same number, different facts: $45 million annual cost synergies vs $45 million termination fee "
           "(adjacent in the press release and the fact-sheet table)", "same_number",
     ["syn@a01", "syn@a06", "fee"]),
    ("t2", "Total vs part: $31.50 per share in total vs $18.90 cash per share vs $12.60 share component",
     "different_fact", ["pps", "cashps", "stockps"]),
    ("t3", "Equity value $1.24 billion vs enterprise value $1.18 billion (same sentence / adjacent rows)",
     "different_fact", ["value@a01", "value@a06", "ev"]),
    ("t4", "Premium of 38 % to the last close vs premium of 45 % to the 30-day VWAP", "different_fact",
     ["prem", "vwap_prem"]),
    ("t5", "Quarterly vs cumulative: Q3 FY2024 revenue $82.6 million vs nine-month revenue $238.9 million",
     "different_fact", ["q3rev@a02", "q3rev@a06", "ninemo"]),
    ("t6", "Customers over time: 118,000 at the 2017 listing vs 186,000 in December 2023", "time_series",
     ["cust_ipo", "cust@a09"]),
    ("t7", "Job cuts: up to 450 proposed in June (planned) vs 410 confirmed in September (actual, gross) "
           "vs net reduction of 325 after 85 new roles", "different_fact",
     ["cuts_plan", "cuts", "cuts_net"]),
    ("t8", "Two regulators, same attribute: VCMA clearance 14 May 2024 vs Aurland Competition Office "
           "clearance 28 May 2024", "different_fact",
     ["vcma_date@a06", "vcma_date@a09", "vcma_date@a10", "aco_date"]),
    ("t9", "Completion instant on two clocks: 3 June 2024, 00:01 CEST / 'one minute past midnight on "
           "3 June' / completed on 3 June 2024 vs 18:01 EDT on 2 June 2024 (US depositary shares)", "format",
     ["close_cest", "close_edt", "close_date"]),
    ("t10", "Rounding: FY2023 revenue $286.4 million vs $286 million", "rounding",
     ["fy23rev", "fy23rev_r"]),
    ("t11", "Qualifier and rounding: ARR $318.4 million vs $318m vs 'passed US$300 million'", "qualifier",
     ["arr", "arr_r", "arr_q"]),
    ("t12", "Units: 218 km / 218km (135 miles) / 218 kilometres", "format", ["dist"]),
    ("t13", "Currency and format: $1.24 billion / $1.24bn / USD 1.24 billion / 1.24 billion dollar / "
            "$1.2bn vs 1.15 billion euros / EUR 1.15bn (Tidewire states $1 = 0.9270 euros)", "format",
     ["value"]),
    ("t14", "Granularity and plan vs outcome: completion expected in the second quarter of 2024 / "
            "'in June 2024' vs completed on 3 June 2024", "granularity",
     ["close_exp", "close_month", "close_date"]),
    ("t15", "Correction: provisional 95.8 % at the general meeting vs final 96.4 %; the fact sheet says the "
            "final count replaces the provisional figure", "correction",
     ["egm_prov", "egm_final"]),
]


# ---------------------------------------------------------------- source processing
def strip_markers(s: str) -> str:
    return ANN.sub(lambda m: m.group(1), s)


def format_tables(text: str) -> str:
    """Lines starting with ‖ are table rows; pad cells (first left-aligned, others right-aligned)."""
    lines = text.split("\n")
    out, block = [], []

    def flush():
        if not block:
            return
        rows = [ln[1:].split("‖") for ln in block]
        ncol = max(len(r) for r in rows)
        widths = [max(len(strip_markers(r[i])) if i < len(r) else 0 for r in rows) for i in range(ncol)]
        # a column is right-aligned when its body cells are figures, otherwise left-aligned
        numeric = re.compile(r"^(?:[0-9$€+\u2212–-]|USD|c\. )")
        right = [i > 0 and all(numeric.match(strip_markers(r[i]).strip()) for r in rows[1:]
                               if i < len(r) and strip_markers(r[i]).strip()) for i in range(ncol)]
        for r in rows:
            cells = []
            for i, cell in enumerate(r):
                pad = " " * (widths[i] - len(strip_markers(cell)))
                cells.append(pad + cell if right[i] else cell + pad)
            out.append("   ".join(cells).rstrip())
        block.clear()

    for ln in lines:
        if ln.startswith("‖"):
            block.append(ln)
        else:
            flush()
            out.append(ln)
    flush()
    return "\n".join(out)


def parse(raw: str):
    for k, v in PLACEHOLDERS.items():
        raw = raw.replace(k, v)
    raw = format_tables(raw)
    plain, claims, nonclaims, pos, last = [], [], [], 0, 0
    for m in ANN.finditer(raw):
        plain.append(raw[last:m.start()])
        pos += m.start() - last
        text, k, label = m.group(1), m.group(2), m.group(3)
        rec = {"start": pos, "end": pos + len(text), "text": text}
        if k == "x":
            nonclaims.append(rec)
        else:
            rec.update(kind=KINDS[k], label=label)
            claims.append(rec)
        plain.append(text)
        pos += len(text)
        last = m.end()
    plain.append(raw[last:])
    text = "".join(plain)
    for ch in "⟦⟧¦‖":
        assert ch not in text, f"stray marker {ch!r}"
    assert not re.search(r"<n?nbh?>|<tab>", text), "placeholder left in text"
    for c in claims + nonclaims:
        assert text[c["start"]:c["end"]] == c["text"]
    for pat in NONCLAIM_PATTERNS:
        for m in re.finditer(pat, text):
            nonclaims.append({"start": m.start(), "end": m.end(), "text": m.group(0), "pattern": pat})
    return text, claims, nonclaims


NUMWORDS = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    r"hundred|thousand|million|billion|half|third|thirds|dozen|first|second|"
    r"fourth|fifth|sixth|seventh|eighth|ninth|tenth|decade|decades|twice|double|doubled|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b",
    re.IGNORECASE)
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
          "sept", "oct", "nov", "dec"}


def audit(name: str, text: str, claims: list[dict], nonclaims: list[dict]) -> list[str]:
    """Every digit run, number word and capitalised month name must lie inside a claim or a
    declared non-claim; claims must not overlap each other or a non-claim."""
    problems = []
    owner = [None] * len(text)
    for c in claims:
        for i in range(c["start"], c["end"]):
            if owner[i] is not None:
                problems.append(f"{name}: overlapping spans at {i}: {c['text']!r}")
                break
            owner[i] = "c"
    for n in nonclaims:
        for i in range(n["start"], n["end"]):
            if owner[i] == "c":
                problems.append(f"{name}: non-claim {n['text']!r} overlaps a claim")
                break
            owner[i] = "x"
    for m in re.finditer(r"\d+", text):
        if any(owner[i] is None for i in range(m.start(), m.end())):
            problems.append(f"{name}: unmarked digits {text[max(0, m.start()-30):m.end()+30]!r}")
    for m in NUMWORDS.finditer(text):
        w = m.group(0)
        if w.lower() in MONTHS and not w[0].isupper():
            continue            # "may" the verb, "march" the verb
        if any(owner[i] is None for i in range(m.start(), m.end())):
            problems.append(f"{name}: unmarked number word/month {w!r} in "
                            f"{text[max(0, m.start()-35):m.end()+35]!r}")
    return problems


def unique_context(text: str, s: int, e: int) -> tuple[str, int]:
    """Smallest symmetric window around text[s:e] that occurs exactly once; returns (ctx, left_len)."""
    for k in range(0, 600):
        a, b = max(0, s - k), min(len(text), e + k)
        ctx = text[a:b]
        if text.count(ctx) == 1:
            return ctx, s - a
    raise AssertionError(f"no unique context for {text[s:e]!r}")


# ---------------------------------------------------------------- build
def main() -> int:
    DOCS.mkdir(exist_ok=True)
    for old in DOCS.glob("*.txt"):
        old.unlink()
    all_claims, all_nonclaims, problems = [], [], []
    for src in sorted(SRC.glob("*.txt")):
        name = src.name
        text, claims, nonclaims = parse(src.read_text(encoding="utf-8"))
        problems += audit(name, text, claims, nonclaims)
        out = text.replace("\n", "\r\n") if name in CRLF_DOCS else text
        with open(DOCS / name, "w", encoding="utf-8", newline="") as fh:
            fh.write(out)
        with open(DOCS / name, encoding="utf-8", newline="") as fh:
            final = fh.read()
        assert final == out
        # locate every span in the file as written by searching for a unique context
        for rec, bucket in [(c, all_claims) for c in claims] + [(n, all_nonclaims) for n in nonclaims]:
            ctx, left = unique_context(text, rec["start"], rec["end"])
            if name in CRLF_DOCS:
                left = len(ctx[:left].replace("\n", "\r\n"))
                ctx = ctx.replace("\n", "\r\n")
            assert final.count(ctx) == 1, (name, ctx)
            start = final.find(ctx) + left
            end = start + len(rec["text"])
            assert final[start:end] == rec["text"], (name, rec)
            item = {"doc": name, "start": start, "end": end, "text": rec["text"]}
            if "kind" in rec:
                item["kind"] = rec["kind"]
                item["_label"] = rec["label"]
            bucket.append(item)
    if problems:
        print("\n".join(problems))
        print(f"BUILD FAILED: {len(problems)} problem(s)")
        return 1

    def spans(selectors: list[str]) -> list[dict]:
        res, seen = [], set()
        for sel in selectors:
            lab, _, doc = sel.partition("@")
            hit = [c for c in all_claims if c["_label"] == lab and c["doc"].startswith(doc)]
            assert hit, f"selector {sel!r} matches nothing"
            for c in hit:
                k = (c["doc"], c["start"])
                if k not in seen:
                    seen.add(k)
                    res.append(c)
        res.sort(key=lambda c: (c["doc"], c["start"]))
        return [{k: c[k] for k in ("doc", "start", "end", "text")} for c in res]

    gold = {"corpus": NAME, "discrepancies": [], "optional": [], "traps": [], "derived": [], "claims": []}
    for i, fact, cat, sides in DISCREPANCIES:
        gold["discrepancies"].append({"id": f"{NAME}-{i}", "fact": fact, "category": cat,
                                      "sides": [spans(s) for s in sides]})
    for i, fact, cat, sides in OPTIONAL:
        gold["optional"].append({"id": f"{NAME}-{i}", "fact": fact, "category": cat,
                                 "sides": [spans(s) for s in sides]})
    for i, fact, cat, labels in TRAPS:
        gold["traps"].append({"id": f"{NAME}-{i}", "fact": fact, "category": cat, "claims": spans(labels)})
    for i, fact, labels in DERIVED:
        gold["derived"].append({"id": f"{NAME}-{i}", "fact": fact, "claims": spans(labels)})
    gold["claims"] = [{k: c[k] for k in ("doc", "start", "end", "text", "kind")}
                      for c in sorted(all_claims, key=lambda c: (c["doc"], c["start"]))]
    with open(HERE / "gold.json", "w", encoding="utf-8") as fh:
        json.dump(gold, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    with open(HERE / "nonclaims.json", "w", encoding="utf-8") as fh:
        json.dump(sorted(all_nonclaims, key=lambda n: (n["doc"], n["start"])), fh, ensure_ascii=False, indent=1)
        fh.write("\n")

    used = {s.partition("@")[0] for *_, sides in DISCREPANCIES + OPTIONAL for side in sides for s in side}
    used |= {s.partition("@")[0] for *_, sels in TRAPS + DERIVED for s in sels}
    unused = sorted({c["_label"] for c in all_claims if c["_label"]} - used)
    if "-v" in sys.argv and unused:
        print("(info) labels kept for bookkeeping only, not used by any gold case:", ", ".join(unused))
    print(f"built {len(list(DOCS.glob('*.txt')))} docs, {len(all_claims)} claims, "
          f"{len(all_nonclaims)} declared non-claims; audit clean (digits, number words, month names)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
