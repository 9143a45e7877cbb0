"""The report's JSON writer gives json.dumps(..., indent=2) text, byte for byte."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from reports.json_report import pretty_json

SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
                    st.text(alphabet=st.sampled_from('ab}{[],:" \\\n\t\u2028é€\x00'), max_size=8))
JSON = st.recursive(SCALARS, lambda children: st.one_of(
    st.lists(children, max_size=4),
    st.dictionaries(st.text(alphabet=st.sampled_from('ab}{,:"\n'), max_size=4), children, max_size=4),
    # lists of flat dicts: the shape of the report's claims, written in one call of the C encoder
    st.lists(st.dictionaries(st.text(alphabet="ab}", max_size=3), SCALARS, max_size=4), max_size=4),
), max_leaves=30)


@settings(max_examples=500, deadline=None)
@given(JSON)
def test_pretty_json_is_json_dumps_with_indent(data):
    assert pretty_json(data) == json.dumps(data, ensure_ascii=False, indent=2)


def test_keys_that_are_not_strings_follow_jsons_rules():
    data = {"outer": {None: [1], 2.5: {"x": 1}, True: [], 3: "three"}, "list": [{1: [2]}]}
    assert pretty_json(data) == json.dumps(data, ensure_ascii=False, indent=2)


TEXTS = st.text(alphabet=st.sampled_from('ab}{[],:" \\\n\t\u2028é€'), max_size=6)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a.txt", "b}.txt", "c\n.txt", "é.txt"]), st.integers(0, 99), TEXTS,
                          st.one_of(st.none(), st.integers(), st.floats(allow_nan=False), TEXTS)), max_size=12))
def test_claims_written_a_document_at_a_time_join_into_the_same_text(rows):
    from claims import Claim
    from reconcile.model import Report
    from reports.json_report import render_json, report_to_dict

    class Store(dict):
        def get(self, doc):
            return dict.get(self, doc)

        def put(self, doc, text):
            self[doc] = text

    claims = tuple(Claim(doc=doc, start=start, end=start + len(text), text=text, kind="count", value=value,
                         low=None, high=None, unit=None, qualifier=None, sentence=text, sentence_start=0)
                   for doc, start, text, value in rows)
    report = Report(documents=(), claims=claims, discrepancies=())
    expected = json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"
    store = Store()
    assert render_json(report, fragments=store) == expected
    assert render_json(report, fragments=store) == expected  # from the stored texts


IDS = st.lists(TEXTS, max_size=3).map(tuple)


@settings(max_examples=300, deadline=None)
@given(facts=st.lists(st.builds(
           lambda key, label, klass, ids, values, explanation, confidence: (key, label, klass, ids, values,
                                                                              explanation, confidence),
           TEXTS, TEXTS, TEXTS, st.lists(TEXTS, min_size=1, max_size=3).map(tuple), IDS, TEXTS,
           st.one_of(st.floats(0, 1), st.integers(0, 1))), max_size=4),
       flags=st.lists(st.tuples(TEXTS, TEXTS, TEXTS, IDS, st.lists(IDS, max_size=3).map(tuple),
                                st.floats(0, 1), st.booleans(), st.booleans()), max_size=4))
def test_discrepancies_and_facts_are_written_as_their_dicts_are(facts, flags):
    from claims import Claim
    from reconcile.model import Decision, Discrepancy, Fact, Report, Review
    from reports.json_report import render_json, report_to_dict

    def claim(doc: str, start: int) -> Claim:
        return Claim(doc=doc, start=start, end=start + 1, text="1", kind="count", value=1, low=1, high=1,
                     unit=None, qualifier=None, sentence="1", sentence_start=0)

    fact_records = tuple(Fact(*fields) for fields in facts)
    discrepancies, reviews = [], {}
    for k, (fact, label, explanation, values, sides, confidence, decided, earlier) in enumerate(flags):
        flag = Discrepancy(f"id{k}{fact}", label, fact, "conflict", (claim(fact or "d", k), claim("e", k)), values, sides,
                           explanation, confidence)
        discrepancies.append(flag)
        decision = Decision(flag.id, "dismissed", "ann", "2026-11-24T10:00:00Z", note=label, value=fact or None,
                            fact=label, fact_key=fact, values=values)
        reviews[flag.id] = Review("dismissed" if decided else "unreviewed", decision if decided else None,
                                  (decision,) if earlier else ())
    report = Report(documents=(), claims=(), discrepancies=tuple(discrepancies), facts=fact_records, reviews=reviews)
    assert render_json(report) == json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"
