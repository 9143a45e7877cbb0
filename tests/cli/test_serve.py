"""``reconcile serve``: start-up messages, binding safety, a port in use, and a real server process.

The engine is the transparent one of ``serve_engine.py``; the browser tests with the real
engine are in ``tests/reconcile/test_web_browser.py``.
"""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

import reconcile.pipeline
import reconcile.web
from reconcile.cli import cli

with warnings.catch_warnings():  # starlette's notice about its http client, not about this app
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from serve_engine import flag_id, transparent_engine  # noqa: E402  (tests/cli is on sys.path)

HERE = Path(__file__).resolve().parent
DOCS = {
    "courier.txt": "Harlow news\n\nThe Harlow Bridge opened to traffic in 1992.\n",
    "gazette.txt": "The Harlow Bridge opened to traffic in 1993.\n",
}
BRIDGE = flag_id("date", ["1992", "1993"])


@pytest.fixture
def docs(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(reconcile.pipeline, "reconcile", transparent_engine)
    return folder


@pytest.fixture
def served(monkeypatch) -> list:
    """Stands in for uvicorn: records the app and socket ``serve`` would run, and returns at once."""
    calls = []

    def run_server(app, sock):
        calls.append((app, sock.getsockname()))
        sock.close()

    monkeypatch.setattr(reconcile.web, "run_server", run_server)
    return calls


@pytest.fixture
def busy_port():
    """A port another program listens on."""
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        yield other.getsockname()[1]


def run(*args: str):
    return CliRunner(env={"USER": "alice", "LOGNAME": "alice"}).invoke(cli, list(args), catch_exceptions=False)


def test_it_starts_on_this_machine_only_and_says_so(docs, served, tmp_path):
    result = run("serve", "docs", "--port", "0")
    assert result.exit_code == 0, result.stderr
    (app, (host, port)), = served
    assert host == "127.0.0.1" and port > 0
    assert result.stdout == (
        f"Serving the review of docs at http://127.0.0.1:{port}/ (1 discrepancy, 1 unreviewed).\n"
        "Listening on 127.0.0.1 only: no other machine can open the page.\n"
        f"Decisions are saved to {tmp_path / 'reconcile-decisions.json'} as alice. Press Ctrl-C to stop.\n"
        f"Stopped; every decision is saved in {tmp_path / 'reconcile-decisions.json'}.\n")
    assert result.stderr == ""
    # the app it serves answers to this machine's names only
    assert TestClient(app, base_url=f"http://127.0.0.1:{port}").get("/").status_code == 200
    assert TestClient(app, base_url=f"http://evil.example:{port}").get("/").status_code == 400


def test_another_host_prints_a_warning(docs, served):
    result = run("serve", "docs", "--host", "0.0.0.0", "--port", "0", "--by", "ana")
    assert result.exit_code == 0
    (app, (host, port)), = served
    assert host == "0.0.0.0"
    assert result.stderr == ("Warning: listening on 0.0.0.0: anyone who can reach this machine can read the "
                             "documents and record decisions as ana; the default --host 127.0.0.1 keeps it local.\n")
    assert f"at http://127.0.0.1:{port}/" in result.stdout
    assert "only" not in result.stdout
    assert TestClient(app, base_url=f"http://review.example:{port}").get("/").status_code == 200


def test_decisions_file_and_reviewer_come_from_the_options(docs, served, tmp_path):
    result = run("serve", "docs", "--port", "0", "--decisions", "review/decisions.json", "--by", "ana")
    assert result.exit_code == 0
    assert f"Decisions are saved to {tmp_path / 'review' / 'decisions.json'} as ana." in result.stdout
    app = served[0][0]
    assert "Deciding as <strong>ana</strong> · saved to <code>review/decisions.json</code>" in \
        TestClient(app, base_url="http://127.0.0.1").get("/").text


def test_open_opens_the_page_in_a_browser(docs, served, monkeypatch):
    opened = []
    monkeypatch.setattr("webbrowser.open", opened.append)
    result = run("serve", "docs", "--port", "0", "--open")
    assert result.exit_code == 0
    assert opened == [f"http://127.0.0.1:{served[0][1][1]}/"]


def test_a_port_in_use_is_one_line_and_exit_2(docs, served, busy_port):
    result = run("serve", "docs", "--port", str(busy_port))
    assert result.exit_code == 2
    assert result.stderr == (f"Error: port {busy_port} on 127.0.0.1 is in use; stop the other server or choose "
                             "another port with --port\n")
    assert result.stdout == ""
    assert served == []


def test_a_host_that_is_not_this_machine_is_refused(docs, served):
    result = run("serve", "docs", "--host", "no-such-host.invalid", "--port", "0")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: --host no-such-host.invalid: not an address of this machine (")
    assert result.stderr.count("\n") == 1
    assert served == []


def test_an_input_error_stops_it_before_serving_and_frees_the_port(docs, served):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = run("serve", "missing", "--port", str(port))
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and "missing" in result.stderr
    assert result.stderr.count("\n") == 1
    assert served == []
    with socket.socket() as again:  # the port was let go
        again.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        again.bind(("127.0.0.1", port))


def test_an_empty_reviewer_name_is_refused(docs, served):
    result = run("serve", "docs", "--by", " ")
    assert (result.exit_code, result.stderr) == (2, "Error: the reviewer's name is empty; give --by NAME\n")


BOOTSTRAP = f"import sys; sys.path.insert(0, {str(HERE)!r}); import serve_engine; serve_engine.main()"


def _start(docs: Path, *args: str) -> tuple[subprocess.Popen, str]:
    """``reconcile serve docs`` in its own process (transparent engine); the page's URL."""
    process = subprocess.Popen([sys.executable, "-c", BOOTSTRAP, "serve", "docs", "--by", "alice", *args],
                               cwd=docs.parent, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = process.stdout.readline()
    match = re.search(r"at (http://127\.0\.0\.1:\d+/) ", first)
    if not match:
        process.kill()
        pytest.fail(f"serve did not start: {first!r} {process.communicate()}")
    return process, match.group(1)


def test_a_real_server_serves_refuses_and_stops_cleanly(docs, tmp_path):
    process, url = _start(docs, "--port", "0")
    port = urllib.parse.urlsplit(url).port
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            page = response.read().decode("utf-8")
        assert f'data-id="{BRIDGE}"' in page
        # a second server cannot take the port: one line, exit 2
        second = run("serve", "docs", "--port", str(port))
        assert (second.exit_code, second.stdout) == (2, "")
        assert second.stderr == (f"Error: port {port} on 127.0.0.1 is in use; stop the other server or choose "
                                 "another port with --port\n")
        # a forged POST is refused; the page's own form is taken
        token = re.search(r'name="csrf" value="([^"]+)"', urllib.request.urlopen(
            f"{url}discrepancy/{BRIDGE}", timeout=30).read().decode("utf-8")).group(1)
        forged = urllib.parse.urlencode({"answer": "approve"}).encode()
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{url}discrepancy/{BRIDGE}/decision", data=forged, timeout=30)
        assert refused.value.code == 403
        assert not (tmp_path / "reconcile-decisions.json").exists()
        form = urllib.parse.urlencode({"answer": "approve", "csrf": token, "note": "checked"}).encode()
        with urllib.request.urlopen(f"{url}discrepancy/{BRIDGE}/decision", data=form, timeout=30) as response:
            assert response.url == f"{url}?saved={BRIDGE}"  # followed the redirect back to the list
        assert '"verdict": "confirmed"' in (tmp_path / "reconcile-decisions.json").read_text(encoding="utf-8")
    finally:
        process.send_signal(signal.SIGTERM)  # as a service manager stops it (Ctrl-C is SIGINT: the same path)
        out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert out.endswith(f"Stopped; every decision is saved in {tmp_path / 'reconcile-decisions.json'}.\n")
    assert err == ""
