"""Tests of ``geodata/provinces.geojson``, its build script and ``ecotown.regions``.

Tests that compare with the source need the Natural Earth layer the file is built from
(``ECOTOWN_NE_ADMIN1``, default ``/work/shared/reference/ne_10m_admin1_thailand.geojson``)
and are skipped, saying so, when it is absent.

Tolerances, in EPSG:4326 degrees:

* overlap between two neighbouring provinces: area below 1e-9 deg² (about 12 m²);
* gaps: the union of the output has no more interior holes, and no more hole area, than
  the union of the source (which has 70 sliver holes totalling 4.7e-14 deg²), and the
  output is a valid polygon coverage;
* closeness to the source: Hausdorff distance at most 0.06 degrees (about 6.6 km; the
  build's Visvalingam-Whyatt tolerance is 0.02, which bounds triangle areas, not
  distances; the largest distance is 0.052, Samut Prakan) and area within 2%.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import geopandas as gpd
import geothai
import numpy as np
import pytest
import shapely

from ecotown.model.regions import PROVINCE_REGION, REGIONS, region_of
from scripts import build_provinces
from tests.conftest import require

ROOT = Path(__file__).resolve().parents[3]

OUTPUT = ROOT / "geodata" / "provinces.geojson"
SOURCE = Path(os.environ.get("ECOTOWN_NE_ADMIN1",
                             "/work/shared/reference/ne_10m_admin1_thailand.geojson"))

MAX_OVERLAP_AREA = 1e-9
MAX_HAUSDORFF = 0.06
MAX_AREA_CHANGE = 0.02
MAX_BYTES = 120_000

GEOTHAI = {p.code: p for p in geothai.provinces()}
CODES = sorted(GEOTHAI)
PROPERTY_NAMES = ["province_code", "iso_3166_2", "name_th", "name_en", "region",
                  "region_th", "region_en"]

#: The minor islands of the unnamed feature, reviewed: province code, lon, lat (1 decimal).
EXPECTED_ISLANDS = [
    ("20", 100.8, 12.7),  # off Sattahip, Chon Buri
    ("23", 102.5, 11.8),  # Ko Kut, Trat
    ("81", 99.0, 7.8),  # off the Krabi coast
    ("82", 97.6, 8.6),  # Similan Islands, Phangnga
    ("82", 98.3, 9.2),  # Ko Phra Thong area, Phangnga
    ("83", 98.4, 7.6),  # Ko Racha, Phuket
    ("84", 99.8, 10.1),  # Ko Tao, Surat Thani
    ("85", 98.5, 9.8),  # Ko Chang area, Ranong
    ("91", 99.3, 6.5),  # Ko Adang-Rawi, Satun
    ("91", 99.9, 6.7),  # off the Satun coast
    ("92", 99.6, 7.1),  # Ko Sukon area, Trang
]

needs_source = pytest.mark.skipif(not SOURCE.is_file(),
                                  reason=f"Natural Earth source not found at {SOURCE}")


script = build_provinces


def _neighbour_pairs(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    left, right = shapely.STRtree(geoms).query(geoms, predicate="intersects")
    keep = left < right
    return left[keep], right[keep]


def _holes(geoms: np.ndarray) -> list[shapely.Polygon]:
    union = shapely.union_all(geoms)
    return [shapely.Polygon(ring) for part in shapely.get_parts(union)
            for ring in part.interiors]


@pytest.fixture(scope="module")
def features() -> list[dict]:
    return json.loads(OUTPUT.read_text(encoding="utf-8"))["features"]


@pytest.fixture(scope="module")
def output() -> gpd.GeoDataFrame:
    return gpd.read_file(OUTPUT).set_index("province_code")


@pytest.fixture(scope="module")
def source():
    require(SOURCE.is_file(), f"the Natural Earth source {SOURCE} (../shared beside the "
            "checkout)")
    return script.read_source(SOURCE)


@pytest.fixture(scope="module")
def closeness(output, source) -> dict[str, tuple[float, float]]:
    src = source.provinces.set_index("province_code").geometry[output.index]
    distance = shapely.hausdorff_distance(output.geometry.to_numpy(), src.to_numpy())
    change = shapely.area(output.geometry.to_numpy()) / shapely.area(src.to_numpy()) - 1
    return dict(zip(output.index, zip(distance, change, strict=True), strict=True))


# --- the match table -------------------------------------------------------------------


def test_match_table_maps_77_names_to_77_distinct_geothai_codes():
    table = script.NE_NAME_TO_CODE
    assert len(table) == 77
    assert Counter(table.values()) == Counter(CODES)
    script.check_match_table()


@needs_source
def test_every_named_source_feature_is_in_the_table():
    layer = gpd.read_file(SOURCE)
    names = layer["name"].dropna()
    assert sorted(names) == sorted(script.NE_NAME_TO_CODE)
    assert layer["name"].isna().sum() == 1


def test_minor_islands_are_merged_into_their_provinces(source):
    got = [(code, round(x, 1), round(y, 1)) for code, x, y in source.islands]
    assert got == EXPECTED_ISLANDS


# --- attributes ------------------------------------------------------------------------


def test_77_features_with_geothai_codes_in_order(features):
    codes = [f["properties"]["province_code"] for f in features]
    assert codes == CODES


@pytest.mark.parametrize("code", CODES)
def test_properties_come_from_geothai_and_regions(features, code):
    props = next(f["properties"] for f in features if f["properties"]["province_code"] == code)
    assert list(props) == PROPERTY_NAMES
    assert props["iso_3166_2"] == f"TH-{code}"
    assert (props["name_th"], props["name_en"]) == (GEOTHAI[code].name_th, GEOTHAI[code].name_en)
    assert props["region"] == PROVINCE_REGION[code] == region_of(code)
    assert (props["region_th"], props["region_en"]) == REGIONS[props["region"]]


@pytest.mark.parametrize(("region", "count"), [
    ("north", 9), ("northeast", 20), ("central", 22), ("east", 7), ("west", 5), ("south", 14),
])
def test_provinces_per_region(features, region, count):
    assert sum(f["properties"]["region"] == region for f in features) == count
    assert sum(r == region for r in PROVINCE_REGION.values()) == count


# --- the regional scheme ---------------------------------------------------------------


def test_region_table_covers_geothai():
    assert list(PROVINCE_REGION) == CODES
    assert list(REGIONS) == ["north", "northeast", "central", "east", "west", "south"]
    assert set(PROVINCE_REGION.values()) == set(REGIONS)


@pytest.mark.parametrize(("code", "region"), [
    ("10", "central"), ("21", "east"), ("38", "northeast"), ("50", "north"),
    ("63", "west"), ("67", "central"), ("90", "south"),
])
def test_region_of(code, region):
    assert region_of(code) == region


@pytest.mark.parametrize("code", ["", "99", "1", "010", " 10", "TH-21", 21, None])
def test_region_of_rejects_a_bad_code_naming_it(code):
    with pytest.raises(ValueError, match=re.escape(repr(code))):
        region_of(code)


def test_regions_module_needs_no_streamlit_or_geopandas():
    check = ("import sys, ecotown.model.regions; "
             "assert not {'streamlit', 'geopandas'} & set(sys.modules), sys.modules.keys()")
    subprocess.run([sys.executable, "-c", check], cwd=ROOT, check=True)


# --- geometry --------------------------------------------------------------------------


def test_geometries_are_valid_and_not_empty(output):
    bad = [c for c, g in output.geometry.items() if g is None or g.is_empty or not g.is_valid]
    assert bad == []
    assert output.crs.to_epsg() == 4326


def test_neighbours_do_not_overlap(output):
    geoms = output.geometry.to_numpy()
    left, right = _neighbour_pairs(geoms)
    assert len(left) > 150  # the provinces do touch: there is something to test
    areas = shapely.area(shapely.intersection(geoms[left], geoms[right]))
    assert areas.max() < MAX_OVERLAP_AREA


def test_output_is_a_valid_coverage(output):
    assert shapely.coverage_is_valid(output.geometry.to_numpy())


def test_neighbours_stay_neighbours(output, source):
    src = source.provinces.set_index("province_code").geometry[output.index].to_numpy()

    def pairs(geoms):
        left, right = _neighbour_pairs(geoms)
        return {(output.index[i], output.index[j]) for i, j in zip(left, right, strict=True)}

    assert pairs(output.geometry.to_numpy()) == pairs(src)


@needs_source
def test_no_more_gaps_than_the_source(output):
    layer = gpd.read_file(SOURCE)
    source_holes = _holes(layer.geometry[layer["name"].notna()].to_numpy())
    output_holes = _holes(output.geometry.to_numpy())
    assert len(output_holes) <= len(source_holes)
    assert sum(h.area for h in output_holes) <= sum(h.area for h in source_holes)


@pytest.mark.parametrize("code", CODES)
def test_close_to_the_source(closeness, code):
    distance, change = closeness[code]
    assert distance <= MAX_HAUSDORFF
    assert abs(change) < MAX_AREA_CHANGE


def test_coordinates_have_at_most_4_decimals():
    text = OUTPUT.read_text(encoding="utf-8")
    assert not re.search(r"\d\.\d{5,}", text)


# --- the file and the build ------------------------------------------------------------


def test_file_size():
    assert OUTPUT.stat().st_size <= MAX_BYTES


@needs_source
def test_rebuild_is_byte_identical(tmp_path):
    out = tmp_path / "provinces.geojson"
    subprocess.run([sys.executable, "-m", "scripts.build_provinces", str(SOURCE), "--out",
                    str(out)], check=True, capture_output=True, cwd=ROOT)
    assert out.read_bytes() == OUTPUT.read_bytes()


def test_unknown_source_name_is_named(tmp_path):
    bad = tmp_path / "bad.geojson"
    bad.write_text(json.dumps({"type": "FeatureCollection", "features": [{
        "type": "Feature", "properties": {"name": "Atlantis"},
        "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]},
    }]}), encoding="utf-8")
    with pytest.raises(ValueError, match="Atlantis"):
        script.read_source(bad)


@pytest.mark.parametrize("tolerance", [0, -0.01, float("nan"), "0.02"])
def test_bad_tolerance_is_named(tolerance):
    with pytest.raises(ValueError, match=re.escape(repr(tolerance))):
        script.simplify(gpd.GeoSeries([shapely.box(0, 0, 1, 1)]), tolerance)
