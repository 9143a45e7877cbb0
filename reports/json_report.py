"""The JSON report: the machine contract ``reconcile/report@1``.

Fixed fields (others may be added, never removed or renamed)::

    {"schema": "reconcile/report@1",
     "documents": [{"id", "sha256"}],
     "claims": [{"id", "doc", "start", "end", "text", "kind", "value", "low", "high",
                 "unit", "sentence"}],
     "discrepancies": [{"id", "fact", "class", "claims": [claim ids], "values",
                        "explanation", "confidence", "review": {"state", ...}}]}

Output is deterministic: lists are sorted and keys are written in a fixed order, so two
runs over the same inputs give byte-identical files.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import sys
from collections.abc import Sequence
from importlib import resources
from json.encoder import encode_basestring
from typing import Protocol

from claims import Claim
from claims.table import ClaimTable
from reconcile.model import SCHEMA, Decision, Discrepancy, Fact, Report, Review


def claim_to_dict(claim: Claim) -> dict:
    """A claim in the report's form."""
    return {
        "id": claim.id,
        "doc": claim.doc,
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "kind": claim.kind,
        "value": claim.value,
        "low": claim.low,
        "high": claim.high,
        "unit": claim.unit,
        "qualifier": claim.qualifier,
        "precision": claim.precision,
        "noun": claim.noun,
        "sentence": claim.sentence,
        "sentence_start": claim.sentence_start,
        "line": claim.line,
        "column": claim.column,
    }


def decision_to_dict(decision: Decision) -> dict:
    """A decision as shown inside a report's ``review``."""
    return {
        "fingerprint": decision.fingerprint,
        "verdict": decision.verdict,
        "by": decision.by,
        "at": decision.at,
        "note": decision.note,
        "value": decision.value,
        "fact": decision.fact,
        "fact_key": decision.fact_key,
        "values": list(decision.values),
    }


def review_to_dict(review: Review) -> dict:
    """The ``review`` object of a discrepancy."""
    data: dict = {"state": review.state}
    if review.decision is not None:
        d = review.decision
        data.update({"by": d.by, "at": d.at, "note": d.note, "value": d.value})
    if review.earlier:
        data["earlier"] = [decision_to_dict(d) for d in review.earlier]
    return data


def discrepancy_to_dict(discrepancy: Discrepancy, review: Review) -> dict:
    """A discrepancy in the report's form."""
    return {
        "id": discrepancy.id,
        "fact": discrepancy.fact,
        "fact_key": discrepancy.fact_key,
        "class": discrepancy.klass,
        "claims": list(discrepancy.claim_ids),
        "documents": list(discrepancy.documents),
        "values": list(discrepancy.values),
        "sides": [list(side) for side in discrepancy.sides],
        "explanation": discrepancy.explanation,
        "confidence": round(discrepancy.confidence, 3),
        "review": review_to_dict(review),
    }


def fact_to_dict(fact: Fact) -> dict:
    """An agreeing or compatible group, reported as a fact (never a flag)."""
    return {
        "key": fact.key,
        "fact": fact.label,
        "class": fact.klass,
        "claims": list(fact.claim_ids),
        "values": list(fact.values),
        "explanation": fact.explanation,
        "confidence": round(fact.confidence, 3),
    }


def report_to_dict(report: Report) -> dict:
    """The whole report as a JSON-ready dict (the ``reconcile/report@1`` contract)."""
    data = _report_without_claims(report)
    data["claims"] = [claim_to_dict(c) for c in sorted(report.claims, key=lambda c: (c.doc, c.start, c.end))]
    return {key: data[key] for key in _KEYS}


_KEYS = ("schema", "summary", "documents", "claims", "discrepancies", "facts", "warnings")


def _sorted_discrepancies(report: Report) -> list[Discrepancy]:
    return sorted(report.discrepancies, key=lambda d: d.id)


def _sorted_facts(report: Report) -> list[Fact]:
    return sorted(report.facts, key=lambda f: (f.key, f.claim_ids[0]))


