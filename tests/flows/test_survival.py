"""Nothing lost across runs: documents outlive their files, every input is decoded or accounted for,
runs end in a state, and nothing a run starts outlives it. Each test is a reproduction a user met."""
import hashlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from cds_facts.flows.ingest import ingest
from cds_facts.tasks.io import store

from conftest import ROOT, SEEDS, cp1258, seed_path

BODY = "Tỉnh Cà Mau có 1.805 dịch vụ công trực tuyến, trong đó có 905 dịch vụ toàn trình."


def rows(db, sql, params=None):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def test_an_article_copied_to_an_archive_outlives_the_inbox_file_that_brought_it(prefect_harness, tmp_path):
    inbox, archive, db = tmp_path / "in" / "inbox", tmp_path / "in" / "archive", str(tmp_path / "w.duckdb")
    inbox.mkdir(parents=True)
    archive.mkdir()
    shutil.copy(seed_path("000"), inbox / "p1.txt")
    loaded = ingest(paths=[str(inbox)], db=db)
    assert loaded["new"] == 1
    shutil.copy(inbox / "p1.txt", archive / "p2.txt")
    shutil.copy(seed_path("001"), inbox / "p1.txt")
    assert ingest(paths=[str(archive)], db=db)["unchanged"] == 1
    counts = ingest(paths=[str(inbox)], db=db)
    assert (counts["changed"], counts["new"], counts["failed"]) == (1, 0, 0)
    first, second = (hashlib.sha256(p.read_bytes()).hexdigest()[:24] for p in (archive / "p2.txt", inbox / "p1.txt"))
    assert rows(db, "SELECT doc_id, source_uri FROM documents ORDER BY doc_id") == sorted(
        [(first, str(archive / "p2.txt")), (second, str(inbox / "p1.txt"))])
    assert dict(rows(db, "SELECT doc_id, count(*) FROM facts GROUP BY 1")) == {first: loaded["facts"], second: counts["facts"]}
    assert rows(db, "SELECT count(*) FROM document_raw") == [(2,)]


def test_a_deleted_file_keeps_its_article(prefect_harness, tmp_path):
    folder, db = tmp_path / "in", str(tmp_path / "w.duckdb")
    folder.mkdir()
    shutil.copy(seed_path("002"), folder / "a.txt")
    ingest(paths=[str(folder)], db=db)
    (folder / "a.txt").unlink()
    shutil.copy(seed_path("003"), folder / "b.txt")
    ingest(paths=[str(folder)], db=db)
    assert rows(db, "SELECT source_name FROM documents ORDER BY 1") == [("a.txt",), ("b.txt",)]


SEED = seed_path("003").read_text(encoding="utf-8")


@pytest.mark.parametrize("name, content, encoding", [
    ("css.html", cp1258(f"<html><head><style>{'.a{{margin:0 auto}}' * 900}</style></head>"
                        f"<body><p>{BODY}</p></body></html>"), "cp1258 (detected)"),
    ("declared.html", cp1258(f'<html><head><meta charset="windows-1258"><style>{".a{{margin:0}}" * 900}</style>'
                             f"</head><body><p>{BODY}</p></body></html>"), "windows-1258 (declared)"),
])
def test_a_legacy_page_comes_out_as_vietnamese(prefect_harness, tmp_path, name, content, encoding):
    (tmp_path / name).write_bytes(content)
    db = tmp_path / "w.duckdb"
    ingest(paths=[str(tmp_path / name)], db=str(db))
    (text, used), = rows(db, "SELECT clean_text, encoding FROM documents")
    assert used == encoding and BODY in text
    assert rows(db, "SELECT value FROM facts ORDER BY 1") == [(905.0,), (1805.0,)]


@pytest.mark.parametrize("content, encoding", [
    (b"\xef\xbb\xbf" + SEED.encode() + b"\n\xff\n",
     "utf-8 (byte-order mark), 1 invalid byte sequence(s) replaced"),
    (SEED.encode("utf-16-le"), "utf-16-le (detected, no byte-order mark)"),
    (SEED.encode("utf-16-be"), "utf-16-be (detected, no byte-order mark)"),
    (SEED.encode("utf-16"), "utf-16 (byte-order mark)"),
], ids=["utf-8 BOM, a broken byte", "utf-16-le", "utf-16-be", "utf-16 BOM"])
def test_an_article_in_utf16_or_with_a_bom_and_a_broken_byte_is_kept(prefect_harness, tmp_path, content, encoding):
    (tmp_path / "a.txt").write_bytes(content)
    shutil.copy(seed_path("003"), tmp_path / "utf8.txt")
    db = tmp_path / "w.duckdb"
    counts = ingest(paths=[str(tmp_path)], db=str(db))
    assert (counts["new"], counts["failed"]) == (2, 0)
    assert rows(db, "SELECT encoding FROM documents WHERE source_name = 'a.txt'") == [(encoding,)]
    facts = "SELECT kind, value, denominator FROM facts JOIN documents USING (doc_id) WHERE source_name = ? ORDER BY 2"
    assert rows(db, facts, ["a.txt"]) == rows(db, facts, ["utf8.txt"])


