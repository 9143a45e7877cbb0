"""The review web app through Starlette's TestClient: pages, decisions, CSRF, escaping, reloads.

The engine is replaced by a transparent one (claims of one kind with different texts are one
flag), so these tests pin the app's behaviour while the matching engine is tuned; the real
engine runs in the browser tests (``test_web_browser.py``).
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
import warnings
from collections import defaultdict
from pathlib import Path

import pytest

import reconcile.decisions
import reconcile.pipeline
from reconcile.config import Config
from reconcile.decisions import dump_decisions, load_decisions, new_decision, record_decision
from reconcile.engine import Reconciliation
from reconcile.model import Decision, Discrepancy
from reconcile.web import Workspace, create_app

with warnings.catch_warnings():  # starlette's notice about its http client, not about this app
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

DOCS = {
    "courier.txt": "Harlow news\n\nThe Harlow Bridge opened to traffic in 1992.\n\nIt was built by Tarrant & Sons.\n",
    "gazette.txt": "The Harlow Bridge opened to traffic in 1993.\n",
    "tolls.txt": "A crossing of the Harlow Bridge costs 4 euros.\n",
    "fares <b>.txt": "<script>document.title='pwned'</script> A crossing of the Harlow Bridge costs 5 euros.\n",
}
TOKEN = "test-token-0123456789"
NOW = "2026-11-23T10:15:00Z"
BASE = "http://127.0.0.1:8765"


def flag_id(kind: str, values: list[str]) -> str:
    return hashlib.sha256(f"{kind}||{'|'.join(sorted(values))}".encode()).hexdigest()[:16]


BRIDGE = flag_id("date", ["1992", "1993"])
TOLL = flag_id("money", ["4 euros", "5 euros"])


def transparent_engine(claims, *, config=None, **_options) -> Reconciliation:
    """One flag per kind whose claims read differently: dates conflict (0.9), money may be an update (0.6)."""
    by_kind = defaultdict(list)
    for claim in claims:
        by_kind[claim.kind].append(claim)
    flags = []
    for kind, group in by_kind.items():
        values = sorted({c.text for c in group})
        if len(values) < 2:
            continue
        flags.append(Discrepancy(
            id=flag_id(kind, values), fact=f"{kind}: harlow bridge", fact_key=kind,
            klass="conflict" if kind == "date" else "possible_update",
            claims=tuple(group), values=tuple(values),
            sides=tuple(tuple(c.id for c in group if c.text == v) for v in values),
            explanation=f"The sentences speak of the Harlow Bridge & its {kind}.",
            confidence=0.9 if kind == "date" else 0.6))
    return Reconciliation(tuple(sorted(flags, key=lambda d: d.id)), ())


@pytest.fixture
def docs(tmp_path, monkeypatch) -> Path:
    """The four documents (the fares one newest), the working directory, the transparent engine."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for age, (name, text) in enumerate(DOCS.items()):
        (folder / name).write_text(text, encoding="utf-8")
        os.utime(folder / name, (1_700_000_000 + age, 1_700_000_000 + age))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(reconcile.pipeline, "reconcile", transparent_engine)
    monkeypatch.setattr(reconcile.decisions, "utc_now", lambda: NOW)
    return folder


@pytest.fixture
def workspace(docs) -> Workspace:
    return Workspace(["docs"], config=Config(), decisions_path="reconcile-decisions.json", reviewer="alice")


@pytest.fixture
def client(workspace) -> TestClient:
    return TestClient(create_app(workspace, csrf_token=TOKEN), base_url=BASE)


def decide(client: TestClient, fingerprint: str, answer: str, **fields: str):
    return client.post(f"/discrepancy/{fingerprint}/decision", data={"csrf": TOKEN, "answer": answer, **fields},
                       follow_redirects=False)


def rows(html: str) -> list[str]:
    """The fingerprints of the list's rows, in order."""
    return re.findall(r'<tr class="flag state-\w+" data-id="(\w+)">', html)


def text_of(html: str, css_class: str) -> str:
    """The text of the first element with ``css_class`` (tags removed, whitespace folded)."""
    match = re.search(rf'<(\w+) class="{css_class}"[^>]*>(.*?)</\1>', html, re.S)
    assert match, f"no element of class {css_class}"
    return " ".join(re.sub(r"<[^>]+>", "", match.group(2)).split())


# ---------------------------------------------------------------- the list