def _report_without_claims(report: Report, *, records: bool = True) -> dict:
    """The report's dict without its claims (and, without ``records``, without its
    discrepancies and facts, which :func:`render_json` writes itself)."""
    discrepancies = _sorted_discrepancies(report)
    states = [report.review_of(d).state for d in discrepancies]
    return {
        "schema": SCHEMA,
        "summary": {
            "documents": len(report.documents),
            "claims": len(report.claims),
            "discrepancies": len(discrepancies),
            "unreviewed": states.count("unreviewed"),
            "confirmed": states.count("confirmed"),
            "dismissed": states.count("dismissed"),
            "facts": len(report.facts),
        },
        "documents": [{"id": d.id, "sha256": d.sha256, "date": d.date}
                      for d in sorted(report.documents, key=lambda d: d.id)],
        "discrepancies": [discrepancy_to_dict(d, report.review_of(d)) for d in discrepancies] if records else None,
        "facts": [fact_to_dict(f) for f in _sorted_facts(report)] if records else None,
        "warnings": list(report.warnings),
    }


class FragmentStore(Protocol):
    """Where the JSON text of each document's claims is kept between runs.

    The caller binds each document id to what determines its claims (content hash,
    extractor) and to :func:`fragment_format`; a text it gives back must be the one put.
    """

    def get(self, doc: str) -> str | None: ...

    def put(self, doc: str, text: str) -> None: ...


@functools.lru_cache(maxsize=1)
def fragment_format() -> str:
    """What a stored fragment's text depends on besides the claims: this module's code, the
    claim record's (its fields and id) and the claim table's (their order), and the version
    of Python (its ``json``)."""
    digest = hashlib.sha256(sys.version.encode() + b"\0")
    digest.update(resources.files("reports").joinpath("json_report.py").read_bytes())
    for name in ("model.py", "table.py"):  # a claim's fields and id; the order of a document's claims
        digest.update(b"\0" + resources.files("claims").joinpath(name).read_bytes())
    return digest.hexdigest()


def _claims_json(claims: Sequence[Claim], fragments: FragmentStore | None) -> list[str]:
    """The report's ``claims`` list at nesting level 1, a document at a time, as pieces of text.

    Each document's part is the text its claims have in the whole list (so the parts join
    with commas into the list :func:`pretty_json` writes); with ``fragments``, a part
    stored by an earlier run is used as it is.  The pieces are joined once, with the rest of
    the report: on an archive they are most of a hundred megabytes.
    """
    if isinstance(claims, ClaimTable):
        documents = claims.counts()
        claims_of = claims.of
    else:
        by_doc: dict[str, list[Claim]] = {}
        for claim in sorted(claims, key=lambda c: (c.doc, c.start, c.end)):
            by_doc.setdefault(claim.doc, []).append(claim)
        documents = [(doc, len(doc_claims)) for doc, doc_claims in by_doc.items()]
        claims_of = by_doc.__getitem__
    pieces = ["["]
    for doc, count in documents:
        if not count:
            continue
        part = fragments.get(doc) if fragments is not None else None
        if part is None:
            part = _flat_dicts([claim_to_dict(c) for c in claims_of(doc)], 2, 1)[1:-len(_LIST_END)]
            if fragments is not None:
                fragments.put(doc, part)
        if len(pieces) > 1:
            pieces.append(",")
        pieces.append(part)
    if len(pieces) == 1:
        return ["[]"]
    pieces.append(_LIST_END)
    return pieces


_LIST_END = "\n  ]"


def render_json(report: Report, *, fragments: FragmentStore | None = None) -> str:
    """The report as pretty-printed JSON with a trailing newline.

    Args:
        report: The report.
        fragments: Keeps each document's claims as JSON text: on an archive, most of the
            report is the claims of documents that did not change since the last run.
    """
    data = _report_without_claims(report, records=False)
    pieces = ["{"]
    for key in _KEYS:
        pieces.append(("\n  " if key == _KEYS[0] else ",\n  ") + encode_basestring(key) + ": ")
        if key == "claims":
            pieces.extend(_claims_json(report.claims, fragments))
        elif key == "facts":
            pieces.append(_list_json([_fact_json(f) for f in _sorted_facts(report)]))
        elif key == "discrepancies":
            pieces.append(_list_json([_discrepancy_json(d, report.review_of(d)) for d in _sorted_discrepancies(report)]))
        else:
            pieces.append(pretty_json(data[key], _level=1))
    pieces.append("\n}\n")
    return "".join(pieces)


