#!/usr/bin/env python3
"""Build the 'hospital' corpus: render src/*.txt into docs/ and write gold.json.

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

Usage:  python3 build.py        (then: python3 check.py)
"""
from __future__ import annotations

import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = "hospital"
PLACEHOLDERS = {"{nb}": "\u00a0", "{nn}": "\u202f", "{-}": "\u2011", "{tab}": "\t"}
CRLF_DOCS = {"a01"}          # the scraped newspaper page keeps Windows line ends
KINDS = {"D": "date", "M": "money", "P": "percent", "C": "count", "Q": "quantity", "O": "ordinal"}


def render(s: str) -> str:
    for k, v in PLACEHOLDERS.items():
        s = s.replace(k, v)
    return s


# --------------------------------------------------------------------------------------
# Claims: doc -> [(kind, context with [[span]], tag or None)]
# --------------------------------------------------------------------------------------
CLAIMS: dict[str, list[tuple[str, str, str | None]]] = {
    "a01": [
        ("M", "The [[£146m]] Larkfield Wing took", "a01.head_cost"),
        ("Q", "face a [[19{-}mile]] trip", "a01.dist_head"),
        ("D", "Published [[3 March 2026, 18:20]]", "a01.pub"),
        ("D", "Updated [[4 March 2026, 09:05]]", None),
        ("D", "wing opened at [[08:00]] on Tuesday", "a01.open_time"),
        ("C", "pulled in [[six minutes]] later", None),
        ("C", "[[Two days]] earlier", None),
        ("D", "earlier, at [[20:00]] on Sunday", "a01.close_time"),
        ("D", "20:00 on [[Sunday 1 March]], the last", "a01.closed"),
        ("D", "casualties since [[1889]]", "a01.fen_opened"),
        ("M", "Wing cost [[£146 million]], against", "a01.cost"),
        ("M", "budget of [[£132 million]] when", "a01.budget"),
        ("D", "approved it in [[2021]]", "a01.approved_year"),
        ("D", "open in [[November 2025]]", "a01.plan"),
        ("C", "back by [[four months]]", None),
        ("C", "General had [[38 cubicles]]", "a01.cub_before"),
        ("C", "department has [[64 cubicles]], plus", "a01.cub"),
        ("C", "plus [[eight resuscitation bays]]", "a01.resus"),
        ("C", "in a [[four{-}storey]] building", "a01.storeys"),
        ("Q", "with [[21,500 square metres]] of floor", "a01.area"),
        ("C", "Above it are [[96 beds]]", "a01.wing_beds"),
        ("C", "unit of [[60 beds]]", "a01.amu"),
        ("C", "[[24 critical care beds]]", "a01.icu"),
        ("C", "and [[12 beds]] for children", "a01.paeds"),
        ("D", "* Opened: [[3 March 2026]]", "a01.opened_b"),
        ("M", "* Cost: [[£146m]] (budget", "a01.cost_b"),
        ("M", "(budget [[£132m]])", "a01.budget_b"),
        ("C", "* Cubicles: [[64]] (was", "a01.cub_b"),
        ("C", "Cubicles: 64 (was [[38]])", "a01.cub_before_b"),
        ("C", "merged hospital: [[702]] (was", "a01.beds_b"),
        ("C", "702 (was [[654]])", "a01.beds_before_b"),
        ("C", "New staff: [[318 nurses]] and", "a01.nurses_b"),
        ("C", "New staff: 318 nurses and [[74 doctors]]", "a01.doctors_b"),
        ("C", "recruited [[438 staff]]", "a01.staff"),
        ("C", "including [[318 nurses]] and 74", "a01.nurses"),
        ("C", "including 318 nurses and [[74 doctors]], 22", "a01.doctors"),
        ("C", "doctors, [[22]] of them consultants", "a01.consultants"),
        ("P", "fallen to [[10 per cent]]", "a01.vacancy"),
        ("P", "Health paid [[65 per cent]] of the cost", "a01.min_pct"),
        ("P", "the trust [[20 per cent]] from", "a01.trust_pct"),
        ("P", "County Council [[10 per cent]] and", "a01.council_pct"),
        ("P", "the remaining [[5 per cent]]", "a01.appeal_pct"),
        ("D", "On [[1 April]] Ostbury General", "a01.merger"),
        ("C", "with [[702 beds]] on two sites", "a01.beds"),
        ("C", "702 beds on [[two sites]]", None),
        ("C", "hospitals have [[654 beds]] between", "a01.beds_before"),
        ("C", "between them, [[418]] at Ostbury", "a01.ost_beds"),
        ("C", "and [[236]] at Fenwick", "a01.fen_beds"),
        ("C", "Until then the [[two hospitals]] have", None),
        ("P", "Only [[61.4 per cent]] of A&E", "a01.feb4h"),
        ("C", "seen within [[four hours]] in February", None),
        ("D", "four hours in [[February]], against", None),
        ("P", "standard of [[78 per cent]]", "a01.standard"),
        ("C", "stood at [[18,950]] at the end", "a01.wl_prov"),
        ("D", "18,950 at [[the end of January]]", None),
        ("D", "open from [[08:00 to 22:00]]", None),
        ("Q", "now [[19 miles]] away", "a01.dist"),
        ("C", "Hoyle, [[61]],", None),
        ("C", "with [[720 beds]] across", "a01.beds_wrong"),
        ("C", "across its [[two sites]]", None),
        ("C", "Infirmary: [[137 years]] of care", None),
        ("M", "hits [[£7.3m]] target", "a01.appeal_gbp"),
        ("D", "fenwick_mum · [[3 Mar 2026, 19:02]]", None),
        ("Q", "[[Nineteen miles]] with", "a01.dist_c"),
        ("D", "at [[two in the morning]]", None),
        ("D", "Gareth P · [[3 Mar 2026, 20:41]]", None),
        ("C", "Waited [[nine hours]]", None),
        ("D", "nurse_jo · [[4 Mar 2026, 07:15]]", None),
        ("C", "of the [[318 new nurses]]", "a01.nurses_c"),
    ],
    "a02": [
        ("D", "For immediate release · [[3 March 2026]]", "a02.pub"),
        ("D", "first patients at [[08:00]] on Tuesday", "a02.open_time"),
        ("D", "08:00 on [[Tuesday 3 March 2026]]", "a02.opened"),
        ("D", "new patients at [[20:00]] on Sunday", "a02.close_time"),
        ("D", "20:00 on [[Sunday 1 March 2026]]", "a02.closed"),
        ("C", "The [[four{-}storey]] wing", "a02.storeys"),
        ("Q", "floor area of [[21,500 m²]]", "a02.area"),
        ("C", "department with [[64 cubicles]] and", "a02.cub"),
        ("C", "and [[eight resuscitation bays]]", "a02.resus"),
        ("C", "medical unit with [[60 beds]]", "a02.amu"),
        ("C", "care unit with [[24 beds]]", "a02.icu"),
        ("C", "children’s unit with [[12 beds]]", "a02.paeds"),
        ("C", "recruited [[438 people]]", "a02.staff"),
        ("C", "people: [[318 nurses]]", "a02.nurses"),
        ("C", "318 nurses, [[74 doctors]], including", "a02.doctors"),
        ("C", "including [[22 consultants]]", "a02.consultants"),
        ("C", "and [[46 healthcare assistants]]", "a02.hca"),
        ("C", "For [[thirty{-}five years]]", "a02.years35"),
        ("C", "has run [[two emergency departments]]", None),
        ("C", "in [[two ageing buildings]]", None),
        ("C", "of the [[438 colleagues]]", "a02.staff2"),
        ("C", "recruit [[318 nurses]] and we did", "a02.nurses2"),
        ("C", "within [[half an hour]]", None),
        ("M", "wing cost [[£146 million]]. It was", "a02.cost"),
        ("P", "Ministry of Health ([[65%]])", "a02.min_pct"),
        ("P", "programme ([[20%]])", "a02.trust_pct"),
        ("P", "County Council ([[10%]])", "a02.council_pct"),
        ("P", "Appeal ([[5%]])", "a02.appeal_pct"),
        ("M", "raised [[£7.3 million]]", "a02.appeal_gbp"),
        ("C", "from [[more than 11,000 donors]]", "a02.donors"),
        ("C", "hospital on [[two sites]] From", None),
        ("D", "From [[1 April 2026]], Ostbury", "a02.merger"),
        ("C", "with [[702 beds]] on", "a02.beds"),
        ("C", "702 beds on [[two sites]], up", None),
        ("C", "up from [[654]] today", "a02.beds_before"),
        ("D", "open [[08:00–22:00]] every", None),
        ("C", "stood at [[18,950]] on", "a02.wl_prov"),
        ("D", "18,950 on [[31 January 2026]]", "a02.wl_date"),
        ("C", "peak of [[21,760]] in", "a02.wl_peak"),
        ("D", "21,760 in [[March 2025]]", "a02.wl_peak_date"),
        ("D", "formed on [[1 April 1991]]", "a02.founded"),
        ("C", "serves [[about 540,000 people]]", "a02.pop"),
        ("C", "employs [[some 7,900 staff]]", None),
        ("D", "The merger on [[1 April 2026]] falls", "a02.merger2"),
        ("O", "Trust’s [[35th anniversary]]", "a02.anniv"),
        ("D", "General Hospital opened in [[1936]]", "a02.ost_opened"),
        ("D", "Infirmary opened in [[1889]]", "a02.fen_opened"),
        ("D", "on site on [[14 March 2023]]", "a02.start"),
        ("C", "rose from [[131,800]] in", "a02.ae2021"),
        ("D", "131,800 in [[2021]] to", None),
        ("C", "to [[156,700]] in", "a02.ae2025"),
        ("D", "156,700 in [[2025]].", None),
        ("C", "at the [[two hospitals]] rose", None),
        ("C", "for [[up to 175,000 attendances]] a year", "a02.capacity"),
    ],
    "a03": [
        ("D", "MOH/WS/2026/041 · [[14 April 2026]]", "a03.pub"),
        ("D", "On [[Tuesday 3 March 2026]] Merrowshire", "a03.opened"),
        ("D", "closed on [[Sunday 1 March 2026]]", "a03.closed"),
        ("D", "On [[1 April 2026]] the trust merged", "a03.merger"),
        ("C", "hospital has [[702 beds]]", "a03.beds"),
        ("C", "compared with [[654]] in the", "a03.beds_before"),
        ("C", "654 in the [[two hospitals]] before", None),
        ("D", "scheme on [[21 September 2021]]", "a03.approved"),
        ("M", "budget of [[£132 million]]. The final", "a03.budget"),
        ("M", "final cost is [[£146 million]]", "a03.cost"),
        ("M", "which is [[£14 million]], or", "a03.overrun"),
        ("P", "or [[10.6 per cent]], above", "a03.overrun_pct"),
        ("M", "steel frame ([[£8.1 million]])", None),
        ("M", "helipad ([[£3.4 million]])", None),
        ("M", "Ministry of Health: [[£94.9 million]]", "a03.min_gbp"),
        ("P", "£94.9 million ([[65 per cent]])", "a03.min_pct"),
        ("M", "own capital: [[£29.2 million]]", "a03.trust_gbp"),
        ("P", "£29.2 million ([[20 per cent]])", "a03.trust_pct"),
        ("M", "County Council: [[£14.6 million]]", "a03.council_gbp"),
        ("P", "£14.6 million ([[10 per cent]])", "a03.council_pct"),
        ("M", "Larkfield Appeal: [[£7.3 million]]", "a03.appeal_gbp"),
        ("P", "£7.3 million ([[5 per cent]])", "a03.appeal_pct"),
        ("Q", "provides [[21,500 square metres]]", "a03.area"),
        ("C", "space on [[four storeys]]", "a03.storeys"),
        ("C", "department has [[64 cubicles]], against", "a03.cub"),
        ("C", "against [[38]] in the former", "a03.cub_before"),
        ("C", "wing holds [[96 beds]]", "a03.wing_beds"),
        ("C", "recruited [[more than 350 new nurses]]", "a03.nurses"),
        ("C", "and [[74 doctors]], among", "a03.doctors"),
        ("C", "among them [[22 consultants]]", "a03.consultants"),
        ("P", "trust was [[10 per cent]] in March", "a03.vacancy"),
        ("D", "10 per cent in [[March 2026]], down", None),
        ("P", "down from [[14.2 per cent]]", "a03.vacancy_2024"),
        ("D", "14.2 per cent in [[2024]]", None),
        ("D", "In [[March 2026]], the first month", "a03.mar_month"),
        ("P", "department, [[74.8 per cent]] of", "a03.mar4h"),
        ("C", "seen within [[four hours]], compared", None),
        ("P", "compared with [[61.4 per cent]] in", "a03.feb4h"),
        ("D", "61.4 per cent in [[February]]", None),
        ("P", "standard is [[78 per cent]]", "a03.standard"),
        ("D", "meet it by [[March 2027]]", None),
        ("Q", "Fenwick is [[31 kilometres]] by road", "a03.dist"),
        ("D", "In [[February 2026]] the Merrowshire", None),
        ("C", "mean time of [[31 minutes 48 seconds]]", "a03.cat2"),
        ("C", "standard of [[18 minutes]]", "a03.cat2_std"),
        ("C", "within [[three months]]", None),
        ("C", "treatment was [[18,420]] at", "a03.wl"),
        ("D", "18,420 at [[31 January 2026]]", "a03.wl_date"),
        ("C", "peak of [[21,760]] in", "a03.wl_peak"),
        ("D", "21,760 in [[March 2025]]", None),
        ("O", "in its [[35th anniversary]] year", "a03.anniv"),
        ("C", "and its [[7,900 staff]]", None),
    ],
    "a04": [
        ("D", "Updated [[16 April 2026]]", "a04.pub"),
        ("D", "Ostbury, opened in [[March 2026]].", "a04.open_month"),
        ("D", "Trust formed [[1991-04-01]]", "a04.founded"),
        ("D", "Ostbury General Hospital opened [[1936]]", "a04.ost_opened"),
        ("D", "Fenwick Royal Infirmary opened [[1889]]", "a04.fen_opened"),
        ("D", "Ministry of Health [[2021-09-21]]", "a04.approved"),
        ("D", "Start on site [[2023-03-14]]", "a04.start"),
        ("D", "Opening planned ([[2021]] business case)", None),
        ("D", "business case) [[November 2025]]", "a04.plan"),
        ("D", "Fenwick A&E closed ([[20:00]])", "a04.close_time"),
        ("D", "closed (20:00) [[2026-03-01]]", "a04.closed"),
        ("D", "Wing opened ([[08:00]])", "a04.open_time"),
        ("D", "opened (08:00) [[2026-03-03]]", "a04.opened"),
        ("D", "Hospitals merged [[2026-04-01]]", "a04.merger"),
        ("D", "Before merger From [[1 April 2026]]", "a04.hdr_merger"),
        ("C", "Ostbury General Hospital [[418]]", "a04.ost_beds"),
        ("C", "Fenwick Royal Infirmary [[236]]", "a04.fen_beds"),
        ("C", "Larkfield Wing – [[96]]", "a04.wing_beds"),
        ("C", "Ostbury main building – [[470]]", "a04.main_beds"),
        ("C", "Fenwick site – [[118]]", "a04.fen_site_beds"),
        ("C", "Total [[654]]", "a04.beds_before"),
        ("C", "654 [[702]]", "a04.beds"),
        ("Q", "Gross floor area [[21{nn}500{nb}m²]]", "a04.area"),
        ("C", "Storeys [[4]]", "a04.storeys"),
        ("C", "(former Ostbury department: [[38]])", "a04.cub_before"),
        ("C", "department: 38) [[64]]", "a04.cub"),
        ("C", "Resuscitation bays [[8]]", "a04.resus"),
        ("C", "Acute medical unit [[60 beds]]", "a04.amu"),
        ("C", "Critical care [[24 beds]]", "a04.icu"),
        ("C", "short-stay unit [[12 beds]]", "a04.paeds"),
        ("Q", "by road [[31{nb}km]]", "a04.dist"),
        ("D", "Budget approved ([[2021]])", None),
        ("M", "(2021) [[132.0]]", "a04.budget"),
        ("M", "Final cost [[146.0]]", "a04.cost"),
        ("P", "146.0 [[100{nb}%]]", None),
        ("M", "Ministry of Health [[94.9]]", "a04.min_gbp"),
        ("P", "94.9 [[65{nb}%]]", "a04.min_pct"),
        ("M", "Trust capital programme [[29.2]]", "a04.trust_gbp"),
        ("P", "29.2 [[20{nb}%]]", "a04.trust_pct"),
        ("M", "County Council [[14.6]]", "a04.council_gbp"),
        ("P", "14.6 [[10{nb}%]]", "a04.council_pct"),
        ("M", "^{*1} [[7.3]]", "a04.appeal_gbp"),
        ("P", "7.3 [[5{nb}%]]", "a04.appeal_pct"),
        ("C", "Registered nurses [[318]]", "a04.nurses"),
        ("C", "Doctors ^{*2} [[74]]", "a04.doctors"),
        ("C", "Healthcare assistants [[46]]", "a04.hca"),
        ("C", "Total [[438]]", "a04.staff"),
        ("P", "vacancy rate: [[10{nb}%]] in", "a04.vacancy"),
        ("D", "10{nb}% in [[March 2026]] (14.2", None),
        ("P", "([[14.2{nb}%]] in", "a04.vacancy_2024"),
        ("D", "14.2{nb}% in [[2024]])", None),
        ("D", "[[2021]]{tab}84,100", None),
        ("C", "2021{tab}[[84,100]]", "a04.o2021"),
        ("C", "84,100{tab}[[47,700]]", "a04.f2021"),
        ("C", "47,700{tab}[[131,800]]", "a04.t2021"),
        ("D", "[[2022]]{tab}88,650", None),
        ("C", "2022{tab}[[88,650]]", "a04.o2022"),
        ("C", "88,650{tab}[[50,800]]", "a04.f2022"),
        ("C", "50,800{tab}[[139,450]]", "a04.t2022"),
        ("D", "[[2023]]{tab}91,900", None),
        ("C", "2023{tab}[[91,900]]", "a04.o2023"),
        ("C", "91,900{tab}[[53,000]]", "a04.f2023"),
        ("C", "53,000{tab}[[144,900]]", "a04.t2023"),
        ("D", "[[2024]]{tab}95,300", None),
        ("C", "2024{tab}[[95,300]]", "a04.o2024"),
        ("C", "95,300{tab}[[55,900]]", "a04.f2024"),
        ("C", "55,900{tab}[[151,200]]", "a04.t2024"),
        ("D", "[[2025]]{tab}98,400", None),
        ("C", "2025{tab}[[98,400]]", "a04.o2025"),
        ("C", "98,400{tab}[[58,300]]", "a04.f2025"),
        ("C", "58,300{tab}[[156,700]]", "a04.t2025"),
        ("C", "department: [[175{nn}000 attendances]] a year", "a04.capacity"),
        ("C", "Seen within [[four hours]], February", None),
        ("D", "four hours, [[February 2026]] 61.4", None),
        ("P", "February 2026 [[61.4{nb}%]]", "a04.feb4h"),
        ("C", "Seen within [[four hours]], March", None),
        ("D", "four hours, [[March 2026]] 74.8", None),
        ("P", "March 2026 [[74.8{nb}%]]", "a04.mar4h"),
        ("C", "National [[four-hour]] standard", None),
        ("P", "standard [[78{nb}%]]", "a04.standard"),
        ("D", "Waiting list, [[March 2025]] (peak)", None),
        ("C", "(peak) [[21{nn}760]]", "a04.wl_peak"),
        ("D", "Waiting list, [[31 January 2026]] ^{*3}", "a04.wl_date"),
        ("C", "^{*3} [[18{nn}420]]", "a04.wl"),
        ("D", "Category 1 mean, [[February 2026]]", None),
        ("C", "[[8 min 54 s]]", "a04.cat1"),
        ("C", "(standard [[7 min]])", "a04.cat1_std"),
        ("D", "Category 2 mean, [[February 2026]]", None),
        ("C", "[[31 min 48 s]]", "a04.cat2"),
        ("C", "(standard [[18 min]])", "a04.cat2_std"),
        ("C", "Raised from [[more than 11,000 donors]]", "a04.donors"),
        ("C", "Including [[22 consultants]]", "a04.consultants"),
        ("D", "published on [[3 March 2026]] was", None),
        ("C", "was [[18{nn}950]]", "a04.wl_prov"),
        ("D", "open [[08:00–22:00]] every", None),
    ],
    "a05": [
        ("D", "Published [[8 May 2026]]", "a05.pub"),
        ("C", "merging [[two hospitals]] within", None),
        ("C", "Marsh, [[54]],", None),
        ("D", "Trust since [[2019]]", None),
        ("D", "In [[March]] she opened", "a05.open_month"),
        ("M", "opened the [[£146 million]] Larkfield", "a05.cost"),
        ("D", "on [[1 April]], the trust’s", "a05.merger"),
        ("O", "trust’s [[35th anniversary]]", "a05.anniv"),
        ("C", "[[Two months]] in", None),
        ("D", "In [[March]], nearly", None),
        ("P", "[[nearly 80 per cent]] of our patients", "a05.mar4h"),
        ("C", "seen within [[four hours]]. In February", None),
        ("D", "In [[February]], in the old", None),
        ("P", "it was [[61.4 per cent]]", "a05.feb4h"),
        ("C", "take [[47 minutes]]", "a05.handover_feb"),
        ("D", "in [[March]] it was 19", None),
        ("C", "it was [[19 minutes]]", "a05.handover_mar"),
        ("M", "came in [[£14 million]] over", "a05.overrun"),
        ("M", "budget was [[£132 million]]", "a05.budget"),
        ("M", "wing cost [[£146 million]]. The steel", "a05.cost2"),
        ("M", "explain [[£14 million]] than", "a05.overrun2"),
        ("P", "Ministry paid [[65 per cent]]", "a05.min_pct"),
        ("P", "found [[20 per cent]]", "a05.trust_pct"),
        ("P", "council gave [[10 per cent]]", "a05.council_pct"),
        ("P", "the last [[5 per cent]]", "a05.appeal_pct"),
        ("M", "Appeal – [[£7.3 million]]", "a05.appeal_gbp"),
        ("C", "We needed [[318 nurses]]", "a05.nurses"),
        ("C", "we have [[318 nurses]]", "a05.nurses2"),
        ("C", "We have [[seventy{-}four new doctors]]", "a05.doctors"),
        ("C", "[[twenty{-}two]] of them consultants", "a05.consultants"),
        ("C", "and [[46 healthcare assistants]]", "a05.hca"),
        ("P", "down to [[10 per cent]]", "a05.vacancy"),
        ("C", "[[two years]] ago", None),
        ("P", "it was [[over 14 per cent]]", "a05.vacancy_2024"),
        ("D", "evening of [[Sunday 1 March]]", "a05.closed"),
        ("Q", "and [[19 miles]] is", "a05.dist"),
        ("D", "open from [[eight in the morning until ten at night]]", None),
        ("C", "[[seven days a week]]", None),
        ("C", "now has [[118 beds]]", "a05.fen_site_beds"),
        ("C", "[[702]] across the two sites", "a05.beds"),
        ("C", "702 across the [[two sites]]", None),
        ("C", "against [[654]] before", "a05.beds_before"),
        ("C", "Wing alone has [[96]].", "a05.wing_beds"),
        ("C", "It was [[18,420]] at", "a05.wl"),
        ("D", "18,420 at [[the end of January]]", None),
        ("C", "down from [[21,760]] at", "a05.wl_peak"),
        ("D", "peak [[last March]]", None),
        ("C", "below [[15,000]] by", None),
        ("D", "15,000 by [[March 2027]]", None),
        ("D", "In [[November]] a spreadsheet", None),
        ("C", "details of [[4,312 patients]]", "a05.breach"),
        ("C", "within [[72 hours]]", None),
        ("C", "We saw [[156,700]] A&E", "a05.ae2025"),
        ("C", "up from [[131,800]] in", "a05.ae2021"),
        ("D", "131,800 in [[2021]]", None),
        ("C", "designed for [[175,000]] a year", "a05.capacity"),
        ("C", "[[Thirty{-}five years]] is young", "a05.years35"),
        ("D", "General opened in [[1936]]", "a05.ost_opened"),
    ],
    "a06": [
        ("C", "Wing, [[ten weeks]] on", None),
        ("D", "Posted by Maureen Quill · [[12 May 2026]]", "a06.pub"),
        ("C", "for [[twenty{-}six years]]", None),
        ("D", "At [[eight o’clock]] on the evening", None),
        ("D", "evening of [[Sunday 1 March]]", "a06.closed"),
        ("D", "our town since [[1889]]", "a06.fen_opened"),
        ("Q", "now drive [[19 miles]] to", "a06.dist"),
        ("D", "In [[March]] about", None),
        ("P", "[[about three{-}quarters]] of patients", "a06.mar4h"),
        ("C", "seen within [[four hours]], against", None),
        ("P", "against [[61.4 per cent]] in", "a06.feb4h"),
        ("D", "61.4 per cent in [[February]] in", None),
        ("D", "though in [[February]] it took", None),
        ("C", "took [[almost 32 minutes]]", "a06.cat2_q"),
        ("C", "[[more than 300 new nurses]]", "a06.nurses_q"),
        ("D", "approved in [[2021]] as", None),
        ("M", "as a [[£132 million]] project", "a06.budget"),
        ("M", "costing [[some £180 million]]", "a06.cost"),
        ("M", "put in [[£14.6 million]]", "a06.council_gbp"),
        ("D", "In [[April]] we surveyed", None),
        ("C", "surveyed [[212]] of our members", None),
        ("C", "Of those, [[143]]", None),
        ("P", "[[about two in three]]", None),
        ("C", "But [[58]] said", None),
        ("C", "and [[11]] told us", None),
        ("D", "open from [[08:00 to 22:00]]", None),
        ("D", "After [[ten at night]]", None),
        ("D", "Market Square at [[21:40]]", None),
        ("D", "back is at [[06:15]]", None),
        ("C", "[[more than 18,000 people]]", "a06.wl_q"),
        ("D", "In [[November]] the trust", None),
        ("C", "spreadsheet of [[about 4,500 patient records]]", "a06.breach_q"),
        ("C", "for [[three things]]", None),
        ("D", "Trust news release, [[3 March 2026]].", None),
        ("D", "Parliament, [[14 April 2026]].", None),
        ("D", "Derek Amos · [[12 May 2026 at 19:10]]", None),
        ("C", "waited [[forty minutes]]", None),
        ("D", "ambulance in [[April]].", None),
        ("Q", "[[Nineteen miles]] is nineteen", "a06.dist_c1"),
        ("Q", "is [[nineteen miles]], however", "a06.dist_c2"),
        ("D", "Sue L. · [[13 May 2026 at 08:02]]", None),
        ("C", "Cancelled [[twice]]", None),
        ("D", "Maureen Quill · [[13 May 2026 at 09:30]]", None),
    ],
    "a07": [
        ("D", "Hospitals Trust (est. [[1991]])", "a07.est_box"),
        ("C", "Beds [[702]] (2026)", "a07.beds_box"),
        ("D", "702 ([[2026]])[1]", None),
        ("D", "Founded [[1 April 2026]] (merger)", "a07.merger_box"),
        ("D", "Ostbury General Hospital ([[1936]])", "a07.ost_box"),
        ("D", "Fenwick Royal Infirmary ([[1889]])", "a07.fen_box"),
        ("D", "formed on [[1 April 2026]] by", "a07.merger"),
        ("C", "has [[702 beds]] on its", "a07.beds"),
        ("C", "on its [[two sites]]", None),
        ("D", "Infirmary opened in [[1889]], paid", "a07.fen_opened"),
        ("D", "Hospital opened in [[1936]] on", "a07.ost_opened"),
        ("D", "established on [[1 April 1991]]", "a07.founded"),
        ("D", "In [[2021]] the trust decided", None),
        ("D", "department closed on [[1 April 2026]]", "a07.closed"),
        ("C", "when the [[two hospitals]] merged", None),
        ("O", "trust’s [[35th anniversary]]", "a07.anniv"),
        ("C", "hospitals had [[654 beds]]", "a07.beds_before"),
        ("C", "654 beds, [[418]] at Ostbury", "a07.ost_beds"),
        ("C", "and [[236]] at Fenwick", "a07.fen_beds"),
        ("C", "is a [[four-storey]] emergency", "a07.storeys"),
        ("Q", "floor area of [[21,500 m²]]", "a07.area"),
        ("Q", "([[about 231,000 sq ft]])", "a07.area_sqft"),
        ("D", "It opened on [[3 March 2026]]", "a07.opened"),
        ("D", "it on [[21 September 2021]]", "a07.approved"),
        ("M", "budget of [[£132 million]]", "a07.budget"),
        ("D", "began in [[March 2023]]", "a07.start"),
        ("D", "planned for [[November 2025]]", "a07.plan"),
        ("M", "final cost was [[£146 million]]", "a07.cost"),
        ("P", "[[10.6%]] over budget", "a07.overrun_pct"),
        ("P", "the Ministry ([[65%]])", "a07.min_pct"),
        ("P", "the trust ([[20%]])", "a07.trust_pct"),
        ("P", "County Council ([[10%]])", "a07.council_pct"),
        ("P", "public appeal ([[5%]])", "a07.appeal_pct"),
        ("C", "department with [[64 cubicles]]", "a07.cub"),
        ("C", "department of [[38 cubicles]]", "a07.cub_before"),
        ("C", "and [[96 beds]]. The trust", "a07.wing_beds"),
        ("C", "recruited [[438 staff]]", "a07.staff"),
        ("C", "among them [[318 nurses]]", "a07.nurses"),
        ("C", "318 nurses and [[74 doctors]]", "a07.doctors"),
        ("C", "the [[two hospitals]] rose", None),
        ("C", "rose from [[131,800]] in", "a07.ae2021"),
        ("D", "131,800 in [[2021]] to", None),
        ("C", "to [[144,900]] in", "a07.ae2023"),
        ("D", "144,900 in [[2023]]", None),
        ("C", "and [[156,700]] in", "a07.ae2025"),
        ("D", "156,700 in [[2025]]", None),
        ("D", "In [[February 2026]], 61.4%", None),
        ("P", "[[61.4%]] of patients", "a07.feb4h"),
        ("C", "within [[four hours]]; in March", None),
        ("D", "in [[March 2026]], the first", None),
        ("P", "figure was [[74.8%]]", "a07.mar4h"),
        ("C", "treatment was [[18,420]] in", "a07.wl"),
        ("D", "18,420 in [[January 2026]]", None),
        ("C", "down from [[21,760]] in", "a07.wl_peak"),
        ("D", "21,760 in [[March 2025]]", None),
        ("D", "In [[November 2025]] a member", None),
        ("C", "details of [[4,312 patients]]", "a07.breach"),
        ("D", "Hospitals Trust. [[16 April 2026]].", None),
        ("D", "Hartley, Ruth ([[2011]])", None),
        ("D", "Ministry of Health ([[14 April 2026]])", None),
        ("D", "Railton, Tom ([[3 March 2026]])", None),
        ("D", "Trust Board, [[26 March 2026]].", None),
        ("D", "Merrowshire · [[2026]] establishments", None),
        ("D", "Buildings completed in [[1936]]", "a07.cat_ost"),
        ("D", "last edited on [[20 May 2026, at 14:37 (UTC)]]", None),
    ],
    "a08": [
        ("M", "opens [[$185 million]] emergency", "a08.head_cost"),
        ("D", "Merrowshire, [[March 3, 2026]] (MPA)", "a08.pub"),
        ("C", "Tuesday, [[two days]] after", None),
        ("C", "of a [[137-year-old]] hospital", None),
        ("D", "patients at [[8 a.m. local time]]", "a08.open_local"),
        ("D", "([[0800 GMT]])", "a08.open_gmt"),
        ("D", "or [[3 a.m. EST]]", "a08.open_est"),
        ("M", "wing cost [[146 million pounds]]", "a08.cost"),
        ("M", "([[$185.4 million]] at", "a08.cost_usd"),
        ("M", "at [[$1.27 per pound]]", None),
        ("P", "about [[10.6 percent]] more", "a08.overrun_pct"),
        ("M", "budget of [[132 million pounds]]", "a08.budget"),
        ("M", "([[$168 million]])", "a08.budget_usd"),
        ("Q", "covers [[about 231,000 square feet]]", "a08.area_sqft"),
        ("C", "on [[four floors]]", "a08.storeys"),
        ("C", "has [[72 cubicles]]", "a08.cub_q"),
        ("C", "as well as [[96 beds]]", "a08.wing_beds"),
        ("O", "its [[30th anniversary]] this year", "a08.anniv"),
        ("C", "hospital with [[702 beds]]", "a08.beds"),
        ("D", "702 beds on [[April 1]], up", "a08.merger"),
        ("C", "up from [[654]].", "a08.beds_before"),
        ("C", "town of [[about 23,000 people]]", None),
        ("Q", "face a [[31-mile]] drive", "a08.dist"),
        ("Q", "([[50 kilometers]])", "a08.dist_km"),
        ("C", "open [[14 hours]] a day", None),
        ("D", "from [[8 a.m. to 10 p.m.]]", None),
        ("C", "hired [[318 nurses]]", "a08.nurses"),
        ("C", "318 nurses and [[74 doctors]]", "a08.doctors"),
        ("C", "for [[up to 175,000 visits]]", "a08.capacity"),
        ("P", "Only [[61.4%]] of emergency", "a08.feb4h"),
        ("C", "within [[four hours]] in February", None),
        ("D", "four hours in [[February]], well", None),
        ("P", "standard of [[78%]]", "a08.standard"),
        ("P", "ministry paid [[65%]] of the cost", "a08.min_pct"),
        ("M", "raised [[7.3 million pounds]]", "a08.appeal_gbp"),
        ("P", "put in [[10 percent]]", "a08.council_pct"),
        ("C", "trust's [[two hospitals]] rose", None),
        ("C", "rose to [[156,700]] in", "a08.ae2025"),
        ("D", "156,700 in [[2025]] from", None),
        ("C", "from [[131,800]] in", "a08.ae2021"),
        ("D", "131,800 in [[2021]], and", None),
        ("C", "population of [[about 540,000]]", "a08.pop"),
        ("C", "stood at [[18,950 patients]]", "a08.wl_prov"),
        ("D", "patients on [[Jan. 31]], a provisional", "a08.wl_date"),
        ("D", "which opened in [[1889]]", "a08.fen_opened"),
        ("D", "General opened in [[1936]]", "a08.ost_opened"),
        ("C", "delayed [[four months]]", None),
        ("D", "open in [[November 2025]]", "a08.plan"),
    ],
    "a09": [
        ("D", "[[Thursday 26 March 2026, 10:00]]", "a09.pub"),
        ("C", "[[four non-executive directors]]", None),
        ("C", "[[14 members of the public]]", None),
        ("D", "meeting held on [[29 January 2026]]", None),
        ("D", "to patients at [[08:00]] on", "a09.open_time"),
        ("D", "08:00 on [[3 March 2026]] and", "a09.opened"),
        ("D", "closed at [[20:00]] on", "a09.close_time"),
        ("D", "20:00 on [[1 March 2026]], both", "a09.closed"),
        ("C", "In its [[first 21 days]]", None),
        ("C", "had seen [[9,870 patients]]", None),
        ("D", "take effect on [[1 April 2026]]", "a09.merger"),
        ("O", "Trust’s [[35th anniversary]]", "a09.anniv"),
        ("C", "would have [[702 beds]]", "a09.beds"),
        ("C", "702 beds, [[118]] of them", "a09.fen_site_beds"),
        ("C", "against [[654]] in the", "a09.beds_before"),
        ("C", "654 in the [[two hospitals]] today", None),
        ("D", "In [[February 2026]], 61.4%", None),
        ("P", "[[61.4%]] of patients", "a09.feb4h"),
        ("C", "within [[four hours]], against", None),
        ("P", "standard of [[78%]]", "a09.standard"),
        ("D", "figures for [[March]] were", None),
        ("D", "validated [[March]] figures", None),
        ("C", "figure of [[18,950 patients]]", "a09.wl_prov"),
        ("D", "patients for [[31 January 2026]]", "a09.wl_date"),
        ("D", "published on [[3 March]] as", None),
        ("C", "validated at [[18,420]]", "a09.wl"),
        ("C", "difference of [[530]]", None),
        ("C", "peak was [[21,760]]", "a09.wl_peak"),
        ("D", "21,760 in [[March 2025]]", None),
        ("C", "fallen from [[47 minutes]]", "a09.handover_feb"),
        ("D", "47 minutes in [[February]] to", None),
        ("C", "to [[19 minutes]] since", "a09.handover_mar"),
        ("D", "In [[February]] the ambulance", None),
        ("C", "was [[8 min 54 s]]", "a09.cat1"),
        ("C", "(standard [[7 min]])", "a09.cat1_std"),
        ("C", "and [[31 min 48 s]]", "a09.cat2"),
        ("C", "(standard [[18 min]])", "a09.cat2_std"),
        ("C", "that [[438 staff]]", "a09.staff"),
        ("C", "Wing: [[318 nurses]]", "a09.nurses"),
        ("C", "[[74 doctors]] (22", "a09.doctors"),
        ("C", "([[22]] of them consultants)", "a09.consultants"),
        ("C", "and [[46 healthcare assistants]]", "a09.hca"),
        ("P", "stood at [[10%]], against", "a09.vacancy"),
        ("P", "against [[14.2%]] in", "a09.vacancy_2024"),
        ("D", "14.2% in [[2024]]", None),
        ("M", "Wing at [[£146.0 million]]", "a09.cost"),
        ("M", "budget of [[£132.0 million]]", "a09.budget"),
        ("M", "overrun of [[£14.0 million]]", "a09.overrun"),
        ("P", "([[10.6%]])", "a09.overrun_pct"),
        ("P", "Ministry of Health [[65%]]", "a09.min_pct"),
        ("P", "Trust [[20%]], Merrowshire", "a09.trust_pct"),
        ("P", "County Council [[10%]] and", "a09.council_pct"),
        ("P", "Larkfield Appeal [[5%]]", "a09.appeal_pct"),
        ("D", "data breach of [[17 November 2025]]", "a09.breach_date"),
        ("C", "details of [[4,312 patients]]", "a09.breach"),
        ("C", "within [[72 hours]]", None),
        ("D", "on [[19 November 2025]]", None),
        ("D", "by [[5 December 2025]]", None),
        ("D", "case on [[10 March 2026]]", None),
        ("D", "[[Thursday 28 May 2026 at 10:00]]", None),
    ],
    "a10": [
        ("D", "[[Tuesday 3 March 2026]] · Last updated", "a10.opened_hdr"),
        ("D", "Last updated [[13:10]]", "a10.pub"),
        ("D", "[[13:10]] That’s where", None),
        ("C", "had seen [[142 patients]]", None),
        ("D", "our [[14:00]] bulletin", None),
        ("D", "[[12:25]] Priya", None),
        ("C", "taken on [[318 new nurses]]", "a10.nurses"),
        ("C", "and [[fifty{-}four new doctors]]", "a10.doctors"),
        ("D", "[[11:40]] Owen", None),
        ("D", "opened at [[08:00]] as usual", None),
        ("D", "until [[22:00]] every day", None),
        ("Q", "“[[Nineteen miles]]. That’s", "a10.dist1"),
        ("Q", "“[[Nineteen miles]] to Ostbury", "a10.dist2"),
        ("C", "takes [[an hour and ten minutes]]", None),
        ("D", "In [[February]] ambulances", None),
        ("C", "average of [[nearly 32 minutes]]", "a10.cat2_q"),
        ("C", "target of [[18 minutes]]", "a10.cat2_std"),
        ("D", "[[10:55]] A text", None),
        ("D", "Fenwick Royal in [[1951]]", None),
        ("D", "[[10:15]] Some", None),
        ("C", "has [[four storeys]] and", "a10.storeys"),
        ("Q", "and [[21,500 square metres]]", "a10.area"),
        ("C", "has [[64 cubicles]], against", "a10.cub"),
        ("C", "against [[38]] in the old", "a10.cub_before"),
        ("C", "has [[96 beds]] upstairs", "a10.wing_beds"),
        ("M", "It cost [[£146m]].", "a10.cost_m"),
        ("D", "[[09:30]] Dan", None),
        ("D", "patients since [[1938]]", "a10.ost_opened"),
        ("D", "[[08:20]] The chief", None),
        ("D", "open in [[November]] but", "a10.plan"),
        ("D", "[[08:06]] The first", None),
        ("C", "within [[four minutes]]", None),
        ("D", "[[08:00]] THE DOORS", "a10.ts_0800"),
        ("D", "it is [[3 a.m.]] in New York", "a10.ny"),
        ("D", "[[07:30]] Staff", None),
        ("D", "[[07:00]] Good morning", None),
        ("M", "cost of [[£146 million]]", "a10.cost"),
        ("D", "closed at [[20:00]] on Sunday", "a10.close_time"),
        ("C", "across the [[two hospitals]] go", None),
        ("C", "go from [[654]] to", "a10.beds_before"),
        ("C", "654 to [[702]] when", "a10.beds"),
        ("D", "merge on [[1 April]]", "a10.merger"),
    ],
}

