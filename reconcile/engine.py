"""Group claims into facts and flag the facts whose values cannot all be true.

1. Bind every claim to its context (:mod:`reconcile.features`) and block claims by kind
   and unit: a year is never compared with a count, euros never with dollars.
2. Within a block, take the pairs whose values are incompatible as intervals and that
   share at least one binding word (the measured noun, a table row label, a rare word of
   their windows); score each with the pair model (P: both state the same fact).
   Two dates of one beginning of one subject ("the two towns established twinning links
   on 12 May 1987", "Twinning ties: established in 1988") are bound by rule, whatever the
   model says (:mod:`reconcile.origins`).
3. Join the confident pairs into groups; one group is one fact, one flag.
4. Split each group into sides (claims whose values agree), class it (``conflict`` or
   ``possible_update`` when the claims carry different reference times or the quantity is
   cumulative and the documents are of different dates), explain it, fingerprint it.
5. Separately, gather restatements that agree into facts (``agree``/``compatible``),
   reported for information and never flagged.

An archive (hundreds of documents about many subjects) is first cut into the documents
about one subject each (:func:`subject_partitions`), and each part is reconciled as the
folders the pair model learnt from: word rarity and how often a value is repeated are
read among the documents about the same thing.
"""

from __future__ import annotations

import gc
import hashlib
import math
import multiprocessing
import sys
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
from rapidfuzz import fuzz

from claims import Claim
from claims.table import ClaimTable

from . import memo, values
from .anniversaries import AnniversaryFinding, anniversary_findings
from .arithmetic import ConversionFinding, SumFinding, conversion_findings, sum_findings
from .config import Config
from .features import (
    COSTLY_COLUMNS,
    DEAR_COLUMNS,
    EVENT_WORDS,
    SCALE_STEMS,
    ClaimContext,
    DocumentSummary,
    build_contexts,
    cheap_pair_rows_of_parts,
    corroboration,
    dear_pair_features,
    digit_slip,
    doc_dates,
    document_subjects,
    middle_pair_features,
    name_mentions,
    pair_feature_rows,
    shared_words,
    subjects_of,
    summarize_document,
    value_neighbours,
    vetoed,
)
from .memo import ResultStore
from .model import Discrepancy, Fact
from .origins import OriginClaim, origin_pairs
from .text import Idf

if TYPE_CHECKING:  # the model is loaded only when a check needs it
    from .pairmodel import TreeEnsemble

Scorer = Callable[[list[list[float]]], np.ndarray]

#: Blocks up to this size are scored pair by pair; larger ones only where binding words are shared.
ALL_PAIRS_BLOCK = 400
#: In a large block, a binding word shared by more claims than this binds nothing on its own
#: (in a newsroom archive "minister" or "bridge" is shared by thousands of claims).
MAX_KEY_MEMBERS = 48
#: In a large block, each claim is paired with at most this many others: those sharing the
#: rarest binding words.  This keeps the pairs, and the time, linear in the claims.
CANDIDATES_PER_CLAIM = 8
#: In a large block, claims measuring one thing in documents about one subject are all paired,
#: up to this many of them (:func:`_subject_pairs`).
MAX_SUBJECT_GROUP = 48
#: Pairs scored at once; only those at or above the threshold are kept, so memory stays flat.
SCORING_BATCH = 20000

@dataclass(frozen=True)
class Reconciliation:
    """What :func:`reconcile` found."""

    discrepancies: tuple[Discrepancy, ...]
    facts: tuple[Fact, ...]

    def to_frame(self):
        """The discrepancies as a pandas DataFrame (one row per claim of each, with its side)."""
        from .frames import discrepancies_frame

        return discrepancies_frame(self.discrepancies)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def joined(self, a: int, b: int) -> bool:
        """Are ``a`` and ``b`` in one group already?  (Unlike :meth:`find`, adds neither.)"""
        return a in self.parent and b in self.parent and self.find(a) == self.find(b)

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for x in self.parent:
            out[self.find(x)].append(x)
        return [sorted(v) for v in out.values()]


def binding_keys(ctx: ClaimContext, idf: Idf, *, per_claim: int = 6) -> set[str]:
    """Words that can bind a claim to another: noun, row label, rarest window words."""
    keys = set(ctx.noun) | set(ctx.row)
    window = set(ctx.left) | set(ctx.right)
    keys.update(sorted(window, key=lambda t: (-idf(t), t))[:per_claim])
    if ctx.claim.kind == "date":
        keys.update(sorted(ctx.prev | ctx.heading, key=lambda t: (-idf(t), t))[:3])
    return keys


#: Pairs the engine's rules bind, by claim index, with the origins that bind them.
BoundPairs = dict[tuple[int, int], tuple[OriginClaim, OriginClaim]]


def _span(claim: Claim) -> tuple[str, int, int]:
    """What tells a claim from the others of a scan, as its id does (without making the string)."""
    return claim.doc, claim.start, claim.end


def rule_pairs(claims: Sequence[Claim], contexts: Sequence[ClaimContext | None]) -> BoundPairs:
    """Pairs bound by rule: dates of the same beginning of the same subject (:mod:`reconcile.origins`).

    Args:
        claims: Every claim, in the order of ``contexts``.
        contexts: Their contexts (``None`` for claims that are never compared).
    """
    index = {_span(c): i for i, c in enumerate(claims)}
    bound: BoundPairs = {}
    for a, b in origin_pairs(claims):
        (i, first), (j, second) = sorted(((index[_span(a.claim)], a), (index[_span(b.claim)], b)), key=lambda t: t[0])
        ci, cj = contexts[i], contexts[j]
        if ci is None or cj is None or ci.block != cj.block or vetoed(ci, cj):
            continue
        bound[(i, j)] = (first, second)
    return bound


def candidate_pairs(contexts: Sequence[ClaimContext | None], idf: Idf, *,
                    bound: BoundPairs | None = None) -> list[tuple[int, int]]:
    """Pairs of one block, with incompatible values, that the pair model should score.

    The pairs the rules bind (``bound``, see :func:`rule_pairs`) are always among them.

    Small blocks give every such pair.  In a large block each claim meets only the claims
    that share its rarest binding words (an inverted index; words shared by too many claims
    are left out) or measure the same thing in documents about the same subject
    (:func:`document_subjects`), at most :data:`CANDIDATES_PER_CLAIM` of them, ranked by
    the IDF weight of what they share.
    """
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i, ctx in enumerate(contexts):
        if ctx is not None:
            blocks[ctx.block].append(i)
    pairs: set[tuple[int, int]] = set(bound or ())
    subjects: dict[str, tuple[str, ...]] | None = None
    for members in blocks.values():
        if len(members) <= ALL_PAIRS_BLOCK:
            # small blocks: every pair with incompatible values (the model decides)
            for x, y in values.incompatible_pairs([contexts[i].claim for i in members]):
                if not vetoed(contexts[members[x]], contexts[members[y]]):
                    pairs.add((members[x], members[y]))
            continue
        if subjects is None:
            subjects = document_subjects([c.claim for c in contexts if c is not None])
        pairs.update(_large_block_pairs(members, contexts, idf, subjects))
    return sorted(pairs)


def _large_block_pairs(members: Sequence[int], contexts: Sequence[ClaimContext | None],
                       idf: Idf, subjects: dict[str, tuple[str, ...]]) -> set[tuple[int, int]]:
    keys_of = {i: binding_keys(contexts[i], idf) for i in members}
    index: dict[str, list[int]] = defaultdict(list)
    for i in members:
        for key in keys_of[i]:
            index[key].append(i)
    weight = {key: idf(key) for key, owners in index.items() if 1 < len(owners) <= MAX_KEY_MEMBERS}
    pairs: set[tuple[int, int]] = set()
    for i in members:
        shared: dict[int, float] = defaultdict(float)
        for key in sorted(keys_of[i]):  # one order in every process: the sums are the same
            w = weight.get(key)
            if w is None:
                continue
            for j in index[key]:
                if j != i:
                    shared[j] += w
        ranked = sorted(shared.items(), key=lambda item: (-item[1], item[0]))
        taken = 0
        ci = contexts[i]
        for j, _ in ranked:
            cj = contexts[j]
            if (values.compatible(ci.claim, cj.claim) or vetoed(ci, cj)
                    or not _may_share_subject(ci.claim.doc, cj.claim.doc, subjects)):
                continue
            pairs.add((i, j) if i < j else (j, i))
            taken += 1
            if taken >= CANDIDATES_PER_CLAIM:
                break
    pairs.update(_subject_pairs(members, contexts, subjects))
    return pairs


