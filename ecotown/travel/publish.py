"""The published atlas (issue 30): a static, read-only atlas of one dataset version that any
web server (or a CDN) serves to thousands of readers, with no Python behind it.

``python -m ecotown publish --dataset NAME --out DIR`` writes it. The pages read the same
URL parameters as the app (``dataset lang color phase level minlevel region province q year
since``; ``area`` and ``code`` on the area and province pages), so a link works on either;
the filters, the year, the change view and the cards run in the reader's browser.

What the browser computes is kept to counting: every figure that needs the programme's rules
is computed here, once per year (which areas were in the programme, each one's level or the
level carried from an earlier year) and once per pair of years (each area's change class),
with the same functions the app calls (``area_table`` and ``with_change``, as
:func:`ecotown.cli.view.view_areas`). The page then
filters those rows as :func:`ecotown.analysis.filters.apply_filters` does and counts them as
:func:`ecotown.analysis.summary.summarise` and :func:`ecotown.present.legend.map_legend` do;
``tests/browser/test_published_browser.py`` draws random views and compares.

Layout of ``DIR`` (a symbolic link to one release, swapped atomically):

- ``index.html``, ``area/index.html``, ``province/index.html``: the pages (short cache);
- ``assets/<name>-<hash>.<ext>``: Leaflet, the script and the style (cached for good);
- ``data/<release>/atlas.json`` and ``provinces.json``: the dataset version (cached for
  good: a new version is a new path).

A reader who loaded the old pages keeps fetching the old release's files: each release
also holds (hard links to) the data and assets of the releases before it, and the last
:data:`KEEP_RELEASES` releases stay on disk.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import shutil
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import urlparse

import geopandas as gpd
import pandas as pd

from ecotown.analysis.figures import view_headline
from ecotown.analysis.filters import normalise_text
from ecotown.analysis.progress import with_change
from ecotown.analysis.summary import area_table, dataset_years, view_year
from ecotown.analysis.timeline import CHANGE_CLASSES
from ecotown.analysis.urlstate import KNOWN_PARAMS, MAX_QUERY, ViewState
from ecotown.i18n.labels import LANGS, TEXT, fiscal_year_text, t, year_text
from ecotown.model.dataset import Dataset
from ecotown.model.geography import area_points, region_name
from ecotown.model.regions import REGIONS
from ecotown.model.vocabulary import NO_LEVEL, PHASES
from ecotown.present.captions import data_date, headline_text, published_figures
from ecotown.present.legend import EMPTY, as_of_entry, fanned_positions, map_legend
from ecotown.present.safe_html import esc
from ecotown.present.style import (
    AS_OF_FILL_OPACITY,
    BORDER_COLOUR,
    CHANGE_COLOURS,
    COUNT_CLASSES,
    LEVEL_COLOURS,
    NO_AREA_COLOUR,
    NO_LEVEL_COLOUR,
    PHASE_COLOURS,
    level_label,
    phase_label,
)
from ecotown.travel.view_html import area_details_html
from ecotown.webmap.assets import leaflet_source
from ecotown.webmap.mapview import province_geojson

__all__ = ["KEEP_RELEASES", "PublishError", "Published", "atlas_payload", "publish_site"]

KEEP_RELEASES = 3  # releases kept on disk: readers of the previous ones finish their visit
FAN_RADIUS = 0.05  # degrees: areas sharing a point are drawn side by side (as on the app's map)
MARKER = ".ecotown-atlas"  # the file that says a directory is a release of this command
_PAGES = {"index.html": "", "area/index.html": "../", "province/index.html": "../"}
_TEMPLATE_DIR = "published"


class PublishError(Exception):
    """The atlas cannot be written where asked; ``key`` and ``params`` give the message."""

    def __init__(self, key: str, **params: str):
        self.key, self.params = key, params
        super().__init__(t(key, "en", **params))

    def message(self, lang: str) -> str:
        """The message in ``lang``."""
        return t(self.key, lang, **self.params)


@dataclass(frozen=True)
class Published:
    """What :func:`publish_site` wrote: the release's id and folder, and its size."""

    release: str
    folder: Path
    files: int
    bytes: int


def _labels() -> dict[str, dict[str, str]]:
    """Every label the pages use, in both languages (the pages fill ``{placeholders}``)."""
    keys = sorted(k for k in TEXT if k.startswith("pub_"))
    keys += ["app_title", "areas", "provinces", "share_known_level", "phase", "region",
             "level", "no_level", "no_area", "legend_as_of_title", "legend_as_of",
             "brief_badge_synthetic", "brief_badge_public", "brief_source_geo",
             "brief_source_public", "brief_source_public_none", "brief_more_sources",
             "brief_source_synthetic", "n_areas", "level_n", "map_label", "shown_areas",
             "no_areas_in_view", "area_id", "kpi_programme_areas", "vh_record",
             *(f"color_{m}" for m in ("level", "phase", "count")),
             *(f"change_{c}" for c in CHANGE_CLASSES)]
    labels: dict[str, dict[str, str]] = {}
    for lang in LANGS:
        labels[lang] = {key: TEXT[key][lang] for key in dict.fromkeys(keys)}
        labels[lang].update({f"{key}__one": TEXT[key][f"{lang}_one"]
                             for key in dict.fromkeys(keys) if f"{lang}_one" in TEXT[key]})
    return labels


