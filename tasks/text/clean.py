"""RawDoc -> Article: decode-level repair, boilerplate out, metadata in. Dispatches on the input's shape."""
from __future__ import annotations

from cds_facts.tasks.text.html import parse_html
from cds_facts.tasks.text.dates import first_datetime
from cds_facts.tasks.text.metadata import authors_from, outlet_from
from cds_facts.tasks.models import Article, RawDoc
from cds_facts.tasks.language.places import load_gazetteer
from cds_facts.tasks.text.textdump import split_dump
from cds_facts.tasks.text.unicode import normalize_text

# Bump when a cleaning rule changes what comes out: held documents are cleaned again.
CLEANER_VERSION = 5


class EmptyArticle(ValueError):
    """Cleaning left no article text: the input was boilerplate only."""


def clean(raw: RawDoc) -> Article:
    """The article in a text dump or an HTML page, with its metadata."""
    if raw.is_html:
        page = parse_html(raw.text, url=raw.source_uri if "://" in raw.source_uri else None)
        title = normalize_text(page.title) if page.title else None
        page_text = normalize_text(page.text)
        parts = split_dump(normalize_text("\n".join(page.lines)), known_title=title or "")  # no headline: all is body
        published = first_datetime(page.published + parts.dates)
        authors = authors_from([normalize_text(a) for a in page.authors],
                               [normalize_text(b) for b in page.bylines] + parts.bylines)
        hints = [normalize_text(h) for h in page.outlet_hints] + parts.outlet_hints
        declared = [normalize_text(name) for name in page.site_names]
    else:
        page_text = normalize_text(raw.text)
        parts = split_dump(page_text)
        title = parts.title
        published = first_datetime(parts.dates)
        authors = authors_from([], parts.bylines)
        hints, declared = parts.outlet_hints, []
    text = "\n".join(parts.body)
    gazetteer = load_gazetteer()
    if not text.strip():
        raise EmptyArticle("no article text: the input holds no sentence of prose (boilerplate only)")
    return Article(
        doc_id=raw.doc_id,
        title=title,
        outlet=outlet_from(hints, page_text, gazetteer, declared),
        published_at=published,
        authors=authors,
        province=gazetteer.main_province(title, text, hints),
        text=text,
    )
