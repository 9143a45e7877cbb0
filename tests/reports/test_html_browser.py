"""The HTML report in a real headless Chromium: highlights drawn, scripts inert, filters working.

Needs Debian's ``chromium`` (``.ci/run`` installs it) and the playwright package (not its
downloaded browsers).  Outside CI a missing browser skips these tests; in CI (``CI=true``)
it fails them, so a broken CI image cannot pass without the browser check.
"""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest

from reports.html import render_html

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
#: The highlight colour of ``mark.claim-span`` (``--mark`` in the template), as RGB.
MARK_RGB = (0xFF, 0xD4, 0x3B)
PHONE = {"width": 390, "height": 844}


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}: CI must run the browser tests (.ci/run installs chromium)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    """A headless Debian Chromium driven by playwright (never a downloaded browser)."""
    if not (os.path.exists(CHROMIUM) and os.access(CHROMIUM, os.X_OK)) and not shutil.which("chromium"):
        _unavailable(f"{CHROMIUM} is not installed")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser, report, tmp_path):
    """The fixture report opened from a file, at a phone's width, with its requests recorded."""
    path = tmp_path / "report.html"
    path.write_text(render_html(report), encoding="utf-8")
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, java_script_enabled=True)
    page = context.new_page()
    page.requests = []
    page.dialogs = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(path.as_uri())
    page.report_url = path.as_uri()
    yield page
    context.close()


def _share_of_colour(image, box, rgb, tolerance=12) -> float:
    """The share of pixels inside ``box`` (a playwright bounding box) close to ``rgb``."""
    left, top = int(box["x"]), int(box["y"])
    right, bottom = int(box["x"] + box["width"]), int(box["y"] + box["height"])
    pixels = [image.getpixel((x, y))[:3] for x in range(left, right) for y in range(top, bottom)]
    near = sum(all(abs(a - b) <= tolerance for a, b in zip(pixel, rgb)) for pixel in pixels)
    return near / max(len(pixels), 1)


def test_highlights_are_drawn_on_the_claims(page, tmp_path):
    from PIL import Image

    marks = page.locator("mark.claim-span")
    assert marks.count() == 4
    assert marks.all_inner_texts() == ["1992", "1993", "4 euros", "5 euros"]
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot), full_page=True)
    image = Image.open(io.BytesIO(shot.read_bytes())).convert("RGB")
    for index in range(marks.count()):
        box = marks.nth(index).bounding_box()  # page coordinates (full-page screenshot, no scroll)
        assert box is not None and box["width"] > 0
        box = {**box, "y": box["y"] + page.evaluate("window.scrollY")}
        assert _share_of_colour(image, box, MARK_RGB) > 0.4, f"highlight {index} is not drawn"
    heading = page.locator("h1").bounding_box()
    assert _share_of_colour(image, heading, MARK_RGB) == 0  # the colour marks claims only


def test_document_scripts_do_not_run(page):
    assert page.title() == "Consistency report"  # the document's script would retitle the page
    assert page.dialogs == []
    assert page.evaluate("document.scripts.length") == 1
    assert page.evaluate("document.images.length") == 0
    text = page.locator("mark.claim-span", has_text="5 euros").locator("xpath=..").inner_text()
    assert text == "<script>document.title='pwned'</script> The toll is 5 euros & rising."


def test_the_page_requests_nothing_but_itself(page):
    assert page.requests == [page.report_url]


def test_filters_hide_and_show_flags(page):
    articles = page.locator("article.discrepancy")
    assert page.locator("#filters").is_visible()
    assert page.locator("#shown").inner_text() == "Showing 2 of 2 discrepancies."
    page.uncheck("input[name=review][value=dismissed]")
    assert [articles.nth(i).is_visible() for i in range(2)] == [True, False]
    assert page.locator("#shown").inner_text() == "Showing 1 of 2 discrepancies."
    page.uncheck("input[name=class][value=conflict]")
    assert [articles.nth(i).is_visible() for i in range(2)] == [False, False]
    page.check("input[name=review][value=dismissed]")
    assert [articles.nth(i).is_visible() for i in range(2)] == [False, True]


def test_readable_on_a_phone(page):
    # nothing wider than the screen: no sideways scrolling to read a sentence
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('blockquote p')).fontSize)")
    assert size >= 14


def test_a_report_without_discrepancies_says_so(browser, agreeing_report, tmp_path):
    path = Path(tmp_path / "empty.html")
    path.write_text(render_html(agreeing_report), encoding="utf-8")
    page = browser.new_page(viewport=PHONE)
    page.goto(path.as_uri())
    assert page.locator("p.empty").inner_text() == \
        "No discrepancies found in 3 documents (6 claims checked): the documents agree."
    assert not page.locator("#filters").count()
    page.close()
