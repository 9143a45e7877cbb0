"""The claim record: one numeric or dated statement with its exact place in a document."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

KINDS: tuple[str, ...] = ("date", "money", "percent", "count", "quantity", "ordinal")

Number = float | int
DateValue = str


@dataclass(frozen=True, slots=True)
class Claim:
    """A numeric or dated claim found in a document.

    Offsets index the document text exactly as read with
    ``open(path, encoding="utf-8", newline="")``: ``text[start:end] == claim.text``.

    Attributes:
        doc: Document id: the path relative to the scanned folder, with ``/``.
        start: Offset of the first character of the claim.
        end: Offset one past the last character.
        text: The claim's surface text (qualifier included: "over 14 million euros").
        kind: One of ``date``, ``money``, ``percent``, ``count``, ``quantity``, ``ordinal``.
        value: The normalized value: a number in base units, or for dates an ISO 8601 string
            to its precision ("1952", "1952-03", "2025-12-20", "2026/2030").
        low: Lower bound of the interval the text allows (``None`` when open below); for
            dates the first day covered, as an ISO string.
        high: Upper bound (``None`` when open above); for dates the last day covered.
        unit: ISO 4217 code for money, a unit symbol for quantities, ``%`` for percent.
        qualifier: The qualifier word(s), normalized ("over", "approximately", "up to").
        sentence: The sentence (or table row, or list item) that holds the claim.
        sentence_start: Offset of ``sentence`` in the document.
        precision: For dates: ``year``, ``month``, ``day``, ``quarter``, ``season``,
            ``decade``, ``range``, ``time`` or ``relative``; for numbers the size of the
            last written digit in base units (a rounding step) or ``None``.
        noun: The words that say what a number counts or measures ("community projects").
        heading: The nearest heading or table header row above the claim, if any.
        previous: The one or two sentences before ``sentence`` in the same section (context:
            "the 40th anniversary of the founding of the Harlow Rowing Club ...").
        row_label: For a number in a table row: the row's first cell ("Private households").
        column_label: For a number in a table row: its column's header ("2023–24").
        line: 1-based line of ``start`` (a ``\r\n`` counts as one line break).
        column: 1-based column of ``start`` on its line, in characters.
    """

    doc: str
    start: int
    end: int
    text: str
    kind: str
    value: float | str | None
    low: float | str | None
    high: float | str | None
    unit: str | None
    qualifier: str | None
    sentence: str
    sentence_start: int
    precision: str | float | None = None
    noun: str | None = None
    heading: str | None = None
    previous: str | None = None
    row_label: str | None = None
    column_label: str | None = None
    line: int = 1
    column: int = 1

    def __hash__(self) -> int:
        # Claims key the grouping's caches millions of times: a claim's document and span
        # tell it from every other claim of a scan, and hashing three fields instead of
        # twenty takes a third of the time.  Equal claims have equal spans, as a hash needs.
        return hash((self.doc, self.start, self.end))

    @property
    def id(self) -> str:
        """A stable id within one scan: ``doc:start-end``."""
        return f"{self.doc}:{self.start}-{self.end}"

    def to_dict(self) -> dict:
        """The claim as a JSON-ready dict, ``id`` first."""
        data = {"id": self.id}
        data.update(asdict(self))
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Claim:
        """Rebuild a claim from :meth:`to_dict` output (extra keys are ignored)."""
        fields = cls.__dataclass_fields__
        return cls(**{key: data.get(key) for key in fields if key in data})


# The extractor builds one claim per number of every document.  Through the frozen
# dataclass's __init__ that costs about 6 µs a claim (one object.__setattr__ per field);
# filling the slots directly costs a third of it and gives an equal object.
_SLOT_SETTERS = tuple(getattr(Claim, field.name).__set__ for field in fields(Claim))


def claim_from_fields(*values: object) -> Claim:
    """A :class:`Claim` from the values of all its fields, in their declared order."""
    if len(values) != len(_SLOT_SETTERS):
        raise TypeError(f"claim_from_fields() takes {len(_SLOT_SETTERS)} values, {len(values)} given")
    claim = object.__new__(Claim)
    for set_slot, value in zip(_SLOT_SETTERS, values):
        set_slot(claim, value)
    return claim