def _may_share_subject(doc_a: str, doc_b: str, subjects: dict[str, tuple[str, ...]]) -> bool:
    """In an archive, two documents whose subject names (:func:`document_subjects`) are all
    different speak of different things: one template sentence ("The X Festival opened its
    gates on ...") said of two festivals is no restatement."""
    if doc_a == doc_b:
        return True
    names_a, names_b = subjects.get(doc_a, ()), subjects.get(doc_b, ())
    # the main name of one among the names of the other: "Festival" alone, the common noun
    # of two festivals' names, does not make them one subject
    return not names_a or not names_b or names_a[0] in names_b or names_b[0] in names_a


def _subject_pairs(members: Sequence[int], contexts: Sequence[ClaimContext | None],
                   subjects: dict[str, tuple[str, ...]]) -> set[tuple[int, int]]:
    """Pairs that measure the same thing in documents about the same subject.

    What a claim measures is its noun's head ("operations") or, for a date, the event words
    beside it ("opened"); documents share a subject when one of their subject names
    (:func:`document_subjects`) is the same.  Each such group of a large block is small
    (one subject's few restatements of one measure), and every incompatible pair of it
    is a candidate; groups of more than :data:`MAX_SUBJECT_GROUP` say too little and are left out.
    """
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in members:
        ctx = contexts[i]
        measured = {ctx.head} if ctx.head else {t for t in ctx.left + ctx.right if t in EVENT_WORDS}
        for what in measured:
            for name in subjects.get(ctx.claim.doc, ()):
                groups[(what, name)].append(i)
    pairs: set[tuple[int, int]] = set()
    for group in groups.values():
        if len(group) < 2 or len(group) > MAX_SUBJECT_GROUP or len({contexts[i].claim.doc for i in group}) < 2:
            continue
        for x in range(len(group)):
            cx = contexts[group[x]]
            for y in range(x + 1, len(group)):
                cy = contexts[group[y]]
                if (not values.compatible(cx.claim, cy.claim) and not vetoed(cx, cy)
                        and _may_share_subject(cx.claim.doc, cy.claim.doc, subjects)):
                    pairs.add((group[x], group[y]) if group[x] < group[y] else (group[y], group[x]))
    return pairs


#: Two sentences this alike (0-100, the numbers left out) restate one another.
RESTATEMENT_SIMILARITY = 90.0
#: The probability a pair bound by one of the engine's rules gets, whatever the model says.
RESTATEMENT_PROBABILITY = 0.99
#: Sentences with fewer content words than this (datelines, headings) say too little to be restatements.
RESTATEMENT_MIN_WORDS = 4


def rule_floor(contexts: Sequence[ClaimContext | None], pairs: Sequence[tuple[int, int]],
               probabilities: np.ndarray, *, bound: BoundPairs | None = None) -> np.ndarray:
    """Raise the pairs the engine's own rules bind, whatever the model says.

    A model trained on long, varied documents may see too little evidence in two short
    sentences; these rules do not leave the plainest conflicts to it (see
    :func:`_restated` and :func:`_agreeing_amounts`).  Both leave sentences of one
    document to the model (tables and lists repeat their wording on purpose).  The
    ``bound`` pairs (:func:`rule_pairs`) are raised too.
    """
    result = np.array(probabilities, dtype=float, copy=True)
    bound = bound or {}
    for k, (i, j) in enumerate(pairs):
        a, b = contexts[i], contexts[j]
        if (i, j) in bound or _restated(a, b) or _agreeing_amounts(a, b) is not None:
            result[k] = max(result[k], RESTATEMENT_PROBABILITY)
    return result


def _rule_bound(contexts: Sequence[ClaimContext | None], i: int, j: int) -> bool:
    """Do :func:`rule_floor`'s sentence rules bind claims ``i`` and ``j``?"""
    a, b = (contexts[i], contexts[j]) if i < j else (contexts[j], contexts[i])
    return _restated(a, b) or _agreeing_amounts(a, b) is not None


def _restated(a: ClaimContext, b: ClaimContext) -> bool:
    """Are the two sentences the same words around different numbers?

    "The Harlow Bridge opened to traffic on 2 September 1987" against "... on 12 September
    1987" in another document is the plainest conflict there is.
    """
    if a.claim.doc == b.claim.doc or a.is_table or b.is_table:
        return False
    if len(a.sent) < RESTATEMENT_MIN_WORDS or len(b.sent) < RESTATEMENT_MIN_WORDS:
        return False
    if _digits(a.bare_sentence) != _digits(b.bare_sentence):
        return False  # other numbers differ too: another record ("in 2019 ... 120,000" / "in 2023 ... 180,000")
    return fuzz.ratio(_normalized(a.bare_sentence), _normalized(b.bare_sentence)) >= RESTATEMENT_SIMILARITY


#: Two counts of one noun this close (relative difference) in sentences that agree on
#: another amount are one fact told twice (see :func:`_agreeing_amounts`).
CORROBORATED_DIFFERENCE = 0.2


def _agreeing_amounts(a: ClaimContext, b: ClaimContext) -> tuple[str, str] | None:
    """The amounts that make two counts of two documents one fact, or None.

    "212 local projects worth over 14 million euros" against "224 community projects ...
    totalling €14.3 million": the nouns counted are the same, the counts are close, and
    the money next to them agrees, which two different facts rarely do; the words around
    them ("local", "community") may still share too little for the model.  Over the
    development corpora this held for five pairs, all of them planted conflicts, and for
    no other pair.
    """
    if a.claim.doc == b.claim.doc or not a.neighbours or not b.neighbours:
        return None
    if a.head is None or a.head != b.head:
        return None
    if values.relative_difference(a.claim, b.claim) > CORROBORATED_DIFFERENCE:
        return None
    return corroboration(a, b)


# once per sentence, not at each of its pairs
@lru_cache(maxsize=1 << 14)
def _digits(sentence: str) -> str:
    return "".join(ch for ch in sentence if ch.isdigit())


@lru_cache(maxsize=1 << 14)
def _normalized(sentence: str) -> str:
    return " ".join(sentence.lower().split())


def _sides(claims: Sequence[Claim]) -> list[list[Claim]]:
    """Split claims into sides: each side's claims agree with its most precise claim."""
    ordered = sorted(claims, key=lambda c: (values.width(c), c.doc, c.start))
    sides: list[list[Claim]] = []
    for claim in ordered:
        for side in sides:
            if values.compatible(side[0], claim):
                side.append(claim)
                break
        else:
            sides.append([claim])
    for side in sides:
        side.sort(key=lambda c: (c.doc, c.start))
    sides.sort(key=lambda s: (s[0].doc, s[0].start))
    return sides


def _without_vague_restatements(sides: list[list[Claim]]) -> list[list[Claim]]:
    """Sides without the bounds and estimates that an exact claim of the flag already states,
    and without sides of limits alone.

    "about twenty-three thousand vehicles a day" beside "23,400" says nothing the exact figure
    does not, and it would fit a neighbouring value as well: listed on a side it makes the
    flag claim more than the documents do.  A side of bounds alone ("more than 14,000"
    against "12,400") keeps them: they are the conflict.
    """
    trimmed = []
    for side in sides:
        exact = [c for c in side if not values.is_vague(c)]
        trimmed.append([c for c in side if not (values.is_vague(c) and any(values.compatible(c, e) for e in exact))])
    # a side of limits alone ("consent for turbines not exceeding 270 metres", "expects to
    # employ up to 200 people") says what was allowed or planned: a measured value beyond it
    # is another fact (over the development corpora, every such flag was false)
    return [side for side in trimmed if side and not all(values.is_limit(c) for c in side)]