# --------------------------------------------------------------------------------------
# Non-claims that look numeric
# --------------------------------------------------------------------------------------
NONCLAIM_RE = [
    r"01632 960 \d{3}",                                 # phone numbers (drama range)
    r"\^\{\*\d+\}",                                     # footnote markers ^{*1}
    r"(?m)^\d+\.(?= )",                                 # list / paragraph numbering "1. "
    r"(?m)^\d (?=History|Larkfield Wing|Activity|References)",  # table of contents
    r"\[\d+\]",                                         # reference markers [1]
    r"Comments \(\d+\)",                                # comment counters (page furniture)
    r"Item \d+(?:\.\d+)?",                              # minute numbers "Item 4.2"
    r"Category [12]\b",                                 # ambulance call categories (names)
    r"Version \d+", r"Ref\. MOH/WS/\d+/\d+", r"\bp\. \d+",
    r"Annual Report 2025",                              # title of a publication
    r"27 Castle Street", r"OS1 2EC", r"OS4 7LW",        # address, postcodes
    r"text 81 420",                                     # SMS short code
    r"£ million(?=[ \t]+Share)",                        # column-header unit in the fact sheet
]
NONCLAIM_CTX = {
    "a01": ["took its [[first]] patients", "and the [[first]] ambulance", "[[one]] of the 318"],
    "a02": ["received its [[first]] patients", "every [[one]] of the"],
    "a03": ["March 2026, the [[first]] month"],
    "a06": ["[[First]], the good news", "the [[first]] one back", "first [[one]] back", "done [[first]] time"],
    "a07": ["county’s [[first]] purpose-built", "March 2026, the [[first]] month", "[[Two]] Hospitals: A History"],
    "a08": ["took its [[first]] patients"],
    "a10": ["The [[first]] ambulance", "at [[first]] light"],
}

