"""Turn a document into frozen :class:`~claims.model.Claim` records."""

from __future__ import annotations

import bisect
import os
import re

from .documents import Document, read_text
from .model import Claim
from .scanner import Mention, Scanner
from .sentences import SentenceIndex

#: Bumped whenever extraction output may change, so that caches of claims are rebuilt.
EXTRACTOR_VERSION = "1"

_SPACES = re.compile(r"[ \t\u00a0\u202f]+")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def mentions_to_claims(text: str, mentions: list[Mention], *, doc: str,
                       index: SentenceIndex | None = None) -> list[Claim]:
    """Attach sentence, heading and document id to scanner mentions."""
    index = index or SentenceIndex(text)
    line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
    claims = []
    for m in mentions:
        line = bisect.bisect_right(line_starts, m.start)
        seg = index.segment_at(m.start)
        if seg is not None and seg.end >= m.end:
            s_start, s_end = seg.start, seg.end
        else:
            s_start, s_end = _line_around(text, m.start, m.end)
        sentence = text[s_start:s_end]
        heading = index.table_header_for(m.start) or index.heading_before(m.start)
        previous = index.previous_text(m.start)
        claims.append(Claim(
            doc=doc, start=m.start, end=m.end, text=text[m.start:m.end], kind=m.kind,
            value=m.value, low=m.low, high=m.high, unit=m.unit, qualifier=m.qualifier,
            sentence=sentence, sentence_start=s_start, precision=m.precision, noun=m.noun,
            heading=_SPACES.sub(" ", heading).strip() if heading else None,
            previous=previous,
            line=line,
            column=m.start - line_starts[line - 1] + 1,
        ))
    return claims


def _line_around(text: str, start: int, end: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end == -1:
        line_end = len(text)
    while line_end > line_start and text[line_end - 1] in "\r \t":
        line_end -= 1
    return line_start, max(line_end, end)


def extract_claims(text: str, *, doc: str = "") -> list[Claim]:
    """Find every numeric and dated claim in ``text``.

    Args:
        text: The document text, exactly as read from the file.
        doc: The document id to record on each claim.

    Returns:
        Claims in document order; ``text[c.start:c.end] == c.text`` for each.

    Example:
        >>> [c.text for c in extract_claims("Over 2500 specialists trained since 1993.")]
        ['Over 2500', '1993']
    """
    return mentions_to_claims(text, Scanner(text).run(), doc=doc)


def extract_document(source: str | os.PathLike | Document, *, doc: str | None = None) -> list[Claim]:
    """Extract the claims of a document given as a path or a :class:`Document`.

    Args:
        source: A path to a UTF-8 text file, or a document already read.
        doc: The id to record (default: the document's id, or the file name).

    Raises:
        DocumentError: the file is missing, binary or not UTF-8.
    """
    if isinstance(source, Document):
        return extract_claims(source.text, doc=doc or source.id)
    text = read_text(source)
    return extract_claims(text, doc=doc or os.path.basename(os.fspath(source)))
