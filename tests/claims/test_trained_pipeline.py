"""``--model``: a trained spaCy pipeline's named entities veto numbers inside names.

A real trained pipeline is not installed here (none is downloaded at run time), so the
tests build one by hand: a blank English pipeline with an entity ruler, saved to disk and
loaded by path, the way ``spacy.load`` loads an installed package.
"""

from __future__ import annotations

import pytest
import spacy
from click.testing import CliRunner

from claims import ClaimsError, extract_claims
from claims.component import build_pipeline
from reconcile.cli import cli

TEXT = "The airline bought a Boeing 737 in 2019 and 12 smaller aircraft.\n"


@pytest.fixture(scope="module")
def trained(tmp_path_factory) -> str:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PRODUCT", "pattern": "Boeing 737"}, {"label": "DATE", "pattern": "2019"}])
    path = tmp_path_factory.mktemp("pipelines") / "ruler_pipeline"
    nlp.to_disk(path)
    return str(path)


def test_the_blank_pipeline_keeps_the_number_of_a_name():
    assert [c.text for c in extract_claims(TEXT, doc="a.txt")] == ["737", "2019", "12"]


def test_a_trained_pipeline_vetoes_numbers_inside_names(trained):
    claims = extract_claims(TEXT, doc="a.txt", model=trained)
    assert [c.text for c in claims] == ["2019", "12"]  # a DATE entity is not a name
    assert all(c.doc == "a.txt" and TEXT[c.start:c.end] == c.text for c in claims)


def test_the_component_fills_doc_spans(trained):
    nlp = build_pipeline(trained)
    assert nlp.pipe_names == ["entity_ruler", "claim_finder"]
    doc = nlp(TEXT)
    assert [(span.text, span.label_) for span in doc.spans["claims"]] == [("2019", "date"), ("12", "count")]


def test_a_missing_pipeline_says_how_to_install_it():
    with pytest.raises(ClaimsError, match=r"python -m spacy download en_core_web_nonexistent"):
        build_pipeline("en_core_web_nonexistent")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_cli_model_option(trained, tmp_path, monkeypatch, jobs):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    for n in range(20):  # enough documents for worker processes
        (tmp_path / "docs" / f"{n:02}.txt").write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", "docs", "--model", trained, "--jobs", jobs])
    assert result.exit_code == 0, result.output
    assert '"text": "737"' not in result.stdout and result.stdout.count('"text": "12"') == 20


def test_cli_missing_model_is_one_line_and_exit_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "docs", "--model", "en_core_web_nonexistent"])
    assert result.exit_code == 2
    assert result.stderr == ("Error: spaCy pipeline 'en_core_web_nonexistent' is not installed; install it with "
                             "`python -m spacy download en_core_web_nonexistent` or leave out --model\n")