def test_the_list_shows_every_flag_with_counts(client):
    page = client.get("/")
    assert page.status_code == 200
    assert text_of(page.text, "summary") == ("2 discrepancies in 4 documents: 2 unreviewed, 0 confirmed, 0 dismissed. "
                                             "The gate fails until every one is decided.")
    assert set(rows(page.text)) == {BRIDGE, TOLL}
    assert '<td class="values">1992 vs 1993</td>' in page.text
    assert '<td class="values">4 euros vs 5 euros</td>' in page.text
    assert "Deciding as <strong>alice</strong> · saved to <code>reconcile-decisions.json</code>" in page.text


def test_unreviewed_come_first_newest_document_first(client, docs):
    assert rows(client.get("/").text) == [TOLL, BRIDGE]  # the fares document is the newest
    os.utime(docs / "gazette.txt", (1_800_000_000, 1_800_000_000))
    assert rows(client.get("/").text) == [BRIDGE, TOLL]
    assert decide(client, BRIDGE, "reject").status_code == 303
    assert rows(client.get("/").text) == [TOLL, BRIDGE]  # decided ones go last, whatever their age


def test_filters_narrow_the_list_and_count_each_choice(client):
    decide(client, TOLL, "reject")
    page = client.get("/", params={"state": "unreviewed"}).text
    assert rows(page) == [BRIDGE]
    assert '<option value="unreviewed" selected>unreviewed (1)</option>' in page
    assert '<option value="dismissed">dismissed (1)</option>' in page
    assert '<option value="possible_update">possible update (0)</option>' in page  # none unreviewed
    assert text_of(page, "shown") == "Showing 1 of 2; unreviewed first, newest documents first."
    assert rows(client.get("/", params={"class": "possible_update"}).text) == [TOLL]
    assert rows(client.get("/", params={"doc": "gazette.txt"}).text) == [BRIDGE]
    assert rows(client.get("/", params={"doc": "gazette.txt", "state": "dismissed"}).text) == []
    assert "No discrepancy matches these filters." in client.get("/", params={"class": "possible_update",
                                                                             "state": "confirmed"}).text
    # an unknown filter value is ignored, never echoed into the page as a choice
    assert rows(client.get("/", params={"class": "<b>x</b>"}).text) == [BRIDGE, TOLL]


def test_a_folder_that_agrees_says_so(client, docs):
    (docs / "gazette.txt").write_text(DOCS["courier.txt"], encoding="utf-8")
    (docs / "tolls.txt").unlink()
    assert text_of(client.get("/").text, "summary") == \
        "No discrepancies found in 3 documents (3 claims checked): the documents agree."


# ---------------------------------------------------------------- one discrepancy

def test_a_discrepancy_shows_sentences_paragraphs_and_the_evidence(client):
    page = client.get(f"/discrepancy/{BRIDGE}").text
    assert "<h1>date: harlow bridge</h1>" in page
    assert text_of(page, "meta") == f"1992 vs 1993 · conflict · confidence 0.90 · {BRIDGE}"
    assert text_of(page, "explanation") == "The sentences speak of the Harlow Bridge &amp; its date."
    sentences = re.findall(r'<blockquote class="sentence">(.*?)</blockquote>', page)
    assert sentences == ['The Harlow Bridge opened to traffic in <mark class="claim current">1992</mark>.',
                         'The Harlow Bridge opened to traffic in <mark class="claim current">1993</mark>.']
    # the paragraph is one click away, and is only the paragraph (not the heading above it)
    paragraphs = re.findall(r'<details class="paragraph">\s*<summary>Paragraph</summary>\s*<p>(.*?)</p>', page, re.S)
    assert paragraphs[0] == 'The Harlow Bridge opened to traffic in <mark class="claim current">1992</mark>.'
    assert '<a href="/document/courier.txt#c-52-56">courier.txt</a>, line 3, column 40' in page
    assert "Not reviewed yet." in page
    for value in ("1", "2", "other"):
        assert f'<input type="radio" name="value" value="{value}">' in page
    assert 'data-key="a"' in page and 'data-key="r"' in page


def test_j_and_k_links_walk_the_list_in_order(client):
    first = client.get(f"/discrepancy/{TOLL}").text
    assert text_of(first, "position") == "1 of 2"
    assert f'<a data-key="j" rel="next" href="/discrepancy/{BRIDGE}">' in first
    assert 'data-key="k"' not in first
    second = client.get(f"/discrepancy/{BRIDGE}").text
    assert f'<a data-key="k" rel="prev" href="/discrepancy/{TOLL}">' in second
    assert 'data-key="j"' not in second
    # within a filter, the walk stays in the filter (and the links carry it)
    filtered = client.get(f"/discrepancy/{BRIDGE}", params={"class": "conflict"}).text
    assert text_of(filtered, "position") == "1 of 1"
    assert '<a href="/?class=conflict">All discrepancies</a>' in filtered


