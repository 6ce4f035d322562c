"""HTML pages: what a page says about itself (lxml), its main text (trafilatura).

Metadata comes from the places publishers put it, best first: <meta> tags,
schema.org JSON-LD, then the page's own elements (the headline, a byline or
date element next to it, the <title> split from the site's name).
trafilatura finds the article's text; a lead paragraph (sapo) that sites
print outside the body element is added back when trafilatura left it out.
"""
from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field
from html import escape

import lxml.html
import trafilatura
from bs4 import BeautifulSoup
from lxml import etree
from lxml.html import HtmlElement

from cds_facts.tasks.text.textdump import COPYRIGHT_OWNER, OUTLET_NAME, is_headline, is_junk, outlet_named_by
from cds_facts.tasks.language.keys import fold

# Elements that never hold article text or metadata.
_NON_CONTENT = ["script", "style", "noscript", "template", "iframe", "svg"]
# Page furniture: a date or byline inside these belongs to the site, not the article.
_FURNITURE = {"header", "footer", "nav", "aside", "li"}
# class/id/itemprop words that mark an element's role.
_BYLINE_ROLE = re.compile(r"author|byline|tac-?gia|writer|creator", re.IGNORECASE)
_DATE_ROLE = re.compile(r"date|time|publish|ngay-?dang", re.IGNORECASE)
_LEAD_ROLE = re.compile(r"sapo|lead|summary|chapeau|excerpt|intro|tomtat|tom-tat", re.IGNORECASE)
# The longest text an element of each role may hold to count as one.
_ROLE_LIMITS = {_DATE_ROLE: 80, _BYLINE_ROLE: 120, _LEAD_ROLE: 1500}
# class/id words of an element that holds a fragment's headline.
_TITLE_ROLE = re.compile(r"(?<![a-z])(?:title|headline|tieu-?de)(?![a-z])", re.IGNORECASE)
_HEADING_BEFORE_WORDS = 8  # a paragraph this long is the body: a heading after it is no headline
# class/id words of the page's own header and footer, where it prints its name and copyright.
_SITE_ROLE = re.compile(r"(?<![a-z])(?:footer|copyright|logo|masthead|site-?name|brand)(?![a-z])", re.IGNORECASE)
_SITE_LINE_MAX_CHARS = 200  # a longer text in a footer is no name line
# "<headline> - <site>", "<site> | <headline>": the separators sites put in <title>.
_TITLE_SEPARATOR = re.compile(r"\s+[-|–—]\s+")
_DOMAIN_LIKE = re.compile(r"^(?:[\w-]+\.)+(?:vn|com|net|org)$", re.IGNORECASE)


@dataclass
class PageParts:
    """What a page says about itself, and its main text as lines."""

    title: str | None = None
    title_evidence: str | None = None  # where the title was read: "og:title", "h1", "heading", "<title>"
    published: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)  # names the page declares (meta, JSON-LD)
    bylines: list[str] = field(default_factory=list)  # texts of byline elements, read as bylines
    site_names: list[str] = field(default_factory=list)  # the names the page declares for its site
    outlet_hints: list[str] = field(default_factory=list)  # other texts that may name the outlet
    lines: list[str] = field(default_factory=list)
    text: str = ""  # every visible word on the page, boilerplate included: where names are spelled out


def _text(element: HtmlElement) -> str:
    """An element's text, its pieces stripped and joined by spaces."""
    return " ".join(piece.strip() for piece in element.itertext() if piece.strip())


def _meta(tree: HtmlElement) -> dict[str, list[str]]:
    """<meta> contents by property and by name, in page order, from one pass over the meta tags."""
    found: dict[str, list[str]] = {}
    for tag in tree.iter("meta"):
        content = (tag.get("content") or "").strip()
        for key in {tag.get("property"), tag.get("name"), tag.get("itemprop")} - {None}:
            if content and content not in found.setdefault(key, []):
                found[key].append(content)
    return found


def _meta_values(meta: dict[str, list[str]], *names: str) -> list[str]:
    return list(dict.fromkeys(value for name in names for value in meta.get(name, [])))


def _json_ld(tree: HtmlElement) -> list[dict]:
    """schema.org objects from <script type="application/ld+json">, flattened out of lists and @graph."""
    found: list[dict] = []
    for script in tree.iter("script"):
        if script.get("type") != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
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