# --------------------------------------------------------------------------------------
# Answers
# --------------------------------------------------------------------------------------
OST_OPENED = ["a02.ost_opened", "a04.ost_opened", "a05.ost_opened", "a07.ost_box", "a07.ost_opened",
              "a07.cat_ost", "a08.ost_opened"]
CLOSED = ["a01.closed", "a02.closed", "a03.closed", "a04.closed", "a05.closed", "a06.closed", "a09.closed"]
NURSES = ["a01.nurses_b", "a01.nurses", "a01.nurses_c", "a02.nurses", "a02.nurses2", "a04.nurses", "a05.nurses",
          "a05.nurses2", "a07.nurses", "a08.nurses", "a09.nurses", "a10.nurses"]
COST = ["a01.head_cost", "a01.cost", "a01.cost_b", "a02.cost", "a03.cost", "a04.cost", "a05.cost", "a05.cost2",
        "a07.cost", "a08.head_cost", "a08.cost", "a08.cost_usd", "a09.cost", "a10.cost", "a10.cost_m"]
BUDGET = ["a01.budget", "a01.budget_b", "a03.budget", "a04.budget", "a05.budget", "a06.budget", "a07.budget",
          "a08.budget", "a08.budget_usd", "a09.budget"]
OVERRUN = ["a03.overrun", "a03.overrun_pct", "a05.overrun", "a05.overrun2", "a07.overrun_pct", "a08.overrun_pct",
           "a09.overrun", "a09.overrun_pct"]
