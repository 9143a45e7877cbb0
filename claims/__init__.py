"""Extraction: every numeric and dated claim of a document, with its exact source span.

>>> from claims import extract_claims
>>> [(c.text, c.kind, c.value) for c in extract_claims("The club was founded in March 1952.")]
[('March 1952', 'date', '1952-03')]
"""

from typing import TYPE_CHECKING

from .documents import Document, find_documents, iter_documents, read_text
from .errors import ClaimsError, DocumentError
from .extract import EXTRACTOR_VERSION, extract_claims, extract_document
from .model import KINDS, Claim

if TYPE_CHECKING:
    from .component import build_pipeline, make_claim_finder


def __getattr__(name: str):
    # The spaCy component is imported on first use: the default extractor needs no spaCy,
    # and importing it costs over a second at every start of the command.  spaCy itself
    # finds the "claim_finder" factory through this package's entry point.
    if name in ("build_pipeline", "make_claim_finder"):
        from . import component

        return getattr(component, name)
    raise AttributeError(f"module 'claims' has no attribute {name!r}")

__all__ = [
    "Claim",
    "ClaimsError",
    "Document",
    "DocumentError",
    "EXTRACTOR_VERSION",
    "KINDS",
    "build_pipeline",
    "extract_claims",
    "extract_document",
    "find_documents",
    "iter_documents",
    "make_claim_finder",
    "read_text",
]