def fingerprint(block: tuple[str, ...], side_values: Sequence[str]) -> str:
    """The stable id of a discrepancy: its block and the set of its side values."""
    text = "|".join(block) + "||" + "|".join(sorted(side_values))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _label(ctxs: Sequence[ClaimContext], idf: Idf) -> str:
    """A short name of the fact: its kind and the rare words its claims share."""
    first = ctxs[0]
    counts: dict[str, int] = defaultdict(int)
    for ctx in ctxs:
        for token in set(ctx.noun) | set(ctx.left) | set(ctx.right) | ctx.row:
            counts[token] += 1
    shared = [t for t, n in counts.items() if n >= max(2, math.ceil(len(ctxs) / 2)) and t not in SCALE_STEMS]
    shared.sort(key=lambda t: (-idf(t), t))
    words = []
    for token in shared[:4]:
        word = next((c.surface[token] for c in ctxs if token in c.surface), token)
        if word not in words:
            words.append(word)
    kind = {"date": "date", "count": "number", "money": "amount", "percent": "share",
            "quantity": "quantity"}[first.claim.kind]
    return f"{kind}: {' '.join(words)}" if words else kind


def _bound_origins(edges: Sequence[tuple[int, int]], bound: BoundPairs) -> list[OriginClaim]:
    """The origins behind a group's rule-bound edges, the most fully named first."""
    found: dict[str, OriginClaim] = {}
    for edge in edges:
        for origin in bound.get(edge, ()):
            found[origin.claim.id] = origin
    return sorted(found.values(), key=lambda o: (o.via is not None, -len(o.subject), o.claim.doc, o.claim.start))


def _origin_about(origins: Sequence[OriginClaim]) -> str:
    """ "the sentences date the founding of the Orland Rowing Club (a.txt dates the event of “...”)"."""
    about = f"the sentences date the {origins[0].describe()}"
    lead_in = next((o for o in origins if o.via is not None), None)
    if lead_in is not None:
        anniversary = " ".join(lead_in.via.sentence.split())
        about += f" ({lead_in.claim.doc} dates the event of “{anniversary}”, in the sentence that follows it)"
    return about


def _explain(klass: str, sides: list[list[Claim]], ctx_of: dict[str, ClaimContext], idf: Idf,
             shared: list[str], agreeing: tuple[str, str] | None = None, *, about: str | None = None) -> str:
    if about is None:
        about = f"the sentences speak of {', '.join(shared)}" if shared else "the sentences state the same fact"
    if agreeing is not None:
        first, second = (" ".join(text.split()) for text in agreeing)
        about += (f" and agree on the amount beside it ({first}" + (f" / {second})" if second != first else ")"))
    parts = []
    for side in sides[:4]:
        docs = sorted({c.doc for c in side})
        where = docs[0] + (f" (+{len(docs) - 1} more)" if len(docs) > 1 else "")
        parts.append(f"{where} says {side[0].text.strip()!s}")
    says = "; ".join(parts)
    if klass == "possible_update":
        return (f"{about}; {says}; the values differ but the claims carry different reference times or "
                f"dates, so this may be an update rather than an error")
    return f"{about}; {says}"


def _possible_update(sides: list[list[Claim]], ctx_of: dict[str, ClaimContext]) -> bool:
    """Different explicit reference times, or a running total reported on different dates."""
    side_years = []
    side_dates = []
    cumulative = False
    for side in sides:
        years: set[int] = set()
        dates: set[str] = set()
        for c in side:
            ctx = ctx_of[c.id]
            years |= set(ctx.ref_years)
            if ctx.doc_date:
                dates.add(ctx.doc_date)
            cumulative = cumulative or ctx.cumulative
        side_years.append(years)
        side_dates.append(dates)
    if all(side_years) and not set.intersection(*side_years):
        return True
    if cumulative and all(side_dates) and not set.intersection(*side_dates):
        return True
    return False


def reconcile(claims: Sequence[Claim], *, config: Config | None = None, scorer: Scorer | None = None,
              threshold: float | None = None, store: ResultStore | None = None,
              doc_keys: Mapping[str, str] | None = None, extractor: str = "", jobs: int = 1,
              summaries: Mapping[str, DocumentSummary] | None = None) -> Reconciliation:
    """Group ``claims`` into facts and flag the facts whose values cannot all be true.

    Args:
        claims: Every claim of the corpus (any order), or a :class:`~claims.table.ClaimTable`
            (whose documents are read only for the parts not remembered in ``store``).
        config: Aliases and the confidence floor (default: :class:`Config` defaults).
        scorer: Turns feature rows into P(same fact); default: the shipped pair model.
        threshold: Pairs at or above this probability bind (default: the model's own).
        store: Where the result of each part is remembered (:mod:`reconcile.memo`); used
            only with the shipped model and its threshold, and with ``doc_keys``.
        doc_keys: Each document's content hash, which with ``extractor`` (the key of the
            extractor that made the claims) identifies its claims.
        extractor: See ``doc_keys``.
        jobs: Worker processes for the documents' summaries and the parts of an archive
            (the parts with the shipped model only; both where processes can be forked);
            the result is the same with any number.
        summaries: Each document's summary (:func:`document_summaries`), when already made.

    Returns:
        The discrepancies (flags) and the agreeing facts, both sorted.  An archive of at
        least :data:`PARTITION_MIN_DOCUMENTS` documents with a block too large to score pair
        by pair is reconciled subject by subject (:func:`subject_partitions`).
    """
    config = config or Config()
    shipped = scorer is None and threshold is None
    if not shipped:
        store = None  # a result is remembered for the shipped model only
    if scorer is None or threshold is None:
        from .pairmodel import load_default_model

        model = load_default_model()
        scorer = scorer or model.predict_proba
        threshold = model.threshold if threshold is None else threshold
    # Nothing reconciling makes holds a reference cycle once its part is done (see
    # _reconcile_parts): no collection need walk an archive's claims looking for one.
    with memo.collector_paused(freeze=False):
        return _reconcile_table(claims if isinstance(claims, ClaimTable) else ClaimTable.from_claims(claims),
                                config, scorer, threshold, store=store, doc_keys=doc_keys,
                                extractor=extractor, jobs=jobs, summaries=summaries, shipped=shipped)


def _reconcile_table(table: ClaimTable, config: Config, scorer: Scorer, threshold: float, *,
                     store: ResultStore | None, doc_keys: Mapping[str, str] | None, extractor: str, jobs: int,
                     summaries: Mapping[str, DocumentSummary] | None, shipped: bool) -> Reconciliation:
    """:func:`reconcile`, its options settled."""
    docs = [doc for doc in table.documents if table.count_of(doc)]
    part_docs = [docs]
    if len(docs) >= PARTITION_MIN_DOCUMENTS:
        if summaries is None:
            summaries = document_summaries(table, jobs=jobs)
        if _largest_block(summaries[doc] for doc in docs) > ALL_PAIRS_BLOCK:
            part_docs = _partition_documents(docs, {doc: summaries[doc].names for doc in docs})
    found: list[Reconciliation | None] = [None] * len(part_docs)
    keys: list[str | None] = [None] * len(part_docs)
    if store is not None and doc_keys is not None:
        keys = [memo.part_key(part, doc_keys, config=config, extractor=extractor) for part in part_docs]
        payloads = _get_results(store, [key for key in keys if key is not None])
        for k, key in enumerate(keys):
            remembered = memo.decode_result(payloads[key]) if key in payloads else None
            if remembered is not None:
                found[k] = Reconciliation(tuple(remembered[0]), tuple(remembered[1]))
    todo = [k for k in range(len(part_docs)) if found[k] is None]
    parts = {k: [claim for doc in part_docs[k] for claim in table.of(doc)] for k in todo}
    if shipped and jobs > 1 and len(todo) > 1 and sum(len(parts[k]) for k in todo) >= PARALLEL_MIN_CLAIMS \
            and _can_fork():
        try:
            forked = _reconcile_forked_parts([parts[k] for k in todo], config, threshold, jobs)
        except BrokenProcessPool:  # a worker died (out of memory, killed): the parts are redone here
            forked = []
        for k, payload in zip(todo, forked):
            decoded = memo.decode_result(payload)
            assert decoded is not None, "a worker's result is always readable"
            found[k] = Reconciliation(tuple(decoded[0]), tuple(decoded[1]))
            if store is not None and keys[k] is not None:
                store.put_result(keys[k], payload)
    left = [k for k in todo if found[k] is None]
    for k, result in zip(left, _reconcile_parts([parts[k] for k in left], config, scorer, threshold) if left else []):
        found[k] = result
        if store is not None and keys[k] is not None:
            store.put_result(keys[k], memo.encode_result(result.discrepancies, result.facts))
    if len(found) == 1:
        return found[0]
    return Reconciliation(
        tuple(sorted((d for r in found for d in r.discrepancies), key=lambda d: (d.id, d.claim_ids[0]))),
        tuple(sorted((f for r in found for f in r.facts), key=lambda f: (f.key, f.claim_ids[0]))))


