"""HTML pages: <meta> metadata with BeautifulSoup, the main content with trafilatura."""
from __future__ import annotations

from dataclasses import dataclass, field

import trafilatura
from bs4 import BeautifulSoup

# Elements that never hold article text.
_NON_CONTENT = ["script", "style", "noscript", "template", "iframe", "svg", "nav", "header", "footer",
                "aside", "form", "button"]


@dataclass
class PageParts:
    """What a page says about itself, and its main text as lines."""

    title: str | None = None
    published: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    outlet_hints: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)


def _meta(soup: BeautifulSoup, *names: str) -> list[str]:
    values = []
    for name in names:
        for tag in soup.find_all("meta", attrs={"property": name}) + soup.find_all("meta", attrs={"name": name}):
            content = (tag.get("content") or "").strip()
            if content and content not in values:
                values.append(content)
    return values


def _fallback_text(soup: BeautifulSoup) -> str:
    body = soup.body or soup
    for tag in body.find_all(_NON_CONTENT):
        tag.decompose()
    return body.get_text("\n")


def parse_html(html: str, url: str | None = None) -> PageParts:
    """Metadata from <meta> tags and the headline; body lines from trafilatura (or the DOM's text)."""
    soup = BeautifulSoup(html, "lxml")
    parts = PageParts()
    h1 = soup.find("h1")
    titles = _meta(soup, "og:title", "twitter:title") + ([h1.get_text(" ", strip=True)] if h1 else [])
    if soup.title and soup.title.string:
        titles.append(soup.title.string.strip())
    parts.title = titles[0] if titles else None
    parts.published = _meta(soup, "article:published_time", "pubdate", "publishdate", "date",
                            "dc.date.issued", "og:published_time")
    parts.authors = _meta(soup, "author", "article:author", "dc.creator")
    parts.outlet_hints = _meta(soup, "og:site_name", "application-name", "publisher") + ([url] if url else [])
    text = trafilatura.extract(html, url=url, include_comments=False, include_tables=True,
                               favor_precision=True, deduplicate=True)
    if not text:
        text = _fallback_text(soup)
    parts.lines = [line.strip() for line in text.split("\n") if line.strip()]
    return parts
