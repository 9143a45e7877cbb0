#!/usr/bin/env python3
"""Build the `vaccination` evaluation corpus: docs/*.txt, gold.json and nonclaims.json.

Sources live in src/*.txt (adapted from the scheme of the shared `census` corpus).  In a source file:
  ⟦text¦k¦label⟧   marks a claim (k: d=date m=money p=percent c=count q=quantity o=ordinal)
                    with an optional label used to build the gold cases below;
  ⟦text¦x⟧         marks a declared NON-claim (identifier, list/paragraph number, phone number,
                    footnote or reference marker, idiom ...);
  <nb> <nnb> <nbh> <tab>   become U+00A0, U+202F, U+2011 and a tab;
  lines starting with ‖ form a space-aligned plain-text table (cells separated by ‖).

The markers are stripped to give the document text, which is written to docs/ (the documents in
CRLF_DOCS get Windows line ends).  Every span is then located in the WRITTEN file (read back with
open(path, encoding="utf-8", newline="")) by searching for its text inside the smallest surrounding
context that occurs exactly once in the document; the offset found must agree with the marker.
Offsets are Python code-point offsets, so a CRLF counts as two characters.

The build fails when
  * any digit run, number word (one … ninety, hundred, first … tenth, half, dozen, single, decade …)
    or capitalised month name in a document is not inside a claim or a declared non-claim;
  * two spans (claims or non-claims) overlap;
  * a label used by a gold case matches nothing, or a span sits on two sides of one case.

Usage: python3 build.py        (rewrites docs/, gold.json and nonclaims.json)
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC, DOCS = HERE / "src", HERE / "docs"
NAME = "vaccination"
CRLF_DOCS = {"a08_tarnwell-courier-fenbury-relief.txt"}   # scraped page saved with Windows line ends

PLACEHOLDERS = {"<nb>": "\u00a0", "<nnb>": "\u202f", "<nbh>": "\u2011", "<tab>": "\t"}
KINDS = {"d": "date", "m": "money", "p": "percent", "c": "count", "q": "quantity", "o": "ordinal"}
ANN = re.compile(r"⟦([^⟦⟧¦]+)¦([dmpcqox])(?:¦([A-Za-z0-9_]+))?⟧")

# ---------------------------------------------------------------- gold cases (by label)
# A label may be narrowed to documents whose name starts with a prefix ("label@a05") and to one
# text ("label@a05=93.6").  Every claim carrying a listed label is included.
DISCREPANCIES = [
    ("d1", "year", "Year the Tarnwell Provincial Health Agency (TPHA) was founded: 1961 (launch release, "
     "interview, annual report) vs 'established in 1916' (encyclopedia)",
     [["founded"], ["founded_bad"]]),
    ("d2", "date", "Start date of the sennet fever vaccination campaign: 3 March 2025 (release dateline and "
     "'today', live blog, statement, fact sheet, interview, blog, encyclopedia, annual report) vs "
     "'launched on March 13' (wire)",
     [["launch", "launch_docdate"], ["launch_bad"]]),
    ("d3", "count", "Final number of confirmed sennet fever cases in the outbreak: 2,947 (live blog, wire, "
     "encyclopedia, annual report) vs 2,974 (blog; transposed digits)",
     [["cases_final"], ["cases_bad"]]),
    ("d4", "money", "Emergency grant from the Larkspur Fund for Child Immunisation: US$3.6 million = "
     "YSC 26.1 million ($3.6m, $3.6 million, 3.6 million dollars, USD 3.6 million) vs "
     "'more than $4 million' (Courier; qualified but incompatible)",
     [["grant"], ["grant_bad"]]),
    ("d5", "percent", "Overall vaccination coverage achieved by the campaign: 93.6 % (fact sheet cells, "
     "interview, blog, encyclopedia, annual report; 'about 94 percent' in the wire) vs "
     "'96.3 per cent of eligible people' (live blog, quoting the minister)",
     [["cov"], ["cov_bad"]]),
    ("d6", "quantity", "Total distance driven by the 14 mobile teams: 64,800 km = about 40,300 miles "
     "(wire, fact sheet, interview, annual report) vs 46,800 km (encyclopedia)",
     [["km"], ["km_bad"]]),
    ("d7", "spelled", "Number of temporary vaccination clinics: 36 / 'thirty-six' (release, wire, statement, "
     "fact sheet key figures and district total, encyclopedia, annual report text and table) vs "
     "'Thirty-eight clinics' (interview answer)",
     [["clinics"], ["clinics_bad"]]),
    ("d8", "within_doc", "Health workers deployed in the campaign: 1,240 (release, statement, fact sheet, "
     "annual report prose) vs 1,420 (annual report Table 3.2, the same document)",
     [["staff"], ["staff_bad"]]),
]
OPTIONAL = [
    ("o1", "count", "Eligible population aged 6 months to 29 years: 519,400 on the provincial health register "
     "(release, fact sheet, blog) vs 'roughly 530,000' from census projections (blog); two estimates "
     "of one quantity on different bases, neither plainly wrong",
     [["eligible"], ["eligible_blog"]]),
    ("o2", "count", "Length of the campaign, 3 March to 27 June 2025 (116 days = 16.6 weeks): '16 weeks' / "
     "'16-week' (statement, encyclopedia) vs '17 weeks' (live blog); both are roundings",
     [["dur16"], ["dur17"]]),
]
DERIVED = [
    ("x1", "Minister's statement: budget US$4.7 million 'of which' US$3.6 million (Larkspur) and "
     "US$1.4 million (provincial treasury); the parts sum to US$5.0 million",
     ["budget@a04", "grant@a04", "treasury"]),
    ("x2", "Courier article dated 16 September 2025: the agency 'marks its 60th anniversary this year', "
     "i.e. founded 1965, against 1961 elsewhere (and 1916 in the encyclopedia)",
     ["anniv", "founded", "founded_bad"]),
]
TRAPS = [
    ("t1", "same_number", "The number 14 for mobile teams and for deaths, in the same statement, live blog "
     "and wire story", ["teams@a04", "deaths@a04", "teams@a02", "deaths@a02", "teams@a03", "deaths@a03"]),
    ("t2", "different_fact", "Part vs total: Fenbury's 1,106 cases vs 2,911 cases in the whole province "
     "(to 6 July 2025), table cells and prose of the fact sheet", ["fen_cases", "cases_jul"]),
    ("t3", "different_fact", "Planned vs actual: coverage target 95 % vs coverage achieved 93.6 % "
     "(also 'about 94 percent')", ["target", "cov"]),
    ("t4", "different_fact", "Budget vs spent: campaign budget US$4.7 million vs expenditure US$4.38 million "
     "(YSC 31.8 million)", ["budget@a10", "spent"]),
    ("t5", "different_fact", "Gross vs net: Larkspur grant USD 3.6 million vs USD 3.46 million available "
     "after the fund's 3.8 per cent fee", ["grant@a10", "grant_net"]),
    ("t6", "different_fact", "Two districts, same attribute, near-identical sentences: coverage 89.7 % in "
     "Fenbury vs 97.2 % in Keswold", ["cov_fen", "cov_kes"]),
    ("t7", "different_fact", "Monthly vs cumulative: doses given in each month (238,400 / 131,900 / 72,300 / "
     "43,600) vs the running total (238,400 / 370,300 / 442,600 / 486,200) in Table 3.1 of the annual report",
     ["month_doses", "cum_doses", "doses@a10"]),
    ("t8", "rounding", "Coverage 'about 94 percent' (wire) vs 93.6 % (all on side A of d5)",
     ["cov@a03", "cov@a05", "cov@a06", "cov@a10"]),
    ("t9", "qualifier", "'more than 480,000 doses' (Courier) vs 486,200 doses administered",
     ["doses_q", "doses"]),
    ("t10", "format", "Distance from Dunmarrow to Greyhaven: 212 km / 212 kilometres / "
     "212 kilometers (132 miles)", ["grey_km", "grey_mi"]),
    ("t11", "format", "Grant stated in two currencies at the rate given in the text: US$3.6 million = "
     "YSC 26.1 million (US$1 = YSC 7.25)", ["grant@a01", "grant@a09"]),
    ("t12", "granularity", "Outbreak declared over 'in September 2025' vs on 15 September 2025 "
     "(Sept 15)", ["over_month", "over"]),
    ("t13", "time_series", "Cumulative confirmed cases at explicit dates: 412 (31 January 2025), "
     "1,268 (2 March 2025), 2,903 (30 June 2025), 2,911 (6 July 2025), 2,947 (final, 15 September 2025)",
     ["cases_jan", "cases_mar", "cases_jun", "cases_jul", "cases_final"]),
    ("t14", "format", "Time of the press conference on two clocks: 11:00 / 11 a.m. local time "
     "(Ysmera Standard Time, GMT+2) = 0900 GMT", ["presser_local", "presser_gmt"]),
    ("t15", "correction", "Provisional doses 484,900 (statement of 30 June 2025) superseded by the final "
     "486,200 (fact sheet of 7 July and annual report say so)", ["doses_prov", "doses@a05", "doses@a10"]),
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
            assert label is None, f"non-claim {text!r} carries a label"
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
        assert ch not in text, f"stray marker {ch!r}"
    for c in claims + nonclaims:
        assert text[c["start"]:c["end"]] == c["text"]
        assert c["text"] == c["text"].strip(), f"untrimmed span {c['text']!r}"
    return text, claims, nonclaims


NUMWORDS = re.compile(
    r"\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    r"hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|halves|quarters?|thirds?|"
    r"first|second|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|twentieth|"
    r"single|twice|double|doubled|triple|tripled|decades?|fortnight|\d+(?:st|nd|rd|th))\b",
    re.IGNORECASE)
MONTHS = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b")


def audit(name: str, text: str, spans: list[dict]) -> list[str]:
    """Every digit run, number word and capitalised month name must lie inside a marked span."""
    covered = [False] * len(text)
    for s in spans:
        for i in range(s["start"], s["end"]):
            covered[i] = True
    errors = []
    for what, rx in (("digits", re.compile(r"[\d¹²³⁴⁵⁶⁷⁸⁹⁰]+")), ("number word", NUMWORDS), ("month", MONTHS)):
        for m in rx.finditer(text):
            if not all(covered[m.start():m.end()]):
                errors.append(f"{name}: uncovered {what} {m.group(0)!r} in "
                              f"{text[max(0, m.start() - 35):m.end() + 35]!r}")
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
        spans = sorted(claims + nonclaims, key=lambda r: r["start"])
        for a, b in zip(spans, spans[1:]):
            if b["start"] < a["end"]:
                errors.append(f"{name}: spans overlap: {a['text']!r} / {b['text']!r}")
        errors += audit(name, text, spans)
        out = text.replace("\n", "\r\n") if name in CRLF_DOCS else text
        with open(DOCS / name, "w", encoding="utf-8", newline="") as fh:
            fh.write(out)
        with open(DOCS / name, encoding="utf-8", newline="") as fh:
            final = fh.read()
        assert final == out
        # locate every span in the written file by a context that occurs exactly once
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
        print(f"build failed: {len(errors)} problem(s)")
        return 1

    def spans(labels: list[str]) -> list[dict]:
        res = []
        for lab in labels:
            lab, _, doc = lab.partition("@")
            doc, _, txt = doc.partition("=")
            hit = [c for c in all_claims if c["_label"] == lab and c["doc"].startswith(doc)
                   and (not txt or c["text"] == txt)]
            assert hit, f"label {lab!r} ({doc}) matches nothing"
            res += [h for h in hit if h not in res]
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
    gold["claims"] = [{k: c[k] for k in ("doc", "start", "end", "text", "kind")}
                      for c in sorted(all_claims, key=lambda c: (c["doc"], c["start"]))]

    # a span may not sit on two sides of one case
    for g in gold["discrepancies"] + gold["optional"]:
        seen = {}
        for si, side in enumerate(g["sides"]):
            for s in side:
                key = (s["doc"], s["start"])
                assert seen.get(key, si) == si, f"{g['id']}: {s['text']!r} on two sides"
                seen[key] = si

    with open(HERE / "gold.json", "w", encoding="utf-8") as fh:
        json.dump(gold, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    with open(HERE / "nonclaims.json", "w", encoding="utf-8") as fh:
        json.dump(all_nonclaims, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    used = {l.partition("@")[0] for *_, s in DISCREPANCIES + OPTIONAL for side in s for l in side}
    used |= {l.partition("@")[0] for *_, ls in TRAPS + DERIVED for l in ls}
    unused = sorted({c["_label"] for c in all_claims if c["_label"]} - used)
    assert not unused, f"labels defined but used by no gold case: {unused}"
    words = 0
    for p in DOCS.glob("*.txt"):
        words += len(p.read_text(encoding="utf-8").split())
    print(f"built {len(list(DOCS.glob('*.txt')))} docs ({words} words), {len(all_claims)} claims, "
          f"{len(all_nonclaims)} declared non-claims; {len(gold['discrepancies'])} discrepancies, "
          f"{len(gold['optional'])} optional, {len(gold['traps'])} traps, {len(gold['derived'])} derived")
    return 0


if __name__ == "__main__":
    sys.exit(main())
