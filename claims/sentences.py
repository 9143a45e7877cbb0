"""Split a document into sentences, table rows and headings, keeping original offsets.

A fast rule-based splitter: a blank line always ends a sentence; a single line break ends
one unless the text is a hard-wrapped paragraph (the next line starts in lower case);
within a line, ``.``, ``!`` and ``?`` end a sentence before a capital, unless the word
before is a known abbreviation or an initial.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

ABBREVIATIONS = frozenset("""
mr mrs ms dr prof st no nos nr vs etc e.g i.e approx jan feb mar apr jun jul aug sep sept oct
nov dec inc ltd co corp u.s u.k p pp fig art sec gen col lt sen rep gov jr sr a.m p.m mt ft
est dept univ av ave rd blvd vol ed eds cf al para ref tel mn bn
""".split())

# An ending may carry closing quotes or brackets and footnote markers ("settlements.[5] The",
# "in 2019.³ Then").
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?:\[[0-9]{1,3}\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)*(?=\s+[\"'“‘(\[]?[A-Z0-9•*])")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_DIGIT = re.compile(r"[0-9]")
_TABLE_GAP = re.compile(r"\t|\S {2,}\S")
_WORD_BEFORE_DOT = re.compile(r"([A-Za-z.]+)$")
_BULLET = re.compile(r"^\s*(?:[•*·▪‣◦-]|\(?[0-9]{1,2}[.)]|\(?[a-z][.)])\s+")


class Segment(NamedTuple):
    """A sentence-like stretch of text: ``text[start:end]``.

    A named tuple, not a frozen dataclass: a document has one per sentence, and building
    one costs a fifth of a frozen dataclass's (this is on the extractor's hot path)."""

    start: int
    end: int
    is_table_row: bool = False
    is_heading: bool = False


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, line breaks excluded."""
    if "\r" not in text:  # the common case, without a regex: "\n" is the only line break
        spans = []
        position = 0
        for line in text.split("\n"):
            spans.append((position, position + len(line)))
            position += len(line) + 1
        if spans[-1][0] == spans[-1][1]:
            spans.pop()  # after a final line break, or in an empty text, there is no line
        return spans
    spans = []
    for match in _LINE.finditer(text):
        if match.start() == match.end():
            break
        line = match.group(0)
        stripped = line.rstrip("\r\n")
        spans.append((match.start(), match.start() + len(stripped)))
    return spans


def _looks_like_heading(line: str) -> bool:
    stripped = line.strip().strip("*#=_ ")
    if not stripped or len(stripped) > 90:
        return False
    if stripped[-1] in ".,;:!?\"”" or _TABLE_GAP.search(stripped):
        return False
    words = stripped.split()
    return 1 <= len(words) <= 12 and stripped[0].isupper() or stripped.isupper()


def _ends_sentence(line: str) -> bool:
    stripped = line.rstrip()
    return not stripped or stripped[-1] in ".!?:;\"”’)]…"