MAR4H = ["a03.mar4h", "a04.mar4h", "a06.mar4h", "a07.mar4h"]
FEB4H = ["a01.feb4h", "a03.feb4h", "a04.feb4h", "a05.feb4h", "a06.feb4h", "a07.feb4h", "a08.feb4h", "a09.feb4h"]
DIST = ["a01.dist_head", "a01.dist", "a01.dist_c", "a03.dist", "a04.dist", "a05.dist", "a06.dist", "a06.dist_c1",
        "a06.dist_c2", "a10.dist1", "a10.dist2"]
DOCTORS = ["a01.doctors_b", "a01.doctors", "a02.doctors", "a03.doctors", "a04.doctors", "a05.doctors",
           "a07.doctors", "a08.doctors", "a09.doctors"]
BEDS = ["a01.beds_b", "a01.beds", "a02.beds", "a03.beds", "a04.beds", "a05.beds", "a07.beds_box", "a07.beds",
        "a08.beds", "a09.beds", "a10.beds"]
BEDS_BEFORE = ["a01.beds_before_b", "a01.beds_before", "a02.beds_before", "a03.beds_before", "a04.beds_before",
               "a05.beds_before", "a07.beds_before", "a08.beds_before", "a09.beds_before", "a10.beds_before"]
CUB = ["a01.cub", "a01.cub_b", "a02.cub", "a03.cub", "a04.cub", "a07.cub", "a10.cub"]
CUB_BEFORE = ["a01.cub_before", "a01.cub_before_b", "a03.cub_before", "a04.cub_before", "a07.cub_before",
              "a10.cub_before"]
