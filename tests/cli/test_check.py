"""`reconcile check` end to end: formats, exit codes, decisions, determinism, colour."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from reconcile.cli import cli
from reports import FORMATS

#: Two short news items with one unmistakable conflict (and one figure they agree on).
CONFLICT = {
    "courier.txt": "The Harlow Bridge opened to traffic on 2 September 1992. It cost 38 million dollars to build.\n",
    "gazette.txt": "The Harlow Bridge opened to traffic on 12 September 1992. It cost 38 million dollars to build.\n",
}
AGREE = {
    "courier.txt": "The Harlow Bridge opened to traffic on 2 September 1992. It cost 38 million dollars to build.\n",
    "gazette.txt": "The Harlow Bridge, which opened to traffic on 2 September 1992, cost 38 million dollars.\n",
}


def write_folder(root: Path, name: str, texts: dict[str, str]) -> Path:
    folder = root / name
    folder.mkdir()
    for doc, text in texts.items():
        (folder / doc).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture()
def work(tmp_path, monkeypatch) -> Path:
    """A working folder (decisions and cache go here) holding ``news/`` and ``agree/``."""
    write_folder(tmp_path, "news", CONFLICT)
    write_folder(tmp_path, "agree", AGREE)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def flags(folder: str = "news") -> list[dict]:
    result = run("check", folder, "--format", "json", "--no-cache")
    return json.loads(result.stdout)["discrepancies"]


def test_the_fixture_conflict_is_flagged(work):
    # every test below relies on the engine flagging this pair; if this fails, the engine
    # (not the reports) stopped seeing the conflict
    found = flags()
    assert [sorted(d["values"]) for d in found] == [["1992-09-02", "1992-09-12"]]


def test_an_unreviewed_conflict_fails_the_gate_in_every_format(work):
    (fingerprint,) = [d["id"] for d in flags()]
    for fmt in FORMATS:
        result = run("check", "news", "--format", fmt)
        assert result.exit_code == 1, fmt
        assert fingerprint in result.stdout, fmt
        assert result.stderr == "", fmt


def test_deciding_the_conflict_passes_the_gate(work):
    (fingerprint,) = [d["id"] for d in flags()]
    decided = run("decide", fingerprint, "approve", "news", "--by", "ana", "--note", "the gazette is wrong")
    assert decided.exit_code == 0, decided.output
    result = run("check", "news", "--format", "md")
    assert result.exit_code == 0
    assert "review: **confirmed by ana on " in result.stdout
    assert "Gate: passed (--fail-on unreviewed)." in result.stdout
    # a confirmed discrepancy is still in the documents: --fail-on confirmed keeps failing
    assert run("check", "news", "--fail-on", "confirmed").exit_code == 1


def test_fail_on_none_never_fails(work):
    result = run("check", "news", "--fail-on", "none", "--format", "github")
    assert result.exit_code == 0
    assert result.stdout.startswith("::warning file=news/courier.txt,line=1,col=")
    assert result.stdout.endswith("Gate: off (--fail-on none).\n")


def test_documents_that_agree_pass_and_say_so(work):
    result = run("check", "agree")
    assert result.exit_code == 0
    assert result.stdout.startswith("No discrepancies found in 2 documents (")
    assert result.stdout.endswith(" claims checked): the documents agree.\nGate: passed (--fail-on unreviewed).\n")
    for fmt in ("md", "html", "github"):
        assert "No discrepancies found in 2 documents" in run("check", "agree", "--format", fmt).stdout


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_reports_are_byte_identical_across_runs(work, fmt):
    first = run("check", "news", "--format", fmt, "-o", f"first.{fmt}")
    second = run("check", "news", "--format", fmt, "-o", f"second.{fmt}", "--no-cache")
    assert first.exit_code == second.exit_code == 1
    assert (work / f"first.{fmt}").read_bytes() == (work / f"second.{fmt}").read_bytes()
    assert first.stdout == ""  # -o: the report went to the file


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_output_into_a_named_pipe_writes_into_it_and_leaves_it_a_pipe(work):
    # what -o /dev/null must do too: write into the file, never rename another over it
    import threading

    pipe = work / "report.pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    result = run("check", "news", "--format", "json", "-o", str(pipe))
    reader.join(timeout=30)
    assert result.exit_code == 1
    assert json.loads(received[0])["summary"]["discrepancies"] == 1
    assert pipe.is_fifo() and not list(work.glob(".report.pipe.tmp*"))


def test_output_through_a_symlink_replaces_the_file_it_points_to(work):
    (work / "reports").mkdir()
    (work / "reports" / "latest.json").write_text("old\n", encoding="utf-8")
    (work / "latest.json").symlink_to(work / "reports" / "latest.json")
    result = run("check", "news", "--format", "json", "-o", "latest.json")
    assert result.exit_code == 1
    assert (work / "latest.json").is_symlink()
    assert json.loads((work / "reports" / "latest.json").read_text(encoding="utf-8"))["summary"]["discrepancies"] == 1


def test_output_to_dev_stdout_is_standard_output(work):
    result = run("check", "news", "--format", "json", "-o", "/dev/stdout")
    assert result.exit_code == 1 and json.loads(result.stdout)["summary"]["discrepancies"] == 1


def test_report_is_an_alias_of_check(work):
    assert run("report", "news", "--format", "json").stdout == run("check", "news", "--format", "json").stdout


def test_sarif_and_github_name_files_relative_to_the_working_directory(work):
    sarif = json.loads(run("check", str(work / "news"), "--format", "sarif").stdout)
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]]
    assert uris == ["news/courier.txt", "news/gazette.txt"]


def _run_on_terminal(args: list[str], env: dict[str, str], cwd: Path) -> bytes:
    """Run the CLI with stdout on a pseudo-terminal (as at a shell) and return what it wrote."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "reconcile", *args], stdout=terminal,
                               stderr=subprocess.DEVNULL, cwd=cwd, env=env)
    os.close(terminal)
    output = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal closed: the process is done writing
            break
        if not chunk:
            break
        output += chunk
    os.close(controller)
    process.wait(timeout=120)
    return output


