#!/usr/bin/env python3
"""Build the `transit` corpus: render src/*.txt into docs/ and write gold.json.

The sources in src/ are the documents with light inline markup:
    ⟦text|k⟧  or  ⟦text|k|tag1,tag2⟧
k is the claim kind (d=date, m=money, p=percent, c=count, q=quantity, o=ordinal)
or x for a declared NON-claim (addresses, list numbers, idiomatic "first"/"one" ...).
Placeholders keep invisible characters visible while editing:
    <nb> -> U+00A0 NO-BREAK SPACE      <nnb> -> U+202F NARROW NO-BREAK SPACE
    <nbh> -> U+2011 NON-BREAKING HYPHEN  <tab> -> TAB
Documents listed in CRLF_DOCS are written with Windows line ends.

The markup is stripped to give the document text, which is written to docs/ and read
back with open(path, encoding="utf-8", newline="") -- the offsets are code-point offsets
into exactly that string (CRLF counts as two characters). Every claim is then LOCATED by
searching that text: the script grows a window of context around the claim until the
window occurs exactly once in the file, finds it with str.find and derives the offsets
from the match (asserting text[start:end] == claim text).

Audit (the build fails on any problem):
  * every digit, every number word (one ... ninety, hundred, thousand, million, billion,
    dozen, half, quarter, twice, decade, century, first ... tenth) and every capitalised
    month name (full or abbreviated) lies inside a claim or a declared non-claim
    (markup x or a NONCLAIM_PATTERNS match);
  * claims do not overlap each other, and no claim overlaps a non-claim;
  * every answer selector matches at least one claim.

Answers (discrepancies, optional, traps, derived) are defined below by tags, so that every
restatement that carries a tag lands on its side automatically. A selector is "tag" or
"aNN:tag" (restricted to one document).

Usage:  python3 build.py   (then python3 check.py)
"""
from __future__ import annotations

import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC_DIR = os.path.join(HERE, "src")
DOCS_DIR = os.path.join(HERE, "docs")
NAME = "transit"

TOKENS = {"<nb>": "\u00a0", "<nnb>": "\u202f", "<nbh>": "\u2011", "<tab>": "\t"}
KINDS = {"d": "date", "m": "money", "p": "percent", "c": "count", "q": "quantity", "o": "ordinal"}
CRLF_DOCS = {"a03_audit-court_statement.txt"}

# ---------------------------------------------------------------------------------------
# Answers
# ---------------------------------------------------------------------------------------
DISCREPANCIES = [
    ("d1", "year", "Year Line 3 first opened (1987 / 14 May 1987 vs 'in service since 1978' in Metro & Tram Monthly)",
     [["yr87"], ["yr78"]]),
    ("d2", "date", "Date the Eastern Extension opened to passengers (27 September 2025, incl. the wire's "
                   "'2215 GMT on Friday, Sept. 26' for the same instant, vs 22 September 2025 in FreeLexicon)",
     [["open27"], ["open22"]]),
    ("d3", "count", "Number of new trains ordered for Line 3 (24 vs 'more than 30 new trains' in the Tidewire story)",
     [["tr24"], ["tr30"]]),
    ("d4", "money", "Final cost of the extension (VSK 14,850 million / €1,320 million / $1.43 billion; pre-account "
                    "estimates 'around VSK 14.9 billion' vs VSK 14.58 billion in the Brannholm Commuter blog)",
     [["cost85"], ["cost58"]]),
    ("d5", "percent", "Overrun against the original 2018 budget (26.9 per cent vs 'just under 17 percent' in the "
                      "project director's interview answer)",
     [["ovr269"], ["ovr17"]]),
    ("d6", "quantity", "Length of the bored tunnel (8.6 km / 5.3 miles vs '6.8 km single-bore tunnel' in Metro & Tram Monthly)",
     [["tun86"], ["tun68"]]),
    ("d7", "spelled", "Number of new stations on the extension (nine / 9 vs '11 new stations' in the Evening Post)",
     [["st9"], ["st11"]]),
    ("d8", "within_doc", "Length of the extension (12.4 km / 7.7 miles vs '14.2-kilometre extension' later in the "
                         "same BLR live blog, whose quick facts say 12.4 km)",
     [["len124"], ["len142"]]),
]