# The report's discrepancies and facts (tens of thousands on an archive) are written by
# these two, the text pretty_json gives their dicts (tested against it), without building
# the dicts or walking them.
_MEMBER = "\n      "
_ITEM = "\n        "


def _list_json(items: list[str]) -> str:
    return "[\n    " + ",\n    ".join(items) + "\n  ]" if items else "[]"


def _strings_json(values: Sequence[object]) -> str:
    if not values:
        return "[]"
    if _STR_ONLY.issuperset(map(type, values)):
        return "[" + _ITEM + ("," + _ITEM).join(map(encode_basestring, values)) + _MEMBER + "]"
    return pretty_json(list(values), _level=3)


_SIDE_ITEM = "\n          "


def _side_json(side: Sequence[object]) -> str:
    if side and _STR_ONLY.issuperset(map(type, side)):
        return "[" + _SIDE_ITEM + ("," + _SIDE_ITEM).join(map(encode_basestring, side)) + _ITEM + "]"
    return pretty_json(list(side), _level=4)


def _text(value: object) -> str:
    return encode_basestring(value) if type(value) is str else pretty_json(value, _level=3)


def _object_json(members: Sequence[tuple[str, str]]) -> str:
    """A dict of the report's lists (level 2) from its keys and its values' JSON text."""
    return "{" + _MEMBER + ("," + _MEMBER).join(f'"{key}": {text}' for key, text in members) + "\n    }"


def _fact_json(fact: Fact) -> str:
    return _object_json((
        ("key", _text(fact.key)),
        ("fact", _text(fact.label)),
        ("class", _text(fact.klass)),
        ("claims", _strings_json(fact.claim_ids)),
        ("values", _strings_json(fact.values)),
        ("explanation", _text(fact.explanation)),
        ("confidence", _scalar(round(fact.confidence, 3))),
    ))


def _discrepancy_json(discrepancy: Discrepancy, review: Review) -> str:
    d = discrepancy
    if d.sides:
        sides = "[" + _ITEM + ("," + _ITEM).join(_side_json(side) for side in d.sides) + _MEMBER + "]"
    else:
        sides = "[]"
    if review.decision is None and not review.earlier and type(review.state) is str:
        review_text = "{" + _ITEM + '"state": ' + encode_basestring(review.state) + _MEMBER + "}"
    else:
        review_text = pretty_json(review_to_dict(review), _level=3)
    return _object_json((
        ("id", _text(d.id)),
        ("fact", _text(d.fact)),
        ("fact_key", _text(d.fact_key)),
        ("class", _text(d.klass)),
        ("claims", _strings_json(d.claim_ids)),
        ("documents", _strings_json(d.documents)),
        ("values", _strings_json(d.values)),
        ("sides", sides),
        ("explanation", _text(d.explanation)),
        ("confidence", _scalar(round(d.confidence, 3))),
        ("review", review_text),
    ))


_SCALAR_TYPES = frozenset({str, int, float, bool, type(None)})
_STR_ONLY = frozenset({str})


@functools.lru_cache(maxsize=64)
def _flat_encoder(indent: int, level: int) -> json.JSONEncoder:
    """An encoder whose item separator is the line break and indentation of ``level + 1``."""
    return json.JSONEncoder(ensure_ascii=False, separators=(",\n" + " " * (indent * (level + 1)), ": "))


def _flat_dicts(items: list | tuple, indent: int, level: int) -> str:
    """A list of non-empty dicts of scalars (the report's claims), in one call of the C encoder.

    Encoded with the separator of the dicts' own items, the text differs from the indented
    one only where a dict begins or ends: a ``}`` followed by a comma and a line break is
    always the end of one (a JSON string holds no raw line break, and no scalar ends in
    ``}``), so those places are put right by replacing text.
    """
    item_indent = "\n" + " " * (indent * (level + 1))
    member_indent = "\n" + " " * (indent * (level + 2))
    text = _flat_encoder(indent, level + 1).encode(items)  # '[{"a": 1,<member_indent>"b": 2},<member_indent>{...}]'
    text = text.replace("}," + member_indent + "{", item_indent + "}," + item_indent + "{" + member_indent)
    return ("[" + item_indent + "{" + member_indent + text[2:-2] + item_indent + "}"
            + "\n" + " " * (indent * level) + "]")


