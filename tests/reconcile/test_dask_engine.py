"""--engine dask: the same claims and the same report, byte for byte, as the local engine."""

from __future__ import annotations

import logging

import pytest
from click.testing import CliRunner

from reconcile.cli import cli

distributed = pytest.importorskip("distributed")

NEWS = {
    "a.txt": "The Harlow Bridge opened to traffic in 1992. It cost $38.5 million.\n",
    "b.txt": "The Harlow Bridge opened to traffic in 1993, officials said. About 13,220 cars cross it daily.\n",
}


@pytest.fixture(scope="module")
def scheduler():
    """The address of a local cluster of two worker processes."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                                  silence_logs=logging.ERROR) as cluster:
        yield cluster.scheduler_address


@pytest.fixture
def news(tmp_path, monkeypatch):
    docs = tmp_path / "news"
    docs.mkdir()
    for name, text in NEWS.items():
        (docs / name).write_text(text, encoding="utf-8")
    for i in range(30):
        (docs / f"filler{i:02d}.txt").write_text(f"The council met {i + 2} times in {2000 + i}.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return docs


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_check_on_a_two_worker_cluster_gives_the_local_report_byte_for_byte(news, scheduler):
    local = run("check", "news", "--format", "json", "--no-cache")
    assert local.exit_code in (0, 1), local.stderr
    remote = run("check", "news", "--format", "json", "--no-cache", "--engine", "dask", "--scheduler", scheduler)
    assert (remote.exit_code, remote.stdout, remote.stderr) == (local.exit_code, local.stdout, local.stderr)


def test_extract_on_a_local_cluster_started_for_the_run(news):
    local = run("extract", "news", "--no-cache")
    assert local.exit_code == 0 and local.stdout.count("\n") == 32 * 2
    remote = run("extract", "news", "--engine", "dask", "--jobs", "2")
    assert (remote.exit_code, remote.stdout, remote.stderr) == (0, local.stdout, "")
    # the cache filled by the cluster's workers serves the local engine
    warm = run("extract", "news", "-j", "1")
    assert (warm.exit_code, warm.stdout) == (0, local.stdout)


def test_an_unreachable_scheduler_is_a_one_line_error(news, monkeypatch):
    from reconcile import dask_engine

    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", 1)
    result = run("extract", "news", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("Error: cannot reach the Dask scheduler at tcp://127.0.0.1:9 (")
    assert result.stderr.endswith("); check --scheduler (e.g. tcp://host:8786)\n")
    assert result.stderr.count("\n") == 1