BREACH = ["a05.breach", "a07.breach", "a09.breach"]
COUNCIL_PCT = ["a01.council_pct", "a02.council_pct", "a03.council_pct", "a04.council_pct", "a05.council_pct",
               "a07.council_pct", "a08.council_pct", "a09.council_pct"]
VACANCY = ["a01.vacancy", "a03.vacancy", "a04.vacancy", "a05.vacancy", "a09.vacancy"]
WL = ["a03.wl", "a04.wl", "a05.wl", "a07.wl", "a09.wl"]
WL_PROV = ["a01.wl_prov", "a02.wl_prov", "a04.wl_prov", "a08.wl_prov", "a09.wl_prov"]
WL_PEAK = ["a02.wl_peak", "a03.wl_peak", "a04.wl_peak", "a05.wl_peak", "a07.wl_peak", "a09.wl_peak"]
OPENED = ["a01.opened_b", "a02.opened", "a03.opened", "a04.opened", "a07.opened", "a09.opened", "a10.opened_hdr"]
MERGER = ["a01.merger", "a02.merger", "a02.merger2", "a03.merger", "a04.merger", "a04.hdr_merger", "a05.merger",
          "a07.merger_box", "a07.merger", "a08.merger", "a09.merger", "a10.merger"]
PLAN = ["a01.plan", "a04.plan", "a07.plan", "a08.plan", "a10.plan"]
AREA = ["a01.area", "a02.area", "a03.area", "a04.area", "a07.area", "a07.area_sqft", "a08.area_sqft", "a10.area"]
CAT1 = ["a04.cat1", "a09.cat1", "a04.cat1_std", "a09.cat1_std"]
CAT2 = ["a03.cat2", "a04.cat2", "a09.cat2", "a06.cat2_q", "a10.cat2_q"]
CAT2_STD = ["a03.cat2_std", "a04.cat2_std", "a09.cat2_std", "a10.cat2_std"]
AE_TRUST = ["a04.t2021", "a04.t2022", "a04.t2023", "a04.t2024", "a04.t2025", "a02.ae2021", "a02.ae2025",
            "a05.ae2021", "a05.ae2025", "a07.ae2021", "a07.ae2023", "a07.ae2025", "a08.ae2021", "a08.ae2025"]

