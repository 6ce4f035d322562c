"""Fetching against a real HTTP server on 127.0.0.1 (pytest-httpserver): never the internet."""
import socket
import threading
import time
import unicodedata
import zlib

import duckdb
import pytest
from werkzeug import Response

from cds_facts.flows.fetch import fetch
from cds_facts.flows.ingest import ingest
from cds_facts.tasks.io.feeds import links_from_feed, links_from_listing
from cds_facts.tasks.io.fetch import FEED_TYPES, Fetcher, FetchSettings, Validators, decode_html

from conftest import DATA, cp1258

PAGE = (DATA / "html" / "bao_tinh_full_meta.html").read_bytes()
HTML = "text/html; charset=utf-8"
# The test servers are on loopback: the public-only rule is tested on its own (test_fetch_policy.py).
FAST = FetchSettings(allow_private_networks=True, delay_seconds=0, backoff_seconds=0.05, retries=2, connect_timeout=2,
                     read_timeout=2)


@pytest.fixture
def server(httpserver):
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /private/\n")
    return httpserver


def test_a_page_is_fetched_with_its_validators(server):
    server.expect_request("/tin/1.html").respond_with_data(PAGE, content_type=HTML, headers={"ETag": '"v1"'})
    result = Fetcher(FAST).fetch(server.url_for("/tin/1.html"))
    assert (result.outcome, result.status, result.etag, result.raw) == ("fetched", 200, '"v1"', PAGE)
    assert "Quảng Trị" in result.text


def test_robots_disallowed_url_is_never_requested(server):
    result = Fetcher(FAST).fetch(server.url_for("/private/secret.html"))
    assert (result.outcome, result.reason) == ("skipped", "disallowed by robots.txt")
    assert [r.path for r, _ in server.log] == ["/robots.txt"]


def test_server_error_then_success_is_retried(server):
    server.expect_oneshot_request("/flaky.html").respond_with_data("down", status=500)
    server.expect_oneshot_request("/flaky.html").respond_with_data(PAGE, content_type=HTML)
    result = Fetcher(FAST).fetch(server.url_for("/flaky.html"))
    assert (result.outcome, result.attempts) == ("fetched", 2)


def test_429_waits_as_long_as_retry_after_says(server):
    server.expect_oneshot_request("/busy.html").respond_with_data("slow down", status=429, headers={"Retry-After": "1"})
    server.expect_oneshot_request("/busy.html").respond_with_data(PAGE, content_type=HTML)
    started = time.monotonic()
    result = Fetcher(FAST).fetch(server.url_for("/busy.html"))
    assert result.outcome == "fetched" and time.monotonic() - started >= 1.0


def test_other_client_errors_are_not_retried(server):
    server.expect_request("/gone.html").respond_with_data("no", status=404)
    result = Fetcher(FAST).fetch(server.url_for("/gone.html"))
    assert (result.outcome, result.reason, result.attempts) == ("failed", "HTTP 404", 1)


def test_a_response_slower_than_the_timeout_fails_after_retries(server):
    def slow(request):
        time.sleep(1.5)
        return Response(PAGE, content_type=HTML)

    server.expect_request("/slow.html").respond_with_handler(slow)
    settings = FetchSettings(allow_private_networks=True, delay_seconds=0, backoff_seconds=0.01, retries=1,
                             read_timeout=0.5)
    result = Fetcher(settings).fetch(server.url_for("/slow.html"))
    assert result.outcome == "failed" and "Timeout" in result.reason and result.attempts == 2


def test_a_conditional_request_gets_304(server):
    def conditional(request):
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304)
        return Response(PAGE, content_type=HTML, headers={"ETag": '"v1"'})

    server.expect_request("/tin/2.html").respond_with_handler(conditional)
    result = Fetcher(FAST).fetch(server.url_for("/tin/2.html"), Validators(etag='"v1"'))
    assert (result.outcome, result.status, result.raw) == ("not_modified", 304, None)


class LingeringServer:
    """An HTTP/1.1 server on 127.0.0.1 that answers one request per connection without a Connection
    header and closes the connection a moment later, as servers that honour 'Connection: close' without
    echoing it do. It counts connections and requests; routes: path -> (status, headers, body)."""

    def __init__(self, routes: dict[str, tuple[int, dict[str, str], bytes]]):
        self.routes, self.connections, self.requests = routes, 0, []
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn):
        with conn:
            head = b""
            while b"\r\n\r\n" not in head:
                data = conn.recv(4096)
                if not data:
                    return
                head += data
            path = head.split(b" ")[1].decode()
            self.requests.append(path)
            status, headers, body = self.routes.get(path, (404, {}, b"not here"))
            lines = [f"HTTP/1.1 {status} X", f"Content-Length: {len(body)}", *(f"{k}: {v}" for k, v in headers.items())]
            conn.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
            time.sleep(0.3)  # the close comes after the client has its answer

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def close(self):
        self.sock.close()


