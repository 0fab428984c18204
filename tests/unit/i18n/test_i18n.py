"""The Thai/English catalogue: every key has both languages with the same placeholders,
every key is used by the code, and counts read right ("1 area", not "1 areas")."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from ecotown.i18n.labels import TEXT, t

ROOT = Path(__file__).resolve().parents[3]
CODE = [p for p in (ROOT / "ecotown").rglob("*.py") if "i18n" not in p.parts] + \
    sorted((ROOT / "pages").glob("*.py")) + [ROOT / "app.py"]


# the published atlas's script names its texts as tr("key", ...) (ecotown/travel/publish.py
# sends it every key it names)
SCRIPT = ROOT / "ecotown" / "travel" / "published" / "atlas.js"
SCRIPT_KEYS = {key for key in re.findall(r'\btr\("([a-z0-9_]+)"', SCRIPT.read_text("utf-8"))
               if not key.endswith("_")}  # "change_" + key: a prefix


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(TEXT))
def test_every_text_has_thai_and_english_with_the_same_placeholders(key):
    entry = TEXT[key]
    assert entry["th"].strip() and entry["en"].strip(), key
    assert _placeholders(entry["th"]) == _placeholders(entry["en"]), key
    if "en_one" in entry:
        assert _placeholders(entry["en_one"]) == _placeholders(entry["en"]), key


def test_every_key_is_used():
    """Each key appears in the code as a string, or under a prefix the code builds
    (``t(f"basis_{...}")``); a key nobody uses is dead text."""
    strings, prefixes = set(), set()
    for path in CODE:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                strings.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values \
                    and isinstance(node.values[0], ast.Constant):
                prefixes.add(node.values[0].value)
            elif isinstance(node, ast.BinOp) and isinstance(node.left, ast.Constant) \
                    and isinstance(node.left.value, str):
                prefixes.add(node.left.value)
    strings |= SCRIPT_KEYS
    unused = sorted(k for k in TEXT if k not in strings
                    and not any(p and k.startswith(p) for p in prefixes))
    assert unused == []


def test_the_published_script_gets_every_text_it_names_in_both_languages():
    """Every ``tr("key")`` of the published atlas's script is in the labels it is sent, with
    the same placeholders in Thai and English."""
    from ecotown.travel.publish import _labels

    labels = _labels()
    assert SCRIPT_KEYS and set(labels["th"]) >= SCRIPT_KEYS and set(labels["en"]) >= SCRIPT_KEYS
    for built in ("change_up2", "change_unknown", "color_count"):  # "change_" + key, ...
        assert built in labels["th"] and built in labels["en"]


def test_every_key_the_code_names_exists():
    """Every literal ``t("key", …)`` in the code names a key of the catalogue."""
    missing = []
    for path in CODE:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "t" \
                    and node.args and isinstance(node.args[0], ast.Constant) \
                    and node.args[0].value not in TEXT:
                missing.append(f"{path.name}: {node.args[0].value}")
    assert missing == []


@pytest.mark.parametrize(("n", "expected"), [(0, "0 areas"), (1, "1 area"), (2, "2 areas"),
                                             ("1", "1 area"), (11, "11 areas")])
def test_english_counts_agree_with_the_number(n, expected):
    assert t("n_areas", "en", n=n) == expected
    assert t("n_areas", "th", n=n) == f"{n} พื้นที่"


@pytest.mark.parametrize("year,lang,expected", [
    (2023, "th", "พ.ศ. 2566"), (2023, "en", "2023"), ("2037", "th", "พ.ศ. 2580"),
    (None, "th", "–"), ("", "en", "–"), ("abc", "th", "–"),
])
def test_year_text_speaks_the_readers_calendar(year, lang, expected):
    from ecotown.i18n.labels import year_text

    assert year_text(year, lang) == expected


def test_thai_tooltips_and_tables_use_buddhist_era_years(demo, province_polygons):
    from ecotown.analysis.summary import area_table
    from ecotown.present.tables import display_areas
    from ecotown.webmap.mapview import area_layer_data

    areas = area_table(demo, province_polygons)
    tips = " ".join(f["properties"]["tip"] for f in
                    area_layer_data(areas, demo.levels, "th")["features"])
    assert "(พ.ศ. 2568)" in tips and "(2025)" not in tips
    table = display_areas(areas, demo, "th")
    assert set(table["ปีที่ประเมิน"]) <= {f"พ.ศ. {y + 543}" for y in range(2015, 2031)}
