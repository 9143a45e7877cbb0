#!/usr/bin/env python3
"""Build the `wildfire` evaluation corpus: docs/*.txt, gold.json and nonclaims.json.

Sources live in src/*.txt (adapted from the scheme of the shared `census` corpus). In a source file:
  ⟦text¦k¦label⟧   marks a claim (k: d=date m=money p=percent c=count q=quantity o=ordinal),
                    with an optional label used to build the gold cases below;
  ⟦text¦x⟧         marks a deliberate NON-claim (identifier, list/paragraph number, phone number,
                    footnote or reference marker, idiomatic number word ...);
  <nb> <nnb> <nbh> <tab>   become U+00A0, U+202F, U+2011 and a tab;
  lines starting with ‖ form a space-aligned plain-text table (cells separated by ‖).
The markers are stripped to produce the document text (a01 is written with CRLF line ends).
Every span is then located in the written file, read back with open(path, encoding="utf-8",
newline=""), by searching for the smallest context around it that is unique in the document;
the offset found must equal the offset the marker implied.

Audit: the build FAILS if any ASCII digit run, number word (one … ninety, hundred, thousand, first …
tenth, half, quarter, dozen, twice, single, decade …) or capitalised month name in any document lies
outside every claim and every declared non-claim, or if two marked spans overlap.

Usage: python3 build.py        (rewrites docs/, gold.json and nonclaims.json)
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC, DOCS = HERE / "src", HERE / "docs"
NAME = "wildfire"
CRLF_DOCS = {"a01_halvesk-post-evacuations.txt"}   # scraped page kept with Windows line ends

PLACEHOLDERS = {"<nb>": "\u00a0", "<nnb>": "\u202f", "<nbh>": "\u2011", "<tab>": "\t"}
KINDS = {"d": "date", "m": "money", "p": "percent", "c": "count", "q": "quantity", "o": "ordinal"}
ANN = re.compile(r"⟦([^⟦⟧¦]+)¦([dmpcqox])(?:¦([A-Za-z0-9_]+))?⟧")

# ---------------------------------------------------------------- gold cases (by label)
# "label" = every claim with that label; "label@a04" = only in documents whose name starts with a04.
DISCREPANCIES = [
    ("d1", "year", "Year of the Tovarn fire, the previous record wildfire in Keldania: 1976 "
     "(Halvesk Post ×2, interview, blog ×2, encyclopedia, live blog) vs 'the 1979 Tovarn fire' (CPA wire)",
     [["tovarn"], ["tovarn_bad"]]),
    ("d2", "date", "Date the Grevdal Fire was declared contained: 29 August 2025 (NCPA statement, fact sheet, "
     "interview 'six in the evening on 29 August', encyclopedia ×2, wire 'Aug. 29') vs 'declared contained "
     "on 26 August' (KRS press release)",
     [["contained"], ["contained_bad"]]),
    ("d3", "count", "Homes destroyed by the Grevdal Fire (final assessment): 412 (press release, fact sheet "
     "table row and text, encyclopedia ×2, wire, annual report) vs 'We lost more than 450 homes' (fire chief "
     "interview)",
     [["homes"], ["homes_bad"]]),
    ("d4", "money", "Government's emergency relief pledge of 21 July 2025: KDK 450 million / €60 million "
     "(press release, statement, fact sheet, encyclopedia, live blog, annual report table 450.0) vs "
     "KDK 540 million (Halvesk Post article and a reader comment)",
     [["gov"], ["gov_bad"]]),
    ("d5", "percent", "Containment of the Grevdal Fire on 10 August 2025: 81 % (fact sheet table and text, "
     "encyclopedia) vs '87 per cent contained' by 10 August (fire-ecology blog)",
     [["cont10"], ["cont10_bad"]]),
    ("d6", "quantity", "Area burned by the Grevdal Fire: 48,600 ha = 486 km² = 120,100 / about 120,000 acres "
     "(press release, statement ×2, fact sheet ×5, blog ×3, encyclopedia ×3, wire ×2) vs 46,800 hectares (468 km²) (KRS annual report; transposed digits)",
     [["area"], ["area_bad"]]),
    ("d7", "spelled", "Communities placed under evacuation orders: 14 / fourteen (Halvesk Post, statement, "
     "fact sheet ×3, encyclopedia, live blog) vs 'Thirteen communities were evacuated' (blog)",
     [["comm14"], ["comm_bad"]]),
    ("d8", "within_doc", "Firefighters deployed at the peak (24 July 2025): 2,350 (statement, fact sheet "
     "×2, interview, encyclopedia infobox) vs 2,530 in the body of the same encyclopedia page",
     [["ff"], ["ff_bad"]]),
]
OPTIONAL = [
    ("o1", "count", "Public-appeal givers: 'more than 41,000 individual donors' (press release, 4 Sep 2025, "
     "appeal still open) vs '52,300 donations from individuals' (annual report, after the appeal closed); "
     "donors vs donations and a different as-of date: ambiguous",
     [["donors"], ["donations"]]),
    ("o2", "count", "Aircraft on the Grevdal Fire: 38 at the peak (statement, fact sheet, encyclopedia ×2) vs "
     "'more than 40 aircraft flew on this fire at one time or another' over six weeks (interview); "
     "peak vs all aircraft ever used: ambiguous",
     [["aircraft"], ["aircraft_o"]]),
]
DERIVED = [
    ("x1", "Encyclopedia: of the 18,437 evacuees, 11,920 came from the Grevdal valley and 7,117 from the "
     "Drenna valley; 11,920 + 7,117 = 19,037, not 18,437",
     ["evac_x1", "x1_grev", "x1_dren"]),
    ("x2", "CPA wire of 6 Oct 2025: the Keldanian Relief Society 'marks its 100th anniversary this year', "
     "i.e. founded 1925, but the Society was founded in 1921 (press release, annual report)",
     ["krs_anniv", "krs_founded"]),
]
TRAPS = [
    ("t1", "same_number", "14 fixed-wing water bombers vs 14 evacuated communities (same number, different "
     "facts; adjacent rows of the fact sheet, same paragraph block of the statement)",
     ["fixed14", "comm14@a03", "comm14@a04"]),
    ("t2", "different_fact", "Total vs part: 71,300 ha burned by all 23 fires of the 2025 Halvesk season vs "
     "48,600 ha burned by the Grevdal Fire", ["season_ha", "area@a03", "area@a04", "area@a06", "area@a07"]),
    ("t3", "different_fact", "Annual vs cumulative: Rebuild Halvesk about 240 million krone a year vs "
     "KDK 1.2 billion / 1.2 billion krone / KDK 1,200 million / €160 million over 2026–2030",
     ["rebuild_yr", "rebuild"]),
    ("t4", "different_fact", "Planned vs actual: appeal target KDK 800 million vs pledges of KDK 758.4 million "
     "('passed KDK 750 million' on 4 Sep)", ["target", "pledged", "pledged_q"]),
    ("t5", "different_fact", "Budget vs spent: emergency cash grants budgeted at KDK 96 million vs "
     "KDK 88.7 million paid", ["grant_budget", "grants_paid"]),
    ("t6", "different_fact", "Gross vs net: public appeal gross proceeds KDK 38.4 million vs net KDK 36.9 million",
     ["gross", "net"]),
    ("t7", "different_fact", "Two fires, same attribute: Skarn Fire contained on 3 August vs Grevdal Fire "
     "contained on 29 August", ["skarn_cont", "contained@a03", "contained@a04", "contained@a07"]),
    ("t8", "rounding", "People evacuated: 18,437 vs 18,400 / about 18,400 (rounded)",
     ["evac", "evac_r", "evac_r2"]),
    ("t9", "qualifier", "People evacuated: 'more than 18,000' vs 18,437", ["evac_q", "evac"]),
    ("t10", "format", "Containment line: 312 km / 312 kilometres / 194 miles (unit conversion)", ["line"]),
    ("t11", "format", "Nordvale Union Solidarity Fund pledge: €22 million = KDK 165 million (rate €1 = KDK 7.50 "
     "stated in the text)", ["nusf", "rate"]),
    ("t12", "granularity", "Ignition 'July 2025' (blog) / 'mid-July' (wire) vs 15 July 2025", ["ign_month", "ign@a02", "ign@a03",
                                                                           "ign@a04", "ign@a10"]),
    ("t13", "time_series", "Containment over time with explicit dates: 15 % (20 Jul), 18 % (22 Jul), 20 % "
     "(23 Jul), 22 % (24 Jul), 40 % (27 Jul), 62 % (3 Aug), 81 % (10 Aug), 94 % (20 Aug), 100 % (29 Aug)",
     ["cont", "cont10@a04"]),
    ("t14", "correction", "Provisional damage assessment of 2 August (389 homes destroyed, 164 damaged; NCPA "
     "statement) superseded by the final assessment of 1 September (412 destroyed), as the fact sheet says",
     ["homes_prov", "damaged_prov", "homes@a04"]),
    ("t15", "format", "Different clocks: ignition at 00:50 KST (UTC+2) on 15 July 2025 vs 22:50 UTC on "
     "14 July 2025 (encyclopedia infobox)", ["ign_utc", "ign@a04", "ign@a07"]),
]

# ---------------------------------------------------------------- audit patterns
NUMWORDS = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    r"hundreds?|thousands?|millions?|billions?|dozens?|half|halves|thirds?|quarters?|"
    r"first|second|fourth|fifth|sixth|seventh|eighth|ninth|tenth|twice|double|doubled|triple|single|"
    r"decades?|centur(?:y|ies))\b", re.IGNORECASE)
MONTHS = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|"
                    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b")


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
        for r in rows:
            cells = []
            for i, cell in enumerate(r):
                pad = " " * (widths[i] - len(strip_markers(cell)))
                cells.append(cell + pad if i == 0 else pad + cell)
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
    for ch in "⟦⟧¦‖<>":
        assert ch not in text, f"stray marker {ch!r} near {text[max(0, text.find(ch) - 40):text.find(ch) + 20]!r}"
    for c in claims + nonclaims:
        assert text[c["start"]:c["end"]] == c["text"]
        assert c["text"] == c["text"].strip(), f"untrimmed span {c['text']!r}"
    return text, claims, nonclaims


def audit(name: str, text: str, spans: list[dict]) -> list[str]:
    """Every digit run, number word and month name must lie inside a claim or a declared non-claim."""
    covered = [False] * len(text)
    for s in spans:
        for i in range(s["start"], s["end"]):
            covered[i] = True
    errors = []
    order = sorted(spans, key=lambda s: s["start"])
    for a, b in zip(order, order[1:]):
        if b["start"] < a["end"]:
            errors.append(f"{name}: overlapping spans {a['text']!r} / {b['text']!r}")
    for pat, what in ((re.compile(r"[0-9]+"), "digits"), (NUMWORDS, "number word"), (MONTHS, "month")):
        for m in pat.finditer(text):
            if not all(covered[m.start():m.end()]):
                errors.append(f"{name}: uncovered {what} {m.group(0)!r} in "
                              f"{text[max(0, m.start() - 40):m.end() + 30]!r}")
    return errors


def unique_context(text: str, s: int, e: int) -> tuple[str, int]:
    """Smallest symmetric window around text[s:e] that occurs exactly once; returns (ctx, left_len)."""
    for k in range(0, 400):
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
    all_claims, all_nonclaims, errors = [], [], []
    for src in sorted(SRC.glob("*.txt")):
        name = src.name
        text, claims, nonclaims = parse(src.read_text(encoding="utf-8"))
        errors += audit(name, text, claims + nonclaims)
        out = text.replace("\n", "\r\n") if name in CRLF_DOCS else text
        with open(DOCS / name, "w", encoding="utf-8", newline="") as fh:
            fh.write(out)
        with open(DOCS / name, encoding="utf-8", newline="") as fh:
            final = fh.read()
        assert final == out
        # locate every span in the file text by a unique context taken from the rendered text
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
    if errors:
        print("AUDIT FAILED (add a claim or a declared non-claim):")
        print("\n".join("  " + e for e in errors))
        return 1

    def spans(labels: list[str]) -> list[dict]:
        res = []
        for lab in labels:
            lab, _, doc = lab.partition("@")
            hit = [c for c in all_claims if c["_label"] == lab and c["doc"].startswith(doc)]
            assert hit, f"label {lab!r} ({doc or 'any doc'}) matches nothing"
            res += hit
        return [{k: c[k] for k in ("doc", "start", "end", "text")} for c in res]

    gold = {"corpus": NAME, "discrepancies": [], "optional": [], "traps": [], "derived": [], "claims": []}
    for i, cat, fact, sides in DISCREPANCIES:
        gold["discrepancies"].append({"id": f"{NAME}-{i}", "fact": fact, "category": cat,
                                      "sides": [spans(s) for s in sides]})
    for i, cat, fact, sides in OPTIONAL:
        gold["optional"].append({"id": f"{NAME}-{i}", "fact": fact, "category": cat,
                                 "sides": [spans(s) for s in sides]})
    for i, cat, fact, labels in TRAPS:
        gold["traps"].append({"id": f"{NAME}-{i}", "fact": fact, "category": cat, "claims": spans(labels)})
    for i, fact, labels in DERIVED:
        gold["derived"].append({"id": f"{NAME}-{i}", "fact": fact, "claims": spans(labels)})
    gold["claims"] = [{k: c[k] for k in ("doc", "start", "end", "text", "kind")} for c in all_claims]
    with open(HERE / "gold.json", "w", encoding="utf-8") as fh:
        json.dump(gold, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    with open(HERE / "nonclaims.json", "w", encoding="utf-8") as fh:
        json.dump(all_nonclaims, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    used = {l.partition("@")[0] for *_, s in DISCREPANCIES + OPTIONAL for side in s for l in side}
    used |= {l.partition("@")[0] for *_, ls in TRAPS + DERIVED for l in ls}
    unused = sorted({c["_label"] for c in all_claims if c["_label"]} - used)
    if unused:
        print("(info) labels kept for bookkeeping only, not used by any gold case:", ", ".join(unused))
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in DOCS.glob("*.txt"))
    print(f"built {len(list(DOCS.glob('*.txt')))} docs ({words} words), {len(all_claims)} claims, "
          f"{len(all_nonclaims)} declared non-claims; audit of digits, number words and months passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