def test_a_redirect_chain_takes_one_connection_a_hop_and_no_retry():
    site = LingeringServer({"/robots.txt": (200, {"Content-Type": "text/plain"}, b""),
                            "/a": (302, {"Location": "/b"}, b""), "/b": (302, {"Location": "/c"}, b""),
                            "/c": (200, {"Content-Type": HTML}, PAGE)})
    try:
        result = Fetcher(FAST).fetch(site.url("/a"))
    finally:
        site.close()
    assert (result.outcome, result.attempts) == ("fetched", 1), result.reason
    assert site.requests == ["/robots.txt", "/a", "/b", "/c"] and site.connections == 4


def test_a_redirect_loop_is_cut(server):
    server.expect_request("/a").respond_with_data("", status=302, headers={"Location": "/b"})
    server.expect_request("/b").respond_with_data("", status=302, headers={"Location": "/a"})
    result = Fetcher(FAST).fetch(server.url_for("/a"))
    assert result.outcome == "failed" and "too many redirects" in result.reason


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "streamed"])
def test_an_oversized_body_is_refused(server, declared):
    body = b"<html><body>" + b"x" * 5000 + b"</body></html>"
    if declared:
        server.expect_request("/big.html").respond_with_data(body, content_type=HTML)
    else:
        server.expect_request("/big.html").respond_with_handler(
            lambda request: Response(iter([body[:2000], body[2000:]]), content_type=HTML))
    settings = FetchSettings(allow_private_networks=True, delay_seconds=0, max_bytes=1000)
    result = Fetcher(settings).fetch(server.url_for("/big.html"))
    assert result.outcome == "failed" and result.reason.startswith("body too large")


def test_a_pdf_is_refused_with_its_content_type(server):
    server.expect_request("/report.pdf").respond_with_data(b"%PDF-1.7", content_type="application/pdf")
    result = Fetcher(FAST).fetch(server.url_for("/report.pdf"))
    assert (result.outcome, result.reason) == ("failed", "not an HTML page: application/pdf")


def test_only_http_and_https_are_fetched():
    assert Fetcher(FAST).fetch("file:///etc/passwd").outcome == "failed"


@pytest.mark.parametrize("content_type, meta", [
    ("text/html; charset=windows-1258", ""),  # declared in the header
    ("text/html", '<meta charset="windows-1258">'),  # declared in the page
    ("text/html; charset=utf-8", '<meta charset="windows-1258">'),  # mislabelled: the header lies
])
def test_a_windows_1258_page_comes_out_as_vietnamese(server, content_type, meta):
    text = "Tỉnh Thanh Hóa có 1.805 dịch vụ công trực tuyến, người dân hài lòng."
    server.expect_request("/cp.html").respond_with_data(
        cp1258(f"<html><head>{meta}</head><body><p>{text}</p></body></html>"), content_type=content_type)
    result = Fetcher(FAST).fetch(server.url_for("/cp.html"))
    assert text in unicodedata.normalize("NFC", result.text)


def test_charset_detection_when_nothing_is_declared():
    text = "<html><body><p>Chuyển đổi số tại Cà Mau: 4.970 trạm BTS phủ sóng toàn tỉnh, người dân hưởng lợi.</p></body></html>"
    decoded, _ = decode_html(cp1258(text), None)
    assert unicodedata.normalize("NFC", decoded) == text


