"""Issue 28: the 2037 verdict answers the target as the programme states it, level 5 in
every area by B.E. 2580: never "on course" while any area is behind; the average pace is a
secondary figure; the same wording in both languages from one rule."""

from __future__ import annotations

import pandas as pd
import pytest

from ecotown.analysis.filters import Filters
from ecotown.analysis.path2037 import area_paths, programme_path, programme_verdict
from ecotown.analysis.progress import progress_report
from ecotown.model.geography import area_points
from ecotown.present.sentences import path_sentences, verdict_sentence


def _assessments(rows):
    return pd.DataFrame(rows, columns=["area_id", "year", "level"])


@pytest.mark.parametrize(("rows", "verdict", "behind", "year"), [
    # every area at 5 or on track and projected to reach it: on course
    ([("A", 2020, 3), ("A", 2024, 5), ("B", 2019, 1), ("B", 2025, 4)], "on_course", 0, 2025),
    # one area off track among on-track ones: not on course, whatever the average says
    ([("A", 2019, 1), ("A", 2021, 5), ("B", 2019, 1), ("B", 2025, 1)], "not_on_course", 1,
     2025),
    # on track by pace, but the projection (one level a year at most) falls short
    ([("A", 2035, 1), ("A", 2036, 3)], "not_on_course", 1, 2036),
    # nobody behind, one area with a single assessment: not known
    ([("A", 2020, 3), ("A", 2024, 5), ("B", 2025, 2)], "not_known", 0, 2025),
    ([], "not_known", 0, 2025),
])
def test_the_verdict_rule(rows, verdict, behind, year):
    paths = area_paths(_assessments(rows), year)
    found = programme_verdict(paths)
    assert found["verdict"] == verdict and found["behind"] == behind


def test_an_average_on_track_never_makes_the_programme_on_course():
    """Nine fast areas and one stalled: the mean pace is ahead, the verdict is not."""
    rows = [(f"F{i}", 2019, 1) for i in range(9)] + [(f"F{i}", 2021, 5) for i in range(9)]
    rows += [("S", 2019, 1), ("S", 2025, 1)]
    path = programme_path(area_paths(_assessments(rows), 2025), 2025)
    assert path["average_status"] == "on_track"
    assert path["verdict"]["verdict"] == "not_on_course" and path["status"] == "off_track"
    assert path["verdict"]["behind_ids"] == ["S"]


@pytest.fixture(scope="module")
def reports(demo, public, province_polygons):
    out = {}
    for name, dataset in (("demo", demo), ("public", public)):
        points = pd.DataFrame(area_points(dataset.areas, province_polygons)
                              .drop(columns="geometry"))
        out[name] = progress_report(dataset, points, Filters(), None, None)
    return out


def test_the_demo_is_not_on_course_and_says_how_many_and_its_projection(reports):
    report = reports["demo"]
    verdict = report["path"]["verdict"]
    off = (report["path"]["by_status"]["off_track"])
    assert verdict["verdict"] == "not_on_course" and verdict["off_track"] == off > 0
    en, th = verdict_sentence(report, "en"), verdict_sentence(report, "th")
    n, k = report["path"]["areas"], report["projection_2037"]["reach_level_5"]
    assert en.startswith(f"Not on course for 2037: {verdict['behind']} of {n} areas")
    assert f"{k} of {n} reach level 5 by 2037 (projection)" in en
    assert th.startswith(f"ไม่ตามเป้า พ.ศ. 2580: {verdict['behind']} จาก {n} พื้นที่ล่าช้า")
    assert "2580" in th and "ค่าคาดการณ์" in th
    assert "On course" not in " ".join(path_sentences(report, "en"))


def test_the_public_record_says_too_little_is_known(reports):
    report = reports["public"]
    assert report["path"]["verdict"]["verdict"] == "not_known"
    en = verdict_sentence(report, "en")
    assert en.startswith("Not known whether the programme is on course for 2037")
    assert "0 of" not in en
    assert verdict_sentence(report, "th").startswith("ยังบอกไม่ได้ว่าตามเป้า")


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_average_pace_is_named_as_a_secondary_figure(reports, lang):
    lines = path_sentences(reports["demo"], lang)
    assert lines[0] == verdict_sentence(reports["demo"], lang)
    assert ("Average pace (a secondary figure" if lang == "en" else "อัตราเฉลี่ย") in lines[1]


@pytest.mark.parametrize(("filters", "conflict"), [
    (Filters(min_level=4, levels=("2",)), True),
    (Filters(min_level=3, levels=("1", "none")), True),
    (Filters(min_level=3, levels=("2", "4")), False),
    (Filters(min_level=4), False),
    (Filters(levels=("2",)), False),
])
def test_filters_that_exclude_each_other_are_named(filters, conflict):
    from ecotown.analysis.filters import filter_conflicts

    found = filter_conflicts(filters)
    assert bool(found) is conflict
    if conflict:
        assert found[0]["minimum"] == filters.min_level