def _scalar(value: object) -> str:
    """A JSON scalar as ``json`` writes it (without building an encoder for each one)."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if type(value) is int:
        return int.__repr__(value)
    if type(value) is float:
        if value != value:
            return "NaN"
        if value in (math.inf, -math.inf):
            return "Infinity" if value > 0 else "-Infinity"
        return float.__repr__(value)
    if type(value) is str:
        return encode_basestring(value)
    return json.dumps(value, ensure_ascii=False)  # a subclass (a NumPy float, an enum): as json writes it


def _records(items: list | tuple, indent: int, level: int) -> str:
    """A list of dicts with string keys (the report's discrepancies and facts), in a tight loop:
    scalars and lists of scalars are written by the C encoder, anything else by :func:`pretty_json`."""
    item_indent = "\n" + " " * (indent * (level + 1))
    member_indent = "\n" + " " * (indent * (level + 2))
    member_join = "," + member_indent
    value_indent = "\n" + " " * (indent * (level + 3))
    value_join = "," + value_indent
    encode = _flat_encoder(indent, level + 2).encode  # list items one level below the members
    texts = []
    for item in items:
        if not item:
            texts.append("{}")
            continue
        members = []
        for key, value in item.items():
            kind = type(value)
            if kind is str:
                text = encode_basestring(value)
            elif kind in _SCALAR_TYPES:
                text = _scalar(value)
            elif (kind is list or kind is tuple) and value and _STR_ONLY.issuperset(map(type, value)):
                text = "[" + value_indent + value_join.join(map(encode_basestring, value)) + member_indent + "]"
            elif (kind is list or kind is tuple) and value and _SCALAR_TYPES.issuperset(map(type, value)):
                text = "[" + value_indent + encode(value)[1:-1] + member_indent + "]"
            else:
                text = pretty_json(value, indent=indent, _level=level + 2)
            members.append(encode_basestring(key) + ": " + text)
        texts.append("{" + member_indent + member_join.join(members) + item_indent + "}")
    return "[" + item_indent + ("," + item_indent).join(texts) + "\n" + " " * (indent * level) + "]"


def pretty_json(data: object, *, indent: int = 2, _level: int = 0) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=indent)``, the same text, faster.

    With ``indent``, Python's ``json`` encodes in pure Python: on an archive most of a warm
    check went to writing its report (8 s of 20 at 10,000 documents).  Here a dict or list
    whose members are all plain scalars (a claim, a list of ids) is encoded by the C
    encoder with the line break and indentation as its item separator (a JSON string never
    holds a raw line break), and only the nesting above them is walked in Python.
    """
    inner = "\n" + " " * (indent * (_level + 1))
    outer = "\n" + " " * (indent * _level)
    kind = type(data)
    if kind is dict:
        if not data:
            return "{}"
        if not _STR_ONLY.issuperset(map(type, data)):  # json's own key rules (None -> "null")
            return json.dumps(data, ensure_ascii=False, indent=indent).replace("\n", outer)
        if _SCALAR_TYPES.issuperset(map(type, data.values())):
            flat = _flat_encoder(indent, _level).encode(data)
            return "{" + inner + flat[1:-1] + outer + "}"
        return "{" + inner + ("," + inner).join(
            encode_basestring(key) + ": " + pretty_json(value, indent=indent, _level=_level + 1)
            for key, value in data.items()) + outer + "}"
    if kind is list or kind is tuple:
        if not data:
            return "[]"
        if _SCALAR_TYPES.issuperset(map(type, data)):
            flat = _flat_encoder(indent, _level).encode(data)
            return "[" + inner + flat[1:-1] + outer + "]"
        if all(type(item) is dict and _STR_ONLY.issuperset(map(type, item)) for item in data):
            if all(item and _SCALAR_TYPES.issuperset(map(type, item.values())) for item in data):
                return _flat_dicts(data, indent, _level)
            return _records(data, indent, _level)
        return "[" + inner + ("," + inner).join(
            pretty_json(value, indent=indent, _level=_level + 1) for value in data) + outer + "]"
    if kind in _SCALAR_TYPES:
        return _scalar(data)
    return json.dumps(data, ensure_ascii=False, indent=indent).replace("\n", outer)


def render_json_format(report: Report, *, fragments: FragmentStore | None = None, **_options) -> str:
    """The ``--format json`` renderer (options such as colour do not apply)."""
    return render_json(report, fragments=fragments)