def _legend_spec(dataset: Dataset, years: list[int]) -> dict:
    """The legend's sections per colour mode and language as :func:`map_legend` lays them
    out (titles, rows, colours); the page fills in the counts."""
    empty = pd.DataFrame(columns=["area_id", "level", "phase", "province_code", "as_of",
                                  "change_class"])
    spec: dict = {}
    for lang in LANGS:
        modes = {}
        for mode in ("level", "phase", "count", "change"):
            sections = map_legend({}, empty, mode, dataset.levels, lang,
                                  years[0] if years else 0)
            modes[mode] = [{"title": s.title, "shape": s.shape, "inline": s.inline,
                            "rows": [{"key": e.key, "label": e.label, "colour": e.colour,
                                      "outline": e.outline, "dashed": e.dashed,
                                      "provinces": e.provinces is not None}
                                     for e in s.entries]} for s in sections]
        carried = as_of_entry(empty, lang)
        spec[lang] = {"modes": modes, "as_of": {
            "title": t("legend_as_of_title", lang), "key": carried.key, "label": carried.label,
            "colour": carried.colour, "outline": carried.outline},
            "change_titles": {str(y): t("legend_change", lang, year=year_text(y, lang))
                              for y in years}}
    return spec


def _hosts(cell: object) -> list[str]:
    return sorted({urlparse(url).netloc.removeprefix("www.") for url in str(cell).split()
                   if url.startswith(("http://", "https://"))})


def atlas_payload(dataset: Dataset, provinces: gpd.GeoDataFrame, version: str) -> dict:
    """Everything the published pages show, JSON-ready (deterministic for a dataset version).

    Keys: ``dataset`` (name, titles, badge, synthetic, version, data dates, sources of a
    synthetic set), ``years`` and ``last_year``, ``areas`` (static facts, display point, search
    text, source hosts and the card in both languages), ``by_year`` ({year: [[area index,
    level or null, carried 0/1], ...]}: the areas in the programme that year), ``change``
    ({year: {since: [class, ...]}} aligned with ``by_year[year]``), ``provinces``, ``regions``,
    ``levels`` (labels), ``colours``, ``legend`` (:func:`_legend_spec`), ``headline`` (the
    published totals that lead the unfiltered public record) and ``labels``.
    """
    years = dataset_years(dataset)
    last = view_year(dataset, None)
    # every area of the dataset, also those that joined after the last year
    points = area_points(dataset.areas, provinces).sort_values("area_id").reset_index(drop=True)
    index = {area_id: i for i, area_id in enumerate(points["area_id"])}
    shown_at = fanned_positions(points, FAN_RADIUS)
    own = dict(tuple(dataset.assessments.groupby("area_id", sort=False)))
    areas = []
    for (lat, lon), row in zip(shown_at, points.itertuples(), strict=True):
        haystack = "|".join(str(v) for v in (row.name_th, row.name_en, row.province_th,
                                             row.province_en, row.area_id))
        areas.append({
            "id": row.area_id, "name_th": row.name_th, "name_en": row.name_en,
            "province": row.province_code, "province_th": row.province_th,
            "province_en": row.province_en, "region": row.region, "phase": int(row.phase),
            "lat": round(lat, 5), "lon": round(lon, 5), "search": normalise_text(haystack),
            "hosts": _hosts(row.sources),
            "card": {lang: area_details_html(dataset, row, lang, own.get(row.area_id))
                     for lang in LANGS}})
    by_year: dict[str, list] = {}
    change: dict[str, dict[str, list]] = {}
    for year in years:
        table = area_table(dataset, provinces, year).sort_values("area_id")
        by_year[str(year)] = [[index[r.area_id], None if pd.isna(r.level) else int(r.level),
                               int(bool(r.as_of))] for r in table.itertuples()]
        change[str(year)] = {}
        for since in (y for y in years if y < year):
            moved = with_change(table, dataset, since, year).set_index("area_id")["change_class"]
            change[str(year)][str(since)] = [
                None if pd.isna(moved.get(r.area_id)) else str(moved.get(r.area_id))
                for r in table.itertuples()]
    headline = view_headline(dataset, ViewState(dataset=dataset.name))
    return {
        "format": 1,
        "dataset": {
            "name": dataset.name, "synthetic": dataset.synthetic, "version": version,
            "title": {lang: dataset.title(lang) for lang in LANGS},
            "badge": {lang: t("brief_badge_synthetic" if dataset.synthetic
                              else "brief_badge_public", lang) for lang in LANGS},
            "data_date": {lang: {str(y): data_date(dataset, y, lang) for y in years}
                          for lang in LANGS},
            "seed": str(dataset.meta.get("seed", "–")),
        },
        "years": years, "last_year": last,
        "year_text": {lang: {str(y): fiscal_year_text(y, lang, span=False) for y in years}
                      for lang in LANGS},
        "year_short": {lang: {str(y): year_text(y, lang) for y in years} for lang in LANGS},
        "areas": areas, "by_year": by_year, "change": change,
        "provinces": [{"code": r.province_code, "th": r.name_th, "en": r.name_en,
                       "region": r.region}
                      for r in provinces.sort_values("province_code").itertuples()],
        "regions": [{"key": key, "th": region_name(key, "th"), "en": region_name(key, "en")}
                    for key in REGIONS],
        "phases": [{"key": p, "th": phase_label(p, "th"), "en": phase_label(p, "en")}
                   for p in PHASES],
        "levels": {lang: {**{str(lv): level_label(lv, dataset.levels, lang)
                             for lv in LEVEL_COLOURS}, NO_LEVEL: t("no_level", lang)}
                   for lang in LANGS},
        "colours": {"level": {str(k): v for k, v in LEVEL_COLOURS.items()},
                    "phase": {str(k): v for k, v in PHASE_COLOURS.items()},
                    "change": CHANGE_COLOURS, "count": [list(c) for c in COUNT_CLASSES],
                    "no_area": NO_AREA_COLOUR, "no_level": NO_LEVEL_COLOUR,
                    "border": BORDER_COLOUR, "as_of_opacity": AS_OF_FILL_OPACITY,
                    "empty": EMPTY},
        "change_classes": list(CHANGE_CLASSES),
        "legend": _legend_spec(dataset, years),
        "headline": None if headline is None else {
            lang: {"figures": [list(f) for f in published_figures(headline, lang)],
                   "text": headline_text(headline, lang)} for lang in LANGS},
        "params": list(KNOWN_PARAMS), "max_query": MAX_QUERY,
        "labels": _labels(),
    }


