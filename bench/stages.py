"""Throughput of the pure core, stage by stage, and the process's peak memory.

    python bench/stages.py                      # the seeds and the HTML test pages
    python bench/stages.py some/folder --repeat 20
    python bench/stages.py some/folder --profile     # where the time goes (pyinstrument), one pass

Reads every input once, then times cleaning and extraction over ``--repeat``
passes (warm: the gazetteer, catalogue and trafilatura are loaded before the
clock starts). No warehouse and no Prefect: this measures the rules. On the
HTML pages among the inputs it also times trafilatura's ``extract`` alone
against our clean + read of the same pages, in this process: the reading's
cost beside the extractor's that it builds on.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cds_facts.tasks.text.clean import clean  # noqa: E402
from cds_facts.tasks.meaning.extract import Extractor  # noqa: E402
from cds_facts.tasks.io.reference import read_catalogue_csv  # noqa: E402
from cds_facts.tasks.meaning.indicators import Catalogue  # noqa: E402
from cds_facts.tasks.language.places import load_gazetteer  # noqa: E402
from cds_facts.tasks.meaning.sentences import sentences  # noqa: E402
from cds_facts.tasks.io.files import discover, read_raw  # noqa: E402

DEFAULT_INPUTS = {"seeds (text dumps)": [ROOT / "seeds"], "HTML pages": [ROOT / "tests" / "data" / "html"]}


def timed(label: str, work, items: list, repeat: int, size: int, sentences: int = 0) -> list:
    results = [work(item) for item in items]  # warm-up pass, also the pass whose output is returned
    start = time.perf_counter()
    for _ in range(repeat):
        for item in items:
            work(item)
    seconds = time.perf_counter() - start
    count = len(items) * repeat
    per_sentence = f"  {sentences * repeat / seconds:8.0f} sentences/s" if sentences else ""
    print(f"  {label:<8} {count / seconds:8.1f} docs/s  {size * repeat / seconds / 1e6:6.2f} MB/s{per_sentence}"
          f"  ({count} docs in {seconds:.2f} s)")
    return results


def bench(name: str, paths: list[Path], repeat: int, extractor: Extractor) -> None:
    raws = [read_raw(p) for p in discover(paths).files]
    size = sum(len(r.raw) for r in raws)
    print(f"{name}: {len(raws)} files, {size / 1e3:.0f} kB")
    articles = timed("clean", clean, raws, repeat, size)
    sentence_count = sum(len(sentences(a.text)) for a in articles)
    facts = timed("extract", extractor.facts, articles, repeat, size, sentence_count)
    print(f"  {sum(map(len, facts))} facts per pass")
    pages = [raw for raw in raws if raw.is_html]
    if pages:
        against_trafilatura(pages, repeat, extractor)


def against_trafilatura(pages: list, repeat: int, extractor: Extractor) -> None:
    """Milliseconds per page of trafilatura's extract alone and of our clean + read, best of repeat passes."""
    import trafilatura

    def best_ms(work, items: list) -> float:
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            for item in items:
                work(item)
            best = min(best, time.perf_counter() - start)
        return best / len(items) * 1000

    texts = [page.text for page in pages]
    theirs = best_ms(trafilatura.extract, texts)
    ours = best_ms(lambda raw: extractor.facts(clean(raw)), pages)
    print(f"  {len(pages)} HTML pages: trafilatura.extract {theirs:.2f} ms/page, clean + read {ours:.2f} ms/page"
          f" = {ours / theirs:.2f}× (target ≤ 1.5×)")


def profile(paths: list[Path], extractor: Extractor) -> None:
    """One warm pass of cleaning and extraction under pyinstrument, printed as a call tree."""
    from pyinstrument import Profiler

    raws = [read_raw(p) for p in discover(paths).files]
    extractor.facts(clean(raws[0]))  # warm: the gazetteer, the catalogue, trafilatura
    profiler = Profiler(interval=0.0005)
    with profiler:
        for raw in raws:
            extractor.facts(clean(raw))
    print(profiler.output_text(unicode=True, color=False))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path, help="files or folders (default: seeds and HTML test pages)")
    parser.add_argument("--repeat", type=int, default=10, help="timed passes over the inputs (default 10)")
    parser.add_argument("--profile", action="store_true", help="profile one pass of cleaning and extraction")
    args = parser.parse_args()
    extractor = Extractor(Catalogue(read_catalogue_csv()), load_gazetteer())
    inputs = {"inputs": args.paths} if args.paths else DEFAULT_INPUTS
    if args.profile:
        profile([p for paths in inputs.values() for p in paths], extractor)
        return
    for name, paths in inputs.items():
        bench(name, paths, args.repeat, extractor)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak memory (RSS): {peak_kb / 1024:.0f} MB")


if __name__ == "__main__":
    main()
