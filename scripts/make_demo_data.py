"""Build the synthetic demo dataset in ``geodata/demo/``: complete, seeded and made up.

Usage::

    python -m scripts.make_demo_data[--out geodata/demo] [--seed N]

The demo has the programme's published shape (54 areas in 39 provinces; phases of 18/15/21
areas in 15/4/20 provinces; in 2023, 4 areas at level 4, 14 at level 3 and 36 below). Its 32
public-record areas keep their ids, names, phases, points and sources from
``geodata/areas.csv``; the 22 others are real districts and subdistricts (names and DOPA codes
from ``geothai``, points from :func:`ecotown.model.gazetteer.locate`) whose membership is invented.
Every level history, the indicator catalogue and every indicator value are synthetic. The
same seed rebuilds the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from pathlib import Path

import geopandas as gpd
import geothai

from ecotown.model.gazetteer import load_gazetteer, locate
from scripts import build_public_record as _PUBLIC

ROOT = Path(__file__).resolve().parent.parent

LEVELS = _PUBLIC.LEVELS
DIMENSIONS = _PUBLIC.DIMENSIONS
_write = _PUBLIC.write_table

DEFAULT_SEED = 2566
GEODATA = ROOT / "geodata"
LAST_YEAR = 2025
FIRST_YEAR = 2019

SYNTHETIC_TH = "ข้อมูลสาธิตสังเคราะห์"
SYNTHETIC_EN = "synthetic demo data"
NOTE_BASE = f"{SYNTHETIC_TH} / {SYNTHETIC_EN}"

# The 22 areas beyond the public record: real places, invented membership.
# area_id, DOPA admin code, its English geothai name (checked, so a wrong code fails loudly)
NEW_AREAS = [
    # phase 2: the four provinces of the public P2 areas
    ("P2-05", "6306", "Mae Sot"),  # Tak
    ("P2-06", "6307", "Phop Phra"),
    ("P2-07", "6304", "Mae Ramat"),
    ("P2-08", "4903", "Don Tan"),  # Mukdahan
    ("P2-09", "4905", "Khamcha-I"),
    ("P2-10", "490101", "Mukdahan"),
    ("P2-11", "2706", "Aranyaprathet"),  # Sa Kaeo
    ("P2-12", "270101", "Sa Kaeo"),
    ("P2-13", "2705", "Watthana Nakhon"),
    ("P2-14", "2303", "Khao Saming"),  # Trat
    ("P2-15", "2305", "Laem Ngop"),
    # phase 3: ten provinces used nowhere else, Kanchanaburi with two areas
    ("P3-11", "7106", "Tha Muang"),  # Kanchanaburi
    ("P3-12", "7109", "Phanom Thuan"),  # Kanchanaburi
    ("P3-13", "4104", "Kumphawapi"),  # Udon Thani
    ("P3-14", "6505", "Bang Krathum"),  # Phitsanulok
    ("P3-15", "8009", "Thung Song"),  # Nakhon Si Thammarat
    ("P3-16", "2203", "Tha Mai"),  # Chanthaburi
    ("P3-17", "3415", "Warin Chamrap"),  # Ubon Ratchathani
    ("P3-18", "720901", "U Thong"),  # Suphan Buri
    ("P3-19", "6204", "Khanu Woralaksaburi"),  # Kamphaeng Phet
    ("P3-20", "4302", "Tha Bo"),  # Nong Khai
    ("P3-21", "860401", "Lang Suan"),  # Chumphon
]
NEW_AREA_NOTE = (f"{NOTE_BASE}; สถานที่จริง แต่การเข้าร่วมโครงการเป็นข้อมูลสมมติ"
                 " / a real place, but its membership of the programme is made up")



def _thai(note: str) -> str:
    """The Thai half of each part of a bilingual note ("ไทย / English; ไทย / English")."""
    return "; ".join(part.split(" / ")[0].strip() for part in note.split("; "))


# Level-4 areas of the public record: (area_id, first year at level 4).
PUBLIC_LEVEL4 = {"P1-05": 2022, "P1-10": 2019}
PUBLIC_LEVEL4_NOTE = "ระดับที่ 4 ตรงกับข้อมูลสาธารณะ / level 4 as in the public record"
# Phase-3 public areas whose sources date their selection to 2022; the others join in 2023.
PHASE3_FROM_2022 = {"P3-01", "P3-04", "P3-05"}
COUNT_LEVEL4 = 4
COUNT_LEVEL3 = 14

DROP_REASONS = {
    "covid": ("โควิด-19 ทำให้โครงการร่วมหยุดชะงัก",
              "COVID-19 halted the area's joint projects"),
    "criteria": ("ประเมินใหม่ตามเกณฑ์ฉบับปรับปรุงปี 2565",
                 "re-assessed under the criteria revised in 2022"),
    "exchange": ("โครงการแลกเปลี่ยนของเสียหลักหยุดดำเนินการ",
                 "the main waste-exchange project stopped"),
    "closure": ("โรงงานหลักในเครือข่ายของพื้นที่ปิดกิจการ",
                "a key plant of the area's network closed"),
}

# Indicator catalogue: five dimensions x four aspects x two indicators, one extra.
DIMENSION_CODES = {"physical": "PHY", "economic": "ECO", "environmental": "ENV",
                   "social": "SOC", "management": "MAN"}
EXTRA_INDICATOR_ASPECT = "ENV-2"

# unit key: unit_th, unit_en, scale_min, scale_max, higher_is_better, decimals
UNITS = {
    "pct_up": ("ร้อยละ", "per cent", 0, 100, True, 1),
    "pct_down": ("ร้อยละ", "per cent", 0, 100, False, 1),
    "score": ("คะแนน (0–100)", "score (0–100)", 0, 100, True, 0),
    "rai": ("ไร่", "rai", 0, 1000, True, 1),
    "water": ("ลูกบาศก์เมตรต่อวัน", "cubic metres per day", 0, 50000, False, 0),
    "projects": ("จำนวนโครงการ", "number of projects", 0, 30, True, 0),
    "baht": ("บาทต่อปี", "baht per year", 0, 20_000_000, True, 0),
    "groups": ("จำนวนกลุ่ม", "number of groups", 0, 40, True, 0),
    "waste": ("ตันต่อปี", "tonnes per year", 0, 20000, False, 1),
    "ghg": ("ตันคาร์บอนไดออกไซด์เทียบเท่าต่อปี", "tonnes CO2e per year", 0, 100000, True, 0),
    "energy": ("เมกะวัตต์-ชั่วโมงต่อปี", "megawatt-hours per year", 0, 500000, False, 0),
    "complaints": ("กรณีต่อปี", "cases per year", 0, 50, False, 0),
    "accidents": ("ครั้งต่อปี", "accidents per year", 0, 20, False, 0),
    "meetings": ("ครั้งต่อปี", "meetings per year", 0, 24, True, 0),
}
UNIT_CYCLE = {
    "physical": ["pct_up", "rai", "pct_down", "score", "water", "pct_up", "projects", "score"],
    "economic": ["baht", "projects", "pct_up", "baht", "groups", "score", "pct_up", "baht"],
    "environmental": ["waste", "ghg", "pct_down", "water", "energy", "pct_up", "waste",
                      "score", "complaints"],
    "social": ["complaints", "accidents", "groups", "pct_up", "score", "complaints", "baht",
               "pct_up"],
    "management": ["score", "pct_up", "meetings", "score", "pct_up", "projects", "score",
                   "meetings"],
}

# Scores: 12 + 18 * level, a per-area per-dimension offset (strengths and gaps), a persistent
# per-area per-indicator offset and yearly noise (together sd ~8), clipped to 0..100.
SCORE_BASE, SCORE_PER_LEVEL = 12.0, 18.0
AREA_DIMENSION_SD, AREA_DIMENSION_MAX = 5.0, 10.0
AREA_INDICATOR_SD, YEARLY_SD = 5.0, 6.0


def source_text(seed: int) -> str:
    """The ``source`` of every synthetic row.

    Parameters
    ----------
    seed
        The generator's seed.

    Returns
    -------
    str
        ``"synthetic demo data: scripts/make_demo_data.py seed <seed>"``.
    """
    return f"{SYNTHETIC_EN}: scripts/make_demo_data.py seed {seed}"


def _num(value: float, decimals: int) -> str:
    """Format ``value`` with at most ``decimals`` decimals, no trailing zeros, no ``-0``."""
    text = f"{value:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def build_areas(public_areas: Path, provinces_geojson: Path, seed: int) -> list[dict]:
    """Return the 54 demo areas, sorted by ``area_id``.

    Parameters
    ----------
    public_areas
        The public record's ``areas.csv`` (32 areas with their points).
    provinces_geojson
        Province polygons with the property ``province_code``.
    seed
        The seed, named in the new areas' ``sources``.

    Returns
    -------
    list of dict
        One row per area, every cell a string, in the columns of the ``areas`` table.
    """
    areas = []
    for rec in _read_csv(public_areas):
        note = rec["note"].strip()
        note_th = rec.get("note_th", "").strip()
        areas.append({**rec, "joined_year": str(JOINED[rec["phase"]]),
                      "note": f"{NOTE_BASE}; public record: {note}" if note
                      else f"{NOTE_BASE}; area from the public record",
                      "note_th": f"{SYNTHETIC_TH}; ข้อมูลสาธารณะ: {note_th}" if note_th
                      else f"{SYNTHETIC_TH}; พื้นที่จากข้อมูลสาธารณะ"})
    provinces = gpd.read_file(provinces_geojson).set_index("province_code")
    places = load_gazetteer()
    for area_id, code, name_en in NEW_AREAS:
        place = geothai.district(code) if len(code) == 4 else geothai.subdistrict(code)
        if place is None or place.name_en != name_en:
            raise ValueError(f"{area_id}: geothai code {code} is not {name_en!r}")
        scope = "district" if len(code) == 4 else "subdistrict"
        prefix_th = "อำเภอ" if scope == "district" else "ตำบล"
        where = locate(code, provinces.geometry[place.province_code], places)
        areas.append({
            "area_id": area_id, "name_th": prefix_th + place.name_th,
            "name_en": f"{place.name_en} {scope}", "province_code": place.province_code,
            "scope": scope, "admin_code": code, "phase": area_id[1],
            "phase_basis": "synthetic", "lat": _num(where.lat, 5), "lon": _num(where.lon, 5),
            "location_precision": where.precision, "sources": source_text(seed),
            "note": NEW_AREA_NOTE, "note_th": _thai(NEW_AREA_NOTE),
            "joined_year": str(JOINED[area_id[1]]),
        })
    areas.sort(key=lambda a: a["area_id"])
    ids = [a["area_id"] for a in areas]
    if len(ids) != len(set(ids)):
        raise ValueError("duplicate area ids")
    return areas


def _climb(rng: random.Random, years: list[int], start: int, final: int) -> dict[int, int]:
    """A level path over ``years`` from ``start`` to ``final``, rising by one in
    ``final - start`` random years after the first (never a skipped level)."""
    rises = set(rng.sample(years[1:], final - start))
    path, level = {}, start
    for year in years:
        if year in rises:
            level += 1
        path[year] = level
    return path


def _span(first: int, last: int) -> list[int]:
    return list(range(first, last + 1))


# The years each phase joined (synthetic, but consistent with the published facts: in 2022
# DIW had 18 phase-1 areas and was to announce 36 more; phase 3 was announced in 2023).
JOINED = {"1": FIRST_YEAR, "2": 2022, "3": 2023}
# Published aggregates the demo agrees with, by construction and by test: in 2022 all 18
# phase-1 areas were at level 3 or 4; in 2023 4 areas were at level 4, 14 at level 3 (the
# phase-1 areas) and 36 below.
FROZEN = (2022, 2023)
# Areas with no assessment in the last year (results not yet published): shown "as of 2024".
UNASSESSED_LAST = 3


def _phase1_paths(rng: random.Random, p1: list[str]) -> tuple[dict, dict]:
    """Phase-1 paths: 4 at level 4 and 14 at level 3 in 2022 and 2023, then onwards."""
    paths: dict[str, dict[int, int]] = {}
    falls: dict[str, tuple[int, str]] = {}
    others = [i for i in p1 if i not in PUBLIC_LEVEL4]
    level4 = sorted(PUBLIC_LEVEL4) + sorted(rng.sample(others,
                                                       COUNT_LEVEL4 - len(PUBLIC_LEVEL4)))
    early = _span(FIRST_YEAR, FROZEN[0])
    for area_id in p1:
        at_2022 = 4 if area_id in level4 else 3
        if area_id == "P1-10":  # level 4 since 2019 in the public record
            path = dict.fromkeys(early, 4)
        elif area_id in PUBLIC_LEVEL4:  # first at level 4 in the public record's year
            first4 = PUBLIC_LEVEL4[area_id]
            path = _climb(rng, _span(FIRST_YEAR, first4 - 1), rng.choice((2, 3)), 3)
            path.update(dict.fromkeys(_span(first4, FROZEN[0]), 4))
        else:
            path = _climb(rng, early, rng.choice((max(1, at_2022 - 3), at_2022 - 2,
                                                   at_2022 - 1)), at_2022)
        path[FROZEN[1]] = at_2022
        paths[area_id] = path
    # One COVID dip: an area at level 2 in 2019 and 2020 goes down to 1 in 2020... and climbs.
    dip = rng.choice(sorted(i for i in others if i not in level4))
    paths[dip].update({2019: 2, 2020: 1, 2021: 2, 2022: 3, 2023: 3})
    falls[dip] = (2020, "covid")
    # 2024–2025: some climb, one area falls after a plant closed, P1-10 reaches level 5.
    level3 = sorted(i for i in p1 if i not in level4)
    closure = rng.choice([i for i in level3 if i != dip])
    risers = rng.sample([i for i in level3 if i not in (dip, closure)], 5)
    for area_id in p1:
        lv = paths[area_id][FROZEN[1]]
        if area_id == closure:
            paths[area_id].update({2024: lv - 1, 2025: lv - 1})
            falls[area_id] = (2024, "closure")
        elif area_id == "P1-10":
            paths[area_id].update({2024: 4, 2025: 5})
        elif area_id in risers:
            year = rng.choice((2024, 2025))
            paths[area_id].update({y: lv + (y >= year) for y in (2024, 2025)})
        else:
            paths[area_id].update(dict.fromkeys((2024, 2025), lv))
    return paths, falls


def build_levels(rng: random.Random, areas: list[dict]) -> dict[str, dict[int, tuple[int, str]]]:
    """Level histories: for each area, year -> (level, extra note).

    Every year agrees with the published aggregates of that year (:data:`FROZEN`); a level
    moves by at most one a year and goes down only with a noted (made-up) reason.

    Parameters
    ----------
    rng
        The seeded generator.
    areas
        The rows of :func:`build_areas`.

    Returns
    -------
    dict
        ``{area_id: {year: (level, note)}}``; the note is empty unless the level went down or
        matches the public record.
    """
    phase = {a["area_id"]: a["phase"] for a in areas}
    p1 = sorted(i for i, p in phase.items() if p == "1")
    paths, falls = _phase1_paths(rng, p1)
    later = sorted(i for i, p in phase.items() if p != "1")
    for area_id in later:
        first = JOINED[phase[area_id]]
        years = _span(first, LAST_YEAR)
        # below level 3 in 2023; at most level 3 in 2025
        top = rng.choice((1, 2, 2, 3)) if phase[area_id] == "2" else rng.choice((1, 2, 2))
        path = {first: 1}
        for year in years[1:]:
            step = 1 if path[year - 1] < top and (year > 2023 or path[year - 1] < 2) \
                and rng.random() < 0.6 else 0
            path[year] = path[year - 1] + step
        paths[area_id] = path
    # One phase-2 area falls back in 2025, its waste exchange stopped.
    exchange = rng.choice(sorted(i for i in later if phase[i] == "2" and paths[i][2024] >= 2))
    paths[exchange][2025] = paths[exchange][2024] - 1
    falls[exchange] = (2025, "exchange")
    # A few phase-3 areas have no published result for the last year yet.
    quiet = rng.sample(sorted(i for i in later if phase[i] == "3"), UNASSESSED_LAST)
    for area_id in quiet:
        del paths[area_id][LAST_YEAR]

    history: dict[str, dict[int, tuple[int, str]]] = {}
    for area_id, path in paths.items():
        notes = {}
        if area_id in PUBLIC_LEVEL4:
            notes[PUBLIC_LEVEL4[area_id]] = PUBLIC_LEVEL4_NOTE
        if area_id in falls:
            year, key = falls[area_id]
            th, en = DROP_REASONS[key]
            notes[year] = f"ระดับลดลง (สมมติ): {th} / level went down (made up): {en}"
        history[area_id] = {y: (lv, notes.get(y, "")) for y, lv in sorted(path.items())}
    return history


def build_catalogue(seed: int) -> list[dict]:
    """The demo indicator catalogue: 5 dimensions, 20 aspects, 41 indicators.

    Parameters
    ----------
    seed
        The seed, named in ``source``.

    Returns
    -------
    list of dict
        Rows of the ``indicators`` table, plus ``decimals`` (the rounding of values).
    """
    rows = []
    for dim_id, dim_th, dim_en, _source in DIMENSIONS:
        code = DIMENSION_CODES[dim_id]
        units = iter(UNIT_CYCLE[dim_id])
        for aspect in range(1, 5):
            aspect_id = f"{code}-{aspect}"
            count = 3 if aspect_id == EXTRA_INDICATOR_ASPECT else 2
            for number in range(1, count + 1):
                unit_th, unit_en, low, high, higher, decimals = UNITS[next(units)]
                rows.append({
                    "indicator_id": f"{aspect_id}-{number}", "dimension_id": dim_id,
                    "aspect_id": aspect_id, "aspect_th": f"ด้านสาธิต {dim_th} {aspect}",
                    "aspect_en": f"Demo aspect {dim_en} {aspect}",
                    "name_th": f"ตัวชี้วัดสาธิต {dim_th} {aspect}.{number}",
                    "name_en": f"Demo indicator {dim_en} {aspect}.{number}",
                    "unit_th": unit_th, "unit_en": unit_en,
                    "higher_is_better": "true" if higher else "false",
                    "scale_min": _num(low, 0), "scale_max": _num(high, 0),
                    "source": source_text(seed), "decimals": decimals,
                })
    return rows


def score_to_value(score: float, low: float, high: float, higher: bool) -> float:
    """Invert the score: the value that scores ``score`` on the scale ``low``..``high``.

    Parameters
    ----------
    score
        A score 0..100.
    low, high
        ``scale_min`` and ``scale_max``.
    higher
        ``higher_is_better``.

    Returns
    -------
    float
        The value, within ``low``..``high``.
    """
    fraction = score / 100.0 if higher else 1.0 - score / 100.0
    return low + fraction * (high - low)


def build_values(rng: random.Random, history: dict, catalogue: list[dict],
                 seed: int) -> list[dict]:
    """Indicator values for every area x assessed year x indicator, consistent with the level.

    Parameters
    ----------
    rng
        The seeded generator.
    history
        The level histories of :func:`build_levels`.
    catalogue
        The rows of :func:`build_catalogue`.
    seed
        The seed, named in ``source``.

    Returns
    -------
    list of dict
        Rows of the ``indicator_values`` table, sorted by area, year, indicator.
    """
    rows = []
    for area_id in sorted(history):
        dim_offset = {d[0]: max(-AREA_DIMENSION_MAX,
                                min(AREA_DIMENSION_MAX, rng.gauss(0.0, AREA_DIMENSION_SD)))
                      for d in DIMENSIONS}
        ind_offset = {i["indicator_id"]: rng.gauss(0.0, AREA_INDICATOR_SD) for i in catalogue}
        for year, (level, _note) in sorted(history[area_id].items()):
            for ind in catalogue:
                score = (SCORE_BASE + SCORE_PER_LEVEL * level + dim_offset[ind["dimension_id"]]
                         + ind_offset[ind["indicator_id"]] + rng.gauss(0.0, YEARLY_SD))
                score = max(0.0, min(100.0, score))
                low, high = float(ind["scale_min"]), float(ind["scale_max"])
                value = score_to_value(score, low, high, ind["higher_is_better"] == "true")
                value = max(low, min(high, round(value, ind["decimals"])))
                rows.append({"area_id": area_id, "year": str(year),
                             "indicator_id": ind["indicator_id"],
                             "value": _num(value, ind["decimals"]), "source": source_text(seed)})
    return rows


def _readme(seed: int) -> str:
    return f"""# Demo dataset (synthetic) / ข้อมูลสาธิต (สังเคราะห์)

