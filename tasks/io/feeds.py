"""Article links from an RSS/Atom feed or from a listing page and a CSS selector."""
from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup


def _keep(links: list[str], base_url: str) -> list[str]:
    """Absolute http(s) links, each once, fragments dropped, in page order."""
    seen: dict[str, None] = {}
    for link in links:
        absolute = urljoin(base_url, link.strip()).split("#")[0]
        if urlsplit(absolute).scheme in ("http", "https"):
            seen.setdefault(absolute, None)
    return list(seen)


def links_from_feed(document: str, base_url: str) -> list[str]:
    """Item links of an RSS 2.0 or Atom feed."""
    soup = BeautifulSoup(document, "xml")
    links = [item.link.get_text(strip=True) for item in soup.find_all("item") if item.link]
    for entry in soup.find_all("entry"):
        alternate = entry.find("link", rel="alternate") or entry.find("link")
        if alternate and alternate.get("href"):
            links.append(alternate["href"])
    return _keep(links, base_url)


def links_from_listing(html: str, base_url: str, selector: str) -> list[str]:
    """Links of the elements a CSS selector picks on a listing page (the element's own href, or its first <a>)."""
    soup = BeautifulSoup(html, "lxml")
    links = []
    for element in soup.select(selector):
        anchor = element if element.get("href") else element.find("a", href=True)
        if anchor is not None:
            links.append(anchor["href"])
    return _keep(links, base_url)
