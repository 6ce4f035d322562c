"""A change of the catalogue reaches only the documents in which a cue it changed can stand."""
from pathlib import Path

import pytest

from cds_facts.tasks.io.files import discover, read_raw
from cds_facts.tasks.io.reference import read_catalogue_csv
from cds_facts.tasks.language.places import load_gazetteer
from cds_facts.tasks.meaning.catalogue_change import catalogue_change
from cds_facts.tasks.meaning.extract import Extractor
from cds_facts.tasks.meaning.indicators import Catalogue
from cds_facts.tasks.text.clean import clean

from conftest import DATA, SEEDS

ROW = {"code": "user.drones", "pillar": "", "kind": "count", "name_vi": "Số máy bay không người lái", "name_en": "",
       "cues": "máy bay không người lái", "family": "", "table_year": "", "ranked_units": "", "per_hundred": "",
       "head_noun": ""}


def _change(before: list[dict], after: list[dict]):
    return catalogue_change(Catalogue(before), Catalogue(after))


def test_an_added_cue_reaches_only_the_texts_that_hold_its_words():
    change = _change([ROW], [{**ROW, "cues": "máy bay không người lái|flycam"}])
    assert [c.text for c in change.cues] == ["flycam"]
    assert not change.may_change("Tỉnh có 5 máy bay không người lái.")
    assert change.may_change("Tỉnh có 5 Flycam.")


def test_a_cue_spelled_out_by_an_acronym_reaches_the_texts_that_write_the_acronym():
    row = {**ROW, "code": "user.online", "name_vi": "Số thủ tục trực tuyến", "cues": "thủ tục trực tuyến"}
    change = _change([row], [{**row, "cues": "thủ tục trực tuyến|thủ tục hành chính trực tuyến"}])
    assert change.may_change("Đã có 120 TTHC trực tuyến.")  # "tthc" reads as "thủ tục hành chính"
    assert not change.may_change("Đã có 120 dịch vụ.")


def test_a_word_whose_old_style_tone_pair_a_letter_follows_may_still_stand_as_a_cue_word():
    """"hoá" right before a letter keeps its old style in the article's key, but a figure's words cut there
    are keyed on their own and read "hóa"."""
    change = _change([ROW], [{**ROW, "cues": "máy bay không người lái|số hóa"}])
    assert change.may_change("Đã số hoáx 5 hồ sơ.") and not change.may_change("Đã số 5 hồ sơ.")


def test_a_removed_cue_reaches_the_texts_that_hold_its_words():
    change = _change([{**ROW, "cues": "máy bay không người lái|flycam"}], [ROW])
    assert change.may_change("Tỉnh có 5 flycam.") and not change.may_change("Tỉnh có 5 trạm BTS.")


def test_a_new_first_cue_reaches_the_texts_of_the_old_one_too():
    """A paragraph names a count indicator by its first cue: the old first cue's texts may read otherwise."""
    change = _change([ROW], [{**ROW, "cues": "thiết bị bay|máy bay không người lái"}])
    assert {c.text for c in change.cues} == {"thiết bị bay", "máy bay không người lái"}
    assert change.may_change("Tỉnh có 5 máy bay không người lái.")


def test_cues_put_in_another_order_reach_the_texts_of_every_cue_of_that_indicator():
    change = _change([{**ROW, "cues": "máy bay không người lái|flycam|drone"}],
                     [{**ROW, "cues": "máy bay không người lái|drone|flycam"}])
    assert {c.text for c in change.cues} == {"máy bay không người lái", "flycam", "drone"}


BOATS = {**ROW, "code": "user.boats", "name_vi": "Số tàu cá", "cues": "tàu cá|tàu đánh cá"}


@pytest.mark.parametrize("before, after", [
    ([ROW], [ROW, BOATS]),  # added
    ([ROW, BOATS], [ROW]),  # removed
    ([ROW, BOATS], [ROW, {**BOATS, "kind": "percent"}]),
    ([ROW, BOATS], [ROW, {**BOATS, "name_vi": "Số thuyền đánh cá"}]),  # its head noun is taken from its name
])
def test_an_indicator_added_removed_or_of_other_traits_reaches_the_texts_of_its_cues(before, after):
    change = _change(before, after)
    assert {c.text for c in change.cues} == {"tàu cá", "tàu đánh cá"}
    assert change.may_change("Có 30 tàu đánh cá.") and not change.may_change("Tỉnh có 5 máy bay không người lái.")


def test_the_same_catalogue_reaches_no_text():
    assert _change([ROW], [ROW]).cues == () and not _change([ROW], [ROW]).may_change("Tỉnh có 5 flycam.")


def _readings(extractor: Extractor, articles) -> list[list[tuple]]:
    return [[(f.start_char, f.kind, f.value, f.indicator, f.province, f.period_year, f.status, f.part_of, f.scope,
              f.evidence, f.subject_evidence) for f in extractor.facts(article)] for article in articles]


def test_a_document_the_change_does_not_reach_reads_the_same_facts_under_both_catalogues():
    """Each shipped indicator in turn loses its first cue, gains one, or changes its kind: on the seeds and
    the test pages, every document the change is said not to reach reads the same facts with and without it."""
    articles = [clean(read_raw(p)) for p in discover([SEEDS, DATA / "html", DATA / "dumps"]).files]
    rows = read_catalogue_csv()
    before = Catalogue(rows)
    gazetteer = load_gazetteer()
    held = _readings(Extractor(before, gazetteer), articles)
    kept = reached_and_changed = 0
    for i, row in enumerate(rows):
        cues = row["cues"].split("|")
        other_kind = "percent" if row["kind"] == "count" else "count"
        for edited in ({"cues": "|".join(cues[1:])}, {"cues": "|".join(["số hóa dữ liệu", *cues])},
                       {"kind": other_kind, "family": "", "table_year": "", "ranked_units": "", "per_hundred": ""}):
            after = Catalogue([*rows[:i], {**row, **edited}, *rows[i + 1:]])
            change = catalogue_change(before, after)
            reached = [change.may_change(a.text) for a in articles]
            if all(reached):
                continue
            now = _readings(Extractor(after, gazetteer), articles)
            for article, was, is_now, may in zip(articles, held, now, reached):
                if not may:
                    assert is_now == was, (row["code"], edited, article.doc_id)
                    kept += 1
                elif is_now != was:
                    reached_and_changed += 1
    assert kept > 1000 and reached_and_changed > 50  # the test reads both kinds of document
