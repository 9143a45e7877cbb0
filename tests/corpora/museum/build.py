#!/usr/bin/env python3
"""Build the 'museum' corpus: render src/*.txt into docs/ and write gold.json.

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
CORPUS = "museum"
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
        ("C", "doors after [[four years]] behind", None),
        ("D", "Published [[18 April 2026, 19:42]]", "a01.pub"),
        ("D", "Updated [[19 April 2026, 08:15]]", None),
        ("C", "shut for [[more than four years]]", None),
        ("M", "ended up costing [[€214.6 million]]", "a01.cost"),
        ("D", "shortly after [[09:30]]", "a01.ceremony"),
        ("D", "let in at [[10:00]]", "a01.doors"),
        ("M", "adult tickets cost [[€18]]", "a01.adult"),
        ("M", "up from [[€14]] before", "a01.old"),
        ("M", "concessions pay [[€9]]", "a01.conc"),
        ("C", "and [[under{-}18s]] go free", None),
        ("D", "closed on [[9 January 2022]]", "a01.closed"),
        ("D", "reopen in [[autumn 2025]]", "a01.plan"),
        ("D", "foundations of the [[1903]] building", None),
        ("C", "slipped by [[six months]]", None),
        ("Q", "covered [[12,900 square metres]] before", "a01.gal_before"),
        ("Q", "now cover [[18,400 square metres]], spread", "a01.gal"),
        ("C", "over [[64 rooms]] instead", "a01.galleries"),
        ("C", "instead of [[48]],", "a01.galleries_before"),
        ("Q", "alone adds [[5,300 square metres]]", "a01.wing"),
        ("C", "means that [[6,850 objects]]", "a01.display"),
        ("C", "against [[about 4,900]] before", "a01.display_before"),
        ("P", "[[roughly 40 per cent]] more", None),
        ("C", "holds [[412,600 objects]] in all", "a01.objects"),
        ("O", "is the [[25th edition]]", "a01.edition"),
        ("C", "brings [[146 loans]]", "a01.loans"),
        ("C", "from [[23 museums]] in", "a01.lenders"),
        ("C", "in [[11 countries]]. It runs", "a01.countries"),
        ("D", "runs until [[27 September]].", None),
        ("D", "renovation in [[2019]] with", None),
        ("M", "budget of [[€178 million]]", "a01.budget"),
        ("P", "covered [[60 per cent]] of the final", "a01.state_pct"),
        ("P", "Dunmarrow [[15 per cent]] and", "a01.city_pct"),
        ("P", "remaining [[25 per cent]]", "a01.priv_pct"),
        ("M", "a [[€20 million]] gift", None),
        ("M", "“At [[€16]] for adults", "a01.adult_wrong"),
        ("C", "welcome [[1.9 million visitors]] a year", "a01.target"),
        ("C", "record of [[1,523,400]] set in", "a01.v2019"),
        ("D", "set in [[2019]]. Its smaller", None),
        ("C", "[[155 years]] of the museum", "a01.years155"),
        ("D", "ellamor · [[18 Apr 2026, 21:05]]", None),
        ("C", "Waited [[two hours]]", None),
        ("D", "Kjell_R · [[18 Apr 2026, 22:17]]", None),
        ("M", "[[€214.6m]] for a museum", "a01.c_cost"),
        ("D", "dunmarrow_dad · [[19 Apr 2026, 07:51]]", None),
        ("C", "[[Under{-}18s]] free is", None),
    ],
    "a02": [
        ("D", "Dunmarrow, [[20 April 2026]]", "a02.pub"),
        ("C", "[[More than 38,500 visitors]] in reopening", "a02.weekend_head"),
        ("C", "welcomed [[more than 38,500 visitors]]", "a02.weekend"),
        ("D", "weekend on [[Saturday 18 and Sunday 19 April]]", "a02.weekend_dates"),
        ("D", "reopened on [[18 April 2026]] after", "a02.reopen"),
        ("D", "began in [[March 2022]]", "a02.start"),
        ("D", "to the public on [[9 January 2022]]", "a02.closed"),
        ("C", "within [[48 hours]]", None),
        ("D", "opening hours to [[20:00]] on Saturday", None),
        ("C", "the last [[four years]]", None),
        ("C", "planning for [[1.9 million visitors]]", "a02.target"),
        ("Q", "from [[12,900 m²]] to", "a02.gal_before"),
        ("Q", "to [[18,400 m²]] and", "a02.gal"),
        ("C", "galleries from [[48]] to", "a02.galleries_before"),
        ("C", "from 48 to [[64]].", "a02.galleries"),
        ("Q", "east wing of [[5,300 m²]]", "a02.wing"),
        ("C", "[[Some 6,850 objects]]", "a02.display"),
        ("C", "collection of [[412,600]] are", "a02.objects"),
        ("P", "[[about 40%]] more", None),
        ("O", "is the [[25th edition]]", "a02.edition"),
        ("D", "Museum in [[1978]]", None),
        ("C", "together [[146 loans]]", "a02.loans"),
        ("C", "from [[23 museums]]", "a02.lenders"),
        ("C", "in [[11 countries]] with", "a02.countries"),
        ("C", "with [[some 300 objects]]", None),
        ("C", "has sent [[31 works]]", None),
        ("D", "runs until [[27 September 2026]]", None),
        ("D", "From [[Tuesday 21 April]]", None),
        ("M", "admission is [[€18]] for adults", "a02.adult"),
        ("M", "and [[€9]] for concessions", "a02.conc"),
        ("C", "Visitors [[under 18]] enter", None),
        ("M", "pass costs [[€45]]", "a02.pass"),
        ("D", "to Sunday, [[10:00–18:00]]", None),
        ("D", "until [[21:00]] on Thursdays", None),
        ("D", "founded in [[1871]]", "a02.founded"),
        ("D", "Henrik Tove, since [[1903]]", None),
        ("D", "National Assembly on [[12 June 2019]]", "a02.approved"),
        ("M", "final cost of [[€214.6 million]]", "a02.cost"),
        ("P", "government ([[60%]])", "a02.state_pct"),
        ("P", "Dunmarrow ([[15%]])", "a02.city_pct"),
        ("P", "donors ([[25%]])", "a02.priv_pct"),
    ],
    "a03": [
        ("D", "Dunmarrow, [[7 May 2026]]", "a03.pub"),
        ("D", "public on [[Saturday 18 April 2026]]", "a03.reopen"),
        ("D", "National Assembly on [[12 June 2019]]", "a03.approved"),
        ("M", "budget of [[EUR 178 million]]", "a03.budget"),
        ("D", "public on [[9 January 2022]]", "a03.closed"),
        ("D", "began on [[1 March 2022]]", "a03.start"),
        ("D", "scheduled for [[October 2025]]", "a03.plan"),
        ("M", "renovation is [[EUR 214.6 million]]", "a03.cost"),
        ("M", "budget by [[EUR 36.6 million]]", "a03.overrun_eur"),
        ("P", "or [[20.6 per cent]]", "a03.overrun_pct"),
        ("M", "east wing ([[EUR 21.9 million]])", None),
        ("D", "foundations of the [[1903]] building", None),
        ("M", "building ([[EUR 11.2 million]])", None),
        ("M", "government: [[EUR 128.8 million]]", "a03.state_eur"),
        ("P", "([[60 per cent]]);", "a03.state_pct"),
        ("M", "Dunmarrow: [[EUR 32.2 million]]", "a03.city_eur"),
        ("P", "([[15 per cent]]);", "a03.city_pct"),
        ("M", "donors: [[EUR 53.6 million]]", "a03.priv_eur"),
        ("P", "([[25 per cent]]), of which", "a03.priv_pct"),
        ("M", "of which [[EUR 20 million]]", None),
        ("Q", "from [[12,900 square metres]] to", "a03.gal_before"),
        ("Q", "to [[18,400 square metres]], within", "a03.gal"),
        ("Q", "total floor area of [[41,700 square metres]]", "a03.total"),
        ("C", "[[Twenty{-}three museums]]", "a03.lenders"),
        ("C", "in [[eleven countries]] have lent", "a03.countries"),
        ("M", "a total of [[EUR 96 million]]", None),
        ("C", "counted [[41,270 visitors]]", "a03.weekend_final"),
        ("D", "weekend of [[18{-}19 April 2026]]", "a03.weekend_dates"),
        ("C", "provisional figure of [[38,500]]", "a03.weekend_prov"),
        ("D", "Museum on [[20 April 2026]]", None),
        ("C", "welcome [[two million visitors]]", "a03.expect"),
        ("C", "compared with [[1,523,400]] in", "a03.v2019"),
        ("D", "1,523,400 in [[2019]], the last", None),
        ("M", "adult ticket of [[EUR 18]]", "a03.adult"),
        ("M", "compares with [[EUR 14]]", "a03.old"),
        ("C", "visitors [[under 18]] continue", None),
        ("D", "expected in [[Q4 2026]]", None),
        ("C", "and the [[540 construction workers]]", None),
    ],
    "a04": [
        ("D", "Updated [[10 April 2026]]", "a04.pub"),
        ("D", "reopens to the public on [[18 April 2026]]", "a04.reopen_text"),
        ("D", "Museum founded [[1871]]", "a04.founded"),
        ("D", "building opened [[1903]]", None),
        ("D", "National Assembly [[2019-06-12]]", "a04.approved"),
        ("D", "to the public [[2022-01-09]]", "a04.closed"),
        ("D", "Start of construction [[2022-03-01]]", "a04.start"),
        ("D", "Reopening planned ([[2019]] programme)", None),
        ("D", "programme) [[October 2025]]", "a04.plan"),
        ("D", "Reopening [[2026-04-18]]", "a04.reopen"),
        ("D", "Before closure From [[April 2026]]", "a04.hdr_april"),
        ("C", "– [[412{nn}600]]", "a04.objects"),
        ("C", "Objects on display [[4{nn}900]]", "a04.display_before"),
        ("C", "4{nn}900 [[6{nn}850]]", "a04.display"),
        ("C", "Galleries [[48]]", "a04.galleries_before"),
        ("C", "48 [[64]]", "a04.galleries"),
        ("P", "digitised – [[15{nb}%]]", "a04.digitised"),
        ("Q", "Total floor area [[41{nn}700{nb}m²]]", "a04.total"),
        ("Q", "New east wing [[5{nn}300{nb}m²]]", "a04.wing"),
        ("Q", "before closure [[12{nn}900{nb}m²]]", "a04.gal_before"),
        ("D", "Gallery floor area from [[April 2026]]", "a04.gal_from"),
        ("Q", "April 2026 [[18{nn}400{nb}m²]]", "a04.gal"),
        ("Q", "ground floor [[6{nn}200{nb}m²]]", "a04.f0"),
        ("Q", "upper floor [[5{nn}900{nb}m²]]", "a04.f1"),
        ("Q", "attic galleries [[4{nn}800{nb}m²]]", "a04.f2"),
        ("Q", "East wing galleries [[1{nn}300{nb}m²]]", "a04.f3"),
        ("D", "Budget approved ([[2019]])", None),
        ("M", "(2019) [[178.0]]", "a04.budget"),
        ("M", "Final cost [[214.6]]", "a04.cost"),
        ("P", "214.6 [[100{nb}%]]", None),
        ("M", "National government [[128.8]]", "a04.state_eur"),
        ("P", "128.8 [[60{nb}%]]", "a04.state_pct"),
        ("M", "City of Dunmarrow [[32.2]]", "a04.city_eur"),
        ("P", "32.2 [[15{nb}%]]", "a04.city_pct"),
        ("M", "^{*2} [[53.6]]", "a04.priv_eur"),
        ("P", "53.6 [[25{nb}%]]", "a04.priv_pct"),
        ("D", "[[2017]]{tab}1,412,000", None),
        ("C", "2017{tab}[[1,412,000]]", "a04.v2017"),
        ("C", "1,412,000{tab}[[171,900]]", "a04.s2017"),
        ("D", "[[2018]]{tab}1,468,300", None),
        ("C", "2018{tab}[[1,468,300]]", "a04.v2018"),
        ("C", "1,468,300{tab}[[179,400]]", "a04.s2018"),
        ("D", "[[2019]]{tab}1,523,400", None),
        ("C", "2019{tab}[[1,523,400]]", "a04.v2019"),
        ("C", "1,523,400{tab}[[186,300]]", "a04.s2019"),
        ("D", "[[2020]]{tab}604,200", None),
        ("C", "2020{tab}[[604,200]]", "a04.v2020"),
        ("C", "604,200{tab}[[88,700]]", "a04.s2020"),
        ("D", "[[2021]]{tab}988,700", None),
        ("C", "2021{tab}[[988,700]]", "a04.v2021"),
        ("C", "988,700{tab}[[131,500]]", "a04.s2021"),
        ("C", "from reopening: [[1.9 million visitors]]", "a04.target"),
        ("D", "ADMISSION (from [[21 April 2026]])", None),
        ("M", "Adult [[€18]]", "a04.adult"),
        ("M", "^{*3} [[€9]]", "a04.conc"),
        ("C", "[[Under 18]] free", None),
        ("M", "Annual pass [[€45]]", "a04.pass"),
        ("D", "before closure ([[2021]])", None),
        ("M", "(2021) [[€14]]", "a04.old"),
        ("D", "[[18 April – 27 September 2026]], east wing", "a04.exh_dates"),
        ("O", "Biennial [[25th]] (first", "a04.edition"),
        ("D", "(first held [[1978]])", None),
        ("C", "Loans [[146]]", "a04.loans"),
        ("C", "Lending museums [[23]]", "a04.lenders"),
        ("C", "Countries [[11]]", "a04.countries"),
        ("M", "Government indemnity [[€96 million]]", None),
        ("D", "Registered objects at [[31 December 2025]]", None),
        ("M", "gift of [[€20 million]]", None),
        ("D", "stores since [[the 1950s]]", None),
    ],
    "a05": [
        ("D", "Published [[5 May 2026]]", "a05.pub"),
        ("C", "Hallorann, [[52]],", None),
        ("D", "since [[2017]]. She took", None),
        ("D", "On [[18 April]] the museum reopened", "a05.reopen"),
        ("C", "after [[more than four years]] of work", None),
        ("D", "the doors in [[January 2022]]", "a05.closed_month"),
        ("D", "on a Sunday, [[9 January 2022]]", "a05.closed"),
        ("D", "back in [[the autumn of 2025]]", "a05.plan"),
        ("D", "floors of the [[1903]] building", None),
        ("C", "repaired, for [[a century]]", None),
        ("C", "open [[six months]] late", None),
        ("M", "bill was [[€214.6 million]]", "a05.cost"),
        ("M", "[[more than €36 million]] over budget", "a05.overrun"),
        ("P", "[[About 20 per cent]] of the final cost", "a05.priv_pct"),
        ("M", "which gave [[€20 million]]", None),
        ("M", "Visitors now pay [[€18]]", "a05.adult"),
        ("M", "it was [[€14]]", "a05.old"),
        ("C", "Anyone [[under 18]] comes", None),
        ("P", "concessions pay [[half]]", "a05.conc_half"),
        ("M", "annual pass is [[€45]]", "a05.pass"),
        ("C", "[[less than three single tickets]]", None),
        ("C", "assumption is [[1.9 million visitors]] a year", "a05.target"),
        ("D", "In [[2019]], our best year", None),
        ("C", "we had [[1,523,400]],", "a05.v2019"),
        ("C", "[[about 4,900 a day]]", "a05.daily2019"),
        ("C", "Saturday we had [[22,140]]", "a05.sat"),
        ("D", "queuing at [[eight in the evening]]", None),
        ("C", "We have [[64 galleries]]", "a05.galleries"),
        ("C", "instead of [[48]], and", "a05.galleries_before"),
        ("C", "and [[6,850 objects]] on show", "a05.display"),
        ("C", "used to be [[4,900]].", "a05.display_before"),
        ("C", "collection of [[more than 412,000 objects]]", "a05.objects_q"),
        ("P", "[[15 per cent]] of the collection", "a05.digitised"),
        ("O", "It is the [[25th edition]]", "a05.edition"),
        ("D", "began here in [[1978]]", None),
        ("C", "lent us [[146 objects]]", "a05.loans"),
        ("C", "Lurvik alone sent [[31]].", None),
        ("C", "flying for [[four years]]", None),
    ],
    "a06": [
        ("D", "Posted by Ingrid Solheim · [[10 May 2026]]", "a06.pub"),
        ("C", "for [[eleven years]]", None),
        ("C", "a crowd of [[41,000 people]]", "a06.weekend"),
        ("M", "paid my [[€18]]", "a06.adult"),
        ("C", "spent [[seven hours]]", None),
        ("Q", "now cover [[18,400 square metres]]", "a06.gal"),
        ("Q", "against [[12,900]] before the works", "a06.gal_before"),
        ("O", "as the [[25th]] Northern", "a06.edition"),
        ("O", "remember the [[15th]],", None),
        ("D", "the 15th, in [[2006]]", None),
        ("C", "into [[two rooms]]", None),
        ("D", "parliament in [[2019]] as", None),
        ("M", "as a [[€178 million]] project", "a06.budget"),
        ("M", "costing [[more than €225 million]]", "a06.cost"),
        ("P", "put up [[a quarter]] of it", "a06.priv_pct"),
        ("M", "an adult paid [[€14]]", "a06.old"),
        ("M", "Now it is [[€18]], a rise", "a06.adult2"),
        ("P", "rise of [[nearly 29 per cent]]", None),
        ("D", "evenings until [[2019]]", None),
        ("C", "was [[40 minutes]] at", None),
        ("D", "40 minutes at [[11:00]]", None),
        ("M", "([[€6.50]] for a coffee", None),
        ("C", "“[[more than 38,500]]”", "a06.weekend_prov"),
        ("M", "[[four euros]] on", None),
        ("M", "four euros on [[fourteen]]", "a06.old2"),
        ("D", "Per Lindahl · [[10 May 2026 at 18:40]]", None),
        ("C", "[[Forty minutes]]", None),
        ("D", "Ingrid Solheim · [[10 May 2026 at 19:02]]", None),
        ("D", "mette_k · [[11 May 2026 at 08:15]]", None),
        ("C", "[[Under-18s]] free", None),
        ("C", "My [[two teenagers]]", None),
        ("D", "Harald V. · [[12 May 2026 at 12:51]]", None),
    ],
    "a07": [
        ("D", "Established [[1871]]", "a07.est_box"),
        ("C", "[[412,600 objects]] (2025)", "a07.objects_box"),
        ("D", "412,600 objects ([[2025]])", None),
        ("C", "Visitors [[1,523,400]] (2019)", "a07.v2019_box"),
        ("D", "1,523,400 ([[2019]])[2]", None),
        ("D", "Henrik Tove ([[1903]]);", None),
        ("D", "Brask & Lund ([[2026]])", None),
        ("D", "It was founded in [[1871]] and has", "a07.founded1"),
        ("D", "housed since [[1903]] in", None),
        ("C", "lasting [[more than four years]]", None),
        ("D", "it reopened on [[18 April 2026]].[3]", "a07.reopen1"),
        ("D", "was founded in [[1871]] as the", "a07.founded2"),
        ("C", "[[some 3,000 objects]]", None),
        ("D", "Henrik Tove, in [[1903]], and took", None),
        ("D", "name in [[1919]]", None),
        ("D", "first held in [[1978]]", None),
        ("O", "The museum’s [[150th anniversary]] in", "a07.anniv"),
        ("D", "anniversary in [[2021]] was", None),
        ("D", "east wing on [[12 June 2019]]", "a07.approved"),
        ("M", "budget of [[€178 million]].[5]", "a07.budget"),
        ("D", "closed on [[19 January 2022]]", "a07.closed"),
        ("D", "construction started in [[March 2022]]", "a07.start"),
        ("D", "planned for [[October 2025]]", "a07.plan"),
        ("D", "back to [[April 2026]].[5]", "a07.reopen_month"),
        ("M", "final cost was [[€214.6 million]]", "a07.cost"),
        ("P", "overrun of [[20.6%]]", "a07.overrun_pct"),
        ("P", "government ([[60%]])", "a07.state_pct"),
        ("P", "Dunmarrow ([[15%]])", "a07.city_pct"),
        ("P", "donors ([[25%]])", "a07.priv_pct"),
        ("Q", "grew from [[12,900 m²]]", "a07.gal_before"),
        ("Q", "to [[18,400 m²]] (about", "a07.gal"),
        ("Q", "([[about 198,000 sq ft]])", "a07.gal_sqft"),
        ("C", "galleries from [[48]] to", "a07.galleries_before"),
        ("C", "from 48 to [[64]].[3]", "a07.galleries"),
        ("D", "reopened on [[18 April 2026]] with Threads", "a07.reopen2"),
        ("O", "the [[25th edition]]", "a07.edition"),
        ("C", "includes [[146 loans]]", "a07.loans"),
        ("C", "from [[23 museums]].[6]", "a07.lenders"),
        ("C", "[[About 41,270 people]]", "a07.weekend"),
        ("C", "numbers [[412,600 registered objects]]", "a07.objects"),
        ("D", "registered objects ([[31 December 2025]])", None),
        ("C", "[[about 6,850]] are on display", "a07.display"),
        ("C", "compared with [[4,900]] before", "a07.display_before"),
        ("P", "[[About 15%]] of the collection", "a07.digitised"),
        ("C", "rose from [[1,412,000]]", "a07.v2017"),
        ("D", "1,412,000 in [[2017]]", None),
        ("C", "a record [[1,523,400]] in", "a07.v2019"),
        ("D", "record 1,523,400 in [[2019]], before", None),
        ("C", "falling to [[604,200]]", "a07.v2020"),
        ("D", "604,200 in [[2020]]", None),
        ("C", "closed for [[five months]]", None),
        ("C", "recovering to [[988,700]]", "a07.v2021"),
        ("D", "988,700 in [[2021]]", None),
        ("C", "plans for [[1.9 million visitors]]", "a07.target"),
        ("D", "Retrieved [[2 May 2026]]", None),
        ("D", "Museum of Vessaria ([[2022]]). Annual", None),
        ("D", "NMV. [[10 April 2026]].", None),
        ("D", "Lind, Mats ([[2021]]).", None),
        ("D", "Courant, [[22 May 2021]].", None),
        ("D", "Heritage ([[7 May 2026]])", None),
        ("D", "Tobias ([[5 May 2026]])", None),
        ("D", "Museums in Dunmarrow · [[1871]] establishments", "a07.cat_est"),
        ("D", "Buildings completed in [[1903]]", None),
        ("D", "last edited on [[14 May 2026, at 09:12 (UTC)]]", None),
    ],
    "a08": [
        ("D", "Last updated [[18 April 2026, 20:05 CEST]]", "a08.pub"),
        ("D", "[[20:05]] That’s all", None),
        ("C", "says [[22,140 people]] came", "a08.sat"),
        ("C", "exit, [[ten hours]] after", None),
        ("D", "[[18:47]] The museum", None),
        ("D", "open until [[20:00]] this evening", None),
        ("C", "[[two hours]] later", None),
        ("D", "[[16:30]] Our reporter", None),
        ("C", "There are [[64 galleries]]", "a08.galleries"),
        ("C", "against [[48]] before.", "a08.galleries_before"),
        ("D", "[[14:12]] A reader", None),
        ("C", "The answer: [[6,850 objects]]", "a08.display"),
        ("C", "collection of [[well over 400,000]]", "a08.objects_q"),
        ("D", "[[12:40]] Numbers", None),
        ("Q", "now cover [[18,400 m²]]", "a08.gal"),
        ("Q", "up from [[12,900 m²]]", "a08.gal_before"),
        ("Q", "adds [[5,300 m²]]", "a08.wing"),
        ("M", "project cost [[€214.6 million]]", "a08.cost"),
        ("M", "budget of [[€178 million]]", "a08.budget"),
        ("D", "set in [[2019]].", None),
        ("D", "[[11:05]] Inside", None),
        ("O", "the [[25th]] Northern", "a08.edition"),
        ("C", "together [[146 loans]]", "a08.loans"),
        ("C", "from [[23 museums]]. The star", "a08.lenders"),
        ("D", "a [[14th{-}century]] tapestry", None),
        ("D", "[[10:00]] THE DOORS", None),
        ("D", "At [[10:00]] sharp", "a08.doors"),
        ("D", "[[09:41]] President", None),
        ("D", "founded in [[1817]]", "a08.founded"),
        ("D", "[[09:30]] The ceremony", None),
        ("D", "[[08:45]] Our colleague", "a08.ts_0845"),
        ("D", "it is [[2:45 a.m.]] there", "a08.ny"),
        ("C", "on [[four continents]]", None),
        ("D", "[[08:10]] The queue", None),
        ("C", "[[about 3,000 people]]", None),
        ("D", "[[07:20]] First", None),
        ("C", "Ada Rusk, [[79]],", None),
        ("D", "arrived at [[05:15]]", None),
        ("D", "my school in [[1956]]", None),
        ("D", "[[07:00]] Good morning", None),
        ("C", "after [[more than four years]] of renovation", None),
        ("D", "closed on [[9 January 2022]]", "a08.closed"),
        ("D", "Doors open at [[10:00]] (08:00", "a08.doors2"),
        ("D", "([[08:00 UTC]])", "a08.doors_utc"),
        ("D", "ceremony starts at [[09:30]]", "a08.ceremony"),
        ("Q", "a [[19{-}metre]] skeleton", "a08.whale"),
    ],
    "a09": [
        ("M", "reopens after [[$232 million]] makeover", "a09.head_usd"),
        ("D", "Vessaria, [[April 18, 2026]] (TNS)", "a09.pub"),
        ("C", "a [[four-year]] renovation", None),
        ("P", "ran [[more than 20 percent]] over budget", "a09.overrun_q"),
        ("D", "opened at [[10 a.m. local time]]", "a09.doors_local"),
        ("D", "([[0800 GMT]])", "a09.doors_gmt"),
        ("D", "or [[4 a.m. EDT]]", "a09.doors_edt"),
        ("M", "renovation cost [[214.6 million euros]]", "a09.cost"),
        ("M", "([[$231.8 million]] at", "a09.cost_usd"),
        ("M", "at [[$1.08 per euro]])", None),
        ("M", "budget of [[178 million euros]]", "a09.budget"),
        ("M", "([[$192 million]])", "a09.budget_usd"),
        ("D", "parliament in [[2019]].", None),
        ("D", "foundations of the [[1903]] building", None),
        ("P", "came to [[20.6 percent]]", "a09.overrun_pct"),
        ("O", "its [[150th anniversary]] this year", "a09.anniv"),
        ("D", "closed since [[Jan. 9, 2022]]", "a09.closed"),
        ("D", "planned for [[October 2025]]", "a09.plan"),
        ("Q", "museum [[18,400 square feet]] of galleries", "a09.gal"),
        ("Q", "totals [[about 449,000 square feet]]", "a09.total_sqft"),
        ("C", "[[More than 7,000 objects]]", "a09.display_q"),
        ("Q", "a [[19-meter]] (62-foot)", "a09.whale_m"),
        ("Q", "19-meter ([[62-foot]])", "a09.whale_ft"),
        ("D", "central hall since [[1911]]", None),
        ("P", "covered [[60%]] of the final", "a09.state_pct"),
        ("P", "Dunmarrow [[15%]] and", "a09.city_pct"),
        ("P", "remaining [[25%]]", "a09.priv_pct"),
        ("M", "a [[20-million-euro]] gift", None),
        ("C", "from [[23 museums]] in", "a09.lenders"),
        ("C", "in [[11 countries]], including", "a09.countries"),
        ("D", "a [[14th-century]] tapestry", None),
        ("C", "[[about 6.2 million people]]", None),
        ("D", "since [[the 2010s]]", None),
        ("C", "drew [[1.52 million visitors]] in", "a09.v2019"),
        ("D", "1.52 million visitors in [[2019]], its last", None),
        ("C", "aiming for [[1.9 million]] a year", "a09.target"),
        ("M", "cost [[18 euros]]", "a09.adult"),
        ("M", "([[about $19.40]])", "a09.adult_usd"),
        ("M", "up from [[14 euros]]", "a09.old"),
        ("C", "visitors [[under 18]].", None),
        ("C", "drew [[186,300 visitors]]", "a09.s2019"),
        ("D", "186,300 visitors in [[2019]].", None),
    ],
    "a10": [
        ("D", "[[May 2026]] issue", None),
        ("D", "Posted online [[1 May 2026]]", "a10.pub"),
        ("D", "Dunmarrow on [[18 April]]", "a10.reopen"),
        ("D", "Henrik Tove’s [[1903]] façade", None),
        ("D", "competition in [[2018]]", None),
        ("C", "beat [[57 other entries]]", None),
        ("C", "is [[sixty{-}four galleries]]", "a10.galleries"),
        ("C", "there were [[forty{-}eight]].", "a10.galleries_before"),
        ("Q", "grown from [[12,900 m²]]", "a10.gal_before"),
        ("Q", "to [[18,400 m²]] (about", "a10.gal"),
        ("Q", "([[about 198,000 sq ft]])", "a10.gal_sqft"),
        ("Q", "a total of [[41,700 m²]]", "a10.total"),
        ("Q", "accounts for [[5,300 m²]]", "a10.wing"),
        ("C", "including [[two temporary exhibition halls]]", None),
        ("Q", "height of [[7.5 m]]", None),
        ("Q", "courtyard, [[1,150 m²]]", None),
        ("C", "reopened [[six months]] after", None),
        ("D", "original [[October 2025]] target", "a10.plan"),
        ("Q", "held at [[20{nb}°C]]", None),
        ("P", "and [[50{nb}%]] relative", None),
        ("Q", "capped at [[50 lux]]", None),
        ("P", "[[about 30 per cent]] less", None),
        ("C", "collection of [[421,600 objects]]", "a10.objects"),
        ("D", "[[Between 2021 and 2022]]", None),
        ("P", "[[15 per cent]] of the collection is now", "a10.digitised"),
        ("C", "[[a few thousand images]]", None),
        ("C", "handled [[146 incoming loans]]", "a10.loans"),
        ("C", "from [[thirty{-}two lending museums]]", "a10.lenders"),
        ("C", "across [[eleven countries]]", "a10.countries"),
        ("M", "project cost [[EUR 214.6m]]", "a10.cost"),
        ("D", "a [[2019]] budget", None),
        ("M", "budget of [[EUR 178m]]", "a10.budget"),
        ("P", "[[Around a quarter]] of the final cost", "a10.priv_pct"),
        ("M", "Adult admission is [[€18]]", "a10.adult"),
    ],
}

# --------------------------------------------------------------------------------------
# Non-claims that look numeric
# --------------------------------------------------------------------------------------
NONCLAIM_RE = [
    r"\+426(?: \d+)+",                                  # phone numbers
    r"\^\{\*\d+\}",                                     # footnote markers ^{*1}
    r"(?m)^\d+\.(?= )",                                 # list / paragraph numbering "1. "
    r"(?m)^\d (?=History|Renovation|Collection|Visitors|References)",  # table of contents
    r"\[\d+\]",                                         # reference markers [1]
    r"Comments \(\d+\)",                                # comment counters (page furniture)
    r"Version \d+", r"Issue \d+", r"Ref\. MCH/\d+/\d+", r"UTC\+2\b", r"\bp\. \d+",
    r"Annual Report 2021",                              # title of a publication
    r"14 Harbour Row", r"DM1 4QT",                      # address, postcode
    r"EUR million(?=[ \t]+Share)",                      # column-header unit in the fact sheet
]
NONCLAIM_CTX = {
    "a01": ["and the [[first]] visitors"],
    "a02": ["for the [[first]] time since", "Biennial, [[first]] held"],
    "a03": ["in its [[first]] full year"],
    "a04": ["25th ([[first]] held"],
    "a05": ["is photographed [[first]]."],
    "a06": ["a [[first]] weekday", "for the [[first]] time in a crowd", "[[First]], the good news",
            "The museum [[first]] said", "[[one]] of the guards"],
    "a07": ["was [[first]] held in"],
    "a08": ["the [[first]] visitors stream", "[[First]] in line", "to be [[first]] back in"],
    "a10": ["[[one]] reason why"],
}

# --------------------------------------------------------------------------------------
# Answers
# --------------------------------------------------------------------------------------
ADULT = ["a01.adult", "a02.adult", "a03.adult", "a04.adult", "a05.adult", "a06.adult", "a06.adult2",
         "a09.adult", "a09.adult_usd", "a10.adult"]
COST = ["a01.cost", "a01.c_cost", "a02.cost", "a03.cost", "a04.cost", "a05.cost", "a07.cost", "a08.cost",
        "a09.cost", "a09.cost_usd", "a09.head_usd", "a10.cost"]
BUDGET = ["a01.budget", "a03.budget", "a04.budget", "a06.budget", "a07.budget", "a08.budget", "a09.budget",
          "a09.budget_usd", "a10.budget"]
GAL = ["a01.gal", "a02.gal", "a03.gal", "a04.gal", "a06.gal", "a07.gal", "a07.gal_sqft", "a08.gal",
       "a10.gal", "a10.gal_sqft"]
GAL_BEFORE = ["a01.gal_before", "a02.gal_before", "a03.gal_before", "a04.gal_before", "a06.gal_before",
              "a07.gal_before", "a08.gal_before", "a10.gal_before"]
GALLERIES = ["a01.galleries", "a02.galleries", "a04.galleries", "a05.galleries", "a07.galleries",
             "a08.galleries", "a10.galleries"]
GALLERIES_BEFORE = ["a01.galleries_before", "a02.galleries_before", "a04.galleries_before",
                    "a05.galleries_before", "a07.galleries_before", "a08.galleries_before",
                    "a10.galleries_before"]
DISPLAY = ["a01.display", "a02.display", "a04.display", "a05.display", "a07.display", "a08.display"]
DISPLAY_BEFORE = ["a01.display_before", "a04.display_before", "a05.display_before", "a07.display_before"]
CITY_PCT = ["a01.city_pct", "a02.city_pct", "a03.city_pct", "a04.city_pct", "a07.city_pct", "a09.city_pct"]
DIGITISED = ["a04.digitised", "a05.digitised", "a07.digitised", "a10.digitised"]
FOUNDED = ["a02.founded", "a04.founded", "a07.est_box", "a07.founded1", "a07.founded2", "a07.cat_est"]

DISCREPANCIES = [
    dict(id="d1", category="year",
         fact="Year the museum was founded (1871 vs 1817 in the President's words quoted by the VBC live blog)",
         sides=[FOUNDED, ["a08.founded"]]),
    dict(id="d2", category="date",
         fact="Date on which the museum closed to the public for the renovation (9 January 2022 vs 19 January 2022 in the OmniLex article)",
         sides=[["a01.closed", "a02.closed", "a03.closed", "a04.closed", "a05.closed", "a08.closed", "a09.closed"],
                ["a07.closed"]]),
    dict(id="d3", category="count",
         fact="Number of objects in the museum's collection (412,600 vs 421,600 in the Vitrine review)",
         sides=[["a01.objects", "a02.objects", "a04.objects", "a07.objects_box", "a07.objects"], ["a10.objects"]]),
    dict(id="d4", category="money",
         fact="Final cost of the renovation (€214.6 million / $231.8 million vs 'more than €225 million' in the Glass Case blog)",
         sides=[COST, ["a06.cost"]]),
    dict(id="d5", category="percent",
         fact="Private donors' share of the final cost (25 per cent / a quarter / EUR 53.6 million vs 'About 20 per cent' in the director's interview answer)",
         sides=[["a01.priv_pct", "a02.priv_pct", "a03.priv_pct", "a03.priv_eur", "a04.priv_pct", "a04.priv_eur",
                 "a06.priv_pct", "a07.priv_pct", "a09.priv_pct", "a10.priv_pct"], ["a05.priv_pct"]]),
    dict(id="d6", category="quantity",
         fact="Gallery floor area after the renovation (18,400 m², about 198,000 sq ft, vs '18,400 square feet' in the TNS wire)",
         sides=[GAL, ["a09.gal"]]),
    dict(id="d7", category="spelled",
         fact="Number of museums lending to Threads and Tides (23 / Twenty-three vs 'thirty-two lending museums' in the Vitrine review)",
         sides=[["a01.lenders", "a02.lenders", "a03.lenders", "a04.lenders", "a07.lenders", "a08.lenders",
                 "a09.lenders"], ["a10.lenders"]]),
    dict(id="d8", category="within_doc",
         fact="Adult ticket price from 21 April 2026 (€18 vs '€16 for adults' later in the same Dunmarrow Courant article)",
         sides=[ADULT, ["a01.adult_wrong"]]),
]
OPTIONAL = [
    dict(id="o1", category="count",
         fact="Objects on display: 6,850 from the collection (plus 146 loans) vs 'More than 7,000 objects are on view' (TNS); loans and the whale may or may not be counted",
         sides=[DISPLAY, ["a09.display_q"]]),
    dict(id="o2", category="count",
         fact="Visitors expected after reopening: the museum plans for 1.9 million a year vs the Government 'expects ... two million visitors in its first full year'; plan vs expectation, different bodies",
         sides=[["a01.target", "a02.target", "a04.target", "a05.target", "a07.target", "a09.target"], ["a03.expect"]]),
]
TRAPS = [
    dict(id="t1", category="same_number",
         fact="15 per cent for two different facts: the City of Dunmarrow's share of the final cost vs the share of the collection digitised",
         claims=CITY_PCT + DIGITISED),
    dict(id="t2", category="different_fact",
         fact="Total vs part: total floor area 41,700 m² (about 449,000 sq ft) vs gallery floor area 18,400 m² vs the new east wing 5,300 m²",
         claims=["a03.total", "a04.total", "a10.total", "a09.total_sqft", "a01.wing", "a02.wing", "a04.wing",
                 "a08.wing", "a10.wing", "a03.gal", "a04.gal", "a10.gal"]),
    dict(id="t3", category="different_fact",
         fact="Before vs after the renovation, often in near-identical sentences: galleries covered 12,900 m² / now cover 18,400 m²; 48 vs 64 galleries; 4,900 vs 6,850 objects on display",
         claims=GAL + GAL_BEFORE + GALLERIES + GALLERIES_BEFORE + DISPLAY + DISPLAY_BEFORE),
    dict(id="t4", category="different_fact",
         fact="Budget vs spent: the 2019 budget of €178 million vs the final cost of €214.6 million (overrun €36.6 million, 20.6 per cent)",
         claims=BUDGET + COST + ["a03.overrun_eur", "a03.overrun_pct", "a05.overrun"]),
    dict(id="t5", category="format",
         fact="The 2019 budget in different notations and currencies: €178 million / EUR 178 million / 178 million euros / EUR 178m / 178.0 (EUR million) / $192 million at $1.08 per euro",
         claims=BUDGET),
    dict(id="t6", category="rounding",
         fact="The final cost in different notations, currencies and roundings: €214.6 million / €214.6m / EUR 214.6m / 214.6 (EUR million) / 214.6 million euros / $231.8 million / $232 million",
         claims=COST),
    dict(id="t7", category="qualifier",
         fact="Overrun: 'more than 20 percent' vs 20.6 per cent; 'more than €36 million' vs EUR 36.6 million",
         claims=["a09.overrun_q", "a03.overrun_pct", "a07.overrun_pct", "a09.overrun_pct", "a05.overrun",
                 "a03.overrun_eur"]),
    dict(id="t8", category="format",
         fact="Same quantities in metric and imperial units: 18,400 m² = about 198,000 sq ft; 41,700 m² = about 449,000 square feet; the whale 19 metres = 62 feet",
         claims=["a07.gal", "a07.gal_sqft", "a10.gal", "a10.gal_sqft", "a03.total", "a10.total", "a09.total_sqft",
                 "a08.whale", "a09.whale_m", "a09.whale_ft"]),
    dict(id="t9", category="granularity",
         fact="Reopening 18 April 2026 / Saturday 18 April 2026 / 2026-04-18 / 18 April vs 'April 2026'; start of construction 1 March 2022 / 2022-03-01 vs 'March 2022'",
         claims=["a02.reopen", "a03.reopen", "a04.reopen", "a04.reopen_text", "a05.reopen", "a07.reopen1",
                 "a07.reopen2", "a07.reopen_month", "a10.reopen", "a04.hdr_april", "a04.gal_from",
                 "a02.start", "a03.start", "a04.start", "a07.start"]),
    dict(id="t10", category="time_series",
         fact="Visitors with explicit reference times: 1,412,000 (2017), 1,468,300 (2018), 1,523,400 / 1.52 million (2019), 604,200 (2020), 988,700 (2021); about 4,900 a day in 2019 vs 22,140 on the opening Saturday",
         claims=["a04.v2017", "a04.v2018", "a04.v2019", "a04.v2020", "a04.v2021", "a07.v2017", "a07.v2019",
                 "a07.v2019_box", "a07.v2020", "a07.v2021", "a01.v2019", "a03.v2019", "a05.v2019", "a09.v2019",
                 "a05.daily2019", "a05.sat", "a08.sat"]),
    dict(id="t11", category="correction",
         fact="Opening-weekend visitors: provisional 'more than 38,500' (museum, 20 April) explicitly replaced by 41,270 (ministry, 7 May); 'a crowd of 41,000' and 'About 41,270' restate the final figure",
         claims=["a02.weekend_head", "a02.weekend", "a03.weekend_prov", "a06.weekend_prov", "a03.weekend_final",
                 "a07.weekend", "a06.weekend"]),
    dict(id="t12", category="time_zone",
         fact="Doors opened at 10:00 Dunmarrow time (CEST) = 08:00 UTC / 0800 GMT = 4 a.m. EDT; the live blog's 08:45 entry = 2:45 a.m. in New York",
         claims=["a01.doors", "a08.doors", "a08.doors2", "a08.doors_utc", "a09.doors_local", "a09.doors_gmt",
                 "a09.doors_edt", "a08.ts_0845", "a08.ny"]),
    dict(id="t13", category="different_fact",
         fact="Planned vs actual reopening: planned October 2025 / autumn 2025 vs actual 18 April 2026",
         claims=["a01.plan", "a03.plan", "a04.plan", "a05.plan", "a07.plan", "a09.plan", "a10.plan",
                 "a02.reopen", "a03.reopen", "a04.reopen", "a07.reopen1", "a07.reopen_month", "a10.reopen"]),
    dict(id="t14", category="different_fact",
         fact="Two sites, same attribute: visitors at the Tovesgate building (1,523,400 in 2019) vs at the Sealdon Maritime Annex (186,300 in 2019), and the other years of both columns",
         claims=["a04.v2017", "a04.s2017", "a04.v2018", "a04.s2018", "a04.v2019", "a04.s2019", "a04.v2020",
                 "a04.s2020", "a04.v2021", "a04.s2021", "a09.v2019", "a09.s2019"]),
    dict(id="t15", category="different_fact",
         fact="Different tickets: adult €18 (from April 2026) vs adult €14 before the closure vs concession €9 ('half') vs annual pass €45",
         claims=ADULT + ["a01.old", "a03.old", "a04.old", "a05.old", "a06.old", "a06.old2", "a09.old",
                         "a01.conc", "a02.conc", "a04.conc", "a05.conc_half", "a02.pass", "a04.pass", "a05.pass"]),
]
DERIVED = [
    dict(id="x1",
         fact="Fact sheet: the gallery areas by floor (6,200 + 5,900 + 4,800 + 1,300 = 18,200 m²) do not add up to the stated gallery floor area of 18,400 m²",
         claims=["a04.f0", "a04.f1", "a04.f2", "a04.f3", "a04.gal"]),
    dict(id="x2",
         fact="TNS wire of 18 April 2026: the museum 'marks its 150th anniversary this year' implies founding in 1876; everywhere else it was founded in 1871, OmniLex dates the 150th anniversary to 2021, and the Courant's '155 years of the museum' (April 2026) agrees",
         claims=["a09.anniv", "a07.founded1", "a02.founded", "a04.founded", "a07.anniv", "a01.years155"]),
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
