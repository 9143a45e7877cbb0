#!/usr/bin/env python3
"""Build the 'ties' corpus: render src/*.txt into docs/ and write gold.json.

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
CORPUS = "ties"
PLACEHOLDERS = {"{nb}": "\u00a0", "{nn}": "\u202f", "{-}": "\u2011", "{tab}": "\t"}
CRLF_DOCS = {"a01"}          # the scraped newspaper page keeps Windows line ends
KINDS = {"D": "date", "M": "money", "P": "percent", "C": "count", "Q": "quantity", "O": "ordinal"}


def render(s: str) -> str:
    for k, v in PLACEHOLDERS.items():
        s = s.replace(k, v)
    return s


# --------------------------------------------------------------------------------------
# --------------------------------------------------------------------------------------
# Claims: doc -> [(kind, context with [[span]], tag or None)]
# --------------------------------------------------------------------------------------
CLAIMS: dict[str, list[tuple[str, str, str | None]]] = {
    "a01": [
        ("D", "Published [[14 March 2024, 16:20]]", "a01.pub"),
        ("D", "Updated [[15 March 2024, 09:05]]", None),
        ("C", "on Thursday, [[nearly 32 years]] after", "a01.years32"),
        ("D", "the text at [[11:30]]", "a01.sign_time"),
        ("D", "into force on [[1 July 2024]]", "a01.force"),
        ("C", "stay open [[24 hours a day]]", "a01.hours24"),
        ("P", "fall by [[40 per cent]]", "a01.fee_cut"),
        ("M", "will lend [[€140 million]] for", "a01.road_loan"),
        ("Q", "runs for [[some 250 km]] from", "a01.road_len"),
        ("M", "loan, of [[€85 million]]", "a01.line_loan"),
        ("Q", "pays for a [[168 km]] power line", "a01.line_len"),
        ("D", "national grids by [[2027]]", None),
        ("M", "reached [[€1.2 billion]] last year", "a01.trade"),
        ("M", "goods worth [[€834 million]]", "a01.exports"),
        ("M", "bought [[€370 million]] of", "a01.imports"),
        ("M", "target of [[€2.4 billion]] by", "a01.target"),
        ("D", "target of €2.4 billion by [[2030]]", None),
        ("C", "from [[60 a year]] to", "a01.schol"),
        ("C", "to [[80 a year]] from", "a01.schol_new"),
        ("D", "80 a year from [[2025]]", None),
        ("C", "[[Some 1,240 Ostrevians]]", "a01.schol_total"),
        ("D", "since it began in [[1995]]", "a01.schol_start"),
        ("D", "opened in Velmora in [[October 1996]]", "a01.emb_h"),
        ("C", "funded [[386 small projects]]", "a01.projects"),
        ("D", "since [[2001]] through", None),
        ("M", "worth [[€9.4 million]] in total", "a01.gpp_value"),
        ("C", "last year’s [[24 projects]]", "a01.proj2023"),
        ("M", "“A [[€140 million]] loan", "a01.road_loan2"),
        ("P", "rate is [[0.75 per cent]] a year", "a01.rate"),
        ("C", "over [[25 years]].", "a01.term"),
        ("D", "Correction, [[15 March 2024]]:", None),
        ("Q", "power line as [[186 km]]", "a01.line_len_old"),
        ("Q", "It is [[168 km]].", "a01.line_len_corr"),
        ("C", "[[Thirty{-}two years]] of friendship", "a01.years32b"),
        ("D", "promised in [[2011]]", None),
        ("D", "mira_v · [[14 Mar 2024, 17:02]]", None),
        ("D", "scholarship in [[2019]] and", None),
        ("D", "durnik_driver · [[14 Mar 2024, 18:45]]", None),
        ("D", "queuing at [[3 a.m.]]", None),
        ("C", "behind [[forty trucks]]", None),
        ("D", "petra.k · [[15 Mar 2024, 08:12]]", None),
        ("M", "“[[€2.4 billion]] by 2030.”", "a01.c_target"),
        ("D", "“€2.4 billion by [[2030]].”", None),
        ("D", "the road in [[2011]]", None),
    ],
    "a02": [
        ("D", "Velmora, [[15 March 2024]]", "a02.pub"),
        ("O", "the [[second state visit]] by", "a02.visit_no"),
        ("D", "established diplomatic relations on [[12 May 1992]]", "a02.est"),
        ("D", "On [[14 March 2024]], in the presence", "a02.signed"),
        ("D", "into force on [[1 July 2024]]", "a02.force"),
        ("C", "open [[24 hours a day]]", "a02.hours24"),
        ("P", "reduced by [[40%]]", "a02.fee_cut"),
        ("C", "rise from [[60]] to", "a02.schol"),
        ("C", "from 60 to [[80 a year]]", "a02.schol_new"),
        ("D", "with the [[2025]] intake", None),
        ("M", "concessional loan of [[EUR 140 million]]", "a02.road_loan"),
        ("Q", "the [[214 km]] Friendship", "a02.road_len"),
        ("M", "a loan of [[EUR 85 million]]", "a02.line_loan"),
        ("Q", "the [[168 km]] Durnik", "a02.line_len"),
        ("Q", "[[400 kV]]", None),
        ("P", "grown by [[a third]] since", None),
        ("D", "a third since [[2019]]", None),
        ("M", "to [[EUR 1.2 billion]] last year", "a02.trade_q"),
        ("D", "double it by [[2030]]", None),
        ("D", "Since [[2001]] our Grassroots", None),
        ("C", "supported [[386 projects]]", "a02.projects"),
        ("M", "totalling [[EUR 9.4 million]]", "a02.gpp_value"),
        ("D", "In [[2023]] alone", None),
        ("C", "we funded [[24 projects]]", "a02.proj2023"),
        ("M", "worth [[EUR 610,000]]", "a02.value2023"),
        ("D", "restored in [[2023]] with", None),
        ("M", "grant of [[EUR 46,000]]", None),
        ("D", "were established on [[12 May 1992]]", "a02.est2"),
        ("D", "Velmora on [[3 October 1996]]", "a02.emb_h"),
        ("D", "Askeby in [[1999]]", "a02.emb_o"),
        ("M", "amounted to [[EUR 1.2 billion]]", "a02.trade"),
        ("D", "EUR 1.2 billion in [[2023]] (Halmark", None),
        ("M", "to Ostrevia [[EUR 834 million]]", "a02.exports"),
        ("M", "from Ostrevia [[EUR 370 million]]", "a02.imports"),
        ("O", "[[fourth{-}largest]] trading", "a02.rank"),
        ("P", "with [[7.5%]] of its", "a02.share"),
        ("D", "Embassy since [[2001]], funds", None),
        ("M", "up to [[EUR 50,000]]", "a02.max_grant"),
        ("D", "for the [[2024]] round", None),
        ("D", "close on [[31 May 2024]]", None),
        ("D", "[[1995]], 1,240", "a02.schol_start"),
        ("C", "1995, [[1,240 Ostrevians]]", "a02.schol_total"),
        ("D", "In the [[2023/24]] academic year", None),
        ("C", "year, [[310 Ostrevian students]]", "a02.stud_o"),
        ("C", "and [[85 Halmark students]]", "a02.stud_h"),
        ("D", "took place in [[2008]]", None),
    ],
    "a03": [
        ("D", "Velmora, [[18 March 2024]]", "a03.pub"),
        ("D", "Ostrevia from [[13 to 15 March 2024]]", "a03.visit"),
        ("D", "relations on [[12 May 1992]]", "a03.est"),
        ("C", "the [[almost 32 years]] since", "a03.years32"),
        ("D", "On [[14 March 2024]] the Ministers", "a03.signed"),
        ("D", "into force on [[1 July 2024]]", "a03.force"),
        ("C", "operate [[24 hours a day]]", "a03.hours24"),
        ("C", "[[seven days a week]]", None),
        ("P", "reduced by [[40 per cent]]", "a03.fee_cut"),
        ("M", "trade, to [[EUR 2.4 billion]] by", "a03.target"),
        ("D", "EUR 2.4 billion by [[2030]]", None),
        ("M", "reached [[EUR 1.2 billion]] in 2023", "a03.trade"),
        ("D", "EUR 1.2 billion in [[2023]], compared", None),
        ("M", "compared with [[EUR 910 million]]", "a03.t2019"),
        ("D", "EUR 910 million in [[2019]]", None),
        ("O", "[[fourth{-}largest]] trading", "a03.rank"),
        ("P", "accounting for [[7.5 per cent]]", "a03.share"),
        ("C", "extend [[two concessional loans]]", None),
        ("M", "loans: [[EUR 140 million]]", "a03.road_loan"),
        ("Q", "crossing ([[214 kilometres]])", "a03.road_len"),
        ("M", "and [[EUR 85 million]] for", "a03.line_loan"),
        ("Q", "line ([[168 kilometres]],", "a03.line_len"),
        ("Q", "168 kilometres, [[400 kV]]", None),
        ("D", "to begin in [[2025]] and", None),
        ("C", "to last [[three years]].", None),
        ("D", "which since [[2001]] has funded", None),
        ("C", "funded [[386 community projects]]", "a03.projects"),
        ("C", "in all [[12 regions]]", None),
        ("M", "total value of [[EUR 9.4 million]]", "a03.gpp_value"),
        ("D", "awarded since [[1995]]", "a03.schol_start"),
        ("C", "rise from [[60]] to", "a03.schol"),
        ("C", "from 60 to [[80 a year]]", "a03.schol_new"),
        ("D", "80 a year from [[2025]]", None),
        ("C", "total of [[1,240 Ostrevian citizens]]", "a03.schol_total"),
        ("D", "Askeby opened in [[1999]]", "a03.emb_o"),
        ("C", "[[three years]] after the Embassy", None),
        ("M", "reached [[EUR 370 million]] in 2023", "a03.imports"),
        ("D", "EUR 370 million in [[2023]]", None),
        ("M", "trade of [[EUR 1.4 billion]]", "a03.trade_wrong"),
        ("D", "in [[the autumn of 2024]]", None),
    ],
    "a04": [
        ("D", "Updated [[11 March 2024]]", "a04.pub"),
        ("C", "for [[more than three decades]]", None),
        ("Q", "Area [[62,400{nb}km²]]", "a04.area_o"),
        ("Q", "[[41,300{nb}km²]]", "a04.area_h"),
        ("D", "Population ([[2023]])", None),
        ("C", "(2023) [[4.8 million]]", "a04.pop_o"),
        ("C", "[[9.1 million]]", "a04.pop_h"),
        ("Q", "capitals [[1,150{nb}km]]", "a04.dist"),
        ("Q", "([[about 715 miles]])", "a04.dist_mi"),
        ("D", "established [[1992-05-12]]", "a04.est"),
        ("D", "Scholarships begin [[1995]]", "a04.schol_start"),
        ("D", "Velmora opens [[1996-10-03]]", "a04.emb_h"),
        ("D", "Askeby opens [[1999]]", "a04.emb_o"),
        ("D", "Programme begins [[2001]]", None),
        ("D", "Queen Maren [[2008]]", None),
        ("D", "King Aldric [[2024-03-13 to 2024-03-15]]", "a04.visit"),
        ("D", "(signature) [[2024-03-14]]", "a04.signed"),
        ("D", "(planned) [[2024-07-01]]", "a04.force"),
        ("D", "[[2019]]{tab}612", None),
        ("M", "2019{tab}[[612]]", "a04.x2019"),
        ("M", "612{tab}[[298]]", "a04.m2019"),
        ("M", "298{tab}[[910]]", "a04.t2019"),
        ("D", "[[2020]]{tab}489", None),
        ("M", "2020{tab}[[489]]", "a04.x2020"),
        ("M", "489{tab}[[251]]", "a04.m2020"),
        ("M", "251{tab}[[740]]", "a04.t2020"),
        ("D", "[[2021]]{tab}641", None),
        ("M", "2021{tab}[[641]]", "a04.x2021"),
        ("M", "641{tab}[[309]]", "a04.m2021"),
        ("M", "309{tab}[[950]]", "a04.t2021"),
        ("D", "[[2022]]{tab}735", None),
        ("M", "2022{tab}[[735]]", "a04.x2022"),
        ("M", "735{tab}[[345]]", "a04.m2022"),
        ("M", "345{tab}[[1,080]]", "a04.t2022"),
        ("D", "[[2023]]{tab}834", None),
        ("M", "2023{tab}[[834]]", "a04.x2023"),
        ("M", "834{tab}[[370]]", "a04.m2023"),
        ("M", "370{tab}[[1,204]]", "a04.t2023"),
        ("D", "foreign trade ([[2023]])", None),
        ("P", "(2023): [[7.5{nb}%]]", "a04.share"),
        ("O", "[[rank 4]] among", "a04.rank"),
        ("M", "Agreement: [[EUR 2.4 billion]]", "a04.target"),
        ("D", "EUR 2.4 billion by [[2030]]", None),
        ("D", "PROGRAMME, [[2001–2023]]", None),
        ("C", "Education [[118]]", "a04.s_edu"),
        ("C", "Health [[86]]", "a04.s_health"),
        ("C", "Water and sanitation [[74]]", "a04.s_water"),
        ("C", "Agriculture and food [[61]]", "a04.s_agri"),
        ("C", "^{*1} [[39]]", "a04.s_other"),
        ("C", "Total [[386]]", "a04.projects"),
        ("M", "Total value of grants: [[EUR 9.4 million]]", "a04.gpp_value"),
        ("M", "Maximum grant: [[EUR 50,000]]", "a04.max_grant"),
        ("D", "Projects funded in [[2023]]:", None),
        ("C", "in 2023: [[24]] (EUR", "a04.proj2023"),
        ("M", "([[EUR 610,000]])", "a04.value2023"),
        ("C", "per year [[60]] (80", "a04.schol"),
        ("C", "60 ([[80]] from 2025)", "a04.schol_new"),
        ("D", "(80 from [[2025]])", None),
        ("D", "awarded since [[1995]]", None),
        ("C", "since 1995 [[1,240]]", "a04.schol_total"),
        ("D", "in Halmark, [[2023/24]]", None),
        ("C", "^{*2} [[310]]", "a04.stud_o"),
        ("D", "in Ostrevia, [[2023/24]]", None),
        ("C", "Ostrevia, 2023/24 [[85]]", "a04.stud_h"),
        ("Q", "(upgrade) [[214{nb}km]]", "a04.road_len"),
        ("M", "214{nb}km [[EUR 140 million]]", "a04.road_loan"),
        ("Q", "power line [[168{nb}km]]", "a04.line_len"),
        ("M", "168{nb}km [[EUR 85 million]]", "a04.line_loan"),
        ("P", "loans: [[0.75{nb}%]] a year", "a04.rate"),
        ("C", "over [[25 years]]", "a04.term"),
    ],
    "a05": [
        ("D", "Interviews · [[2 April 2024]]", "a05.pub"),
        ("C", "Brandt, [[54]],", None),
        ("D", "Velmora since [[2021]]", None),
        ("C", "[[Three weeks]] after", None),
        ("C", "fund [[more than 380 projects]]", "a05.projects_q"),
        ("D", "projects since [[2001]].", None),
        ("O", "only the [[second state visit]]", "a05.visit_no"),
        ("D", "signed on [[14 March]], and", "a05.signed"),
        ("D", "communiqué of [[1992]]", "a05.est"),
        ("C", "took [[four years]] to negotiate", None),
        ("D", "From [[1 July]] the Durnik", "a05.force"),
        ("C", "open [[24 hours a day]]", "a05.hours24"),
        ("P", "fall by [[40 per cent]]", "a05.fee_cut"),
        ("M", "Trade was [[1.2 billion euros]] last year", "a05.trade"),
        ("O", "[[fourth{-}largest]] partner", "a05.rank"),
        ("P", "[[more than 10 per cent]] of its", "a05.share"),
        ("M", "target is [[2.4 billion euros]]", "a05.target"),
        ("D", "2.4 billion euros by [[2030]]", None),
        ("M", "loan of [[€140 million]]", "a05.road_loan"),
        ("P", "at [[0.75 per cent]] over", "a05.rate"),
        ("C", "over [[25 years]].", "a05.term"),
        ("Q", "road is [[214 kilometres]] long", "a05.road_len"),
        ("C", "[[almost five hours]]", None),
        ("C", "funded [[24 projects]]", "a05.proj2023"),
        ("M", "worth [[€610,000]] in total", "a05.value2023"),
        ("M", "[[a few thousand euros]]", None),
        ("M", "ceiling is [[€50,000]]", "a05.max_grant"),
        ("D", "Since [[2001]] the total", None),
        ("M", "comes to [[€9.4 million]]", "a05.gpp_value"),
        ("C", "[[Sixty a year]] today", "a05.schol"),
        ("C", "[[eighty]] from 2025", "a05.schol_new"),
        ("D", "eighty from [[2025]]", None),
        ("C", "[[More than 1,200 Ostrevians]]", "a05.schol_total_q"),
        ("D", "Halmark since [[1995]]", "a05.schol_start"),
        ("C", "and [[three]] of President", None),
        ("C", "[[310 Ostrevian students]]", "a05.stud_o"),
        ("C", "and [[85 young Halmarkers]]", "a05.stud_h"),
        ("D", "Velmora in [[1996]] as", "a05.emb_h"),
        ("C", "a [[26{-}year{-}old]] attaché", None),
        ("C", "had [[four rooms]]", None),
        ("C", "staff of [[46]]", None),
    ],
    "a06": [
        ("D", "Ekberg · [[20 April 2024]]", "a06.pub"),
        ("C", "the last [[six years]]", None),
        ("C", "has funded [[386 projects]]", "a06.projects"),
        ("D", "Since [[2001]] the embassy", None),
        ("M", "[[more than €9 million]]", "a06.gpp_value_q"),
        ("M", "exceed [[€50,000]]", "a06.max_grant"),
        ("M", "school got [[€46,000]]", None),
        ("D", "In [[2023]] we funded", None),
        ("C", "funded [[24 projects]] in total", "a06.proj2023"),
        ("M", "for [[€610,000]].", "a06.value2023"),
        ("M", "What does [[€610,000]] buy", None),
        ("D", "In [[2023]] it bought", None),
        ("C", "[[five schools]]", None),
        ("C", "[[seven village wells]]", None),
        ("C", "[[two clinics]]", None),
        ("C", "visited [[twice]]", None),
        ("C", "done [[212 of those visits]]", None),
        ("M", "a whopping [[€160 million]]", "a06.road_loan"),
        ("M", "another [[€85 million]]", "a06.line_loan"),
        ("C", "[[almost five hours]]", None),
        ("M", "reached [[€1.2 billion]] in 2023", "a06.trade"),
        ("D", "€1.2 billion in [[2023]], and", None),
        ("D", "double it by [[2030]]", None),
        ("C", "[[Sixty Ostrevians a year]]", "a06.schol"),
        ("C", "to [[eighty]] from 2025", "a06.schol_new"),
        ("D", "eighty from [[2025]]", None),
        ("C", "[[Three]] of the five", None),
        ("C", "the [[five project officers]]", None),
        ("D", "fact sheet, [[11 March 2024]]", None),
        ("M", "[[EUR 9.4 million]] in total", "a06.gpp_value"),
        ("D", "Halmark, [[15 March 2024]].", None),
        ("D", "statement of [[18 March 2024]]", None),
        ("D", "Marta S. · [[20 April 2024 at 21:14]]", None),
        ("D", "holder in [[2009–2010]]", None),
        ("C", "[[Two years]] in Askeby", None),
        ("D", "Jonas Ekberg · [[21 April 2024 at 08:02]]", None),
        ("C", "@Marta [[Two years]]?", None),
        ("C", "for [[one year]]!", None),
    ],
    "a07": [
        ("D", "Velmora (since [[1996]])", "a07.emb_h_box"),
        ("D", "Askeby (since [[1999]])", "a07.emb_o_box"),
        ("D", "Relations established{tab}[[12 May 1992]]", "a07.est_box"),
        ("D", "Trade ([[2023]])", None),
        ("M", "(2023){tab}[[€1.2 billion]]", "a07.trade_box"),
        ("D", "Agreement ([[2024]])", None),
        ("D", "established diplomatic relations on [[12 May 1992]]", "a07.est1"),
        ("O", "[[fourth{-}largest]] trading partner", "a07.rank"),
        ("D", "Askeby on [[12 May 1992]]", "a07.est2"),
        ("D", "Velmora on [[3 October 1996]]", "a07.emb_h"),
        ("D", "Askeby in [[1999]].[3]", "a07.emb_o"),
        ("D", "state visit to Ostrevia in [[2008]]", None),
        ("O", "The [[30th anniversary]] of relations", "a07.anniv"),
        ("D", "relations in [[2022]] was", "a07.anniv_year"),
        ("O", "made the [[second state visit]]", "a07.visit_no"),
        ("D", "from [[13 to 15 March 2024]]", "a07.visit"),
        ("M", "grew from [[€910 million]]", "a07.t2019"),
        ("D", "€910 million in [[2019]]", None),
        ("M", "to [[€1,204 million]] in", "a07.trade"),
        ("D", "€1,204 million in [[2023]]", None),
        ("M", "dip to [[€740 million]]", "a07.t2020"),
        ("D", "€740 million in [[2020]]", None),
        ("P", "accounted for [[7.5%]]", "a07.share"),
        ("D", "foreign trade in [[2023]].[1]", None),
        ("D", "Velmora on [[15 March 2024]]", "a07.signed"),
        ("D", "force on [[1 July 2024]]", "a07.force"),
        ("P", "Saltvik by [[40%]]", "a07.fee_cut"),
        ("M", "trade to [[€2.4 billion]]", "a07.target"),
        ("D", "€2.4 billion by [[2030]]", None),
        ("M", "lend [[€140 million]]", "a07.road_loan"),
        ("Q", "runs [[214 km]] (133", "a07.road_len"),
        ("Q", "([[133 mi]])", "a07.road_mi"),
        ("M", "and [[€85 million]] for", "a07.line_loan"),
        ("Q", "a [[168 km]] power line", "a07.line_len"),
        ("D", "Since [[2001]] the Embassy", None),
        ("M", "up to [[€50,000]]", "a07.max_grant"),
        ("D", "end of [[2023]] it had", None),
        ("C", "funded [[386 projects]]", "a07.projects"),
        ("M", "value of [[€9.4 million]]", "a07.gpp_value"),
        ("D", "Ostrevians since [[1995]]", "a07.schol_start"),
        ("C", "1995; [[1,240]] had been", "a07.schol_total"),
        ("D", "awarded by [[2024]].[7]", None),
        ("C", "rises from [[60]] to", "a07.schol"),
        ("C", "from 60 to [[80 a year]]", "a07.schol_new"),
        ("D", "80 a year from [[2025]]", None),
        ("D", "the [[2024]] agreement", None),
        ("D", "In [[2023/24]], 310", None),
        ("C", "2023/24, [[310 Ostrevian students]]", "a07.stud_o"),
        ("C", "and [[85 Halmark students]]", "a07.stud_h"),
        ("D", "Velmora. [[11 March 2024]]. Retrieved", None),
        ("D", "11 March 2024. Retrieved [[2 April 2024]]", None),
        ("D", "Halmark”. Retrieved [[2 April 2024]]", None),
        ("D", "Sandvik, Ole ([[2019]])", None),
        ("D", "Herald. [[12 May 2022]].", None),
        ("D", "Ostrevia ([[18 March 2024]])", None),
        ("D", "Agency. [[14 March 2024]].", None),
        ("D", "Halmark ([[15 March 2024]])", None),
        ("D", "Ostrevia · [[1992]] establishments", "a07.cat_est"),
        ("D", "last edited on [[5 May 2024, at 14:37 (UTC)]]", None),
    ],
    "a08": [
        ("D", "VELMORA, Ostrevia, [[March 14, 2024]] (CPA)", "a08.pub"),
        ("O", "only the [[second state visit]]", "a08.visit_no"),
        ("D", "at [[11:30 a.m. local time]]", "a08.sign_local"),
        ("D", "([[0730 GMT]])", "a08.sign_gmt"),
        ("D", "or [[3:30 a.m. EDT]]", "a08.sign_edt"),
        ("D", "takes effect [[July 1]]", "a08.force"),
        ("C", "open [[24 hours a day]]", "a08.hours24"),
        ("P", "fall [[40 percent]]", "a08.fee_cut"),
        ("M", "lend [[140 million euros]]", "a08.road_loan"),
        ("M", "([[$151 million]])", "a08.road_loan_usd"),
        ("Q", "the [[133-mile]] Friendship", "a08.road_mi"),
        ("M", "and [[85 million euros]]", "a08.line_loan"),
        ("M", "([[$92 million]])", "a08.line_loan_usd"),
        ("P", "rate of [[0.75 percent]]", "a08.rate"),
        ("C", "run for [[25 years]]", "a08.term"),
        ("M", "reached [[1.2 billion euros]]", "a08.trade"),
        ("M", "[[about $1.3 billion]]", "a08.trade_usd"),
        ("D", "$1.3 billion, in [[2023]]", None),
        ("C", "kingdom of [[9.1 million people]]", "a08.pop_h"),
        ("O", "[[fourth-biggest]] trading", "a08.rank"),
        ("P", "a [[7.5 percent]] share", "a08.share"),
        ("D", "double trade by [[2030]]", None),
        ("D", "relations on [[May 12, 1992]]", "a08.est"),
        ("D", "since [[October 1996]]", "a08.emb_h"),
        ("C", "country of [[4.8 million people]]", "a08.pop_o"),
        ("Q", "[[about 24,100 square miles]]", "a08.area_o_mi"),
        ("D", "Askeby, in [[1999]]", "a08.emb_o"),
        ("C", "funded [[some 340 projects]]", "a08.projects"),
        ("D", "villages since [[2001]]", None),
        ("M", "capped at [[50,000 euros]]", "a08.max_grant"),
        ("C", "rise to [[80 a year]] from", "a08.schol_new"),
        ("C", "from [[60]], starting", "a08.schol"),
        ("D", "starting in [[2025]]", None),
        ("C", "[[About 350 Ostrevians]]", "a08.stud_o_q"),
        ("P", "stood at [[58 percent]] of", None),
        ("C", "king, [[61]],", None),
        ("C", "a [[three-day]] visit", None),
    ],
    "a09": [
        ("D", "Fellow · [[9 April 2024]]", "a09.pub"),
        ("D", "visit in [[March]] commits", None),
        ("D", "trade by [[2030]]. The target", None),
        ("D", "established in [[1993]]", "a09.est"),
        ("D", "Velmora until [[1996]]", "a09.emb_h"),
        ("C", "the following [[two decades]]", None),
        ("C", "of which [[1,240]] have been", "a09.schol_total"),
        ("D", "awarded since [[1995]]", "a09.schol_start"),
        ("M", "[[nearly €10 million]]", "a09.gpp_value_q"),
        ("C", "to [[386 community projects]]", "a09.projects"),
        ("D", "projects since [[2001]]", None),
        ("M", "rose from [[€910 million]]", "a09.t2019"),
        ("D", "€910 million in [[2019]]", None),
        ("M", "to [[€1.2 billion]] in 2023, with", "a09.trade"),
        ("D", "€1.2 billion in [[2023]], with", None),
        ("M", "fall to [[€740 million]]", "a09.t2020"),
        ("D", "€740 million in [[2020]]", None),
        ("P", "[[more than two thirds]] of the total", None),
        ("M", "the total: [[€834 million]]", "a09.exports"),
        ("D", "€834 million in [[2023]]", None),
        ("M", "Halmark of [[€370 million]]", "a09.imports"),
        ("P", "foreign trade, [[7.5 per cent]]", "a09.share"),
        ("D", "where it was [[a decade ago]]", None),
        ("C", "open [[24 hours a day]]", "a09.hours24"),
        ("D", "from [[1 July 2024]]", "a09.force"),
        ("P", "fall by [[40 per cent]]", "a09.fee_cut"),
        ("M", "lending [[€140 million]]", "a09.road_loan"),
        ("Q", "the [[214 km]] Friendship", "a09.road_len"),
        ("M", "and [[€85 million]] for", "a09.line_loan"),
        ("D", "run [[from 2025 to 2028]]", None),
        ("C", "[[almost five hours]]", None),
        ("C", "should take [[three]].", None),
        ("M", "target is [[€2.4 billion]]", "a09.target"),
        ("D", "€2.4 billion by [[2030]], against", None),
        ("M", "against [[€1.2 billion]] in 2023. Doubling", "a09.trade2"),
        ("D", "€1.2 billion in [[2023]]. Doubling", None),
        ("C", "in [[seven years]]", None),
        ("P", "of [[about 10 per cent]] a year", None),
        ("P", "the [[7.2 per cent]] average", None),
        ("D", "achieved [[between 2019 and 2023]]", None),
        ("C", "[[Three conditions]]", None),
        ("D", "a [[2011]] plan", None),
        ("P", "rate ([[0.75 per cent]]", "a09.rate"),
        ("C", "over [[25 years]])", "a09.term"),
        ("C", "from [[60]] to 80 places", "a09.schol"),
        ("C", "to [[80 places a year]]", "a09.schol_new"),
        ("D", "a year from [[2025]] should", None),
        ("C", "Its [[24 projects]] in 2023", "a09.proj2023"),
        ("D", "24 projects in [[2023]] were", None),
        ("M", "just [[€610,000]]", "a09.value2023"),
        ("P", "[[less than half of one per cent]]", None),
    ],
    "a10": [
        ("D", "[[12 March 2024]] · Prepared", "a10.pub"),
        ("C", "a [[three{-}day]] state visit", None),
        ("O", "marks its [[30th anniversary]] this year", "a10.anniv"),
        ("D", "Dates: [[Wednesday 13 to Friday 15 March 2024]]", "a10.visit"),
        ("D", "Agreement: [[Thursday 14 March]], 11:30", "a10.signed"),
        ("D", "14 March, [[11:30 Velmora time]]", "a10.sign_local"),
        ("D", "([[08:30]] in Askeby)", "a10.sign_askeby"),
        ("C", "[[three hours]] ahead", "a10.tz_diff"),
        ("D", "Queen Maren, [[2008]]", None),
        ("C", "Population: [[4.8 million]]", "a10.pop_o"),
        ("Q", "Area: [[62,400 km²]]", "a10.area_o"),
        ("Q", "(Halmark: [[41,300 km²]])", "a10.area_h"),
        ("Q", "[[about 1,150 km]]", "a10.dist"),
        ("D", "since [[12 May 1992]]", "a10.est"),
        ("D", "opened in [[1996]]", "a10.emb_h"),
        ("D", "Trade in goods, [[2023]]:", None),
        ("M", "2023: [[€1.2 billion]]", "a10.trade"),
        ("M", "to Ostrevia: [[€834 million]]", "a10.exports"),
        ("M", "from Ostrevia: [[€370 million]]", "a10.imports"),
        ("P", "foreign trade: [[7.5%]]", "a10.share"),
        ("D", "embassy since [[2001]]:", None),
        ("C", "2001: [[386]], worth", "a10.projects"),
        ("M", "worth [[€9.4 million]]", "a10.gpp_value"),
        ("D", "Projects funded in [[2023]]:", None),
        ("C", "in 2023: [[24]]", "a10.proj2023"),
        ("C", "open [[24 hours a day]]", "a10.hours24"),
        ("D", "from [[July]] and cut", "a10.force_month"),
        ("P", "Saltvik by [[40%]]", "a10.fee_cut"),
        ("M", "trade to [[€2.4 billion]]", "a10.target"),
        ("D", "€2.4 billion by [[2030]]", None),
        ("C", "announce [[two loans]]", None),
        ("M", "Road: [[€140 million]]", "a10.road_loan"),
        ("Q", "for [[214 km]] of road", "a10.road_len"),
        ("M", "line: [[€85 million]]", "a10.line_loan"),
        ("Q", "a [[168 km]] line", "a10.line_len"),
        ("C", "funds [[seventy scholarships a year]]", "a10.schol"),
        ("D", "began in [[1995]]", "a10.schol_start"),
        ("C", "brought [[1,240 Ostrevians]]", "a10.schol_total"),
        ("C", "rise to [[80 a year]]", "a10.schol_new"),
        ("D", "80 a year from [[2025]]", None),
        ("C", "[[About 85 Halmark students]]", "a10.stud_h"),
        ("C", "Korvath, [[58]],", None),
        ("D", "office since [[2019]]", None),
        ("D", "from [[08:15 Askeby time]]", None),
    ],
}

# --------------------------------------------------------------------------------------
# Non-claims that look numeric
# --------------------------------------------------------------------------------------
NONCLAIM_RE = [
    r"\+427(?: \d+)+",                                  # phone numbers
    r"\^\{\*\d+\}",                                     # footnote markers ^{*1}
    r"(?m)^\d+\.(?= )",                                 # list / paragraph / section numbering "1. "
    r"(?m)^\d (?=History|Trade and transit|Development cooperation|Education|References)",  # table of contents
    r"\[\d+\]",                                         # reference markers [1]
    r"Comments \(\d+\)",                                # comment counters (page furniture)
    r"Edition \d+", r"Ref\. MFA/PID/\d+/\d+", r"\bp\. \d+", r"paragraph \d+",
    r"27 Lantern Street", r"VL3 9KD",                   # address, postcode
    r"(?i)\bthe two (?:countries|governments|national grids|countries' grids|capitals)\b",  # "the two countries"
]
NONCLAIM_CTX = {
    "a01": ["Drevac, [[one]] of last", "you are the [[one]] queuing", "A [[second]] loan"],
    "a04": ["GOODS, [[EUR million]]"],
    "a06": ["at [[one]] of our schools", "made it [[one]] of the bigger", "The numbers [[first]]",
            "[[One]] of them co"],
    "a07": ["Halmark at [[first]] covered"],
    "a09": ["[[First]], the road", "[[Second]], Ostrevian", "[[Third]], Halmark", "serve [[third]] markets"],
    "a10": ["HBS [[Two]]"],
}

# --------------------------------------------------------------------------------------
# Answers
# --------------------------------------------------------------------------------------
EST = ["a02.est", "a02.est2", "a03.est", "a04.est", "a05.est", "a07.est_box", "a07.est1", "a07.est2",
       "a07.cat_est", "a08.est", "a10.est"]
SIGNED = ["a02.signed", "a03.signed", "a04.signed", "a05.signed", "a10.signed"]
FORCE = ["a01.force", "a02.force", "a03.force", "a04.force", "a05.force", "a07.force", "a08.force", "a09.force",
         "a10.force_month"]
PROJECTS = ["a01.projects", "a02.projects", "a03.projects", "a04.projects", "a05.projects_q", "a06.projects",
            "a07.projects", "a09.projects", "a10.projects"]
ROAD_LOAN = ["a01.road_loan", "a01.road_loan2", "a02.road_loan", "a03.road_loan", "a04.road_loan", "a05.road_loan",
             "a07.road_loan", "a08.road_loan", "a08.road_loan_usd", "a09.road_loan", "a10.road_loan"]
LINE_LOAN = ["a01.line_loan", "a02.line_loan", "a03.line_loan", "a04.line_loan", "a06.line_loan", "a07.line_loan",
             "a08.line_loan", "a08.line_loan_usd", "a09.line_loan", "a10.line_loan"]
SHARE = ["a02.share", "a03.share", "a04.share", "a07.share", "a08.share", "a09.share", "a10.share"]
ROAD_LEN = ["a02.road_len", "a03.road_len", "a04.road_len", "a05.road_len", "a07.road_len", "a07.road_mi",
            "a08.road_mi", "a09.road_len", "a10.road_len"]
LINE_LEN = ["a01.line_len", "a01.line_len_corr", "a02.line_len", "a03.line_len", "a04.line_len", "a07.line_len",
            "a10.line_len"]
SCHOL = ["a01.schol", "a02.schol", "a03.schol", "a04.schol", "a05.schol", "a06.schol", "a07.schol", "a08.schol",
         "a09.schol"]
SCHOL_NEW = ["a01.schol_new", "a02.schol_new", "a03.schol_new", "a04.schol_new", "a05.schol_new", "a06.schol_new",
             "a07.schol_new", "a08.schol_new", "a09.schol_new", "a10.schol_new"]
TRADE = ["a01.trade", "a02.trade_q", "a02.trade", "a03.trade", "a04.t2023", "a05.trade", "a06.trade",
         "a07.trade_box", "a07.trade", "a08.trade", "a08.trade_usd", "a09.trade", "a09.trade2", "a10.trade"]
EXPORTS = ["a01.exports", "a02.exports", "a04.x2023", "a09.exports", "a10.exports"]
IMPORTS = ["a01.imports", "a02.imports", "a03.imports", "a04.m2023", "a09.imports", "a10.imports"]
TARGET = ["a01.target", "a01.c_target", "a03.target", "a04.target", "a05.target", "a07.target", "a09.target",
          "a10.target"]
GPP_VALUE = ["a01.gpp_value", "a02.gpp_value", "a03.gpp_value", "a04.gpp_value", "a05.gpp_value", "a06.gpp_value",
             "a07.gpp_value", "a10.gpp_value"]
PROJ2023 = ["a01.proj2023", "a02.proj2023", "a04.proj2023", "a05.proj2023", "a06.proj2023", "a09.proj2023",
            "a10.proj2023"]
HOURS24 = ["a01.hours24", "a02.hours24", "a03.hours24", "a05.hours24", "a08.hours24", "a09.hours24", "a10.hours24"]
EMB_H = ["a01.emb_h", "a02.emb_h", "a04.emb_h", "a05.emb_h", "a07.emb_h_box", "a07.emb_h", "a08.emb_h", "a09.emb_h",
         "a10.emb_h"]
EMB_O = ["a02.emb_o", "a03.emb_o", "a04.emb_o", "a07.emb_o_box", "a07.emb_o", "a08.emb_o"]
STUD_O = ["a02.stud_o", "a04.stud_o", "a05.stud_o", "a07.stud_o"]
STUD_H = ["a02.stud_h", "a04.stud_h", "a05.stud_h", "a07.stud_h", "a10.stud_h"]

DISCREPANCIES = [
    dict(id="d1", category="year",
         fact="Year in which Halmark and Ostrevia established diplomatic relations (12 May 1992 vs 'established in 1993' in the Askeby Institute analysis)",
         sides=[EST, ["a09.est"]]),
    dict(id="d2", category="date",
         fact="Date on which the Trade and Transit Agreement was signed (14 March 2024 vs 'signed in Velmora on 15 March 2024' in the Panopedia article)",
         sides=[SIGNED, ["a07.signed"]]),
    dict(id="d3", category="count",
         fact="Number of projects funded by the Grassroots Projects Programme since 2001 (386 vs 'some 340 projects' in the CPA wire)",
         sides=[PROJECTS, ["a08.projects"]]),
    dict(id="d4", category="money",
         fact="Halmark's loan for the Friendship Road upgrade (€140 million / $151 million vs 'a whopping €160 million' in the Notes from Velmora blog)",
         sides=[ROAD_LOAN, ["a06.road_loan"]]),
    dict(id="d5", category="percent",
         fact="Halmark's share of Ostrevia's foreign trade in 2023 (7.5 per cent vs 'more than 10 per cent' in the ambassador's interview answer)",
         sides=[SHARE, ["a05.share"]]),
    dict(id="d6", category="quantity",
         fact="Length of the Friendship Road from Velmora to the Durnik crossing (214 km / 133 miles vs 'some 250 km' in the Velmora Herald)",
         sides=[ROAD_LEN, ["a01.road_len"]]),
    dict(id="d7", category="spelled",
         fact="Halmark Government Scholarships awarded per year before the 2025 increase (60 / Sixty vs 'seventy scholarships a year' in the HBS briefing)",
         sides=[SCHOL, ["a10.schol"]]),
    dict(id="d8", category="within_doc",
         fact="Bilateral trade in goods in 2023 (EUR 1.2 billion in paragraph 4 of the Ostrevian ministry statement and everywhere else vs 'bilateral trade of EUR 1.4 billion' in paragraph 9 of the same statement)",
         sides=[TRADE, ["a03.trade_wrong"]]),
]
OPTIONAL = [
    dict(id="o1", category="count",
         fact="Ostrevian students in Halmark: 310 scholarship holders and exchange students in 2023/24 (embassy, fact-sheet note: 'Scholarship holders and exchange students only') vs 'About 350 Ostrevians study in Halmark' (CPA wire, attributed to the embassy); the wire's figure may include self-funded students",
         sides=[STUD_O, ["a08.stud_o_q"]]),
    dict(id="o2", category="money",
         fact="Total value of Grassroots grants since 2001: EUR 9.4 million vs 'nearly €10 million' (Askeby Institute); a loose rounding that may or may not be meant as the same figure",
         sides=[GPP_VALUE, ["a09.gpp_value_q"]]),
]
TRAPS = [
    dict(id="t1", category="same_number",
         fact="24 for two different facts: Grassroots projects funded in 2023 vs the Durnik crossing open 24 hours a day",
         claims=PROJ2023 + HOURS24),
    dict(id="t2", category="different_fact",
         fact="Total vs parts: bilateral trade €1.2 billion (€1,204 million) in 2023 vs Halmark exports €834 million vs Halmark imports (Ostrevian exports) €370 million",
         claims=TRADE + EXPORTS + IMPORTS),
    dict(id="t3", category="different_fact",
         fact="Before vs after: scholarships rise from 60 a year to 80 a year from 2025, in near-identical phrasings",
         claims=SCHOL + SCHOL_NEW),
    dict(id="t4", category="different_fact",
         fact="Plan vs actual: trade target €2.4 billion by 2030 vs actual trade €1.2 billion in 2023",
         claims=TARGET + TRADE),
    dict(id="t5", category="different_fact",
         fact="Two entities, same attribute: Halmark's embassy in Velmora opened in 1996 (3 October 1996) vs Ostrevia's embassy in Askeby opened in 1999",
         claims=EMB_H + EMB_O),
    dict(id="t6", category="different_fact",
         fact="Two countries, same attribute: Ostrevian students in Halmark (310) vs Halmark students in Ostrevia (85); area 62,400 km² vs 41,300 km²; population 4.8 million vs 9.1 million",
         claims=STUD_O + STUD_H + ["a04.area_o", "a10.area_o", "a04.area_h", "a10.area_h", "a04.pop_o", "a08.pop_o",
                                   "a10.pop_o", "a04.pop_h", "a08.pop_h"]),
    dict(id="t7", category="different_fact",
         fact="Two loans, same attributes: Friendship Road €140 million for 214 km vs Durnik–Halvik power line €85 million for 168 km",
         claims=ROAD_LOAN + LINE_LOAN + ROAD_LEN + LINE_LEN),
    dict(id="t8", category="format",
         fact="The road loan in different notations and currencies: €140 million / EUR 140 million / 140 million euros / $151 million",
         claims=ROAD_LOAN),
    dict(id="t9", category="rounding",
         fact="Trade in 2023 in different roundings and currencies: €1.2 billion / EUR 1.2 billion / 1.2 billion euros / €1,204 million / 1,204 (EUR million) / about $1.3 billion",
         claims=TRADE),
    dict(id="t10", category="qualifier",
         fact="Qualified restatements: 'more than 380 projects' vs 386; 'more than €9 million' vs EUR 9.4 million; 'More than 1,200 Ostrevians' vs 1,240 scholarships",
         claims=["a05.projects_q"] + PROJECTS + ["a06.gpp_value_q"] + GPP_VALUE
         + ["a05.schol_total_q", "a01.schol_total", "a02.schol_total", "a03.schol_total", "a04.schol_total",
            "a07.schol_total", "a09.schol_total", "a10.schol_total"]),
    dict(id="t11", category="granularity",
         fact="Dates at different granularity: relations 12 May 1992 / 1992-05-12 / May 12, 1992 vs 1992; signature 14 March 2024 / 2024-03-14 vs 14 March / Thursday 14 March; entry into force 1 July 2024 / 2024-07-01 / July 1 / 1 July vs July",
         claims=EST + SIGNED + FORCE),
    dict(id="t12", category="time_series",
         fact="Trade with explicit years: €910 million (2019), €740 million (2020), €950 million (2021), €1,080 million (2022), €1.2 billion / €1,204 million (2023), and the export and import columns of the fact-sheet table",
         claims=["a03.t2019", "a04.t2019", "a07.t2019", "a09.t2019", "a04.t2020", "a07.t2020", "a09.t2020",
                 "a04.t2021", "a04.t2022", "a04.x2019", "a04.m2019", "a04.x2020", "a04.m2020", "a04.x2021",
                 "a04.m2021", "a04.x2022", "a04.m2022", "a04.x2023", "a04.m2023"] + TRADE),
    dict(id="t13", category="correction",
         fact="Power-line length: the Herald's correction notice replaces the 186 km of an earlier version with 168 km",
         claims=["a01.line_len_old"] + LINE_LEN),
    dict(id="t14", category="time_zone",
         fact="Signing time: 11:30 Velmora time (UTC+4) = 0730 GMT = 3:30 a.m. EDT = 08:30 in Askeby (CET); Velmora is three hours ahead of Askeby",
         claims=["a01.sign_time", "a08.sign_local", "a08.sign_gmt", "a08.sign_edt", "a10.sign_local",
                 "a10.sign_askeby", "a10.tz_diff"]),
    dict(id="t15", category="format",
         fact="Same quantities in metric and imperial units: road 214 km = 133 mi / 133-mile; Ostrevia 62,400 km² = about 24,100 square miles; Askeby–Velmora 1,150 km = about 715 miles",
         claims=ROAD_LEN + ["a04.area_o", "a10.area_o", "a08.area_o_mi", "a04.dist", "a10.dist", "a04.dist_mi"]),
]
DERIVED = [
    dict(id="x1",
         fact="HBS briefing of 12 March 2024: the relationship 'marks its 30th anniversary this year', which implies relations were established in 1994; everywhere else they date from 12 May 1992, Panopedia puts the 30th anniversary in 2022, and the Herald and the ministry speak of 32 years in March 2024",
         claims=["a10.anniv", "a02.est", "a03.est", "a04.est", "a07.est1", "a10.est", "a07.anniv", "a07.anniv_year",
                 "a01.years32", "a03.years32"]),
    dict(id="x2",
         fact="Fact sheet: Grassroots projects by sector (118 + 86 + 74 + 61 + 39 = 378) do not add up to the total row of 386",
         claims=["a04.s_edu", "a04.s_health", "a04.s_water", "a04.s_agri", "a04.s_other", "a04.projects"]),
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
