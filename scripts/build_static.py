"""Prepare the offline map files in ``static/`` (build time, not run time).

    python -m scripts.build_static          # write what is missing or stale
    python -m scripts.build_static --check  # exit 1 and name what is missing or stale

Leaflet comes from the installed XStatic-Leaflet package, the province GeoJSON from
``geodata/``; both are committed, so the app runs from a read-only checkout or image.
"""

from __future__ import annotations

import argparse
import sys

from ecotown.model.geography import load_provinces
from ecotown.webmap.assets import (
    STATIC_DIR,
    ensure_leaflet,
    ensure_province_file,
    static_problems,
)
from ecotown.webmap.mapview import province_geojson


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    data = province_geojson(load_provinces())
    if args.check:
        problems = static_problems(data)
        for problem in problems:
            print(f"missing or stale: {problem}", file=sys.stderr)
        return 1 if problems else 0
    vendor = STATIC_DIR / "vendor"
    if vendor.is_dir():
        for stale in vendor.glob("provinces-*.json"):
            stale.unlink()
    ensure_leaflet()
    print(ensure_province_file(data))
    return 0


if __name__ == "__main__":
    sys.exit(main())
