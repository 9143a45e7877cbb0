"""Extraction: every numeric and dated claim of a document, with its exact source span.

>>> from claims import extract_claims
>>> [(c.text, c.kind, c.value) for c in extract_claims("Ties were established in February 1992.")]
[('February 1992', 'date', '1992-02')]
"""

from .component import build_pipeline, make_claim_finder
from .documents import Document, find_documents, iter_documents, read_text
from .errors import ClaimsError, DocumentError
from .extract import EXTRACTOR_VERSION, extract_claims, extract_document
from .model import KINDS, Claim

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
