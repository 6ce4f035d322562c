"""The sources file: which pages and feeds ``cds fetch --sources`` follows, and how politely (TOML)."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path

from cds_facts.tasks.io.fetch import FetchSettings
from cds_facts.tasks.io.redact import redact
from cds_facts.tasks.settings import read_toml


class SourcesError(ValueError):
    """The sources file cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Listing:
    url: str
    selector: str  # CSS selector for the article links on the page


@dataclass
class Sources:
    settings: FetchSettings = field(default_factory=FetchSettings)
    articles: list[str] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)  # RSS or Atom
    listings: list[Listing] = field(default_factory=list)


def fetch_inputs_text(urls: list[str], sources_file: str | Path | None) -> str:
    """What a fetch was given, as its runs row states it: URLs with their secrets redacted."""
    return redact(" ".join([*urls, *([str(sources_file)] if sources_file else [])]))


def read_sources(path: str | Path) -> Sources:
    data = read_toml(path, "sources file", SourcesError)
    known = {f.name: f.type for f in fields(FetchSettings)}
    options = data.get("fetch", {})
    unknown = sorted(set(options) - set(known))
    if unknown:
        raise SourcesError(f"{path}: unknown [fetch] setting(s) {', '.join(unknown)}; known: {', '.join(known)}")
    defaults = FetchSettings()
    for key, value in options.items():  # TOML's true/false only: bool("false") would be True
        if isinstance(getattr(defaults, key), bool) and not isinstance(value, bool):
            raise SourcesError(f"{path}: [fetch] {key} must be true or false, not {value!r}")
        if isinstance(getattr(defaults, key), tuple) and not isinstance(value, list):
            raise SourcesError(f"{path}: [fetch] {key} must be a list, such as [\"10.0.0.5\"], not {value!r}")
    try:
        settings = FetchSettings(**{k: type(getattr(defaults, k))(v) for k, v in options.items()})
    except (TypeError, ValueError) as exc:
        raise SourcesError(f"{path}: bad [fetch] value: {exc}") from exc
    sources = Sources(settings=settings)
    for kind in ("article", "feed", "listing"):
        for number, entry in enumerate(data.get(kind, []), 1):
            if not isinstance(entry, dict) or not isinstance(entry.get("url"), str):
                raise SourcesError(f"{path}: [[{kind}]] entry {number} needs a url")
            if kind == "listing":
                if not isinstance(entry.get("selector"), str):
                    raise SourcesError(f"{path}: [[listing]] entry {number} ({entry['url']}) needs a selector")
                sources.listings.append(Listing(entry["url"], entry["selector"]))
            else:
                (sources.articles if kind == "article" else sources.feeds).append(entry["url"])
    unexpected = sorted(set(data) - {"fetch", "article", "feed", "listing"})
    if unexpected:
        raise SourcesError(f"{path}: unknown table(s) {', '.join(unexpected)}; use [fetch], [[article]], "
                           "[[feed]], [[listing]]")
    return sources
