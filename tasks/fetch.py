"""Polite, robust HTTP fetching of article pages: robots.txt, per-host pacing, retries, caps, encodings.

``Fetcher.fetch(url, known)`` returns a ``FetchResult`` and never raises for
what a server or network does: every outcome (fetched, not modified,
skipped, failed) comes back with its reason, so the caller can record it.
"""
from __future__ import annotations

import random
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import requests
from charset_normalizer import from_bytes

from .models import Validators

USER_AGENT = "cds-facts/0.1 (Vietnamese digital-transformation fact warehouse; polite crawler)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml", *HTML_TYPES)
# The charset a document declares itself: <meta charset=...>, <meta http-equiv ... charset=...>, <?xml encoding=...?>.
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w-]+)""",
                           re.IGNORECASE)
_RETRY_STATUSES = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class FetchSettings:
    """How politely and how patiently to fetch. Every field can be set in the sources file's [fetch] table."""

    user_agent: str = USER_AGENT
    delay_seconds: float = 1.0  # between requests to one host
    max_per_host: int = 2  # requests in flight per host
    connect_timeout: float = 5.0
    read_timeout: float = 20.0
    retries: int = 3  # after the first attempt, on connection errors, 429 and 5xx
    backoff_seconds: float = 0.5  # first retry's base delay, doubled each time, with jitter
    max_backoff_seconds: float = 60.0  # also caps a server's Retry-After
    max_bytes: int = 5 * 2**20
    max_redirects: int = 5


@dataclass
class FetchResult:
    url: str
    outcome: str  # "fetched", "not_modified", "skipped" (disallowed by robots.txt), "failed"
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


class _Refused(Exception):
    """A response this fetcher will not take: no retry."""


class _Retryable(Exception):
    def __init__(self, reason: str, wait: float | None = None):
        super().__init__(reason)
        self.wait = wait


def decode_html(raw: bytes, header_charset: str | None) -> tuple[str, str]:
    """(text, encoding): the HTTP header's charset, then <meta charset>, then detection."""
    declared = [header_charset] if header_charset else []
    meta = _META_CHARSET.search(raw[:4096])
    if meta:
        declared.append((meta.group(1) or meta.group(2)).decode("ascii", "ignore"))
    for charset in declared:
        try:
            return raw.decode(charset), charset.lower()
        except (LookupError, UnicodeDecodeError):
            continue  # mislabelled: try the next witness
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        best = from_bytes(raw).best()
        if best is None:
            raise _Refused("undecodable body: no character encoding fits") from None
        return str(best), best.encoding


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        return max(0.0, (parsedate_to_datetime(value) - datetime.now(timezone.utc)).total_seconds())
    except (TypeError, ValueError):
        return None


class _HostPacer:
    """At most ``limit`` requests in flight to one host, started at least ``delay`` apart."""

    def __init__(self, limit: int, delay: float):
        self.slots = threading.Semaphore(limit)
        self.delay = delay
        self.lock = threading.Lock()
        self.next_start = 0.0

    def __enter__(self):
        self.slots.acquire()
        with self.lock:
            now = time.monotonic()
            start = max(now, self.next_start)
            self.next_start = start + self.delay
        time.sleep(start - now)
        return self

    def __exit__(self, *exc):
        self.slots.release()