def _in_furniture(element: HtmlElement) -> bool:
    return any(parent.tag in _FURNITURE for parent in element.iterancestors())


def _body_text(tree: HtmlElement) -> str:
    """The page's text without its furniture: for pages trafilatura finds no article in."""
    body = tree.find("body")
    body = tree if body is None else body
    for element in list(body.iter(*(_FURNITURE - {"li"}), "form", "button")):
        if element is not body:
            element.drop_tree()
    return "\n".join(body.itertext())


def _role_texts(tree: HtmlElement) -> tuple[dict[re.Pattern, list[str]], list[HtmlElement]]:
    """Short texts of elements whose class, id or itemprop names a role (date, byline, lead), outside the
    page's furniture; and the page's own header and footer elements (for _site_outlets): one pass over the
    page for all roles."""
    found: dict[re.Pattern, list[str]] = {role: [] for role in _ROLE_LIMITS}
    site: list[HtmlElement] = []
    for element in tree.iter(etree.Element):
        attrs = " ".join(filter(None, (element.get("class"), element.get("id"), element.get("itemprop"))))
        if element.tag in ("header", "footer") or (attrs and _SITE_ROLE.search(attrs)):
            site.append(element)
        if not attrs:
            continue
        for role, max_chars in _ROLE_LIMITS.items():
            if role.search(attrs):
                text = _text(element)
                if text and len(text) <= max_chars and text not in found[role] and not _in_furniture(element):
                    found[role].append(text)
    return found, site


def _site_outlets(site: list[HtmlElement]) -> list[str]:
    """Outlets the page's header and footer elements print: the copyright owner or licence holder, else a
    name line ("Báo Hà Tĩnh điện tử" under the logo). Lists are skipped: a footer's links name other outlets."""
    owners, names = [], []
    for element in site:
        if element.tag in ("html", "body"):
            continue
        for piece in element.xpath(".//text()[not(ancestor::li)]"):
            line = " ".join(piece.split())
            owners += [o.strip() for o in COPYRIGHT_OWNER.findall(line) if OUTLET_NAME.match(o.strip())]
            name = outlet_named_by(line) if line and len(line) <= _SITE_LINE_MAX_CHARS else None
            names += [name] if name else []
    return list(dict.fromkeys(owners or names))


def _first_heading(tree: HtmlElement) -> str | None:
    """A fragment's headline when it declares none: the first heading before the body's first paragraph,
    outside the page's furniture, shaped as a headline (textdump.is_headline) and no outlet's name. A heading is an
    h2-h4, an element whose class or id names a title ("title", "headline", "tieu-de"), or a bold run that
    is a line of its own (alone in its block, or before a line break)."""
    for element in tree.iter(etree.Element):
        if _is_heading(element):
            text = _text(element)
            if not _in_furniture(element) and is_headline(text) and not OUTLET_NAME.match(text):
                return text
        elif element.tag == "p" or len((element.text or "").split()) >= _HEADING_BEFORE_WORDS:
            text = _text(element)
            if len(text.split()) >= _HEADING_BEFORE_WORDS and not is_junk(text):  # the body has begun
                return None
    return None


def _is_heading(element: HtmlElement) -> bool:
    if element.tag in ("h2", "h3", "h4"):
        return True
    if _TITLE_ROLE.search(" ".join(filter(None, (element.get("class"), element.get("id"))))):
        return True
    if element.tag in ("b", "strong") and element.getparent() is not None:
        block = element.getparent()
        alone = not (block.text or "").strip() and block.index(element) == 0
        after = element.getnext()
        ends_its_line = after.tag == "br" if after is not None else not (element.tail or "").strip()
        return alone and ends_its_line
    return False


def _title_parts(page_title: str) -> list[str]:
    return [part.strip() for part in _TITLE_SEPARATOR.split(page_title) if part.strip()]


def _without_site_name(title: str, site_names: list[str]) -> tuple[str, list[str]]:
    """A title without the site's name its page appended or prefixed: (headline, [names cut off]).

    Only a first or last part that names an outlet is cut: headlines hold " - " too.
    """
    pieces = _title_parts(title)
    known = {fold(name) for name in site_names}
    is_site = lambda piece: bool(OUTLET_NAME.match(piece) or fold(piece) in known or _DOMAIN_LIKE.match(piece))
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


