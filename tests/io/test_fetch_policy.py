"""Fetch only the public web unless told otherwise: the address policy, at every hop, with no second lookup,
and no credential or token stored. Loopback only: names resolve through a test resolver, a fake public
address is routed to a server on 127.0.0.1, and any other connection fails the test before a packet goes."""
import os
import socket
import subprocess
import sys

import duckdb
import pytest

from cds_facts.flows.fetch import fetch
from cds_facts.tasks.io.fetch import Fetcher, FetchSettings
from cds_facts.tasks.io.http import address_refusal, policy_refusal

from conftest import ROOT, SEEDS

PUBLIC = "93.184.216.34"  # routed to the test server by the connection guard below
NAMES = {"news.test": PUBLIC, "other.test": PUBLIC, "intranet.test": "10.0.0.5", "metadata.test": "169.254.169.254",
         "ec2v6.test": "fd00:ec2::254", "metadata.google.internal": "169.254.169.254", "linklocal.test": "169.254.7.7",
         "cgnat.test": "100.64.1.1", "v6.test": "fd00::1", "mapped.test": "::ffff:127.0.0.1",
         "router.test": "192.168.1.1", "lo.test": "127.0.0.1"}
SETTINGS = FetchSettings(delay_seconds=0, retries=0, connect_timeout=2, read_timeout=2)


@pytest.fixture
def network(monkeypatch, httpserver):
    """Name resolution from NAMES; connections to PUBLIC:80 go to the test server; a connection anywhere
    else but loopback fails the test, and every attempt is recorded."""
    lookups, attempts = [], []
    real_getaddrinfo, real_connect = socket.getaddrinfo, socket.socket.connect

    def getaddrinfo(host, port, *args, **kwargs):
        lookups.append(host)
        if host in NAMES:
            address = NAMES[host]
            family = socket.AF_INET6 if ":" in address else socket.AF_INET
            sockaddr = (address, port or 80, 0, 0) if family == socket.AF_INET6 else (address, port or 80)
            return [(family, socket.SOCK_STREAM, 6, "", sockaddr)]
        return real_getaddrinfo(host, port, *args, **kwargs)

    def connect(sock, address):
        attempts.append(address[0])
        if address[0] in (PUBLIC, "10.0.0.5"):  # the intranet host is the test server too, when allowed
            return real_connect(sock, ("127.0.0.1", httpserver.port))
        if address[0] not in ("127.0.0.1", "::1", "localhost"):
            pytest.fail(f"a connection to {address} was attempted")
        return real_connect(sock, address)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", connect)
    httpserver.expect_request("/robots.txt").respond_with_data("")
    return lookups, attempts


@pytest.mark.parametrize("address, why", [
    ("127.0.0.1", "loopback"), ("::1", "loopback"), ("10.0.0.5", "private"), ("192.168.1.1", "private"),
    ("172.16.0.1", "private"), ("169.254.169.254", "link-local"), ("fe80::1", "link-local"),
    ("100.64.1.1", "carrier-grade NAT"), ("224.0.0.1", "multicast"), ("ff02::1", "multicast"),
    ("0.0.0.0", "unspecified"), ("::", "unspecified"), ("240.0.0.1", "reserved"), ("fd00::1", "private"),
    ("::ffff:127.0.0.1", "loopback"), ("192.0.2.7", "private"),
])
def test_addresses_off_the_public_internet_are_named_for_what_they_are(address, why):
    assert address_refusal(address).startswith(why)


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "1.1.1.1"])
def test_public_addresses_are_allowed(address):
    assert address_refusal(address) is None


@pytest.mark.parametrize("url", ["http://intranet.test/a.html", "http://linklocal.test/latest/meta-data",
                                 "http://cgnat.test/", "http://v6.test/", "http://mapped.test/",
                                 "http://router.test/admin", "http://lo.test:4200/api/flows",
                                 "http://127.0.0.1:4200/api/flows", "http://[::1]/", "http://169.254.1.1/"])
def test_a_url_whose_host_is_not_public_is_refused_before_any_connection(network, url):
    _, attempts = network
    result = Fetcher(SETTINGS).fetch(url)
    assert result.outcome == "refused" and "only public addresses are fetched" in result.reason
    assert attempts == []


