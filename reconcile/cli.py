"""The ``reconcile`` command: the one place that wires claims, reconcile and reports together.

Exit codes (every command):

\b
  0  nothing to act on
  1  the gate failed (check: a discrepancy in a failing review state)
  2  usage or input error (one line on stderr, never a traceback)
"""

from __future__ import annotations

import dataclasses
import functools
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import click

from claims import Claim, ClaimsError
from reports import FORMATS

from .config import Config, load_config
from .parallel import ENGINES, ExtractedClaims, ExtractionOptions

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
    if output in (None, "-", "/dev/stdout", "/dev/fd/1"):
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    path = Path(output)
    if path.is_symlink():
        path = path.resolve()  # the file it points to is the one to replace, not the link
    if path.exists() and not path.is_file() or str(path).startswith(("/dev/", "/proc/")):
        # /dev/null, a named pipe, a terminal: write into it; a rename would replace it
        with open(path, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        return
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    try:
        tmp.write_text(text, encoding="utf-8", newline="")
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def extraction_options(func: Callable) -> Callable:
    """Add --jobs, --no-cache, --engine, --scheduler and --model; the command gets them as ``extraction``."""

    @click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
                  help="Extract (and reconcile an archive's subjects) with this many processes "
                       "(default: one per core).")
    @click.option("--no-cache", is_flag=True,
                  help="Extract every document again; neither read nor write the claims cache "
                       "(nor the results it remembers).")
    @click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True,
                  help="Run extraction in local processes or on a Dask cluster.")
    @click.option("--scheduler", metavar="ADDRESS",
                  help="With --engine dask: a running scheduler, e.g. tcp://10.0.0.5:8786 (default: a local cluster).")
    @click.option("--model", metavar="NAME",
                  help="Extract with an installed trained spaCy pipeline, e.g. en_core_web_sm (its named "
                       "entities veto numbers inside names); default: the blank English pipeline.")
    @functools.wraps(func)
    def wrapper(*args, jobs: int | None, no_cache: bool, engine: str, scheduler: str | None, model: str | None,
                **kwargs):
        if scheduler and engine != "dask":
            _fail("--scheduler needs --engine dask")
        options = ExtractionOptions(jobs=jobs, cache=not no_cache, engine=engine, scheduler=scheduler, model=model)
        return func(*args, extraction=options, **kwargs)

    return wrapper


def _extractor(extraction: ExtractionOptions):
    """The cached, parallel extractor for :func:`reconcile.pipeline.scan`."""
    from .parallel import make_extractor

    return make_extractor(extraction, warn=lambda message: click.echo(f"Warning: {message}", err=True))


def _report(result, *, config: Config, extraction: ExtractionOptions, reviews=None):
    """:func:`reconcile.pipeline.build_report`, remembering each part's result in the cache
    (unless ``--no-cache``): a re-run reconciles only the parts whose documents changed;
    the parts of an archive are reconciled by ``--jobs`` processes."""
    return _report_and_render(result, config=config, extraction=extraction, reviews=reviews)[0]


