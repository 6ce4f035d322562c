import importlib.util

import pytest

from cds_facts.tasks.language.places import load_gazetteer
from cds_facts.tasks.settings import data_path

from conftest import ROOT


def test_csvs_are_what_the_generator_makes():
    pytest.importorskip("vietnamadminunits")
    spec = importlib.util.spec_from_file_location("build_provinces", ROOT / "scripts" / "build_provinces.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.render(module.province_rows()) == data_path("provinces.csv").read_text(encoding="utf-8")
    assert module.render(module.place_rows(), module.PLACE_COLUMNS) == data_path("places.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize("old, new", [("Hà Nam", "Ninh Bình"), ("Nam Định", "Ninh Bình"), ("Bạc Liêu", "Cà Mau"),
                                      ("Thanh Hóa", "Thanh Hóa"), ("Bình Dương", "Hồ Chí Minh")])
def test_old_provinces_map_to_2025(old, new):
    assert load_gazetteer().to_2025(old) == new


def test_names_match_across_tone_placement_and_prefixes():
    g = load_gazetteer()
    assert g.canonical("Thanh Hoá") == g.canonical("tỉnh Thanh Hóa") == "Thanh Hóa"
    assert g.canonical("Thừa Thiên Huế") == "Huế"
    assert g.canonical("TP.HCM") == "Hồ Chí Minh"


def test_places_and_provinces_in_text():
    mentions = load_gazetteer().mentions("UBND xã Thọ Diên, huyện Thọ Xuân, tỉnh Thanh Hoá; TP Đà Nẵng; hòa bình")
    assert [(m.name, m.is_province) for m in mentions] == [
        ("xã Thọ Diên", False), ("huyện Thọ Xuân", False), ("Thanh Hóa", True), ("Đà Nẵng", True)]