def _get_results(store: ResultStore, keys: Sequence[str]) -> dict[str, bytes]:
    """The stored payloads of ``keys`` (in one batch when the store can)."""
    get_many = getattr(store, "get_results", None)
    if get_many is not None:
        return get_many(keys)
    found = {}
    for key in keys:
        payload = store.get_result(key)
        if payload is not None:
            found[key] = payload
    return found


def document_summaries(claims: ClaimTable, *, store: ResultStore | None = None,
                       doc_keys: Mapping[str, str] | None = None, extractor: str = "", jobs: int = 1
                       ) -> dict[str, DocumentSummary]:
    """Each document's :class:`~reconcile.features.DocumentSummary`.

    Args:
        claims: The claims, by document.
        store: Where summaries are remembered: a document whose content is unchanged is
            summarized without reading its claims (with ``doc_keys`` and ``extractor``, see
            :func:`reconcile`).
        doc_keys: Each document's content hash.
        extractor: The key of the extractor that made the claims.
        jobs: Worker processes for an archive's summaries (where processes can be forked).

    Returns:
        Document id -> summary, for every document of ``claims``.
    """
    keys: dict[str, str] = {}
    if store is not None and doc_keys is not None:
        keys = {doc: memo.summary_key(doc_keys[doc], extractor=extractor)
                for doc in claims.documents if doc in doc_keys}
    stored = _get_results(store, sorted(set(keys.values()))) if keys else {}
    summaries = {}
    decoded: dict[str, DocumentSummary | None] = {}
    if stored:
        with memo.collector_paused():
            decoded = {key: memo.decode_summary(payload) for key, payload in stored.items()}
    # the summaries hold no reference cycles: no collection need look for them while they are made
    with memo.collector_paused(freeze=False):
        missing = [doc for doc in claims.documents if keys.get(doc) is None or decoded.get(keys[doc]) is None]
        made = dict(zip(missing, _summarize(claims, missing, jobs)))
        for doc in claims.documents:
            summary = made.get(doc)
            if summary is None:
                summary = decoded[keys[doc]]
            elif doc in keys:
                store.put_result(keys[doc], memo.encode_summary(summary))
            summaries[doc] = summary
    return summaries


def _summarize(claims: ClaimTable, docs: Sequence[str], jobs: int) -> list[DocumentSummary]:
    """The summaries of ``docs``, made in forked workers when there are enough claims."""
    if docs and jobs > 1 and sum(claims.count_of(doc) for doc in docs) >= PARALLEL_MIN_CLAIMS and _can_fork():
        global _FORKED_SUMMARIES
        # a few chunks per worker: the documents' sizes differ, the chunks' total less
        size = -(-len(docs) // (4 * jobs))
        _FORKED_SUMMARIES = (claims, [docs[start:start + size] for start in range(0, len(docs), size)])
        try:
            with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
                return [DocumentSummary(*fields) for chunk in pool.map(_summarize_forked, range(len(_FORKED_SUMMARIES[1])))
                        for fields in chunk]
        except BrokenProcessPool:  # a worker died: the summaries are made here
            pass
        finally:
            _FORKED_SUMMARIES = None
    return [summarize_document(claims.of(doc)) for doc in docs]


# What forked workers summarize: (claims, chunks of document ids), set just before the fork.
_FORKED_SUMMARIES: tuple[ClaimTable, list[Sequence[str]]] | None = None


def _summarize_forked(chunk: int) -> list[tuple]:
    assert _FORKED_SUMMARIES is not None
    claims, chunks = _FORKED_SUMMARIES
    # plain tuples: a dataclass is unpickled field by field, several times slower
    return [(summary.names, summary.blocks, summary.date)
            for summary in map(summarize_document, map(claims.of, chunks[chunk]))]


#: The parts of an archive are reconciled in worker processes only when they hold at
#: least this many claims between them (below it, starting the processes costs more).
PARALLEL_MIN_CLAIMS = 20_000
#: Parts are reconciled in batches, each closed once it holds this many claims (the last
#: may hold fewer): the pairs of a batch's small parts are scored together
#: (:func:`_reconcile_parts`), and a forked worker gets a batch at a time (each task costs
#: a message both ways).
PART_BATCH_CLAIMS = 2_000
# What forked workers reconcile: (parts, config, threshold), set just before the fork, so
# that the claims reach the workers in the memory they inherit instead of through pipes.
_FORKED: tuple[list[list[Claim]], Config, float] | None = None


def _can_fork() -> bool:
    """fork only (the parts are inherited, never sent), only on Linux (on macOS system
    libraries are not fork-safe), and only with no other thread alive."""
    return (sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()
            and threading.active_count() == 1)


def _reconcile_forked_parts(parts: list[list[Claim]], config: Config, threshold: float, jobs: int) -> list[bytes]:
    """Each part's result (as :func:`memo.encode_result` payloads), from forked workers."""
    global _FORKED
    _FORKED = (parts, config, threshold)
    # Every object alive now (the archive's claims) is inherited by the workers and lives
    # as long as they do: frozen, no worker's collector walks it again (a tenth of their
    # time at a million claims), and none of its pages is copied for the walk.
    frozen_before = gc.get_freeze_count()
    gc.freeze()
    try:
        # the largest parts first, so that no worker is left with a large one at the end
        batches = _batches(sorted(range(len(parts)), key=lambda k: -len(parts[k])), dict(enumerate(map(len, parts))))
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"),
                                 initializer=_worker_started) as pool:
            payloads = {k: payload for batch, done in zip(batches, pool.map(_reconcile_forked, batches))
                        for k, payload in zip(batch, done)}
    finally:
        _FORKED = None
        if not frozen_before:  # what was frozen before (memo.collector_paused) stays frozen
            gc.unfreeze()
    return [payloads[k] for k in range(len(parts))]


def _batches(order: Sequence[int], sizes: Mapping[int, int]) -> list[list[int]]:
    """``order`` cut into runs, each closed once it holds :data:`PART_BATCH_CLAIMS` claims (each part's size in ``sizes``)."""
    batches: list[list[int]] = []
    size = 0
    for k in order:
        if not batches or size >= PART_BATCH_CLAIMS:
            batches.append([])
            size = 0
        batches[-1].append(k)
        size += sizes[k]
    return batches


def _worker_started() -> None:
    # A part's records die with it by reference counting (_reconcile_parts cuts the cycles
    # it makes); what else a batch of parts leaves is collected before the next, from the
    # youngest generations only: an automatic collection would also walk, again and again,
    # the caches that live as long as the worker.
    gc.disable()


def _reconcile_forked(batch: list[int]) -> list[bytes]:
    from .pairmodel import load_default_model

    assert _FORKED is not None
    parts, config, threshold = _FORKED
    gc.collect(1)  # what the previous batch left (see _worker_started)
    results = _reconcile_parts([parts[index] for index in batch], config, load_default_model().predict_proba,
                               threshold)
    return [memo.encode_result(result.discrepancies, result.facts) for result in results]


def _largest_block(summaries: Iterable[DocumentSummary]) -> int:
    sizes: dict[str, int] = defaultdict(int)
    for summary in summaries:
        for block, count in summary.blocks.items():
            sizes[block] += count
    return max(sizes.values(), default=0)


#: An archive (this many documents, and a block too large to score pair by pair) is
#: reconciled subject by subject (:func:`subject_partitions`); a folder about one subject,
#: whose documents all share its name, is never cut.
PARTITION_MIN_DOCUMENTS = 200
#: A document joins the partition of each of its this many heaviest subject names (two already
#: chain unrelated subjects through names they happen to share: a spokesperson, a town).
PARTITION_NAMES = 1


