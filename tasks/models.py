"""The plain records passed between the pipeline's steps."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Iterable

# A document's id: the first characters of its content's SHA-256 (hex).
DOC_ID_CHARS = 24


@dataclass(frozen=True)
class RawDoc:
    """An input as read: its bytes, how they decode, and the content hash that names it."""

    source_name: str  # file name, or the URL of a fetched page
    source_uri: str  # absolute path or URL
    raw: bytes
    text: str  # the bytes decoded (see text/rawdoc.py)
    encoding: str
    sha256: str

    @property
    def doc_id(self) -> str:
        """Stable id: the same content gives the same id on every run and machine."""
        return self.sha256[:DOC_ID_CHARS]

    @property
    def is_html(self) -> bool:
        head = self.text[:2048].lstrip().lower()
        return (self.source_name.lower().endswith((".html", ".htm")) or head.startswith(("<!doctype html", "<html"))
                or self.source_uri.startswith(("http://", "https://")))  # fetched pages are HTML or refused


@dataclass(frozen=True)
class Article:
    """A cleaned document: the article body and what is known about it."""

    doc_id: str
    title: str | None
    outlet: str | None
    published_at: datetime | None
    authors: tuple[str, ...]
    province: str | None
    text: str  # the clean body; every fact offset points into it
    # Why each of the above is what it is: {"title": "og:title", "outlet": "host table:vnexpress.net", ...},
    # as JSON (documents.metadata_evidence); a key is missing when its value is NULL.
    metadata_evidence: str | None = None


@dataclass(frozen=True)
class Fact:
    """One quantitative statement read from an article."""

    doc_id: str
    surface: str
    sentence: str
    start_char: int  # offsets of the number in Article.text
    end_char: int
    kind: str  # count, percent, ratio, rank, score, storage, money
    value: float
    denominator: float | None
    qualifier: str  # exact, more_than, approx, less_than, at_least, at_most
    counted: str | None
    indicator: str | None
    province: str | None
    province_2025: str | None
    place: str | None
    period_year: int | None
    status: str  # actual or target
    part_of: str | None = None  # fact_id of the total this count breaks down ("1.805 ..., trong đó có 900 ...")
    scope: str | None = None  # whose figure: province, place, ministry, national, international
    change: str | None = None  # increase / decrease: "tăng 5 bậc" says by how much, it is no level
    evidence: str | None = None  # the cue or rule that chose the indicator
    subject_evidence: str | None = None  # the words that say whose it is: "clause:Bộ Công an", "article:Cà Mau"

    @property
    def fact_id(self) -> str:
        return f"{self.doc_id}:{self.start_char}"

    @property
    def share_pct(self) -> float | None:
        if self.kind == "percent":
            return self.value
        if self.kind == "ratio" and self.denominator:
            return 100.0 * self.value / self.denominator
        return None


@dataclass
class Quarantined:
    """An input that could not be processed, and why."""

    source_uri: str
    stage: str  # read, decode, clean, extract, load
    error: str
    sha256: str | None = None
    raw: bytes | None = None


@dataclass(frozen=True)
class Skipped:
    """An input a run passed over on purpose: a file of a type cds does not read, a URL robots.txt disallows."""

    source_uri: str
    reason: str  # "unsupported type", "disallowed by robots.txt"
    detail: str = ""  # what of that reason: the suffix of an unsupported type (".pdf")


@dataclass(frozen=True)
class SeenInput:
    """One input of a batch as its load records it: the source, the content it holds, what became of it.

    state: "document" (cleaned and extracted: its document is in the batch), "held" (its content is a
    document already, in the warehouse or earlier in the batch: only its claim is recorded), "failed"
    (quarantined), "feed" (a feed or listing page: logged, not a document).
    """

    source_uri: str
    source_name: str
    doc_id: str | None  # its content's id; None when it could not be read
    state: str


@dataclass
class FetchResult:
    """What fetching one URL got: its outcome and reason, and the page when there is one."""

    url: str
    outcome: str  # "fetched", "not_modified", "skipped" (disallowed by robots.txt), "refused" (address), "failed"
    reason: str = ""
    status: int | None = None
    final_url: str | None = None
    content_type: str | None = None
    raw: bytes | None = None
    text: str | None = None
    encoding: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    attempts: int = 0
    fetched_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))


@dataclass
class BatchResult:
    """What one batch of inputs produced, ready to load."""

    inputs: list[SeenInput] = field(default_factory=list)  # every input, in order: what the load counts
    raw_docs: list[RawDoc] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    quarantined: list[Quarantined] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    fetches: list[FetchResult] = field(default_factory=list)  # what a fetch run got for each article URL
    feed_fetches: list[FetchResult] = field(default_factory=list)  # feeds and listing pages: logged, not kept
    # Held documents whose facts the catalogue's change cannot reach: (doc_id, the fingerprint they were read
    # under). Their inputs are "held"; the load moves them to this catalogue.
    kept: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class RunCounts:
    """What a run (or one batch's load) did with its inputs; seen = new + changed + unchanged + failed + skipped."""

    seen: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    skipped: int = 0
    facts: int = 0  # facts loaded
    failed_checks: int = 0  # of those, how many fail a consistency check
    agree: int = 0  # of those, how many agree with an official table (the verified_facts view)
    contradict: int = 0  # and how many contradict one

    def add(self, other: RunCounts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(frozen=True)
class Validators:
    """What the warehouse holds of a URL's last fetch, for a conditional request."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass
class WarehouseState:
    """What the warehouse already holds, for deciding what a run need not do again. The decisions that
    count (new, changed, unchanged) are the load's, against the warehouse as it is then."""

    known: dict[str, tuple[int, int, str]] = field(default_factory=dict)  # doc_id -> (cleaner, extractor, fingerprint)
    by_uri: dict[str, str] = field(default_factory=dict)  # source_uri -> the doc_id it holds (document_sources)
    catalogue_rows: list[dict[str, str]] = field(default_factory=list)
    fetched: dict[str, Validators] = field(default_factory=dict)  # url -> validators of its last fetch
    # fingerprint -> rows of the other catalogues documents are held under, where the warehouse kept them
    catalogues: dict[str, list[dict[str, str]]] = field(default_factory=dict)

    def about_urls(self, urls: Iterable[str]) -> WarehouseState:
        """What a fetch of these URLs needs: their last validators and pages, the contents held, the catalogue."""
        return WarehouseState(known=self.known, by_uri={u: self.by_uri[u] for u in urls if u in self.by_uri},
                              catalogue_rows=self.catalogue_rows,
                              fetched={u: self.fetched[u] for u in urls if u in self.fetched})
