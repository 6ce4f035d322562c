"""One batch through the core, and what a re-extraction takes from the warehouse instead of cleaning again."""
import dataclasses
from datetime import datetime, timedelta, timezone

import duckdb
import pytest

from cds_facts.tasks.io import pipeline, store
from cds_facts.tasks.io.reference import read_catalogue_csv
from cds_facts.tasks.io.tables import batch_tables
from cds_facts.tasks.meaning.indicators import Catalogue
from cds_facts.tasks.models import WarehouseState

from conftest import SEEDS

UTC = timezone.utc
SEED = sorted(SEEDS.glob("*.txt"))[0]
# A held article whose text differs from its file's: which of the two a batch read shows in its facts.
PLANTED_TEXT = "Đến nay, toàn tỉnh có 4.321 trạm BTS."


def _processed(cleaned=None):
    return pipeline.process_batch([SEED], read_catalogue_csv(), cleaned).result


def _planted(published_at):
    article = _processed().articles[0]
    return {article.doc_id: dataclasses.replace(article, text=PLANTED_TEXT, published_at=published_at)}


def test_a_held_article_is_extracted_as_it_is_held_without_cleaning_its_file_again():
    cleaned = _planted(datetime(2024, 6, 1, 3, 0, tzinfo=UTC))

    result = _processed(cleaned)

    assert result.articles == list(cleaned.values())
    assert [(f.value, f.indicator) for f in result.facts] == [(4321.0, "infra.bts_stations")]


def test_a_held_article_dated_within_hours_of_a_new_year_is_cleaned_again_from_its_file():
    """Its year in the page's zone, which the warehouse does not keep, could be either year."""
    result = _processed(_planted(datetime(2023, 12, 31, 15, 0, tzinfo=UTC)))

    assert result.articles == _processed().articles
    assert 4321.0 not in [f.value for f in result.facts]


@pytest.mark.parametrize("instant, reusable", [
    (datetime(2024, 6, 1, 12, 0, tzinfo=UTC), True),
    (datetime(2024, 1, 1, 12, 0, tzinfo=UTC), True),  # 00:00 on 1 January at UTC-12: already the new year
    (datetime(2024, 1, 1, 11, 59, tzinfo=UTC), False),  # still 2023 at UTC-12
    (datetime(2023, 12, 31, 9, 59, tzinfo=UTC), True),  # 2023 in every zone up to UTC+14
    (datetime(2023, 12, 31, 10, 0, tzinfo=UTC), False),  # 00:00 on 1 January 2024 at UTC+14
    (datetime(2023, 12, 31, 20, 0, tzinfo=timezone(timedelta(hours=-10))), False),  # 06:00 UTC on 1 January
    (None, True),
])
def test_a_held_article_reads_as_cleaned_when_its_instant_names_one_year_in_every_zone(instant, reusable):
    article = _processed().articles[0]
    assert pipeline.reads_as_cleaned(dataclasses.replace(article, published_at=instant)) is reusable


def test_the_warehouse_gives_back_the_articles_these_cleaning_rules_made_and_no_others(tmp_path):
    db = tmp_path / "w.duckdb"
    state = store.prepare(db)
    outcome = pipeline.process_batch(sorted(SEEDS.glob("*.txt")), state.catalogue_rows)
    store.write_batch(db, batch_tables(outcome.result, Catalogue(state.catalogue_rows).fingerprint, "run"), "run")
    older, *current = outcome.result.articles
    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE documents SET cleaner_version = cleaner_version - 1 WHERE doc_id = ?", [older.doc_id])

    held = store.cleaned_articles(db, [a.doc_id for a in outcome.result.articles] + ["not-held"])

    assert held == {a.doc_id: a for a in current}  # published_at: the same instant, in UTC
    assert all(a.published_at is None or a.published_at.tzinfo == UTC for a in held.values())
    assert store.cleaned_articles(db, []) == {}
    chunks = list(store.held_texts(db, [a.doc_id for a in outcome.result.articles] + ["not-held"], 2))
    assert [len(chunk) for chunk in chunks] == [2, 2] and list(store.held_texts(db, [], 2)) == []
    assert {doc_id: text for chunk in chunks for doc_id, text in chunk.items()} == {a.doc_id: a.text for a in current}


def test_a_batch_takes_from_the_warehouse_only_contents_held_under_these_cleaning_rules():
    paths = sorted(SEEDS.glob("*.txt"))[:3]
    ids = {path: f"id-{n}" for n, path in enumerate(paths)}
    state = WarehouseState(known={"id-0": (pipeline.CLEANER_VERSION, 0, "old catalogue"),
                                  "id-1": (pipeline.CLEANER_VERSION - 1, 0, "old catalogue")})

    assert pipeline.held_cleaned(paths, ids, state) == ["id-0"]


def test_a_held_document_the_catalogue_change_cannot_reach_is_set_aside_and_one_it_can_is_processed():
    rows = read_catalogue_csv()
    cleaned = _planted(datetime(2024, 6, 1, 3, 0, tzinfo=UTC))  # "... 4.321 trạm BTS."
    doc_id, article = next(iter(cleaned.items()))
    drones = {"code": "user.drones", "pillar": "x", "kind": "count", "name_vi": "Số flycam", "name_en": "",
              "cues": "flycam"}
    earlier = pipeline.EarlierReadings({doc_id: "before"}, {"before": rows})
    paths = [SEED, SEED.with_name("copy.txt"), SEED.with_name("other.txt")]
    ids = {paths[0]: doc_id, paths[1]: doc_id, paths[2]: "other"}
    plan = pipeline.RunPlan(to_process=paths)

    texts = {doc_id: article.text}
    kept = pipeline.unreached(texts, earlier, Catalogue([*rows, drones]))
    set_aside = pipeline.set_aside(plan, ids, kept)

    assert kept == {doc_id: "before"}
    assert pipeline.unreached(texts, earlier, Catalogue([*rows, {**drones, "cues": "trạm"}])) == {}
    assert (set_aside.to_process, set_aside.kept) == ([paths[2]], [(doc_id, "before")])
    assert [(i.source_name, i.doc_id, i.state) for i in set_aside.held] == [
        (SEED.name, doc_id, "held"), ("copy.txt", doc_id, "held")]


def test_only_documents_read_by_these_rules_under_a_kept_catalogue_are_told_apart_by_their_catalogue():
    current = (pipeline.CLEANER_VERSION, pipeline.EXTRACTOR_VERSION)
    state = WarehouseState(known={"a": (*current, "kept"), "b": (*current, "not kept"),
                                  "c": (pipeline.CLEANER_VERSION, pipeline.EXTRACTOR_VERSION - 1, "kept")},
                           catalogues={"kept": [{"code": "x"}]})

    earlier = pipeline.earlier_readings(["a", "b", "c", "d"], state)

    assert (earlier.read_under, earlier.catalogues) == ({"a": "kept"}, {"kept": [{"code": "x"}]})
