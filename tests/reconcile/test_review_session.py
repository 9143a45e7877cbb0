"""The interactive review session, driven with scripted keys against hand-built flags."""

from __future__ import annotations

import io

from rich.console import Console

from claims import Claim
from reconcile.decisions import new_decision
from reconcile.model import Decision, Discrepancy, Review
from reconcile.review import QuitReview, Terminal, card, run_review

COURIER = "Harlow news\nThe Harlow Bridge opened to traffic in 1992. It carries 12,400 vehicles a day.\n"
GAZETTE = "The  Harlow Bridge\nopened to traffic in 1993, the town says.\n"


def claim(doc: str, text: str, surface: str, sentence: str) -> Claim:
    start = text.index(surface)
    sentence_start = text.index(sentence)
    return Claim(doc=doc, start=start, end=start + len(surface), text=surface, kind="date", value=surface,
                 low=f"{surface}-01-01", high=f"{surface}-12-31", unit=None, qualifier="in", sentence=sentence,
                 sentence_start=sentence_start, line=text.count("\n", 0, start) + 1, column=1)


C1992 = claim("courier.txt", COURIER, "1992", "The Harlow Bridge opened to traffic in 1992.")
C1993 = claim("gazette.txt", GAZETTE, "1993", "The  Harlow Bridge\nopened to traffic in 1993, the town says.")
BRIDGE = Discrepancy(id="b1d9e0c4a7f25e61", fact="date: opened harlow bridge", fact_key="date", klass="conflict",
                     claims=(C1992, C1993), values=("1992", "1993"), sides=((C1992.id,), (C1993.id,)),
                     explanation="The sentences speak of the Harlow Bridge opening, in different years.",
                     confidence=0.91)
TOLL = Discrepancy(id="77aa00ffee112233", fact="amount: toll", fact_key="money|EUR", klass="possible_update",
                   claims=(), values=("4 EUR", "5 EUR"), sides=((), ()), explanation="Tolls rose.", confidence=0.6)

CARD = """\
[1/2] b1d9e0c4a7f25e61  conflict  confidence 0.91
date: opened harlow bridge: 1992 vs 1993
  1992
    courier.txt, line 2: The Harlow Bridge opened to traffic in «1992».
  1993
    gazette.txt, line 2: The Harlow Bridge opened to traffic in «1993», the town says.
  Why: The sentences speak of the Harlow Bridge opening, in different years.
"""


class Script:
    """A terminal whose answers are scripted; prompts are written to the console like a real one."""

    def __init__(self, *answers: str) -> None:
        self.answers = list(answers)
        self.out = io.StringIO()
        self.console = Console(file=self.out, width=120, highlight=False, markup=False, emoji=False)

    def read_key(self, prompt: str) -> str:
        answer = self.answers.pop(0) if self.answers else ""  # "" is the end of input
        self.console.print(prompt + answer)
        return answer.lower()

    def read_line(self, prompt: str) -> str:
        if not self.answers:
            raise QuitReview
        answer = self.answers.pop(0)
        self.console.print(prompt + answer)
        return answer

    def terminal(self) -> Terminal:
        return Terminal(console=self.console, read_key=self.read_key, read_line=self.read_line)


def recorder(saved: list[Decision]):
    def record(discrepancy, verdict, note, value):
        decision = new_decision(discrepancy, verdict, by="alice", note=note, value=value,
                                at="2026-11-23T10:15:00Z")
        saved.append(decision)
        return decision

    return record


def test_the_card_shows_the_values_sentences_with_marked_spans_and_why():
    plain = Console(file=io.StringIO(), width=120, highlight=False, markup=False)
    plain.print(card(BRIDGE, Review(), index=1, total=2, highlight_style=None))
    assert plain.file.getvalue() == CARD


def test_the_card_highlights_spans_with_a_style_on_a_colour_terminal():
    text = card(BRIDGE, Review(), index=1, total=2)
    assert "«" not in text.plain
    spans = [text.plain[s.start:s.end] for s in text.spans if s.style == "bold reverse"]
    assert spans == ["1992", "1993"]