def _parse(html: str) -> HtmlElement:
    """The page's tree. libxml2 stops at a nesting depth of 256 (2 048 with huge_tree) and drops what is
    deeper: such a page is read by BeautifulSoup, which has no limit, and rebuilt as its head and its
    body's lines."""
    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        tree = lxml.html.document_fromstring(html, parser=parser)
    except (etree.ParserError, ValueError):  # no elements at all, or an encoding declaration in a str
        return lxml.html.document_fromstring(f"<html><body><p>{escape(html)}</p></body></html>")
    if not any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        return tree
    soup = BeautifulSoup(html, "lxml")
    body = soup.body or soup
    for element in body.find_all(list(_NON_CONTENT)):
        element.decompose()
    lines = "".join(f"<p>{escape(line.strip())}</p>" for line in body.get_text("\n").split("\n") if line.strip())
    return lxml.html.document_fromstring(f"<html>{soup.head or ''}<body>{lines}</body></html>")


def parse_html(html: str, url: str | None = None) -> PageParts:
    """Metadata and main text of one page: one lxml parse, its tree given to trafilatura too."""
    tree = _parse(html)
    ld = [item for item in _json_ld(tree) if "headline" in item or "datePublished" in item]
    for element in list(tree.iter(*_NON_CONTENT)):
        element.drop_tree()
    parts = PageParts(text=" ".join(tree.itertext()))
    meta = _meta(tree)
    roles, site = _role_texts(tree)

    site_names = _meta_values(meta, "og:site_name", "application-name", "publisher") + [
        n for i in ld for n in _names(i.get("publisher"))]
    h1 = tree.find(".//h1")
    title_element = tree.find(".//title")
    page_title = _text(title_element) if title_element is not None else ""
    titles = ([("meta title", t) for t in _meta_values(meta, "og:title", "twitter:title", "headline")]
              + [("JSON-LD headline", str(i["headline"])) for i in ld if i.get("headline")]
              + ([("h1", _text(h1))] if h1 is not None else []))
    heading = _first_heading(tree) if not titles else None
    if titles or heading:
        parts.title_evidence, chosen = titles[0] if titles else ("heading", heading)
        parts.title, named = _without_site_name(chosen, site_names)
    elif page_title:  # <title> holds the site's name too: keep the part the page repeats
        parts.title_evidence = "<title>"
        parts.title, named = _without_site_name(page_title, site_names)
        pieces = _title_parts(parts.title)
        shown = [p for p in pieces if p in parts.text.replace(page_title, "")]
        if len(pieces) > 1 and shown:
            parts.title = max(shown, key=len)
            named += [p for p in pieces if p != parts.title]
    else:
        named = []
    parts.site_names = site_names
    parts.outlet_hints = named + [p for p in _title_parts(page_title) if OUTLET_NAME.match(p)] + _site_outlets(site)

    parts.published = (_meta_values(meta, "article:published_time", "datePublished", "pubdate", "publishdate",
                                    "date", "dc.date.issued", "og:published_time")
                       + [str(i["datePublished"]) for i in ld if i.get("datePublished")]
                       + [t.get("datetime") for t in tree.iter("time") if t.get("datetime") and not _in_furniture(t)]
                       + roles[_DATE_ROLE])
    parts.authors = (_meta_values(meta, "author", "article:author", "dc.creator")
                     + [n for i in ld for n in _names(i.get("author"))])
    parts.bylines = roles[_BYLINE_ROLE]
    parts.outlet_hints += [url] if url else []

    # trafilatura prunes the tree it is given: it gets a copy, the original stays for the fallback.
    # No deduplicate=True: trafilatura remembers segments across calls, so a page cleaned twice
    # would lose text the second time. split_dump drops a body printed twice within one page.
    text = trafilatura.extract(copy.deepcopy(tree), url=url, include_comments=False, include_tables=False)
    if not text or ("\n" not in text and len(tree.findall(".//p")) >= 2):
        # None, or its fallback for a short page: every paragraph glued on one line (headline, caption and
        # byline with them). The page's own blocks keep their lines.
        text = _body_text(tree)
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    lead = roles[_LEAD_ROLE]
    if lead and lines and lead[0] not in text and len(lead[0].split()) >= 8:
        lines.insert(0, lead[0])
    parts.lines = lines
    return parts