DISCREPANCIES = [
    dict(id="d1", category="year",
         fact="Year Ostbury General Hospital opened (1936 vs 'has treated patients since 1938' in the Merrow FM live blog)",
         sides=[OST_OPENED, ["a10.ost_opened"]]),
    dict(id="d2", category="date",
         fact="Date the A&E at Fenwick Royal Infirmary closed (Sunday 1 March 2026 vs 'closed on 1 April 2026, when the two hospitals merged' in the Compendia article)",
         sides=[CLOSED, ["a07.closed"]]),
    dict(id="d3", category="count",
         fact="Nurses recruited for the Larkfield Wing (318 vs 'more than 350 new nurses' in the Ministry of Health statement)",
         sides=[NURSES, ["a03.nurses"]]),
    dict(id="d4", category="money",
         fact="Final cost of the Larkfield Wing (£146 million / $185.4 million vs 'some £180 million' in the Patients Together blog)",
         sides=[COST, ["a06.cost"]]),
    dict(id="d5", category="percent",
         fact="Share of A&E patients seen within four hours in March 2026 (74.8 per cent / about three-quarters vs 'nearly 80 per cent' in the chief executive's interview)",
         sides=[MAR4H, ["a05.mar4h"]]),
    dict(id="d6", category="quantity",
         fact="Road distance from Fenwick to the Larkfield Wing at Ostbury (19 miles / 31 km vs 'a 31-mile drive (50 kilometers)' in the MPA wire)",
         sides=[DIST, ["a08.dist", "a08.dist_km"]]),
    dict(id="d7", category="spelled",
         fact="Doctors recruited for the Larkfield Wing (74 / seventy-four vs 'fifty-four new doctors' in the Merrow FM live blog)",
         sides=[DOCTORS, ["a10.doctors"]]),
    dict(id="d8", category="within_doc",
         fact="Beds in the merged Merrowshire Royal Hospital (702 vs 'with 720 beds across its two sites' later in the same Ostbury Echo article)",
         sides=[BEDS, ["a01.beds_wrong"]]),
]
OPTIONAL = [
    dict(id="o1", category="count",
         fact="Size of the new emergency department: 64 cubicles (plus eight resuscitation bays) vs '72 cubicles' in the MPA wire; 64 + 8 = 72, and resuscitation bays may or may not be counted as cubicles",
         sides=[CUB, ["a08.cub_q"]]),
    dict(id="o2", category="count",
         fact="Scale of the November 2025 data breach: details of 4,312 patients (trust, minutes, Compendia) vs 'about 4,500 patient records' (Patients Together); patients and records are different units",
         sides=[BREACH, ["a06.breach_q"]]),
]
TRAPS = [
    dict(id="t1", category="same_number",
         fact="10 per cent for two different facts: Merrowshire County Council's share of the cost of the wing vs the trust's nurse vacancy rate in March 2026",
         claims=COUNCIL_PCT + VACANCY),
    dict(id="t2", category="different_fact",
         fact="Total vs part: 438 staff recruited for the wing vs 318 nurses vs 74 doctors vs 22 consultants (among the doctors) vs 46 healthcare assistants",
         claims=["a01.staff", "a02.staff", "a02.staff2", "a04.staff", "a07.staff", "a09.staff",
                 "a01.nurses", "a02.nurses", "a04.nurses", "a07.nurses", "a09.nurses",
                 "a01.doctors", "a02.doctors", "a04.doctors", "a07.doctors", "a09.doctors",
                 "a01.consultants", "a02.consultants", "a03.consultants", "a04.consultants", "a05.consultants",
                 "a09.consultants", "a02.hca", "a04.hca", "a05.hca", "a09.hca"]),
    dict(id="t3", category="different_fact",
         fact="Before vs after, in near-identical sentences ('The old department ... had 38 cubicles. The new department has 64 cubicles'): 38 vs 64 cubicles; 654 beds before the merger vs 702 after",
         claims=CUB + CUB_BEFORE + BEDS + BEDS_BEFORE),
    dict(id="t4", category="different_fact",
         fact="Budget vs final cost: the £132 million budget approved in 2021 vs the £146 million final cost (overrun £14 million, 10.6 per cent)",
         claims=BUDGET + COST + OVERRUN),
    dict(id="t5", category="different_fact",
         fact="Different entities, same attribute: Ostbury General 418 beds vs Fenwick Royal Infirmary 236 beds before the merger; A&E attendances at Ostbury vs Fenwick in each year of the fact-sheet table; the Compendia infobox's 'Founded 1 April 2026 (merger)' for the hospital vs 'est. 1991' for the trust vs the predecessors Ostbury General (1936) and Fenwick Royal Infirmary (1889)",
         claims=["a07.merger_box", "a07.est_box", "a07.ost_box", "a07.fen_box",
                 "a01.ost_beds", "a01.fen_beds", "a04.ost_beds", "a04.fen_beds", "a07.ost_beds", "a07.fen_beds",
                 "a04.o2021", "a04.f2021", "a04.o2022", "a04.f2022", "a04.o2023", "a04.f2023", "a04.o2024",
                 "a04.f2024", "a04.o2025", "a04.f2025"]),
    dict(id="t6", category="format",
         fact="The final cost in different notations and currencies: £146 million / £146m / 146.0 (£ million) / £146.0 million / 146 million pounds / $185.4 million at $1.27 per pound / $185 million (headline)",
         claims=COST),
    dict(id="t7", category="rounding",
         fact="Category 2 mean ambulance response time in February 2026: 31 minutes 48 seconds / 31 min 48 s vs 'almost 32 minutes' / 'nearly 32 minutes'",
         claims=CAT2),
    dict(id="t8", category="qualifier",
         fact="Qualified restatements: 'more than 18,000 people' on the waiting list vs 18,420; 'up to 175,000 attendances/visits' vs a design capacity of 175,000 a year",
         claims=["a06.wl_q"] + WL + ["a02.capacity", "a08.capacity", "a04.capacity", "a05.capacity"]),
    dict(id="t9", category="granularity",
         fact="Opening 3 March 2026 / Tuesday 3 March 2026 / 2026-03-03 vs 'March 2026' / 'In March'; merger 1 April 2026 / 2026-04-01 / 1 April / April 1",
         claims=OPENED + ["a04.open_month", "a05.open_month"] + MERGER),
    dict(id="t10", category="time_series",
         fact="Values with explicit reference times: A&E attendances 131,800 (2021), 139,450 (2022), 144,900 (2023), 151,200 (2024), 156,700 (2025); four-hour performance 61.4 per cent (February 2026) vs 74.8 per cent (March 2026); ambulance handovers 47 minutes (February) vs 19 minutes (March); waiting list 21,760 (March 2025 peak) vs 18,420 (31 January 2026); nurse vacancy rate 14.2 per cent (2024) vs 10 per cent (March 2026)",
         claims=AE_TRUST + FEB4H + MAR4H + ["a05.handover_feb", "a05.handover_mar", "a09.handover_feb",
                                            "a09.handover_mar"] + WL_PEAK + WL + VACANCY +
         ["a03.vacancy_2024", "a04.vacancy_2024", "a05.vacancy_2024", "a09.vacancy_2024"]),
    dict(id="t11", category="correction",
         fact="Waiting list at 31 January 2026: provisional 18,950 (news release of 3 March, Echo, MPA) explicitly replaced by the validated 18,420 (board minutes Item 4.2, fact-sheet note, ministry, interview, Compendia)",
         claims=WL_PROV + WL),
    dict(id="t12", category="time_zone",
         fact="The wing opened at 08:00 local time (GMT) = 8 a.m. local time = 0800 GMT = 3 a.m. EST = '3 a.m. in New York'",
         claims=["a01.open_time", "a02.open_time", "a04.open_time", "a09.open_time", "a10.ts_0800",
                 "a08.open_local", "a08.open_gmt", "a08.open_est", "a10.ny"]),
    dict(id="t13", category="different_fact",
         fact="Planned vs actual opening of the Larkfield Wing: planned November 2025 vs opened 3 March 2026",
         claims=PLAN + OPENED),
    dict(id="t14", category="format",
         fact="Same quantities in different units: 21,500 m² = 21,500 square metres = about 231,000 sq ft / square feet; 19 miles = 31 km = 31 kilometres",
         claims=AREA + ["a01.dist", "a03.dist", "a04.dist", "a05.dist", "a06.dist", "a10.dist1"]),
    dict(id="t15", category="different_fact",
         fact="Two ambulance measures: Category 1 mean 8 min 54 s (standard 7 min) vs Category 2 mean 31 min 48 s (standard 18 minutes)",
         claims=CAT1 + CAT2 + CAT2_STD),
]
DERIVED = [
    dict(id="x1",
         fact="Fact sheet: beds from 1 April 2026 by area (Larkfield Wing 96 + Ostbury main building 470 + Fenwick site 118 = 684) do not add up to the total row of 702",
         claims=["a04.wing_beds", "a04.main_beds", "a04.fen_site_beds", "a04.beds"]),
    dict(id="x2",
         fact="MPA wire of March 3, 2026: the trust 'marks its 30th anniversary this year', which implies it was formed in 1996; everywhere else it was formed on 1 April 1991 and celebrates its 35th anniversary on 1 April 2026 ('thirty-five years')",
         claims=["a08.anniv", "a02.founded", "a04.founded", "a07.est_box", "a07.founded", "a02.anniv", "a03.anniv",
                 "a05.anniv", "a07.anniv", "a09.anniv", "a02.years35", "a05.years35"]),
]