def subject_partitions(claims: Sequence[Claim]) -> list[list[Claim]]:
    """An archive cut into the documents about one subject each, reconciled apart.

    A pair model that learnt its weights on folders of documents about one subject reads
    word rarity, and how many documents repeat a value, within such a folder: over a whole
    archive "operations" or "the hospital" are common words and one hospital's figure is
    repeated by no one else.  Documents go together when they share their main subject
    name (:func:`~reconcile.features.document_subjects`); a document with none stays alone.

    Args:
        claims: Every claim, sorted by document and offset.

    Returns:
        The claims of each partition, in the order of their first document.
    """
    table = ClaimTable.from_claims(claims)
    docs = [doc for doc in table.documents if table.count_of(doc)]
    mentions = {doc: name_mentions(table.of(doc)) for doc in docs}
    return [[claim for doc in part for claim in table.of(doc)] for part in _partition_documents(docs, mentions)]


def _partition_documents(docs: Sequence[str], mentions: Mapping[str, Mapping[str, int]]) -> list[list[str]]:
    """:func:`subject_partitions` of the documents ``docs`` (sorted), from their :func:`name_mentions`."""
    subjects = subjects_of(mentions, per_document=PARTITION_NAMES)
    number = {doc: k for k, doc in enumerate(docs)}
    joined = _UnionFind()
    first_with: dict[str, int] = {}
    for doc in docs:
        joined.find(number[doc])
        for name in subjects.get(doc, ())[:PARTITION_NAMES]:
            if name in first_with:
                joined.union(first_with[name], number[doc])
            else:
                first_with[name] = number[doc]
    parts: dict[int, list[str]] = {}
    for doc in docs:
        parts.setdefault(joined.find(number[doc]), []).append(doc)
    return list(parts.values())


@dataclass
class _Staged:
    """A part on its way: its contexts, rule-bound pairs and candidate pairs."""

    claims: Sequence[Claim]
    contexts: list[ClaimContext | None]
    idf: Idf
    bound: BoundPairs
    candidates: list[tuple[int, int]]


def _reconcile_parts(parts: Sequence[Sequence[Claim]], config: Config, scorer: Scorer,
                     threshold: float) -> list[Reconciliation]:
    """Each part reconciled on its own, as if alone, but the pairs of small parts scored together.

    An archive's part holds a few dozen claims and a few hundred pairs: scored part by
    part, numpy's cost per call would outweigh its arithmetic.  The pairs of parts whose
    candidates number fewer than :data:`SCORING_BATCH` in all are scored in one batch;
    a larger part is scored alone, batch by batch, keeping only the pairs that matter.
    """
    matters = min(threshold, ATTACH_PROBABILITY, CORROBORATION_FLOOR)
    results: list[Reconciliation] = []
    group: list[_Staged] = []
    group_pairs = 0

    def finish(staged: _Staged, pairs: list[tuple[int, int]], probabilities: np.ndarray, floored: np.ndarray) -> None:
        final = corroborated(staged.contexts, pairs, probabilities, threshold=threshold, raised=floored)
        results.append(build_flags(staged.claims, staged.contexts, staged.idf, pairs, final, threshold=threshold,
                                   min_confidence=config.min_confidence, bound=staged.bound))
        # A context and its document's block (and its best rivals) refer to each other:
        # cut, the contexts die by reference counting now, with no collection to find them.
        for ctx in staged.contexts:
            if ctx is not None:
                ctx.doc_block = ()
                ctx.pair_side = None

    def kept(candidates: Sequence[tuple[int, int]], staged: _Staged, probabilities: np.ndarray
             ) -> tuple[list[tuple[int, int]], np.ndarray, np.ndarray]:
        # only pairs that bind or corroborate matter from here on, raised by the sentence rules
        floored = rule_floor(staged.contexts, candidates, probabilities, bound=staged.bound)
        keep = np.flatnonzero(floored >= matters)
        return [candidates[k] for k in keep.tolist()], probabilities[keep], floored[keep]

    def score_group() -> None:
        probabilities = _probabilities_of_parts([(g.candidates, g.contexts, g.idf) for g in group], scorer, matters)
        for staged, p in zip(group, probabilities):
            finish(staged, *kept(staged.candidates, staged, p))
        group.clear()

    for claims in parts:
        contexts, idf = build_contexts(claims, aliases=config.aliases)
        bound = rule_pairs(claims, contexts)
        staged = _Staged(claims, contexts, idf, bound, candidate_pairs(contexts, idf, bound=bound))
        if len(staged.candidates) < SCORING_BATCH:
            if group_pairs + len(staged.candidates) >= SCORING_BATCH:
                score_group()
                group_pairs = 0
            group.append(staged)
            group_pairs += len(staged.candidates)
            continue
        score_group()  # the parts before it keep their order
        group_pairs = 0
        slices = [staged.candidates[start:start + SCORING_BATCH]
                  for start in range(0, len(staged.candidates), SCORING_BATCH)]
        found = [kept(batch, staged, _probabilities(batch, contexts, idf, scorer, matters)) for batch in slices]
        finish(staged, [pair for pairs, _, _ in found for pair in pairs],
               np.concatenate([p for _, p, _ in found]), np.concatenate([q for _, _, q in found]))
    score_group()
    return results


#: Added to the model's bound before it rules a pair out: the bound sums the same terms as
#: the score in another order, so they may differ in the last bits.
BOUND_MARGIN = 1e-9
#: The second bound (:func:`_probabilities`) needs tables that take about 0.3 s to make,
#: once per process: it starts after this many pairs have been weighed in the process, so
#: that a check of a few documents, or of one changed part, does not pay for it.
SECOND_BOUND_AFTER = 20_000
# pairs weighed in this process so far (see SECOND_BOUND_AFTER)
_weighed_so_far = 0


def _probabilities(batch: Sequence[tuple[int, int]], contexts: Sequence[ClaimContext | None], idf: Idf,
                   scorer: Scorer, matters: float) -> np.ndarray:
    """The scorer's probability of each pair, or 0.0 for a pair it cannot give ``matters``.

    With the shipped kind of model (a tree ensemble), the pairs' cheap features come first
    (:func:`cheap_pair_rows`); a pair whose best possible score, whatever its costly
    features hold, stays below ``matters`` is never weighed (most pairs of an archive: the
    values, kinds, scopes and supports of two claims already rule them out).  The others
    get their word overlaps (:func:`middle_pair_features`), and then the same bound again
    over what is still unknown: only a pair that may still reach ``matters`` gets its fuzzy
    ratios and rival matches (:func:`dear_pair_features`) and is scored.  Below
    ``matters`` a pair is dropped, or, when a sentence rule binds it, kept at the rule's
    probability, and its own probability is read only at ``matters`` or above
    (:func:`corroborated`): the result is the same as scoring every pair in full.
    """
    return _probabilities_of_parts([(batch, contexts, idf)], scorer, matters)[0]


PairRequest = tuple[Sequence[tuple[int, int]], Sequence[ClaimContext | None], Idf]


def _probabilities_of_parts(requests: Sequence[PairRequest], scorer: Scorer, matters: float) -> list[np.ndarray]:
    """:func:`_probabilities` of each request (pairs, the contexts they index, their IDF), all at once."""
    model = _tree_ensemble(scorer)
    if model is None or not 0.0 < matters < 1.0:
        # a scorer is never asked about no pairs (a part with none still comes)
        return [np.asarray(scorer(pair_feature_rows(contexts, batch, idf).tolist()), dtype=float) if len(batch)
                else np.zeros(0) for batch, contexts, idf in requests]
    ends = np.cumsum([len(batch) for batch, _, _ in requests], dtype=np.int64)
    probabilities = np.zeros(int(ends[-1]) if len(ends) else 0)
    if len(probabilities):
        limit = math.log(matters / (1.0 - matters))
        rows = cheap_pair_rows_of_parts([(contexts, batch, idf) for batch, contexts, idf in requests])
        weighed = np.flatnonzero(model.upper_bound(rows, unknown=COSTLY_COLUMNS) + BOUND_MARGIN >= limit)
        # each weighed row's two contexts and the IDF of its request
        firsts = [0, *ends.tolist()]
        found = []
        for k, r in zip(weighed.tolist(), np.searchsorted(ends, weighed, side="right").tolist()):
            batch, contexts, idf = requests[r]
            i, j = batch[k - firsts[r]]
            found.append((contexts[i], contexts[j], idf))
        # then the word overlaps; the fuzzy ratios and the rival matches only where still needed
        middle = [middle_pair_features(a, b, idf, rows[k].tolist()) for k, (a, b, idf) in zip(weighed.tolist(), found)]
        global _weighed_so_far
        _weighed_so_far += len(middle)
        if middle and (_weighed_so_far >= SECOND_BOUND_AFTER or model.has_bound_tables(DEAR_COLUMNS)):
            still = np.flatnonzero(model.upper_bound(middle, unknown=DEAR_COLUMNS) + BOUND_MARGIN >= limit).tolist()
        else:
            still = list(range(len(middle)))
        if still:
            full = [dear_pair_features(*found[n], middle[n]) for n in still]
            probabilities[weighed[still]] = np.asarray(scorer(full), dtype=float)
    return np.split(probabilities, ends[:-1].tolist()) if len(ends) else []