def _split_line_text(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split one paragraph span at sentence-ending punctuation."""
    pieces = []
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        dot = match.start()
        word_match = _WORD_BEFORE_DOT.search(text, max(start, dot - 12), dot)
        word = word_match.group(1).lower().rstrip(".") if word_match else ""
        if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue
        if text[dot] == "." and dot > start and text[dot - 1].isdigit():
            # "No. 14." ends, but "on p. 3. The" is rare; a digit before the dot and a
            # digit after the space ("1. 2.") is list numbering, not an ending
            nxt = text[match.end():match.end() + 3].strip()[:1]
            if nxt.isdigit():
                continue
        pieces.append((cursor, match.end()))
        cursor = match.end()
    pieces.append((cursor, end))
    return pieces


def segment(text: str) -> list[Segment]:
    """Split ``text`` into segments (sentences, table rows, headings), in order.

    Args:
        text: The document text.

    Returns:
        Segments with offsets into ``text``, leading and trailing blanks trimmed.
    """
    segments: list[Segment] = []
    lines = _lines(text)
    paragraph: list[tuple[int, int]] = []

    def flush() -> None:
        if not paragraph:
            return
        p_start, p_end = paragraph[0][0], paragraph[-1][1]
        for s, e in _split_line_text(text, p_start, p_end):
            s, e = _trim(text, s, e)
            if s < e:
                segments.append(Segment(s, e))
        paragraph.clear()

    # Whether each line is a table row (two cells or more), computed once: a line is also
    # looked at as the one after a possible heading.
    # (most lines of prose hold neither a tab nor two spaces: a cheap test first)
    table_rows = [("\t" in line or "  " in line) and _TABLE_GAP.search(line.strip()) is not None
                  for line in (text[s:e] for s, e in lines)]
    previous_blank = True
    for index, (s, e) in enumerate(lines):
        line = text[s:e]
        if not line.strip():
            flush()
            previous_blank = True
            continue
        is_table = table_rows[index]
        is_bullet = bool(_BULLET.match(line))
        heading = (previous_blank or not paragraph) and _looks_like_heading(line)
        if heading and index + 1 < len(lines):
            next_line = text[lines[index + 1][0]:lines[index + 1][1]]
            heading = (not next_line.strip() or next_line[:1].isupper() or _BULLET.match(next_line) is not None
                       or table_rows[index + 1])
        if is_table or heading:
            flush()
            ts, te = _trim(text, s, e)
            segments.append(Segment(ts, te, is_table_row=is_table, is_heading=heading and not is_table))
            previous_blank = False
            continue
        if is_bullet:
            flush()
        elif paragraph:
            previous = text[paragraph[-1][0]:paragraph[-1][1]]
            continues = not _ends_sentence(previous) and line.lstrip()[:1].islower()
            if not continues and _ends_sentence(previous):
                flush()
            elif not continues:
                flush()
        paragraph.append((s, e))
        previous_blank = False
    flush()
    return segments


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class SentenceIndex:
    """Find the segment and heading around an offset in one document."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.segments = segment(text)
        self._starts = [seg.start for seg in self.segments]
        # Claims of one sentence share its context: computed once per segment index.
        self._headings: dict[tuple[int, int], str | None] = {}
        self._table_headers: dict[int, str | None] = {}
        self._previous: dict[tuple[int, int, int], str | None] = {}
        self._squeezed_segments: dict[int, str] = {}
        self._contexts: dict[int, tuple[Segment | None, str | None, str | None]] = {}
        # For each segment, in one pass: the nearest heading before it, and the nearest
        # table row without digits above it in the same table (its header row), or -1.
        self._last_heading: list[int] = []
        self._last_label_row: list[int] = []
        heading = label_row = -1
        for j, seg in enumerate(self.segments):
            self._last_heading.append(heading)
            if not seg.is_table_row:
                label_row = -1
            self._last_label_row.append(label_row)
            if seg.is_heading:
                heading = j
            if seg.is_table_row and not _DIGIT.search(text, seg.start, seg.end):
                label_row = j

    def context_at(self, offset: int) -> tuple[Segment | None, str | None, str | None]:
        """What :meth:`segment_at`, :meth:`table_header_for` (or else :meth:`heading_before`)
        and :meth:`previous_text` give at ``offset``, in one look-up (a document's claims
        cluster in few sentences: the context is worked out once per segment)."""
        i = self.index_at(offset)
        context = self._contexts.get(i)
        if context is None:
            segment = self.segments[i] if self.segments else None
            heading = self.table_header_for(offset) or self.heading_before(offset)
            context = self._contexts[i] = (segment, heading, self.previous_text(offset))
        segment = context[0]
        if segment is not None and not segment.start <= offset < segment.end:
            return None, context[1], context[2]
        return context

    def segment_at(self, offset: int) -> Segment | None:
        """The segment holding ``offset``, or ``None`` when it falls between segments."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.segments[i].start <= offset < self.segments[i].end:
            return self.segments[i]
        return None

    def index_at(self, offset: int) -> int:
        """Index of the segment at or before ``offset``."""
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def heading_before(self, offset: int, *, limit: int = 40) -> str | None:
        """The nearest heading above ``offset`` (within ``limit`` segments)."""
        i = self.index_at(offset)
        key = (i, limit)
        if key not in self._headings:
            self._headings[key] = self._heading_before(i, limit)
        return self._headings[key]

    def _heading_before(self, i: int, limit: int) -> str | None:
        j = self._last_heading[i] if i < len(self._last_heading) else -1
        if j >= 0 and i - j <= limit:
            seg = self.segments[j]
            return self.text[seg.start:seg.end].strip("*#=_ ")
        return None

    def table_header_for(self, offset: int) -> str | None:
        """For a table row: the nearest table row above it that has no digits (its header)."""
        i = self.index_at(offset)
        if i not in self._table_headers:
            self._table_headers[i] = self._table_header_for(i)
        return self._table_headers[i]

    def _table_header_for(self, i: int) -> str | None:
        j = self._last_label_row[i] if i < len(self._last_label_row) else -1
        if j >= 0 and self.segments[i].is_table_row and i - j < 60:
            return self.text[self.segments[j].start:self.segments[j].end]
        return None

    def previous_text(self, offset: int, *, count: int = 2, limit: int = 400) -> str | None:
        """Up to ``count`` segments before the one at ``offset``, stopping at a heading."""
        i = self.index_at(offset)
        key = (i, count, limit)
        if key not in self._previous:
            self._previous[key] = self._previous_text(i, count, limit)
        return self._previous[key]

    def _previous_text(self, i: int, count: int, limit: int) -> str | None:
        parts: list[str] = []
        for j in range(i - 1, max(-1, i - 1 - count), -1):
            seg = self.segments[j]
            if seg.is_heading or seg.is_table_row:
                break
            parts.insert(0, self._squeezed(j))
        joined = " ".join(parts)
        return joined[-limit:] if joined else None

    def _squeezed(self, j: int) -> str:
        """Segment ``j`` with its runs of white space made single spaces (kept: each
        segment is the context of the next two)."""
        squeezed = self._squeezed_segments.get(j)
        if squeezed is None:
            seg = self.segments[j]
            squeezed = self._squeezed_segments[j] = " ".join(self.text[seg.start:seg.end].split())
        return squeezed


_CELL_SPLIT = re.compile(r"\t+|(?<=\S) {2,}(?=\S)|\s*\|\s*")


def table_cells(line: str) -> list[tuple[int, int]]:
    """(start, end) of each cell of a table row: cells are separated by tabs, runs of two or
    more spaces, or ``|``."""
    cells = []
    cursor = 0
    for sep in _CELL_SPLIT.finditer(line):
        if sep.start() > cursor and line[cursor:sep.start()].strip():
            cells.append(_trim(line, cursor, sep.start()))
        cursor = sep.end()
    if cursor < len(line) and line[cursor:].strip():
        cells.append(_trim(line, cursor, len(line)))
    return [c for c in cells if c[0] < c[1]]


def _line_bounds(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    end = len(text) if end == -1 else end
    if end > start and text[end - 1] == "\r":
        end -= 1
    return start, end


_NUMERIC_CELL = re.compile(r"^[\s\u00a0\u202f]*[-+−–]?[£$€¥]?[0-9][0-9,.\u00a0\u202f ]*[%‰]?[\s\u00a0\u202f]*$|^[–—-]$")
_YEARISH = re.compile(r"^(?:FY\s?)?(?:19|20)[0-9]{2}(?:[-–‑/](?:[0-9]{2}|[0-9]{4}))?[A-Za-z]?$")


def _is_header_cell(cell: str) -> bool:
    cell = cell.strip()
    return bool(cell) and (not re.search(r"[0-9]", cell) or bool(_YEARISH.match(cell))
                           or bool(re.search(r"[A-Za-z]{3,}", cell)))


def table_context(text: str, offset: int, *, max_rows: int = 40,
                  cache: dict | None = None,
                  ) -> tuple[str | None, str | None]:
    """For a number in a table row: its row label and the header of its column.

    The row label is the first cell of the row; the column header is the cell of the
    nearest row above, in the same table, whose cells are labels (words or years), taken
    by horizontal position (space-aligned tables) or by cell index (tab-separated ones).
    ``cache``, a dict kept for one text, saves looking for the header row again for each
    number of a row.
    """
    start, end = _line_bounds(text, offset)
    line = text[start:end]
    cached = cache.get(start) if cache is not None else None
    if cached is None:
        cells = table_cells(line)
        if cache is not None:
            cache[start] = cells
    else:
        cells = cached
    if len(cells) < 2:
        return None, None
    index = next((k for k, (cs, ce) in enumerate(cells) if cs <= offset - start < ce), None)
    if index is None:
        return None, None
    row_label = line[cells[0][0]:cells[0][1]] if index > 0 else None
    if row_label is not None and _NUMERIC_CELL.match(row_label):
        row_label = None
    column_label = None
    tabbed = "\t" in line
    if cache is not None and (start, max_rows) in cache:
        header = cache[(start, max_rows)]
    else:
        header = _header_row_above(text, start, max_rows, cache)
        if cache is not None:
            cache[(start, max_rows)] = header
    if header is not None:
        above, above_cells = header
        # a header row with an empty top-left cell ("        2019    2020") labels every column
        labelled = not (_blank_corner(above) or above_cells[0][0] >= cells[0][1])
        if tabbed or "|" in above:
            position = index if labelled else index - 1
            if 0 <= position < len(above_cells):
                column_label = above[above_cells[position][0]:above_cells[position][1]]
        else:
            cs, ce = cells[index]
            best, best_overlap = None, 0
            candidates = above_cells[1:] if labelled else above_cells
            for hs, he in candidates:
                overlap = min(ce, he) - max(cs, hs)
                if overlap > best_overlap:
                    best, best_overlap = (hs, he), overlap
            if best is None:
                centre = (cs + ce) / 2
                best = min(candidates, key=lambda h: abs((h[0] + h[1]) / 2 - centre))
            column_label = above[best[0]:best[1]]
    return row_label, column_label


def _blank_corner(row: str) -> bool:
    """Does a header row leave its top-left cell (over the row labels) empty?"""
    return row[:1] in (" ", "\t")


def _opens_table(text: str, start: int, cache: dict | None = None) -> bool:
    """Is the line at ``start`` the first row of its table (nothing above it but a blank
    line, a heading or prose of one cell)?"""
    if start <= 0:
        return True
    prev_start, prev_end = _line_bounds(text, start - 1)
    above = text[prev_start:prev_end]
    if not above.strip():
        return True
    cells = cache.get(prev_start) if cache is not None else None
    if cells is None:
        cells = table_cells(above)
    return len(cells) < 2


def _header_row_above(text: str, start: int, max_rows: int,
                      cache: dict | None = None) -> tuple[str, list[tuple[int, int]]] | None:
    """The nearest row above the line at ``start``, in the same table, whose cells are
    labels (words or years): its text and cells (``cache``: the cells of lines by start)."""
    cursor = start
    for _ in range(max_rows):
        if cursor <= 0:
            break
        prev_start, prev_end = _line_bounds(text, cursor - 1)
        above = text[prev_start:prev_end]
        cursor = prev_start
        if not above.strip():
            break
        above_cells = cache.get(prev_start) if cache is not None else None
        if above_cells is None:
            above_cells = table_cells(above)
            if cache is not None:
                cache[prev_start] = above_cells
        if len(above_cells) < 2:
            break
        # the cells over the figures: all of them when the top-left cell is empty
        heads = above_cells if _blank_corner(above) else above_cells[1:]
        if not all(_is_header_cell(above[cs:ce]) for cs, ce in heads):
            continue
        numeric = [above[cs:ce].strip() for cs, ce in heads if _NUMERIC_CELL.match(above[cs:ce])]
        if numeric:
            # a row of figures is data; a row of two or more distinct years ("Item  2026
            # 2022  Change") heads the columns of a year-on-year table, but only as the
            # table's first row: below a header of words, "Opened  1987  1990" is data
            if not (len(set(numeric)) == len(numeric) >= 2 and all(_YEARISH.match(cell) for cell in numeric)
                    and _opens_table(text, prev_start, cache)):
                continue
        return above, above_cells
    return None
