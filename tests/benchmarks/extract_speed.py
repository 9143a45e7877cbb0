#!/usr/bin/env python3
"""Words per second of the claim extractor, of spaCy's bare tokenizer and of a trained NER, on one text.

Usage:
    python tests/benchmarks/extract_speed.py [--text-dir DIR ...] [--repeat 5] [--model en_core_web_sm]

The text: the documents of the external suites (made with ``../shared/eval/extraction.py
make`` into a temporary folder, when that script is beside the repository), the seeds and
the corpora under ``tests/corpora``, or the folders given with ``--text-dir``.  Every
pipeline reads the same documents one at a time, in the same run; each timing is the best
of ``--repeat`` passes, the extractor's and the tokenizer's taken in turn.  Rows:

* ``claims.extract_claims``: this project's extractor (claims with values and intervals);
* ``spacy.blank("en")``: spaCy's tokenizer alone, the floor of any spaCy pipeline;
* a trained pipeline's NER (``--model``, default: the first of en_core_web_sm/md/lg/trf
  that is installed); the row is left out when none is installed.

The ratio column is each row's throughput over the bare tokenizer's.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
TRAINED = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_trf")


def default_folders(tmp: Path) -> list[Path]:
    folders = [REPO / "seeds", *sorted(p / "docs" for p in (REPO / "tests" / "corpora").iterdir()
                                       if (p / "docs").is_dir())]
    for maker in (REPO.parent / "shared" / "eval" / "extraction.py", Path("/work/shared/eval/extraction.py")):
        if maker.is_file():
            suite = tmp / "xsuite"
            subprocess.run([sys.executable, str(maker), "make", str(suite)], check=True, capture_output=True)
            folders.insert(0, suite)
            break
    return folders


def read_texts(folders: list[Path]) -> list[str]:
    texts = []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".txt", ".md") and path.is_file():
                texts.append(path.read_text(encoding="utf-8"))
    return texts


def best_time(run: Callable[[str], object], texts: list[str], repeat: int) -> float:
    return best_times([run], texts, repeat)[0]


def best_times(runs: list[Callable[[str], object]], texts: list[str], repeat: int) -> list[float]:
    """The best pass of each pipeline, their passes taken in turn (A, B, A, B, ...), so
    that a slow spell of a shared machine weighs on each pipeline alike."""
    best = [float("inf")] * len(runs)
    for _ in range(repeat):
        for index, run in enumerate(runs):
            start = time.perf_counter()
            for text in texts:
                run(text)
            best[index] = min(best[index], time.perf_counter() - start)
    return best


def trained_pipeline(name: str | None):
    import spacy

    for candidate in ([name] if name else TRAINED):
        try:
            return candidate, spacy.load(candidate)
        except OSError:
            continue
    return None, None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--text-dir", type=Path, action="append", help="a folder of .txt/.md documents (repeatable)")
    parser.add_argument("--repeat", type=int, default=5, help="passes per pipeline, in turn; the best counts (default 5)")
    parser.add_argument("--model", help="the trained spaCy pipeline for the NER row")
    args = parser.parse_args(argv)

    import spacy

    from claims import extract_claims

    with tempfile.TemporaryDirectory() as tmp:
        folders = args.text_dir or default_folders(Path(tmp))
        texts = read_texts(folders)
    words = sum(len(t.split()) for t in texts)
    print(f"# {len(texts)} documents, {words:,} words, from: {', '.join(str(f) for f in folders)}")

    blank = spacy.blank("en")
    rows: list[tuple[str, float]] = []
    extract_claims(texts[0])  # warm the lazily built tables before timing
    extractor_seconds, tokenizer_seconds = best_times([lambda t: extract_claims(t), blank], texts, args.repeat)
    rows.append(("claims.extract_claims", extractor_seconds))
    rows.append(('spacy.blank("en") tokenizer', tokenizer_seconds))
    name, trained = trained_pipeline(args.model)
    if trained is not None:
        keep = {"ner", "tok2vec", "transformer"}
        disabled = [p for p in trained.pipe_names if p not in keep]
        with trained.select_pipes(disable=disabled):
            rows.append((f"{name} NER", best_time(trained, texts, max(1, args.repeat - 2))))
    else:
        print(f"(no trained spaCy pipeline installed: the NER row is left out; tried {', '.join(TRAINED)})")

    tokenizer_speed = words / rows[1][1]
    print("| pipeline | seconds | words/s | ratio to the bare tokenizer |")
    print("|---|---:|---:|---:|")
    for label, seconds in rows:
        speed = words / seconds
        print(f"| {label} | {seconds:.2f} | {speed:,.0f} | {speed / tokenizer_speed:.2f} |")
    extractor_speed = words / rows[0][1]
    print(f"\nExtractor / bare tokenizer: {extractor_speed / tokenizer_speed:.2f}"
          + (f"; extractor / {name} NER: {extractor_speed / (words / rows[2][1]):.1f}" if trained is not None else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
