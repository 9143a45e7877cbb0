"""The engine on small hand-written corpora: what is flagged, what is not, and why."""

from __future__ import annotations

import pytest

from claims import extract_claims
from reconcile import Config, reconcile
from reconcile.engine import fingerprint


def run(texts: dict[str, str], **options):
    claims = []
    for doc, text in texts.items():
        claims.extend(extract_claims(text, doc=doc))
    return reconcile(claims, **options)


BRIDGE = {
    "courier.txt": "Harlow news\n\nThe Harlow Bridge opened to traffic in 1992 after three years of work.\n",
    "gazette.txt": "The Harlow Bridge opened to traffic in 1993 after three years of work.\n",
}


def test_a_restated_sentence_with_another_value_is_flagged():
    (flag,) = run(BRIDGE).discrepancies
    assert flag.klass == "conflict"
    assert sorted(flag.values) == ["1992", "1993"]
    assert [c.doc for c in flag.claims] == ["courier.txt", "gazette.txt"]
    assert flag.confidence >= 0.9
    assert flag.explanation == ("the sentences speak of bridge, harlow, opened, traffic; "
                                "courier.txt says 1992; gazette.txt says 1993")


def test_the_fingerprint_leaves_out_offsets_and_document_order():
    first = run(BRIDGE).discrepancies[0]
    moved = {"gazette.txt": "An earlier paragraph.\n\n" + BRIDGE["gazette.txt"], "a_first.txt": BRIDGE["courier.txt"]}
    second = run(moved).discrepancies[0]
    assert first.id == second.id == fingerprint(("date",), ["1992", "1993"])


@pytest.mark.parametrize(
    ("texts", "why"),
    [
        ({"a.txt": "The Harlow Bridge opened to traffic in 1992 after three years of work.\n",
          "b.txt": "The Harlow Bridge opened to traffic in February 1992 after three years of work.\n"},
         "a month agrees with its year"),
        ({"a.txt": "The Harlow Bridge cost over 38 million dollars to build, the city said.\n",
          "b.txt": "The Harlow Bridge cost US$39.2 million to build, the city said.\n"},
         "'over 38 million' holds 39.2 million"),
        ({"a.txt": "In 2019 the Harlow line carried 120,000 riders a day on average.\n",
          "b.txt": "In 2023 the Harlow line carried 180,000 riders a day on average.\n"},
         "explicit, different reference years: a time series"),
        ({"a.txt": "The bridge cost $38 million in 1992, against $45 million planned in 1990.\n"},
         "two numbers of one sentence"),
    ],
)
def test_what_can_all_be_true_is_never_flagged(texts, why):
    assert run(texts).discrepancies == (), why


def test_agreeing_restatements_are_facts_not_flags():
    texts = {"a.txt": "The Harlow Bridge cost over 38 million dollars to build, the city said.\n",
             "b.txt": "The Harlow Bridge cost US$39.2 million to build, the city said.\n"}
    result = run(texts)
    assert result.discrepancies == ()
    (fact,) = [f for f in result.facts if len(f.claim_ids) == 2]
    assert fact.klass == "compatible"
    assert fact.documents == ("a.txt", "b.txt")


def test_aliases_make_two_names_one_subject():
    texts = {"a.txt": "Since 1996 the GGP has funded 459 projects across the country, the embassy said.\n",
             "b.txt": "Since 1996 the Grassroots Programme has funded 470 projects across the country, "
                      "the embassy said.\n"}
    aliased = run(texts, config=Config(aliases={"ggp": ("Grassroots Programme",)}))
    assert [sorted(d.values) for d in aliased.discrepancies] == [["459", "470"]]


def test_the_threshold_and_scorer_can_be_given():
    never = run(BRIDGE, scorer=lambda rows: [0.0] * len(rows), threshold=0.5)
    # the restatement rule does not need the model
    assert len(never.discrepancies) == 1
    always = run({"a.txt": "The tower is 120 m tall.\n", "b.txt": "Its budget grew by 80 m this year.\n"},
                 scorer=lambda rows: [1.0] * len(rows), threshold=0.5)
    assert len(always.discrepancies) == 1


def test_discrepancies_are_sorted_and_deterministic():
    texts = dict(BRIDGE)
    texts["c.txt"] = "The Harlow Bridge is 1,250 m long and carries 13,220 cars a day, the city said.\n"
    texts["d.txt"] = "The Harlow Bridge is 1,520 m long and carries 13,220 cars a day, the city said.\n"
    first, second = run(texts), run(dict(reversed(list(texts.items()))))
    assert first == second
    assert [d.id for d in first.discrepancies] == sorted(d.id for d in first.discrepancies)
    assert len(first.discrepancies) == 2


def test_to_frame():
    frame = run(BRIDGE).to_frame()
    assert list(frame["value"]) == ["1992", "1993"]
    assert list(frame["doc"]) == ["courier.txt", "gazette.txt"]
    assert set(frame["side"]) == {0, 1}