def _hashed(name: str, data: bytes) -> str:
    stem, dot, ext = name.rpartition(".")
    return f"{stem}-{hashlib.sha256(data).hexdigest()[:12]}{dot}{ext}"


def _template(name: str) -> bytes:
    return resources.files("ecotown.travel").joinpath(_TEMPLATE_DIR, name).read_bytes()


def _release_files(payload: dict, province_json: str) -> tuple[str, dict[str, bytes]]:
    """The release's id and its files (path inside the release: bytes)."""
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":"),
                      sort_keys=True).encode("utf-8")
    shapes = province_json.encode("utf-8")
    files: dict[str, bytes] = {}
    assets = {}
    folder = leaflet_source()
    for name, data_ in (("leaflet.js", (folder / "leaflet.js").read_bytes()),
                        ("leaflet.css", (folder / "leaflet.css").read_bytes()),
                        ("atlas.js", _template("atlas.js")),
                        ("atlas.css", _template("atlas.css"))):
        hashed = _hashed(name, data_)
        assets[name] = f"assets/{hashed}"
        files[assets[name]] = data_
    template = _template("page.html").decode("utf-8")
    # the release's name changes with any of its files: a release folder is never rewritten
    # (the assets' names carry their own content hashes)
    parts = [data, shapes, template.encode("utf-8"), *(a.encode() for a in sorted(assets.values()))]
    digest = hashlib.sha256(b"\0".join(parts)).hexdigest()[:12]
    release = f"{payload['dataset']['name']}-{payload['dataset']['version']}-{digest}"
    files[f"data/{release}/atlas.json"] = data
    files[f"data/{release}/provinces.json"] = shapes
    for page, root in _PAGES.items():
        text = template
        for key, value in (("@@ROOT@@", root), ("@@LEAFLET_JS@@", assets["leaflet.js"]),
                           ("@@LEAFLET_CSS@@", assets["leaflet.css"]),
                           ("@@ATLAS_JS@@", assets["atlas.js"]),
                           ("@@ATLAS_CSS@@", assets["atlas.css"]),
                           ("@@DATA@@", f"data/{release}/atlas.json"),
                           ("@@SHAPES@@", f"data/{release}/provinces.json"),
                           ("@@PAGE@@", page.split("/")[0].removesuffix(".html")),
                           ("@@RELEASE@@", release),
                           ("@@LOADING@@", esc(" · ".join(t("pub_loading", lang)
                                                          for lang in LANGS))),
                           ("@@FAILED@@", esc(" · ".join(t("pub_failed", lang)
                                                         for lang in LANGS))),
                           ("@@NOSCRIPT@@", esc(" · ".join(t("pub_noscript", lang)
                                                           for lang in LANGS)))):
            text = text.replace(key, value)
        files[page] = text.encode("utf-8")
    # beside each text file its gzip (the same bytes every time): a server that serves them
    # (nginx's gzip_static) sends a quarter of the bytes for no CPU
    for name in [n for n in files if n.endswith((".js", ".css", ".json", ".html"))]:
        files[name + ".gz"] = gzip.compress(files[name], compresslevel=9, mtime=0)
    files[MARKER] = (release + "\n").encode("utf-8")
    return release, files


