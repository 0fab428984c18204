"""Opening a page of the atlas in Streamlit's AppTest, the way every page test does."""

from __future__ import annotations

import html
import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def open_page(page: str = "app.py", params: dict | None = None, timeout: float = 90,
              check: bool = True) -> AppTest:
    """Run ``page`` (``app.py`` or ``pages/….py``) with the URL's ``params``; with
    ``check``, fail on any exception shown on the page."""
    app = AppTest.from_file(APP, default_timeout=timeout)
    for key, value in (params or {}).items():
        app.query_params[key] = value
    if page != "app.py":
        app.switch_page(page)
    app.run()
    if check:
        assert not app.exception, [e.value for e in app.exception]
    return app


DEVELOPER = re.compile(r"README|\.py\b|\.csv\b|\.json\b|scripts/|geodata|"
                       r"\b[a-z]+_[a-z_]+\b")  # file names and snake_case column names


def visible_text(app) -> str:
    parts = [str(e.value) for e in [*app.markdown, *app.caption, *app.info, *app.warning,
                                    *app.success, *app.error, *app.header, *app.subheader,
                                    *app.title]]
    for block in app.get("html"):
        body = re.sub(r"<(style|script)\b.*?</\1>", " ", block.proto.body, flags=re.S)
        body = re.sub(r"<[^>]*>", " ", body)  # tags, with their attributes and hrefs
        parts.append(html.unescape(body))
    for frame in app.dataframe:
        parts += [str(c) for c in frame.value.columns]
    text = " ".join(parts)
    return re.sub(r"https?://\S+", " ", text)  # an address is not developer text


def developer_words(app) -> list[str]:
    """File, script and column names in what the page shows (issue 28: none on an
    executive page)."""
    return sorted(set(DEVELOPER.findall(visible_text(app))))


def area_kinds(dataset) -> list[str]:
    """One area of each kind the area page draws differently, chosen from the data (issue
    27: a page per kind, not per id): phase × how many assessments (none, one, several) ×
    indicator values or not × criteria edition or not × location precision × a note or
    not; the first and last id besides. Every id's numbers are checked below the page layer
    (tests/unit/analysis); this is the page composing them."""
    areas = dataset.areas
    counts = dataset.assessments.groupby("area_id").size()
    measured = set(dataset.indicator_values["area_id"]) if dataset.indicator_values is not None \
        else set()
    criteria = dataset.assessments.get("criteria")
    with_criteria = set(dataset.assessments.loc[criteria.notna(), "area_id"]) \
        if criteria is not None else set()
    seen: dict[tuple, str] = {}
    for row in areas.itertuples():
        count = int(counts.get(row.area_id, 0))
        kind = (row.phase, min(count, 2), row.area_id in measured,
                row.area_id in with_criteria, row.location_precision,
                bool(str(row.note or "").strip()))
        seen.setdefault(kind, row.area_id)
    ids = list(areas["area_id"])
    return sorted({*seen.values(), ids[0], ids[-1]})


def province_kinds(dataset, codes) -> list[str]:
    """One province of each kind the province page draws differently: each region with no
    area, one area and several (issue 27, as ``area_kinds``)."""
    from ecotown.model.regions import PROVINCE_REGION

    counts = dataset.areas.groupby("province_code").size()
    seen: dict[tuple, str] = {}
    for code in codes:
        seen.setdefault((PROVINCE_REGION[code], min(int(counts.get(code, 0)), 2)), code)
    return sorted(seen.values())
