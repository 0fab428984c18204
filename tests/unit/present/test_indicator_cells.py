"""Issue 31: a cell of the indicators matrix opens that area's indicator; the area page says
the chosen indicator in words. Hand-built matrix and scorecard rows."""

from __future__ import annotations

import pandas as pd
import pytest

from ecotown.present.indicators_view import cell_target, focus_lines, matrix_table


def _matrix(depth: str = "indicator") -> dict:
    items = [{"item_id": "E-1", "name_th": "น้ำ", "name_en": "Water", "dimension_id": "env"},
             {"item_id": "E-2", "name_th": "ขยะ", "name_en": "Waste", "dimension_id": "env"}]
    areas = [{"area_id": "A1", "name_th": "หนึ่ง", "name_en": "One", "has_values": True},
             {"area_id": "B2", "name_th": "สอง", "name_en": "Two", "has_values": True}]
    scores = {"A1": {"E-1": 80.0, "E-2": None}, "B2": {"E-1": 20.0, "E-2": 40.0}}
    return {"depth": depth, "year": 2025, "items": items, "areas": areas, "scores": scores}


@pytest.mark.parametrize("lang", ["th", "en"])
def test_a_cell_opens_its_row_area_at_its_column_indicator(lang):
    matrix = _matrix()
    table, _ = matrix_table(matrix, lang)
    table.insert(0, "link", ["u1", "u2"])  # the page puts a link column first
    waste = "ขยะ" if lang == "th" else "Waste"
    assert cell_target(matrix, table, 1, waste, lang) == {"area": "B2", "indicator": "E-2"}
    assert cell_target(matrix, table, 0, table.columns[1], lang) == {"area": "A1"}  # a name
    assert cell_target(matrix, table, 2, waste, lang) is None  # no such row
    assert cell_target(matrix, table, 0, "nothing", lang) is None


def test_an_aspect_or_dimension_cell_opens_the_area():
    matrix = _matrix("dimension")
    table, _ = matrix_table(matrix, "en")
    assert cell_target(matrix, table, 0, "Water", "en") == {"area": "A1"}


ROW = pd.Series({"name_th": "น้ำ", "name_en": "Water", "aspect_th": "ทรัพยากร",
                 "aspect_en": "Resources", "unit_th": "ลบ.ม.", "unit_en": "m3", "year": 2025,
                 "value": 1234.5, "change": -8.4, "change_is_better": True, "score": 61.0,
                 "phase_median": 1500.0, "programme_median": 1400.25,
                 "higher_is_better": False})


def test_the_chosen_indicator_in_words_in_english():
    lines = focus_lines(ROW, "en")
    assert lines[0] == "Water · Resources"
    assert lines[1] == "Value 1,234.50 m3 (2025) · better (▼ 8.40)"
    assert "1,500.00 m3" in lines[2] and "1,400.25 m3" in lines[2]
    assert lines[3].startswith("Score 61.00 of 100")
    assert lines[4] == "Lower is better"


def test_the_chosen_indicator_in_words_in_thai_with_buddhist_era():
    lines = focus_lines(ROW, "th")
    assert lines[0] == "น้ำ · ทรัพยากร"
    assert "2568" in lines[1] and "ดีขึ้น" in lines[1] and "1,234.50 ลบ.ม." in lines[1]
    assert lines[4] == "ค่ายิ่งต่ำยิ่งดี"


def test_a_value_not_known_is_a_dash_never_zero():
    row = ROW.copy()
    row["value"] = float("nan")
    assert "Value – m3" in focus_lines(row, "en")[1]
