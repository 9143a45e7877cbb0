"""The ``reconcile`` command: the one place that wires claims, reconcile and reports together.

Exit codes (every command):

\b
  0  nothing to act on
  1  the gate failed (check: a discrepancy in a failing review state)
  2  usage or input error (one line on stderr, never a traceback)
"""

from __future__ import annotations

import functools
import io
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

import click

from claims import Claim, ClaimsError
from reports import FORMATS

from .config import Config, load_config

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _fail(message: str) -> None:
    """Print ``Error: message`` on stderr and exit 2."""
    click.echo(f"Error: {message}", err=True)
    sys.exit(2)


def handle_errors(func: Callable) -> Callable:
    """Turn the packages' domain errors into ``Error: ...`` and exit code 2."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except ClaimsError as exc:
            _fail(str(exc))
        except OSError as exc:
            _fail(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "))

    return wrapper


def _load_config(config_path: str | None) -> Config:
    return load_config(".", path=config_path)


def _write(text: str, output: str | None) -> None:
    """Write ``text`` to ``output`` (atomically) or stdout."""
    if output in (None, "-"):
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    path = Path(output)
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    try:
        tmp.write_text(text, encoding="utf-8", newline="")
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(package_name="claim-reconcile")
def cli() -> None:
    """Find the numeric and dated claims in a folder of documents and flag contradictions.

    \b
    Example:
        reconcile check seeds/
        reconcile extract seeds/ --format csv -o claims.csv
    """


def main() -> None:
    """Entry point of the ``reconcile`` console script."""
    cli(prog_name="reconcile")


# ---------------------------------------------------------------- extract

@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True,
              help="JSON lines (one claim per line) or CSV.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here instead of stdout.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="A reconcile.toml or pyproject.toml (default: ./reconcile.toml, ./pyproject.toml).")
@handle_errors
def extract(paths: tuple[str, ...], fmt: str, output: str | None, config_path: str | None) -> None:
    """Extract every numeric and dated claim from PATHS (files or folders).

    Each claim has its document id (path relative to the folder scanned), exact
    character offsets into the original text, kind, normalized value and interval.

    \b
    Example:
        reconcile extract seeds/ > claims.jsonl
        reconcile extract report.txt --format csv -o claims.csv
    """
    from .pipeline import scan

    config = _load_config(config_path)
    result = scan(paths, config=config)
    for warning in result.warnings:
        click.echo(f"Warning: {warning}", err=True)
    if fmt == "csv":
        text = claims_frame_csv(result.claims)
    else:
        text = "".join(json.dumps(_claim_json(c), ensure_ascii=False) + "\n" for c in result.claims)
    _write(text, output)


def _claim_json(claim: Claim) -> dict:
    from reports.json_report import claim_to_dict

    return claim_to_dict(claim)


def claims_frame_csv(claims) -> str:
    """Claims as CSV, through pandas."""
    from .frames import claims_frame

    buffer = io.StringIO()
    claims_frame(claims).to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


# ---------------------------------------------------------------- check

def _reviews_loader(decisions_path: str | None, config: Config):
    """A function giving each discrepancy its review state from the decisions file, or None.

    Filled in by the review workflow (reconcile.decisions).
    """
    return None


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="terminal", show_default=True,
              help="Report format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report here instead of stdout.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="A reconcile.toml or pyproject.toml (default: ./reconcile.toml, ./pyproject.toml).")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="Report only flags at least this confident (default: config, else 0.5).")
@click.option("--decisions", "decisions_path", type=click.Path(dir_okay=False), default=None,
              help="The decisions file (default: config, else ./reconcile-decisions.json).")
@click.option("--fail-on", type=click.Choice(["unreviewed", "confirmed", "none"]), default=None,
              help="Which review states fail the gate (default: unreviewed).")
@handle_errors
def check(paths: tuple[str, ...], fmt: str, output: str | None, config_path: str | None,
          min_confidence: float | None, decisions_path: str | None, fail_on: str | None) -> None:
    """Check PATHS for claims that contradict each other; exit 1 when the gate fails.

    \b
    Exit codes:
      0  nothing to act on (no discrepancy in a failing review state)
      1  the gate failed: by default, a discrepancy nobody has reviewed
      2  usage or input error
    \b
    Example:
        reconcile check seeds/
        reconcile check seeds/ --format json -o report.json
        reconcile check docs/ --format sarif -o reconcile.sarif --fail-on confirmed
    """
    from dataclasses import replace

    from reports import render

    from .pipeline import build_report, scan

    config = _load_config(config_path)
    if min_confidence is not None:
        config = replace(config, min_confidence=min_confidence)
    fail_on = fail_on or config.fail_on
    result = scan(paths, config=config)
    for warning in result.warnings:
        click.echo(f"Warning: {warning}", err=True)
    report = build_report(result, config=config, reviews=_reviews_loader(decisions_path, config))
    _write(render(report, fmt, color=_use_color(output), fail_on=fail_on), output)
    sys.exit(1 if report.gate_failures(fail_on) else 0)


def _use_color(output: str | None) -> bool:
    """Colour only on a terminal, and never with NO_COLOR set."""
    return output in (None, "-") and sys.stdout.isatty() and "NO_COLOR" not in os.environ


cli.add_command(check, name="report")