def _report_and_render(result, *, config: Config, extraction: ExtractionOptions, reviews=None,
                       fmt: str | None = None, **options):
    """The report (see :func:`_report`) and, with ``fmt``, its text in that format: the
    JSON of each document's claims is kept in the cache too."""
    from reports import render
    from reports.json_report import fragment_format

    from .cache import ClaimsCache, DocumentTexts, extractor_key
    from .parallel import default_jobs
    from .pipeline import build_report

    key = extractor_key(model=extraction.model or config.model)
    jobs = extraction.jobs or default_jobs()
    if not extraction.cache:
        report = build_report(result, config=config, reviews=reviews, extractor=key, jobs=jobs)
        return report, render(report, fmt, **options) if fmt else None
    # The claims cache has already said what is wrong with the file, if anything: quiet here.
    with ClaimsCache(config.cache, key=key, warn=lambda message: None) as store:
        report = build_report(result, config=config, reviews=reviews, store=store, extractor=key, jobs=jobs)
        if not fmt:
            return report, None
        if fmt == "json" and store.enabled:
            options["fragments"] = DocumentTexts(store, documents={d.id: d.sha256 for d in report.documents},
                                                 namespace=fragment_format())
        return report, render(report, fmt, **options)


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
@extraction_options
@handle_errors
def extract(paths: tuple[str, ...], fmt: str, output: str | None, config_path: str | None,
            extraction: ExtractionOptions) -> None:
    """Extract every numeric and dated claim from PATHS (files or folders).

    Each claim has its document id (path relative to the folder scanned), exact
    character offsets into the original text, kind, normalized value and interval.
    Claims of unchanged documents come from the cache (.reconcile/cache.sqlite).

    \b
    Example:
        reconcile extract seeds/ > claims.jsonl
        reconcile extract report.txt --format csv -o claims.csv
    """
    from .pipeline import scan

    config = _load_config(config_path)
    # JSON lines are made per document where it is extracted (with --jobs, by the workers:
    # the claims are never decoded here), or here for those the cache holds, then put in
    # document order and written at once.
    lines: dict[str, str] = {}

    def serialize(info, doc_claims: Sequence[Claim]) -> None:
        lines[info.id] = doc_claims.rendered if isinstance(doc_claims, ExtractedClaims) else _claims_jsonl(doc_claims)

    if fmt != "csv":
        extraction = dataclasses.replace(extraction, render=_claims_jsonl)
    result = scan(paths, config=config, extractor=_extractor(extraction),
                  on_document=None if fmt == "csv" else serialize)
    for warning in result.warnings:
        click.echo(f"Warning: {warning}", err=True)
    if fmt == "csv":
        text = claims_frame_csv(result.claims)
    else:
        text = "".join(lines[document.id] for document in result.documents)
    _write(text, output)


_JSON_LINE = json.JSONEncoder(ensure_ascii=False)


def _claims_jsonl(claims: Sequence[Claim]) -> str:
    """Claims as JSON lines, in the order of the report's claims."""
    from reports.json_report import claim_to_dict

    ordered = sorted(claims, key=lambda c: (c.doc, c.start, c.end))
    return "".join(_JSON_LINE.encode(claim_to_dict(c)) + "\n" for c in ordered)


def claims_frame_csv(claims) -> str:
    """Claims as CSV, through pandas."""
    from .frames import claims_frame

    buffer = io.StringIO()
    claims_frame(claims).to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


# ---------------------------------------------------------------- check

def _decisions_file(decisions_path: str | None, config: Config) -> str:
    """The decisions file: ``--decisions``, else the config's ``decisions``."""
    return decisions_path or config.decisions


def _reviews_loader(decisions_path: str | None, config: Config):
    """A function giving each discrepancy its review state from the decisions file.

    The file is read at once, so a malformed one stops the run before the scan (exit 2);
    a missing one means nothing is reviewed yet.  A check only reads it, never writes it.
    """
    from .decisions import load_decisions

    return functools.partial(_reviews_of, decisions=load_decisions(_decisions_file(decisions_path, config)))


def _reviews_of(discrepancies, *, decisions):
    from .decisions import reviews_for

    return reviews_for(discrepancies, decisions)


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
@extraction_options
@handle_errors
def check(paths: tuple[str, ...], fmt: str, output: str | None, config_path: str | None,
          min_confidence: float | None, decisions_path: str | None, fail_on: str | None,
          extraction: ExtractionOptions) -> None:
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

    from .pipeline import scan

    config = _load_config(config_path)
    if min_confidence is not None:
        config = replace(config, min_confidence=min_confidence)
    fail_on = fail_on or config.fail_on
    reviews = _reviews_loader(decisions_path, config)
    result = scan(paths, config=config, extractor=_extractor(extraction))
    for warning in result.warnings:
        click.echo(f"Warning: {warning}", err=True)
    report, text = _report_and_render(result, config=config, extraction=extraction, reviews=reviews, fmt=fmt,
                                      color=_use_color(output), fail_on=fail_on)
    _write(text, output)
    sys.exit(1 if report.gate_failures(fail_on) else 0)


def _use_color(output: str | None) -> bool:
    """Colour only on a terminal, and never with NO_COLOR set."""
    return output in (None, "-") and sys.stdout.isatty() and "NO_COLOR" not in os.environ