OPTIONAL = [
    ("o1", "count", "Expected daily passengers on the extension: 'about 70,000 a day once new housing is occupied' "
                    "(Tidewire, no horizon) vs the BTA forecast of 65,000 a day by 2030",
     [["fc70"], ["fc65"]]),
    ("o2", "count", "People who built the line: 'some 2,100' employed at the height of the works (BTA, Tidewire, "
                    "Mayor) vs '3,400 workers built this thing' (blog, from a poster); peak vs total is never said",
     [["w2100"], ["w3400"]]),
]

TRAPS = [
    ("t1", "same_number", "24 twice for different facts: Line 3 now has 24 stations; BTA ordered 24 trains",
     ["st24", "tr24"]),
    ("t2", "different_fact", "Lengths of different things (total vs part): extension 12.4 km, bored tunnel 8.6 km "
                             "(part of it), Line 3 before 15.5 km and after 27.9 km",
     ["len124", "tun86", "line279", "line155"]),
    ("t3", "different_fact", "Budget vs spent: original budget VSK 11.7 bn / €1.04 bn / $1.12 bn, revised budget "
                             "VSK 13.5 bn / €1.2 bn, final cost VSK 14,850 m / €1,320 m; overrun 26.9 % against the "
                             "original vs 10.0 % against the revised budget",
     ["bud117", "bud135", "costfin", "ovr269", "ovr10"]),
    ("t4", "different_fact", "Line 3 fare revenue 2025 gross (VSK 1,120 million / 1.12 billion) vs net of VAT "
                             "(VSK 1,000 million / 1.0 billion)",
     ["revg", "revn"]),
    ("t5", "different_fact", "Planned opening (December 2024 / 2024-12, 2019 contract) vs actual opening (27 September 2025)",
     ["plan24", "a01:open27", "a03:open27", "a08:open27"]),
    ("t6", "different_fact", "Annual vs cumulative journeys: Line 3 in 2025 (47.2 million), the metro network in "
                             "2025 (198.7 million), the extension from opening to 31 December 2025 (3.9 million)",
     ["ann472", "cum39", "net1987"]),
    ("t7", "different_fact", "The two tunnel boring machines, same attributes: Ebba bored 4.4 km and broke through "
                             "on 17 October 2023; Sigrid bored 4.2 km and broke through on 6 February 2024",
     ["tbm"]),
    ("t8", "format", "The final cost in different currencies and notations, conversion stated in the texts: "
                     "VSK 14,850 million / VSK 14.85 billion / 14 850 (VSK million) / €1,320 million / €1.32 billion / "
                     "1 320 (EUR million) / $1.43 billion / USD 1.43 billion / about 1.4 billion dollars / 14.9 billion crowns",
     ["cost85"]),
    ("t9", "format", "Lengths in kilometres and miles: 12.4 km = 7.7 miles ('7.7-mile (12.4-kilometer)', '12.4 km (7.7 mi)'); "
                     "8.6 km = 5.3 miles",
     ["a01:len124", "a01:tun86", "a03:len124", "a03:tun86", "a04:len124", "a04:tun86", "a09:len124", "a09:tun86"]),
    ("t10", "qualifier", "Line 3 journeys in 2025: 'Over 47 million' (blog) vs 47.2 million (Audit Court, fact sheet)",
     ["ann472"]),
    ("t11", "rounding", "Final cost: estimates 'around VSK 14.9 billion' / 'nearly 15 billion crowns' vs the final "
                        "account VSK 14,850 million / 14.85 billion",
     ["cost149", "costfin"]),
    ("t12", "granularity", "Start of construction: 9 March 2020 / 2020-03-09 vs March 2020",
     ["start"]),
    ("t13", "time_series", "Line 3 average weekday riders with explicit reference years: 142,000 (2019), 97,500 (2021), "
                           "151,000 (2023), 187,600 / 'more than 185,000' (January 2026)",
     ["ts19", "ts21", "ts23", "ts26"]),
    ("t14", "correction", "Extension riders in October 2025: provisional 38,000 a day (Evening Post, Metro & Tram "
                          "Monthly), explicitly revised to 41,300 (interview, fact sheet note, FreeLexicon)",
     ["prov38", "oct413"]),
    ("t15", "format", "First passenger train on three clocks: 00:15 local on Saturday 27 September 2025 = "
                      "12:15 a.m. local = 2215 GMT on Friday, Sept. 26 (UTC+2)",
     ["clock", "a01:open27"]),
]