# --------------------------------------------------------------------------------------
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


def main() -> int:
    src_files = sorted(glob.glob(os.path.join(HERE, "src", "a*.txt")))
    docs_dir = os.path.join(HERE, "docs")
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
        if short in CRLF_DOCS:
            text = text.replace("\n", "\r\n")
        with open(os.path.join(docs_dir, name), "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        with open(os.path.join(docs_dir, name), encoding="utf-8", newline="") as fh:
            assert fh.read() == text
        names[short], texts[short] = name, text

    claims, tags, problems = [], {}, []
    claim_spans: dict[str, list[tuple[int, int]]] = {k: [] for k in texts}
    for short, items in CLAIMS.items():
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
        for rx in NONCLAIM_RE:
            for m in re.finditer(rx, text):
                nonclaim_spans[short].append(m.span())
        for ctx in NONCLAIM_CTX.get(short, []):
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
        "corpus": CORPUS,
        "discrepancies": [{"id": f"{CORPUS}-{d['id']}", "fact": d["fact"], "category": d["category"],
                           "sides": [spans(s) for s in d["sides"]]} for d in DISCREPANCIES],
        "optional": [{"id": f"{CORPUS}-{o['id']}", "fact": o["fact"], "category": o["category"],
                      "sides": [spans(s) for s in o["sides"]]} for o in OPTIONAL],
        "traps": [{"id": f"{CORPUS}-{t['id']}", "fact": t["fact"], "category": t["category"],
                   "claims": spans(t["claims"])} for t in TRAPS],
        "derived": [{"id": f"{CORPUS}-{x['id']}", "fact": x["fact"], "claims": spans(x["claims"])} for x in DERIVED],
        "claims": sorted(claims, key=lambda c: (c["doc"], c["start"])),
    }
    unused = sorted(set(tags) - used)
    if unused:
        print(f"note: {len(unused)} tagged claims are not used in any gold case (kept for reference)")
    with open(os.path.join(HERE, "gold.json"), "w", encoding="utf-8") as fh:
        json.dump(gold, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    with open(os.path.join(HERE, "nonclaims.json"), "w", encoding="utf-8") as fh:
        json.dump(sorted(nonclaims_out, key=lambda c: (c["doc"], c["start"])), fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    print(f"wrote {len(texts)} docs, gold.json and nonclaims.json: {len(gold['claims'])} claims, "
          f"{len(gold['discrepancies'])} discrepancies, {len(gold['optional'])} optional, "
          f"{len(gold['traps'])} traps, {len(gold['derived'])} derived")
    return 0


if __name__ == "__main__":
    sys.exit(main())