cli.add_command(check, name="report")


# ---------------------------------------------------------------- review workflow

_DECISIONS_OPTION = click.option(
    "--decisions", "decisions_path", type=click.Path(dir_okay=False), default=None,
    help="The decisions file (default: config, else ./reconcile-decisions.json).")
_CONFIG_OPTION = click.option(
    "--config", "config_path", type=click.Path(dir_okay=False),
    help="A reconcile.toml or pyproject.toml (default: ./reconcile.toml, ./pyproject.toml).")


def _all_flags(paths: tuple[str, ...], config: Config, extraction: ExtractionOptions):
    """Every discrepancy in PATHS at any confidence.

    Deciding and pruning ignore ``min_confidence``: a decision stays attached to its flag
    even when the flag falls below the reporting floor for a while.
    """
    from dataclasses import replace

    from .pipeline import scan

    result = scan(paths, config=config, extractor=_extractor(extraction))
    for warning in result.warnings:
        click.echo(f"Warning: {warning}", err=True)
    return _report(result, config=replace(config, min_confidence=0.0), extraction=extraction).discrepancies


def _about(fact: str, values) -> str:
    return f"{fact}: {' vs '.join(values)}" if fact else " vs ".join(values)


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("fingerprint")
@click.argument("answer", type=click.Choice(["approve", "reject"]))
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--note", default="", help="Why: free text kept with the decision.")
@click.option("--by", default=None, help="Who decides (default: the OS user).")
@click.option("--value", default=None, help="The value that is correct, if known.")
@_DECISIONS_OPTION
@_CONFIG_OPTION
@extraction_options
@handle_errors
def decide(fingerprint: str, answer: str, paths: tuple[str, ...], note: str, by: str | None,
           value: str | None, decisions_path: str | None, config_path: str | None,
           extraction: ExtractionOptions) -> None:
    """Record a verdict on one discrepancy: approve (a real discrepancy) or reject (a false flag).

    FINGERPRINT is the discrepancy's id as `reconcile check` prints it.  With PATHS it must
    be a discrepancy found there, and the decision keeps its fact and the values seen;
    without PATHS it must already be in the decisions file (to change a verdict, note or
    value).  Deciding again replaces the earlier decision.

    \b
    Example:
        reconcile decide 0f3a9c41d2b7e856 approve docs/ --note "the trust says 212" --value 212
        reconcile decide 0f3a9c41d2b7e856 reject --note "two different programmes"
    """
    from .decisions import ANSWERS, current_user, load_decisions, new_decision, record_decision
    from .errors import DecisionsError

    config = _load_config(config_path)
    path = _decisions_file(decisions_path, config)
    decided = load_decisions(path)  # a malformed file stops here, before the scan
    if paths:
        target = next((d for d in _all_flags(paths, config, extraction) if d.id == fingerprint), None)
        if target is None:
            raise DecisionsError(f"no discrepancy in {' '.join(paths)} has fingerprint {fingerprint}; "
                                 f"`reconcile check {' '.join(paths)}` lists the fingerprints")
        decision = new_decision(target, ANSWERS[answer], by=by or current_user(), note=note, value=value)
    elif fingerprint in decided:
        decision = new_decision(_as_flag(decided[fingerprint]), ANSWERS[answer], by=by or current_user(),
                                note=note, value=value)
    else:
        raise DecisionsError(f"{fingerprint} is not in {path}; give the PATH... where `reconcile check` "
                             f"found it: reconcile decide {fingerprint} {answer} PATH...")
    previous = record_decision(path, decision)
    about = _about(decision.fact, decision.values)
    if previous is None:
        click.echo(f"Recorded {fingerprint}: {decision.verdict} by {decision.by} ({about}).")
    else:
        click.echo(f"Changed {fingerprint}: {previous.verdict} -> {decision.verdict} by {decision.by} ({about}).")


def _as_flag(decision):
    """A stand-in discrepancy carrying a decided one's fact and values (decide without PATHS)."""
    from .model import Discrepancy

    return Discrepancy(id=decision.fingerprint, fact=decision.fact, fact_key=decision.fact_key, klass="conflict",
                       claims=(), values=decision.values, sides=(), explanation="", confidence=0.0)


