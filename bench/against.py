"""A stage of this checkout against another commit's, side by side on the same articles.

    python bench/against.py cdacafc                       # wall clock: 6 runs, one process per core
    python bench/against.py cdacafc --instructions        # instructions per pass (valgrind), no noise
    python bench/against.py cdacafc --stage clean         # cleaning instead of extraction (or: both)
    python bench/against.py cdacafc --corpus DIR --runs 4 --passes 5

Timings of processes on this machine swing by ±15 % from run to run, so the two codes run at once, one
per core (taskset), the cores swapped every run, and the ratio is read within each run. With
--instructions, valgrind's callgrind (which must be installed) counts the instructions of one extract pass
(a run of two passes minus a run of one: start-up, loading and the stages not measured cancel out), which
do not swing at all.

The other commit is checked out into a temporary git worktree and imported through a package folder of
its own, so both run from the same virtual environment.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("tasks", "flows", "warehouse")

# Run in a child process: warm pass, then the best of `passes` timed passes of the stage (or, under
# valgrind, `passes` untimed ones).
_CHILD = r"""
import sys, time
from pathlib import Path
from cds_facts.tasks.text.clean import clean
from cds_facts.tasks.meaning.extract import Extractor
from cds_facts.tasks.io.reference import read_catalogue_csv
from cds_facts.tasks.meaning.indicators import Catalogue
from cds_facts.tasks.language.places import load_gazetteer
from cds_facts.tasks.io.files import discover, read_raw
extractor = Extractor(Catalogue(read_catalogue_csv()), load_gazetteer())
raws = [read_raw(p) for p in discover([Path(sys.argv[1])]).files]
passes, timed, stage = int(sys.argv[2]), sys.argv[3] == "timed", sys.argv[4]
work, items = {"clean": (clean, raws), "extract": (extractor.facts, [clean(raw) for raw in raws]),
               "both": (lambda raw: extractor.facts(clean(raw)), raws)}[stage]
if timed:
    for item in items:
        work(item)
best = float("inf")
for _ in range(passes):
    start = time.perf_counter()
    for item in items:
        work(item)
    best = min(best, time.perf_counter() - start)
print(f"{best:.4f}" if timed else "done")
"""


def package_folder(source: Path, into: Path) -> Path:
    """A folder holding a cds_facts package whose parts are source's folders."""
    package = into / "cds_facts"
    package.mkdir(parents=True)
    (package / "__init__.py").touch()
    for name in PACKAGES:
        (package / name).symlink_to(source / name)
    return into


def child(packages: Path, corpus: Path, passes: int, mode: str, stage: str, prefix: list[str]) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(packages)}
    return subprocess.Popen([*prefix, sys.executable, "-c", _CHILD, str(corpus), str(passes), mode, stage],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wall_clock(this: Path, other: Path, corpus: Path, stage: str, runs: int, passes: int) -> None:
    ratios = []
    for run in range(runs):
        cores = ("0", "1") if run % 2 == 0 else ("1", "0")
        jobs = [child(packages, corpus, passes, "timed", stage, ["taskset", "-c", core])
                for packages, core in ((other, cores[0]), (this, cores[1]))]
        theirs, ours = (float(job.communicate()[0].strip()) for job in jobs)
        ratios.append(ours / theirs)
        print(f"  run {run + 1}: other {theirs:.3f} s, this {ours:.3f} s, this / other {ours / theirs:.3f}")
    print(f"this / other: {min(ratios):.3f} to {max(ratios):.3f}, median {statistics.median(ratios):.3f}")


_COLLECTED = re.compile(r"Collected : (\d+)")


def instructions(this: Path, other: Path, corpus: Path, stage: str) -> None:
    counts = {}
    for name, packages in (("other", other), ("this", this)):
        jobs = [child(packages, corpus, passes, "untimed", stage,
                      ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]) for passes in (1, 2)]
        one, two = (int(_COLLECTED.search(job.communicate()[1]).group(1)) for job in jobs)
        counts[name] = two - one
        print(f"  {name}: {counts[name] / 1e9:.3f} G instructions per pass")
    print(f"this / other: {counts['this'] / counts['other']:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("commit", help="the commit to compare with (e.g. the one before a change)")
    parser.add_argument("--corpus", type=Path, help="articles to read (default: 300 synthetic, made here)")
    parser.add_argument("--runs", type=int, default=6, help="side-by-side runs (default 6)")
    parser.add_argument("--passes", type=int, default=5, help="timed passes per run, the best kept (default 5)")
    parser.add_argument("--instructions", action="store_true", help="count instructions with valgrind instead")
    parser.add_argument("--stage", choices=("extract", "clean", "both"), default="extract",
                        help="what is measured: extraction (default), cleaning, or both, from the raw input")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        corpus = args.corpus
        if corpus is None:
            corpus = scratch / "corpus"
            size = "60" if args.instructions else "300"
            subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), size, str(corpus)], check=True,
                           stdout=subprocess.DEVNULL)
        worktree = scratch / "other"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(worktree), args.commit],
                       check=True)
        try:
            other = package_folder(worktree, scratch / "other-packages")
            this = package_folder(ROOT, scratch / "this-packages")
            print(f"{corpus}, {args.stage}: this checkout against {args.commit}")
            if args.instructions:
                instructions(this, other, corpus, args.stage)
            else:
                wall_clock(this, other, corpus, args.stage, args.runs, args.passes)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(worktree)], check=False)
            shutil.rmtree(worktree, ignore_errors=True)


if __name__ == "__main__":
    main()
