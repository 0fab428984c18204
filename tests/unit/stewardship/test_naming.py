"""A new import's default name and its Thai/English title."""

from __future__ import annotations

import pytest

from ecotown import stewardship
from ecotown.store import check_name


@pytest.mark.parametrize("files,existing,expected", [
    (["Results_2024.csv"], [], "results-2024"),
    (["ผลประเมิน 2567.xlsx"], [], "import-2567"),
    (["ผลประเมิน.xlsx"], [], "import"),
    (["areas.csv", "assessments.csv"], ["public", "demo", "areas"], "areas-2"),
    (["demo.csv"], ["public", "demo"], "demo-2"),
    (["x" * 80 + ".csv"], [], "x" * 28),
    ([], [], "import"),
    (["2024.csv"], [], "import-2024"),
])
def test_default_name_is_valid_and_unused(files, existing, expected):
    name = stewardship.default_name(files, existing)
    assert name == expected
    assert check_name(name) == name and name not in existing


def test_titles_are_cleaned_and_kept(public):
    plan = stewardship.Preview("x", True, "public", None, [], [], [], {}, meta={"title_th": "x"})
    stewardship.set_titles(plan, "  ผลการประเมิน\x00 ปี 2567 ", "")
    assert plan.meta["title_th"] == "ผลการประเมิน ปี 2567"
    assert plan.meta.get("title_en") is None
    stewardship.set_titles(plan, "", "A" * 500)
    assert plan.meta["title_en"] == "A" * stewardship.MAX_TITLE