**This is synthetic demo data. It is made up and must not be quoted as fact.**
ข้อมูลชุดนี้เป็นข้อมูลสาธิตที่สร้างขึ้น ไม่ใช่ข้อมูลจริง ห้ามอ้างอิงเป็นข้อเท็จจริง

It has the programme's published shape: 54 areas in 39 provinces (phase 1: 18 areas in 15
provinces; phase 2: 15 in 4; phase 3: 21 in 20), and every year agrees with the published
aggregates of that year: in fiscal year 2022 all 18 phase-1 areas at level 3 or 4; in 2023 4
areas at level 4, 14 at level 3 (the phase-1 areas) and 36 below. Phases join in 2019, 2022
and 2023; a level moves by at most one a year and goes down only with a (made-up) reason in
its note; 3 phase-3 areas have no result for 2025 yet (shown as of 2024).

- Real: the 32 public-record areas (ids, names, phases, points, sources, from
  `geodata/areas.csv`), the names and DOPA codes of the other 22 places (geothai), every
  marker point (GeoNames via `ecotown.model.gazetteer.locate`, else the province's point), and the
  level and dimension names (`levels.csv`, `dimensions.csv`, with their sources).
- Made up: the membership of the 22 other places, every level history (`assessments.csv`),
  the indicator catalogue (`indicators.csv`: 5 dimensions, 20 aspects, 41 "demo" indicators)
  and every indicator value. `programme_figures.csv` and `events.csv` are empty on purpose.

Rebuild byte-for-byte (seed {seed}), from the repository root:

    python -m scripts.make_demo_data--out geodata/demo --seed {seed}

The generator reads `geodata/areas.csv` and `geodata/provinces.geojson`.
"""


def build(out: Path, seed: int = DEFAULT_SEED, geodata: Path = GEODATA) -> None:
    """Write the demo dataset into ``out``.

    Parameters
    ----------
    out
        The output directory (created if missing).
    seed
        The seed of :class:`random.Random`; the same seed writes the same bytes.
    geodata
        The directory holding the public ``areas.csv`` and ``provinces.geojson``.
    """
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    areas = build_areas(geodata / "areas.csv", geodata / "provinces.geojson", seed)
    history = build_levels(rng, areas)
    catalogue = build_catalogue(seed)
    values = build_values(rng, history, catalogue, seed)
    assessments = [
        {"area_id": area_id, "year": str(year), "level": str(level), "basis": "synthetic",
         "source": source_text(seed), "note": f"{NOTE_BASE}; {note}" if note else NOTE_BASE,
         "note_th": _thai(f"{NOTE_BASE}; {note}" if note else NOTE_BASE)}
        for area_id in sorted(history) for year, (level, note) in history[area_id].items()
    ]
    _write(out / "areas.csv", "areas", areas)
    _write(out / "assessments.csv", "assessments", assessments)
    _PUBLIC.write_levels_and_dimensions(out)
    _write(out / "indicators.csv", "indicators", catalogue)
    _write(out / "indicator_values.csv", "indicator_values", values)
    _write(out / "programme_figures.csv", "programme_figures", [])
    _write(out / "events.csv", "events", [])
    meta = {
        "id": "demo",
        "title_th": "ข้อมูลสาธิต (สังเคราะห์)",
        "title_en": "Demo (synthetic)",
        "synthetic": True,
        "seed": seed,
        "description_th": "ข้อมูลสาธิตสังเคราะห์: ครบทุกตารางแต่สร้างขึ้นเอง ชื่อพื้นที่ จังหวัด"
                          "และพิกัดเป็นสถานที่จริง แต่ระดับ ตัวชี้วัด และค่าต่าง ๆ เป็นข้อมูลสมมติ",
        "description_en": "Synthetic demo data: complete but made up. Area names, provinces and "
                          "points are real places; 22 of the memberships, every level history, "
                          "the indicator catalogue and every value are invented by "
                          f"scripts/make_demo_data.py (seed {seed}).",
        "areas_announced": 54,
        "licence": "Synthetic; points GeoNames (CC BY 4.0); names geothai (CC BY 4.0)",
    }
    (out / "dataset.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n",
                                      encoding="utf-8")
    with open(out / "README.md", "w", encoding="utf-8", newline="\n") as handle:
        handle.write(_readme(seed))


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point.

    Parameters
    ----------
    argv
        Arguments (default: ``sys.argv[1:]``).

    Returns
    -------
    int
        The exit status.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=GEODATA / "demo")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    build(args.out, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