def test_an_earlier_decision_on_the_same_fact_is_shown(client):
    older = Decision("0123456789abcdef", "dismissed", "bob", "2026-01-05T09:00:00Z", note="two bridges",
                     fact="date: harlow bridge", fact_key="date", values=("1991", "1992"))
    record_decision("reconcile-decisions.json", older)
    earlier = re.search(r'<div class="earlier">(.*?)</div>', client.get(f"/discrepancy/{BRIDGE}").text, re.S)
    assert earlier is not None
    assert " ".join(re.sub(r"<[^>]+>", "", earlier.group(1)).split()) == \
        "Earlier decisions on this fact 1991 vs 1992: dismissed by bob, 2026-01-05 09:00 UTC: “two bridges”"


def test_an_unknown_fingerprint_is_404(client):
    page = client.get("/discrepancy/ffffffffffffffff")
    assert page.status_code == 404
    assert "No discrepancy in docs has fingerprint ffffffffffffffff" in page.text


# ---------------------------------------------------------------- deciding

def test_approve_records_the_decision_as_reconcile_decide_does(client, workspace):
    answer = decide(client, TOLL, "approve", note="  the toll rose in May ", value="2")
    assert answer.status_code == 303
    assert answer.headers["location"] == f"/discrepancy/{BRIDGE}?saved={TOLL}"  # on to the next unreviewed
    toll = workspace.refresh().discrepancy(TOLL)
    expected = new_decision(toll, "confirmed", by="alice", note="the toll rose in May", value="5 euros")
    assert Path("reconcile-decisions.json").read_text(encoding="utf-8") == dump_decisions({TOLL: expected})
    page = client.get(answer.headers["location"]).text
    assert text_of(page, "saved") == (f"Saved {TOLL}: confirmed by alice, 2026-11-23 10:15 UTC; correct value "
                                      "5 euros: “the toll rose in May”.")


def test_reject_keeps_the_note_and_no_value(client):
    answer = decide(client, BRIDGE, "reject", note="two bridges", value="other", value_other="1990")
    assert answer.status_code == 303
    decision = load_decisions("reconcile-decisions.json")[BRIDGE]
    assert (decision.verdict, decision.by, decision.note, decision.value) == ("dismissed", "alice", "two bridges", None)


def test_a_typed_value_is_kept_and_deciding_again_replaces(client):
    decide(client, BRIDGE, "approve", value="other", value_other=" 1991 ")
    assert load_decisions("reconcile-decisions.json")[BRIDGE].value == "1991"
    decide(client, BRIDGE, "reject")
    assert load_decisions("reconcile-decisions.json")[BRIDGE].verdict == "dismissed"
    page = client.get(f"/discrepancy/{BRIDGE}").text
    assert text_of(page, "current-decision") == \
        "Decided: dismissed by alice, 2026-11-23 10:15 UTC. Deciding again replaces it."


def test_the_last_decision_leads_back_to_the_list(client):
    decide(client, TOLL, "approve")
    answer = decide(client, BRIDGE, "reject")
    assert answer.headers["location"] == f"/?saved={BRIDGE}"
    assert "Every one is decided: <code>reconcile check</code> passes." in client.get(answer.headers["location"]).text


def test_a_filter_is_kept_after_deciding(client):
    answer = decide(client, BRIDGE, "approve", state="unreviewed")
    assert answer.headers["location"] == f"/discrepancy/{TOLL}?state=unreviewed&saved={BRIDGE}"


@pytest.mark.parametrize("fields", [
    {"answer": "approve"},                                # no token
    {"answer": "approve", "csrf": ""},                    # empty
    {"answer": "approve", "csrf": "x" + TOKEN[1:]},       # another run's (or a guessed) token
])
def test_a_post_without_the_token_is_refused_and_changes_nothing(client, fields):
    answer = client.post(f"/discrepancy/{BRIDGE}/decision", data=fields, follow_redirects=False)
    assert answer.status_code == 403
    assert "nothing was saved" in answer.text
    assert not Path("reconcile-decisions.json").exists()


def test_a_refused_post_leaves_an_existing_file_byte_for_byte(client):
    decide(client, TOLL, "approve")
    before = Path("reconcile-decisions.json").read_bytes()
    answer = client.post(f"/discrepancy/{BRIDGE}/decision", params={"csrf": TOKEN},  # in the URL is not enough
                         data={"answer": "reject"}, follow_redirects=False)
    assert answer.status_code == 403
    assert Path("reconcile-decisions.json").read_bytes() == before