def _tree_ensemble(scorer: Scorer) -> TreeEnsemble | None:
    """The tree ensemble whose ``predict_proba`` ``scorer`` is, else None."""
    from .pairmodel import TreeEnsemble

    owner = getattr(scorer, "__self__", None)
    if isinstance(owner, TreeEnsemble) and getattr(scorer, "__func__", None) is TreeEnsemble.predict_proba:
        return owner
    return None


def _without_hangers_on(members: list[int], contexts: Sequence[ClaimContext | None],
                        strong: dict[int, list[tuple[int, float]]]) -> list[int]:
    """Drop the values that hang on a flag by one claim, more weakly than that claim's other side.

    "over €50 million" (a blog's budget) binds "€48.6 million" (the budget) and "46.9
    million euros" (the spending): one hedged claim pairs with two facts.  A side all of
    whose binding edges meet one claim of another side, by fewer or weaker edges than that
    claim has to a third side, states another fact, and leaves the group.  ``strong``: each
    claim's edges at or above the threshold; sides joined by :func:`_attach_third_values`
    (under it) stay, and so do sides that :func:`rule_floor`'s sentence rules bind to the
    claim (:func:`_rule_bound`: a sentence restated with another value, or counts beside an
    agreeing amount): the plainest conflicts are never another fact.
    """
    while len(members) >= 3:
        sides = _sides([contexts[i].claim for i in members])
        if len(sides) < 3:
            break
        index_of = {contexts[i].claim.id: i for i in members}
        side_of = {index_of[c.id]: k for k, side in enumerate(sides) for c in side}

        dropped = None
        for k, side in enumerate(sides):
            # the claims outside the side that its strong edges reach
            outside: dict[int, list[float]] = defaultdict(list)
            for c in side:
                for j, p in strong.get(index_of[c.id], ()):
                    if j in side_of and side_of[j] != k:
                        outside[j].append(p)
            if len(outside) != 1:
                continue  # bound through several claims (or attached below the threshold)
            (hub, own), = outside.items()
            if any(_rule_bound(contexts, index_of[c.id], hub) for c in side):
                continue  # bound by a rule of the sentences (a restatement, an agreeing amount): kept
            rivals: dict[int, list[float]] = defaultdict(list)  # the hub's strong edges to third sides
            for j, p in strong.get(hub, ()):
                if j in side_of and side_of[j] not in (k, side_of[hub]):
                    rivals[side_of[j]].append(p)
            if any((len(ps), max(ps)) > (len(own), max(own)) for ps in rivals.values()):
                dropped = k
                break
        if dropped is None:
            break
        members = [i for i in members if side_of[i] != dropped]
    return members


#: A pair below the threshold counts as a restatement's corroboration from this probability up.
CORROBORATION_FLOOR = 0.85
#: Corroborations that bind: the chance that every one of them is wrong is below one minus this.
CORROBORATION_BINDS = 0.99999
#: The same, when the claim's value is a slip of the pen for its partners' (:func:`digit_slip`,
#: or its day the day before or after theirs: :func:`values.a_day_apart`).
SLIP_CORROBORATION_BINDS = 0.999


def corroborated(contexts: Sequence[ClaimContext | None], pairs: Sequence[tuple[int, int]],
                 probabilities: np.ndarray, *, threshold: float, raised: np.ndarray | None = None) -> np.ndarray:
    """Raise the pairs of a claim that several documents contradict in the same words.

    One pair just below the threshold is not enough to flag: two sentences can look alike
    and state different facts.  But when a claim meets claims of one value in several
    other documents (values that agree with one another), each pair at
    :data:`CORROBORATION_FLOOR` or more, the chance that all of them are look-alikes is
    the product of their chances of being wrong, one per document (its most probable
    pair).  When that product is below ``1 - CORROBORATION_BINDS`` (three documents at
    0.98 each: "3,412 staff" against "3,142 staff" restated three times), every pair of
    the group is raised to the threshold.  A claim whose value is a slip for its partners'
    (digits swapped, a teen for a ten: :func:`digit_slip`; a day the day before or after
    theirs: :func:`values.a_day_apart`) needs less: ``1 - SLIP_CORROBORATION_BINDS``.

    Corroboration starts a flag; it never extends one.  A claim already bound at the
    threshold (by the model or the sentence rules, ``raised``, or by a group raised
    before it here), or partners of which one is, are left alone: a figure of another
    year ("2.9 million crowns raised in 2023") looks like every restatement of this
    year's, and pooling it with them would add a foreign side to a true flag (a third
    value joins a flag only by :func:`_attach_third_values`'s stricter rules).

    Args:
        contexts: The claims' contexts, by index.
        pairs: Scored pairs of claim indices.
        probabilities: The pair model's probability of each pair.
        threshold: The probability at which a pair binds.
        raised: The probabilities after the sentence rules (:func:`rule_floor`);
            default ``probabilities``.

    Returns:
        The probabilities that bind: ``raised``, with the corroborated pairs raised to
        ``threshold``.
    """
    bound = probabilities if raised is None else raised
    result = np.array(bound, dtype=float, copy=True)
    flagged: set[int] = set()
    for (i, j), p in zip(pairs, bound):
        if p >= threshold:
            flagged.update((i, j))
    partners: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for k, ((i, j), p) in enumerate(zip(pairs, probabilities)):
        # only other documents corroborate: a sentence of the claim's own document may
        # state a neighbouring fact ("its rival employs 3,142 staff too")
        if (CORROBORATION_FLOOR <= p < threshold and i not in flagged and j not in flagged
                and contexts[i].claim.doc != contexts[j].claim.doc):
            partners[i].append((j, k))
            partners[j].append((i, k))
    for i in sorted(partners):
        groups: list[list[tuple[int, int]]] = []  # partners of one value (values that agree)
        for j, k in partners[i]:
            claim = contexts[j].claim
            for group in groups:
                if values.compatible(contexts[group[0][0]].claim, claim):
                    group.append((j, k))
                    break
            else:
                groups.append([(j, k)])
        for group in groups:
            if i in flagged or any(j in flagged for j, _ in group):
                continue  # a flag corroboration started in this loop is not extended either
            best: dict[str, float] = {}
            for j, k in group:
                doc = contexts[j].claim.doc
                best[doc] = max(best.get(doc, 0.0), float(probabilities[k]))
            if len(best) < 2:
                continue
            all_wrong = math.prod(1.0 - p for p in best.values())
            slip = all(digit_slip(contexts[i].claim, contexts[j].claim)
                       or values.a_day_apart(contexts[i].claim, contexts[j].claim) for j, _ in group)
            if 1.0 - all_wrong >= (SLIP_CORROBORATION_BINDS if slip else CORROBORATION_BINDS):
                for _, k in group:
                    result[k] = max(result[k], threshold)
                flagged.add(i)
                flagged.update(j for j, _ in group)
    return result


#: A count that is not part of any flag joins a flagged fact at this probability (below the
#: threshold), when it counts the same noun as the claim it pairs with.
ATTACH_PROBABILITY = 0.9


