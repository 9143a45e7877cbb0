"""--jobs, --no-cache, --engine and --scheduler on `extract` and `check`."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from reconcile.cli import cli

NEWS = {
    "a.txt": "The Harlow Bridge opened to traffic in 1992. It cost $38.5 million.\n",
    "b.txt": "The Harlow Bridge opened to traffic in 1993, officials said. About 13,220 cars cross it daily.\n",
}


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A working folder (the cache goes to ./.reconcile) with a folder of news items."""
    docs = tmp_path / "news"
    docs.mkdir()
    for name, text in NEWS.items():
        (docs / name).write_text(text, encoding="utf-8")
    for i in range(18):  # enough documents for the worker processes to start
        (docs / f"filler{i:02d}.txt").write_text(f"The council met {i + 2} times in {2000 + i}.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_extract_gives_the_same_output_with_any_number_of_jobs_and_with_the_cache(project):
    plain = run("extract", "news", "--no-cache", "--jobs", "1")
    assert plain.exit_code == 0 and plain.stderr == ""
    assert plain.stdout.count("\n") == 20 * 2  # two claims in each document
    for args in (["--jobs", "2", "--no-cache"], ["-j", "2"], ["-j", "2"], ["-j", "1"]):
        result = run("extract", "news", *args)
        assert (result.exit_code, result.stdout, result.stderr) == (0, plain.stdout, "")
    assert (project / ".reconcile" / "cache.sqlite").is_file()


def test_no_cache_leaves_no_cache_file(project):
    result = run("extract", "news", "--no-cache")
    assert result.exit_code == 0
    assert not (project / ".reconcile").exists()


def test_the_cache_path_comes_from_the_configuration(project):
    (project / "reconcile.toml").write_text('cache = "build/claims.sqlite"\n', encoding="utf-8")
    assert run("extract", "news").exit_code == 0
    assert (project / "build" / "claims.sqlite").is_file()
    assert not (project / ".reconcile").exists()


def test_a_corrupt_cache_gives_one_warning_and_the_same_claims(project):
    expected = run("extract", "news", "--no-cache").stdout
    (project / ".reconcile").mkdir()
    (project / ".reconcile" / "cache.sqlite").write_bytes(b"garbage" * 1000)
    result = run("extract", "news")
    assert (result.exit_code, result.stdout) == (0, expected)
    assert result.stderr == ("Warning: .reconcile/cache.sqlite: is not a valid claims cache (file is not a database); "
                             "ignoring it and building a new claims cache\n")
    again = run("extract", "news")
    assert (again.exit_code, again.stdout, again.stderr) == (0, expected, "")


def test_check_reports_the_same_with_and_without_cache_and_jobs(project):
    cold = run("check", "news", "--format", "json", "--no-cache", "-j", "1")
    assert cold.exit_code in (0, 1), cold.stderr
    for args in (["-j", "2"], ["-j", "2"]):
        result = run("check", "news", "--format", "json", *args)
        assert (result.exit_code, result.stdout) == (cold.exit_code, cold.stdout)


def test_a_check_after_an_edit_reports_what_a_check_without_cache_reports(project):
    sentence = "The Kelmby Children's Hospital performed {} surgical operations in 2023, its annual report says.\n"
    (project / "news" / "k1.txt").write_text(sentence.format("2,565"), encoding="utf-8")
    (project / "news" / "k2.txt").write_text(sentence.format("5,265"), encoding="utf-8")
    first = run("check", "news", "--format", "json")  # results remembered in the cache
    assert first.exit_code == 1 and '"5,265"' in first.stdout
    (project / "news" / "k2.txt").write_text(sentence.format("2,565"), encoding="utf-8")
    warm = run("check", "news", "--format", "json")
    cold = run("check", "news", "--format", "json", "--no-cache")
    assert (warm.exit_code, warm.stdout, warm.stderr) == (cold.exit_code, cold.stdout, "")
    assert '"5,265"' not in warm.stdout


def test_scheduler_without_the_dask_engine_is_a_usage_error(project):
    result = run("check", "news", "--scheduler", "tcp://127.0.0.1:8786")
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", "Error: --scheduler needs --engine dask\n")


def test_zero_jobs_is_a_usage_error(project):
    result = run("extract", "news", "--jobs", "0")
    assert result.exit_code == 2
    assert "Invalid value for '-j' / '--jobs': 0 is not in the range x>=1." in result.stderr


@pytest.mark.parametrize("options", [["--no-cache", "--jobs", "1"], ["--no-cache", "--jobs", "2"], ["--jobs", "2"]])
def test_extraction_alone_never_imports_the_engine_or_numpy(project, options):
    # the engine and numpy cost a tenth of a second before the first document is read
    # (and in each worker, a fork of it): `extract` does not need them
    import subprocess
    import sys

    script = ("import sys\nfrom reconcile.cli import cli\n"
              "try:\n    cli.main(args=sys.argv[1:], prog_name='reconcile')\n"
              "except SystemExit as done:\n    assert done.code == 0, done.code\n"
              "print(sorted(m for m in ('numpy', 'reconcile.engine', 'reconcile.features') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", script, "extract", "news", *options, "-o", "claims.jsonl"],
                          cwd=project, capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (0, "[]\n"), done.stderr
    assert (project / "claims.jsonl").read_text(encoding="utf-8").count("\n") == 20 * 2
