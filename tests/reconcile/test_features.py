"""What binds a claim to its fact: scope words, reference times, baselines, vetoes, features."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims import extract_claims
from reconcile.features import (
    COSTLY_COLUMNS,
    COSTLY_FEATURES,
    EVENT_WORDS,
    FEATURES,
    _teen_ty,
    build_contexts,
    cheap_pair_rows,
    costly_pair_features,
    currency_nouns,
    pair_feature_rows,
    pair_features,
    vetoed,
)
from reconcile.text import Idf, stem


def contexts_of(texts: dict[str, str]):
    claims = []
    for doc, text in texts.items():
        claims.extend(extract_claims(text, doc=doc))
    claims.sort(key=lambda c: (c.doc, c.start))
    contexts, idf = build_contexts(claims)
    return {(c.claim.doc, c.claim.text): c for c in contexts if c is not None}, idf


def context(text: str, surface: str):
    found, _ = contexts_of({"a.txt": text})
    return found[("a.txt", surface)]


@pytest.mark.parametrize(
    ("text", "surface", "scope"),
    [
        ("The total cost is $80 million.", "$80 million", {"total"}),
        ("It spends $3 million a year on upkeep.", "$3 million", {"rate"}),
        ("The budgeted cost was $45 million.", "$45 million", {"plan"}),
        ("Next year we want to welcome 100,000 visitors.", "100,000", {"plan"}),
        ("The salvors expect to shift 20,000 cubic metres in all.", "20,000 cubic metres", {"plan"}),
        ("The planning committee counted 23,400 vehicles a day.", "23,400", {"rate", "actual"}),
        ("The final cost was $52 million.", "$52 million", {"actual"}),
        ("Preliminary figures show 4,100 cases.", "4,100", {"provisional"}),
        ("As of noon today, 62 people had been treated in hospital.", "62", {"provisional"}),
        ("Volunteers have planted 41,000 trees so far.", "41,000", {"provisional"}),
        ("As far as we know, 62 people were treated.", "62", set()),
        ("Cases rose by 120 in a week.", "120", {"change"}),
        ("It sells software in eleven countries.", "eleven", set()),
    ],
)
def test_scope_words_near_the_number(text, surface, scope):
    assert set(context(text, surface).scope) == scope


@pytest.mark.parametrize(
    ("text", "surface", "years"),
    [
        ("In 2019 the line carried 120,000 riders a day.", "120,000", {2019}),
        ("As of the 2021 fiscal year, 459 projects were funded.", "459", {2021}),
        ("The line carried 120,000 riders a day.", "120,000", set()),
        # a date's own year is its value, not its reference time
        ("The bridge opened in May 2019.", "May 2019", set()),
    ],
)
def test_reference_years_of_a_sentence(text, surface, years):
    assert set(context(text, surface).ref_years) == years


@pytest.mark.parametrize(
    ("text", "surface", "baseline"),
    [
        ("Turnout rose to 68.4%, up from 61.2% in 2019.", "61.2%", True),
        ("Turnout rose to 68.4%, up from 61.2% in 2019.", "68.4%", False),
        ("Households average 2.9 persons against 2.6 nationwide.", "2.6", True),
    ],
)
def test_comparison_baselines(text, surface, baseline):
    assert context(text, surface).baseline is baseline


@pytest.mark.parametrize(
    ("texts", "first", "second", "why"),
    [
        ({"a.txt": "The bridge cost $38 million in 1992, against $45 million planned in 1990.\n"},
         ("a.txt", "$38 million"), ("a.txt", "$45 million"), "two numbers of one sentence"),
        ({"a.txt": "In 2019 the terminal handled 842,000 TEU.\n",
          "b.txt": "Throughput for 2023 reached 1,034,000 TEU.\n"},
         ("a.txt", "842,000 TEU"), ("b.txt", "1,034,000 TEU"), "different explicit periods: a time series"),
        ({"a.txt": "The government introduced its 2025 budget of $4.2 billion.\n",
          "b.txt": "The government introduced its 2024 budget of $3.9 billion.\n"},
         ("a.txt", "$4.2 billion"), ("b.txt", "$3.9 billion"), "a year after a verb can still be the period"),
        ({"a.txt": "Published 3 March 2025\n\nThe clinic opened on 12 March 2025.\n",
          "b.txt": "The clinic opened on 14 March 2025.\n"},
         ("a.txt", "3 March 2025"), ("b.txt", "14 March 2025"), "a byline date stamps the document"),
        ({"a.txt": "By Anna Kell, 3 March 2025\n\nThe clinic opened on 12 March 2025.\n",
          "b.txt": "The clinic opened on 14 March 2025.\n"},
         ("a.txt", "3 March 2025"), ("b.txt", "14 March 2025"), "a byline's date stamps the story"),
        ({"a.txt": "For immediate release · Velmora, 15 March 2024\n\nThe clinic opened on 2 March 2024.\n",
          "b.txt": "Velmora, 18 March 2024\n\nThe clinic opened on 2 March 2024.\n"},
         ("a.txt", "15 March 2024"), ("b.txt", "18 March 2024"), "datelines date the releases"),
        ({"a.txt": "Castrell, 12 September 2026 – The company today opened the plant.\n",
          "b.txt": "The plant was opened on 15 September 2026.\n"},
         ("a.txt", "12 September 2026"), ("b.txt", "15 September 2026"), "a dateline before a dash"),
        ({"a.txt": "TOLLMERE, Arvenia (CPA) -- Feb. 4, 2025 -- An elephant gave birth to a calf.\n",
          "b.txt": "On 3 February 2025, the elephant gave birth to a calf.\n"},
         ("a.txt", "Feb. 4, 2025"), ("b.txt", "3 February 2025"), "a wire story's dateline, agency first"),
        ({"a.txt": "VELMORA, Ostrevia, March 14, 2024 (CPA) — The two countries signed the agreement.\n",
          "b.txt": "The agreement was signed on 15 March 2024.\n"},
         ("a.txt", "March 14, 2024"), ("b.txt", "15 March 2024"), "a wire story's dateline, agency after"),
        ({"a.txt": "CALVORIA TODAY   12 May 2024\n\nThe recall began on 10 May 2024.\n",
          "b.txt": "The recall began on 14 May 2024.\n"},
         ("a.txt", "12 May 2024"), ("b.txt", "14 May 2024"), "a masthead's date stamps the paper"),
        ({"a.txt": "Correction: An earlier version of this article gave the length of the line as 186 km.\n",
          "b.txt": "The new power line is 168 km long.\n"},
         ("a.txt", "186 km"), ("b.txt", "168 km"), "a correction retracts the figure it quotes"),
        ({"a.txt": "Published 3 May 2025\n\nLast year the festival sold 88,200 tickets.\n",
          "b.txt": "Published 9 May 2026\n\nThis year the festival sold 88,400 tickets.\n"},
         ("a.txt", "88,200"), ("b.txt", "88,400"), "last year in 2025 and this year in 2026: a time series"),
        ({"a.txt": "The board met on 10 September 2024 to review the works.\n",
          "b.txt": "The port was expanded.\n\nReferences\n\n3. Port Authority (11 September 2024). Statement of the Board.\n"},
         ("a.txt", "10 September 2024"), ("b.txt", "11 September 2024"), "a cited source's date dates the source"),
        ({"a.txt": "The board met on 10 September 2024 to review the works.\n",
          "b.txt": "The port was expanded.\n\nReferences[edit]\n\nPort Authority (11 September 2024). Statement.\n"},
         ("a.txt", "10 September 2024"), ("b.txt", "11 September 2024"), "a wiki's references heading"),
    ],
)
def test_vetoed_pairs(texts, first, second, why):
    found, _ = contexts_of(texts)
    assert vetoed(found[first], found[second]), why


@pytest.mark.parametrize(
    ("texts", "first", "second"),
    [
        ({"a.txt": "In Paris, the plant opened on 12 May 2024.\n", "b.txt": "The plant opened on 14 May 2024.\n"},
         ("a.txt", "12 May 2024"), ("b.txt", "14 May 2024")),
        # a headline or a label in capitals whose last word takes the date is no dateline
        ({"a.txt": "LOSS OF THE FERRY OFF CAPE VEYRA ON 12 May 2024\n", "b.txt": "The ferry sank on 14 May 2024.\n"},
         ("a.txt", "12 May 2024"), ("b.txt", "14 May 2024")),
        ({"a.txt": "THE LIBRARY OPENED 12 May 2024\n", "b.txt": "The library opened on 14 May 2024.\n"},
         ("a.txt", "12 May 2024"), ("b.txt", "14 May 2024")),
        ({"a.txt": "PARIS, 12 May 2024 was the day the plant opened, officials said.\n",
          "b.txt": "The plant opened on 14 May 2024.\n"},
         ("a.txt", "12 May 2024"), ("b.txt", "14 May 2024")),
        # "last year" in two documents of one year is one year
        ({"a.txt": "Published 3 May 2025\n\nLast year the festival sold 88,200 tickets.\n",
          "b.txt": "Published 9 June 2025\n\nLast year the festival sold 86,200 tickets.\n"},
         ("a.txt", "88,200"), ("b.txt", "86,200")),
        ({"a.txt": "The line was wrongly reported as 186 km; the correct length is 168 km.\n",
          "b.txt": "The new power line is 170 km long.\n"},
         ("a.txt", "168 km"), ("b.txt", "170 km")),
        # a year that dates another event of the sentence is no period of its figures
        ({"a.txt": "Caldermere, founded in 1887 and now enrolling 31,450 students, counts 32 percent from abroad.\n",
          "b.txt": "International students make up 27 per cent of Caldermere's students.\n"},
         ("a.txt", "32 percent"), ("b.txt", "27 per cent")),
        ({"a.txt": "Halmark funds seventy scholarships a year, a programme that began in 1995.\n",
          "b.txt": "Halmark funds 60 scholarships a year in 2024.\n"},
         ("a.txt", "seventy"), ("b.txt", "60")),
        ({"a.txt": "Hit by Storm Ada, 12 March 2025, the port closed.\n",
          "b.txt": "The port closed on 14 March 2025.\n"},
         ("a.txt", "12 March 2025"), ("b.txt", "14 March 2025")),
        # "approved by the cabinet in 2018" is no byline
        ({"a.txt": "The programme was approved by the cabinet in 2018, with a budget.\n",
          "b.txt": "The cabinet approved the programme in 2019.\n"},
         ("a.txt", "2018"), ("b.txt", "2019")),
        # a wiki's category line under the references is no citation
        ({"a.txt": "The museum was founded in 1871.\n",
          "b.txt": "The museum reopened.\n\nReferences\n\nCategories: Museums of Dunmarrow, 1817 establishments\n"},
         ("a.txt", "1871"), ("b.txt", "1817")),
    ],
)
def test_what_is_not_a_dateline_or_a_retraction_stays_comparable(texts, first, second):
    found, _ = contexts_of(texts)
    assert not vetoed(found[first], found[second])


def test_a_restatement_is_not_vetoed():
    found, _ = contexts_of({"a.txt": "The Harlow Bridge opened in 1992.\n", "b.txt": "The Harlow Bridge opened in 1993.\n"})
    assert not vetoed(found[("a.txt", "1992")], found[("b.txt", "1993")])


def test_pair_features_are_symmetric_in_what_they_share():
    found, idf = contexts_of({
        "a.txt": "Since 1996 the programme has funded 459 local projects worth over 38 million dollars.\n",
        "b.txt": "The programme has implemented 470 humanitarian projects since 1996, totaling US$39.2 million.\n",
    })
    a, b = found[("a.txt", "459")], found[("b.txt", "470")]
    forward = dict(zip(FEATURES, pair_features(a, b, idf)))
    backward = dict(zip(FEATURES, pair_features(b, a, idf)))
    assert len(forward) == len(FEATURES)
    for name in ("sent_overlap", "noun_head_equal", "noun_overlap", "rel_diff", "same_doc", "is_count"):
        assert forward[name] == pytest.approx(backward[name]), name
    assert forward["noun_head_equal"] == 1.0  # both count "projects"
    assert forward["same_doc"] == 0.0
    assert forward["is_count"] == 1.0
    assert forward["rel_diff"] > 0


def test_a_claims_side_of_its_pairs_is_made_once_for_each_word_weighting():
    texts = {
        "a.txt": "The Harlow Bridge, 1,240 metres long, opened in March 1992.\n",
        "b.txt": "Harlow Bridge facts: opened 1993; length 1,240 m; cost $80 million.\n",
    }
    found, idf = contexts_of(texts)
    a, b = found[("a.txt", "March 1992")], found[("b.txt", "1993")]
    first = pair_features(a, b, idf)
    side = a.pair_side
    assert side is not None and side.idf is idf
    assert pair_features(a, b, idf) == first and a.pair_side is side  # the second pair reuses it
    other = Idf([["harlow"], ["bridg"], ["open"]])  # another part's word rarities
    changed = pair_features(a, b, other)
    assert a.pair_side is not side and a.pair_side.idf is other
    assert changed != first
    fresh, _ = contexts_of(texts)  # contexts that never met the first weighting agree
    assert pair_features(fresh[("a.txt", "March 1992")], fresh[("b.txt", "1993")], other) == changed


@pytest.mark.parametrize(
    ("first", "second", "feature", "expected"),
    [
        ("The count was 2,947 cases.", "The count was 2,974 cases.", "adjacent_swap", 1.0),
        ("The count was 2,947 cases.", "The count was 2,903 cases.", "adjacent_swap", 0.0),
        ("The count was 2,947 cases.", "The count was 2,948 cases.", "one_digit_off", 1.0),
        ("The count was 2,947 cases.", "The count was 2,794 cases.", "digit_anagram", 1.0),
        ("The planned cost was $45 million.", "The final cost was $52 million.", "plan_vs_actual", 1.0),
        ("The total cost was $45 million.", "The cost was $52 million.", "total_vs_part", 1.0),
        # what a date dates, whatever the verb's form: "approved" and "approval" are one event
        ("The plan was approved on 4 May 2021.", "The council approved the plan on 14 May 2021.", "event_overlap", 1.0),
        ("The line closed on 4 May 2021.", "The line was closing on 14 May 2021.", "event_overlap", 1.0),
        ("Supply collapsed on 16 January 2024.", "Supply was restored on 17 January 2024.", "event_overlap", 0.0),
        ("The ship sank on 4 May 2021.", "The ship arrived on 14 May 2021.", "event_overlap", 0.0),
        ("Fares went up on 4 May 2021.", "Fares went up on 14 May 2021.", "event_overlap", -1.0),
    ],
)
def test_pair_feature_table(first, second, feature, expected):
    found, idf = contexts_of({"a.txt": first, "b.txt": second})
    a = next(c for (doc, _), c in found.items() if doc == "a.txt")
    b = next(c for (doc, _), c in found.items() if doc == "b.txt")
    assert dict(zip(FEATURES, pair_features(a, b, idf)))[feature] == expected


RIVAL_TEXTS = {
    "a.txt": "The museum welcomed 412,000 visitors last year.\nIts rooftop café served 98,000 lunches.\n",
    "b.txt": "The rooftop café served 89,000 lunches.\n",
    "c.txt": "The rooftop café served 89,000 lunches in its first year and 98,000 in its second.\n",
}


@pytest.mark.parametrize(
    ("pair", "feature", "check"),
    [
        # another claim of a.txt matches b.txt's lunches far better than the visitors do
        ((("a.txt", "412,000"), ("b.txt", "89,000")), "rival_max", lambda v: v > 0.5),
        # the lunches of a.txt are b.txt's best match: every rival is worse
        ((("a.txt", "98,000"), ("b.txt", "89,000")), "rival_max", lambda v: v < 0),
        # nothing in a.txt or b.txt agrees with the other side's value
        ((("a.txt", "98,000"), ("b.txt", "89,000")), "rival_agrees_max", lambda v: v == -3.0),
        # c.txt states b.txt's value as well as a.txt's: an agreeing rival exists
        ((("b.txt", "89,000"), ("c.txt", "98,000")), "rival_agrees_max", lambda v: v > -3.0),
    ],
)
def test_rival_features(pair, feature, check):
    found, idf = contexts_of(RIVAL_TEXTS)
    row = dict(zip(FEATURES, pair_features(found[pair[0]], found[pair[1]], idf)))
    assert check(row[feature]), row[feature]


def test_rival_features_are_symmetric():
    found, idf = contexts_of(RIVAL_TEXTS)
    a, b = found[("a.txt", "412,000")], found[("b.txt", "89,000")]
    forward = dict(zip(FEATURES, pair_features(a, b, idf)))
    backward = dict(zip(FEATURES, pair_features(b, a, idf)))
    for name in ("rival_max", "rival_min", "rival_agrees_max", "rival_agrees_min"):
        assert forward[name] == pytest.approx(backward[name]), name


VALUES = ["1.2 million euros", "1.21 million euros", "1,200,000 euros", "over 1.2 million euros",
          "about 1.3 million euros", "€1.25 million", "0 euros", "400 euros", "401 euros", "408 euros",
          "12 March 2024", "March 2024", "13 March 2024", "2024", "2023", "spring 2024"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(VALUES), min_size=1, max_size=12))
def test_support_counts_the_claims_of_the_block_that_state_the_same_value(chosen):
    from reconcile import values
    from reconcile.features import SAME_VALUE

    texts = {f"d{k}.txt": f"The Orland trust reported {value} for the Harlow project.\n"
             for k, value in enumerate(chosen)}
    contexts = [ctx for ctx in build_contexts(
        [c for doc, text in texts.items() for c in extract_claims(text, doc=doc)])[0] if ctx is not None]
    for ctx in contexts:
        # the definition, pair by pair over the block (sorting by value only saves the work)
        same = [other for other in contexts if other.block == ctx.block
                and values.compatible(ctx.claim, other.claim)
                and values.relative_difference(ctx.claim, other.claim) < SAME_VALUE]
        assert ctx.support == max(1, len(same)), ctx.claim.text


@pytest.mark.parametrize(
    ("a", "b", "slip"),
    [
        ("14", "40", True),  # "fourteen" heard as "forty"
        ("50", "15", True),
        ("1915", "1950", True),  # in a year
        ("15000", "50000", True),
        ("13", "31", False),  # a swap, another feature's
        ("12", "20", False),  # "twelve" and "twenty" do not sound alike
        ("14", "41", False),
        ("1415", "4050", False),  # two slips at once
        ("14", "14", False),
    ],
)
def test_teen_heard_as_ten(a, b, slip):
    assert _teen_ty(a, b) is slip


@pytest.mark.parametrize(
    ("texts", "surface", "block"),
    [
        # the corpus defines the mark: "58 million mark" in another story is an amount of it
        ({"a.txt": "The fund is paid in Meravian marks (MRK).\nIt holds MRK 85 million.\n",
          "b.txt": "The relief fund of 58 million mark ($15 million) was set up.\n"},
         ("b.txt", "58 million"), ("money", "MRK")),
        ({"a.txt": "All amounts are in Meravian marks (MRK): MRK 85 million in all.\n",
          "b.txt": "We paid out eighty-five million marks.\n"},
         ("b.txt", "eighty-five million"), ("money", "MRK")),
        # a small count of the word is a count ("85 marks out of 100")
        ({"a.txt": "All amounts are in Meravian marks (MRK): MRK 85 million in all.\n",
          "b.txt": "Students scored 85 marks out of 100.\n"},
         ("b.txt", "85"), ("count",)),
        # a milestone is no amount
        ({"a.txt": "All amounts are in Meravian marks (MRK): MRK 85 million in all.\n",
          "b.txt": "Visitor numbers passed the 100,000 mark in May.\n"},
         ("b.txt", "100,000"), ("count",)),
        # a name in brackets with no amounts of its code is no currency
        ({"a.txt": "The Velmora Transit Authority (VTA) runs 85 buses.\n",
          "b.txt": "Its rival runs 12,000 authoritys.\n"},
         ("b.txt", "12,000"), ("count",)),
    ],
)
def test_a_currency_the_corpus_defines_makes_amounts_of_its_name(texts, surface, block):
    found, _ = contexts_of(texts)
    assert found[surface].block == block


def test_currency_nouns_are_singular_and_unambiguous():
    claims = []
    for doc, text in {"a.txt": "Prices are in Meravian marks (MRK): MRK 85 million.\n",
                      "b.txt": "Here marks (KMR) mean KMR 3 million.\n",
                      "c.txt": "In Ostrevian crowns (OSC) it is OSC 12 million.\n",
                      "d.txt": "Figures are in thousands (THX): THX 12 million.\n"}.items():
        claims.extend(extract_claims(text, doc=doc))
    assert currency_nouns(claims) == {"crown": "OSC"}


@pytest.mark.parametrize("word", ["approved", "approves", "approving", "closed", "completed", "released", "began",
                                  "built", "held", "founded", "opened", "restored", "died", "sank", "evacuated",
                                  "ratified", "cancelled", "canceled", "beginning", "dying", "establishes"])
def test_event_words_match_every_form_of_their_verbs(word):
    assert stem(word) in EVENT_WORDS


@pytest.mark.parametrize("word", ["said", "rose", "cost", "people", "approval", "commission", "land", "planning"])
def test_other_words_are_no_events(word):
    assert stem(word) not in EVENT_WORDS


@pytest.mark.parametrize(("first", "second"), [
    (("a.txt", "459"), ("b.txt", "470")),
    (("a.txt", "1996"), ("b.txt", "1996")),
    (("a.txt", "over 38 million dollars"), ("b.txt", "US$39.2 million")),
])
def test_the_cheap_features_leave_the_costly_columns_and_both_halves_make_the_features(first, second):
    found, idf = contexts_of({
        "a.txt": "Since 1996 the programme has funded 459 local projects worth over 38 million dollars.\n",
        "b.txt": "The programme has implemented 470 humanitarian projects since 1996, totaling US$39.2 million.\n",
    })
    a, b = found[first], found[second]
    cheap = cheap_pair_rows([a, b], [(0, 1)], idf)[0].tolist()
    assert len(cheap) == len(FEATURES)
    assert [k for k, value in enumerate(cheap) if math.isnan(value)] == list(COSTLY_COLUMNS)
    assert [FEATURES[k] for k in COSTLY_COLUMNS] == list(COSTLY_FEATURES)
    full = costly_pair_features(a, b, idf, list(cheap))
    assert not any(math.isnan(value) for value in full)
    assert full == pair_features(a, b, idf)
    assert [full[k] for k in range(len(FEATURES)) if k not in COSTLY_COLUMNS] == \
        [cheap[k] for k in range(len(FEATURES)) if k not in COSTLY_COLUMNS]


_BATCH_TEXTS = {
    "a.txt": ("Published 4 March 2024. Since 1996 the programme has funded 459 local projects worth over "
              "38 million dollars; in 2023 it planned 40 more, up from 35 in 2022.\n"
              "Region      2022    2023\nNorth       1,240   1,420\nSouth       86      68\n"),
    "b.txt": ("Updated 5 March 2024. The programme has implemented 470 humanitarian projects since 1996, "
              "totaling US$39.2 million. About 12.5% of them were cancelled; the total was 14 in 2023.\n"),
    "c.txt": ("On 3 March 2024 the agency said 495 projects, worth $39.2 million, ran since 1997; "
              "41 are planned, and 6.5% were cancelled. The cumulative total reached 1,420.\n"),
}


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_a_pairs_row_is_the_same_in_any_batch(data):
    # the rows are computed column by column over a batch: no pair's row may depend on the others
    found, idf = contexts_of(_BATCH_TEXTS)
    contexts = list(found.values())
    pairs = [(i, j) for i in range(len(contexts)) for j in range(len(contexts))
             if i != j and contexts[i].block == contexts[j].block]
    batch = data.draw(st.lists(st.sampled_from(pairs), min_size=1, max_size=30))
    rows = pair_feature_rows(contexts, batch, idf)
    for row, (i, j) in zip(rows.tolist(), batch):
        assert row == pair_features(contexts[i], contexts[j], idf)


def test_the_features_are_the_same_in_every_process():
    # a set's order follows the string hashes, which change from one process to the next;
    # the features (sums over sets) must not, to the last bit
    import subprocess
    import sys

    script = (
        "import hashlib, sys\n"
        "sys.path.insert(0, 'tests/reconcile')\n"
        "from test_features import _BATCH_TEXTS, contexts_of\n"
        "from reconcile.features import pair_feature_rows\n"
        "found, idf = contexts_of(_BATCH_TEXTS)\n"
        "contexts = list(found.values())\n"
        "pairs = [(i, j) for i in range(len(contexts)) for j in range(len(contexts))\n"
        "         if i != j and contexts[i].block == contexts[j].block]\n"
        "print(len(pairs), hashlib.sha256(pair_feature_rows(contexts, pairs, idf).tobytes()).hexdigest())\n"
    )
    from pathlib import Path

    root = Path(__file__).parents[2]
    outputs = {subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True, check=True,
                              env={**__import__("os").environ, "PYTHONHASHSEED": seed}).stdout
               for seed in ("11", "17", "23")}
    assert len(outputs) == 1
    assert int(outputs.pop().split()[0]) > 20


def test_each_claims_numbers_sit_under_their_names():
    # cheap_pair_rows reads a claim's numbers by position: each must be the one its name says
    from datetime import date

    from reconcile.features import _KIND_CODES, _SCOPE_BITS, _SIDE_NUMBERS, _pair_side

    found, idf = contexts_of({
        "a.txt": "Published 4 March 2024. In 2023 the agency funded about 459 local projects, a total of 12% more.\n",
        "b.txt": "The bridge opened in March 1992.",
    })
    count = found[("a.txt", "about 459")]
    numbers = dict(zip(_SIDE_NUMBERS, _pair_side(count, idf).numbers, strict=True))
    assert numbers == {
        "noun_missing": 0.0, "scope_bits": float(_SCOPE_BITS["total"] | _SCOPE_BITS["change"]), "has_ref": 1.0,
        "cumulative": 0.0, "has_day": 1.0, "day": float(date(2024, 3, 4).toordinal()), "sentence_start": 24.0,
        "point_none": 0.0, "point_truthy": 1.0, "point": 459.0, "interval_none": 1.0, "interval_low": 0.0,
        "interval_high": 0.0, "year": 0.0, "width": pytest.approx(0.0952, abs=1e-4), "support": 1.0,
        "log_support": math.log1p(1), "qualified": 1.0, "kind": float(_KIND_CODES["count"]), "table": 0.0,
        "baseline": 0.0, "has_periods": 1.0, "start": 50.0,
    }
    month = dict(zip(_SIDE_NUMBERS, _pair_side(found[("b.txt", "March 1992")], idf).numbers, strict=True))
    assert (month["interval_none"], month["interval_low"], month["interval_high"], month["year"], month["kind"]) == \
        (0.0, float(date(1992, 3, 1).toordinal()), float(date(1992, 3, 31).toordinal()), 1992.0, 0.0)
    assert (month["has_day"], month["point_none"], month["width"]) == (0.0, 1.0, 30.0)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(VALUES), min_size=1, max_size=12), st.sampled_from([0.02, 0.05, 0.3]))
def test_value_neighbours_hold_every_pair_of_near_values_once(chosen, within):
    from reconcile import values
    from reconcile.features import value_neighbours

    claims = [c for k, value in enumerate(chosen)
              for c in extract_claims(f"The Orland trust reported {value}.\n", doc=f"d{k}.txt")]
    for kind in {c.kind for c in claims}:
        same_kind = [c for c in claims if c.kind == kind]
        found = list(value_neighbours(same_kind, within=within))
        assert len(found) == len({frozenset(pair) for pair in found})  # each pair once
        near = {frozenset((k, m)) for k in range(len(same_kind)) for m in range(k + 1, len(same_kind))
                if values.relative_difference(same_kind[k], same_kind[m]) < within}
        assert near <= {frozenset(pair) for pair in found}


def test_the_rows_of_several_corpora_are_each_corporas_own():
    from reconcile.features import cheap_pair_rows_of_parts

    corpora = []
    for texts in (_BATCH_TEXTS, {"a.txt": _BATCH_TEXTS["a.txt"]}, {}, {k: v for k, v in _BATCH_TEXTS.items() if k != "a.txt"}):
        found, idf = contexts_of(texts) if texts else ({}, Idf([]))
        contexts = list(found.values())
        pairs = [(i, j) for i in range(len(contexts)) for j in range(i + 1, len(contexts))
                 if contexts[i].block == contexts[j].block]
        corpora.append((contexts, pairs, idf))
    stacked = cheap_pair_rows_of_parts(corpora)
    alone = np.concatenate([cheap_pair_rows(*corpus) for corpus in corpora])
    assert stacked.shape == alone.shape and len(alone) > 10
    # the same numbers to the last bit, NaN where the costly columns wait
    assert np.array_equal(stacked, alone, equal_nan=True)