def test_the_card_shows_an_existing_verdict_and_the_earlier_decisions_on_the_fact():
    earlier = Decision("0123456789abcdef", "dismissed", "bob", "2026-01-02T03:04:05Z", note="a typo",
                       fact="date: opened harlow bridge", fact_key="date", values=("1992", "1994"))
    current = new_decision(BRIDGE, "confirmed", by="alice", at="2026-11-23T10:15:00Z", value="1992")
    text = card(BRIDGE, Review("confirmed", current, (earlier,)), index=1, total=1, highlight_style=None).plain
    assert text.endswith(
        "  Already confirmed by alice on 2026-11-23T10:15:00Z (correct value 1992)\n"
        "  Earlier on this fact: dismissed by bob on 2026-01-02T03:04:05Z: a typo, when it read 1992 vs 1994")


def test_many_sentences_of_one_side_are_summarised_by_document():
    many = tuple(claim(f"d{n}.txt", COURIER, "1992", "The Harlow Bridge opened to traffic in 1992.")
                 for n in range(5))
    flag = Discrepancy(BRIDGE.id, BRIDGE.fact, "date", "conflict", many + (C1993,), ("1992", "1993"),
                       (tuple(c.id for c in many), (C1993.id,)), "Why.", 0.9)
    text = card(flag, Review(), index=1, total=1, highlight_style=None).plain
    assert text.count("opened to traffic in «1992»") == 3
    assert "    and 2 more in d3.txt, d4.txt\n  1993\n" in text


def test_approve_with_note_and_picked_value_then_reject_saves_each_answer_at_once():
    saved: list[Decision] = []
    script = Script("a", "the courier checked the plaque", "1", "r", "", "")
    outcome = run_review([BRIDGE, TOLL], {}, terminal=script.terminal(), record=recorder(saved))
    assert [(d.fingerprint, d.verdict, d.note, d.value) for d in saved] == [
        (BRIDGE.id, "confirmed", "the courier checked the plaque", "1992"),
        (TOLL.id, "dismissed", "", None)]
    assert outcome.decided == tuple(saved) and outcome.skipped == () and not outcome.quit
    out = script.out.getvalue()
    assert out.startswith(CARD)
    assert ("[a]pprove  [r]eject  [s]kip  [q]uit > a\n"
            "Note (Enter for none): the courier checked the plaque\n"
            "Correct value? 1) 1992  2) 1993, or type it (Enter: not sure): 1\n"
            "Saved: confirmed by alice, correct value 1992.\n\n"
            "[2/2] 77aa00ffee112233  possible_update  confidence 0.60\n") in out
    # a rejection asks no correct value
    assert out.endswith("[a]pprove  [r]eject  [s]kip  [q]uit > r\nNote (Enter for none): \n"
                        "Saved: dismissed by alice.\n\n")


def test_a_typed_value_is_kept_as_typed_and_unknown_keys_are_asked_again():
    saved: list[Decision] = []
    script = Script("x", "A", "", "1991", "s")
    outcome = run_review([BRIDGE, TOLL], {}, terminal=script.terminal(), record=recorder(saved))
    assert [(d.verdict, d.value) for d in saved] == [("confirmed", "1991")]
    assert outcome.skipped == (TOLL.id,)
    out = script.out.getvalue()
    assert ("[a]pprove  [r]eject  [s]kip  [q]uit > x\n"
            "Press a (a real discrepancy), r (a false flag), s (decide later) or q (stop here).\n"
            "[a]pprove  [r]eject  [s]kip  [q]uit > A\n"
            "Note (Enter for none): \n"
            "Correct value? 1) 1992  2) 1993, or type it (Enter: not sure): 1991\n"
            "Saved: confirmed by alice, correct value 1991.\n") in out
    assert out.endswith("[a]pprove  [r]eject  [s]kip  [q]uit > s\nSkipped.\n\n")


def test_quit_and_end_of_input_stop_without_saving_a_half_given_answer():
    saved: list[Decision] = []
    outcome = run_review([BRIDGE, TOLL], {}, terminal=Script("q").terminal(), record=recorder(saved))
    assert saved == [] and outcome.quit
    script = Script("a")  # the note never comes: end of input
    outcome = run_review([BRIDGE], {}, terminal=script.terminal(), record=recorder(saved))
    assert saved == [] and outcome.quit and outcome.decided == ()
    assert script.out.getvalue().endswith("Stopped; every answer given so far is saved.\n")
