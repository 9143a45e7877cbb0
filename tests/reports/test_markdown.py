"""The Markdown report: pasted into a pull request, it must read right and never run markup."""

from __future__ import annotations

import dataclasses

from markdown_it import MarkdownIt

from reports.markdown import code, escape, render_markdown

EXPECTED = """\
# Consistency report

2 discrepancies in 3 documents (6 claims): 1 unreviewed, 0 confirmed, 1 dismissed.

Gate: failed: 1 discrepancy is unreviewed (--fail-on unreviewed).

## 1. year the Harlow Bridge opened

**conflict** · id `aaaa1111bbbb2222` · confidence 0.91 · review: **unreviewed**

both sentences speak of harlow, bridge, opened; courier says 1992; gazette says 1993

- Value **1992**:
  - `bridge/courier.txt`, line 2, column 40:
    > The Harlow Bridge opened to traffic in **1992**.
- Value **1993**:
  - `bridge/gazette.txt`, line 1, column 40:
    > The Harlow Bridge opened to traffic in **1993**.

## 2. bridge toll \\<in euros\\>

**possible update** · id `cccc3333dddd4444` · confidence 0.60 · review: \
**dismissed by ana on 2026-11-23T10:15:00Z: two different tolls**

the toll may have risen: \\<b\\>4\\</b\\> then 5 \\& more

- Value **4 EUR**:
  - `bridge/gazette.txt`, line 2, column 15:
    > Tolls rose to **4 euros** in 2024.
- Value **5 EUR**:
  - `bridge/weird <b>.md`, line 2, column 53:
    > \\<script\\>document.title='pwned'\\</script\\> The toll is **5 euros** \\& rising.

### Warnings

- docs/empty.txt: empty document, skipped
"""


def test_the_whole_report(report):
    assert render_markdown(report) == EXPECTED


def test_nothing_found(agreeing_report):
    assert render_markdown(agreeing_report) == (
        "# Consistency report\n\n"
        "No discrepancies found in 3 documents (6 claims checked): the documents agree.\n\n"
        "Gate: passed (--fail-on unreviewed).\n"
    )


def test_rendered_markdown_bolds_the_claims_and_keeps_document_html_as_text(report):
    html = MarkdownIt("commonmark").render(render_markdown(report))
    assert html.count("<blockquote>") == 4
    assert "traffic in <strong>1992</strong>." in html
    assert "<script>" not in html and "&lt;script&gt;document.title" in html
    assert "<b>" not in html


def test_escape_defuses_block_and_inline_markup():
    md = MarkdownIt("commonmark")
    for text in ("- not a list", "# not a heading", "12. not a list", "> not a quote", "*not em*",
                 "a | b | c", "[link](http://x)", "<img src=x onerror=alert(1)>", "`code`", "&amp;"):
        rendered = md.render(escape(text))
        assert rendered == f"<p>{_html_text(text)}</p>\n", text


def test_line_breaks_in_a_sentence_stay_inside_the_quote(report, claims):
    multiline = dataclasses.replace(claims["1992"], sentence="The Harlow Bridge\n- opened in 1992.",
                                    sentence_start=claims["1992"].start - 30)
    opened = dataclasses.replace(report.discrepancies[1], claims=(multiline, claims["1993"]))
    text = render_markdown(dataclasses.replace(report, discrepancies=(opened,)))
    # one quoted line: the "- " that began a line in the document is now mid-line, harmless
    assert "    > The Harlow Bridge - opened in **1992**.\n" in text


def test_code_spans_survive_backticks():
    assert code("plain.txt") == "`plain.txt`"
    assert code("a`b.txt") == "``a`b.txt``"
    assert MarkdownIt("commonmark").render(code("`odd`.txt")) == "<p><code>`odd`.txt</code></p>\n"


def _html_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
