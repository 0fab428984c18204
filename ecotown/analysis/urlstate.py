"""The view state that lives in the URL: parse it, tolerate bad values, write it back.

``?dataset=demo&lang=en&color=phase&phase=1,3&level=3,4&region=east&province=21&q=rayong``
``&year=2568&since=2565``: fiscal years, typed in B.E. or C.E., written back as C.E.

Parsing never raises: a bad value is dropped and reported as a :class:`Notice`, so a
tampered or stale link still opens the normal page.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ecotown.analysis.filters import Filters
from ecotown.i18n.labels import DEFAULT_LANG, LANGS, t
from ecotown.model.regions import PROVINCE_REGION, REGIONS
from ecotown.model.text import shorten
from ecotown.model.vocabulary import COLOR_MODES, LEVEL_KEYS, PHASES
from ecotown.model.years import parse_year

__all__ = [
    "COLOR_MODES",
    "KNOWN_PARAMS",
    "MIN_LEVELS",
    "PAGE_PARAMS",
    "Notice",
    "ViewState",
    "encode_view",
    "fit_years",
    "page_params",
    "page_title",
    "page_url",
    "parse_view",
    "view_params",
]

LEVEL_VALUES = LEVEL_KEYS
MAX_QUERY = 100
MAX_SHOWN = 40  # how much of a bad value a notice repeats
# what a page shows, beside the view it came from
PAGE_PARAMS = ("area", "code", "areas", "depth", "indicator")
MAX_PAGE_PARAM = 60
MAX_AREAS_PARAM = 200  # the compare page's list of area ids (at most 6)
MAX_PARAM = 400  # no written parameter is longer (77 province codes take 230)
MIN_LEVELS = ("2", "3", "4", "5")  # "level N or above"; 1 or above is every assessed area
KNOWN_PARAMS = ("dataset", "lang", "color", "phase", "level", "minlevel", "region",
                "province", "q", "year", "since",
                "sel", "present", *PAGE_PARAMS)


@dataclass(frozen=True)
class Notice:
    """A URL parameter value that was ignored, and why (a ``labels`` reason key)."""

    param: str
    value: str
    reason: str


@dataclass(frozen=True)
class ViewState:
    """Everything a copied link must reproduce."""

    dataset: str = "public"
    lang: str = DEFAULT_LANG
    color: str = "level"
    filters: Filters = field(default_factory=Filters)
    selected_province: str = ""
    present: bool = False
    year: int | None = None  # fiscal year shown (C.E.); None: the dataset's last year
    since: int | None = None  # a change view: the change from this fiscal year to ``year``



def _first(value: object) -> str:
    if isinstance(value, list | tuple):
        value = value[-1] if value else ""
    return str(value) if value is not None else ""


def _shown(value: str) -> str:
    return shorten(value, MAX_SHOWN + 1)


def _pick_list(name: str, raw: str, allowed: Iterable[str], notices: list[Notice]) -> tuple:
    allowed = tuple(allowed)
    chosen: list[str] = []
    for part in raw.split(","):
        part = part.strip().lower() if name != "province" else part.strip()
        if not part:
            continue
        if part in allowed:
            if part not in chosen:
                chosen.append(part)
        else:
            notices.append(Notice(name, _shown(part), "reason_unknown_value"))
    return tuple(sorted(chosen, key=allowed.index))


def parse_view(params: Mapping[str, object], datasets: Iterable[str]) -> tuple[ViewState,
                                                                               list[Notice]]:
    """Read a view state from query parameters; bad values become notices, never errors."""
    notices: list[Notice] = []
    datasets = tuple(datasets)
    state = ViewState(dataset=datasets[0] if datasets else "public")
    raw = {str(k): _first(v) for k, v in params.items()}
    for key in raw:
        if key not in KNOWN_PARAMS:
            notices.append(Notice(_shown(key), _shown(raw[key]), "reason_unknown_param"))

    def one_of(name: str, allowed: tuple[str, ...], default: str) -> str:
        value = raw.get(name)
        if value is None or value == "":
            return default
        if value in allowed:
            return value
        notices.append(Notice(name, _shown(value), "reason_unknown_value"))
        return default

    lang = one_of("lang", LANGS, DEFAULT_LANG)
    dataset = one_of("dataset", datasets, state.dataset)
    color = one_of("color", COLOR_MODES, "level")
    phase_keys = tuple(str(p) for p in PHASES)
    phases = tuple(int(p) for p in _pick_list("phase", raw.get("phase", ""), phase_keys, notices))
    levels = _pick_list("level", raw.get("level", ""), LEVEL_VALUES, notices)
    min_level = int(one_of("minlevel", ("1", *MIN_LEVELS), "0") or 0)
    regions = _pick_list("region", raw.get("region", ""), tuple(REGIONS), notices)
    provinces = _pick_list("province", raw.get("province", ""), sorted(PROVINCE_REGION),
                           notices)
    query = raw.get("q", "").strip()
    if len(query) > MAX_QUERY:
        notices.append(Notice("q", _shown(query), "reason_too_long"))
        query = query[:MAX_QUERY]
    selected = raw.get("sel", "")
    if selected and selected not in PROVINCE_REGION:
        notices.append(Notice("sel", _shown(selected), "reason_unknown_value"))
        selected = ""
    present = one_of("present", ("0", "1"), "0") == "1"
    year = _year_param("year", raw, notices)
    since = _year_param("since", raw, notices)
    if since is not None and year is not None and since >= year:
        notices.append(Notice("since", _shown(raw["since"]), "reason_since_after_year"))
        since = None
    filters = Filters(phases=phases, levels=levels, regions=regions, provinces=provinces,
                      query=query, min_level=min_level)
    return ViewState(dataset=dataset, lang=lang, color=color, filters=filters,
                     selected_province=selected, present=present, year=year,
                     since=since), notices


def _year_param(name: str, raw: Mapping[str, str], notices: list[Notice]) -> int | None:
    """A fiscal year typed in B.E. or C.E. (``2568``, ``2025``), as C.E.; else a notice."""
    value = raw.get(name, "").strip()
    if not value:
        return None
    year = parse_year(value)
    if year is None:
        notices.append(Notice(name, _shown(value), "reason_not_a_year"))
    return year


def fit_years(state: ViewState, years: list[int]) -> tuple[ViewState, list[Notice]]:
    """Keep the view's ``year`` and ``since`` within the dataset's years (:func:
    ``ecotown.analysis.summary.dataset_years``); a year outside them is dropped with a
    notice (the view then shows the last year; a dropped ``since`` ends the change view)."""
    notices: list[Notice] = []
    year, since = state.year, state.since
    if year is not None and year not in years:
        notices.append(Notice("year", str(year), "reason_year_outside_data"))
        year = None
    last = year if year is not None else (years[-1] if years else None)
    if since is not None and (since not in years or last is None or since >= last):
        notices.append(Notice("since", str(since), "reason_year_outside_data"
                              if since not in years else "reason_since_after_year"))
        since = None
    if (year, since) == (state.year, state.since):
        return state, notices
    from dataclasses import replace

    return replace(state, year=year, since=since), notices


def encode_view(state: ViewState, default_dataset: str = "public") -> dict[str, str]:
    """Query parameters for a view state; defaults are left out to keep links short."""
    params: dict[str, str] = {}
    if state.dataset != default_dataset:
        params["dataset"] = state.dataset
    if state.lang != DEFAULT_LANG:
        params["lang"] = state.lang
    if state.color != "level":
        params["color"] = state.color
    f = state.filters
    if f.phases:
        params["phase"] = ",".join(str(p) for p in f.phases)
    if f.levels:
        params["level"] = ",".join(f.levels)
    if f.min_level:
        params["minlevel"] = str(f.min_level)
    if f.regions:
        params["region"] = ",".join(f.regions)
    if f.provinces:
        params["province"] = ",".join(f.provinces)
    if f.query:
        params["q"] = f.query
    if state.selected_province:
        params["sel"] = state.selected_province
    if state.present:
        params["present"] = "1"
    if state.year is not None:
        params["year"] = str(state.year)
    if state.since is not None:
        params["since"] = str(state.since)
    return {key: value[:MAX_PARAM] for key, value in params.items()}


def page_url(page: str, state: ViewState, **params: str) -> str:
    """A relative link to ``page`` (``area``, ``province``) that keeps the view."""
    from urllib.parse import urlencode

    return f"{page}?{urlencode({**encode_view(state), **params})}"


def page_title(lang: str) -> str:
    """The browser tab's title: the atlas's name in ``lang``, the English name after it."""
    title = t("app_title", lang)
    return title if title == "Eco Town Atlas" else f"{title} · Eco Town Atlas"


def page_params(params: Mapping[str, object]) -> dict[str, str]:
    """The page's own parameters (``area``, ``code``, ``areas``) of a query,
    length-bounded."""
    found = {}
    for key in PAGE_PARAMS:
        value = _first(params.get(key)).strip()[:MAX_AREAS_PARAM if key == "areas"
                                                  else MAX_PAGE_PARAM]
        if value:
            found[key] = value
    return found


def view_params(state: ViewState, current: Mapping[str, object]) -> dict[str, str]:
    """The query a page writes for ``state``: the view, plus the page's own parameters.

    Rewriting the URL (to drop an ignored parameter, or after a language switch) keeps
    ``area`` and ``code``, so a link from an e-mail with ``utm_source`` still opens its area.
    """
    return {**encode_view(state), **page_params(current)}
