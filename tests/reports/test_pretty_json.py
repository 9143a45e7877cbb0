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