def test_the_refusal_reads_as_english():
    assert address_refusal("0.0.0.0") == "unspecified address 0.0.0.0"
    assert "resolves to an unspecified address 0.0.0.0" in policy_refusal("zero.test", "0.0.0.0", False)
    assert "resolves to a loopback address" in policy_refusal("lo.test", "127.0.0.1", False)


def test_a_redirect_to_a_private_host_is_refused_at_the_hop(network, httpserver):
    _, attempts = network
    httpserver.expect_request("/moved.html").respond_with_data(
        "", status=302, headers={"Location": "http://intranet.test/admin"})
    result = Fetcher(SETTINGS).fetch("http://news.test/moved.html")
    assert result.outcome == "refused" and "intranet.test resolves to a private address 10.0.0.5" in result.reason
    assert attempts == [PUBLIC, PUBLIC]  # robots.txt and the page; never the metadata address
    assert [r.path for r, _ in httpserver.log] == ["/robots.txt", "/moved.html"]


def test_the_address_checked_is_the_address_connected_to(network, httpserver):
    lookups, attempts = network
    httpserver.expect_request("/a.html").respond_with_data(SEEDS.joinpath("000_44713c4afc3aa36d.txt").read_text(),
                                                           content_type="text/html")
    result = Fetcher(SETTINGS).fetch("http://news.test/a.html")
    assert result.outcome == "fetched"
    assert lookups.count("news.test") == 2 and attempts == [PUBLIC, PUBLIC]  # one lookup per request, used as is


def test_a_url_with_credentials_is_refused_and_none_is_stored(prefect_harness, network, httpserver, tmp_path):
    db = tmp_path / "w.duckdb"
    url = "http://editor:s3cret@news.test/a.html"
    counts = fetch(urls=[url], db=str(db))
    assert counts["failed"] == 1
    with duckdb.connect(str(db), read_only=True) as con:
        stored = str(con.execute("SELECT * FROM fetch_log").fetchall() + con.execute(
            "SELECT source_uri, error FROM quarantine").fetchall() + con.execute("SELECT inputs FROM runs").fetchall())
    assert "s3cret" not in stored and "REDACTED@news.test" in stored
    assert PUBLIC not in network[1] and httpserver.log == []  # nothing was asked of the site


def test_tokens_in_query_strings_are_stored_redacted(prefect_harness, network, httpserver, tmp_path):
    page = SEEDS.joinpath("003_3e42494f0bfc9d8c.txt").read_text(encoding="utf-8")
    httpserver.expect_request("/a.html").respond_with_data(page, content_type="text/html")
    httpserver.expect_request("/gone.html").respond_with_data("", status=404)
    db = tmp_path / "w.duckdb"
    fetch(urls=["http://news.test/a.html?id=7&access_token=tk-123456", "http://news.test/gone.html?api_key=ak-987"],
          db=str(db))
    with duckdb.connect(str(db), read_only=True) as con:
        stored = str([con.execute(f"SELECT * EXCLUDE ({blob}) FROM {table}").fetchall() for table, blob in (
            ("fetch_log", "attempts"), ("fetched_pages", "body_zlib"), ("documents", "clean_text"),
            ("document_sources", "doc_id"), ("quarantine", "raw"), ("runs", "run_id"))])
    assert "tk-123456" not in stored and "ak-987" not in stored
    assert "access_token=REDACTED-" in stored and "api_key=REDACTED-" in stored and "id=7" in stored


def test_feed_items_pointing_inside_the_network_are_refused_and_quarantined(prefect_harness, network, httpserver,
                                                                            tmp_path):
    httpserver.expect_request("/rss.xml").respond_with_data(
        "<rss><channel><item><link>http://intranet.test/secret.html</link></item>"
        "<item><link>http://169.254.169.254/latest/meta-data/</link></item></channel></rss>",
        content_type="application/rss+xml")
    sources = tmp_path / "sources.toml"
    sources.write_text('[[feed]]\nurl = "http://news.test/rss.xml"\n', encoding="utf-8")
    db = tmp_path / "w.duckdb"
    counts = fetch(sources_file=str(sources), db=str(db))
    assert counts["failed"] == 2
    with duckdb.connect(str(db), read_only=True) as con:
        assert sorted(con.execute("SELECT url, outcome FROM fetch_log WHERE url NOT LIKE '%rss.xml'").fetchall()) == [
            ("http://169.254.169.254/latest/meta-data/", "refused"), ("http://intranet.test/secret.html", "refused")]
        assert con.execute("SELECT DISTINCT stage FROM quarantine").fetchall() == [("fetch",)]
    assert set(network[1]) <= {PUBLIC, "127.0.0.1"}  # the site, and Prefect's API on loopback: nothing inside