def test_one_fact_in_two_units_is_one_flag():
    """The same two values in hectares and in km² are one discrepancy, not two."""
    from reconcile.features import FEATURES

    texts = {"a.txt": "The Grevdal Fire burned 48,600 hectares (486 km²) of forest before rain came.\n",
             "b.txt": "The Grevdal Fire burned 46,800 hectares (468 km²) of forest before rain came.\n"}
    same_digits = FEATURES.index("same_digit_count")

    def bind_same_unit(rows):
        # binds "48,600 ha"-"46,800 ha" and "486 km²"-"468 km²", never across units:
        # two groups, which only the merge in base units makes one flag
        return [1.0 if row[same_digits] == 1.0 else 0.0 for row in rows]

    (flag,) = run(texts, scorer=bind_same_unit, threshold=0.5).discrepancies
    assert {c.text for c in flag.claims} == {"468 km²", "46,800 hectares", "486 km²", "48,600 hectares"}
    assert len(flag.values) == 2


def _floors_only(rows):
    """A scorer that binds nothing: what is flagged comes from the engine's own rules."""
    return [0.0] * len(rows)


COUNTED = "Over the years, the Orland trust has supported 212 local projects worth over 14 million euros.\n"


@pytest.mark.parametrize(
    ("other", "flagged", "why"),
    [
        ("The Orland trust has financed 224 community projects since 2001, totalling €14.3 million.\n",
         True, "the same noun counted, close counts, the money beside them agrees"),
        ("The Orland trust has financed 224 community projects since 2001, totalling €9.1 million.\n",
         False, "the money beside them differs: perhaps another programme"),
        ("The Orland trust has financed 224 community schools since 2001, totalling €14.3 million.\n",
         False, "another noun is counted"),
        ("The Orland trust has financed 410 community projects since 2001, totalling €14.3 million.\n",
         False, "counts too far apart to be one figure drifting"),
        ("The Orland trust has financed 224 community projects in 2019, more than in 2018.\n",
         False, "years beside them prove nothing: every text has years"),
    ],
)
def test_counts_beside_an_agreeing_amount_are_one_fact(other, flagged, why):
    result = run({"a.txt": COUNTED, "b.txt": other}, scorer=_floors_only, threshold=0.975)
    assert bool(result.discrepancies) is flagged, why
    if flagged:
        (flag,) = result.discrepancies
        assert sorted(flag.values) == ["212", "224"]
        # the scale of the amounts beside them ("million") names nothing: not in the label
        assert flag.fact == "number: orland projects trust"
        assert flag.explanation == ("the sentences speak of orland, projects, trust and agree on the amount beside it "
                                    "(over 14 million euros / €14.3 million); a.txt says 212; b.txt says 224")


def test_counts_beside_an_agreeing_amount_in_one_document_are_left_to_the_model():
    text = COUNTED + "\nElsewhere: the Orland trust has financed 224 community projects, totalling €14.3 million.\n"
    assert run({"a.txt": text}, scorer=_floors_only, threshold=0.975).discrepancies == ()



ARCHIVE = {
    "courier.txt": (
        "Harlow news\n\nThe Harlow Bridge opened to traffic in 1992 after three years of work. It cost "
        "$41.7 million and carries 18,000 vehicles a day. The council employs 412 staff, and 96 of them "
        "work on roads. In 2019 the town had 23,400 residents.\n"),
    "gazette.txt": (
        "The Harlow Bridge opened to traffic in 1993 after three years of work. The bridge cost $41.7 "
        "million. About 18,000 vehicles cross it each day. The town's museum holds 6,850 objects, and "
        "its library lent 120,000 books in 2023.\n"),
    "weekly.txt": (
        "Harlow's council, with 412 staff, approved a budget of $88 million on 4 March 2024. The "
        "bridge, opened in 1992, is 1,240 metres long; the river is 86 km long. Turnout was 61.5%.\n"),
}


