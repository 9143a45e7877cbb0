#!/usr/bin/env python3
"""Build the `harbour` evaluation corpus: render src/*.txt into docs/*.txt and write gold.json.

Sources live in src/*.txt.  In a source file:
  ⟦text¦k¦label⟧   marks a claim (k: d=date m=money p=percent c=count q=quantity o=ordinal)
                    with an optional label used to build the gold cases below;
  ⟦text¦x⟧         marks a deliberate NON-claim (identifier, list number, phone, page number,
                    footnote marker, time of day, idiomatic "first"/"one" ...);
  <nb> <nnb> <nbh> <tab>   become U+00A0, U+202F, U+2011 and a tab;
  lines starting with ‖ form a space-aligned plain-text table (cells separated by ‖).

The markers are stripped to produce the document text (a02 is written with CRLF line ends).
Each span is then located in the written file (read back with newline="") by searching for its
text inside the smallest surrounding context that is unique in the document; the offset found
must equal the offset the marker implied.

Audit (the build fails otherwise):
  * every digit run, every superscript digit / ^{*n} marker, every number word
    (one ... ninety, hundred, thousand, million, billion, dozen, half, quarter, twice, decade,
    first ... tenth ...) and every capitalised month name lies inside a claim or a declared non-claim;
  * no two claims overlap and no claim overlaps a non-claim;
  * every label used by a gold case matches at least one claim.

Usage: python3 build.py [-v]      (rewrites docs/, gold.json and nonclaims.json)
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC, DOCS = HERE / "src", HERE / "docs"
NAME = "harbour"
CRLF_DOCS = {"a02_sanmerel-courier-last-berth.txt"}   # scraped web page kept with Windows line ends

PLACEHOLDERS = {"<nb>": "\u00a0", "<nnb>": "\u202f", "<nbh>": "\u2011", "<tab>": "\t"}
KINDS = {"d": "date", "m": "money", "p": "percent", "c": "count", "q": "quantity", "o": "ordinal"}
ANN = re.compile(r"⟦([^⟦⟧¦]+)¦([dmpcqox])(?:¦([A-Za-z0-9_]+))?⟧")

# ---------------------------------------------------------------- gold cases (by label)
# A label may be narrowed to documents with "label@docprefix" (and to one text with "=text").
DISCREPANCIES = [
    ("d1", "Year the original Sanmerel North Container Terminal opened: 1987 (press release, fact sheet, "
           "blog, encyclopedia infobox/body/category) vs 1983 (Sanmerel Courier)", "year",
     [["nct_open"], ["nct_open_bad"]]),
    ("d2", "Date Berth 6 entered commercial service: 2 September 2024 / 2024-09-02 (press release, board "
           "statement, fact sheet, encyclopedia) vs September 12, 2024 (NCP wire)", "date",
     [["b6"], ["b6_bad"]]),
    ("d3", "Permanent jobs created by the Phase 2 expansion: 1,850 (press release, Courier, interview, wire, "
           "encyclopedia, annual report) vs 1 580 in the fact sheet's table row", "count",
     [["jobs"], ["jobs_bad"]]),
    ("d4", "Total / final cost of the Phase 2 expansion: VSK 18.46 billion = US$1.3 billion (8 documents, "
           "also '1.3 billion dollars', '18.46 billion veskars') vs 'well over $1.4bn' (Box Economics blog, "
           "attributed to the annual report)", "money",
     [["cost"], ["cost_bad"]]),
    ("d5", "Share of the concession company NTC held by the state through Veskarian Ports Holding: 34 % "
           "(board statement, press release, fact sheet, blog, wire, encyclopedia, annual report 34.0 %) vs "
           "'the state keeps 43 per cent' (Director General's interview answer)", "percent",
     [["vph"], ["vph_bad"]]),
    ("d6", "Depth of the dredged approach channel / new quay: 17.5 metres (= 57 feet in the wire) vs "
           "15.7 metres (RVK live blog)", "quantity",
     [["depth"], ["depth_bad"]]),
    ("d7", "New ship-to-shore cranes installed by Phase 2: 12 (press release, Courier, fact sheet, wire, "
           "annual report) vs 'fourteen ship-to-shore cranes' (encyclopedia)", "spelled",
     [["cranes"], ["cranes_bad"]]),
    ("d8", "Container throughput of Sanmerel North in 2024: 1,317,412 TEU (operating review and five-year "
           "table of the annual report; fact sheet, encyclopedia, blog '1.32m', interview 'just over 1.3 "
           "million') vs '1.37 million TEU' in the Chairman's letter of the same annual report",
     "within_doc", [["tp24"], ["tp24_bad"]]),
]
OPTIONAL = [
    ("o1", "Ship calls at the new berths: 412 'position at 31 December 2024' (annual report) vs 'nearly 500 "
           "calls' since Berth 5 opened (interview of 10 June 2025, no as-of date; the count keeps growing)",
     "count", [["calls412"], ["calls500"]]),
    ("o2", "Transshipment share of volumes in 2024: 28 % (fact sheet, annual report) vs 'nearly a third of "
           "our boxes' (interview): is 28 % nearly a third?", "percent", [["tship"], ["tship_o"]]),
]
DERIVED = [
    ("x1", "Fact sheet quay table: Berth 5 480 m + Berth 6 470 m + Berth 7 490 m = 1,440 m, but the new "
           "quay row above them says 1 420 m (the total stated everywhere)",
     ["len_b5@a04", "len_b6@a04", "len_b7", "quay_new@a04"]),
    ("x2", "Board statement of 11 September 2024: the Authority 'marks its 75th anniversary this year', "
           "implying it was founded in 1949; the press release and the encyclopedia say it was established "
           "in 1952", ["spa_75", "spa_founded"]),
]
TRAPS = [
    ("t1", "Same number, different facts: the Dunmere pension fund's 15 % stake in NTC vs the 15 % tariff "
           "increase of January 2025 (the blog puts them in consecutive sentences)", "same_number",
     ["dunmere", "tariff15"]),
    ("t2", "Quay lengths of different things: new Phase 2 quay 1,420 m vs original quay 1,050 m vs total "
           "quay 2,470 m (part vs total)", "different_fact", ["quay_new", "quay_old", "quay_total"]),
    ("t3", "Concession fee for one year (US$37 million for 2023, US$38 million for 2024) vs cumulative fees "
           "2020-2024 (US$171 million); the blog states them in near-identical sentences", "different_fact",
     ["fee23", "fee", "fee_cum"]),
    ("t4", "Permanent jobs promised in the 2019 bid (2,300, planned) vs created (1,850, actual)",
     "different_fact", ["jobs_plan", "jobs"]),
    ("t5", "Budget approved in 2020 (US$1.2 billion / VSK 17.04 billion) vs final cost (US$1.3 billion / "
           "VSK 18.46 billion)", "different_fact", ["budget", "cost"]),
    ("t6", "Gross revenue 2024 (US$212.4 million, '$212m') vs net revenue after the concession fee "
           "(US$174.4 million, '$174m')", "different_fact", ["gross", "net"]),
    ("t7", "2024 throughput of two different ports: Sanmerel North 1,317,412 TEU (1.32m, just over 1.3 "
           "million) vs Port of Lindqvar 1.58 million TEU", "different_fact", ["tp24", "lind"]),
    ("t8", "Dredged volume 9.63 million cubic metres vs rounded 'about/some 9.6 million cubic metres/meters'",
     "rounding", ["dredge", "dredge_r"]),
    ("t9", "Peak construction workforce 4,200 / 'up to 4,200 people' vs 'over 4,000 workers'", "qualifier",
     ["workers", "workers_q"]),
    ("t10", "Approach channel length in different units: 11.2 km / 11.2 kilometres vs 'seven-mile' and "
            "'six nautical miles'", "format", ["chan_km", "chan_mi"]),
    ("t11", "Budget in different currencies and notations: US$1.2 billion / US$1.2 bn / $1.2bn / 1.2 billion "
            "dollars / USD 1.2 billion / about $1.2 billion / VSK 17.04 billion / 17.04 billion veskars "
            "(rate VSK 14.20 = US$1 stated in the texts)", "format", ["budget"]),
    ("t12", "Berth 7 opening: 27 February 2025 / 2025-02-27 vs 'February 2025' and the scheduled 'Q1 2025'",
     "granularity", ["b7", "b7_month"]),
    ("t13", "Throughput time series with explicit years: 842,000 TEU (2019), 791,000 (2020), 905,000 (2021), "
            "968,000 (2022), 1,034,000 (2023), 1,317,412 (2024)", "time_series",
     ["tp19", "tp20", "tp21", "tp22", "tp23", "tp24"]),
    ("t14", "Preliminary 2024 throughput 1.29 million TEU, up 25 percent (Port Authority, 15 January 2025) vs "
            "audited 1,317,412 TEU, up 27.4 %; the annual report says the audited figure supersedes the "
            "preliminary one", "correction", ["tp24_prelim", "growth24_prelim", "tp24", "growth24"]),
    ("t15", "Berth 5's first ship: 23:40 local time (UTC−3) on 17 April 2024 vs 0240 GMT on April 18, 2024 "
            "(wire); the same instant on different clocks", "time_zone", ["b5", "b5_gmt"]),
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
    for ch in "⟦⟧¦‖":
        assert ch not in text, f"stray marker {ch!r}"
    assert "<nb" not in text and "<tab>" not in text, "stray placeholder"
    for c in claims + nonclaims:
        assert text[c["start"]:c["end"]] == c["text"]
        assert c["text"] == c["text"].strip(), f"untrimmed span {c['text']!r}"
    return text, claims, nonclaims


NUMWORDS = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    r"hundred|hundreds|thousand|thousands|million|millions|billion|half|third|thirds|quarter|quarters|"
    r"dozen|dozens|first|second|fourth|fifth|sixth|seventh|eighth|ninth|tenth|decade|decades|century|"
    r"twice|double|doubled|doubles|triple|tripled|once)\b", re.IGNORECASE)
MONTHS = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|"
                    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b")
MARKERS = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\^\{\*\d+\}|\[\d+\]")

# words the audit may leave uncovered because they are not numbers at all in context
ALLOWED_WORDS = {"once"}      # "once volumes pass ..." (conjunction)


def coverage(name: str, text: str, claims: list[dict], nonclaims: list[dict]) -> list[str]:
    """Every digit run, marker, number word and capitalised month must be inside a marked span."""
    covered = [False] * len(text)
    for s in claims + nonclaims:
        for i in range(s["start"], s["end"]):
            covered[i] = True
    errors = []

    def ctx(m):
        return text[max(0, m.start() - 35):m.end() + 35].replace("\n", "⏎")

    for rx, what in ((re.compile(r"\d+"), "digits"), (MARKERS, "marker"), (NUMWORDS, "number word"),
                     (MONTHS, "month")):
        for m in rx.finditer(text):
            if what == "number word" and m.group(0).lower() in ALLOWED_WORDS:
                continue
            if not all(covered[m.start():m.end()]):
                errors.append(f"{name}: unmarked {what} {m.group(0)!r} in {ctx(m)!r}")
    # overlaps
    spans = sorted(claims + nonclaims, key=lambda s: s["start"])
    for a, b in zip(spans, spans[1:]):
        if b["start"] < a["end"]:
            errors.append(f"{name}: overlapping spans {a['text']!r} / {b['text']!r}")
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
    all_claims, all_nonclaims, errors, words = [], [], [], {}
    for src in sorted(SRC.glob("*.txt")):
        name = src.name
        text, claims, nonclaims = parse(src.read_text(encoding="utf-8"))
        errors += coverage(name, text, claims, nonclaims)
        words[name] = len(text.split())
        out = text.replace("\n", "\r\n") if name in CRLF_DOCS else text
        with open(DOCS / name, "w", encoding="utf-8", newline="") as fh:
            fh.write(out)
        with open(DOCS / name, encoding="utf-8", newline="") as fh:
            final = fh.read()
        assert final == out
        # locate every span in the file text by searching for a unique context taken from the source
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
        print("\n".join(errors))
        print(f"build failed: {len(errors)} audit errors")
        return 1

    def spans(labels: list[str]) -> list[dict]:
        res = []
        for lab in labels:
            lab, _, doc = lab.partition("@")
            doc, _, txt = doc.partition("=")
            hit = [c for c in all_claims if c["_label"] == lab and c["doc"].startswith(doc)
                   and (not txt or c["text"] == txt)]
            assert hit, f"label {lab!r} ({doc}) matches nothing"
            res += hit
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
    if "-v" in sys.argv:
        for n, w in words.items():
            print(f"  {n:45s} {w:4d} words")
    print(f"built {len(list(DOCS.glob('*.txt')))} docs ({sum(words.values())} words), {len(all_claims)} claims, "
          f"{len(all_nonclaims)} marked non-claims")
    return 0


if __name__ == "__main__":
    sys.exit(main())
