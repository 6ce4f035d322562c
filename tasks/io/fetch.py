"""Polite, robust HTTP fetching of article pages: robots.txt, per-host pacing, retries, caps, encodings,
and only the public Internet unless told otherwise (tasks/io/http.py).

``Fetcher.fetch(url, known)`` returns a ``FetchResult`` and never raises for
what a server or network does: every outcome (fetched, not modified,
skipped, refused, failed) comes back with its reason, so the caller can record it.
"""
from __future__ import annotations

import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import requests

from cds_facts.tasks.text.decoding import NotText, declared_charset, decode
from cds_facts.tasks.io.http import GuardedAdapter, Refused, allowed_networks, checked_addresses, deadline, pinned
from cds_facts.tasks.models import FetchResult, Validators
from cds_facts.tasks.io.redact import redact

USER_AGENT = "cds-facts/0.1 (Vietnamese digital-transformation fact warehouse; polite crawler)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml", *HTML_TYPES)
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
    total_timeout: float = 60.0  # for one request, however slowly its server sends (read_timeout is per read)
    max_bytes: int = 5 * 2**20  # pages, feeds and robots.txt alike
    max_redirects: int = 5
    allow_private_networks: bool = False  # an intranet crawl: loopback, private and carrier-grade NAT hosts too
    allow_addresses: tuple[str, ...] = ()  # addresses or networks fetched whatever they are (tasks/io/http.py)

    def __post_init__(self):
        allowed_networks(self.allow_addresses)  # ValueError now, for the sources file to name, not at a fetch


class _Refused(Exception):
    """A response this fetcher will not take: no retry."""


class _Stopped(Exception):
    """A redirect led to a site whose robots.txt keeps us out, or that cannot be asked: the outcome and why."""

    def __init__(self, outcome: str, reason: str):
        super().__init__(reason)
        self.outcome = outcome


class _Retryable(Exception):
    def __init__(self, reason: str, wait: float | None = None):
        super().__init__(reason)
        self.wait = wait


