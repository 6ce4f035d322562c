"""RawDoc -> Article: decode-level repair, boilerplate out, metadata in. Dispatches on the input's shape."""
from __future__ import annotations

import json

from cds_facts.tasks.text.html import parse_html
from cds_facts.tasks.text.dates import first_datetime
from cds_facts.tasks.text.metadata import authors_and_evidence, outlet_and_evidence
from cds_facts.tasks.models import Article, RawDoc
from cds_facts.tasks.language.places import load_gazetteer
from cds_facts.tasks.text.textdump import split_dump
from cds_facts.tasks.text.unicode import normalize_text

# Bump when a cleaning rule changes what comes out: held documents are cleaned again.
CLEANER_VERSION = 7


class EmptyArticle(ValueError):
    """Cleaning left no article text: the input was boilerplate only."""


def clean(raw: RawDoc) -> Article:
    """The article in a text dump or an HTML page, with its metadata and why each is what it is."""
    evidence: dict[str, str] = {}
    if raw.is_html:
        page = parse_html(raw.text, url=raw.source_uri if "://" in raw.source_uri else None)
        title = normalize_text(page.title) if page.title else None
        page_text = normalize_text(page.text)
        lines = normalize_text("\n".join(page.lines))
        parts = split_dump(lines) if title is None else None  # a fragment without a heading: a dump's headline
        if parts and parts.title:
            title, page.title_evidence = parts.title, "headline above the lead"
        else:
            parts = split_dump(lines, known_title=title or "")  # no headline: all is body
        published = first_datetime(page.published)
        evidence["published_at"] = "page metadata"
        if published is None:
            published, evidence["published_at"] = first_datetime(parts.dates), "dateline"
        authors, evidence["authors"] = authors_and_evidence([normalize_text(a) for a in page.authors],
                                                            [normalize_text(b) for b in page.bylines] + parts.bylines)
        evidence["title"] = page.title_evidence or ""
        hints = [normalize_text(h) for h in page.outlet_hints] + parts.outlet_hints
        declared = [normalize_text(name) for name in page.site_names]
    else:
        page_text = normalize_text(raw.text)
        parts = split_dump(page_text)
        title = parts.title
        published, evidence["published_at"] = first_datetime(parts.dates), "dateline"
        authors, evidence["authors"] = authors_and_evidence([], parts.bylines)
        evidence["title"] = "headline above the lead"
        hints, declared = parts.outlet_hints, []
    text = "\n".join(parts.body)
    gazetteer = load_gazetteer()
    if not text.strip():
        raise EmptyArticle("no article text: the input holds no sentence of prose (boilerplate only)")
    outlet, evidence["outlet"] = outlet_and_evidence(hints, page_text, gazetteer, declared)
    province, evidence["province"] = gazetteer.main_province_and_evidence(title, text, hints)
    values = {"title": title, "outlet": outlet, "published_at": published, "authors": authors, "province": province}
    return Article(
        doc_id=raw.doc_id,
        title=title,
        outlet=outlet,
        published_at=published,
        authors=authors,
        province=province,
        text=text,
        metadata_evidence=json.dumps({key: why for key, why in evidence.items() if values[key] and why},
                                     ensure_ascii=False, sort_keys=True),
    )