def test_colour_on_a_terminal_and_never_when_piped_or_with_no_color(work):
    env = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    env["TERM"] = "xterm-256color"
    args = ["check", "agree", "--no-cache"]
    assert b"\x1b[" in _run_on_terminal(args, env, work)
    assert b"\x1b[" not in _run_on_terminal(args, {**env, "NO_COLOR": "1"}, work)
    piped = subprocess.run([sys.executable, "-m", "reconcile", *args], capture_output=True, cwd=work, env=env)
    assert piped.returncode == 0
    assert b"\x1b" not in piped.stdout and b"No discrepancies found" in piped.stdout


def test_a_missing_folder_is_an_input_error(work):
    result = run("check", "nowhere")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == "Error: nowhere: no such file or folder; check the path\n"


@pytest.mark.skipif(os.name == "nt", reason="Windows file names are always Unicode")
def test_a_file_name_that_is_not_utf8_is_an_input_error(work):
    with open(os.fsencode(work / "news") + b"/caf\xe9.txt", "wb") as handle:
        handle.write(b"The Harlow Bridge opened to traffic in 1993.\n")
    result = run("check", "news", "--format", "json", "-o", "report.json")
    assert result.exit_code == 2
    assert result.stderr == ("Error: news/caf\\xe9.txt: its name is not valid UTF-8; "
                             "rename it to a UTF-8 name or leave it out with an exclude glob\n")
    assert not (work / "report.json").exists()


def test_an_unknown_format_is_a_usage_error(work):
    result = run("check", "news", "--format", "pdf")
    assert result.exit_code == 2
    assert "Invalid value for '--format': 'pdf' is not one of" in result.stderr


def test_help_documents_formats_and_exit_codes(work):
    text = run("check", "--help").stdout
    for fmt in FORMATS:
        assert fmt in text
    assert "0  nothing to act on" in text and "1  the gate failed" in text and "2  usage or input error" in text