def decode_html(raw: bytes, header_charset: str | None) -> tuple[str, str]:
    """(text, encoding) of a page: the HTTP header's charset and the page's own declaration are its
    witnesses, then the rules every input is decoded by (tasks/text/decoding.py)."""
    try:
        return decode(raw, (header_charset, declared_charset(raw)))
    except NotText as exc:
        raise _Refused(f"undecodable body: {exc}") from None


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
        # No proxy or .netrc credentials from the environment: what is checked is what is connected to.
        self.session.trust_env = False
        self.session.headers["User-Agent"] = self.settings.user_agent
        self.session.headers["Connection"] = "close"  # one connection per request, cut at its deadline
        for scheme in ("http://", "https://"):
            self.session.mount(scheme, GuardedAdapter())
        self._robots: dict[str, RobotFileParser | tuple[str, str]] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self._pacers: dict[str, _HostPacer] = {}
        self._lock = threading.Lock()
        self._allowed = allowed_networks(self.settings.allow_addresses)

    def fetch_many(self, urls: list[str], known: dict[str, Validators] | None = None,
                   accept: tuple[str, ...] = HTML_TYPES) -> list[FetchResult]:
        """Fetch urls concurrently across hosts, politely within each; results in the order given."""
        known = known or {}
        hosts = {urlsplit(u).netloc for u in urls}
        workers = max(1, min(16, len(hosts) * self.settings.max_per_host))
        with ThreadPoolExecutor(max_workers=workers) as pool:
            return list(pool.map(lambda u: self.fetch(u, known.get(u), accept), urls))

    def fetch(self, url: str, known: Validators | None = None, accept: tuple[str, ...] = HTML_TYPES) -> FetchResult:
        refusal = _url_refusal(url)
        if refusal:
            return FetchResult(url, "refused" if "credentials" in refusal else "failed", refusal)
        refusal = self._robots_refusal(url)
        if refusal:
            return FetchResult(url, *refusal)
        parts = urlsplit(url)
        result = FetchResult(url, "failed")
        delay = self.settings.backoff_seconds
        for attempt in range(1, self.settings.retries + 2):
            result.attempts = attempt
            try:
                with self._pacer(parts.netloc):
                    return self._attempt(url, known, result, accept)
            except Refused as refused:
                result.outcome, result.reason = "refused", str(refused)
                return result
            except _Stopped as stopped:
                result.outcome, result.reason = stopped.outcome, str(stopped)
                return result
            except _Refused as refused:
                result.reason = str(refused)
                return result
            except _Retryable as retry:
                result.reason = str(retry)
                wait = retry.wait if retry.wait is not None else delay * (1 + random.random())
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

    def _open(self, url: str, headers: dict[str, str], until: float, ask_robots: bool = True) -> requests.Response:
        """The response to GET url, its body unread, redirects followed by hand: each hop's URL and host is
        checked as the first's was, and connected to at the address checked; a hop to another site asks
        that site's robots.txt first (unless this is a robots.txt request: ask_robots). Refused, _Refused,
        _Stopped or a requests error otherwise. Call it inside deadline(until)."""
        origin = _origin(url)
        for _ in range(self.settings.max_redirects + 1):
            refusal = _url_refusal(url)
            if refusal:
                raise Refused(refusal) if "credentials" in refusal else _Refused(refusal)
            if ask_robots and _origin(url) != origin:
                stopped = self._robots_refusal(url)
                if stopped:
                    raise _Stopped(stopped[0], f"redirected to {redact(url)}: {stopped[1]}")
                origin = _origin(url)
            parts = urlsplit(url)
            port = parts.port or (443 if parts.scheme == "https" else 80)
            addresses = {(parts.hostname.lower(), port): checked_addresses(
                parts.hostname, port, self.settings.allow_private_networks, self._allowed)}
            timeout = (self.settings.connect_timeout, self.settings.read_timeout)
            try:
                with pinned(addresses):
                    response = self.session.get(url, headers=headers, timeout=timeout, stream=True,
                                                allow_redirects=False)
            except requests.RequestException:
                if time.monotonic() >= until:
                    raise _Refused(self._too_slow()) from None
                raise
            if not response.is_redirect:
                return response
            response.close()
            url = urljoin(url, response.headers["Location"])
        raise _Refused(f"too many redirects (more than {self.settings.max_redirects})")

    def _too_slow(self) -> str:
        return f"too slow: the server took over {self.settings.total_timeout:g} s (total_timeout) for one request"

    def _attempt(self, url: str, known: Validators | None, result: FetchResult,
                 accept: tuple[str, ...]) -> FetchResult:
        headers = {}
        if known and known.etag:
            headers["If-None-Match"] = known.etag
        if known and known.last_modified:
            headers["If-Modified-Since"] = known.last_modified
        until = time.monotonic() + self.settings.total_timeout
        with deadline(until), self._open(url, headers, until) as response:
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
            raw = self._read_capped(response, until)
            result.raw = raw
            result.text, result.encoding = decode_html(raw, response.encoding if "charset" in content_type else None)
            result.etag = response.headers.get("ETag")
            result.last_modified = response.headers.get("Last-Modified")
            result.outcome, result.reason = "fetched", "200 OK"
            return result

    def _read_capped(self, response: requests.Response, until: float) -> bytes:
        """The body, refused past max_bytes (declared or read) or past the request's deadline."""
        declared_length = response.headers.get("Content-Length", "")
        if declared_length.isdigit() and int(declared_length) > self.settings.max_bytes:
            raise _Refused(f"body too large: {declared_length} bytes (limit {self.settings.max_bytes})")
        chunks, size = [], 0
        try:
            for chunk in response.iter_content(64 * 1024):
                size += len(chunk)
                if size > self.settings.max_bytes:
                    raise _Refused(f"body too large: over {self.settings.max_bytes} bytes")
                chunks.append(chunk)
        except requests.RequestException:
            if time.monotonic() >= until:
                raise _Refused(self._too_slow()) from None
            raise
        if time.monotonic() >= until:  # cut at the deadline, a body may end early without an error
            raise _Refused(self._too_slow())
        return b"".join(chunks)

    def _pacer(self, host: str) -> _HostPacer:
        with self._lock:
            if host not in self._pacers:
                self._pacers[host] = _HostPacer(self.settings.max_per_host, self.settings.delay_seconds)
            return self._pacers[host]

    def _robots_refusal(self, url: str) -> tuple[str, str] | None:
        """(outcome, reason) when robots.txt keeps us from url, else None. A missing robots.txt (4xx) allows
        all; one that disallows url skips it; a site whose robots.txt cannot be read (no connection, 5xx,
        too slow) is not fetched from, and each of its URLs failed: the site is down or refusing us, which a
        run must say; a site at an address the policy refuses, refused."""
        origin = _origin(url)
        with self._lock:
            origin_lock = self._robots_locks.setdefault(origin, threading.Lock())
        with origin_lock:  # one robots.txt request per origin, however many threads ask
            rules = self._robots.get(origin)
            if rules is None:
                rules = self._robots[origin] = self._read_robots(origin)
        if isinstance(rules, tuple):
            return rules
        if not rules.can_fetch(self.settings.user_agent, url):
            return "skipped", "disallowed by robots.txt"
        return None

    def _read_robots(self, origin: str) -> RobotFileParser | tuple[str, str]:
        parser = RobotFileParser(origin + "/robots.txt")
        until = time.monotonic() + self.settings.total_timeout
        try:
            with (self._pacer(urlsplit(origin).netloc), deadline(until),
                  self._open(origin + "/robots.txt", {}, until, ask_robots=False) as response):
                status = response.status_code
                body = self._read_capped(response, until) if status == 200 else b""
        except Refused as exc:
            return "refused", str(exc)
        except (_Refused, requests.RequestException) as exc:
            reason = str(exc) if isinstance(exc, _Refused) else type(exc).__name__
            return "failed", f"robots.txt unreachable ({reason}): not fetching from {origin}"
        if status >= 500:
            return "failed", f"robots.txt answered HTTP {status}: not fetching from {origin}"
        parser.parse(body.decode("utf-8", errors="replace").splitlines())
        return parser


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _url_refusal(url: str) -> str | None:
    """Why a URL is not one to fetch at all: not http(s), no host, or credentials in it."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"unsupported URL: only http and https are fetched ({redact(url)!r})"
    if parts.username is not None or parts.password is not None:
        return f"refused: the URL carries credentials ({redact(url)})"
    return None
