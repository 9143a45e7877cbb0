"""The project configuration: defaults, [tool.reconcile], reconcile.toml, and errors naming the key."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from reconcile import Config, ConfigError, load_config
from reconcile.cli import cli


def test_defaults_without_a_file(tmp_path):
    assert load_config(tmp_path) == Config()


def test_pyproject_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.reconcile]\nexclude = ["drafts/*"]\nmin-confidence = 0.8\n'
        '[tool.reconcile.aliases]\nGGP = ["Grassroots Programme", "grassroots projects"]\n', encoding="utf-8")
    config = load_config(tmp_path)
    assert config.exclude == ("drafts/*",)
    assert config.min_confidence == 0.8
    assert config.aliases == {"GGP": ("Grassroots Programme", "grassroots projects")}


def test_reconcile_toml_wins_over_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.reconcile]\nfail_on = "none"\n', encoding="utf-8")
    (tmp_path / "reconcile.toml").write_text('fail_on = "confirmed"\n', encoding="utf-8")
    assert load_config(tmp_path).fail_on == "confirmed"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("min_confidence = 2\n", "reconcile.toml: [tool.reconcile] min_confidence: must be a number from 0 to 1"),
        ("treshold = 0.5\n", "reconcile.toml: [tool.reconcile] treshold: unknown key"),
        ('include = "*.txt"\nexclude = [1]\n', "reconcile.toml: [tool.reconcile] exclude: must be a list of strings"),
        ("aliases = 3\n", "reconcile.toml: [tool.reconcile] aliases: must be a table"),
        ('fail_on = "never"\n', "reconcile.toml: [tool.reconcile] fail_on: must be one of unreviewed, confirmed, none"),
        ("min_confidence = \n", "not valid TOML"),
    ],
)
def test_a_bad_config_names_the_key_and_exits_2(tmp_path, monkeypatch, text, message):
    (tmp_path / "reconcile.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(tmp_path)
    assert message in str(error.value)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("The bridge opened in 1992.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "docs"])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and message in result.stderr
    assert result.stderr.count("\n") == 1  # one line, no traceback
