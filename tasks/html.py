"""HTML pages: what a page says about itself (BeautifulSoup), its main text (trafilatura).

Metadata comes from the places publishers put it, best first: <meta> tags,
schema.org JSON-LD, then the page's own elements (the headline, a byline or
date element next to it, the <title> split from the site's name).
trafilatura finds the article's text; a lead paragraph (sapo) that sites
print outside the body element is added back when trafilatura left it out.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import trafilatura
from bs4 import BeautifulSoup, Tag

from .textdump import OUTLET_WORDS
from .unicode import fold

# Elements that never hold article text or metadata.
_NON_CONTENT = ["script", "style", "noscript", "template", "iframe", "svg"]
# Page furniture: a date or byline inside these belongs to the site, not the article.
_FURNITURE = {"header", "footer", "nav", "aside", "li"}
# class/id/itemprop words that mark an element's role.
_BYLINE_ROLE = re.compile(r"author|byline|tac-?gia|writer|creator", re.IGNORECASE)
_DATE_ROLE = re.compile(r"date|time|publish|ngay-?dang", re.IGNORECASE)
_LEAD_ROLE = re.compile(r"sapo|lead|summary|chapeau|excerpt|intro|tomtat|tom-tat", re.IGNORECASE)
# "<headline> - <site>", "<site> | <headline>": the separators sites put in <title>.
_TITLE_SEPARATOR = re.compile(r"\s+[-|–—]\s+")
_DOMAIN_LIKE = re.compile(r"^(?:[\w-]+\.)+(?:vn|com|net|org)$", re.IGNORECASE)


@dataclass
class PageParts:
    """What a page says about itself, and its main text as lines."""

    title: str | None = None
    published: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)  # names the page declares (meta, JSON-LD)
    bylines: list[str] = field(default_factory=list)  # texts of byline elements, read as bylines
    outlet_hints: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    text: str = ""  # every visible word on the page, boilerplate included: where names are spelled out


def _meta(soup: BeautifulSoup, *names: str) -> list[str]:
    values = []
    for name in names:
        for tag in soup.find_all("meta", attrs={"property": name}) + soup.find_all("meta", attrs={"name": name}):
            content = (tag.get("content") or "").strip()
            if content and content not in values:
                values.append(content)
    return values


def _json_ld(soup: BeautifulSoup) -> list[dict]:
    """schema.org objects from <script type="application/ld+json">, flattened out of lists and @graph."""
    found: list[dict] = []
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            data = json.loads(script.string or "")
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                found.append(item)
                stack.extend(v for k, v in item.items() if k == "@graph")
    return found


def _names(value) -> list[str]:
    """Names in a JSON-LD author or publisher: a string, an object with "name", or a list of either."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    return []


def _role_attrs(tag: Tag) -> str:
    classes = tag.get("class") or []
    return " ".join([*classes, tag.get("id") or "", tag.get("itemprop") or ""])


def _in_furniture(tag: Tag) -> bool:
    return any(parent.name in _FURNITURE for parent in tag.parents)


def _body_text(soup: BeautifulSoup) -> str:
    """The page's text without its furniture: for pages trafilatura finds no article in."""
    body = soup.body or soup
    for tag in body.find_all([*_FURNITURE - {"li"}, "form", "button"]):
        tag.decompose()
    return body.get_text("\n")


def _role_elements(soup: BeautifulSoup, role: re.Pattern, max_chars: int) -> list[str]:
    """Short texts of elements whose class, id or itemprop names a role, outside the page's furniture."""
    texts = []
    for tag in soup.find_all(lambda t: bool(role.search(_role_attrs(t)))):
        text = tag.get_text(" ", strip=True)
        if text and len(text) <= max_chars and not _in_furniture(tag) and text not in texts:
            texts.append(text)
    return texts


def _title_parts(page_title: str) -> list[str]:
    return [part.strip() for part in _TITLE_SEPARATOR.split(page_title) if part.strip()]


def _without_site_name(title: str, site_names: list[str]) -> tuple[str, list[str]]:
    """A title without the site's name its page appended or prefixed: (headline, [names cut off]).

    Only a first or last part that names an outlet is cut: headlines hold " - " too.
    """
    pieces = _title_parts(title)
    known = {fold(name) for name in site_names}
    is_site = lambda piece: bool(OUTLET_WORDS.match(piece) or fold(piece) in known or _DOMAIN_LIKE.match(piece))
    cut = []
    while len(pieces) > 1 and is_site(pieces[-1]):
        cut.append(pieces.pop())
    while len(pieces) > 1 and is_site(pieces[0]):
        cut.append(pieces.pop(0))
    if not cut:
        return title, []
    kept = title
    for piece in cut:  # cut from the original string, keeping the headline's own separators
        kept = re.sub(rf"^\s*{re.escape(piece)}\s*[-|–—]\s*|\s*[-|–—]\s*{re.escape(piece)}\s*$", "", kept)
    return kept.strip(), cut


def parse_html(html: str, url: str | None = None) -> PageParts:
    """Metadata and main text of one page."""
    soup = BeautifulSoup(html, "lxml")
    ld = [item for item in _json_ld(soup) if "headline" in item or "datePublished" in item]
    for tag in soup.find_all(_NON_CONTENT):
        tag.decompose()
    parts = PageParts(text=soup.get_text(" "))

    site_names = _meta(soup, "og:site_name", "application-name", "publisher") + [
        n for i in ld for n in _names(i.get("publisher"))]
    h1 = soup.find("h1")
    page_title = soup.title.get_text(" ", strip=True) if soup.title else ""
    titles = (_meta(soup, "og:title", "twitter:title") + [str(i["headline"]) for i in ld if i.get("headline")]
              + ([h1.get_text(" ", strip=True)] if h1 else []))
    if titles:
        parts.title, named = _without_site_name(titles[0], site_names)
    elif page_title:  # <title> holds the site's name too: keep the part the page repeats
        parts.title, named = _without_site_name(page_title, site_names)
        pieces = _title_parts(parts.title)
        shown = [p for p in pieces if p in parts.text.replace(page_title, "")]
        if len(pieces) > 1 and shown:
            parts.title = max(shown, key=len)
            named += [p for p in pieces if p != parts.title]
    else:
        named = []
    parts.outlet_hints = site_names + named + [p for p in _title_parts(page_title) if OUTLET_WORDS.match(p)]

    parts.published = (_meta(soup, "article:published_time", "pubdate", "publishdate", "date",
                             "dc.date.issued", "og:published_time")
                       + [str(i["datePublished"]) for i in ld if i.get("datePublished")]
                       + [t["datetime"] for t in soup.find_all("time", datetime=True) if not _in_furniture(t)]
                       + _role_elements(soup, _DATE_ROLE, 80))
    parts.authors = (_meta(soup, "author", "article:author", "dc.creator")
                     + [n for i in ld for n in _names(i.get("author"))])
    parts.bylines = _role_elements(soup, _BYLINE_ROLE, 120)
    parts.outlet_hints += [url] if url else []

    # No deduplicate=True: trafilatura remembers segments across calls, so a page cleaned twice
    # would lose text the second time. split_dump drops a body printed twice within one page.
    text = trafilatura.extract(str(soup), url=url, include_comments=False, include_tables=False) or _body_text(soup)
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    lead = _role_elements(soup, _LEAD_ROLE, 1500)
    if lead and lines and lead[0] not in text and len(lead[0].split()) >= 8:
        lines.insert(0, lead[0])
    parts.lines = lines
    return parts
