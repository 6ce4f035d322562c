"""Document metadata from the lines cleaning set aside: published time, outlet, authors."""
from __future__ import annotations

import re

from cds_facts.tasks.language.places import Gazetteer
from cds_facts.tasks.text.outlets import outlet_of_host
from cds_facts.tasks.text.textdump import OUTLET_NAME, byline_names
from cds_facts.tasks.language.keys import fold

# Domain prefixes of provincial papers: "baothanhhoa.vn", "baodientucamau.vn".
_PAPER_PREFIXES = (("baodientu", "Báo điện tử"), ("bao", "Báo"))
_LOWER_WORDS = {"và", "của"}
_DOMAIN_ONLY = re.compile(r"^(?:https?://)?(?:www\.)?(?:[\w-]+\.)+[a-z]{2,}/?$", re.IGNORECASE)
_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?((?:[\w-]+\.)+[a-z]{2,})", re.IGNORECASE)


def authors_and_evidence(declared: list[str], bylines: list[str]) -> tuple[tuple[str, ...], str]:
    """Authors: the names a page declares (meta, JSON-LD) if any, else the names on its bylines; and which
    ("page metadata" or "byline").

    A declared name is kept as given unless it reads as a byline with several
    names; a publisher declared as author ("Báo Cà Mau") is no author.
    """
    names: list[str] = []
    for value in declared:
        value = value.strip()
        if value and not OUTLET_NAME.match(value):
            names += byline_names(value) or [value]
    if names:
        return tuple(dict.fromkeys(names)), "page metadata"
    return tuple(dict.fromkeys(name for line in bylines for name in byline_names(line) or [])), "byline"


def _display_case(name: str) -> str:
    """An all-caps masthead in sentence case: "ĐÀI PHÁT THANH" -> "Đài Phát Thanh"."""
    if not name.isupper():
        return name
    return " ".join(w.lower() if w.lower() in _LOWER_WORDS else w.capitalize() for w in name.split())


# Vietnamese letters to their bare ASCII letter, one character for one, so offsets carry over.
_BARE_LETTERS = str.maketrans({chr(c): fold(chr(c)) for c in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]
                               if len(fold(chr(c))) == 1 and fold(chr(c)).isascii()})


def _spelled_name(label: str, page_text: str) -> str | None:
    """Where the page spells out the name its domain squashes: "diendandoanhnghiep" -> "Diễn đàn Doanh nghiệp".

    The name must be two words or more: the domain written out is no name.
    """
    spelled = re.compile(r"(?<!\w)" + r"\s*".join(map(re.escape, label)) + r"(?!\w)", re.IGNORECASE)
    for match in spelled.finditer(page_text.translate(_BARE_LETTERS)):
        if " " in match.group():
            return page_text[match.start():match.end()]
    return None


def _provincial_paper(label: str, gazetteer: Gazetteer | None) -> str | None:
    """A province's own paper named by its domain: "baocamau" -> "Báo Cà Mau"."""
    for prefix, name in _PAPER_PREFIXES:
        if gazetteer and label.startswith(prefix):
            province = gazetteer.by_squashed(label[len(prefix):])
            if province:
                return f"{name} {province}"
    return None


def outlet_from(hints: list[str], page_text: str = "", gazetteer: Gazetteer | None = None,
                declared: list[str] = ()) -> str | None:
    """The publisher (outlet_and_evidence without its evidence)."""
    return outlet_and_evidence(hints, page_text, gazetteer, declared)[0]


def outlet_and_evidence(hints: list[str], page_text: str = "", gazetteer: Gazetteer | None = None,
                        declared: list[str] = ()) -> tuple[str | None, str | None]:
    """The publisher: the name the page declares for its site, else an outlet's name it prints (masthead,
    copyright owner), else the name behind its domain, else None: never a headline or a section.

    A domain is turned into the outlet the table of hosts names (outlets.py), the name the page spells out
    for it, "Báo <province>" when it is a provincial paper's, the province's portal; else it is kept as is.
    The evidence says which: "site name", "printed", "host table:<host>", "spelled on the page:<host>",
    "provincial paper:<host>", "provincial portal:<host>", "host".
    """
    for name in declared:  # og:site_name, JSON-LD publisher: the site says who it is
        if name.strip() and not _DOMAIN_ONLY.match(name.strip()):
            return _display_case(name.strip()), "site name"
    named = [h for h in hints if OUTLET_NAME.match(h)]
    if named:  # a masthead, the footer's copyright owner
        return _display_case(min(named, key=len)), "printed"
    for hint in [*declared, *hints]:
        domain = _DOMAIN.match(hint)
        if domain and "." in hint:
            host = domain.group(1).lower()
            label = re.sub(r"[^a-z]", "", host.split(".")[0])
            ways = (("host table", lambda: outlet_of_host(host)),
                    ("spelled on the page", lambda: _spelled_name(label, page_text)),
                    ("provincial paper", lambda: _provincial_paper(label, gazetteer)),
                    ("provincial portal", lambda: _provincial_portal(host, gazetteer)))
            for rule, name_of in ways:  # asked in turn: spelling the name out reads the whole page
                name = name_of()
                if name:
                    return name, f"{rule}:{host}"
            return host, "host"
    return None, None


def _provincial_portal(host: str, gazetteer: Gazetteer | None) -> str | None:
    """A province's own portal named by its domain: "hatinh.gov.vn" -> "Cổng Thông tin điện tử Hà Tĩnh"."""
    labels = host.removeprefix("www.").split(".")
    if gazetteer and len(labels) == 3 and labels[1:] == ["gov", "vn"]:
        province = gazetteer.by_squashed(labels[0])
        if province:
            return f"{_PORTAL_NAME} {province}"
    return None


_PORTAL_NAME = "Cổng Thông tin điện tử"  # with the province's name, whether a "tỉnh" or a "thành phố"
