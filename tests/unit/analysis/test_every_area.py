"""Every area of both shipped datasets through what its page computes (issue 27: the page
layer opens an area of every kind; the numbers of every id are checked here, where they are
cheap)."""

from __future__ import annotations

import pytest

from ecotown.analysis.path2037 import TARGET_YEAR, area_paths
from ecotown.analysis.scorecard import dimension_scores, level_history, peers, scorecard
from ecotown.analysis.summary import view_year
from ecotown.present.progress_text import area_path_lines


@pytest.mark.parametrize("name", ["public", "demo"])
def test_every_area_has_its_own_history_scores_and_path(name, public, demo):
    dataset = {"public": public, "demo": demo}[name]
    areas = dataset.areas
    measured = set(dataset.indicator_values["area_id"]) \
        if dataset.indicator_values is not None else set()
    year = view_year(dataset, None) or TARGET_YEAR
    paths = area_paths(dataset.assessments, year, list(areas["area_id"]))
    assert list(paths.index if paths.index.name == "area_id" else paths["area_id"]) \
        == list(areas["area_id"])
    for position, row in enumerate(areas.itertuples()):
        own = dataset.assessments[dataset.assessments["area_id"] == row.area_id]
        history = level_history(dataset, row.area_id)
        assert len(history) == len(own), row.area_id
        assert sorted(history["level"].tolist()) == sorted(own["level"].tolist()), row.area_id
        dims = dimension_scores(dataset, row.area_id)
        assert dims.empty == (row.area_id not in measured), row.area_id
        assert scorecard(dataset, row.area_id).empty == (row.area_id not in measured)
        count = peers(dataset, row.area_id)
        assert count["phase_areas"] == int((areas["phase"] == row.phase).sum())
        assert count["province_areas"] == int(
            (areas["province_code"] == row.province_code).sum())
        for lang in ("th", "en"):
            lines = area_path_lines(paths.iloc[position], lang)
            assert lines and all(isinstance(line, str) and line for line in lines), row.area_id
