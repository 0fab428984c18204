"""What the map frames for a view: Thailand, or the provinces and markers of the shown areas."""

from __future__ import annotations

import pytest
from shapely.geometry import Point

from ecotown.analysis.filters import Filters, apply_filters
from ecotown.analysis.framing import view_frame
from ecotown.analysis.summary import area_table
from ecotown.model.geography import province_frames
from ecotown.model.regions import PROVINCE_REGION


@pytest.fixture(scope="module")
def frames(province_polygons):
    return province_frames(province_polygons)


@pytest.fixture(scope="module")
def areas(demo, province_polygons):
    return area_table(demo, province_polygons)


def test_every_label_point_lies_inside_its_province(province_polygons, frames):
    shapes = dict(zip(province_polygons["province_code"], province_polygons.geometry,
                      strict=True))
    assert len(frames) == 77
    for row in frames.itertuples():
        assert shapes[row.province_code].contains(Point(row.label_lon, row.label_lat))
        assert row.south < row.label_lat < row.north and row.west < row.label_lon < row.east


def test_no_filter_frames_thailand(frames, areas):
    assert view_frame(frames, areas, Filters(), "", "demo").bounds is None


@pytest.mark.parametrize("filters", [
    Filters(regions=("east",)), Filters(query="ระยอง"), Filters(phases=(3,)),
    Filters(levels=("4",)), Filters(provinces=("21", "50")), Filters(regions=("south",),
                                                                      levels=("2",)),
])
def test_frame_holds_every_shown_marker_and_their_provinces(frames, areas, filters):
    shown = apply_filters(areas, filters)
    frame = view_frame(frames, shown, filters, "", "demo")
    (south, west), (north, east) = frame.bounds
    assert ((shown["lat"] >= south) & (shown["lat"] <= north)).all()
    assert ((shown["lon"] >= west) & (shown["lon"] <= east)).all()
    boxes = frames[frames["province_code"].isin(shown["province_code"])]
    assert south <= boxes["south"].min() and north >= boxes["north"].max()
    assert west <= boxes["west"].min() and east >= boxes["east"].max()
    # and nothing else: the frame is exactly the union of those boxes and markers
    assert south == pytest.approx(min(boxes["south"].min(), shown["lat"].min()), abs=1e-3)
    assert set(frame.provinces) == set(shown["province_code"]) | set(filters.provinces)


def test_a_region_is_much_smaller_than_thailand(frames, areas):
    filters = Filters(regions=("east",))
    (south, west), (north, east) = view_frame(frames, apply_filters(areas, filters),
                                              filters).bounds
    assert (north - south) * (east - west) < 0.1 * (20.6 - 5.4) * (105.8 - 97.2)


def test_selected_province_is_framed_even_without_areas(frames, areas):
    empty = next(code for code in PROVINCE_REGION if code not in set(areas["province_code"]))
    frame = view_frame(frames, areas.iloc[:0], Filters(), empty, "demo")
    box = frames.set_index("province_code").loc[empty]
    assert frame.bounds == [[round(box.south, 4), round(box.west, 4)],
                            [round(box.north, 4), round(box.east, 4)]]


def test_nothing_shown_frames_thailand_or_the_asked_region(frames, areas):
    none = Filters(query="no such area anywhere")
    assert view_frame(frames, apply_filters(areas, none), none).bounds is None
    region = Filters(regions=("north",), query="no such area anywhere")
    frame = view_frame(frames, apply_filters(areas, region), region)
    assert set(frame.provinces) == {c for c, r in PROVINCE_REGION.items() if r == "north"}


def test_key_changes_with_the_narrowing_only(frames, areas):
    one = view_frame(frames, areas, Filters(phases=(1,)), "", "demo").key
    assert one == view_frame(frames, areas, Filters(phases=(1,)), "", "demo").key
    assert one != view_frame(frames, areas, Filters(phases=(1, 2)), "", "demo").key
    assert one != view_frame(frames, areas, Filters(phases=(1,)), "21", "demo").key
    assert one != view_frame(frames, areas, Filters(phases=(1,)), "", "public").key
