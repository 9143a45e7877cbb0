"""The interactive terminal review: one flag at a time, answered with one key.

The session knows nothing of how keys are read (the CLI passes click's single-key reader on
a terminal and a line reader otherwise) nor of where answers go (``record`` saves each one
at once through :mod:`reconcile.decisions`), so it can be driven from a test.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from rich.console import Console
from rich.text import Text

from claims import Claim

from .model import Decision, Discrepancy, Review

#: Sentences shown per side before the rest are summarised by document.
SENTENCES_PER_SIDE = 3

KEYS_PROMPT = "[a]pprove  [r]eject  [s]kip  [q]uit > "
KEYS_HELP = "Press a (a real discrepancy), r (a false flag), s (decide later) or q (stop here)."


class QuitReview(Exception):
    """The reviewer stopped (q, Ctrl-C or end of input)."""


@dataclass
class Terminal:
    """What a review session needs from the terminal.

    Attributes:
        console: Where cards and messages are printed.
        read_key: Shows a prompt and returns one key, lowercased ("" at end of input).
        read_line: Shows a prompt and returns a line (raises ``QuitReview`` at end of input).
    """

    console: Console
    read_key: Callable[[str], str]
    read_line: Callable[[str], str]


@dataclass(frozen=True)
class ReviewOutcome:
    """What a session did."""

    decided: tuple[Decision, ...]
    skipped: tuple[str, ...]
    quit: bool


Record = Callable[[Discrepancy, str, str, "str | None"], Decision]


def run_review(queue: Sequence[Discrepancy], reviews: Mapping[str, Review], *, terminal: Terminal,
               record: Record) -> ReviewOutcome:
    """Ask about each discrepancy of ``queue`` in turn and record each answer at once.

    Args:
        queue: The discrepancies to review, in order.
        reviews: Their current review state (shows an existing verdict and earlier decisions).
        terminal: How to talk to the reviewer.
        record: ``record(discrepancy, verdict, note, value)`` saves one answer and returns the
            decision saved.

    Returns:
        The decisions taken, the fingerprints skipped, and whether the reviewer quit early.
    """
    console = terminal.console
    decided: list[Decision] = []
    skipped: list[str] = []
    for index, discrepancy in enumerate(queue, start=1):
        console.print(card(discrepancy, reviews.get(discrepancy.id, Review()), index=index, total=len(queue),
                           highlight_style=None if console.no_color or not console.is_terminal else "bold reverse"))
        try:
            key = _ask_key(terminal)
            if key == "q":
                raise QuitReview
            if key == "s":
                skipped.append(discrepancy.id)
                console.print("Skipped.")
                console.print()
                continue
            verdict = "confirmed" if key == "a" else "dismissed"
            note = terminal.read_line("Note (Enter for none): ")
            value = _ask_value(terminal, discrepancy) if verdict == "confirmed" else None
        except (QuitReview, KeyboardInterrupt, EOFError):
            console.print("Stopped; every answer given so far is saved.")
            return ReviewOutcome(tuple(decided), tuple(skipped), quit=True)
        decision = record(discrepancy, verdict, note, value)
        decided.append(decision)
        correct = f", correct value {decision.value}" if decision.value else ""
        console.print(f"Saved: {decision.verdict} by {decision.by}{correct}.")
        console.print()
    return ReviewOutcome(tuple(decided), tuple(skipped), quit=False)


def _ask_key(terminal: Terminal) -> str:
    while True:
        key = terminal.read_key(KEYS_PROMPT)
        if key == "":
            raise QuitReview
        if key in ("a", "r", "s", "q"):
            return key
        terminal.console.print(KEYS_HELP)


def _ask_value(terminal: Terminal, discrepancy: Discrepancy) -> str | None:
    """The correct value: a number picks one of the values shown, other text is taken as is."""
    choices = "  ".join(f"{n}) {v}" for n, v in enumerate(discrepancy.values, start=1))
    answer = terminal.read_line(f"Correct value? {choices}, or type it (Enter: not sure): ").strip()
    if not answer:
        return None
    if answer.isdigit() and 1 <= int(answer) <= len(discrepancy.values):
        return discrepancy.values[int(answer) - 1]
    return answer


# ---------------------------------------------------------------- the card

def card(discrepancy: Discrepancy, review: Review, *, index: int, total: int,
         highlight_style: str | None = "bold reverse") -> Text:
    """One discrepancy as the reviewer sees it: fact, values with their sentences, why, context.

    Args:
        discrepancy: The flag.
        review: Its review state (an existing verdict and earlier decisions on the fact).
        index: Its position in the session (1-based).
        total: The length of the session.
        highlight_style: rich style of the claim spans; ``None`` marks them «like this»
            instead, for output without colour.
    """
    text = Text()
    text.append(f"[{index}/{total}] {discrepancy.id}  {discrepancy.klass}  "
                f"confidence {discrepancy.confidence:.2f}\n", style="bold")
    text.append(f"{discrepancy.fact}: {' vs '.join(discrepancy.values)}\n", style="bold cyan")
    claims_by_id = {c.id: c for c in discrepancy.claims}
    for value, side in zip(discrepancy.values, discrepancy.sides):
        side_claims = [claims_by_id[cid] for cid in side if cid in claims_by_id]
        text.append(f"  {value}\n", style="bold")
        for claim in side_claims[:SENTENCES_PER_SIDE]:
            text.append(f"    {claim.doc}, line {claim.line}: ", style="dim")
            text.append_text(_sentence(claim, highlight_style))
            text.append("\n")
        rest = side_claims[SENTENCES_PER_SIDE:]
        if rest:
            docs = sorted({c.doc for c in rest})
            text.append(f"    and {len(rest)} more in {', '.join(docs)}\n", style="dim")
    text.append(f"  Why: {discrepancy.explanation}\n")
    if review.decision is not None:
        text.append(f"  Already {_said(review.decision)}\n", style="yellow")
    for earlier in review.earlier:
        text.append(f"  Earlier on this fact: {_said(earlier)}, when it read "
                    f"{' vs '.join(earlier.values)}\n", style="yellow")
    text.rstrip()
    return text


def _said(decision: Decision) -> str:
    said = f"{decision.verdict} by {decision.by} on {decision.at}"
    if decision.value:
        said += f" (correct value {decision.value})"
    if decision.note:
        said += f": {decision.note}"
    return said


def _sentence(claim: Claim, highlight_style: str | None) -> Text:
    """The claim's sentence, one line, with the claim's span highlighted."""
    sentence = claim.sentence
    start = claim.start - claim.sentence_start
    end = start + len(claim.text)
    if not (0 <= start and sentence[start:end] == claim.text):
        found = sentence.find(claim.text)
        start, end = (found, found + len(claim.text)) if found >= 0 else (0, 0)
    before, span, after = (" ".join(part.split()) for part in
                           (sentence[:start], sentence[start:end], sentence[end:]))
    text = Text()
    text.append(before + (" " if before and sentence[:start][-1:].isspace() else ""))
    if highlight_style is None:
        text.append(f"«{span}»")
    else:
        text.append(span, style=highlight_style)
    text.append((" " if after and sentence[end:][:1].isspace() else "") + after)
    return text
