"""Which date reader: ours (tasks/text/dates.py), dateparser, htmldate, on the seeds and the dev set.

    python bench/dates.py [GOLD_DIR]   # default ../shared/gold with seeds/ and ../shared/dev/docs

For each document with a gold publication time: ours is cleaning's published_at; dateparser reads the
same date strings cleaning chose (the choice of line is cleaning's either way); htmldate reads the page
(HTML only: it finds dates in markup). Prints right/wrong/missing per reader and the time per call.
"""
from __future__ import annotations

import json
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

import dateparser  # noqa: E402
import htmldate  # noqa: E402

from cds_facts.tasks.text.clean import clean  # noqa: E402
from cds_facts.tasks.text.html import parse_html  # noqa: E402
from cds_facts.tasks.text.textdump import split_dump  # noqa: E402
from cds_facts.tasks.text.unicode import normalize_text  # noqa: E402
from cds_facts.tasks.io.files import read_raw  # noqa: E402

DATEPARSER = {"DATE_ORDER": "DMY", "TIMEZONE": "Asia/Ho_Chi_Minh", "RETURN_AS_TIMEZONE_AWARE": True}


def candidates(raw) -> list[str]:
    if raw.is_html:
        page = parse_html(raw.text)
        return page.published + split_dump(normalize_text("\n".join(page.lines)), known_title="").dates
    return split_dump(normalize_text(raw.text)).dates


def main(gold_dir: Path) -> None:
    gold = {**json.loads((gold_dir / "seed_documents.json").read_text()),
            **json.loads((gold_dir / "dev_documents.json").read_text())}
    paths = {p.name: p for folder in (ROOT / "seeds", ROOT.parent / "shared" / "dev" / "docs") for p in folder.iterdir()}
    tally = {name: {"right": 0, "wrong": 0, "missing": 0, "seconds": 0.0, "calls": 0}
             for name in ("ours", "dateparser", "htmldate")}
    dateparser.parse("01/01/2024", languages=["vi"], settings=DATEPARSER)  # its first call loads its data
    for name, want in sorted(gold.items()):
        if not want.get("published_at") or str(want["published_at"]).startswith("unscored") or name not in paths:
            continue
        expected = datetime.fromisoformat(want["published_at"])
        raw = read_raw(paths[name])
        readers = {"ours": lambda: clean(raw).published_at,
                   "dateparser": lambda: next((d for c in candidates(raw) if (d := dateparser.parse(
                       c, languages=["vi"], settings=DATEPARSER))), None)}
        if raw.is_html:
            readers["htmldate"] = lambda: _htmldate(raw.text)
        for reader, read in readers.items():
            started = time.perf_counter()
            got = read()
            tally[reader]["seconds"] += time.perf_counter() - started
            tally[reader]["calls"] += 1
            verdict = "missing" if got is None else "right" if got == expected else "wrong"
            tally[reader][verdict] += 1
            if verdict != "right":
                print(f"  {reader:<10} {name}: {got} (want {expected})")
    for reader, t in tally.items():
        print(f"{reader:<10} right {t['right']:>2}  wrong {t['wrong']:>2}  missing {t['missing']:>2}"
              f"  {1000 * t['seconds'] / max(t['calls'], 1):.1f} ms per document")


def _htmldate(html: str) -> datetime | None:
    found = htmldate.find_date(html, outputformat="%Y-%m-%dT%H:%M:%S%z", original_date=True)
    if not found:
        return None
    parsed = datetime.fromisoformat(found)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=datetime.now().astimezone().tzinfo)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "gold")
