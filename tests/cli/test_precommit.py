"""The pre-commit hook, for real: `pre-commit try-repo` against this project in a scratch repo.

pre-commit builds the hook's own virtualenv and pip-installs this project into it (from the
package index: the one step of the suite that needs it), which takes a minute or more.  Each
`try-repo` normally does that in a throw-away store; here both runs share one store (and the
project is snapshotted into one commit, passed as ``--ref``), so the second run reuses the
virtualenv and the test stays near two minutes.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

PROJECT = Path(__file__).resolve().parents[2]
HOOK = "reconcile-check"
CONFLICT = {
    "docs/courier.txt": "The Harlow Bridge opened to traffic on 2 September 1992. It cost 38 million dollars to build.\n",
    "docs/gazette.txt": "The Harlow Bridge opened to traffic on 12 September 1992. It cost 38 million dollars to build.\n",
}
GIT_ENV = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def git(*args: str, cwd: Path, env: dict[str, str]) -> str:
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def snapshot_project(target: Path, env: dict[str, str]) -> str:
    """Copy this project's files (committed or not, minus ignored ones) into one commit."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=PROJECT, check=True, capture_output=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = PROJECT / name
        if name.startswith("tests/") or not source.is_file():
            continue  # the hook needs the package, not its tests
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, destination)
    git("init", "-q", cwd=target, env=env)
    git("add", "-A", cwd=target, env=env)
    git("commit", "-q", "-m", "snapshot", cwd=target, env=env)
    return git("rev-parse", "HEAD", cwd=target, env=env).strip()


# `pre-commit try-repo` with its store pinned to a folder instead of a temporary one.
TRY_REPO = """\
import sys
from pre_commit.commands import try_repo
from pre_commit.main import main
from pre_commit.store import Store

store = sys.argv.pop(1)
assert hasattr(try_repo, "Store"), "pre-commit changed: try_repo no longer builds its own Store"
try_repo.Store = lambda _temporary: Store(store)
raise SystemExit(main(["try-repo", *sys.argv[1:]]))
"""


def try_repo(repo: Path, ref: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    store = Path(env["PRE_COMMIT_HOME"])
    return subprocess.run([sys.executable, "-c", TRY_REPO, str(store), str(repo), HOOK, "--ref", ref, "--verbose"],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def reconcile(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reconcile", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture()
def env(tmp_path) -> dict[str, str]:
    return {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "NO_COLOR": "1"}


def test_hook_fails_on_a_conflicting_commit_and_passes_once_decided(tmp_path, env):
    if shutil.which("git") is None:
        pytest.fail("git is needed to test the pre-commit hook")
    project = tmp_path / "project"
    project.mkdir()
    ref = snapshot_project(project, env)

    documents = tmp_path / "documents"
    documents.mkdir()
    git("init", "-q", cwd=documents, env=env)
    for name, text in CONFLICT.items():
        (documents / name).parent.mkdir(parents=True, exist_ok=True)
        (documents / name).write_text(text, encoding="utf-8")
    (documents / ".gitignore").write_text(".reconcile/\n", encoding="utf-8")
    git("add", "-A", cwd=documents, env=env)

    failed = try_repo(project, ref, documents, env)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "Gate: failed: 1 discrepancy is unreviewed (--fail-on unreviewed)." in failed.stdout

    check = reconcile("check", ".", "--format", "json", cwd=documents, env=env)
    (fingerprint,) = [d["id"] for d in json.loads(check.stdout)["discrepancies"]]
    assert fingerprint in failed.stdout  # the hook's report names what to decide
    decided = reconcile("decide", fingerprint, "approve", ".", "--by", "editor", "--note", "the gazette has a typo",
                        cwd=documents, env=env)
    assert decided.returncode == 0, decided.stderr
    git("add", "reconcile-decisions.json", cwd=documents, env=env)

    passed = try_repo(project, ref, documents, env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Gate: passed (--fail-on unreviewed)." in passed.stdout