def _attach_third_values(uf: _UnionFind, edge_p: dict[tuple[int, int], float], pairs: Sequence[tuple[int, int]],
                         probabilities: np.ndarray, contexts: Sequence[ClaimContext | None], threshold: float) -> None:
    """Let a lone claim join a fact already flagged on less evidence than a new flag needs.

    A flag says the fact exists and its documents disagree; a third document that gives
    the fact yet another value ("250 local projects" next to a flagged 212 vs 230)
    needs to be bound to the fact, not to prove it.  Only counts bound to nothing, each to
    its most probable flagged partner counting the same noun, and only values no other
    claim repeats; never two flags joined.  (Amounts, shares and dates are left out: the
    rule was built and measured for restated counts, and a price or a date beside a flagged
    one is as often another price or date.)
    """
    size: dict[int, int] = defaultdict(int)
    for members in uf.groups():
        size[uf.find(members[0])] = len(members)
    weak = sorted(((float(p), i, j) for (i, j), p in zip(pairs, probabilities) if ATTACH_PROBABILITY <= p < threshold),
                  key=lambda t: (-t[0], t[1], t[2]))
    for p, i, j in weak:
        size_i, size_j = size.get(uf.find(i), 1), size.get(uf.find(j), 1)
        if (size_i == 1) == (size_j == 1):
            continue  # both lone (a new flag needs the threshold) or both flagged already
        lone = contexts[i] if size_i == 1 else contexts[j]
        if lone.support > 1:
            continue  # a value other documents repeat would have been bound through one of them
        head_i, head_j = contexts[i].head, contexts[j].head
        if contexts[i].claim.kind != "count" or head_i is None or head_i != head_j:
            continue
        uf.union(i, j)
        size[uf.find(i)] = size_i + size_j
        edge_p[(i, j)] = p


def build_flags(claims: Sequence[Claim], contexts: Sequence[ClaimContext | None], idf: Idf,
                pairs: Sequence[tuple[int, int]], probabilities: np.ndarray, *, threshold: float,
                min_confidence: float = 0.0, bound: BoundPairs | None = None) -> Reconciliation:
    """Join scored pairs into flags (one per fact) and describe each.

    ``bound`` (:func:`rule_pairs`) names the origins behind the pairs an origin rule bound,
    for the flag's label and explanation.
    """
    uf = _UnionFind()
    edge_p: dict[tuple[int, int], float] = {}
    for (i, j), p in zip(pairs, probabilities):
        if p >= threshold:
            uf.union(i, j)
            edge_p[(i, j)] = float(p)
    strong: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for (i, j), p in edge_p.items():
        strong[i].append((j, p))
        strong[j].append((i, p))
    _attach_third_values(uf, edge_p, pairs, probabilities, contexts, threshold)
    groups = [_without_hangers_on(members, contexts, strong) for members in uf.groups()]
    facts = agreeing_facts(contexts, idf)
    groups = _joined_by_restatements(groups, contexts, facts)
    # one fact, one flag: groups of one block with the same set of side values are merged
    # (compared in base units: "48,600 ha vs 46,800 ha" and "486 km² vs 468 km²" are one flag)
    merged: dict[tuple, list[int]] = {}
    key_of_claim: dict[int, tuple] = {}
    for members in groups:
        # keyed by the sides a flag will show: without the bounds an exact claim already
        # states and without sides of limits alone (two flags must not share a fingerprint)
        sides = _without_vague_restatements(_sides([contexts[i].claim for i in members]))
        shown = {c.id for side in sides for c in side}
        members = [i for i in members if contexts[i].claim.id in shown]
        if not members:
            continue
        side_values = tuple(sorted(values.canonical_value(s[0]) for s in sides))
        key = (contexts[members[0]].block, side_values)
        merged.setdefault(key, []).extend(members)
        key_of_claim.update((i, key) for i in members)
    edges_of: dict[tuple, list[tuple[int, int]]] = defaultdict(list)
    for i, j in edge_p:
        if i in key_of_claim and key_of_claim[i] == key_of_claim.get(j):
            edges_of[key_of_claim[i]].append((i, j))
    ctx_of = {ctx.claim.id: ctx for ctx in contexts if ctx is not None}
    discrepancies = []
    for (block, side_key), members in merged.items():
        members = sorted(set(members))
        group_claims = [contexts[i].claim for i in members]
        sides = _without_vague_restatements(_sides(group_claims))
        if len(sides) < 2:
            continue
        group_claims = [c for side in sides for c in side]
        side_of = {c.id: k for k, side in enumerate(sides) for c in side}
        # the flag's confidence and explanation come from pairs it shows, across its sides
        edge_sides = [(e, side_of.get(contexts[e[0]].claim.id), side_of.get(contexts[e[1]].claim.id))
                      for e in edges_of[(block, side_key)]]
        edges = [e for e, one, other in edge_sides if one is not None and other is not None and one != other]
        if not edges:
            continue
        members = [i for i in members if contexts[i].claim.id in side_of]
        probs = [edge_p[e] for e in edges]
        confidence = float(np.mean(sorted(probs, reverse=True)[:3])) if probs else 0.0
        if confidence < min_confidence:
            continue
        klass = "possible_update" if _possible_update(sides, ctx_of) else "conflict"
        best = max(edges, key=lambda e: (edge_p[e], -e[0], -e[1]))
        shared = shared_words(contexts[best[0]], contexts[best[1]], idf)
        agreeing = _agreeing_amounts(contexts[best[0]], contexts[best[1]])
        side_values = [values.display_value(s[0]) for s in sides]
        group_ctx = [contexts[i] for i in members]
        origins = _bound_origins(edges, bound or {})
        about = _origin_about(origins) if origins else None
        discrepancies.append(Discrepancy(
            id=fingerprint(block, side_values),
            fact=f"date: {origins[0].describe()}" if origins else _label(group_ctx, idf),
            fact_key="|".join(block),
            klass=klass,
            claims=tuple(sorted(group_claims, key=lambda c: (c.doc, c.start))),
            values=tuple(side_values),
            sides=tuple(tuple(c.id for c in side) for side in sides),
            explanation=_explain(klass, sides, ctx_of, idf, shared, agreeing, about=about),
            confidence=round(confidence, 3),
        ))
    discrepancies = with_anniversaries(discrepancies, claims)
    discrepancies += [_sum_discrepancy(finding) for finding in sum_findings(claims)]
    # a wrong conversion already in a flag of its fact is shown there; one fact, one flag
    flagged = {c.id for d in discrepancies for c in d.claims}
    discrepancies += [_conversion_discrepancy(finding) for finding in conversion_findings(claims)
                      if finding.converted.id not in flagged]
    discrepancies.sort(key=lambda d: d.id)
    return Reconciliation(tuple(discrepancies), tuple(facts))


def _joined_by_restatements(groups: list[list[int]], contexts: Sequence[ClaimContext | None],
                            facts: Sequence[Fact]) -> list[list[int]]:
    """Join two flagged groups of one block that share a value restated alike in both.

    "212 hospital beds" against "221" in one group, and "230 hospital beds" against another
    "221" in a second: the two 221s are one restatement (an agreeing fact: same block, same
    measured noun, the same words around them), so the three values are one fact and one
    flag, not two flags that each miss a value.
    """
    if len(groups) < 2 or not facts:
        return groups
    fact_of: dict[str, int] = {claim_id: k for k, fact in enumerate(facts) for claim_id in fact.claim_ids}
    joined = _UnionFind()
    first_group_of_fact: dict[int, int] = {}
    for g, members in enumerate(groups):
        joined.find(g)
        if len({values.canonical_value(contexts[i].claim) for i in members}) < 2:
            continue  # not a flag
        for i in members:
            fact = fact_of.get(contexts[i].claim.id)
            if fact is None:
                continue
            if fact in first_group_of_fact:
                joined.union(first_group_of_fact[fact], g)
            else:
                first_group_of_fact[fact] = g
    if len(first_group_of_fact) == 0:
        return groups
    result: dict[int, list[int]] = defaultdict(list)
    for g, members in enumerate(groups):
        result[joined.find(g)].extend(members)
    return [sorted(members) for members in result.values()]


#: The confidence of a discrepancy raised by an anniversary alone (a rule, not the model).
ANNIVERSARY_CONFIDENCE = 0.9
#: The confidence of a total whose stated parts do not add up (arithmetic on one layout).
SUM_CONFIDENCE = 0.9


def _sum_discrepancy(finding: SumFinding) -> Discrepancy:
    """A total and its parts that do not add up, as a discrepancy of its own fact."""
    total = finding.total
    factor = values.unit_dimension(total.unit)[1] if total.kind == "quantity" else 1.0
    unit = "%" if total.kind == "percent" else (f" {total.unit}" if total.unit else "")
    shown_sum = f"{values._format_number(finding.parts_sum / factor)}{unit}"
    side_values = [values.display_value(total), f"{shown_sum} (sum of parts)"]
    block = ("sum", *(values.block_key(total) or ()))
    what = total.row_label.strip() if total.row_label else (total.noun or "the total")
    parts = " + ".join(" ".join(c.text.split()) for c in finding.parts)
    return Discrepancy(
        id=fingerprint(block, side_values),
        fact=f"sum: {what}",
        fact_key="|".join(block),
        klass="conflict",
        claims=(total, *finding.parts),
        values=tuple(side_values),
        sides=((total.id,), tuple(c.id for c in finding.parts)),
        explanation=(f"{total.doc} gives {' '.join(total.text.split())} for {what}, but the parts it lists "
                     f"add up to {shown_sum} ({parts})"),
        confidence=SUM_CONFIDENCE,
    )


