"""Province boundaries and the join of areas to provinces."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd

from ecotown.model.dataset import GEODATA
from ecotown.model.regions import REGIONS

__all__ = ["PROVINCES_FILE", "area_points", "load_provinces", "province_frames", "region_name"]

PROVINCES_FILE = GEODATA / "provinces.geojson"


def load_provinces(path: Path = PROVINCES_FILE) -> gpd.GeoDataFrame:
    """Read the 77 province polygons (EPSG:4326), indexed by nothing, sorted by code."""
    provinces = gpd.read_file(path)
    return provinces.sort_values("province_code").reset_index(drop=True)


def region_name(region: str, lang: str) -> str:
    """The Thai or English name of a region id."""
    name_th, name_en = REGIONS[region]
    return name_th if lang == "th" else name_en


def area_points(areas: pd.DataFrame, provinces: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Join areas to their provinces: a point GeoDataFrame with province names and region.

    Raises ``ValueError`` naming any area whose province code is not a province.
    """
    attrs = pd.DataFrame(provinces.drop(columns="geometry")).rename(
        columns={"name_th": "province_th", "name_en": "province_en"})
    unknown = sorted(set(areas["province_code"]) - set(attrs["province_code"]))
    if unknown:
        raise ValueError(f"areas refer to unknown province codes: {unknown}")
    joined = areas.merge(attrs[["province_code", "province_th", "province_en", "region"]],
                         on="province_code", how="left", validate="many_to_one")
    return gpd.GeoDataFrame(joined, geometry=gpd.points_from_xy(joined["lon"], joined["lat"]),
                            crs="EPSG:4326")


def province_frames(provinces: gpd.GeoDataFrame) -> pd.DataFrame:
    """Where each province is: its bounding box and a point for its name.

    ``province_code, south, west, north, east, label_lat, label_lon``. The label point is
    the pole of inaccessibility of the province's largest part (the point farthest inside
    it), so a name set there stays inside even a crescent-shaped province.
    """
    from shapely.ops import polylabel

    rows = []
    for code, geometry in zip(provinces["province_code"], provinces.geometry, strict=True):
        west, south, east, north = geometry.bounds
        parts = getattr(geometry, "geoms", [geometry])
        largest = max(parts, key=lambda part: part.area)
        point = polylabel(largest, tolerance=0.005)
        rows.append({"province_code": code, "south": south, "west": west, "north": north,
                     "east": east, "label_lat": point.y, "label_lon": point.x})
    return pd.DataFrame(rows)