@cli.command("decisions", context_settings=CONTEXT_SETTINGS)
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@_DECISIONS_OPTION
@_CONFIG_OPTION
@extraction_options
@handle_errors
def list_decisions(paths: tuple[str, ...], as_json: bool, decisions_path: str | None, config_path: str | None,
                   extraction: ExtractionOptions) -> None:
    """List the decisions; with PATHS, also say which are stale (their discrepancy is gone).

    A decision goes stale when the documents no longer hold its discrepancy: the claims
    were corrected, or a new value gave the fact a new fingerprint.  Stale decisions are
    only reported here; `reconcile prune-decisions PATHS` removes them.

    \b
    Example:
        reconcile decisions
        reconcile decisions docs/ --json
    """
    from reports.json_report import decision_to_dict

    from .decisions import load_decisions, stale_decisions

    config = _load_config(config_path)
    path = _decisions_file(decisions_path, config)
    decided = load_decisions(path)
    stale = None
    if paths:
        stale = {d.fingerprint for d in stale_decisions(decided, _all_flags(paths, config, extraction))}
    ordered = [decided[fp] for fp in sorted(decided)]
    if as_json:
        data = {
            "file": path,
            "decisions": [{**decision_to_dict(d), "stale": None if stale is None else d.fingerprint in stale}
                          for d in ordered],
            "stale": None if stale is None else sorted(stale),
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for d in ordered:
        status = "" if stale is None else ("stale    " if d.fingerprint in stale else "current  ")
        click.echo(f"{d.fingerprint}  {status}{d.verdict} by {d.by} at {d.at}")
        correct = f"; correct value {d.value}" if d.value else ""
        click.echo(f"    {_about(d.fact, d.values)}{correct}")
        if d.note:
            click.echo(f"    note: {d.note}")
    count = f"{len(ordered)} decision{'' if len(ordered) == 1 else 's'} in {path}"
    if stale is None:
        click.echo(f"{count}." if ordered else f"No decisions in {path}.")
    elif stale:
        click.echo(f"{count}; {len(stale)} stale (no discrepancy in {' '.join(paths)} has its fingerprint): "
                   f"`reconcile prune-decisions {' '.join(paths)}` removes them.")
    else:
        click.echo(f"{count}; none stale." if ordered else f"No decisions in {path}.")


@cli.command("prune-decisions", context_settings=CONTEXT_SETTINGS)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--dry-run", is_flag=True, help="Only say what would be removed.")
@_DECISIONS_OPTION
@_CONFIG_OPTION
@extraction_options
@handle_errors
def prune_decisions(paths: tuple[str, ...], dry_run: bool, decisions_path: str | None, config_path: str | None,
                    extraction: ExtractionOptions) -> None:
    """Remove the stale decisions: those whose discrepancy no longer exists in PATHS.

    Give the same PATHS as `reconcile check`: a decision about documents left out of PATHS
    would look stale.  Each decision removed is printed.

    \b
    Example:
        reconcile prune-decisions docs/ --dry-run
        reconcile prune-decisions docs/
    """
    from .decisions import load_decisions, remove_decisions, stale_decisions

    config = _load_config(config_path)
    path = _decisions_file(decisions_path, config)
    load_decisions(path)  # a malformed file stops here, before the scan
    current = _all_flags(paths, config, extraction)
    if dry_run:
        removed = stale_decisions(load_decisions(path), current)
    else:
        # stale is computed again under the lock, so a decision taken meanwhile is never removed
        # unless it, too, has no discrepancy
        current_ids = {d.id for d in current}
        removed = remove_decisions(path, [fp for fp in load_decisions(path) if fp not in current_ids])
    verb = "Would remove" if dry_run else "Removed"
    for d in removed:
        click.echo(f"{verb} {d.fingerprint}: {d.verdict} by {d.by} ({_about(d.fact, d.values)}).")
    if not removed:
        click.echo(f"Nothing to prune: every decision in {path} matches a discrepancy in {' '.join(paths)}.")


@cli.command("merge-decisions", context_settings=CONTEXT_SETTINGS)
@click.argument("base", type=click.Path(dir_okay=False))
@click.argument("ours", type=click.Path(dir_okay=False))
@click.argument("theirs", type=click.Path(dir_okay=False))
@handle_errors
def merge_decisions_command(base: str, ours: str, theirs: str) -> None:
    """Merge two branches' decisions files into OURS (a git merge driver).

    The union of both sides by fingerprint.  The same fingerprint decided differently on
    the two sides is a conflict: one line names it and both verdicts, it is left out of
    the result (so the gate asks for it again), and the exit code is 1.  OURS is always
    left a valid decisions file.  Set it up once per clone:

    \b
        echo 'reconcile-decisions.json merge=reconcile' >> .gitattributes
        git config merge.reconcile.driver "reconcile merge-decisions %O %A %B"
    \b
    Example:
        reconcile merge-decisions base.json ours.json theirs.json
    """
    from .decisions import load_decisions, locked, merge_decisions, write_decisions

    sides = [load_decisions(p) for p in (base, ours, theirs)]
    result = merge_decisions(*sides)
    with locked(ours):
        write_decisions(ours, result.decisions)
    for conflict in result.conflicts:
        click.echo(conflict.message(), err=True)
    sys.exit(1 if result.conflicts else 0)


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--by", default=None, help="Who decides (default: the OS user).")
@click.option("--all", "review_all", is_flag=True, help="Also go through the discrepancies already decided.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="Review only flags at least this confident (default: config, else 0.5).")
@_DECISIONS_OPTION
@_CONFIG_OPTION
@extraction_options
@handle_errors
def review(paths: tuple[str, ...], by: str | None, review_all: bool, min_confidence: float | None,
           decisions_path: str | None, config_path: str | None, extraction: ExtractionOptions) -> None:
    """Review the unreviewed discrepancies in PATHS one by one, in the terminal.

    Each flag shows its values, the sentences stating them with the numbers highlighted,
    the explanation and any earlier decision on the same fact.  Answer with one key:
    a = approve (a real discrepancy), r = reject (a false flag), s = skip, q = quit; a note
    and, on approval, the correct value may follow (Enter skips them).  Every answer is
    saved at once.  Without a terminal, answers are read one per line from stdin.

    \b
    Exit codes:
      0  no discrepancy is left unreviewed
      1  some are (skipped, or the review stopped early)
      2  usage or input error
    \b
    Example:
        reconcile review docs/
        reconcile review docs/ --decisions review/decisions.json --by alice
    """
    from dataclasses import replace

    from rich.console import Console

    from .decisions import current_user, new_decision, record_decision
    from .pipeline import scan
    from .review import Terminal, run_review

    config = _load_config(config_path)
    if min_confidence is not None:
        config = replace(config, min_confidence=min_confidence)
    path = _decisions_file(decisions_path, config)
    reviews = _reviews_loader(decisions_path, config)
    reviewer = by or current_user()
    result = scan(paths, config=config, extractor=_extractor(extraction))
    for warning in result.warnings:
        click.echo(f"Warning: {warning}", err=True)
    report = _report(result, config=config, extraction=extraction, reviews=reviews)
    queue = [d for d in report.discrepancies if review_all or report.review_of(d).state == "unreviewed"]
    if not report.discrepancies:
        click.echo(f"No discrepancies in {' '.join(paths)}: nothing to review.")
        return
    if not queue:
        click.echo(f"All {len(report.discrepancies)} discrepancies are reviewed (--all goes through them again).")
        return

    console = Console(file=sys.stdout, highlight=False, markup=False, emoji=False)

    def record(discrepancy, verdict, note, value):
        decision = new_decision(discrepancy, verdict, by=reviewer, note=note, value=value)
        record_decision(path, decision)
        return decision

    terminal = Terminal(console=console, read_key=_key_reader(console), read_line=_line_reader)
    outcome = run_review(queue, report.reviews, terminal=terminal, record=record)
    decided = {d.fingerprint: d for d in outcome.decided}
    left = [d for d in report.discrepancies if d.id not in decided and report.review_of(d).state == "unreviewed"]
    verdicts = [d.verdict for d in decided.values()]
    click.echo(f"Decided {len(decided)}: {verdicts.count('confirmed')} confirmed, "
               f"{verdicts.count('dismissed')} dismissed; {len(left)} left unreviewed; saved in {path}.")
    sys.exit(1 if left else 0)


def _key_reader(console):
    """One key per answer on a terminal; one line per answer otherwise (pipes, tests)."""
    interactive = sys.stdin.isatty()

    def read_key(prompt: str) -> str:
        console.print(prompt, end="")
        if interactive:
            try:
                key = click.getchar()
            except EOFError:  # Ctrl-D
                key = ""
        else:
            line = sys.stdin.readline()
            # an empty line is not the end of input: it is an unknown key, asked again
            key = (line.strip()[:1] or " ") if line else ""
        console.print(key if key.isprintable() else "")
        return key.lower()

    return read_key


def _line_reader(prompt: str) -> str:
    from .review import QuitReview

    try:
        return click.prompt(prompt, default="", show_default=False, prompt_suffix="")
    except click.Abort:  # end of input or Ctrl-C: stop without saving a half-given answer
        raise QuitReview from None


# ---------------------------------------------------------------- web review

@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Listen on this address; anything but this machine lets others read and decide (a warning).")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="Listen on this port (0: any free port, printed on start).")
@click.option("--by", default=None, help="Who decides (default: the OS user).")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the default web browser.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="Show only flags at least this confident (default: config, else 0.5).")
@_DECISIONS_OPTION
@_CONFIG_OPTION
@extraction_options
@handle_errors
def serve(paths: tuple[str, ...], host: str, port: int, by: str | None, open_browser: bool,
          min_confidence: float | None, decisions_path: str | None, config_path: str | None,
          extraction: ExtractionOptions) -> None:
    """Review the discrepancies in PATHS in a web browser, on a page served from this machine.

    The page lists the flags (unreviewed first, with filters), shows each one's sentences
    with the numbers highlighted and their paragraphs, and records Approve / Reject in the
    decisions file, through the same locked, atomic writes as `reconcile decide`.  Edit a
    document and reload: the check runs again.  The page listens on 127.0.0.1 only unless
    --host says otherwise; Ctrl-C stops it.

    \b
    Example:
        reconcile serve docs/
        reconcile serve docs/ --port 9000 --by alice --open
    """
    import webbrowser
    from dataclasses import replace

    from .decisions import current_user
    from .web import Workspace, bind_socket, create_app, is_loopback, page_url, run_server

    config = _load_config(config_path)
    if min_confidence is not None:
        config = replace(config, min_confidence=min_confidence)
    workspace = Workspace(paths, config=config, decisions_path=_decisions_file(decisions_path, config),
                          reviewer=by or current_user(),
                          extractor=_extractor(replace(extraction, progress=False)))
    sock = bind_socket(host, port)  # a port in use stops here, before the scan
    try:
        report = workspace.refresh().report
    except BaseException:
        sock.close()
        raise
    for warning in report.warnings:
        click.echo(f"Warning: {warning}", err=True)
    sock.listen()  # from here a browser's request waits in the backlog until uvicorn takes it
    url = page_url(host, sock.getsockname()[1])
    unreviewed = len(report.gate_failures("unreviewed"))
    found = f"{len(report.discrepancies)} discrepanc{'y' if len(report.discrepancies) == 1 else 'ies'}"
    click.echo(f"Serving the review of {' '.join(paths)} at {url} ({found}, {unreviewed} unreviewed).")
    local = is_loopback(host)
    if local:
        click.echo(f"Listening on {host} only: no other machine can open the page.")
    else:
        click.echo(f"Warning: listening on {host}: anyone who can reach this machine can read the documents "
                   f"and record decisions as {workspace.reviewer}; the default --host 127.0.0.1 keeps it local.",
                   err=True)
    click.echo(f"Decisions are saved to {workspace.decisions_path} as {workspace.reviewer}. Press Ctrl-C to stop.")
    app = create_app(workspace, allowed_hosts={"localhost", "127.0.0.1", "::1", host} if local else None)
    if open_browser:
        webbrowser.open(url)
    run_server(app, sock)
    click.echo(f"Stopped; every decision is saved in {workspace.decisions_path}.")
