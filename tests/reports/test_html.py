"""The HTML report as text: escaped, self-contained, highlighted, filterable (no browser here;
test_html_browser.py opens it in Chromium)."""

from __future__ import annotations

import base64
import hashlib
import re

from reports.html import render_html


def test_document_text_is_escaped(report):
    html = render_html(report)
    assert html.count("<script>") == 1  # the report's own filter script, nothing else
    assert "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;" in html
    assert "<img" not in html and "&lt;img src=x onerror=" in html
    assert "<b>" not in html and "&lt;b&gt;4&lt;/b&gt;" in html  # the explanation too
    assert "<code>bridge/weird &lt;b&gt;.md</code>" in html  # and document names


def test_the_page_fetches_nothing(report):
    html = render_html(report)
    assert not re.search(r"<[^>]*\b(src|href|action)\s*=", html)  # no attribute loads anything
    assert "url(" not in html and "@import" not in html
    assert "http://" not in html and "https://" not in html


def test_only_the_page_own_script_may_run(report):
    html = render_html(report)
    script = re.search(r"<script>(.*?)</script>", html, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert policy.startswith("default-src 'none';")
    assert f"script-src 'sha256-{digest}'" in policy


def test_claims_are_highlighted_inside_their_sentences(report):
    html = render_html(report)
    assert re.findall(r'<mark class="claim-span">([^<]*)</mark>', html) == ["1992", "1993", "4 euros", "5 euros"]
    assert "<p>The Harlow Bridge opened to traffic in <mark class=\"claim-span\">1992</mark>.</p>" in html
    assert '<p class="context">&lt;img src=x' in html  # the sentence before, for context


def test_filters_by_class_and_review_state(report):
    html = render_html(report)
    assert re.findall(r'<input type="checkbox" name="(\w+)" value="(\w+)" checked>', html) == [
        ("class", "conflict"), ("class", "possible_update"),
        ("review", "unreviewed"), ("review", "confirmed"), ("review", "dismissed")]
    assert re.findall(r'data-class="(\w+)" data-review="(\w+)"', html) == [
        ("conflict", "unreviewed"), ("possible_update", "dismissed")]


def test_readable_on_a_phone(report):
    html = render_html(report)
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert "@media (max-width: 30rem)" in html


def test_nothing_found(agreeing_report):
    html = render_html(agreeing_report)
    assert ('<p class="empty">No discrepancies found in 3 documents (6 claims checked): '
            'the documents agree.</p>') in html
    assert "<form" not in html and "<article" not in html
