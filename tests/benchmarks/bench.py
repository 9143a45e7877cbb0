#!/usr/bin/env python3
"""Speed, memory and accuracy of `reconcile check` on generated corpora of growing size.

Usage:
    python tests/benchmarks/bench.py [--sizes 10,1000,10000] [--work DIR] [--jobs 2]
                                     [--speedup-docs 1000,10000] [--engine-claims 100000,1000000]

For each size N it generates N documents (``generate.py``, seed 7), then times, each in a
fresh process: ``reconcile extract`` cold (empty claims cache) and warm; ``reconcile check
--format json`` warm (claims cached, no reconciliation result remembered yet), warm after
one document changed (the result of every part but the changed document's remembered: see
``reconcile/memo.py``), and cold (empty cache; above
``--cold-limit`` documents it is not run again but taken as extraction cold + check warm -
extraction warm, marked ``≈``).  A check still running after ``--timeout`` seconds is
stopped and shown as ``> T``.  One table row per size: documents, words, claims, the wall
times, the peak resident memory of the largest process, and the accuracy of the shared
``score.py`` on the generated gold (precision, recall, planted conflicts found, trap hits).
Then:

* the growth exponent of the cold times between the two largest sizes
  (``log(t2/t1) / log(n2/n1)``: 1.0 is linear);
* the first ``--alone-subjects`` subjects of the largest corpus checked alone: their
  planted conflicts found, and traps hit, alone and in the whole corpus's report (does
  accuracy hold as the archive grows around the same facts?);
* extraction alone (``reconcile extract --no-cache``) with ``--jobs 1`` and ``--jobs 2``
  on each ``--speedup-docs`` size (best of ``--speedup-repeats`` runs of each up to 2,000
  documents), and the speed-up;
* ``reconcile.engine.reconcile`` alone on the claims of the largest corpus, replicated
  under renamed subjects to each ``--engine-claims`` size (so that the copies are other
  bridges and towns, not restatements), with the growth exponent, and a cProfile of a run
  on ``--profile-claims`` claims (the functions where the time goes) written to
  ``WORK/engine-profile.txt``.

Corpora, caches and reports stay in ``--work`` (default ``/tmp/reconcile-bench``) and
are reused by the next run; only the timed runs are redone.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import os
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (a sibling script, not a package)


def find_score_py() -> Path | None:
    for candidate in (REPO.parent / "shared" / "eval" / "score.py", Path("/work/shared/eval/score.py")):
        if candidate.is_file():
            return candidate
    return None


def load_module(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ---------------------------------------------------------------- running


#: Address-space limit of every timed process, in MB (a runaway run must not take the machine down).
MEMORY_LIMIT_MB = 8192


def _limit_memory() -> None:
    import resource

    limit = MEMORY_LIMIT_MB * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def run_timed(args: list[str], cwd: Path, timeout: float | None = None) -> tuple[float, int, int, str]:
    """Run a command; (wall seconds, peak RSS in MB of its largest process, exit code, stderr tail)."""
    start = time.perf_counter()
    with open(cwd / "stderr.txt", "wb") as err:
        process = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err, preexec_fn=_limit_memory)
        deadline = None if timeout is None else start + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if deadline and time.perf_counter() > deadline:
                process.kill()
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.02)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    tail = (cwd / "stderr.txt").read_text(encoding="utf-8", errors="replace").strip().splitlines()[-3:]
    return elapsed, usage.ru_maxrss // 1024, process.returncode, " | ".join(tail)


def corpus(work: Path, docs: int, seed: int) -> Path:
    out = work / f"corpus-{docs}-seed{seed}"
    if not (out / "gold.json").is_file():
        if out.exists():
            shutil.rmtree(out)
        generate.generate(out, docs=docs, seed=seed)
    return out


def check_command(docs: Path, report: Path, jobs: int) -> list[str]:
    return [sys.executable, "-m", "reconcile", "check", str(docs), "--format", "json", "-o", str(report),
            "--jobs", str(jobs)]


def extract_command(docs: Path, output: Path, jobs: int) -> list[str]:
    return [sys.executable, "-m", "reconcile", "extract", str(docs), "-o", str(output), "--jobs", str(jobs)]


def bench_size(work: Path, docs: int, seed: int, jobs: int, score_py, timeout: float, cold_limit: int,
               run_check: bool = True) -> dict:
    """Extraction cold and warm, then check warm, after one change, and cold (see the module doc)."""
    out = corpus(work, docs, seed)
    gold = json.loads((out / "gold.json").read_text(encoding="utf-8"))
    run_dir = work / f"run-{docs}"
    if run_dir.exists():
        shutil.rmtree(run_dir)
    run_dir.mkdir()
    row: dict = {"docs": docs, "words": gold["words"]}

    def timed(command: list[str], what: str, limit: float | None = None) -> tuple[float | None, int]:
        seconds, peak, code, err = run_timed(command, run_dir, limit)
        if limit is not None and seconds >= limit:
            return None, peak
        if "MemoryError" in err:
            row["out_of_memory"] = True
            return None, peak
        if code not in (0, 1) or (code == 1 and "Traceback" in err):
            raise SystemExit(f"{what} failed at {docs} documents (exit {code}): {err}")
        return seconds, peak

    claims_file = run_dir / "claims.jsonl"
    row["extract_cold"], row["extract_peak_mb"] = timed(extract_command(out / "docs", claims_file, jobs), "extract")
    row["extract_warm"], _ = timed(extract_command(out / "docs", claims_file, jobs), "extract")
    row["claims"] = sum(1 for _ in claims_file.open(encoding="utf-8"))
    report = run_dir / "report.json"
    command = check_command(out / "docs", report, jobs)
    row["warm"] = row["warm_changed"] = row["cold"] = None
    row["peak_mb"] = 0
    if not run_check:
        row["check_skipped"] = True
        return row
    row["warm"], row["peak_mb"] = timed(command, "check", timeout)
    if row["warm"] is None:
        return row
    result = json.loads(report.read_text(encoding="utf-8"))
    row["flags"] = len(result["discrepancies"])
    # the checks below overwrite the report (one of them of an edited corpus): kept as it is
    shutil.copyfile(report, run_dir / "report-unchanged.json")
    changed = sorted((out / "docs").iterdir())[docs // 2]
    original = changed.read_bytes()
    try:
        changed.write_bytes(original + b"\nA spokesperson said 42 further complaints had been received.\n")
        row["warm_changed"], _ = timed(command, "check", timeout)
    finally:
        changed.write_bytes(original)
    if docs <= cold_limit:
        shutil.rmtree(run_dir / ".reconcile")
        row["cold"], cold_peak = timed(command, "check", timeout)
        row["peak_mb"] = max(row["peak_mb"], cold_peak)
    else:  # extraction cold + the rest of a warm check: within a few seconds of a measured cold run
        row["cold"] = row["extract_cold"] + row["warm"] - row["extract_warm"]
        row["cold_estimated"] = True
    if score_py is not None:
        row["score"] = fast_score(score_py, result, gold)
        if docs <= 1000:  # the indexed scorer must agree with score.py itself
            reference = score_py.score(result, gold, verbose=False)
            for key in ("tp", "flags", "found", "gold", "trap_hits"):
                assert reference[key] == row["score"][key], (key, reference[key], row["score"][key])
    return row


def fast_score(score_py, report: dict, gold: dict) -> dict:
    """score.py's verdicts, with each flag judged only against the gold entries of its documents.

    Every rule of ``score.judge`` needs a span in the same document as a flag's claim, so
    leaving out the entries of other documents changes no verdict; it turns a
    flags x gold loop into one that scales.
    """
    claims = {c["id"]: c for c in report.get("claims", [])}
    lists = ("discrepancies", "optional", "traps", "derived")
    by_doc: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for li, name in enumerate(lists):
        for index, entry in enumerate(gold.get(name, [])):
            spans = ([s for side in entry["sides"] for s in side] if "sides" in entry else entry["claims"])
            for span in spans:
                by_doc[span["doc"]].add((li, index))
    found = {g["id"]: False for g in gold.get("discrepancies", [])}
    tp = false = hits = 0
    for discrepancy in report.get("discrepancies", []):
        members = [claims[i] for i in discrepancy.get("claims", []) if i in claims]
        keys = sorted(set().union(*(by_doc.get(m["doc"], set()) for m in members)) if members else set())
        reduced: dict = {name: [] for name in lists}
        for li, index in keys:
            reduced[lists[li]].append(gold[lists[li]][index])
        verdict, gid, traps, _ = score_py.judge(members, reduced)
        if verdict == "tp" and not found[gid]:
            found[gid] = True
            tp += 1
        elif verdict == "tp":
            false += 1
        elif verdict == "fp":
            false += 1
            hits += bool(traps)
    counted = tp + false
    precision = tp / counted if counted else 1.0
    recall = sum(found.values()) / len(found) if found else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "flags": counted, "found": sum(found.values()), "gold": len(found),
            "precision": precision, "recall": recall, "f1": f1, "trap_hits": hits}


def bench_speedup(work: Path, docs: int, seed: int, timeout: float, repeats: int = 1) -> dict:
    """Extraction alone with ``--jobs 1`` and ``--jobs 2``, alternately ``repeats`` times
    each; the best time of each (the machine's own noise only ever adds time)."""
    out = corpus(work, docs, seed)
    run_dir = work / "run-speedup"
    run_dir.mkdir(exist_ok=True)
    times: dict[int, float] = {}
    for _ in range(max(1, repeats)):
        for jobs in (1, 2):
            command = [sys.executable, "-m", "reconcile", "extract", str(out / "docs"), "--no-cache",
                       "--jobs", str(jobs), "-o", str(run_dir / f"claims-{jobs}.jsonl")]
            seconds, _, code, err = run_timed(command, run_dir, timeout)
            if code != 0:
                raise SystemExit(f"extract --jobs {jobs} failed (exit {code}): {err}")
            times[jobs] = min(seconds, times.get(jobs, seconds))
    same = (run_dir / "claims-1.jsonl").read_bytes() == (run_dir / "claims-2.jsonl").read_bytes()
    words = json.loads((out / "gold.json").read_text(encoding="utf-8"))["words"]
    return {"docs": docs, "words": words, "jobs1": times[1], "jobs2": times[2], "speedup": times[1] / times[2],
            "identical": same, "repeats": max(1, repeats)}


def bench_alone(work: Path, docs: int, seed: int, subjects: int, jobs: int, score_py, timeout: float
                ) -> dict | None:
    """The planted conflicts and traps of the first ``subjects`` subjects of the ``docs``
    corpus, found by a check of their documents alone and by the check of the whole corpus
    (``bench_size``'s report): does accuracy hold as the archive grows around the same facts?"""
    out = corpus(work, docs, seed)
    whole = work / f"run-{docs}" / "report-unchanged.json"  # of the corpus as generated (bench_size)
    if score_py is None or not whole.is_file():
        return None
    gold = json.loads((out / "gold.json").read_text(encoding="utf-8"))

    def subject(entry: dict) -> str:  # "s00042-length": the generator numbers its subjects
        return entry["id"].split("-")[0]

    kept = set(sorted({subject(e) for e in gold["discrepancies"] + gold["traps"]})[:subjects])
    part = {name: [e for e in gold.get(name, []) if subject(e) in kept] for name in ("discrepancies", "traps")}
    # a subject's documents are named after it ("000481_veaseck-bridge.txt")
    slugs = {span["doc"].split("_", 1)[1] for entry in part["discrepancies"] + part["traps"]
             for span in ([s for side in entry["sides"] for s in side] if "sides" in entry else entry["claims"])}
    run_dir = work / f"run-{docs}-first-{subjects}-subjects"
    if run_dir.exists():
        shutil.rmtree(run_dir)
    (run_dir / "docs").mkdir(parents=True)
    for path in sorted((out / "docs").iterdir()):
        if path.name.split("_", 1)[1] in slugs:
            shutil.copyfile(path, run_dir / "docs" / path.name)
    report = run_dir / "report.json"
    _, _, code, err = run_timed(check_command(run_dir / "docs", report, jobs), run_dir, timeout)
    if code not in (0, 1):
        raise SystemExit(f"check of the first {subjects} subjects failed (exit {code}): {err}")
    part_gold = {**gold, **part, "optional": [], "derived": []}
    alone = fast_score(score_py, json.loads(report.read_text(encoding="utf-8")), part_gold)
    among = fast_score(score_py, json.loads(whole.read_text(encoding="utf-8")), part_gold)
    return {"subjects": subjects, "docs": len(list((run_dir / "docs").iterdir())), "planted": alone["gold"],
            "traps": len(part["traps"]), "alone": alone, "among": among, "corpus": docs}


# ---------------------------------------------------------------- the engine alone

ENGINE_RUNNER = r"""
import cProfile, io, json, pstats, resource, sys, time
sys.path.insert(0, {here!r})
import bench
claims = bench.replicated_claims({corpus!r}, {count})
start = time.perf_counter()
if {profile}:
    profiler = cProfile.Profile()
    profiler.enable()
from reconcile.engine import reconcile
# the check reconciles an archive's parts in --jobs processes (default: every core); so here
result = reconcile(claims, jobs=1 if {profile} else {jobs})
elapsed = time.perf_counter() - start
if {profile}:
    profiler.disable()
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text)
    stats.sort_stats("cumulative").print_stats(25)
    stats.sort_stats("tottime").print_stats(25)
    open({profile_path!r}, "w").write(text.getvalue())
peak = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
print(json.dumps({{"claims": len(claims), "seconds": elapsed, "flags": len(result.discrepancies),
                  "facts": len(result.facts), "peak_mb": peak // 1024}}))
"""


def replicated_claims(corpus_dir: str, count: int):
    """``count`` claims: those of a generated corpus, then copies under renamed subjects.

    Copy ``r`` renames every invented name (towns, subjects, people) by a suffix, and
    prefixes document ids with ``copyR/``, so a copy is another set of bridges and towns
    with the same kinds of facts and the same distribution of values.
    """
    import re
    from dataclasses import replace

    from claims import Claim

    corpus_path = Path(corpus_dir)
    base = [Claim.from_dict(json.loads(line)) for line in (corpus_path / "claims.jsonl").open(encoding="utf-8")]
    names = {name.lower() for name in json.loads((corpus_path / "names.json").read_text(encoding="utf-8"))}
    token = re.compile(r"[A-Za-z]+")
    claims = list(base[:count])
    copy = 0
    while len(claims) < count:
        copy += 1
        suffix = _suffix(copy)
        memo: dict[str, str] = {}

        def rename(text: str | None, suffix: str = suffix, memo: dict = memo) -> str | None:
            if text is None:
                return None
            if text not in memo:
                memo[text] = token.sub(lambda m: m.group(0) + suffix if m.group(0).lower() in names else m.group(0),
                                       text)
            return memo[text]

        for claim in base[: count - len(claims)]:
            claims.append(replace(claim, doc=f"copy{copy}/{claim.doc}", sentence=rename(claim.sentence),
                                  previous=rename(claim.previous), heading=rename(claim.heading),
                                  noun=rename(claim.noun)))
    return claims


def _suffix(copy: int) -> str:
    letters = "bdgklmnprstvz"
    text = ""
    while copy:
        copy, digit = divmod(copy, len(letters))
        text += letters[digit] + "a"
    return text


def bench_engine(work: Path, docs: int, seed: int, counts: list[int], profile_count: int,
                 timeout: float, jobs: int = 1) -> list[dict]:
    out = corpus(work, docs, seed)
    claims_file = out / "claims.jsonl"
    if not claims_file.is_file() and (work / f"run-{docs}" / "claims.jsonl").is_file():
        shutil.copyfile(work / f"run-{docs}" / "claims.jsonl", claims_file)
    if not claims_file.is_file():
        run_dir = work / f"run-{docs}"
        run_dir.mkdir(exist_ok=True)
        command = [sys.executable, "-m", "reconcile", "extract", str(out / "docs"), "-o", str(claims_file)]
        _, _, code, err = run_timed(command, run_dir, None)
        if code != 0:
            raise SystemExit(f"extract failed (exit {code}): {err}")
    rows = []
    # Timed runs without the profiler; then the smallest again, profiled.
    for count, profile in [(c, False) for c in counts] + [(profile_count, True)]:
        if not profile and rows and rows[-1].get("seconds") is None:
            rows.append({"claims": count, "seconds": None, "skipped": True})  # a larger run cannot be faster
            continue
        script = ENGINE_RUNNER.format(here=str(HERE), corpus=str(out), count=count, profile=profile, jobs=jobs,
                                      profile_path=str(work / "engine-profile.txt"))
        run_dir = work / "run-engine"
        run_dir.mkdir(exist_ok=True)
        start = time.perf_counter()
        try:
            done = subprocess.run([sys.executable, "-c", script], cwd=run_dir, capture_output=True, text=True,
                                  timeout=timeout, preexec_fn=_limit_memory)
        except subprocess.TimeoutExpired:
            if not profile:
                rows.append({"claims": count, "seconds": None, "timeout": timeout,
                             "wall": time.perf_counter() - start})
            continue
        if done.returncode != 0 and "MemoryError" in done.stderr:
            if not profile:
                rows.append({"claims": count, "seconds": None, "out_of_memory": True})
            continue
        if done.returncode != 0:
            raise SystemExit(f"engine run failed: {done.stderr.strip().splitlines()[-3:]}")
        row = json.loads(done.stdout.strip().splitlines()[-1])
        if not profile:
            rows.append(row)
    return rows


# ---------------------------------------------------------------- output


def exponent(n1: float, t1: float, n2: float, t2: float) -> float:
    return math.log(t2 / t1) / math.log(n2 / n1)


def _seconds(value: float | None, timeout: float, estimated: bool = False, oom: bool = False,
             skipped: bool = False) -> str:
    if skipped:
        return "not run"
    if value is None:
        return f"out of memory (> {MEMORY_LIMIT_MB:,} MB)" if oom else f"> {timeout:.0f} (stopped)"
    return f"{'≈ ' if estimated else ''}{value:.1f}"


def print_table(rows: list[dict], timeout: float) -> None:
    print("| documents | words | claims | extract cold s | extract warm s | check cold s | check warm s | "
          "check warm, 1 changed s | peak MB | flags | precision | recall | found | trap hits |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        s = r.get("score")
        accuracy = (f"{s['precision']:.2f} | {s['recall']:.2f} | {s['found']}/{s['gold']} | {s['trap_hits']}"
                    if s else "- | - | - | -")
        peak = max(r["extract_peak_mb"], r.get("peak_mb") or 0)
        skipped = r.get("check_skipped", False)
        print(f"| {r['docs']:,} | {r['words']:,} | {r['claims']:,} | {r['extract_cold']:.1f} | "
              f"{r['extract_warm']:.1f} | {_seconds(r['cold'], timeout, r.get('cold_estimated', False), skipped=skipped)} | "
              f"{_seconds(r['warm'], timeout, oom=r.get('out_of_memory', False), skipped=skipped)} | "
              f"{_seconds(r['warm_changed'], timeout, skipped=skipped)} | {peak:,} | "
              f"{r.get('flags', '-')} | {accuracy} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10,1000,10000", help="documents per corpus, comma-separated")
    parser.add_argument("--work", type=Path, default=Path("/tmp/reconcile-bench"), help="working folder")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=2, help="--jobs of the timed checks (default 2)")
    parser.add_argument("--speedup-docs", default="1000,10000",
                        help="documents of the --jobs 1 vs 2 runs, comma-separated ('' or 0 to skip)")
    parser.add_argument("--alone-subjects", type=int, default=125,
                        help="subjects of the largest corpus also checked alone, to compare what is found (0: skip)")
    parser.add_argument("--speedup-repeats", type=int, default=3,
                        help="runs of each --jobs on up to 2,000 documents, the best kept (one above)")
    parser.add_argument("--engine-claims", default="100000,1000000",
                        help="claim counts for the engine alone, comma-separated ('' to skip)")
    parser.add_argument("--engine-jobs", type=int, default=os.cpu_count() or 1,
                        help="processes of the grouping runs, as the check's --jobs (default: every core; "
                             "the profiled run uses one)")
    parser.add_argument("--engine-docs", type=int, default=None,
                        help="corpus whose claims the engine runs are made of (default: the largest size)")
    parser.add_argument("--profile-claims", type=int, default=None,
                        help="claims of the profiled engine run (default: the first --engine-claims)")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds before a check is given up")
    parser.add_argument("--cold-limit", type=int, default=1000,
                        help="up to this size a cold check is run; above, it is extraction cold + check warm "
                             "- extraction warm (marked ≈)")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    score_path = find_score_py()
    score_py = load_module(score_path, "score") if score_path else None
    print(f"# reconcile benchmark: {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
          f"check --jobs {args.jobs}, seed {args.seed}")
    if score_py is None:
        print("(score.py not found beside the repository: accuracy columns left out)")
    rows = []
    for docs in sizes:
        # A check that did not finish on fewer documents will not finish on more: extraction only.
        run_check = not rows or rows[-1]["warm"] is not None
        rows.append(bench_size(args.work, docs, args.seed, args.jobs, score_py, args.timeout, args.cold_limit,
                               run_check))
        print(f"... {docs} documents done", file=sys.stderr, flush=True)
    print()
    print_table(rows, args.timeout)
    if any(r.get("check_skipped") for r in rows):
        print("\n(not run: the check on fewer documents did not finish within the time limit)")
    if len(rows) >= 2:
        a, b = rows[-2], rows[-1]
        for label, key in (("extraction, cold", "extract_cold"), ("check, cold", "cold")):
            if a.get(key) and b.get(key):
                print(f"\nGrowth exponent of the time of {label}, {a['docs']:,} -> {b['docs']:,} documents: "
                      f"{exponent(a['docs'], a[key], b['docs'], b[key]):.2f}")
    if args.alone_subjects and sizes:
        a = bench_alone(args.work, max(sizes), args.seed, args.alone_subjects, args.jobs, score_py, args.timeout)
        if a is None:
            print("\n(the first subjects alone: not run, no score.py or no finished check of the largest corpus)")
        else:
            print(f"\nThe first {a['subjects']} subjects of the {a['corpus']:,}-document corpus ({a['docs']:,} documents, "
                  f"{a['planted']} planted conflicts, {a['traps']} traps): checked alone, {a['alone']['found']} found "
                  f"and {a['alone']['trap_hits']} traps hit; among all {a['corpus']:,} documents, "
                  f"{a['among']['found']} found and {a['among']['trap_hits']} traps hit")
    for docs in [count for count in (int(d) for d in args.speedup_docs.split(",") if d.strip()) if count > 0]:
        s = bench_speedup(args.work, docs, args.seed, args.timeout,
                          repeats=args.speedup_repeats if docs <= 2000 else 1)
        print(f"\nExtraction alone ({s['docs']:,} documents, {s['words']:,} words, no cache, best of "
              f"{s['repeats']}): --jobs 1 {s['jobs1']:.1f} s ({s['words'] / s['jobs1']:,.0f} words/s), --jobs 2 "
              f"{s['jobs2']:.1f} s ({s['words'] / s['jobs2']:,.0f} words/s): speed-up {s['speedup']:.2f}x; "
              f"outputs identical: {s['identical']}")
    counts = [int(c) for c in args.engine_claims.split(",") if c]
    if counts:
        engine_docs = args.engine_docs or max(sizes)
        engine_rows = bench_engine(args.work, engine_docs, args.seed, counts, args.profile_claims or counts[0],
                                   args.timeout, args.engine_jobs)
        print(f"\nGrouping alone (reconcile.engine.reconcile, jobs={args.engine_jobs}; claims of {engine_docs:,} "
              f"generated documents, replicated under renamed subjects; peak MB of the largest process):")
        print("| claims | seconds | flags | facts | peak MB |")
        print("|---:|---:|---:|---:|---:|")
        for r in engine_rows:
            if r.get("skipped"):
                print(f"| {r['claims']:,} | not run (the smaller run did not finish) | - | - | - |")
            elif r.get("out_of_memory"):
                print(f"| {r['claims']:,} | out of memory (> {MEMORY_LIMIT_MB:,} MB) | - | - | - |")
            elif r.get("seconds") is None:
                print(f"| {r['claims']:,} | > {r['timeout']:.0f} (stopped) | - | - | - |")
            else:
                print(f"| {r['claims']:,} | {r['seconds']:.1f} | {r['flags']:,} | {r['facts']:,} | "
                      f"{r['peak_mb']:,} |")
        timed = [r for r in engine_rows if r.get("seconds")]
        if len(timed) >= 2:
            a, b = timed[-2], timed[-1]
            print(f"Growth exponent of grouping, {a['claims']:,} -> {b['claims']:,} claims: "
                  f"{exponent(a['claims'], a['seconds'], b['claims'], b['seconds']):.2f}")
        print(f"Profile of a {args.profile_claims or counts[0]:,}-claim run: {args.work / 'engine-profile.txt'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