DERIVED = [
    ("x1", "Fact sheet route table: tunnel 8.6 km + viaduct 1.5 km + at grade 2.5 km = 12.6 km, but the "
           "extension length row says 12.4 km",
     ["x1"]),
    ("x2", "BTA press release of 26 September 2025: opening 'in the year that Line 3 marks its 40th anniversary' "
           "implies Line 3 opened in 1985; the same release, the fact sheet and FreeLexicon say 1987 (14 May 1987)",
     ["anniv40", "a01:yr87", "a08:yr87", "a09:yr87"]),
]

# Non-claims recognised by pattern (names and identifiers with digits, markers, numbering).
NONCLAIM_PATTERNS = [
    r"(?i)\bline 3\b", r"Arvia M4", r"\bGoA4\b", r"COVID[\u2011-]19", r"UTC\+2", r"\+392(?: \d+)+",
    r"\^\{\*\d\}", r"\[\d\]", r"(?m)^\d+\.(?= )", r"(?m)^\d (?=History|Route|Rolling|Ridership|References)", r"Page \d of \d", r"Issue \d+",
    r"NAC/\d{4}/\d{3}", r"(?:VSK|EUR) million(?=\t|\r?\n)", r"paragraph \d+", r"\bp\. \d+",
]

SCAN = [
    ("digit run", re.compile(r"\d+")),
    ("number word", re.compile(
        r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
        r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
        r"hundred|thousand|million|billion|dozen|half|quarter|twice|decades?|century|first|second|third|"
        r"fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b", re.I)),
    ("month", re.compile(
        r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
        r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b")),
]

MARK = re.compile(r"⟦([^⟦⟧|]+)\|([dmpcqox])(?:\|([^⟦⟧]*))?⟧")


def detok(s: str) -> str:
    for k, v in TOKENS.items():
        s = s.replace(k, v)
    return s


def render(src: str):
    """Strip the markup. Returns text, claims [(start, end, kind, tags)], nonclaims [(start, end)]."""
    out, claims, nonclaims, pos, length = [], [], [], 0, 0
    for m in MARK.finditer(src):
        chunk = src[pos:m.start()]
        out.append(chunk)
        length += len(chunk)
        body, kind, tags = m.group(1), m.group(2), m.group(3)
        start, end = length, length + len(body)
        out.append(body)
        length = end
        if kind == "x":
            nonclaims.append((start, end))
        else:
            claims.append((start, end, KINDS[kind], [t for t in (tags or "").split(",") if t]))
        pos = m.end()
    out.append(src[pos:])
    text = "".join(out)
    if "⟦" in text or "⟧" in text:
        i = text.find("⟦") if "⟦" in text else text.find("⟧")
        raise SystemExit(f"unbalanced markup near {text[max(0, i - 40):i + 40]!r}")
    if re.search(r"<(?:nb|nnb|nbh|tab)>", text):
        raise SystemExit("placeholder left in text")
    return text, claims, nonclaims


def locate(text: str, start: int, end: int) -> tuple[int, int]:
    """Find the claim by searching for the smallest unique surrounding context."""
    claim = text[start:end]
    for w in range(0, 600):
        lo, hi = max(0, start - w), min(len(text), end + w)
        ctx = text[lo:hi]
        first = text.find(ctx)
        if text.find(ctx, first + 1) == -1:
            s = first + (start - lo)
            assert text[s:s + len(claim)] == claim
            return s, s + len(claim)
    raise SystemExit(f"no unique context for {claim!r}")


def main() -> int:
    os.makedirs(DOCS_DIR, exist_ok=True)
    srcs = sorted(glob.glob(os.path.join(SRC_DIR, "a*.txt")))
    names = {os.path.basename(p) for p in srcs}
    for f in os.listdir(DOCS_DIR):
        if f.endswith(".txt") and f not in names:
            os.remove(os.path.join(DOCS_DIR, f))

    all_claims: list[dict] = []
    problems: list[str] = []
    for p in srcs:
        name = os.path.basename(p)
        with open(p, encoding="utf-8") as fh:
            src = detok(fh.read())
        if name in CRLF_DOCS:
            src = src.replace("\r\n", "\n").replace("\n", "\r\n")
        text, claims, nonclaims = render(src)
        path = os.path.join(DOCS_DIR, name)
        with open(path, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        with open(path, encoding="utf-8", newline="") as fh:
            text2 = fh.read()   # offsets are taken on the text exactly as a tool will read it
        assert text2 == text, name

        doc_claims = []
        for (s0, e0, kind, tags) in claims:
            s, e = locate(text, s0, e0)
            assert (s, e) == (s0, e0), f"{name}: located {text[s:e]!r} elsewhere"
            doc_claims.append({"doc": name, "start": s, "end": e, "text": text[s:e], "kind": kind, "tags": tags})
        all_claims.extend(doc_claims)

        spans_nc = list(nonclaims)
        for pat in NONCLAIM_PATTERNS:
            spans_nc += [m.span() for m in re.finditer(pat, text)]
        spans_c = [(c["start"], c["end"]) for c in doc_claims]

        # claims must not overlap each other nor a non-claim
        sc = sorted(spans_c)
        for (a, b), (c, d) in zip(sc, sc[1:]):
            if c < b:
                problems.append(f"{name}: overlapping claims {text[a:b]!r} / {text[c:d]!r}")
        for (a, b) in spans_nc:
            for (s, e) in spans_c:
                if a < e and s < b:
                    problems.append(f"{name}: non-claim {text[a:b]!r} overlaps claim {text[s:e]!r}")

        # completeness audit
        covered = spans_c + spans_nc
        for what, rx in SCAN:
            for m in rx.finditer(text):
                s, e = m.span()
                if not any(a < e and s < b for a, b in covered):
                    ctx = text[max(0, s - 40):e + 40].replace("\r", "").replace("\n", " ")
                    problems.append(f"{name}: unaccounted {what} {m.group(0)!r} in …{ctx}…")

    if problems:
        print("\n".join(problems))
        print(f"{len(problems)} problem(s)")
        return 1

    def select(sel: str) -> list[dict]:
        doc_prefix, _, tag = sel.rpartition(":")
        got = [c for c in all_claims
               if tag in c["tags"] and (not doc_prefix or c["doc"].startswith(doc_prefix + "_"))]
        if not got:
            raise SystemExit(f"selector {sel!r} matches nothing")
        return got

    def spans(sels: list[str]) -> list[dict]:
        seen, out = set(), []
        for sel in sels:
            for c in select(sel):
                key = (c["doc"], c["start"])
                if key not in seen:
                    seen.add(key)
                    out.append({"doc": c["doc"], "start": c["start"], "end": c["end"], "text": c["text"]})
        return sorted(out, key=lambda s: (s["doc"], s["start"]))

    used = {sel.rpartition(":")[2] for *_, sides in DISCREPANCIES + OPTIONAL for side in sides for sel in side}
    used |= {sel.rpartition(":")[2] for *_, sels in TRAPS for sel in sels}
    used |= {sel.rpartition(":")[2] for *_, sels in DERIVED for sel in sels}
    unused = sorted({t for c in all_claims for t in c["tags"]} - used - {"actual", "fare32", "fare34"})
    if unused:
        print(f"note: tags not used by any answer: {', '.join(unused)}")

    gold = {
        "corpus": NAME,
        "discrepancies": [{"id": f"{NAME}-{i}", "fact": f, "category": cat, "sides": [spans(s) for s in sides]}
                          for i, cat, f, sides in DISCREPANCIES],
        "optional": [{"id": f"{NAME}-{i}", "fact": f, "category": cat, "sides": [spans(s) for s in sides]}
                     for i, cat, f, sides in OPTIONAL],
        "traps": [{"id": f"{NAME}-{i}", "fact": f, "category": cat, "claims": spans(sels)}
                  for i, cat, f, sels in TRAPS],
        "derived": [{"id": f"{NAME}-{i}", "fact": f, "claims": spans(sels)} for i, f, sels in DERIVED],
        "claims": [{"doc": c["doc"], "start": c["start"], "end": c["end"], "text": c["text"], "kind": c["kind"]}
                   for c in sorted(all_claims, key=lambda c: (c["doc"], c["start"]))],
    }
    with open(os.path.join(HERE, "gold.json"), "w", encoding="utf-8") as fh:
        json.dump(gold, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    print(f"wrote {len(srcs)} documents and gold.json: {len(gold['claims'])} claims, "
          f"{len(gold['discrepancies'])} discrepancies, {len(gold['optional'])} optional, "
          f"{len(gold['traps'])} traps, {len(gold['derived'])} derived")
    return 0


if __name__ == "__main__":
    sys.exit(main())