#: The confidence of a conversion that misses the quantity written beside it.
CONVERSION_CONFIDENCE = 0.9


def _conversion_discrepancy(finding: ConversionFinding) -> Discrepancy:
    """A quantity and its wrong conversion, as a discrepancy of their own fact."""
    original, converted = finding.original, finding.converted
    expected = f"{values._format_number(round(finding.expected, 1))} {converted.unit}"
    side_values = [values.display_value(converted), f"{expected} (converted from {values.display_value(original)})"]
    block = ("conversion", *(values.block_key(original) or ()))
    written, conversion = " ".join(original.text.split()), " ".join(converted.text.split())
    return Discrepancy(
        # the document is part of the fingerprint: two documents may copy one wrong conversion,
        # and each is a flag of its own to review
        id=fingerprint((*block, original.doc), side_values),
        fact=f"conversion: {written}",
        fact_key="|".join(block),
        klass="conflict",
        claims=(original, converted),
        values=tuple(side_values),
        sides=((converted.id,), (original.id,)),
        explanation=(f"{original.doc} converts {written} to {conversion}, but {written} is {expected}"),
        confidence=CONVERSION_CONFIDENCE,
    )


def with_anniversaries(discrepancies: Sequence[Discrepancy], claims: Sequence[Claim]) -> list[Discrepancy]:
    """Add the anniversaries that contradict a founding year (see :mod:`reconcile.anniversaries`).

    An anniversary joins the discrepancy its founding claims are already in, as one more
    side (or on the side of the year it implies); otherwise the anniversary and the
    founding claims it contradicts make a discrepancy of their own.  One fact, one flag:
    anniversaries bound to overlapping founding claims are one discrepancy.
    """
    findings = anniversary_findings(claims, doc_dates(claims))
    if not findings:
        return list(discrepancies)
    # anniversaries whose founding claims overlap state one fact
    uf = _UnionFind()
    owner: dict[str, int] = {}
    for k, finding in enumerate(findings):
        uf.find(k)
        for claim in finding.founding:
            if claim.id in owner:
                uf.union(owner[claim.id], k)
            owner[claim.id] = k
    result = list(discrepancies)
    for members in uf.groups():
        group = [findings[k] for k in members]
        founding = {c.id: c for f in group for c in f.founding}
        touched = [d for d in result if any(c.id in founding for c in d.claims)]
        for d in touched:
            result.remove(d)
        result.append(_anniversary_discrepancy(group, list(founding.values()), touched))
    return result


def _anniversary_discrepancy(findings: Sequence[AnniversaryFinding], founding: Sequence[Claim],
                             touched: Sequence[Discrepancy]) -> Discrepancy:
    by_id = {c.id: c for c in founding}
    for d in touched:
        by_id.update((c.id, c) for c in d.claims)
    dated = sorted(by_id.values(), key=lambda c: (c.doc, c.start))
    sides = _sides(dated)
    side_values = [values.display_value(side[0]) for side in sides]
    implied_sides: dict[int, int] = {}
    for finding in findings:
        home = next((k for k, side in enumerate(sides) if side[0].kind == "date"
                     and str(side[0].value)[:4] == str(finding.implied_year)), None)
        if home is None:
            home = implied_sides.get(finding.implied_year)
        if home is None:
            sides.append([])
            side_values.append(f"{finding.implied_year} (implied)")
            home = implied_sides[finding.implied_year] = len(sides) - 1
        sides[home].append(finding.anniversary)
    block = tuple(touched[0].fact_key.split("|")) if touched else ("date", "founding")
    first = findings[0]
    says = "; ".join(
        f"{f.anniversary.doc} says {f.subject} marks its {f.anniversary.text.split('-')[0]} anniversary in "
        f"{f.reference_year}, which puts its founding in {f.implied_year}" for f in findings)
    others = sorted({(c.doc, str(c.value)[:4]) for c in founding if all(c.id != f.anniversary.id for f in findings)})
    stated = ", ".join(f"{doc} {year}" for doc, year in others[:4]) + (" ..." if len(others) > 4 else "")
    explanation = f"{says}; the founding year stated elsewhere: {stated}"
    if touched:
        explanation = touched[0].explanation + "; " + explanation
    all_claims = tuple(sorted({c.id: c for side in sides for c in side}.values(), key=lambda c: (c.doc, c.start)))
    return Discrepancy(
        id=fingerprint(block, side_values),
        fact=touched[0].fact if touched else f"date: founding of {first.subject}",
        fact_key="|".join(block),
        klass="conflict",
        claims=all_claims,
        values=tuple(side_values),
        sides=tuple(tuple(c.id for c in sorted(side, key=lambda c: (c.doc, c.start))) for side in sides),
        explanation=explanation,
        confidence=max([ANNIVERSARY_CONFIDENCE] + [d.confidence for d in touched]),
    )


#: Restatements' values lie at most this far apart (:func:`values.relative_difference`).
RESTATED_DIFFERENCE = 0.05


def agreeing_facts(contexts: Sequence[ClaimContext | None], idf: Idf) -> list[Fact]:
    """Restatements: claims of one block with agreeing values and the same binding words."""
    index: dict[tuple, list[int]] = defaultdict(list)
    for i, ctx in enumerate(contexts):
        if ctx is not None:
            # claims without a measured noun ("cost $41.7 million to build") meet by their words
            index[(ctx.block, ctx.head or "")].append(i)
    uf = _UnionFind()
    words_of: dict[int, tuple[frozenset[str], float, float]] = {}  # window words, their weight, the sentence's

    def weighed(i: int) -> tuple[frozenset[str], float, float]:
        found = words_of.get(i)
        if found is None:
            ctx = contexts[i]
            window = frozenset(ctx.left) | frozenset(ctx.right)
            found = words_of[i] = (window, idf.weight(window), idf.weight(ctx.sent))
        return found

    for members in index.values():
        if len(members) > 300:
            continue
        group_claims = [contexts[i].claim for i in members]
        # nearness is strict, and a pair exactly RESTATED_DIFFERENCE apart is a restatement:
        # a hair more, then the exact difference below
        for x, y in value_neighbours(group_claims, within=RESTATED_DIFFERENCE + 1e-9):
            i, j = members[x], members[y]
            if uf.joined(i, j):
                continue  # joined already, through other restatements
            a, b = contexts[i], contexts[j]
            if (values.relative_difference(a.claim, b.claim) > RESTATED_DIFFERENCE
                    or not values.compatible(a.claim, b.claim)):
                continue
            (window_a, weight_a, sent_a), (window_b, weight_b, sent_b) = weighed(i), weighed(j)
            if (idf.overlap(window_a, window_b, weight_a=weight_a, weight_b=weight_b) >= 0.3
                    or idf.overlap(a.sent, b.sent, weight_a=sent_a, weight_b=sent_b) >= 0.5):
                uf.union(i, j)
    facts = []
    for members in uf.groups():
        if len(members) < 2:
            continue
        group = [contexts[i] for i in members]
        claims_ = tuple(sorted((c.claim for c in group), key=lambda c: (c.doc, c.start)))
        shown = sorted({values.display_value(c) for c in claims_})
        klass = "agree" if len(shown) == 1 else "compatible"
        docs = sorted({c.doc for c in claims_})
        explanation = (f"{len(claims_)} claims in {len(docs)} document(s) state "
                       + (f"the same value, {shown[0]}" if klass == "agree"
                          else f"values that agree within their precision and qualifiers: {', '.join(shown)}"))
        facts.append(Fact(
            key="|".join(group[0].block) + "|" + (group[0].head or ""),
            label=_label(group, idf), klass=klass, claim_ids=tuple(c.id for c in claims_), values=tuple(shown),
            explanation=explanation, confidence=1.0,
        ))
    facts.sort(key=lambda f: (f.key, f.claim_ids[0]))
    return facts
