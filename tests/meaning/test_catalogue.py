"""The catalogue's columns say how an indicator behaves; nothing is read from its code or its name's words."""
import pytest

from cds_facts.tasks.io.reference import read_catalogue_csv
from cds_facts.tasks.language.places import load_gazetteer
from cds_facts.tasks.meaning.extract import Extractor
from cds_facts.tasks.meaning.indicators import Catalogue, CatalogueError
from cds_facts.tasks.models import Article

from conftest import vn

ROW = {"code": "user.x", "pillar": "", "kind": "count", "name_vi": "Số máy bay không người lái", "name_en": "",
       "cues": "máy bay không người lái", "family": "", "table_year": "", "ranked_units": "", "per_hundred": "",
       "head_noun": ""}


@pytest.mark.parametrize("change, says", [
    ({"kind": "counts"}, "kind 'counts' is none of"),
    ({"table_year": "maybe"}, "table_year 'maybe' is neither yes nor no"),
    ({"table_year": "yes"}, "only a rank or a score has a table year"),
    ({"ranked_units": "districts"}, "ranked_units 'districts' is none of provinces, countries"),
    ({"per_hundred": "dân"}, "only a ratio is a rate per hundred"),
    ({"per_hundred": "người"}, "per_hundred 'người' is none of dân, hộ"),
    ({"head_noun": "trạm"}, "head_noun 'trạm' is no word of its name"),
])
def test_a_row_whose_columns_contradict_is_refused_naming_the_row_and_why(change, says):
    with pytest.raises(CatalogueError, match=f"indicator user.x: .*{says}"):
        Catalogue([{**ROW, **change}])


def test_an_empty_head_noun_is_taken_from_the_name_and_a_row_without_traits_has_none():
    catalogue = Catalogue([ROW])
    assert catalogue.indicators[0].head_noun == "máy"
    assert not catalogue.has_table_year("user.x") and not catalogue.is_world_index("user.x")


def test_the_shipped_catalogue_states_what_the_rules_used_to_infer():
    catalogue = Catalogue(read_catalogue_csv())
    assert catalogue.has_table_year("dti.rank") and catalogue.has_table_year("dti.score_digital_economy")
    assert catalogue.is_world_index("index.egov_rank_un") and not catalogue.is_world_index("dti.rank")
    assert catalogue.per_hundred_of == {"infra.mobile_subscribers_per_100": "dân", "infra.fixed_broadband_per_100": "dân"}


def test_a_table_year_follows_the_column_not_the_code():
    """The DTI rank under a code of a user's own (not dti.*): with table_year it takes its table's year."""
    rows = [r for r in read_catalogue_csv() if not r["code"].startswith("dti.")]
    own = {"code": "mine.rank", "pillar": "", "kind": "rank", "name_vi": "Xếp hạng DTI", "name_en": "",
           "cues": "chỉ số dti|dti", "family": "dti", "ranked_units": "provinces", "per_hundred": "", "head_noun": ""}
    text = "Chỉ số DTI năm 2022 do Bộ công bố tháng 5/2023, tỉnh xếp thứ 4/63."

    def year(table_year):
        extractor = Extractor(Catalogue([*rows, {**own, "table_year": table_year}]), load_gazetteer())
        facts = extractor.facts(Article("d", None, None, vn(2023, 6, 1), (), "Quảng Trị", text))
        (fact,) = [f for f in facts if f.value == 4]
        return fact.indicator, fact.period_year

    assert year("yes") == ("mine.rank", 2022)  # the table's year
    assert year("") == ("mine.rank", 2023)  # the nearest year before it, as for any figure


def test_a_cue_written_with_an_acronym_finds_the_figures_that_write_it_either_way():
    """Figures' words are compared with every acronym spelled out: a user's cue "dvctt toàn trình" must be
    looked up by its words as spelled out too, or it never matches."""
    catalogue = Catalogue([{**ROW, "code": "user.full_online", "name_vi": "Số dịch vụ công trực tuyến toàn trình",
                            "cues": "dvctt toàn trình"}])
    for counted in ("dvctt toàn trình", "dịch vụ công trực tuyến toàn trình"):
        match = catalogue.match("count", counted, counted=counted)
        assert (match.code, match.evidence) == ("user.full_online", "cue:dvctt toàn trình")


def test_cues_that_read_alike_are_one_cue_kept_as_written_out_where_the_first_stood():
    catalogue = Catalogue([{**ROW, "code": "user.data", "name_vi": "Số cơ sở dữ liệu",
                            "cues": "csdl dùng chung|dữ liệu mở|cơ sở dữ liệu dùng chung"}])
    assert [c.text for c in catalogue.indicators[0].cues] == ["cơ sở dữ liệu dùng chung", "dữ liệu mở"]
