"""The web review end to end: ``reconcile serve`` in its own process, driven in a headless Chromium.

Each test copies a folder, starts the real command on a free port (real engine, real
uvicorn), reviews in the browser, then checks the decisions file and that ``reconcile
check`` passes.  Needs Debian's ``chromium`` (``.ci/run`` installs it) and the playwright
package (never its downloaded browsers).  Outside CI a missing browser skips these tests;
in CI (``CI=true``) it fails them.

``test_review_the_seeds`` is the issue's own acceptance test; it needs the engine to flag
the seeds' two discrepancies (1992 vs 1993, 459 vs 470).  The other tests work on two
articles of the harbour fixture corpus (their opening years and job counts disagree) and a
note holding a ``<script>``; ``test_review_a_folder_in_the_browser`` also saves the README's
screenshot (``docs/web-review.png``).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from reconcile.cli import cli

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
SCREENSHOT = ROOT / "docs" / "web-review.png"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DESKTOP = {"width": 1100, "height": 860}
#: Two short articles that disagree twice (the terminal opened in 1983 or 1987; 1,850 or
#: 1,580 permanent jobs) and agree once, and an editor's note holding a script and no claim.
#: The conflicts are restatements with another number, which the engine always flags, so
#: these tests exercise the page, not the pair model.
ARTICLES = {
    "courier.txt": ("Sanmerel Courier\n\nThe container terminal at Sanmerel opened in 1983 after four years "
                    "of building.\nThe port authority says the terminal supports 1,850 permanent jobs in the "
                    "region.\nIts quay wall is 1.2 km long.\n"),
    "fact-sheet.txt": ("Port fact sheet\n\nThe container terminal at Sanmerel opened in 1987 after four years "
                       "of building.\nThe port authority says the terminal supports 1,580 permanent jobs in the "
                       "region.\nIts quay wall is 1.2 km long.\n"),
}
ARTICLE_NAMES = tuple(ARTICLES)
NOTE = ("notes <b>.txt", "<script>document.title='pwned'</script>\n"
                         "Editor's notes: check the harbour pieces against the port authority's own figures.\n")
REVIEWER = "ana"
APPROVAL_NOTE = "checked against the port authority's annual report"


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}: CI must run the browser tests (.ci/run installs chromium)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    """A headless Debian Chromium driven by playwright (never a downloaded browser)."""
    if not (os.path.exists(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        _unavailable(f"{CHROMIUM} is not installed")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def check(*args: str):
    """``reconcile check docs`` in the working directory (in this process: the server is the one apart)."""
    return CliRunner().invoke(cli, ["check", "docs", *args], catch_exceptions=False)


def discrepancies() -> list[dict]:
    """What ``reconcile check docs`` finds (the test's precondition, from the real engine), claims inlined."""
    result = check("--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    report = json.loads(result.stdout)
    claims = {claim["id"]: claim for claim in report["claims"]}
    return [{**flag, "claims": [claims[claim_id] for claim_id in flag["claims"]]} for flag in report["discrepancies"]]


@contextmanager
def serving(cwd: Path) -> Iterator[str]:
    """``reconcile serve docs`` on a free port, in its own process; yields the page's URL."""
    process = subprocess.Popen([sys.executable, "-m", "reconcile", "serve", "docs", "--port", "0", "--by", REVIEWER],
                               cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first = process.stdout.readline()
        match = re.search(r" at (http://127\.0\.0\.1:\d+/) ", first)
        if not match:
            process.kill()
            pytest.fail(f"reconcile serve did not start: {first!r} {process.communicate()}")
        yield match.group(1)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert out.splitlines()[-1].startswith("Stopped; every decision is saved in ")


@pytest.fixture
def new_page(browser):
    """Pages in fresh contexts, each recording its requests and dialogs; closed at the end."""
    contexts = []

    def make():
        context = browser.new_context(viewport=DESKTOP, device_scale_factor=1)
        contexts.append(context)
        page = context.new_page()
        page.requests, page.dialogs = [], []
        page.on("request", lambda request: page.requests.append(request.url))
        page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
        return page

    yield make
    for context in contexts:
        context.close()


def copy_folder(tmp_path: Path, monkeypatch, source: Path | None = None) -> Path:
    """``docs/`` in a new working directory: a copy of ``source``, else the two articles and the note."""
    monkeypatch.chdir(tmp_path)
    docs = tmp_path / "docs"
    if source is not None:
        shutil.copytree(source, docs)
        return tmp_path
    docs.mkdir()
    for name, text in ARTICLES.items():
        (docs / name).write_text(text, encoding="utf-8")
    (docs / NOTE[0]).write_text(NOTE[1], encoding="utf-8")
    return tmp_path


def decisions(cwd: Path) -> dict:
    return json.loads((cwd / "reconcile-decisions.json").read_text(encoding="utf-8"))["decisions"]


def review_every_flag(page, url: str, flags: list[dict], *, screenshot: Path | None = None) -> tuple[str, list[str]]:
    """Open the list, open a discrepancy, approve it with a note, reject the others; their ids."""
    assert len(flags) >= 2, f"the engine flags {len(flags)} discrepancies here; the review needs two or more"
    page.goto(url)
    rows = page.locator("table.flags tr.flag")
    assert rows.count() == len(flags)
    assert page.locator("#summary").inner_text().startswith(f"{len(flags)} discrepancies in ")
    rows.first.locator("a.open").click()
    page.wait_for_url(re.compile(r"/discrepancy/\w+$"))
    first = page.locator("article.discrepancy").get_attribute("data-id")
    flag = next(f for f in flags if f["id"] == first)
    assert page.locator("p.meta .values").inner_text() == " vs ".join(flag["values"])
    marks = page.locator("blockquote.sentence mark.current")
    assert marks.count() == len(flag["claims"])
    assert set(marks.all_inner_texts()) == {c["text"] for c in flag["claims"]}
    paragraph = page.locator("details.paragraph").first
    assert not paragraph.locator("p").is_visible()
    paragraph.locator("summary").click()  # the paragraph is one click away
    assert paragraph.locator("p mark.current").is_visible()
    page.fill("textarea[name=note]", APPROVAL_NOTE)
    page.check("input[name=value][value='1']")
    if screenshot is not None:
        screenshot.parent.mkdir(exist_ok=True)
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(screenshot), full_page=True)
    page.click("button.approve")
    page.wait_for_url(re.compile(r"/discrepancy/\w+\?saved=" + first))  # on to the next unreviewed one
    assert page.locator("p.saved").inner_text().startswith(f"Saved {first}: confirmed by {REVIEWER}, ")
    rejected = []
    while "/discrepancy/" in page.url:
        rejected.append(page.locator("article.discrepancy").get_attribute("data-id"))
        page.click("button.reject")
        page.wait_for_url(re.compile(r"\?saved=" + rejected[-1]))
    assert sorted([first, *rejected]) == sorted(f["id"] for f in flags)
    assert "Every one is decided" in page.locator("#summary").inner_text()  # back on the list
    return first, rejected


def assert_reviewed(cwd: Path, first: str, rejected: list[str], flags: list[dict]) -> None:
    decided = decisions(cwd)
    assert {fp: d["verdict"] for fp, d in decided.items()} == \
        {first: "confirmed", **{fp: "dismissed" for fp in rejected}}
    assert decided[first]["note"] == APPROVAL_NOTE
    assert decided[first]["value"] == next(f for f in flags if f["id"] == first)["values"][0]
    assert {d["by"] for d in decided.values()} == {REVIEWER}
    result = check()
    assert result.exit_code == 0, result.stdout + result.stderr


def test_review_the_seeds(browser, new_page, tmp_path, monkeypatch):
    """The issue's acceptance test: review a copy of the seeds in the browser until the check passes."""
    cwd = copy_folder(tmp_path, monkeypatch, SEEDS)
    flags = discrepancies()
    assert len(flags) == 2, (f"the engine flags {len(flags)} discrepancies in the seeds, not their two "
                             f"(1992 vs 1993, 459 vs 470): {[(f['fact'], f['values']) for f in flags]}")
    with serving(cwd) as url:
        page = new_page()
        first, rejected = review_every_flag(page, url, flags)
    assert_reviewed(cwd, first, rejected, flags)
    assert all(request.startswith(url) for request in page.requests)


def test_review_a_folder_in_the_browser(browser, new_page, tmp_path, monkeypatch):
    cwd = copy_folder(tmp_path, monkeypatch)
    flags = discrepancies()
    with serving(cwd) as url:
        page = new_page()
        first, rejected = review_every_flag(page, url, flags, screenshot=SCREENSHOT)
        # a document holding a script shows it as text; it never runs
        page.goto(f"{url}document/notes%20%3Cb%3E.txt")
        assert page.locator(".doctext").inner_text().startswith("<script>document.title='pwned'</script>")
        assert page.title() == "notes <b>.txt · reconcile review"
        assert page.dialogs == []
        # a document's flagged claims are highlighted and link to their discrepancies
        page.goto(f"{url}document/{ARTICLE_NAMES[1]}")
        flagged = sum(claim["doc"] == ARTICLE_NAMES[1] for flag in flags for claim in flag["claims"])
        assert page.locator("a.flagged mark").count() == flagged > 0
        page.locator("a.flagged").first.click()
        page.wait_for_url(re.compile(r"/discrepancy/\w+$"))
    assert_reviewed(cwd, first, rejected, flags)
    # the page works offline: every request went to the local server
    assert all(request.startswith(url) for request in page.requests)


def test_keyboard_shortcuts(browser, new_page, tmp_path, monkeypatch):
    cwd = copy_folder(tmp_path, monkeypatch)
    with serving(cwd) as url:
        page = new_page()
        page.goto(url)
        page.keyboard.press("j")  # select the first row; Enter opens it
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/discrepancy/\w+$"))
        first = page.locator("article.discrepancy").get_attribute("data-id")
        page.keyboard.press("j")
        # the page we are on already matches /discrepancy/...: wait for a different one
        page.wait_for_url(lambda address: re.search(r"/discrepancy/\w+$", address) and not address.endswith(first))
        second = page.locator("article.discrepancy").get_attribute("data-id")
        assert second != first
        page.keyboard.press("k")
        page.wait_for_url(re.compile(f"/discrepancy/{first}$"))
        page.fill("textarea[name=note]", "a r j k typed in a note are text")  # keys in the note are not shortcuts
        assert page.url.endswith(f"/discrepancy/{first}")
        page.locator("body").click(position={"x": 5, "y": 5})
        page.keyboard.press("a")
        page.wait_for_url(re.compile(f"/discrepancy/{second}\\?saved={first}"))
        page.keyboard.press("r")
        page.wait_for_url(re.compile(f"/\\?saved={second}"))
    assert {fp: d["verdict"] for fp, d in decisions(cwd).items()} == {first: "confirmed", second: "dismissed"}
    assert decisions(cwd)[first]["note"] == "a r j k typed in a note are text"


def test_two_pages_deciding_at_the_same_moment_both_land(browser, new_page, tmp_path, monkeypatch):
    cwd = copy_folder(tmp_path, monkeypatch)
    flags = discrepancies()[:2]
    assert len(flags) == 2
    with serving(cwd) as url:
        pages = [new_page(), new_page()]
        for page, flag in zip(pages, flags):
            page.goto(f"{url}discrepancy/{flag['id']}")
            page.fill("textarea[name=note]", f"reviewer of {flag['id']}")
        # both forms are submitted by a timer set to the same instant in each page
        at = int(time.time() * 1000) + 500
        for page, button in zip(pages, ("button.approve", "button.reject")):
            page.evaluate("([at, selector]) => setTimeout(() => document.querySelector(selector).click(),"
                          " at - Date.now())", [at, button])
        for page, flag in zip(pages, flags):
            page.wait_for_url(re.compile(f"saved={flag['id']}"))
    decided = decisions(cwd)
    assert {fp: (d["verdict"], d["note"]) for fp, d in decided.items()} == {
        flags[0]["id"]: ("confirmed", f"reviewer of {flags[0]['id']}"),
        flags[1]["id"]: ("dismissed", f"reviewer of {flags[1]['id']}"),
    }
