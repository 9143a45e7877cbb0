#!/usr/bin/env python3
"""Build the 'dam' corpus: render src/*.txt into docs/ and write gold.json.

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
CORPUS = "dam"
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
        ("Q", "opens the [[1,200 MW]] plant", "a01.cap_head"),
        ("D", "Published [[12 September 2026, 19:20]]", "a01.pub"),
        ("D", "Updated [[13 September 2026, 09:05]]", None),
        ("D", "The ceremony began at [[11:00]].", "a01.time"),
        ("C", "through all [[four turbines]] at once", "a01.nunits"),
        ("D", "running since [[19 June]].", "a01.u4"),
        ("Q", "capacity of [[1,200 megawatts]]", "a01.cap"),
        ("C", "from [[four units]] of", "a01.nunits2"),
        ("Q", "of [[300 MW]] each", "a01.unit"),
        ("Q", "generate [[4,800 gigawatt{-}hours]]", "a01.gen"),
        ("P", "[[about 18 per cent]] of the country", "a01.share"),
        ("Q", "stands [[168 metres]] high", "a01.height"),
        ("Q", "runs [[740 metres]]", "a01.crest"),
        ("Q", "covers [[94 square kilometres]]", "a01.res"),
        ("Q", "stretches [[62 kilometres]]", "a01.reslen"),
        ("D", "project in [[2016]] with", "a01.approved"),
        ("M", "budget of [[$1.6 billion]]", "a01.budget"),
        ("M", "costing [[$2.14 billion]].", "a01.cost"),
        ("M", "lent [[$750 million]]", "a01.cdb"),
        ("M", "Bank [[$400 million]]", "a01.mib"),
        ("M", "remaining [[$990 million]]", "a01.state"),
        ("C", "drowned [[14 villages]]", "a01.villages"),
        ("C", "[[Some 2,870 households]]", "a01.hh"),
        ("C", "[[about 12,400 people]]", "a01.people"),
        ("M", "paid [[$212 million]] in compensation", "a01.comp"),
        ("C", "Ilinca Marga, [[67]],", None),
        ("D", "Sorvi in [[2022]]", None),
        ("C", "drive [[two hours]]", None),
        ("D", "came on [[17 November 2019]], when", "a01.acc"),
        ("C", "killing [[three workers]]", "a01.killed"),
        ("C", "injuring [[eleven]].", "a01.injured"),
        ("C", "stopped for [[23 days]]", "a01.stop"),
        ("D", "construction, in [[2021]], about", None),
        ("C", "[[about 5,200 people]] worked", "a01.workers_wrong"),
        ("P", "[[a third]] of them", "a01.local"),
        ("Q", "flow of [[45 cubic metres per second]]", "a01.eflow"),
        ("C", "Kelvar Dam, [[45 years]] on", None),
        ("D", "orsel_fisher · [[12 Sep 2026, 20:41]]", None),
        ("D", "in [[October]] when", None),
        ("D", "Petra_V · [[12 Sep 2026, 21:13]]", None),
        ("M", "[[$2.14 billion]] and my", "a01.c_cost"),
        ("D", "goes up in [[January]]", None),
        ("D", "engineer_mk · [[13 Sep 2026, 07:58]]", None),
        ("C", "for [[three years]]", None),
    ],
    "a02": [
        ("Q", "inaugurated: [[1,200 MW]] of clean", "a02.cap_head"),
        ("D", "Castrell, [[12 September 2026]]", "a02.pub"),
        ("C", "attended by [[more than 1,500 guests]]", "a02.guests"),
        ("Q", "Installed capacity: [[1,200 MW]] (", "a02.cap"),
        ("C", "([[4]] × 300", "a02.nunits"),
        ("Q", "4 × [[300 MW]] Francis", "a02.unit"),
        ("Q", "annual output: [[4,800 GWh]]", "a02.gen"),
        ("P", "supply: [[around 18%]]", "a02.share"),
        ("Q", "Dam height: [[168 m]]", "a02.height"),
        ("Q", "crest length: [[740 m]]", "a02.crest"),
        ("Q", "Reservoir area: [[94 km²]]", "a02.res"),
        ("Q", "storage: [[5.6 billion m³]]", "a02.storage"),
        ("M", "project cost: [[US$2.14 billion]]", "a02.cost"),
        ("C", "“For [[nine years]] thousands", "a02.years9"),
        ("C", "for the [[next hundred years]]", None),
        ("C", "All [[four generating units]]", "a02.nunits2"),
        ("D", "commissioned on [[22 March 2025]]", "a02.u1"),
        ("D", "the last, on [[19 June 2026]]", "a02.u4"),
        ("Q", "generate [[4,300 gigawatt hours]]", "a02.gen_wrong"),
        ("C", "[[some 1.9 million homes]]", None),
        ("D", "In [[2025]], with only", None),
        ("Q", "delivered [[1,310 GWh]]", "a02.gen2025"),
        ("D", "began in [[March 2017]]", "a02.start"),
        ("D", "signed on [[9 June 2016]]", "a02.contract_date"),
        ("D", "works in [[2021]], 6,400", None),
        ("C", "[[6,400 people]] were employed", "a02.workers"),
        ("P", "[[35%]] of them recruited", "a02.local"),
        ("C", "staff of [[420]]", "a02.staff"),
        ("Q", "containing [[3.1 million cubic metres]]", None),
        ("D", "began on [[1 October 2024]]", "a02.impound"),
        ("D", "level in [[May 2025]]", None),
        ("Q", "flow of [[45 m³/s]] below", "a02.eflow"),
        ("Q", "rising to [[120 m³/s]]", "a02.pulse"),
        ("Q", "A [[1.1 km]] fish pass", "a02.fish"),
        ("C", "with [[74 pools]]", "a02.pools"),
        ("C", "a [[ten{-}year]] monitoring", None),
        ("C", "resettlement of [[2,870 households]]", "a02.hh"),
        ("C", "from [[14 villages]]", "a02.villages"),
        ("M", "totalling [[US$212 million]]", "a02.comp"),
        ("C", "and [[nine new settlements]]", "a02.settlements"),
        ("D", "founded in [[1974]]", "a02.founded"),
        ("Q", "the [[240 MW]] Kelvar", "a02.kelvar_cap"),
        ("D", "completed in [[1981]]", "a02.kelvar_year"),
        ("M", "Development Bank [[US$750 million]]", "a02.cdb"),
        ("M", "Investment Bank [[US$400 million]]", "a02.mib"),
        ("M", "state budget [[US$990 million]]", "a02.state"),
        ("D", "began at [[11:00]] Marenta time", "a02.time"),
    ],
    "a03": [
        ("D", "Castrell, [[15 September 2026]]", "a03.pub"),
        ("D", "On [[Saturday 12 September 2026]]", "a03.inaug"),
        ("C", "With all [[four units]] in service", "a03.nunits"),
        ("Q", "adds [[1,200 MW]] to", "a03.cap"),
        ("Q", "capacity of [[5,100 MW]] before", "a03.nat_before"),
        ("Q", "capacity of [[6,300 MW]].", "a03.nat_after"),
        ("Q", "produce [[4.8 TWh]]", "a03.gen"),
        ("P", "or [[18 per cent]] of national", "a03.share"),
        ("D", "completed in [[2014]].", "a03.fs"),
        ("Q", "plant of [[1,000 MW]] at", "a03.fs_cap"),
        ("M", "cost of [[USD 1.45 billion]]", "a03.fs_cost"),
        ("Q", "larger plant of [[1,200 MW]] in", "a03.cap2"),
        ("D", "MW in [[2016]], with", "a03.approved"),
        ("M", "budget of [[USD 1.6 billion]]", "a03.budget"),
        ("M", "project is [[USD 2.14 billion]]", "a03.cost"),
        ("M", "overrun of [[USD 540 million]]", "a03.overrun"),
        ("P", "or [[about 34 per cent]]", "a03.overrun_pct"),
        ("D", "accident of [[17 November 2019]] and", "a03.acc"),
        ("D", "cement in [[2021 and 2022]]", None),
        ("M", "Development Bank: [[USD 750 million]]", "a03.cdb"),
        ("P", "([[35 per cent]]), comprising", "a03.cdb_pct"),
        ("M", "original loan of [[USD 600 million]]", "a03.cdb_orig"),
        ("D", "approved in [[2016]] and a supplementary", None),
        ("M", "supplementary loan of [[USD 150 million]]", "a03.cdb_supp"),
        ("D", "approved in [[2021]];", None),
        ("M", "Investment Bank: [[USD 400 million]]", "a03.mib"),
        ("P", "([[19 per cent]])", "a03.mib_pct"),
        ("M", "state budget: [[USD 990 million]]", "a03.state"),
        ("P", "([[46 per cent]])", "a03.state_pct"),
        ("Q", "wall is [[180 metres]] high", "a03.height_wrong"),
        ("Q", "and [[740 metres]] long", "a03.crest"),
        ("Q", "covers [[94 square kilometres]]", "a03.res"),
        ("D", "The [[2018]] resettlement plan", None),
        ("C", "plan listed [[2,910 households]]", "a03.hh_plan"),
        ("C", "resettled is [[2,870]], from", "a03.hh"),
        ("C", "from [[fourteen villages]]", "a03.villages"),
        ("C", "totalling [[12,400 people]]", "a03.people"),
        ("C", "figure of [[2,910]] should", "a03.hh_plan2"),
        ("D", "up to [[30 June 2026]]", None),
        ("M", "amounts to [[USD 212 million]]", "a03.comp"),
        ("M", "against [[USD 180 million]]", "a03.comp_plan"),
        ("D", "in the [[2016]] budget", None),
        ("C", "the [[three workers]] who lost", "a03.killed"),
        ("D", "lives on [[17 November 2019]].", "a03.acc2"),
        ("Q", "flow of [[45 cubic metres per second]]", "a03.eflow"),
        ("Q", "pulse of [[120 cubic metres per second]]", "a03.pulse"),
        ("D", "from [[1 April to 31 May]]", None),
        ("C", "and the [[6,400 workers]]", "a03.workers"),
    ],
    "a04": [
        ("D", "Updated [[1 September 2026]]", "a04.pub"),
        ("D", "inaugurated on [[12 September 2026]]", "a04.inaug_text"),
        ("D", "Feasibility study completed [[2014]]", "a04.fs"),
        ("D", "Project approved by Government [[2016]]", "a04.approved"),
        ("D", "JV) [[2016-06-09]]", "a04.contract_date"),
        ("D", "Start of construction [[2017-03-20]]", "a04.start"),
        ("D", "Spillway accident [[2019-11-17]]", "a04.acc"),
        ("D", "reservoir began [[2024-10-01]]", "a04.impound"),
        ("D", "operation planned ([[2016]])", None),
        ("D", "(2016) [[2023]]", "a04.plan_cod"),
        ("D", "Inauguration [[2026-09-12]]", "a04.inaug"),
        ("Q", "Height above foundation [[168{nb}m]]", "a04.height"),
        ("Q", "Crest length [[740{nb}m]]", "a04.crest"),
        ("Q", "full supply level [[94{nb}km²]]", "a04.res"),
        ("Q", "Reservoir storage [[5.6 billion m³]]", "a04.storage"),
        ("Q", "Reservoir length [[62{nb}km]]", "a04.reslen"),
        ("Q", "dam site [[310{nb}m³/s]]", "a04.meanflow"),
        ("Q", "environmental flow [[45{nb}m³/s]]", "a04.eflow"),
        ("D", "Spawning pulse ([[1 April – 31 May]])", None),
        ("Q", "31 May) [[120{nb}m³/s]]", "a04.pulse"),
        ("Q", "[[300{nb}MW]] 2025-03-22", "a04.unit1"),
        ("D", "[[2025-03-22]]", "a04.u1"),
        ("Q", "[[300{nb}MW]] 2025-08-14", "a04.unit2"),
        ("D", "[[2025-08-14]]", "a04.u2"),
        ("Q", "[[300{nb}MW]] 2026-01-30", "a04.unit3"),
        ("D", "[[2026-01-30]]", "a04.u3"),
        ("Q", "[[300{nb}MW]] 2026-06-19", "a04.unit4"),
        ("D", "[[2026-06-19]]", "a04.u4"),
        ("Q", "[[1{nn}200{nb}MW]]", "a04.cap"),
        ("D", "[[2025]] (actual)", None),
        ("Q", "(actual){tab}[[1{nn}310]]", "a04.gen2025"),
        ("P", "1{nn}310{tab}[[5{nb}%]]", "a04.share2025"),
        ("D", "[[2026]] (forecast)", None),
        ("Q", "(forecast){tab}[[3{nn}900]]", "a04.gen2026"),
        ("P", "3{nn}900{tab}[[15{nb}%]]", "a04.share2026"),
        ("Q", "(design){tab}[[4{nn}800]]", "a04.gen"),
        ("P", "4{nn}800{tab}[[18{nb}%]]", "a04.share"),
        ("M", "Development Bank ^{*1} [[750]]", "a04.cdb"),
        ("P", "750 [[35{nb}%]]", "a04.cdb_pct"),
        ("M", "Meridian Investment Bank [[400]]", "a04.mib"),
        ("P", "400 [[19{nb}%]]", "a04.mib_pct"),
        ("M", "State budget [[990]]", "a04.state"),
        ("P", "990 [[46{nb}%]]", "a04.state_pct"),
        ("M", "Total project cost [[2{nn}140]]", "a04.cost"),
        ("P", "2{nn}140 [[100{nb}%]]", None),
        ("D", "Budget approved ([[2016]])", None),
        ("M", "(2016) [[1{nn}600]]", "a04.budget"),
        ("C", "Villages submerged [[14]]", "a04.villages"),
        ("C", "^{*2} [[2{nn}870]]", "a04.hh"),
        ("C", "People resettled [[12{nn}400]]", "a04.people"),
        ("C", "New settlements built [[9]]", "a04.settlements"),
        ("D", "(to [[30 June 2026]])", None),
        ("M", "[[US$212 million]]", "a04.comp"),
        ("D", "at peak ([[2021]])", None),
        ("C", "(2021) [[6{nn}400]]", "a04.workers"),
        ("P", "recruited in Upper Orsel [[35{nb}%]]", "a04.local"),
        ("C", "operating staff [[420]]", "a04.staff"),
        ("Q", "Length [[1.1{nb}km]]", "a04.fish"),
        ("C", "[[74 pools]]", "a04.pools"),
        ("M", "Original loan of [[600]]", "a04.cdb_orig"),
        ("D", "loan of 600 ([[2016]])", None),
        ("M", "supplementary loan of [[150]]", "a04.cdb_supp"),
        ("D", "loan of 150 ([[2021]])", None),
        ("D", "The [[2018]] resettlement", None),
        ("C", "plan listed [[2{nn}910 households]]", "a04.hh_plan"),
        ("C", "financed by [[two development banks]]", None),
        ("D", "completed in [[1981]]", "a04.kelvar_year"),
    ],
    "a05": [
        ("D", "Published [[3 October 2026]]", "a05.pub"),
        ("C", "Ilinca Marga, [[67]],", None),
        ("Q", "under [[forty metres]] of water", None),
        ("C", "the [[12,400 people]]", "a05.people"),
        ("C", "the [[twelve villages]]", "a05.villages_wrong"),
        ("C", "[[three weeks]] after", None),
        ("D", "In [[August 2022]].", None),
        ("D", "built it in [[1958]]", None),
        ("D", "meeting was in [[2015]], after", None),
        ("D", "feasibility study of [[2014]]", "a05.fs"),
        ("Q", "They said [[1,000 megawatts]]", "a05.fs_cap"),
        ("Q", "it became [[1,200 megawatts]]", "a05.cap"),
        ("Q", "cover [[94 square kilometres]]", "a05.res"),
        ("Q", "imagine [[ninety{-}four square kilometres]]", "a05.res_spelled"),
        ("C", "count was [[2,870 households]]", "a05.hh"),
        ("C", "list of [[2,910]]", "a05.hh_plan"),
        ("M", "received [[$61,000]]", None),
        ("M", "paid [[$212 million]] in total", "a05.comp"),
        ("C", "[[6,400 people]] worked", "a05.workers"),
        ("C", "for [[four years]]", None),
        ("D", "on [[17 November 2019]], the day", "a05.acc"),
        ("C", "[[Three men]] died", "a05.killed"),
        ("Q", "A wall [[168 metres]] high", "a05.height"),
        ("P", "give [[18 per cent]]", "a05.share"),
        ("D", "cemetery in [[2021]]", None),
        ("C", "[[340 graves]]", None),
        ("Q", "ladder, [[1.1 kilometres]]", "a05.fish"),
        ("D", "low in [[October]]", None),
    ],
    "a06": [
        ("D", "Posted by Tomas Reyel · [[20 September 2026]]", "a06.pub"),
        ("Q", "plenty: [[1,200 MW]]", "a06.cap"),
        ("Q", "[[4,800 GWh]] a year", "a06.gen"),
        ("Q", "a wall [[168 metres]] high", "a06.height"),
        ("P", "supply [[18 per cent]]", "a06.share"),
        ("D", "dam in [[2016]] with", None),
        ("M", "budget of [[$1.6 billion]]", "a06.budget"),
        ("M", "has cost [[$2.14 billion]]", "a06.cost"),
        ("P", "[[some 34 per cent]] more", "a06.overrun_pct"),
        ("M", "loan of [[$150 million]]", "a06.cdb_supp"),
        ("D", "Bank in [[2021]]", None),
        ("M", "alone to [[$750 million]]", "a06.cdb"),
        ("C", "Officially, [[2,870 households]]", "a06.hh"),
        ("C", "from [[fourteen villages]]", "a06.villages"),
        ("C", "[[more than 14,000 people]] displaced", "a06.people_ngo"),
        ("D", "The [[2018]] plan", None),
        ("C", "listed [[2,910 households]]", "a06.hh_plan"),
        ("M", "reached [[$212 million]]", "a06.comp"),
        ("M", "[[roughly $74,000]] per household", None),
        ("D", "did in [[2020]]", None),
        ("D", "the [[2012]] feasibility study", "a06.fs_wrong"),
        ("Q", "below the dam is [[45 m³/s]]", "a06.eflow"),
        ("P", "[[less than 15 per cent]] of the river", "a06.flow_pct"),
        ("Q", "mean flow of [[310 m³/s]]", "a06.meanflow"),
        ("D", "In [[August]], the Orsel", None),
        ("Q", "pulse of [[120 m³/s]]", "a06.pulse"),
        ("C", "lasts [[two months]]", None),
        ("Q", "It is [[1.1 km]] long", "a06.fish"),
        ("C", "with [[74 pools]]", "a06.pools"),
        ("M", "cost [[$38 million]]", None),
        ("C", "counted [[212 barbel]]", None),
        ("D", "completed in [[1981]]", "a06.kelvar_year"),
        ("Q", "wall [[45 kilometres]] downstream", None),
        ("D", "statement of [[15 September 2026]]", None),
        ("D", "edition 6, [[1 September 2026]]", None),
        ("D", "Castrell, [[2015]].", None),
        ("D", "Andrei Volk · [[20 September 2026 at 17:32]]", None),
        ("C", "[[212 barbel]]! That", None),
        ("D", "Mira T. · [[21 September 2026 at 08:10]]", None),
        ("C", "on the [[2,910]] list", "a06.hh_plan2"),
    ],
    "a07": [
        ("D", "Construction began{tab}[[2017]]", "a07.start_box"),
        ("D", "Opening date{tab}[[12 September 2026]]", "a07.inaug_box"),
        ("M", "Construction cost{tab}[[US$2.14 billion]]", "a07.cost_box"),
        ("Q", "Height{tab}[[168 m]]", "a07.height_box"),
        ("Q", "([[551 ft]])", "a07.height_ft"),
        ("Q", "Length{tab}[[740 m]]", "a07.crest"),
        ("Q", "Reservoir area{tab}[[94 km2]]", "a07.res_box"),
        ("Q", "Installed capacity{tab}[[1,200 MW]]", "a07.cap_box"),
        ("C", "([[4]] × 300 MW)", "a07.nunits"),
        ("Q", "4 × [[300 MW]])", "a07.unit"),
        ("Q", "Annual generation{tab}[[4,800 GWh]]", "a07.gen"),
        ("Q", "capacity of [[1.2 GW]]", "a07.cap"),
        ("P", "[[about 18%]] of Marenta", "a07.share"),
        ("D", "(OHC), founded in [[1974]].", "a07.founded1"),
        ("D", "in [[the 1960s]]", None),
        ("D", "founded in [[1974]] as the", "a07.founded2"),
        ("D", "completed in [[1981]] (64 m", "a07.kelvar_year"),
        ("Q", "([[64 m]], 240 MW)", "a07.kelvar_h"),
        ("Q", "64 m, [[240 MW]])", "a07.kelvar_cap"),
        ("D", "completed in [[2014]], recommended", "a07.fs"),
        ("Q", "plant of [[1,000 MW]]", "a07.fs_cap"),
        ("Q", "design of [[1,200 MW]] in", "a07.cap2"),
        ("D", "MW in [[2016]] with", "a07.approved"),
        ("M", "budget of [[US$1.6 billion]]", "a07.budget"),
        ("O", "its [[50th anniversary]] in", "a07.anniv"),
        ("D", "anniversary in [[2024]]", "a07.anniv_year"),
        ("M", "worth [[US$1.18 billion]]", "a07.contract"),
        ("D", "Joint Venture on [[9 June 2016]]", "a07.contract_date"),
        ("D", "began in [[March 2017]]", "a07.start"),
        ("D", "On [[17 November 2019]] scaffolding", "a07.acc"),
        ("C", "killing [[three workers]]", "a07.killed"),
        ("C", "injuring [[11]];", "a07.injured"),
        ("C", "for [[23 days]]", "a07.stop"),
        ("C", "[[about 6,400]] in 2021", "a07.workers"),
        ("D", "6,400 in [[2021]]", None),
        ("D", "began on [[1 October 2024]]", "a07.impound"),
        ("O", "The [[first unit]] was commissioned", None),
        ("D", "commissioned on [[22 March 2025]]", "a07.u1"),
        ("O", "the [[second]] in", None),
        ("D", "in [[August 2025]], the third", "a07.u2"),
        ("O", "the [[third]] in", None),
        ("D", "in [[January 2026]]", "a07.u3"),
        ("O", "the [[fourth]] on", None),
        ("D", "on [[19 June 2026]]", "a07.u4"),
        ("D", "Castan on [[12 September 2026]].", "a07.inaug"),
        ("M", "final cost of [[US$2.14 billion]] exceeded", "a07.cost"),
        ("P", "budget by [[34%]]", "a07.overrun_pct"),
        ("Q", "area of [[94 km2]]", "a07.res"),
        ("Q", "([[36 sq mi]])", "a07.res_sqmi"),
        ("C", "submerged [[14 villages]]", "a07.villages"),
        ("C", "total of [[2,870 households]]", "a07.hh"),
        ("C", "([[12,400 people]])", "a07.people"),
        ("C", "in [[nine new settlements]]", "a07.settlements"),
        ("M", "totalling [[US$195 million]]", "a07.comp_wrong"),
        ("Q", "flow of [[45 m3/s]]", "a07.eflow"),
        ("P", "[[about 15%]] of the mean", "a07.flow_pct"),
        ("Q", "mean flow of [[310 m3/s]]", "a07.meanflow"),
        ("Q", "pulse of [[120 m3/s]]", "a07.pulse"),
        ("D", "in [[April and May]]", None),
        ("Q", "pass [[1.1 km]] long", "a07.fish"),
        ("D", "completed in [[2025]].[2]", None),
        ("D", "Development Bank ([[2026]]).", None),
        ("D", "Plant”. [[1 September 2026]].", None),
        ("D", "Hydroconsult ([[2014]]).", "a07.fs_ref"),
        ("C", "“[[Three killed]] in Tesmar", None),
        ("D", "Herald. [[18 November 2019]].", None),
        ("D", "Mines ([[15 September 2026]])", None),
        ("D", "Dams completed in [[2026]]", None),
        ("D", "last edited on [[2 October 2026, at 14:37 (UTC)]]", None),
    ],
    "a08": [
        ("M", "opens [[$2.1 billion]] dam", "a08.cost_head"),
        ("D", "Marenta, [[Sept. 12, 2026]] (GPW)", "a08.pub"),
        ("Q", "a [[1,200-megawatt]] hydroelectric", "a08.cap"),
        ("P", "ran [[34 percent]] over budget", "a08.overrun_pct"),
        ("D", "at [[11 a.m. local time]]", "a08.time"),
        ("D", "([[0800 GMT]])", "a08.gmt"),
        ("D", "or [[4 a.m. EDT]]", "a08.edt"),
        ("Q", "the [[551-foot]] (168-meter)", "a08.height_ft"),
        ("Q", "([[168-meter]])", "a08.height"),
        ("C", "crowd of [[about 1,500 people]]", "a08.guests"),
        ("C", "plant's [[four]] 300-megawatt", "a08.nunits"),
        ("Q", "[[300-megawatt]] turbines", "a08.unit"),
        ("Q", "produce [[4,800 gigawatt-hours]]", "a08.gen"),
        ("P", "or [[about 18 percent]]", "a08.share"),
        ("Q", "capacity of [[5,100 megawatts]]", "a08.nat_before"),
        ("Q", "now have [[6,300 megawatts]]", "a08.nat_after"),
        ("M", "cost [[$2.14 billion]], well", "a08.cost"),
        ("M", "the [[$1.6 billion]] budget", "a08.budget"),
        ("D", "approved in [[2016]].", "a08.approved"),
        ("M", "lent [[$750 million]]", "a08.cdb"),
        ("M", "Bank [[$400 million]]", "a08.mib"),
        ("M", "the rest, [[$990 million]]", "a08.state"),
        ("M", "worth [[$1.18 billion]]", "a08.contract"),
        ("D", "signed [[Sept. 6, 2016]]", "a08.contract_date_wrong"),
        ("D", "started in [[March 2017]]", "a08.start"),
        ("Q", "covers [[94 square kilometers]]", "a08.res"),
        ("Q", "([[23,200 acres]]", "a08.res_acres"),
        ("Q", "[[about 36 square miles]])", "a08.res_sqmi"),
        ("Q", "stretches [[39 miles]]", "a08.reslen_mi"),
        ("C", "swallowed [[14 villages]]", "a08.villages"),
        ("C", "say [[2,870 households]]", "a08.hh"),
        ("C", "[[about 12,400 people]]", "a08.people"),
        ("M", "total of [[$212 million]]", "a08.comp"),
        ("C", "Marga, [[67]],", None),
        ("D", "on [[Nov. 17, 2019]]", "a08.acc"),
        ("C", "killing [[three workers]]", "a08.killed"),
        ("C", "injuring [[11]].", "a08.injured"),
        ("C", "[[About 6,400 people]]", "a08.workers"),
        ("D", "peak in [[2021]].", None),
        ("Q", "dam, [[45 cubic meters per second]]", "a08.eflow"),
        ("Q", "([[1,590 cubic feet per second]])", "a08.eflow_cfs"),
        ("Q", "raised to [[120 cubic meters per second]]", "a08.pulse"),
        ("C", "for [[two months]] each spring", None),
        ("Q", "a [[1.1-kilometer]]", "a08.fish"),
        ("Q", "([[0.7-mile]])", "a08.fish_mi"),
        ("Q", "the [[64-meter]]", "a08.kelvar_h"),
        ("Q", "([[210-foot]])", "a08.kelvar_ft"),
        ("D", "completed in [[1981]]", "a08.kelvar_year"),
        ("Q", "capacity of [[240 megawatts]]", "a08.kelvar_cap"),
        ("C", "Tesmar's [[four units]]", "a08.nunits2"),
        ("D", "operation [[between March 2025 and June]]", "a08.units_range"),
        ("Q", "delivered [[1,310 gigawatt-hours]]", "a08.gen2025"),
        ("D", "in [[2025]], when only", None),
        ("C", "[[about 4.1 million people]]", None),
        ("P", "[[about 30 percent]]", None),
        ("D", "electricity in [[2025]].", None),
    ],
    "a09": [
        ("D", "Date of report: [[28 August 2026]]", "a09.pub"),
        ("Q", "construction of a [[168 m]] roller", "a09.height"),
        ("Q", "reservoir of [[94 km²]]", "a09.res"),
        ("C", "with [[four Francis units]]", "a09.nunits"),
        ("Q", "of [[300 MW]] each", "a09.unit"),
        ("Q", "capacity of [[1,200 MW]].", "a09.cap"),
        ("Q", "generation is [[4,800 GWh]]", "a09.gen"),
        ("P", "[[about 18%]] of national", "a09.share"),
        ("M", "loan of [[$600 million]] in", "a09.cdb_orig"),
        ("D", "million in [[2016]], on the", None),
        ("D", "the [[2014]] feasibility", "a09.fs"),
        ("M", "loan of [[$150 million]] was", "a09.cdb_supp"),
        ("D", "approved in [[2021]] to cover", None),
        ("M", "commitment to [[$750 million]]", "a09.cdb"),
        ("D", "signed on [[9 June 2016]]", "a09.contract_date"),
        ("D", "started on [[20 March 2017]]", "a09.start"),
        ("D", "planned for [[2023]].", "a09.plan_cod"),
        ("D", "commissioned on [[22 March 2025]]", "a09.u1"),
        ("D", "Unit 4 on [[19 June 2026]]", "a09.u4"),
        ("C", "[[30 months]] behind", None),
        ("C", "for [[23 days]]", "a09.stop"),
        ("D", "accident of [[17 November 2019]]", "a09.acc"),
        ("C", "which [[three workers]] died", "a09.killed"),
        ("C", "and [[11]] were injured", "a09.injured"),
        ("D", "disruption in [[2021–2022]]", None),
        ("C", "peaked at [[6,400]] in", "a09.workers"),
        ("D", "6,400 in [[2021]], of whom", None),
        ("P", "of whom [[35%]] were", "a09.local"),
        ("D", "Appraisal ([[2016]])", None),
        ("M", "Civil works [[905]]", None),
        ("M", "905 [[1,240]]", "a09.civil"),
        ("M", "Electromechanical equipment [[390]]", None),
        ("M", "390 [[455]]", "a09.em"),
        ("M", "social programmes [[205]]", None),
        ("M", "205 [[268]]", "a09.resettle"),
        ("M", "fish pass) [[40]]", None),
        ("M", "40 [[61]]", "a09.env"),
        ("M", "supervision [[60]]", None),
        ("M", "60 [[84]]", "a09.eng"),
        ("M", "[[1,600]] 2,140", "a09.budget_tab"),
        ("M", "1,600 [[2,140]]", "a09.cost_tab1"),
        ("M", "Development Bank [[750]]", "a09.cdb_tab"),
        ("P", "750 [[35%]]", "a09.cdb_pct"),
        ("M", "Investment Bank [[400]]", "a09.mib"),
        ("P", "400 [[19%]]", "a09.mib_pct"),
        ("M", "Government of Marenta [[990]]", "a09.state"),
        ("P", "990 [[46%]]", "a09.state_pct"),
        ("M", "Total [[2,140]] 100%", "a09.cost_tab2"),
        ("P", "2,140 [[100%]]", None),
        ("M", "final cost of [[$2,140 million]]", "a09.cost"),
        ("P", "was [[34%]] above", "a09.overrun_pct"),
        ("M", "estimate of [[$1,600 million]]", "a09.budget"),
        ("M", "overrun of [[$540 million]]", "a09.overrun"),
        ("D", "action plan of [[2018]]", None),
        ("C", "identified [[2,910 households]]", "a09.hh_plan"),
        ("C", "verification, [[2,870 households]]", "a09.hh"),
        ("C", "([[12,400 persons]])", "a09.people"),
        ("C", "from [[14 villages]]", "a09.villages"),
        ("C", "to [[nine new settlements]]", "a09.settlements"),
        ("D", "paid to [[30 June 2026]]", None),
        ("M", "totalled [[$212 million]]", "a09.comp"),
        ("M", "with [[$180 million]] at", "a09.comp_plan"),
        ("Q", "flow of [[45 m³/s]]", "a09.eflow"),
        ("Q", "pulse of [[120 m³/s]]", "a09.pulse"),
        ("D", "in [[April–May]]", None),
        ("P", "has been [[97%]]", None),
        ("P", "estimated at [[8.9%]]", None),
        ("P", "against [[11.2%]]", None),
    ],
    "a10": [
        ("D", "Last updated [[12 September 2026, 17:40]]", "a10.pub"),
        ("D", "[[17:40]] That’s it", None),
        ("C", "all [[four turbines]]", "a10.nunits"),
        ("D", "[[15:55]] A reader", None),
        ("D", "in [[February 2025]] that", "a10.first_power"),
        ("D", "in [[August 2025]].", "a10.u2"),
        ("D", "[[14:20]] Numbers", None),
        ("Q", "covers [[94 km²]]", "a10.res"),
        ("C", "The [[2,870 households]]", "a10.hh"),
        ("M", "received [[$212 million]]", "a10.comp"),
        ("D", "construction in [[2021]] there", None),
        ("C", "were [[6,400 workers]]", "a10.workers"),
        ("D", "[[13:05]] Around", None),
        ("C", "[[Around 200 protesters]]", None),
        ("Q", "[[about 500 metres]]", None),
        ("D", "[[12:30]] Here", None),
        ("Q", "below the dam is [[45 m³/s]]", "a10.eflow"),
        ("D", "[[11:48]] OHC", None),
        ("C", "the [[three men]] killed", "a10.killed"),
        ("D", "on [[17 November 2019]].", "a10.acc"),
        ("O", "its [[50th anniversary]] this year", "a10.anniv"),
        ("D", "[[11:32]] The President", None),
        ("D", "[[11:15]] President", None),
        ("Q", "plant of [[1,200 megawatts]]", "a10.cap"),
        ("P", "[[nearly a quarter]] of its", "a10.share_wrong"),
        ("D", "[[11:00]] The ceremony", "a10.ts_1100"),
        ("Q", "stands [[168 metres]] high", "a10.height"),
        ("C", "[[About 1,500 guests]]", "a10.guests"),
        ("M", "lent [[$750 million]]", "a10.cdb"),
        ("D", "[[10:20]] For readers", None),
        ("D", "starts at [[11:00 local time]]", "a10.time"),
        ("D", "which is [[08:00 UTC]]", "a10.utc"),
        ("D", "and [[4 a.m.]] in New York", "a10.ny"),
        ("D", "[[09:40]] Our reporter", None),
        ("C", "of [[nine new settlements]]", "a10.settlements"),
        ("C", "the [[14 villages]]", "a10.villages"),
        ("C", "Marga, [[67]].", None),
        ("D", "[[08:30]] Traffic", None),
        ("Q", "for [[12 kilometres]]", None),
        ("D", "[[07:45]] Good morning", None),
        ("C", "[[more than nine years]]", "a10.years9"),
        ("M", "cost [[$2.14 billion]]", "a10.cost"),
        ("M", "budget of [[$1.6 billion]]", "a10.budget"),
    ],
}

# --------------------------------------------------------------------------------------
# Non-claims that look numeric
# --------------------------------------------------------------------------------------
NONCLAIM_RE = [
    r"\+427(?: \d+)+",                                  # phone numbers
    r"\^\{\*\d+\}",                                     # footnote markers ^{*1}
    r"(?m)^\d+\.(?= )",                                 # list / paragraph numbering "1. "
    r"(?m)^\d (?=Background|Construction|Resettlement|Environment|References)",  # table of contents
    r"\[\d+\]",                                         # reference markers [1]
    r"Comments \(\d+\)",                                # comment counters (page furniture)
    r"[Ee]dition \d+", r"Ref\. MEM/\d+/\d+", r"UTC\+3\b", r"\bpara\. \d+", r"Vol\. \d+",
    r"CDB-L-\d+", r"Table \d(?=\.)",                    # loan numbers, table numbers
    r"\bUnit \d\b", r"(?m)^[1-4](?= +Francis)",         # generating-unit identifiers
    r"27 Vadim Square", r"CA2 9LP",                     # address, postcode
    r"USD million(?=[ \t]+Share)", r"\(US\$ million\)",    # column-header / table-title units
]
NONCLAIM_CTX = {
    "a05": ["She is [[one]] of the", "which the old [[one]]", "The [[first]] meeting", "At [[first]] they had"],
    "a06": ["not on the final [[one]]. Nobody", "are not on the final [[one]]"],
    "a07": ["was [[first]] proposed"],
    "a10": ["for the [[first]] time", "Sorvi Nou, [[one]] of nine"],
}

# --------------------------------------------------------------------------------------
# Answers
# --------------------------------------------------------------------------------------
FS = ["a03.fs", "a04.fs", "a05.fs", "a07.fs", "a07.fs_ref", "a09.fs"]
CONTRACT_DATE = ["a02.contract_date", "a04.contract_date", "a07.contract_date", "a09.contract_date"]
WORKERS = ["a02.workers", "a03.workers", "a04.workers", "a05.workers", "a07.workers", "a08.workers",
           "a09.workers", "a10.workers"]
COMP = ["a01.comp", "a02.comp", "a03.comp", "a04.comp", "a05.comp", "a06.comp", "a08.comp", "a09.comp",
        "a10.comp"]
SHARE = ["a01.share", "a02.share", "a03.share", "a04.share", "a05.share", "a06.share", "a07.share",
         "a08.share", "a09.share"]
HEIGHT = ["a01.height", "a02.height", "a04.height", "a05.height", "a06.height", "a07.height_box",
          "a07.height_ft", "a08.height", "a08.height_ft", "a09.height", "a10.height"]
VILLAGES = ["a01.villages", "a02.villages", "a03.villages", "a04.villages", "a06.villages", "a07.villages",
            "a08.villages", "a09.villages", "a10.villages"]
GEN = ["a01.gen", "a02.gen", "a03.gen", "a04.gen", "a06.gen", "a07.gen", "a08.gen", "a09.gen"]
PEOPLE = ["a01.people", "a03.people", "a04.people", "a05.people", "a07.people", "a08.people", "a09.people"]
U1 = ["a02.u1", "a04.u1", "a07.u1", "a09.u1"]
CAP = ["a01.cap_head", "a01.cap", "a02.cap_head", "a02.cap", "a03.cap", "a03.cap2", "a04.cap", "a05.cap",
       "a06.cap", "a07.cap_box", "a07.cap", "a07.cap2", "a08.cap", "a09.cap", "a10.cap"]
UNIT = ["a01.unit", "a02.unit", "a04.unit1", "a04.unit2", "a04.unit3", "a04.unit4", "a07.unit", "a08.unit",
        "a09.unit"]
COST = ["a01.cost", "a01.c_cost", "a02.cost", "a03.cost", "a04.cost", "a06.cost", "a07.cost_box", "a07.cost",
        "a08.cost_head", "a08.cost", "a09.cost_tab1", "a09.cost_tab2", "a09.cost", "a10.cost"]
BUDGET = ["a01.budget", "a03.budget", "a04.budget", "a06.budget", "a07.budget", "a08.budget", "a09.budget_tab",
          "a09.budget", "a10.budget"]
HH = ["a01.hh", "a02.hh", "a03.hh", "a04.hh", "a05.hh", "a06.hh", "a07.hh", "a08.hh", "a09.hh", "a10.hh"]
HH_PLAN = ["a03.hh_plan", "a03.hh_plan2", "a04.hh_plan", "a05.hh_plan", "a06.hh_plan", "a06.hh_plan2",
           "a09.hh_plan"]
EFLOW = ["a01.eflow", "a02.eflow", "a03.eflow", "a04.eflow", "a06.eflow", "a07.eflow", "a08.eflow",
         "a08.eflow_cfs", "a09.eflow", "a10.eflow"]
PULSE = ["a02.pulse", "a03.pulse", "a04.pulse", "a06.pulse", "a07.pulse", "a08.pulse", "a09.pulse"]
MEANFLOW = ["a04.meanflow", "a06.meanflow", "a07.meanflow"]
CDB_PCT = ["a03.cdb_pct", "a04.cdb_pct", "a09.cdb_pct"]
LOCAL = ["a01.local", "a02.local", "a04.local", "a09.local"]
INAUG = ["a02.pub", "a03.inaug", "a04.inaug", "a04.inaug_text", "a07.inaug_box", "a07.inaug", "a08.pub"]

DISCREPANCIES = [
    dict(id="d1", category="year",
         fact="Year the Tesmar feasibility study was completed (2014 vs 'the 2012 feasibility study' in the RiverKeepers blog)",
         sides=[FS, ["a06.fs_wrong"]]),
    dict(id="d2", category="date",
         fact="Date the EPC construction contract with the Kalden-Voss Joint Venture was signed (9 June 2016 / 2016-06-09 vs 'Sept. 6, 2016' in the GPW wire)",
         sides=[CONTRACT_DATE, ["a08.contract_date_wrong"]]),
    dict(id="d3", category="count",
         fact="Workers on site at the peak of construction in 2021 (6,400 vs 'about 5,200 people' in the Castrell Herald)",
         sides=[WORKERS, ["a01.workers_wrong"]]),
    dict(id="d4", category="money",
         fact="Compensation paid to resettled households ($212 million vs 'US$195 million' in the Openpedia article, citing the ministry)",
         sides=[COMP, ["a07.comp_wrong"]]),
    dict(id="d5", category="percent",
         fact="Tesmar's share of national electricity supply (18 per cent vs 'nearly a quarter' in the President's words on the RTM live blog)",
         sides=[SHARE, ["a10.share_wrong"]]),
    dict(id="d6", category="quantity",
         fact="Height of the dam (168 m / 551 ft vs '180 metres high' in the ministry statement)",
         sides=[HEIGHT, ["a03.height_wrong"]]),
    dict(id="d7", category="spelled",
         fact="Villages flooded by the reservoir (14 / fourteen vs 'the twelve villages' in the Highland Review interview)",
         sides=[VILLAGES, ["a05.villages_wrong"]]),
    dict(id="d8", category="within_doc",
         fact="Average annual electricity output (4,800 GWh vs '4,300 gigawatt hours' in an average year later in the same OHC press release)",
         sides=[GEN, ["a02.gen_wrong"]]),
]
OPTIONAL = [
    dict(id="o1", category="count",
         fact="People resettled: 12,400 (official register of resettled households) vs 'more than 14,000 people displaced' (RiverKeepers survey, counting families who lost land but kept their homes)",
         sides=[PEOPLE, ["a06.people_ngo"]]),
    dict(id="o2", category="date",
         fact="Start of generation: Unit 1 commissioned on 22 March 2025 vs power 'sent to the grid for the first time' in February 2025 during tests (RTM); commissioning vs test synchronisation",
         sides=[U1, ["a10.first_power"]]),
]
TRAPS = [
    dict(id="t1", category="same_number",
         fact="35 per cent for two different facts: the Continental Development Bank's share of the financing vs the share of workers recruited in Upper Orsel province ('a third' in the Herald)",
         claims=CDB_PCT + LOCAL),
    dict(id="t2", category="different_fact",
         fact="Total vs part: installed capacity 1,200 MW vs 300 MW per generating unit",
         claims=CAP + UNIT),
    dict(id="t3", category="different_fact",
         fact="Before vs after, in near-identical sentences: Marenta's combined generating capacity 5,100 MW before Tesmar vs 6,300 MW now",
         claims=["a03.nat_before", "a03.nat_after", "a08.nat_before", "a08.nat_after"]),
    dict(id="t4", category="different_fact",
         fact="Plan vs actual cost and part vs total: feasibility estimate $1.45 billion, 2016 budget $1.6 billion, EPC contract $1.18 billion, final cost $2.14 billion (overrun $540 million, 34 per cent)",
         claims=["a03.fs_cost"] + BUDGET + ["a07.contract", "a08.contract"] + COST
                + ["a03.overrun", "a09.overrun", "a03.overrun_pct", "a06.overrun_pct", "a07.overrun_pct",
                   "a08.overrun_pct", "a09.overrun_pct"]),
    dict(id="t5", category="different_fact",
         fact="Plan vs actual: feasibility study's 1,000 MW vs 1,200 MW built; commercial operation planned for 2023 vs inauguration on 12 September 2026; $180 million resettlement provision vs $212 million compensation paid",
         claims=["a03.fs_cap", "a05.fs_cap", "a07.fs_cap"] + CAP + ["a04.plan_cod", "a09.plan_cod"] + INAUG
                + ["a03.comp_plan", "a09.comp_plan"] + COMP),
    dict(id="t6", category="different_fact",
         fact="Two dams, same attribute: Tesmar 168 m high and 1,200 MW vs the older Kelvar Dam downstream, 64 m (210 ft) high and 240 MW",
         claims=HEIGHT + CAP + ["a07.kelvar_h", "a08.kelvar_h", "a08.kelvar_ft", "a02.kelvar_cap",
                                "a07.kelvar_cap", "a08.kelvar_cap"]),
    dict(id="t7", category="format",
         fact="Installed capacity in different notations: 1,200 MW / 1,200 megawatts / 1,200-megawatt / 1.2 GW / 1 200 MW (table)",
         claims=CAP),
    dict(id="t8", category="rounding",
         fact="Final cost in different notations and roundings: $2.14 billion / US$2.14 billion / USD 2.14 billion / $2,140 million / 2,140 (USD million, tables) / $2.1 billion (wire headline)",
         claims=COST),
    dict(id="t9", category="format",
         fact="Same quantities in metric and US units: 168 m = 551 ft; 94 km² = 23,200 acres = about 36 sq mi; 62 km = 39 miles; 45 m³/s = 1,590 cubic feet per second; 1.1 km = 0.7 mile; Kelvar 64 m = 210 ft",
         claims=["a07.height_box", "a07.height_ft", "a08.height", "a08.height_ft", "a08.res", "a08.res_acres",
                 "a08.res_sqmi", "a07.res", "a07.res_sqmi", "a01.reslen", "a04.reslen", "a08.reslen_mi",
                 "a08.eflow", "a08.eflow_cfs", "a08.fish", "a08.fish_mi", "a08.kelvar_h", "a08.kelvar_ft"]),
    dict(id="t10", category="time_series",
         fact="Generation with explicit periods: 1,310 GWh in 2025 (5 %, partial operation), 3,900 GWh forecast for 2026 (15 %), 4,800 GWh in an average year (18 %)",
         claims=["a02.gen2025", "a04.gen2025", "a08.gen2025", "a04.gen2026", "a02.gen", "a03.gen", "a04.gen",
                 "a08.gen", "a04.share2025", "a04.share2026", "a04.share"]),
    dict(id="t11", category="correction",
         fact="Households resettled: 2,910 in the 2018 resettlement plan, explicitly replaced by the verified 2,870 (ministry ¶7: 'The figure of 2,910 should no longer be used'; fact-sheet note; bank report)",
         claims=HH_PLAN + HH),
    dict(id="t12", category="time_zone",
         fact="Inauguration ceremony at 11:00 Marenta time (UTC+3) = 08:00 UTC / 0800 GMT = 4 a.m. EDT in New York",
         claims=["a01.time", "a02.time", "a08.time", "a08.gmt", "a08.edt", "a10.ts_1100", "a10.time",
                 "a10.utc", "a10.ny"]),
    dict(id="t13", category="granularity",
         fact="Construction start 20 March 2017 / 2017-03-20 vs 'March 2017' vs 2017 (infobox); Unit 2 2025-08-14 vs 'August 2025'; Unit 1 22 March 2025 / 2025-03-22 vs 'between March 2025 and June'",
         claims=["a04.start", "a09.start", "a02.start", "a07.start", "a08.start", "a07.start_box",
                 "a04.u2", "a07.u2", "a10.u2"] + U1 + ["a08.units_range"]),
    dict(id="t14", category="qualifier",
         fact="Qualified restatements: 'more than 1,500 guests' vs 'about 1,500'; 'nine years' vs 'more than nine years'; minimum flow 'less than 15 per cent' vs 'about 15%' of the mean flow",
         claims=["a02.guests", "a08.guests", "a10.guests", "a02.years9", "a10.years9", "a06.flow_pct",
                 "a07.flow_pct"]),
    dict(id="t15", category="different_fact",
         fact="Different flows: minimum environmental flow 45 m³/s (all year) vs spawning pulse 120 m³/s (April–May) vs mean river flow 310 m³/s",
         claims=EFLOW + PULSE + MEANFLOW),
]
DERIVED = [
    dict(id="x1",
         fact="Bank completion report, Table 1: the actual costs by component (1,240 + 455 + 268 + 61 + 84 = 2,108) do not add up to the stated total of 2,140 (US$ million)",
         claims=["a09.civil", "a09.em", "a09.resettle", "a09.env", "a09.eng", "a09.cost_tab1"]),
    dict(id="x2",
         fact="RTM live blog of 12 September 2026: OHC 'marks its 50th anniversary this year' implies founding in 1976; elsewhere OHC was founded in 1974 and Openpedia dates the 50th anniversary to 2024",
         claims=["a10.anniv", "a02.founded", "a07.founded1", "a07.founded2", "a07.anniv", "a07.anniv_year"]),
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
