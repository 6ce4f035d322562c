"""The benchmark corpus maker, at a tiny size: deterministic, and articles the pipeline reads cleanly."""
import importlib.util

from tasks import load, pipeline

from conftest import ROOT

spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "bench" / "make_corpus.py")
make_corpus = importlib.util.module_from_spec(spec)
spec.loader.exec_module(make_corpus)


def test_the_corpus_is_deterministic(tmp_path):
    first = make_corpus.make_corpus(6, tmp_path / "a")
    second = make_corpus.make_corpus(6, tmp_path / "b")
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    assert {p.suffix for p in first} == {".txt", ".html"}
    assert all(8_000 < p.stat().st_size < 14_000 for p in first)


def test_the_pipeline_reads_every_synthetic_article(tmp_path):
    paths = make_corpus.make_corpus(6, tmp_path / "corpus")
    state = load.prepare(tmp_path / "cds.duckdb")
    outcome = pipeline.process_batch(paths, state)
    assert (outcome.counts["new"], outcome.counts["failed"]) == (6, 0)
    assert outcome.counts["facts"] > 6 * 20
    for article in outcome.result.articles:
        assert "Lượt xem" not in article.text and "Tin liên quan" not in article.text and article.province
