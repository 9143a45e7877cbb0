"""The Markdown report: what an editor pastes into a pull request or an issue."""

from __future__ import annotations

import re

from claims import Claim
from reconcile.model import Report

from .common import gate_line, one_line, review_text, sentence_parts, sides_of, sorted_discrepancies, summary_line

# Characters that Markdown (GitHub's included) could read as inline markup, a table cell
# border, an entity or raw HTML, anywhere in a line ...
_MARKUP = re.compile(r"([\\`*_\[\]<>|~&])")
# ... and what makes a block (heading, list, quote, rule) at the start of one.
_BLOCK_START = re.compile(r"^(\s*)([#+\-=>]|\d+(?=[.)]))")
_WHITESPACE = re.compile(r"\s+")


def escape(text: str) -> str:
    """``text`` on one line, with every Markdown/HTML special character backslash-escaped.

    Document text is data: a sentence holding ``*``, ``|`` or ``<script>`` must show as
    written, never turn into emphasis, a table or HTML.
    """
    return _escape_block_start(_escape_inline(text).strip())


def _escape_block_start(text: str) -> str:
    match = _BLOCK_START.match(text)
    if match is None:
        return text
    marker = match.group(2)
    if marker[0].isdigit():  # "1. " is a list item; "1\\. " is not
        end = match.end()
        return f"{text[:end]}\\{text[end:]}"
    return f"{match.group(1)}\\{text[match.start(2):]}"

def _escape_inline(text: str) -> str:
    # line breaks become spaces (a quote is one line), but edges are kept: the parts of a
    # sentence around a bold span must keep their spaces
    return _MARKUP.sub(r"\\\1", _WHITESPACE.sub(" ", text))


def code(text: str) -> str:
    """``text`` as an inline code span, whatever backticks it holds."""
    text = one_line(text)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def _quote(claim: Claim) -> str:
    """The claim's sentence, escaped, with the claim's own span in bold."""
    parts = sentence_parts(claim)
    span = _escape_inline(parts.span).strip()
    bold = f"**{span}**" if span else ""
    return _escape_block_start(f"{_escape_inline(parts.before)}{bold}{_escape_inline(parts.after)}".strip())


def render_markdown(report: Report, *, fail_on: str = "unreviewed", **_options) -> str:
    """Render ``report`` as GitHub-flavoured Markdown.

    A summary line, the gate, then each discrepancy: its fact and class, the explanation,
    each value with the documents that state it and their sentences quoted with the number
    in bold, and its review state.

    Args:
        report: What the check found.
        fail_on: The ``--fail-on`` setting, for the gate line.

    Returns:
        The Markdown text, ending with a newline.
    """
    lines = ["# Consistency report", "", summary_line(report), "", gate_line(report, fail_on)]
    for number, discrepancy in enumerate(sorted_discrepancies(report), start=1):
        review = report.review_of(discrepancy)
        lines += [
            "",
            f"## {number}. {escape(discrepancy.fact) or 'Unnamed fact'}",
            "",
            f"**{discrepancy.klass.replace('_', ' ')}** · id {code(discrepancy.id)} · "
            f"confidence {discrepancy.confidence:.2f} · review: **{escape(review_text(review))}**",
            "",
            escape(discrepancy.explanation),
            "",
        ]
        for side in sides_of(discrepancy):
            lines.append(f"- Value **{escape(side.value)}**:")
            for claim in side.claims:
                lines.append(f"  - {code(claim.doc)}, line {claim.line}, column {claim.column}:")
                lines.append(f"    > {_quote(claim)}")
        for earlier in review.earlier:
            lines.append(f"Earlier decision on this fact: {escape(earlier.verdict)} "
                         f"({escape(', '.join(earlier.values))}) by {escape(earlier.by)} on {escape(earlier.at)}.")
    if report.warnings:
        lines += ["", "### Warnings", ""]
        lines += [f"- {escape(warning)}" for warning in report.warnings]
    # one blank line between blocks, none at the end
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return text.strip("\n") + "\n"
