"""Issue 28: executive pages (overview, area, province) carry no developer text in either
language, on either dataset: no README, file, script or column name. Everything the page
shows as text is read: Markdown, captions, notices, HTML blocks (tags and link targets
dropped), headings and table headers."""

from __future__ import annotations

import html
import re

import pytest

from tests.pages.apptest import open_page

DEVELOPER = re.compile(r"README|\.py\b|\.csv\b|\.json\b|scripts/|geodata|"
                       r"\b[a-z]+_[a-z_]+\b")  # file names and snake_case column names
PAGES = [("app.py", {}), ("app.py", {"dataset": "demo"}),
         ("app.py", {"dataset": "demo", "since": "2022"}),
         ("pages/area.py", {"area": "P1-05"}),
         ("pages/area.py", {"area": "P3-11", "dataset": "demo"}),
         ("pages/province.py", {"code": "21"}),
         ("pages/province.py", {"code": "21", "dataset": "demo"})]


def _visible_text(app) -> str:
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


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize(("page", "params"), PAGES)
def test_executive_pages_name_no_file_script_or_column(page, params, lang):
    app = open_page(page, {**params, "lang": lang})
    found = sorted(set(DEVELOPER.findall(_visible_text(app))))
    assert found == [], f"{page} {params} {lang}: {found}"


def test_the_scan_sees_developer_text():
    said = type("E", (), {"value": "see README, scripts/make_demo_data.py, column level_year"})()

    class Fake:
        markdown = caption = info = warning = success = error = header = subheader = (said,)
        title = dataframe = ()

        def get(self, _):
            return []
    found = set(DEVELOPER.findall(_visible_text(Fake())))
    assert {"README", "scripts/", ".py", "level_year"} <= found
