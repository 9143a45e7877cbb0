"""The spaCy pipeline component: ``nlp.add_pipe("claim_finder")`` fills ``doc.spans``."""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from .extract import mentions_to_claims
from .model import Claim
from .scanner import Scanner

if not Doc.has_extension("claims"):
    Doc.set_extension("claims", default=None)


class ClaimFinder:
    """Find numeric and dated claims and store them as spans.

    Each claim becomes a span in ``doc.spans[spans_key]`` labelled with its kind (the span
    is the smallest token span that covers the claim's characters), and the full records
    are in ``doc._.claims`` with exact character offsets.
    """

    def __init__(self, nlp: Language, name: str, *, spans_key: str = "claims", doc_id: str = "") -> None:
        self.name = name
        self.spans_key = spans_key
        self.doc_id = doc_id

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        scanner = Scanner(text)
        claims = mentions_to_claims(text, scanner.run(), doc=self.doc_id, currency_codes=scanner.currency_codes)
        if doc.has_annotation("ENT_IOB"):
            claims = _outside_names(doc, claims)
        spans = []
        for claim in claims:
            span = doc.char_span(claim.start, claim.end, label=claim.kind, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[self.spans_key] = spans
        doc._.claims = claims
        return doc


#: Entity labels of a trained pipeline whose numbers name things rather than state facts
#: ("Boeing 737" as PRODUCT, "Resolution 77/158" as LAW, "Studio 54" as ORG).
NAME_LABELS = frozenset({"ORG", "PRODUCT", "LAW", "WORK_OF_ART", "FAC", "PERSON"})


def _outside_names(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """Drop claims that lie inside a named entity of a :data:`NAME_LABELS` label."""
    names = [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ in NAME_LABELS]
    if not names:
        return claims
    return [c for c in claims if not any(start <= c.start and c.end <= end for start, end in names)]


_PIPELINES: dict[str, Language] = {}


def extract_with_model(text: str, *, model: str, doc: str = "") -> list[Claim]:
    """The claims of ``text`` found by the trained spaCy pipeline ``model`` plus the claim finder.

    The trained pipeline's named entities veto numbers that are parts of names; the claims
    themselves come from the same scanner as the default pipeline.  Each process loads the
    pipeline once.

    Raises:
        ClaimsError: the pipeline is not installed (with the command to install it).
    """
    nlp = _PIPELINES.get(model)
    if nlp is None:
        nlp = _PIPELINES[model] = build_pipeline(model)
    return [replace(c, doc=doc) if c.doc != doc else c for c in nlp(text)._.claims]


@Language.factory(
    "claim_finder",
    default_config={"spans_key": "claims", "doc_id": ""},
)
def make_claim_finder(nlp: Language, name: str, spans_key: str, doc_id: str) -> ClaimFinder:
    """Create the claim finder component (spaCy factory ``claim_finder``).

    Args:
        nlp: The pipeline.
        name: The component name.
        spans_key: Key of ``doc.spans`` that receives the claim spans.
        doc_id: Document id recorded on the claims in ``doc._.claims``.
    """
    return ClaimFinder(nlp, name, spans_key=spans_key, doc_id=doc_id)


def build_pipeline(model: str | None = None) -> Language:
    """A pipeline with the claim finder: a blank English one, or the trained ``model``.

    Raises:
        ClaimsError: the model is not installed (with the command to install it).
    """
    import spacy

    from .errors import ClaimsError

    if model:
        try:
            nlp = spacy.load(model)
        except OSError:
            raise ClaimsError(
                f"spaCy pipeline '{model}' is not installed; install it with "
                f"`python -m spacy download {model}` or leave out --model") from None
    else:
        nlp = spacy.blank("en")
    if "claim_finder" not in nlp.pipe_names:
        nlp.add_pipe("claim_finder", last=True)
    return nlp


def claims_from_doc(doc: Doc) -> list[Claim]:
    """The claims a pipeline found in ``doc``."""
    return list(doc._.claims or [])
