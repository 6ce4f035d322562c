"""Figures checked against official tables: a small table of the test's own, articles written to match
it or not, and the verdicts the warehouse gives them."""
import duckdb
import pytest

from cds_facts.tasks.io import pipeline, store
from cds_facts.tasks.io.reference import ReferenceTableError, reference_rows, shipped_reference_tables
from cds_facts.tasks.io.tables import batch_tables
from cds_facts.tasks.meaning.indicators import Catalogue

TABLE = """year,province,rank,score,source_url
2019,Quảng Trị,28,0.5512,https://example.org/dti-2019
2019,Hà Tĩnh,15,,https://example.org/dti-2019
2019,Yên Bái,15,,https://example.org/dti-2019
2019,Đà Nẵng,1,0.8002,https://example.org/dti-2019
"""

ARTICLES = {
    "agrees.txt": "Năm 2019, tỉnh Quảng Trị xếp thứ 28/63 về chỉ số DTI, đạt 0,55 điểm.",
    "contradicts.txt": "Chỉ số DTI năm 2019 của tỉnh Hà Tĩnh xếp thứ 16/63.",
    "tie.txt": "Năm 2019, tỉnh Yên Bái xếp thứ 15/63 về chỉ số DTI.",
    "bound_agrees.txt": "Năm 2019, thành phố Đà Nẵng nằm trong top 3 địa phương dẫn đầu về chỉ số DTI.",
    "bound_contradicts.txt": "Năm 2019, tỉnh Quảng Trị lọt vào nhóm 10 tỉnh dẫn đầu về chỉ số DTI.",
    "no_value.txt": "Năm 2018, tỉnh Quảng Bình xếp thứ 20/63 về chỉ số DTI.",
}


@pytest.fixture
def warehouse(tmp_path):
    db, folder = tmp_path / "w.duckdb", tmp_path / "in"
    folder.mkdir()
    (tmp_path / "dti_test.csv").write_text(TABLE, encoding="utf-8")
    assert store.load_reference_tables(db, [tmp_path / "dti_test.csv"]) == {"dti_test.csv": 6}
    for name, sentence in ARTICLES.items():
        (folder / name).write_text(f"Chuyển đổi số\n\n{sentence}", encoding="utf-8")
    state = store.prepare(db)
    outcome = pipeline.process_batch(sorted(folder.iterdir()), state.catalogue_rows)
    counts = store.write_batch(db, batch_tables(outcome.result, Catalogue(state.catalogue_rows).fingerprint, "run"),
                               "run")
    return db, counts


def verdicts(db):
    with duckdb.connect(str(db), read_only=True) as con:
        return sorted(con.execute(
            "SELECT d.source_name, v.indicator, v.value, v.official_value, v.verdict FROM verified_facts v"
            " JOIN documents d USING (doc_id)").fetchall())


def test_each_figure_gets_its_verdict(warehouse):
    db, counts = warehouse
    assert verdicts(db) == [
        ("agrees.txt", "dti.rank", 28, 28, "agrees"),
        ("agrees.txt", "dti.score", 0.55, 0.5512, "agrees"),  # at the coarser precision, two decimals
        ("bound_agrees.txt", "dti.rank", 3, 1, "agrees"),  # top 3: the official rank is 1
        ("bound_contradicts.txt", "dti.rank", 10, 28, "contradicts"),  # in the top 10: it is 28th
        ("contradicts.txt", "dti.rank", 16, 15, "contradicts"),
        ("tie.txt", "dti.rank", 15, 15, "agrees"),  # tied 15th with Hà Tĩnh
    ]  # no_value.txt: the table has no 2018
    assert (counts.agree, counts.contradict) == (4, 2)


def test_latest_values_carry_the_verdict(warehouse):
    db, _ = warehouse
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT province, year, value, verdict, official_value FROM latest_values"
                           " WHERE indicator = 'dti.rank' ORDER BY province").fetchall()
    assert rows == [("Hà Tĩnh", 2019, 16, "contradicts", 15), ("Quảng Bình", 2018, 20, None, None),
                    ("Quảng Trị", 2019, 28, "agrees", 28), ("Yên Bái", 2019, 15, "agrees", 15)]  # bounds are no level


def test_reloading_a_table_replaces_its_rows_and_runs_keep_it(warehouse, tmp_path):
    db, _ = warehouse
    (tmp_path / "dti_test.csv").write_text(TABLE.replace("2019,Hà Tĩnh,15,", "2019,Hà Tĩnh,16,"), encoding="utf-8")
    store.load_reference_tables(db, [tmp_path / "dti_test.csv"])
    store.prepare(db)  # a run: the shipped tables are set again, the user's stays
    assert ("contradicts.txt", "dti.rank", 16, 16, "agrees") in verdicts(db)
    with duckdb.connect(str(db), read_only=True) as con:
        origins = dict(con.execute("SELECT origin, count(*) FROM reference_values GROUP BY 1").fetchall())
    assert origins["dti_test.csv"] == 6
    assert {p.name for p in shipped_reference_tables()} <= set(origins)


CODES = {"dti.rank": "rank", "dti.score": "score", "index.par_rank": "rank"}
NAMES = {"province": {"quang tri": "Quảng Trị", "thua thien hue": "Huế"}, "province_2025": {"hue": "Huế"}}


def test_a_wide_table_a_long_table_and_the_post_merger_table():
    wide = [{"year": "2022", "province": "Quảng Trị", "index.par_rank": "12", "source": "s"}]
    assert reference_rows(wide, "par.csv", CODES, NAMES) == [
        {"indicator": "index.par_rank", "province": "Quảng Trị", "province_2025": None, "year": 2022, "value": 12.0,
         "denominator": 63.0, "decimals": 0, "source": "s", "origin": "par.csv"}]
    long = [{"indicator": "dti.score", "province": "Thừa Thiên Huế", "year": "2021", "value": "0.5872",
             "denominator": "", "source": ""}]
    assert reference_rows(long, "mine.csv", CODES, NAMES)[0] | {} == {
        "indicator": "dti.score", "province": "Huế", "province_2025": None, "year": 2021, "value": 0.5872,
        "denominator": None, "decimals": 4, "source": None, "origin": "mine.csv"}
    merged = [{"year": "2024", "group": "34 post-merger units", "province_post_merger": "Huế (TP. Huế, post-merger)",
               "rank_of_34": "2", "score": "0.7951", "source_url": "s"}]
    rows = reference_rows(merged, "dti_post.csv", CODES, NAMES)
    assert [(r["indicator"], r["province"], r["province_2025"], r["denominator"]) for r in rows] == [
        ("dti.rank", None, "Huế", 34.0), ("dti.score", None, "Huế", None)]


@pytest.mark.parametrize("rows, message", [
    ([{"year": "2022", "province": "Quảng Trị", "colour": "1"}], "column 'colour' names no indicator"),
    ([{"year": "2022", "province": "Atlantis", "rank": "1"}], "'Atlantis' is no province"),
    ([{"year": "2022", "province": "Quảng Trị", "score": "0,55"}], "'0,55' is not a number"),
    ([{"province": "Quảng Trị", "rank": "1"}], "needs a year column"),
])
def test_a_table_that_cannot_be_read_says_where_and_why(rows, message):
    with pytest.raises(ReferenceTableError, match=message):
        reference_rows(rows, "dti_bad.csv", CODES, NAMES)