def test_decisions_are_posts_only(client):
    assert client.get(f"/discrepancy/{BRIDGE}/decision", params={"csrf": TOKEN, "answer": "approve"}).status_code == 405
    assert not Path("reconcile-decisions.json").exists()


def test_a_form_that_is_not_a_form_is_refused(client):
    answer = client.post(f"/discrepancy/{BRIDGE}/decision", json={"csrf": TOKEN, "answer": "approve"})
    assert answer.status_code == 400
    answer = client.post(f"/discrepancy/{BRIDGE}/decision", data={"csrf": TOKEN, "answer": "maybe"})
    assert answer.status_code == 400
    assert not Path("reconcile-decisions.json").exists()


def test_the_decisions_file_is_fixed_at_start(client, workspace, tmp_path, monkeypatch):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # relative paths were resolved when the workspace was made
    decide(client, BRIDGE, "approve", decisions=str(tmp_path / "other.json"), path="other.json")
    assert list(load_decisions(tmp_path / "reconcile-decisions.json")) == [BRIDGE]
    assert not (tmp_path / "other.json").exists() and not (elsewhere / "other.json").exists()
    assert workspace.decisions_path == tmp_path / "reconcile-decisions.json"


def test_a_flag_gone_from_the_documents_cannot_be_decided(client, docs):
    page = client.get(f"/discrepancy/{BRIDGE}")
    assert page.status_code == 200
    (docs / "gazette.txt").write_text("The Harlow Bridge opened to traffic in 1992.\n", encoding="utf-8")
    answer = decide(client, BRIDGE, "approve")
    assert answer.status_code == 404
    assert "the documents changed: reload the list" in answer.text
    assert not Path("reconcile-decisions.json").exists()


def test_a_malformed_decisions_file_is_shown_and_never_overwritten(client, tmp_path):
    Path("reconcile-decisions.json").write_text("{not json", encoding="utf-8")
    page = client.get("/")
    assert page.status_code == 500
    assert f"Error: {tmp_path / 'reconcile-decisions.json'}: not valid JSON" in page.text
    answer = decide(client, BRIDGE, "approve")
    assert answer.status_code == 500
    assert Path("reconcile-decisions.json").read_text(encoding="utf-8") == "{not json"