def test_the_sources_file_can_allow_private_networks_for_an_intranet_crawl(prefect_harness, httpserver, tmp_path):
    httpserver.expect_request("/robots.txt").respond_with_data("")
    httpserver.expect_request("/a.html").respond_with_data(
        SEEDS.joinpath("000_44713c4afc3aa36d.txt").read_text(encoding="utf-8"), content_type="text/html")
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[fetch]\nallow_private_networks = true\n\n[[article]]\nurl = "{httpserver.url_for("/a.html")}"\n',
                       encoding="utf-8")
    assert fetch(sources_file=str(sources), db=str(tmp_path / "w.duckdb"))["new"] == 1


def test_cds_fetch_refuses_a_loopback_url_and_the_server_sees_no_request(httpserver, tmp_path):
    httpserver.expect_request("/a.html").respond_with_data("<html><body><p>x</p></body></html>",
                                                           content_type="text/html")
    db = tmp_path / "w.duckdb"
    result = subprocess.run([sys.executable, "-m", "cds_facts.flows.cli", "fetch", httpserver.url_for("/a.html"), "--db", str(db)],
                            capture_output=True, text=True, cwd=ROOT, timeout=300,
                            env={**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false"})
    assert result.returncode == 3, result.stderr
    assert "failed 1" in result.stdout and httpserver.log == []
    assert f"failed     {httpserver.url_for('/a.html')}: localhost resolves to a loopback address" in result.stdout
    with duckdb.connect(str(db), read_only=True) as con:
        (outcome, reason), = con.execute("SELECT outcome, reason FROM fetch_log").fetchall()
        (stage, error), = con.execute("SELECT stage, error FROM quarantine").fetchall()
    assert outcome == "refused" and stage == "fetch" and error == reason
    assert "resolves to a loopback address 127.0.0.1: only public addresses are fetched" in reason


def test_a_boolean_setting_takes_true_or_false_only(tmp_path):
    from cds_facts.tasks.io.sources_file import SourcesError, read_sources

    sources = tmp_path / "sources.toml"
    sources.write_text('[fetch]\nallow_private_networks = "false"\n', encoding="utf-8")
    with pytest.raises(SourcesError, match="allow_private_networks must be true or false"):
        read_sources(sources)


INTRANET = FetchSettings(delay_seconds=0, retries=0, connect_timeout=2, read_timeout=2, allow_private_networks=True)


@pytest.mark.parametrize("address", ["10.0.0.5", "192.168.1.1", "127.0.0.1", "::1", "fd00::1", "100.64.1.1"])
def test_an_intranet_crawl_reaches_private_loopback_and_carrier_grade_nat_addresses(address):
    assert policy_refusal("cms.test", address, allow_private=True) is None


@pytest.mark.parametrize("host, address", [
    ("metadata.test", "169.254.169.254"), ("ec2v6.test", "fd00:ec2::254"), ("alibaba.test", "100.100.100.200"),
    ("ecs.test", "169.254.170.2"), ("mapped.test", "::ffff:169.254.169.254"), ("metadata.google.internal", None),
    ("METADATA.GOOGLE.INTERNAL.", None), ("linklocal.test", "169.254.7.7"), ("router.test", "fe80::1"),
])
def test_an_intranet_crawl_still_refuses_metadata_endpoints_and_link_local_hosts(host, address):
    assert policy_refusal(host, address, allow_private=True)


def test_an_address_named_in_allow_addresses_is_reached_whatever_it_is():
    allowed = FetchSettings(allow_addresses=("169.254.169.254", "10.8.0.0/16"))
    from cds_facts.tasks.io.http import allowed_networks

    networks = allowed_networks(allowed.allow_addresses)
    assert policy_refusal("metadata.test", "169.254.169.254", False, networks) is None
    assert policy_refusal("vpn.test", "10.8.3.4", False, networks) is None
    assert policy_refusal("other.test", "10.9.0.1", False, networks)
    with pytest.raises(ValueError, match="allow_addresses: 'intranet' is not an IP address"):
        FetchSettings(allow_addresses=("intranet",))


@pytest.mark.parametrize("target", ["http://metadata.test/latest/meta-data/", "http://ec2v6.test/latest/",
                                    "http://metadata.google.internal/computeMetadata/v1/",
                                    "http://169.254.169.254/latest/meta-data/iam/"])
def test_with_private_networks_allowed_a_redirect_to_a_metadata_endpoint_is_refused(network, httpserver, target):
    _, attempts = network
    httpserver.expect_request("/moved.html").respond_with_data("", status=302, headers={"Location": target})
    result = Fetcher(INTRANET).fetch("http://news.test/moved.html")
    assert result.outcome == "refused" and "instance-metadata endpoint" in result.reason
    assert set(attempts) == {PUBLIC}  # robots.txt and the page; never the metadata address


def test_with_private_networks_allowed_feed_items_pointing_at_metadata_are_refused(prefect_harness, network,
                                                                                   httpserver, tmp_path):
    httpserver.expect_request("/rss.xml").respond_with_data(
        "<rss><channel><item><link>http://169.254.169.254/latest/meta-data/</link></item>"
        "<item><link>http://metadata.google.internal/computeMetadata/v1/</link></item>"
        "<item><link>http://intranet.test/a.html</link></item></channel></rss>", content_type="application/rss+xml")
    httpserver.expect_request("/a.html").respond_with_data(
        SEEDS.joinpath("000_44713c4afc3aa36d.txt").read_text(encoding="utf-8"), content_type="text/html")
    sources = tmp_path / "sources.toml"
    sources.write_text('[fetch]\nallow_private_networks = true\ndelay_seconds = 0\n\n'
                       '[[feed]]\nurl = "http://news.test/rss.xml"\n', encoding="utf-8")
    db = tmp_path / "w.duckdb"
    counts = fetch(sources_file=str(sources), db=str(db))
    assert (counts["new"], counts["failed"]) == (1, 2)  # the intranet page; not the two metadata links
    with duckdb.connect(str(db), read_only=True) as con:
        assert sorted(con.execute("SELECT url, outcome FROM fetch_log WHERE url NOT LIKE '%rss.xml'").fetchall()) == [
            ("http://169.254.169.254/latest/meta-data/", "refused"),
            ("http://intranet.test/a.html", "fetched"),
            ("http://metadata.google.internal/computeMetadata/v1/", "refused")]
    assert "169.254.169.254" not in network[1]


def test_a_redirect_to_another_site_asks_that_sites_robots_txt_first(network, httpserver):
    httpserver.expect_oneshot_request("/robots.txt", headers={"Host": "other.test"}).respond_with_data(
        "User-agent: *\nDisallow: /private/\n")
    httpserver.expect_request("/moved.html").respond_with_data(
        "", status=301, headers={"Location": "http://other.test/private/a.html"})
    result = Fetcher(SETTINGS).fetch("http://news.test/moved.html")
    assert (result.outcome, result.attempts) == ("skipped", 1)
    assert "redirected to http://other.test/private/a.html: disallowed by robots.txt" == result.reason
    # The one test server plays both sites: news.test's robots.txt allows everything (the fixture's),
    # other.test's is asked at the hop; the page behind the hop is never requested.
    assert [(r.headers["Host"], r.path) for r, _ in httpserver.log] == [
        ("news.test", "/robots.txt"), ("news.test", "/moved.html"), ("other.test", "/robots.txt")]



def test_allow_addresses_takes_a_list_of_addresses_only(tmp_path):
    from cds_facts.tasks.io.sources_file import SourcesError, read_sources

    sources = tmp_path / "sources.toml"
    sources.write_text('[fetch]\nallow_addresses = "10.0.0.5"\n', encoding="utf-8")
    with pytest.raises(SourcesError, match="allow_addresses must be a list"):
        read_sources(sources)
    sources.write_text('[fetch]\nallow_addresses = ["10.0.0.5", "cms.intranet"]\n', encoding="utf-8")
    with pytest.raises(SourcesError, match="'cms.intranet' is not an IP address or network"):
        read_sources(sources)
    sources.write_text('[fetch]\nallow_addresses = ["10.0.0.5", "fd00::/8"]\n', encoding="utf-8")
    assert read_sources(sources).settings.allow_addresses == ("10.0.0.5", "fd00::/8")