@pytest.mark.parametrize("second_bound_after", [0, 10**9])
def test_pairs_the_model_cannot_bind_are_never_weighed_and_the_result_is_the_same(monkeypatch, second_bound_after):
    from reconcile import engine
    from reconcile.pairmodel import load_default_model

    monkeypatch.setattr(engine, "SECOND_BOUND_AFTER", second_bound_after)
    monkeypatch.setattr(load_default_model(), "_tables", {})  # as in a fresh process

    model = load_default_model()
    # a plain function is not the model's own method: every pair is weighed in full
    full = run(ARCHIVE, scorer=lambda rows: model.predict_proba(rows), threshold=model.threshold)
    counted = {"cheap": 0, "middle": 0, "dear": 0}
    cheap, middle, dear = engine.cheap_pair_rows_of_parts, engine.middle_pair_features, engine.dear_pair_features

    def count(name, function, pairs_of):
        def counting(*args):
            counted[name] += pairs_of(args)
            return function(*args)
        return counting

    monkeypatch.setattr(engine, "cheap_pair_rows_of_parts",
                        count("cheap", cheap, lambda args: sum(len(pairs) for _, pairs, _ in args[0])))
    monkeypatch.setattr(engine, "middle_pair_features", count("middle", middle, lambda args: 1))
    monkeypatch.setattr(engine, "dear_pair_features", count("dear", dear, lambda args: 1))
    pruned = run(ARCHIVE)
    assert pruned == full
    assert [sorted(d.values) for d in pruned.discrepancies] == [["1992", "1993"]]
    assert 0 < counted["middle"] < counted["cheap"] / 2  # most pairs are settled by their cheap features
    if second_bound_after:  # a check of a few documents: every weighed pair is weighed in full
        assert counted["dear"] == counted["middle"]
    else:  # some are settled by their word overlaps
        assert 0 < counted["dear"] < counted["middle"]


def test_a_corpus_is_reconciled_alike_with_and_without_the_bound():
    from pathlib import Path

    from reconcile.pairmodel import load_default_model

    docs = sorted((Path(__file__).parents[1] / "corpora" / "airport" / "docs").glob("*.txt"))
    texts = {path.name: path.read_text(encoding="utf-8") for path in docs}
    model = load_default_model()
    pruned = run(texts)
    assert pruned == run(texts, scorer=lambda rows: model.predict_proba(rows), threshold=model.threshold)
    assert pruned.discrepancies  # the corpus has planted conflicts


@pytest.mark.parametrize(
    ("sizes", "batches"),
    [
        ([], []),
        ([5], [[0]]),
        ([1500, 400, 100, 50], [[0, 1, 2], [3]]),  # a batch closes once it holds 2,000 claims
        ([2500, 10, 10], [[0], [1, 2]]),  # a larger part goes alone
        ([900, 900, 900, 900], [[0, 1, 2], [3]]),
    ],
)
def test_parts_go_in_batches_of_claims(sizes, batches):
    from reconcile import engine

    assert engine.PART_BATCH_CLAIMS == 2_000
    assert engine._batches(list(range(len(sizes))), dict(enumerate(sizes))) == batches


@pytest.mark.parametrize("scoring_batch", [1, 3, 7, 20_000])
def test_parts_scored_together_give_each_part_its_own_result(monkeypatch, scoring_batch):
    from reconcile import engine
    from reconcile.engine import Config
    from reconcile.pairmodel import load_default_model

    model = load_default_model()
    # corpora of several sizes, each reconciled as if alone
    parts = [[c for doc, text in texts.items() for c in extract_claims(text, doc=doc)]
             for texts in (ARCHIVE, BRIDGE, *({doc: text} for doc, text in ARCHIVE.items()), {**ARCHIVE, **BRIDGE})]
    # each part alone, every pair weighed in full (a plain function is not the model's method)
    alone = [engine._reconcile_parts([part], Config(), lambda rows: model.predict_proba(rows), model.threshold)[0]
             for part in parts]
    # small batches: parts scored in groups, the larger ones alone and batch by batch
    monkeypatch.setattr(engine, "SCORING_BATCH", scoring_batch)
    together = engine._reconcile_parts(parts, Config(), model.predict_proba, model.threshold)
    assert together == alone
    assert any(result.discrepancies for result in together)


def test_a_scorer_is_never_asked_about_no_pairs():
    from reconcile.pairmodel import load_default_model

    model = load_default_model()

    def strict(rows):  # as scikit-learn's predict_proba, which refuses an empty table
        assert len(rows), "asked about no pairs"
        return model.predict_proba(rows)

    # a corpus with pairs, another with a single claim, and one with claims but no pair
    assert run(BRIDGE, scorer=strict, threshold=model.threshold).discrepancies
    assert run({"a.txt": "The bridge opened in 1992.\n"}, scorer=strict, threshold=model.threshold).discrepancies == ()
    assert run({"a.txt": "It cost $4 million and has 12 lamps.\n"}, scorer=strict,
               threshold=model.threshold).discrepancies == ()


def test_reconciling_leaves_no_reference_cycles():
    # the collector is paused while reconciling (an archive's million claims would be
    # walked again and again): what it makes must die by reference counting alone
    import gc

    texts = {**ARCHIVE, **BRIDGE}
    assert run(texts).discrepancies  # the caches filled
    gc.collect()
    assert gc.isenabled()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)  # what a collection finds stays in gc.garbage, to be read
    try:
        flagged = run(texts)
        gc.collect()
        # only this project's objects count: a thread another test left (a Dask client's)
        # may leave garbage of its own at any time
        ours = sorted({type(o).__qualname__ for o in gc.garbage
                       if type(o).__module__.split(".")[0] in ("claims", "reconcile", "reports")})
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert ours == []
    assert flagged.discrepancies and gc.isenabled()
