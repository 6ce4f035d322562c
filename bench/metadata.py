"""Whose document metadata: ours (tasks/text/clean.py) or trafilatura's, field by field, on the seeds and the dev set.

    python bench/metadata.py [GOLD_DIR]   # default ../shared/gold with seeds/ and ../shared/dev/docs

The test set's awkward pages (tests/data/awkward, expected.json) are read beside them.

For each document with gold metadata, each reader's title, outlet, authors and published date is
right, wrong (a value that is not the gold one: the worse outcome) or missing. trafilatura's
`extract_metadata` reads markup, so it is asked on HTML pages only; ours reads dumps too. Prints the
tally per reader and field, then each wrong or missing reading.
"""
from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from trafilatura.metadata import extract_metadata  # noqa: E402

from cds_facts.tasks.io.files import read_raw  # noqa: E402
from cds_facts.tasks.text.clean import clean  # noqa: E402
from cds_facts.tasks.text.unicode import normalize_text  # noqa: E402

FIELDS = ("title", "outlet", "authors", "published_date")
UNASKED = object()


def ours(raw) -> dict:
    article = clean(raw)
    return {"title": article.title, "outlet": article.outlet, "authors": list(article.authors) or None,
            "published_date": article.published_at.date().isoformat() if article.published_at else None}


def trafilatura_reading(raw) -> dict:
    found = extract_metadata(raw.text, default_url=raw.source_uri if "://" in raw.source_uri else None)
    if found is None:
        return dict.fromkeys(FIELDS)
    authors = [normalize_text(a.strip()) for a in (found.author or "").split(";") if a.strip()]
    return {"title": normalize_text(found.title) if found.title else None,
            "outlet": normalize_text(found.sitename) if found.sitename else None,
            "authors": authors or None, "published_date": found.date or None}


def wanted(gold: dict) -> dict:
    """The gold's readings; a key the gold leaves out (or marks unscored) is not asked, one it sets to null
    asks that nothing be read."""
    published = gold.get("published_at", UNASKED)
    if published and published is not UNASKED and not str(published).startswith("unscored"):
        published = datetime.fromisoformat(published).date().isoformat()
    elif published:
        published = UNASKED
    return {"title": gold.get("title", UNASKED), "outlet": gold.get("outlet", UNASKED),
            "authors": gold.get("authors", UNASKED) or None, "published_date": published}


def same(got, want) -> bool:
    """Equal up to case and spacing; a gold list of strings for an outlet is its accepted spellings."""
    def key(value):
        return sorted(key(v) for v in value) if isinstance(value, list) else " ".join(value.split()).casefold()
    if isinstance(want, list) and not isinstance(got, list):
        return any(key(got) == key(option) for option in want)
    return key(got) == key(want)


def main(gold_dir: Path) -> None:
    awkward = ROOT / "tests" / "data" / "awkward"
    gold = {**json.loads((gold_dir / "seed_documents.json").read_text()),
            **json.loads((gold_dir / "dev_documents.json").read_text()),
            **json.loads((awkward / "expected.json").read_text())}
    paths = {p.name: p for folder in (ROOT / "seeds", ROOT.parent / "shared" / "dev" / "docs", awkward)
             for p in folder.iterdir()}
    tally = {(reader, field): {"right": 0, "wrong": 0, "missing": 0}
             for reader in ("ours", "trafilatura") for field in FIELDS}
    misses = []
    for name, want in sorted(gold.items()):
        if name not in paths:
            continue
        raw = read_raw(paths[name])
        expected = wanted(want)
        readings = {"ours": ours(raw)}
        if raw.is_html:
            readings["trafilatura"] = trafilatura_reading(raw)
        for reader, got in readings.items():
            for field in FIELDS:
                if expected[field] is UNASKED:
                    continue
                verdict = ("right" if got[field] is None and expected[field] is None else "missing" if got[field] is None
                           else "wrong" if expected[field] is None or not same(got[field], expected[field]) else "right")
                tally[reader, field][verdict] += 1
                if verdict != "right":
                    misses.append(f"  {reader:<11} {field:<14} {name}: {got[field]!r} (want {expected[field]!r})")
    for (reader, field), t in tally.items():
        print(f"{reader:<11} {field:<14} right {t['right']:>2}  wrong {t['wrong']:>2}  missing {t['missing']:>2}")
    print("\n".join(misses))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "gold")