def publish_site(dataset: Dataset, provinces: gpd.GeoDataFrame, out: Path,
                 version: str = "") -> Published:
    """Write the published atlas of ``dataset`` and make ``out`` point at it atomically.

    The release is written beside ``out`` (in ``<out>.releases/``) and complete before
    ``out``, a symbolic link, is swapped to it in one rename: a reader sees the old atlas or
    the new one, never a half. The last :data:`KEEP_RELEASES` releases are kept.

    Raises
    ------
    PublishError
        ``out`` is a file, or a directory this command did not write, or cannot be written.
    """
    out = Path(out)
    releases = out.parent / f"{out.name}.releases"
    _check_out(out)  # before any work: a refusal is said at once
    payload = atlas_payload(dataset, provinces, version or "shipped")
    release, files = _release_files(payload, province_geojson(provinces))
    if out.is_dir() and not out.is_symlink():  # empty, or an atlas copied by hand
        shutil.rmtree(out)  # (_check_out refused any other folder): replaced by the link
    try:
        releases.mkdir(parents=True, exist_ok=True)
        target = releases / release
        if not target.is_dir():
            partial = releases / f".{release}.partial-{os.getpid()}"
            shutil.rmtree(partial, ignore_errors=True)
            for name, data in files.items():
                path = partial / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
            partial.rename(target)
        _carry_previous(releases, target, out)
        link = out.parent / f".{out.name}.link-{os.getpid()}"
        if link.is_symlink() or link.exists():
            link.unlink()
        link.symlink_to(Path(releases.name) / release, target_is_directory=True)
        os.replace(link, out)  # the swap: atomic on POSIX
    except OSError as exc:
        raise PublishError("pub_err_write", path=str(out), detail=str(exc)[:200]) from exc
    _prune(releases, release)
    return Published(release=release, folder=target, files=len(files),
                     bytes=sum(len(d) for d in files.values()))


def _check_out(out: Path) -> None:
    """Refuse an ``out`` that is a file, or a folder with files this command did not write."""
    if out.is_symlink() or not out.exists():
        return
    if not out.is_dir():
        raise PublishError("pub_err_not_dir", path=str(out))
    if any(out.iterdir()) and not (out / MARKER).is_file():
        raise PublishError("pub_err_not_ours", path=str(out))


def _carry_previous(releases: Path, target: Path, out: Path) -> None:
    """Put the data and assets of the release ``out`` points at now (and of the ones kept
    before it) into ``target`` too, before the swap: a reader who opened an old page
    fetches its files from the new tree and must find them (hard links, else copies)."""
    previous = [p for p in _release_dirs(releases) if p != target]
    current = out.resolve() if out.is_symlink() else None
    if current is not None and current in previous:  # the live one first
        previous.remove(current)
        previous.insert(0, current)
    for old in previous[:KEEP_RELEASES - 1]:
        wanted = [Path("data") / old.name / name for name in
                  ("atlas.json", "provinces.json", "atlas.json.gz", "provinces.json.gz")]
        for page in _PAGES:
            if (old / page).is_file():
                wanted += [Path(link + gz) for link in re.findall(
                    r'(?:src|href)="(?:\.\./)?(assets/[^"]+)"',
                    (old / page).read_text(encoding="utf-8")) for gz in ("", ".gz")]
        for name in dict.fromkeys(wanted):
            source, copy = old / name, target / name
            if not source.is_file() or copy.exists():
                continue
            copy.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(source, copy)
            except OSError:
                shutil.copyfile(source, copy)


def _release_dirs(releases: Path) -> list[Path]:
    """The complete releases in ``releases``, newest first (a partial one starts with '.')."""
    return sorted((p for p in releases.iterdir() if p.is_dir() and not p.name.startswith(".")),
                  key=lambda p: p.stat().st_mtime, reverse=True)


def _prune(releases: Path, current: str) -> None:
    """Keep the newest :data:`KEEP_RELEASES` releases (the current one always)."""
    for old in _release_dirs(releases)[KEEP_RELEASES:]:
        if old.name != current:
            shutil.rmtree(old, ignore_errors=True)