def test_two_reviewers_deciding_at_once_both_land(workspace):
    """Concurrent decisions on different flags: the lock makes each read-modify-write whole."""
    clients = [TestClient(create_app(workspace, csrf_token=TOKEN), base_url=BASE) for _ in range(2)]
    barrier = threading.Barrier(2)
    answers = {}

    def reviewer(index: int, fingerprint: str, answer: str) -> None:
        barrier.wait()
        answers[fingerprint] = decide(clients[index], fingerprint, answer).status_code

    threads = [threading.Thread(target=reviewer, args=(0, BRIDGE, "approve")),
               threading.Thread(target=reviewer, args=(1, TOLL, "reject"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == {BRIDGE: 303, TOLL: 303}
    decided = load_decisions("reconcile-decisions.json")
    assert {fp: d.verdict for fp, d in decided.items()} == {BRIDGE: "confirmed", TOLL: "dismissed"}


# ---------------------------------------------------------------- documents, escaping, reloads

def test_a_document_shows_every_claim_and_links_the_flagged_ones(client):
    page = client.get("/document/courier.txt").text
    assert "<h1>courier.txt</h1>" in page
    doctext = re.search(r'<div class="doctext">(.*?)</div>', page, re.S).group(1)
    assert doctext == ('Harlow news\n\nThe Harlow Bridge opened to traffic in '
                       f'<a class="claim flagged state-unreviewed" id="c-52-56" href="/discrepancy/{BRIDGE}" '
                       f'title="1 discrepancy: {BRIDGE} (unreviewed)"><mark>1992</mark></a>.\n\n'
                       'It was built by Tarrant &amp; Sons.\n')
    assert f'<a href="/discrepancy/{BRIDGE}">date: harlow bridge: 1992 vs 1993</a>' in page


def test_document_text_is_escaped_everywhere(client):
    for url in ("/", f"/discrepancy/{TOLL}", "/document/fares%20%3Cb%3E.txt"):
        page = client.get(url).text
        assert "<script>document" not in page and "<b>" not in page, url
    discrepancy = client.get(f"/discrepancy/{TOLL}").text
    assert ("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt; A crossing of the Harlow Bridge costs "
            '<mark class="claim current">5 euros</mark>.') in discrepancy
    assert '<a href="/document/fares%20%3Cb%3E.txt#c-78-85">fares &lt;b&gt;.txt</a>' in discrepancy
    # the only script of every page is the app's own
    assert re.findall(r"<script[^>]*>", discrepancy) == ['<script src="/assets/review.js" defer>']


def test_only_scanned_documents_are_served(client, tmp_path):
    (tmp_path / "secret.txt").write_text("not for the page", encoding="utf-8")
    for url in ("/document/secret.txt", "/document/../secret.txt", "/document/%2E%2E/secret.txt",
                "/document/docs/courier.txt"):
        page = client.get(url)
        assert page.status_code == 404, url
        assert "not for the page" not in page.text


def test_an_edited_document_is_picked_up_on_reload(client, docs):
    assert set(rows(client.get("/").text)) == {BRIDGE, TOLL}
    (docs / "gazette.txt").write_text("The Harlow Bridge opened to traffic in 1994.\n", encoding="utf-8")
    assert set(rows(client.get("/").text)) == {flag_id("date", ["1992", "1994"]), TOLL}
    (docs / "late.txt").write_text("A crossing of the Harlow Bridge costs 6 euros.\n", encoding="utf-8")
    assert flag_id("money", ["4 euros", "5 euros", "6 euros"]) in rows(client.get("/").text)


def test_an_unchanged_folder_is_not_checked_again(workspace, monkeypatch):
    calls = []
    monkeypatch.setattr(reconcile.web.workspace, "scan",
                        lambda *args, **kwargs: calls.append(1) or reconcile.pipeline.scan(*args, **kwargs))
    workspace.refresh()
    workspace.refresh()
    assert calls == [1]


def test_a_decision_taken_in_the_terminal_shows_on_reload(client, workspace):
    toll = workspace.refresh().discrepancy(TOLL)
    record_decision("reconcile-decisions.json", new_decision(toll, "dismissed", by="bob", note="two tolls"))
    page = client.get("/").text
    assert "dismissed by bob, 2026-11-23 10:15 UTC" in page


def test_an_unreadable_folder_shows_the_error(client, docs):
    (docs / "gazette.txt").write_bytes(b"\xff\xfe bad bytes")
    page = client.get("/")
    assert page.status_code == 500
    assert "Error: " in page.text and "gazette.txt" in page.text and "not valid UTF-8" in page.text


# ---------------------------------------------------------------- safety of the server

def test_pages_carry_a_content_security_policy(client):
    page = client.get("/")
    policy = page.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy and "form-action 'self'" in policy
    assert page.headers["x-content-type-options"] == "nosniff"


def test_the_assets_are_served_by_the_app(client):
    script = client.get("/assets/review.js")
    assert script.status_code == 200 and script.headers["content-type"].startswith("text/javascript")
    assert 'event.key === "a"' in script.text
    assert client.get("/assets/review.css").headers["content-type"].startswith("text/css")
    assert client.get("/assets/../app.py").status_code == 404
    assert client.get("/assets/secret.txt").status_code == 404


def test_a_request_naming_another_host_is_refused(workspace):
    """DNS rebinding: a page on evil.example resolving to 127.0.0.1 must not reach the app."""
    local = TestClient(create_app(workspace, csrf_token=TOKEN), base_url="http://evil.example:8765")
    assert local.get("/").status_code == 400
    assert decide(local, BRIDGE, "approve").status_code == 400
    assert not Path("reconcile-decisions.json").exists()
    for base in ("http://localhost:8765", "http://[::1]:8765", "http://127.0.0.1"):
        assert TestClient(create_app(workspace), base_url=base).get("/").status_code == 200, base
    anywhere = TestClient(create_app(workspace, allowed_hosts=None), base_url="http://review.example:8765")
    assert anywhere.get("/").status_code == 200


def test_each_app_has_its_own_token(workspace):
    tokens = set()
    for _ in range(2):
        page = TestClient(create_app(workspace), base_url=BASE).get(f"/discrepancy/{BRIDGE}").text
        tokens.add(re.search(r'name="csrf" value="([^"]+)"', page).group(1))
    assert len(tokens) == 2 and all(len(t) >= 32 for t in tokens)


def test_an_empty_reviewer_name_is_refused(docs):
    with pytest.raises(reconcile.ReconcileError, match="the reviewer's name is empty; give --by NAME"):
        Workspace(["docs"], config=Config(), decisions_path="d.json", reviewer="  ")