def test_a_file_name_that_is_not_utf8_is_stored_escaped_and_stops_nothing(prefect_harness, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    bad_name = os.fsdecode(b"b\xe0i.txt")  # as an old archive or a Windows copy names it
    shutil.copy(seed_path("000"), folder / bad_name)
    shutil.copy(seed_path("001"), folder / "z_after.txt")
    db = tmp_path / "w.duckdb"
    counts = ingest(paths=[str(folder)], db=str(db))
    assert (counts["new"], counts["failed"]) == (2, 0)
    assert rows(db, "SELECT source_name FROM documents ORDER BY 1") == [("b\\xe0i.txt",), ("z_after.txt",)]
    assert ingest(paths=[str(folder)], db=str(db))["unchanged"] == 2  # the escaped name is the same on every run


def test_a_name_typed_like_an_escaped_byte_is_another_source_and_both_articles_stay(prefect_harness, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(seed_path("000"), folder / os.fsdecode(b"b\xe0i.txt"))
    shutil.copy(seed_path("001"), folder / "b\\xe0i.txt")  # a backslash, x, e, 0 typed into the name
    db = tmp_path / "w.duckdb"
    assert ingest(paths=[str(folder)], db=str(db))["new"] == 2
    again = ingest(paths=[str(folder)], db=str(db))
    assert (again["unchanged"], again["changed"], again["new"]) == (2, 0, 0)
    assert rows(db, "SELECT source_name FROM documents ORDER BY 1") == [("b\\\\xe0i.txt",), ("b\\xe0i.txt",)]
    assert rows(db, "SELECT count(*) FROM document_sources") == [(2,)]


def test_fifos_and_devices_are_quarantined_before_any_read(prefect_harness, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "x.txt")  # opened for reading, it would wait for a writer forever
    (folder / "zero.txt").symlink_to("/dev/zero")  # its size is 0; read, it never ends
    shutil.copy(seed_path("000"), folder / "good.txt")
    db = tmp_path / "w.duckdb"
    started = time.monotonic()
    counts = ingest(paths=[str(folder)], db=str(db))
    assert time.monotonic() - started < 120
    assert (counts["seen"], counts["new"], counts["failed"]) == (3, 1, 2)
    assert rows(db, "SELECT regexp_extract(source_uri, '[^/]+$'), stage, error FROM quarantine ORDER BY 1") == [
        ("x.txt", "read", "not a regular file (a FIFO): nothing is read from it"),
        ("zero.txt", "read", "not a regular file (a character device): nothing is read from it")]


def test_repeats_of_a_bad_input_are_each_quarantined_and_the_counts_add_up(prefect_harness, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a_empty.txt", "b_empty.txt"):
        (folder / name).write_bytes(b"")
    for name in ("c_binary.txt", "d_binary.txt"):
        (folder / name).write_bytes(bytes(range(256)) * 4)
    db = tmp_path / "w.duckdb"
    counts = ingest(paths=[str(folder)], db=str(db), batch_size=1)
    assert (counts["seen"], counts["failed"], counts["unchanged"]) == (4, 4, 0)
    assert rows(db, "SELECT count(DISTINCT source_uri) FROM quarantine") == [(4,)]
    held = rows(db, "SELECT count(*) FROM document_sources")[0][0]
    assert held + rows(db, "SELECT count(*) FROM quarantine")[0][0] == counts["seen"]


def test_two_runs_at_once_report_what_the_warehouse_gained(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):  # b overlaps a: the same five articles under other names
        shutil.copy(seed, a / seed.name)
        shutil.copy(seed, b / f"copy_{seed.name}")
    shutil.copy(seed_path("000"), b / "extra.txt")  # and one more name for one of them
    db = tmp_path / "w.duckdb"
    runs = [subprocess.Popen([sys.executable, "-m", "cds_facts.flows.cli", "ingest", str(folder), "--db", str(db),
                              "--batch-size", "2"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True) for folder in (a, b)]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], [err for _, err in outputs]
    reported = rows(db, "SELECT sum(new), sum(facts), sum(unchanged) FROM runs")[0]
    assert reported == (5, 110, 6)  # five new articles and their facts, counted once; six copies held
    assert rows(db, "SELECT count(*), (SELECT count(*) FROM facts) FROM documents") == [(5, 110)]
    assert rows(db, "SELECT count(*) FROM document_sources") == [(11,)]
    sources = {uri for (uri,) in rows(db, "SELECT source_uri FROM documents")}
    assert len(sources) == 5 and all(Path(uri).exists() for uri in sources)


def test_a_run_whose_process_died_is_marked_failed_by_the_next(tmp_path):
    db = tmp_path / "w.duckdb"
    store.prepare(db)
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    with duckdb.connect(str(db)) as con:
        con.execute("INSERT INTO runs (run_id, flow_name, started_at, status, pid, host)"
                    " VALUES ('dead-run', 'ingest', now(), 'running', ?, ?)", [gone.pid, socket.gethostname()])
        con.execute("INSERT INTO runs (run_id, flow_name, started_at, status, pid, host)"
                    " VALUES ('live-run', 'ingest', now(), 'running', ?, ?)", [os.getpid(), socket.gethostname()])
    store.prepare(db)
    assert dict(rows(db, "SELECT run_id, status FROM runs")) == {"dead-run": "failed", "live-run": "running"}
    listed = subprocess.run([sys.executable, "-m", "cds_facts.flows.cli", "runs", "--db", str(db)], capture_output=True,
                            text=True, cwd=ROOT, timeout=60)
    assert "failed" in listed.stdout and "its process ended without closing the run" in listed.stdout


def test_a_failed_run_is_marked_failed_with_its_error(prefect_harness, tmp_path, monkeypatch):
    db = tmp_path / "w.duckdb"

    def broken(*_):
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(store, "write_batch", broken)
    with pytest.raises(RuntimeError, match="the disk went away"):
        ingest(paths=[str(SEEDS)], db=str(db))
    assert rows(db, "SELECT status, error FROM runs") == [("failed", "RuntimeError: the disk went away")]


def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    parent = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(parent, []).append(int(entry))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the parent-death signal is Linux's")
def test_killing_the_command_ends_its_workers_and_its_temporary_prefect_server(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for copy in range(60):  # enough batches for the worker pool to start
        for seed in sorted(SEEDS.glob("*.txt")):
            (folder / f"{copy:02d}_{seed.name}").write_bytes(seed.read_bytes() + f"\nban {copy}\n".encode())
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"} | {"PREFECT_HOME": str(tmp_path / "ph")}
    run = subprocess.Popen([sys.executable, "-m", "cds_facts.flows.cli", "ingest", str(folder), "--db", str(tmp_path / "w.duckdb"),
                            "--batch-size", "5", "--workers", "2", "-v"], cwd=ROOT, env=env, text=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for line in run.stderr:  # the workers run once a batch has been cleaned
        if "batch 1/" in line:
            break
    spawned = _descendants(run.pid)
    assert len(spawned) >= 3, spawned  # the server and two workers at least
    run.kill()
    run.wait()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(_alive(pid) for pid in spawned):
        time.sleep(0.5)
    assert [pid for pid in spawned if _alive(pid)] == []


def test_a_killed_runs_spool_folder_is_removed_by_the_next_run(prefect_harness, tmp_path):
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    host = socket.gethostname()
    stale = tmp_path / f".cds-spool-{host}-{gone.pid}-abc123"
    live = tmp_path / f".cds-spool-{host}-{os.getpid()}-def456"
    for folder in (stale, live):
        folder.mkdir()
        (folder / "batch.tables").write_bytes(b"x" * 1000)
    ingest(paths=[str(SEEDS)], db=str(tmp_path / "w.duckdb"))
    assert not stale.exists() and live.exists()


class _Trickle(threading.Thread):
    """An HTTP server on 127.0.0.1 that answers robots.txt at once and every page a byte at a time."""

    def __init__(self):
        super().__init__(daemon=True)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]

    def run(self):
        while True:
            connection, _ = self.listener.accept()
            threading.Thread(target=self.answer, args=(connection,), daemon=True).start()

    def answer(self, connection):
        with connection:
            request = connection.recv(4096)
            if b"/robots.txt" in request:
                connection.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                return
            connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n")
            try:
                for _ in range(600):
                    connection.sendall(b"x")
                    time.sleep(0.1)
            except OSError:
                pass


def test_a_server_trickling_a_byte_at_a_time_is_cut_at_the_total_timeout():
    from cds_facts.tasks.io.fetch import Fetcher, FetchSettings

    server = _Trickle()
    server.start()
    settings = FetchSettings(allow_private_networks=True, delay_seconds=0, read_timeout=5, total_timeout=1.5,
                             retries=0)
    started = time.monotonic()
    result = Fetcher(settings).fetch(f"http://127.0.0.1:{server.port}/slow.html")
    assert time.monotonic() - started < 10
    assert (result.outcome, result.reason) == ("failed", "too slow: the server took over 1.5 s (total_timeout) for"
                                                         " one request")


def test_robots_txt_is_read_under_the_same_byte_cap_as_pages(httpserver):
    import gzip

    from cds_facts.tasks.io.fetch import Fetcher, FetchSettings

    bomb = gzip.compress(b"Disallow: /x\n" * 2_000_000)  # 26 MB unpacked, a few KB on the wire
    httpserver.expect_request("/robots.txt").respond_with_data(bomb, headers={"Content-Encoding": "gzip"},
                                                               content_type="text/plain")
    settings = FetchSettings(allow_private_networks=True, delay_seconds=0, max_bytes=2**20, retries=0)
    result = Fetcher(settings).fetch(httpserver.url_for("/a.html"))
    assert result.outcome == "failed" and "body too large: over 1048576 bytes" in result.reason
    assert [r.path for r, _ in httpserver.log] == ["/robots.txt"]


# --- the property: after any sequence of file operations and runs, the warehouse holds exactly the
# articles its sources last held. A source keeps its claim when its file goes (documents outlive their
# files) and moves it when its file gets other bytes; a document no source claims is gone.

ARTICLES = [seed.read_bytes() + f"\nban sao {tag}\n".encode() for seed in sorted(SEEDS.glob("*.txt"))
            for tag in "ab"]
FOLDERS = ("inbox", "archive", "old")
operation = st.one_of(
    st.tuples(st.just("write"), st.sampled_from(FOLDERS), st.integers(0, 3), st.integers(0, len(ARTICLES) - 1)),
    st.tuples(st.just("copy"), st.sampled_from(FOLDERS), st.integers(0, 3), st.sampled_from(FOLDERS),
              st.integers(0, 3)),
    st.tuples(st.just("move"), st.sampled_from(FOLDERS), st.integers(0, 3), st.sampled_from(FOLDERS),
              st.integers(0, 3)),
    st.tuples(st.just("delete"), st.sampled_from(FOLDERS), st.integers(0, 3)),
    st.tuples(st.just("run"), st.sets(st.sampled_from(FOLDERS), min_size=1), st.sampled_from([1, 200])),
)


@pytest.mark.slow
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(operation, min_size=4, max_size=14))
def test_the_warehouse_holds_exactly_the_articles_its_sources_last_held(prefect_harness, operations):
    with tempfile.TemporaryDirectory() as work:
        root, db = Path(work), str(Path(work) / "w.duckdb")
        for folder in FOLDERS:
            (root / folder).mkdir()
        claims: dict[str, bytes] = {}  # the model: each source's bytes at the last run that saw it
        for op in operations + [("run", set(FOLDERS), 200)]:
            kind, *args = op
            path = lambda folder, number: root / folder / f"{number}.txt"  # noqa: E731
            if kind == "write":
                path(args[0], args[1]).write_bytes(ARTICLES[args[2]])
            elif kind in ("copy", "move") and path(args[0], args[1]).exists():
                source, target = path(args[0], args[1]), path(args[2], args[3])
                if source != target:
                    shutil.copy(source, target)
                    if kind == "move":
                        source.unlink()
            elif kind == "delete" and path(*args).exists():
                path(*args).unlink()
            elif kind == "run":
                folders, batch_size = args
                counts = ingest(paths=[str(root / f) for f in sorted(folders)], db=db, batch_size=batch_size)
                assert counts["failed"] == 0
                for folder in folders:
                    for file in (root / folder).iterdir():
                        claims[str(file)] = file.read_bytes()
        doc_id = lambda content: hashlib.sha256(content).hexdigest()[:24]  # noqa: E731
        assert dict(rows(db, "SELECT source_uri, doc_id FROM document_sources")) == {
            uri: doc_id(content) for uri, content in claims.items()}
        held = {doc_id(content) for content in claims.values()}
        assert {d for (d,) in rows(db, "SELECT doc_id FROM documents")} == held
        assert {d for (d,) in rows(db, "SELECT doc_id FROM document_raw")} == held
        assert {d for (d,) in rows(db, "SELECT DISTINCT doc_id FROM facts")} == held
        assert rows(db, "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM document_sources s"
                        " WHERE s.source_uri = d.source_uri AND s.doc_id = d.doc_id)") == [(0,)]