def test_rss_and_atom_feeds_give_article_links():
    rss = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>CĐS</title>
      <item><title>Tin 1</title><link>https://bao.example.vn/tin-1.html</link></item>
      <item><title>Tin 2</title><link>/tin-2.html</link></item></channel></rss>"""
    atom = """<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">
      <entry><link rel="alternate" href="https://bao.example.vn/tin-3.html"/></entry></feed>"""
    assert links_from_feed(rss, "https://bao.example.vn/rss.xml") == [
        "https://bao.example.vn/tin-1.html", "https://bao.example.vn/tin-2.html"]
    assert links_from_feed(atom, "https://bao.example.vn/atom.xml") == ["https://bao.example.vn/tin-3.html"]


def test_a_listing_page_gives_the_links_its_selector_picks():
    listing = """<html><body><nav><a href="/">Trang chủ</a></nav>
      <div class="list"><h3 class="title"><a href="/cds/tin-1.html">Tin 1</a></h3>
      <h3 class="title"><a href="tin-2.html#top">Tin 2</a></h3><h3 class="title">no link</h3></div>
      <a href="mailto:toasoan@bao.vn">Liên hệ</a></body></html>"""
    assert links_from_listing(listing, "https://bao.example.vn/cds/", "h3.title") == [
        "https://bao.example.vn/cds/tin-1.html", "https://bao.example.vn/cds/tin-2.html"]


def test_a_feed_is_fetched_with_its_xml_type(server):
    server.expect_request("/rss.xml").respond_with_data("<rss><channel></channel></rss>",
                                                        content_type="application/rss+xml")
    assert Fetcher(FAST).fetch(server.url_for("/rss.xml"), accept=FEED_TYPES).outcome == "fetched"


# The flow, end to end: pages served on 127.0.0.1 land as ingesting the same files does.

PAGES = sorted((DATA / "html").glob("*.html"))


def query(db, sql):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


@pytest.fixture
def site(server):
    for page in PAGES:
        server.expect_request(f"/cds/{page.name}").respond_with_data(page.read_bytes(), content_type=HTML,
                                                                     headers={"ETag": f'"{page.stem}"'})
    return server


def test_fetched_pages_land_as_the_same_files_ingested(prefect_harness, site, tmp_path):
    urls = [site.url_for(f"/cds/{page.name}") for page in PAGES] + [site.url_for("/private/hidden.html")]
    fetched_db, ingested_db = tmp_path / "fetched.duckdb", tmp_path / "ingested.duckdb"
    counts = fetch(allow_private_networks=True, urls=urls, db=str(fetched_db))
    ingest(paths=[str(DATA / "html")], db=str(ingested_db))
    assert (counts["new"], counts["skipped"], counts["failed"]) == (len(PAGES), 1, 0)
    same = ("SELECT d.doc_id, d.title, d.outlet, d.published_at, d.authors, d.province, d.clean_text FROM documents d"
            " ORDER BY 1")
    assert query(fetched_db, same) == query(ingested_db, same)
    facts = "SELECT fact_id, kind, value, denominator, indicator, province, status FROM facts ORDER BY 1"
    assert query(fetched_db, facts) == query(ingested_db, facts)
    assert query(fetched_db, "SELECT url, outcome, reason FROM fetch_log WHERE outcome = 'skipped'") == [
        (site.url_for("/private/hidden.html"), "skipped", "disallowed by robots.txt")]
    assert "/private/hidden.html" not in [r.path for r, _ in site.log]
    stored = query(fetched_db, "SELECT body_zlib FROM fetched_pages WHERE url LIKE '%cong_thong_tin_no_meta.html'")
    assert zlib.decompress(stored[0][0]) == (DATA / "html" / "cong_thong_tin_no_meta.html").read_bytes()


def test_a_second_fetch_changes_nothing(prefect_harness, site, tmp_path):
    urls = [site.url_for(f"/cds/{page.name}") for page in PAGES]
    db = tmp_path / "cds.duckdb"
    fetch(allow_private_networks=True, urls=urls, db=str(db))
    before = query(db, "SELECT * FROM facts ORDER BY fact_id"), query(db, "SELECT doc_id, loaded_at FROM documents")
    counts = fetch(allow_private_networks=True, urls=urls, db=str(db))
    assert (counts["new"], counts["changed"], counts["unchanged"], counts["facts"]) == (0, 0, len(PAGES), 0)
    assert (query(db, "SELECT * FROM facts ORDER BY fact_id"),
            query(db, "SELECT doc_id, loaded_at FROM documents")) == before


def test_failed_urls_are_quarantined_and_the_run_goes_on(prefect_harness, site, tmp_path):
    site.expect_request("/cds/report.pdf").respond_with_data(b"%PDF-1.7", content_type="application/pdf")
    db = tmp_path / "cds.duckdb"
    counts = fetch(allow_private_networks=True, urls=[site.url_for("/cds/report.pdf"), site.url_for(f"/cds/{PAGES[0].name}")], db=str(db))
    assert (counts["new"], counts["failed"]) == (1, 1)
    assert query(db, "SELECT stage, error FROM quarantine") == [("fetch", "not an HTML page: application/pdf")]
    assert query(db, "SELECT status, failed FROM runs") == [("completed", 1)]


def test_a_sources_file_follows_new_links_in_feeds_and_listings(prefect_harness, site, tmp_path):
    rss = ("<?xml version='1.0' encoding='utf-8'?><rss><channel>"
           f"<item><link>{site.url_for('/cds/' + PAGES[0].name)}</link></item>"
           f"<item><link>{site.url_for('/cds/' + PAGES[1].name)}</link></item></channel></rss>")
    site.expect_request("/rss.xml").respond_with_data(rss, content_type="application/rss+xml")
    listing = "".join(f'<h3 class="title"><a href="/cds/{page.name}">x</a></h3>' for page in PAGES[1:])
    site.expect_request("/cds/").respond_with_data(f"<html><body>{listing}</body></html>", content_type=HTML)
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[fetch]\ndelay_seconds = 0\n\n[[feed]]\nurl = "{site.url_for("/rss.xml")}"\n\n'
                       f'[[listing]]\nurl = "{site.url_for("/cds/")}"\nselector = "h3.title"\n', encoding="utf-8")
    db = tmp_path / "cds.duckdb"
    assert fetch(allow_private_networks=True, sources_file=str(sources), db=str(db))["new"] == len(PAGES)
    site.clear_log()
    counts = fetch(allow_private_networks=True, sources_file=str(sources), db=str(db))  # known links are not followed again
    assert (counts["seen"], counts["new"]) == (0, 0)
    assert sorted(r.path for r, _ in site.log) == ["/cds/", "/robots.txt", "/rss.xml"]


def test_one_page_under_two_urls_in_two_batches_is_one_document_counted_once(prefect_harness, site, tmp_path):
    site.expect_request("/mirror/same.html").respond_with_data(PAGES[0].read_bytes(), content_type=HTML)
    urls = [site.url_for(f"/cds/{PAGES[0].name}"), site.url_for("/mirror/same.html"),
            site.url_for(f"/cds/{PAGES[1].name}")]
    db = tmp_path / "cds.duckdb"
    counts = fetch(allow_private_networks=True, urls=urls, db=str(db), batch_size=1)
    assert (counts["seen"], counts["new"], counts["unchanged"]) == (3, 2, 1)
    assert counts["facts"] == query(db, "SELECT count(*) FROM facts")[0][0]
    assert query(db, "SELECT source_uri FROM documents ORDER BY 1") == sorted([(urls[0],), (urls[2],)])


@pytest.mark.parametrize("batch_size", [1, 50])
def test_a_page_moved_to_a_new_url_is_kept_when_its_old_url_gets_new_content(prefect_harness, server, tmp_path,
                                                                              batch_size):
    db = tmp_path / "cds.duckdb"
    server.expect_request("/old.html").respond_with_data(PAGES[0].read_bytes(), content_type=HTML)
    fetch(allow_private_networks=True, urls=[server.url_for("/old.html")], db=str(db))
    server.clear_all_handlers()
    server.expect_request("/robots.txt").respond_with_data("")
    server.expect_request("/old.html").respond_with_data(PAGES[1].read_bytes(), content_type=HTML)
    server.expect_request("/new.html").respond_with_data(PAGES[0].read_bytes(), content_type=HTML)
    counts = fetch(allow_private_networks=True, urls=[server.url_for("/old.html"), server.url_for("/new.html")], db=str(db),
                   batch_size=batch_size)
    assert (counts["seen"], counts["failed"]) == (2, 0)
    assert query(db, "SELECT source_uri FROM documents ORDER BY 1") == [
        (server.url_for("/new.html"),), (server.url_for("/old.html"),)]
    assert query(db, "SELECT count(DISTINCT doc_id) FROM facts") == [(2,)]


def test_a_page_met_at_its_new_url_first_is_not_deleted_when_its_old_url_has_new_content(prefect_harness, server,
                                                                                          tmp_path):
    db = tmp_path / "cds.duckdb"
    server.expect_request("/old.html").respond_with_data(PAGES[0].read_bytes(), content_type=HTML)
    fetch(allow_private_networks=True, urls=[server.url_for("/old.html")], db=str(db))
    held = query(db, "SELECT doc_id FROM documents")
    server.clear_all_handlers()
    server.expect_request("/robots.txt").respond_with_data("")
    server.expect_request("/old.html").respond_with_data(PAGES[1].read_bytes(), content_type=HTML)
    server.expect_request("/new.html").respond_with_data(PAGES[0].read_bytes(), content_type=HTML)
    counts = fetch(allow_private_networks=True, urls=[server.url_for("/new.html"), server.url_for("/old.html")], db=str(db), batch_size=1)
    assert (counts["unchanged"], counts["changed"], counts["new"], counts["failed"]) == (1, 1, 0, 0)
    assert query(db, "SELECT count(*) FROM documents") == [(2,)]
    assert set(held) <= set(query(db, "SELECT DISTINCT doc_id FROM facts"))