class Fetcher:
    """Fetches pages with one session, one robots.txt cache and one pacer per host."""

    def __init__(self, settings: FetchSettings | None = None):
        self.settings = settings or FetchSettings()
        self.session = requests.Session()
        self.session.headers["User-Agent"] = self.settings.user_agent
        self.session.max_redirects = self.settings.max_redirects
        self._robots: dict[str, RobotFileParser | str] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self._pacers: dict[str, _HostPacer] = {}
        self._lock = threading.Lock()

    def fetch_many(self, urls: list[str], known: dict[str, Validators] | None = None,
                   accept: tuple[str, ...] = HTML_TYPES) -> list[FetchResult]:
        """Fetch urls concurrently across hosts, politely within each; results in the order given."""
        known = known or {}
        hosts = {urlsplit(u).netloc for u in urls}
        workers = max(1, min(16, len(hosts) * self.settings.max_per_host))
        with ThreadPoolExecutor(max_workers=workers) as pool:
            return list(pool.map(lambda u: self.fetch(u, known.get(u), accept), urls))

    def fetch(self, url: str, known: Validators | None = None, accept: tuple[str, ...] = HTML_TYPES) -> FetchResult:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            return FetchResult(url, "failed", f"unsupported URL: only http and https are fetched ({url!r})")
        refusal = self._robots_refusal(url)
        if refusal:
            return FetchResult(url, *refusal)
        result = FetchResult(url, "failed")
        delay = self.settings.backoff_seconds
        for attempt in range(1, self.settings.retries + 2):
            result.attempts = attempt
            try:
                with self._pacer(parts.netloc):
                    return self._attempt(url, known, result, accept)
            except _Refused as refused:
                result.reason = str(refused)
                return result
            except _Retryable as retry:
                result.reason = str(retry)
                wait = retry.wait if retry.wait is not None else delay * (1 + random.random())
            except requests.TooManyRedirects:
                result.reason = f"too many redirects (more than {self.settings.max_redirects})"
                return result
            except (requests.ConnectionError, requests.Timeout) as exc:
                result.reason = f"{type(exc).__name__}: {exc}"
                wait = delay * (1 + random.random())
            except requests.RequestException as exc:
                result.reason = f"{type(exc).__name__}: {exc}"
                return result
            if attempt <= self.settings.retries:
                time.sleep(min(wait, self.settings.max_backoff_seconds))
                delay *= 2
        result.reason = f"gave up after {result.attempts} attempts: {result.reason}"
        return result

    def _attempt(self, url: str, known: Validators | None, result: FetchResult,
                 accept: tuple[str, ...]) -> FetchResult:
        headers = {}
        if known and known.etag:
            headers["If-None-Match"] = known.etag
        if known and known.last_modified:
            headers["If-Modified-Since"] = known.last_modified
        timeout = (self.settings.connect_timeout, self.settings.read_timeout)
        with self.session.get(url, headers=headers, timeout=timeout, stream=True) as response:
            result.status, result.final_url = response.status_code, response.url
            if response.status_code == 304:
                result.outcome, result.reason = "not_modified", "304 Not Modified"
                result.etag, result.last_modified = known.etag if known else None, known.last_modified if known else None
                return result
            if response.status_code in _RETRY_STATUSES:
                raise _Retryable(f"HTTP {response.status_code}", _retry_after(response.headers.get("Retry-After")))
            if response.status_code != 200:
                raise _Refused(f"HTTP {response.status_code}")
            content_type = response.headers.get("Content-Type", "")
            media_type = content_type.split(";")[0].strip().lower()
            result.content_type = media_type
            if media_type not in accept:
                raise _Refused(f"not an HTML page: {media_type or 'no content type'}")
            declared_length = response.headers.get("Content-Length", "")
            if declared_length.isdigit() and int(declared_length) > self.settings.max_bytes:
                raise _Refused(f"body too large: {declared_length} bytes (limit {self.settings.max_bytes})")
            raw = self._read_capped(response)
            result.raw = raw
            result.text, result.encoding = decode_html(raw, response.encoding if "charset" in content_type else None)
            result.etag = response.headers.get("ETag")
            result.last_modified = response.headers.get("Last-Modified")
            result.outcome, result.reason = "fetched", "200 OK"
            return result

    def _read_capped(self, response: requests.Response) -> bytes:
        chunks, size = [], 0
        for chunk in response.iter_content(64 * 1024):
            size += len(chunk)
            if size > self.settings.max_bytes:
                raise _Refused(f"body too large: over {self.settings.max_bytes} bytes")
            chunks.append(chunk)
        return b"".join(chunks)

    def _pacer(self, host: str) -> _HostPacer:
        with self._lock:
            if host not in self._pacers:
                self._pacers[host] = _HostPacer(self.settings.max_per_host, self.settings.delay_seconds)
            return self._pacers[host]

    def _robots_refusal(self, url: str) -> tuple[str, str] | None:
        """(outcome, reason) when robots.txt keeps us from url, else None. A missing robots.txt (4xx) allows
        all; one that disallows url skips it; a site whose robots.txt cannot be read (no connection, 5xx) is
        not fetched from, and each of its URLs failed: the site is down or refusing us, which a run must say."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            origin_lock = self._robots_locks.setdefault(origin, threading.Lock())
        with origin_lock:  # one robots.txt request per origin, however many threads ask
            rules = self._robots.get(origin)
            if rules is None:
                rules = self._robots[origin] = self._read_robots(origin)
        if isinstance(rules, str):
            return "failed", rules
        if not rules.can_fetch(self.settings.user_agent, url):
            return "skipped", "disallowed by robots.txt"
        return None

    def _read_robots(self, origin: str) -> RobotFileParser | str:
        parser = RobotFileParser(origin + "/robots.txt")
        try:
            with self._pacer(urlsplit(origin).netloc):
                response = self.session.get(origin + "/robots.txt", timeout=(
                    self.settings.connect_timeout, self.settings.read_timeout))
        except requests.RequestException as exc:
            return f"robots.txt unreachable ({type(exc).__name__}): not fetching from {origin}"
        if response.status_code >= 500:
            return f"robots.txt answered HTTP {response.status_code}: not fetching from {origin}"
        parser.parse(response.text.splitlines() if response.status_code == 200 else [])
        return parser
