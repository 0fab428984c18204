"""Build the public-record dataset in ``geodata/`` from the reference files.

Usage::

    python -m scripts.build_public_record ../shared/reference/areas_public_record.csv

Reads the sourced area list (one row per area a public source names), the province
boundaries (``geodata/provinces.geojson``) and the GeoNames gazetteer, and writes
``areas.csv``, ``assessments.csv``, ``levels.csv``, ``dimensions.csv``,
``programme_figures.csv``, an empty indicator catalogue and values file, and
``dataset.json``. The level, dimension and headline-figure rows are transcribed from
``programme.md`` with their sources. Nothing is guessed: an empty cell stays empty.
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

import geopandas as gpd

from ecotown.model.gazetteer import load_gazetteer, locate
from ecotown.model.schema import table

ROOT = Path(__file__).resolve().parent.parent

ECOCENTER = "http://ecocenter.diw.go.th/Visitor/Theme_3/eco_indicators/1"
NEWS_2023 = (
    "https://www.thebangkokinsight.com/news/environmental-sustainability/1122548/ "
    "https://mgronline.com/greeninnovation/detail/9660000049979 "
    "https://stag.thansettakij.com/sustainable/566679"
)

LEVELS = [
    (1, "การมีส่วนร่วม", "Engagement", ECOCENTER),
    (2, "การส่งเสริม", "Enhancement", ECOCENTER),
    (3, "ประสิทธิภาพในการใช้ทรัพยากร", "Resource efficiency", NEWS_2023),
    (4, "การพึ่งพาอาศัย", "Symbiosis", NEWS_2023 + " https://opt-news.com/news/16034"),
    (5, "", "", ""),  # the level-5 name is in no readable source
]

DIMENSIONS = [
    ("physical", "กายภาพ", "Physical", ECOCENTER),
    ("economic", "เศรษฐกิจ", "Economic", ECOCENTER),
    ("environmental", "สิ่งแวดล้อม", "Environmental", ECOCENTER),
    ("social", "สังคม", "Social", ECOCENTER),
    ("management", "การบริหารจัดการ", "Management", ECOCENTER),
]

# figure_id, label_th, label_en, value, qualifier, unit_th, unit_en
FIGURES = [
    ("areas_announced", "พื้นที่ที่ประกาศ ทุกระยะ", "Areas announced, all phases",
     54, "exact", "พื้นที่", "areas"),
    ("provinces_covered", "จังหวัดที่ครอบคลุม", "Provinces covered", 39, "exact", "จังหวัด",
     "provinces"),
    ("phase3_areas", "พื้นที่ใหม่ในระยะที่ 3", "New areas in phase 3", 21, "exact", "พื้นที่",
     "areas"),
    ("phase3_provinces", "จังหวัดใหม่ในระยะที่ 3", "New provinces in phase 3", 20, "exact",
     "จังหวัด", "provinces"),
    ("areas_level4", "พื้นที่ที่ผ่านระดับที่ 4 (การพึ่งพาอาศัย)",
     "Areas passing level 4 (symbiosis)", 4, "exact", "พื้นที่", "areas"),
    ("areas_level3", "พื้นที่ที่ผ่านระดับที่ 3 (ประสิทธิภาพในการใช้ทรัพยากร)",
     "Areas passing level 3 (resource efficiency)", 14, "exact", "พื้นที่", "areas"),
    ("areas_preparing", "พื้นที่ที่กำลังเตรียมความพร้อมสู่ระดับที่สูงขึ้น",
     "Areas preparing for the levels above", 36, "exact", "พื้นที่", "areas"),
    ("income_thb", "การจ้างงานและรายได้ที่เกิดขึ้น (ผลปี 2565)",
     "Jobs and livelihoods created (2022 results)", 300_000_000, "more_than", "บาท", "baht"),
    ("ghg_reduced", "ก๊าซเรือนกระจกที่ลดได้ (ผลปี 2565)", "Greenhouse gas reduced (2022 results)",
     1_000_000, "more_than", "ตันคาร์บอนไดออกไซด์เทียบเท่า", "tCO2e"),
    ("community_groups", "กลุ่มชุมชน/วิสาหกิจชุมชนที่มีรายได้เพิ่มขึ้น",
     "Community groups whose income was raised", 400, "more_than", "กลุ่ม", "groups"),
    ("target_year", "เป้าหมาย: ทุกพื้นที่ถึงระดับที่ 5 ภายในปี", "Target: level 5 in all areas by",
     2037, "exact", "ค.ศ. (พ.ศ. 2580)", "(B.E. 2580)"),
]
FIGURES_AS_OF = "2023-05-30"
# What a figure counts (programme.md, "Headline figures" and "More public facts"): fiscal
# year, lowest and highest level, phase, basis. A count of areas at levels in a year is a
# reference point of the programme's chart and an aggregate every dataset must agree with;
# ``areas_announced`` counts the areas in the programme that year.
FIGURE_COUNTS = {
    "areas_announced": (2023, "", "", "", "stated"),
    "areas_level4": (2023, 4, 4, "", "stated"),
    "areas_level3": (2023, 3, 3, "", "stated"),
    "areas_preparing": (2023, 1, 2, "", "stated"),
    "phase1_level3_4": (2022, 3, 4, 1, "stated"),
}
NEWS_2022 = ("https://www.mmthailand.com/กรอ-เดินหน้าขับเคลื่อนน/ "
             "https://bcg.in.th/news/diw-18-eco-industrial-city/")
# programme.md "More public facts" 1: a programme-level fact, never a value for one area
# (the year 2022 is inferred from the director-general named).
FIGURE_2022 = {
    "figure_id": "phase1_level3_4", "label_th": "พื้นที่ระยะที่ 1 ที่ยกระดับเข้าสู่ระดับที่ 3 และ 4",
    "label_en": "Phase-1 areas raised to level 3 or 4", "value": 18, "qualifier": "exact",
    "unit_th": "พื้นที่", "unit_en": "areas", "as_of": "2022", "source": NEWS_2022,
}
CEREMONY_2022 = "https://nakhonratchasima.industry.go.th/th/news-industry/265769"
RAYONG_2019 = "https://www.ruampalang.com/?p=7098"
# What is known of the programme over time (programme.md "More public facts"), each with
# its source and basis: event_id, fiscal year, date, Thai, English, basis, source.
EVENTS = [
    ("rayong_level4_2019", 2019, "2019-09-24",
     "ระยองผ่านเกณฑ์เมืองอุตสาหกรรมเชิงนิเวศระดับที่ 4 (Symbiosis) เมื่อ 24 ก.ย. 2562 "
     "(น่าจะเป็นเขตควบคุมมลพิษมาบตาพุด)",
     "Rayong passed level 4 (Symbiosis) on 24 Sep 2019 (most likely the Map Ta Phut "
     "pollution-control zone)", "stated", RAYONG_2019),
    ("map_ta_phut_plaques_2021", 2021, "2021-02-22",
     "มอบโล่ระดับที่ 4 แก่องค์กรปกครองส่วนท้องถิ่นในเขตมาบตาพุด: เทศบาลนครมาบตาพุด "
     "เทศบาลตำบลเนินพระ ทับมา บ้านฉาง มาบข่า และมาบข่าพัฒนา (6 จาก 7 แห่งที่ระบุชื่อ)",
     "Level-4 plaques to local governments of the Map Ta Phut zone: Map Ta Phut city and the "
     "Noen Phra, Thap Ma, Ban Chang, Map Kha and Map Kha Phatthana subdistrict municipalities "
     "(6 of 7 named)", "stated", "https://opt-news.com/news/16034"),
    ("phase1_level3_4_2022", 2022, "2022",
     "กรอ. ยกระดับ 18 พื้นที่ระยะที่ 1 เข้าสู่ระดับที่ 3 และ 4 และเตรียมประกาศเพิ่มอีก 36 พื้นที่",
     "DIW raised all 18 phase-1 areas to level 3 or 4 and was to announce 36 more areas",
     "stated", NEWS_2022),
    ("phase1_ceremony_2022", 2022, "2022-08-24",
     "มอบโล่แก่ 18 พื้นที่ระยะที่ 1 ใน 15 จังหวัด ในพิธีเดียวกัน (ระบุระดับเฉพาะนครราชสีมา: ระดับที่ 4)",
     "Plaques to all 18 phase-1 areas in 15 provinces at one ceremony (only Nakhon "
     "Ratchasima's level, 4, is given)", "stated", CEREMONY_2022),
    ("phase1_at_levels_3_4_2023", 2023, "2023-05-30",
     "พื้นที่ระดับที่ 4 จำนวน 4 และระดับที่ 3 จำนวน 14 คือ 18 พื้นที่ระยะที่ 1 พื้นที่ระยะที่ 2 และ 3 "
     "ทั้งหมดยังต่ำกว่าระดับที่ 3 (อนุมานจากตัวเลขรวม ไม่ใช่ค่าของพื้นที่ใด)",
     "The 4 areas at level 4 and 14 at level 3 are the 18 phase-1 areas; every phase-2/3 area "
     "is below level 3 (inferred from the totals, not a value for any one area)", "inferred",
     NEWS_2022 + " " + NEWS_2023),
    ("action_plan_2566_2570", 2023, "",
     "แผนปฏิบัติการด้านการพัฒนาเมืองอุตสาหกรรมเชิงนิเวศ พ.ศ. 2566–2570",
     "National action plan for Eco Industrial Town development, B.E. 2566–2570 (2023–2027)",
     "stated", "https://diw.go.th/webdiw/pr64-196"),
    ("certification_2568", 2026, "2026-03-12",
     "คณะกรรมการรับรองของ กรอ. ประชุมรับรองพื้นที่ประจำปี 2568 ตามเกณฑ์ปี 2565 "
     "(ตรวจประเมินภายในและภายนอก) ยังไม่เปิดเผยผล",
     "DIW's certification committee met to certify areas for year 2568 on the 2565 criteria, "
     "with internal and external audits; results not public", "stated",
     "https://www.diw.go.th/webdiw/?p=36855"),
]
# Sources and notes an assessment has beyond its area's row: (area_id, year) -> (sources to
# add, note, note_th).
ASSESSMENT_EXTRA = {
    ("P1-10", "2019"): (
        RAYONG_2019,
        "passed level 4 (Symbiosis) on 24 Sep 2019, fiscal year 2019; the source names "
        "Rayong, that it is the Map Ta Phut zone is inferred; level-4 plaques to 6 local "
        "governments of the zone on 22 Feb 2021",
        "ผ่านเกณฑ์ระดับที่ 4 (Symbiosis) เมื่อ 24 ก.ย. 2562 ปีงบประมาณ พ.ศ. 2562 แหล่งที่มา"
        "ระบุจังหวัดระยอง ว่าเป็นเขตมาบตาพุดเป็นการอนุมาน มอบโล่ระดับที่ 4 แก่องค์กรปกครอง"
        "ส่วนท้องถิ่น 6 แห่งในเขตเมื่อ 22 ก.พ. 2564"),
    ("P1-05", "2022"): (CEREMONY_2022, "", ""),
}
# Phase 3 was announced in 2023 (headline figures): the year its areas joined, where the
# phase itself is stated. Other areas' joining year is in no source and stays empty.
PHASE3_JOINED = 2023

META = {
    "id": "public",
    "title_th": "ข้อมูลสาธารณะ",
    "title_en": "Public record",
    "synthetic": False,
    "description_th": "เฉพาะข้อเท็จจริงที่มีแหล่งที่มาสาธารณะ ไม่เติมช่องว่างด้วยการคาดเดา",
    "description_en": "Only facts a public source states or supports; gaps are left as gaps.",
    "areas_announced": 54,
    "licence": "Facts with their sources; boundaries Natural Earth (public domain); "
               "points GeoNames (CC BY 4.0); names geothai (CC BY 4.0)",
}

# The Thai wording of every note in the reference file (years in B.E., as Thai readers write
# them). The build stops on a note that has none, so a Thai page never shows English by default.
NOTES_TH = {
    "Bang Kadi Industrial Park is in this subdistrict":
        "สวนอุตสาหกรรมบางกะดีตั้งอยู่ในตำบลนี้",
    "DIW eco-town master plans for four special economic zones (2016); "
    "no source calls them phase 2":
        "แผนแม่บทเมืองอุตสาหกรรมเชิงนิเวศของ กรอ. สำหรับเขตพัฒนาเศรษฐกิจพิเศษ 4 แห่ง "
        "(พ.ศ. 2559) ไม่มีแหล่งที่มาใดระบุว่าเป็นระยะที่ 2",
    "approved as a phase-3 target; the exact area is not stated":
        "ได้รับอนุมัติเป็นพื้นที่เป้าหมายระยะที่ 3 ไม่ระบุขอบเขตพื้นที่ที่แน่ชัด",
    "area selection under way in 2022; phase not stated":
        "อยู่ระหว่างคัดเลือกพื้นที่ใน พ.ศ. 2565 ไม่ระบุระยะ",
    "as P2-01": "เช่นเดียวกับ P2-01",
    "as P2-01; eco-industrial activity in Khlong Yai reported Feb 2024":
        "เช่นเดียวกับ P2-01 มีรายงานกิจกรรมอุตสาหกรรมเชิงนิเวศในอำเภอคลองใหญ่ ก.พ. 2567",
    "certified level 4 (Nov 2019 municipal page); level-4 plaques to local governments in the "
    "zone on 22 Feb 2021; admin_code is Map Ta Phut subdistrict as a representative point, "
    "the zone spans several subdistricts":
        "ได้รับการรับรองระดับที่ 4 (หน้าเว็บเทศบาล พ.ย. 2562) มอบโล่ระดับที่ 4 "
        "แก่องค์กรปกครองส่วนท้องถิ่นในพื้นที่เมื่อ 22 ก.พ. 2564 รหัสพื้นที่ปกครองเป็นตำบล"
        "มาบตาพุดซึ่งใช้เป็นจุดตัวแทน พื้นที่ครอบคลุมหลายตำบล",
    "chosen as the phase-3 pilot area by the provincial committee, meeting 1/2565 (2022); "
    "district vs municipality scope not stated":
        "คณะกรรมการระดับจังหวัดคัดเลือกเป็นพื้นที่นำร่องระยะที่ 3 ในการประชุมครั้งที่ 1/2565 "
        "ไม่ระบุว่าเป็นขอบเขตอำเภอหรือเทศบาล",
    "level 4 plaque for fiscal year 2565 (2022) received 24 Aug 2022; subdistricts Sikhio, "
    "Mittraphap, Nong Ya Khao, Lat Bua Khao, Kut Noi":
        "รับโล่ระดับที่ 4 ประจำปีงบประมาณ พ.ศ. 2565 เมื่อ 24 ส.ค. 2565 ตำบลสีคิ้ว มิตรภาพ "
        "หนองหญ้าขาว ลาดบัวขาว และกุดน้อย",
    "listed as Samut Prakan province; a 2019 DIW level verification in Bang Pu is reported but "
    "the level is not visible":
        "ระบุเป็นจังหวัดสมุทรปราการ มีรายงานการตรวจประเมินระดับของ กรอ. ที่บางปูใน พ.ศ. 2562 "
        "แต่ไม่ปรากฏระดับที่ได้",
    "listed by province only": "ระบุเพียงชื่อจังหวัด",
    "listed by province only; one of the five 2015 pilot provinces":
        "ระบุเพียงชื่อจังหวัด เป็นหนึ่งในห้าจังหวัดนำร่อง พ.ศ. 2558",
    "new provincial committee 1/2566 (May 2023); phase not stated":
        "คณะกรรมการระดับจังหวัดชุดใหม่ ครั้งที่ 1/2566 (พ.ค. 2566) ไม่ระบุระยะ",
    "phase-3 pilot area (Feb 2024)": "พื้นที่นำร่องระยะที่ 3 (ก.พ. 2567)",
    "pilot area selected 2 Mar 2022, same round as the stated phase-3 provinces":
        "คัดเลือกเป็นพื้นที่นำร่องเมื่อ 2 มี.ค. 2565 รอบเดียวกับจังหวัดที่ระบุว่าเป็นระยะที่ 3",
    "pre-EIT action-plan workshop Mar 2023; phase not stated":
        "ประชุมเชิงปฏิบัติการจัดทำแผนก่อนเข้าสู่เมืองอุตสาหกรรมเชิงนิเวศ มี.ค. 2566 ไม่ระบุระยะ",
    "pre-EIT seminar Jun 2023; phase not stated":
        "สัมมนาก่อนเข้าสู่เมืองอุตสาหกรรมเชิงนิเวศ มิ.ย. 2566 ไม่ระบุระยะ",
    "preparing for assessment Sep 2023; phase 2 or 3 not stated":
        "เตรียมความพร้อมรับการประเมิน ก.ย. 2566 ไม่ระบุว่าเป็นระยะที่ 2 หรือ 3",
    "provincial eco-town committee Apr 2024; Khu Mueang district likely but not stated":
        "คณะกรรมการเมืองอุตสาหกรรมเชิงนิเวศระดับจังหวัด เม.ย. 2567 น่าจะเป็นอำเภอคูเมือง "
        "แต่ไม่ได้ระบุ",
    "zone plus three surrounding community areas; named in the Feb 2021 level-4 ceremony news "
    "but the level it received is not visible in any source read":
        "พื้นที่อุตสาหกรรมและชุมชนโดยรอบ 3 แห่ง มีชื่อในข่าวพิธีมอบโล่ระดับที่ 4 ก.พ. 2564 "
        "แต่ไม่ปรากฏระดับที่ได้รับในแหล่งที่มาที่อ่านได้",
}


def note_th(note: str) -> str:
    """The Thai wording of a reference note; an empty note stays empty."""
    note = note.strip()
    if not note:
        return ""
    if note not in NOTES_TH:
        raise ValueError(f"no Thai wording for the note {note!r}: add it to NOTES_TH")
    return NOTES_TH[note]


def write_table(path: Path, kind: str, rows: list[dict]) -> None:
    tbl = table(kind)
    columns = [c for c in tbl.column_names  # a sparse column only when a row has a value
               if c not in tbl.sparse_columns or any(row.get(c) for row in rows)]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in columns})


def write_levels_and_dimensions(out: Path) -> None:
    """Write ``levels.csv`` and ``dimensions.csv``: the sourced names every dataset shares."""
    write_table(out / "levels.csv", "levels", [dict(zip(("level", "name_th", "name_en", "source"),
                                                   r, strict=True)) for r in LEVELS])
    write_table(out / "dimensions.csv", "dimensions",
           [dict(zip(("dimension_id", "name_th", "name_en", "source"), r, strict=True))
            for r in DIMENSIONS])


def write_events(out: Path) -> None:
    """The programme's known events (:data:`EVENTS`) as ``events.csv``."""
    keys = ("event_id", "year", "date", "label_th", "label_en", "basis", "source")
    write_table(out / "events.csv", "events", [dict(zip(keys, e, strict=True)) for e in EVENTS])


def build(reference: Path, out: Path) -> None:
    """Write the public-record tables into ``out`` from the reference CSV."""
    provinces = gpd.read_file(out / "provinces.geojson").set_index("province_code")
    places = load_gazetteer()
    with open(reference, encoding="utf-8", newline="") as handle:
        records = list(csv.DictReader(handle))
    areas, assessments = [], []
    for rec in records:
        shape = provinces.geometry[rec["province_code"]]
        where = locate(rec["admin_code"], shape, places)
        areas.append({
            "area_id": rec["ref_id"], "name_th": rec["area_name_th"],
            "name_en": rec["area_name_en"], "province_code": rec["province_code"],
            "scope": rec["scope"], "admin_code": rec["admin_code"], "phase": rec["phase"],
            "phase_basis": rec["phase_basis"], "lat": where.lat, "lon": where.lon,
            "location_precision": where.precision, "sources": rec["sources"],
            "note": rec["note"], "note_th": note_th(rec["note"]),
            "joined_year": PHASE3_JOINED if rec["phase"] == "3"
            and rec["phase_basis"] == "stated" else "",
        })
        if rec["level"]:
            extra, note, note_thai = ASSESSMENT_EXTRA.get((rec["ref_id"], rec["level_year"]),
                                                          ("", "", ""))
            sources = " ".join(u for u in rec["sources"].split() + extra.split())
            sources = " ".join(dict.fromkeys(sources.split()))
            assessments.append({
                "area_id": rec["ref_id"], "year": rec["level_year"], "level": rec["level"],
                "basis": rec["level_basis"], "source": sources, "note": note or rec["note"],
                "note_th": note_thai or note_th(rec["note"]),
            })
    write_table(out / "areas.csv", "areas", areas)
    write_table(out / "assessments.csv", "assessments", assessments)
    write_levels_and_dimensions(out)
    keys = ("figure_id", "label_th", "label_en", "value", "qualifier", "unit_th", "unit_en")
    figures = [{**dict(zip(keys, r, strict=True)), "as_of": FIGURES_AS_OF, "source": NEWS_2023}
               for r in FIGURES] + [FIGURE_2022]
    for row in figures:
        counted = FIGURE_COUNTS.get(row["figure_id"])
        if counted:
            row.update(zip(("year", "level_min", "level_max", "phase", "basis"), counted,
                           strict=True))
    write_table(out / "programme_figures.csv", "programme_figures", figures)
    write_events(out)
    write_table(out / "indicators.csv", "indicators", [])
    write_table(out / "indicator_values.csv", "indicator_values", [])
    (out / "dataset.json").write_text(json.dumps(META, ensure_ascii=False, indent=2) + "\n",
                                      encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reference", type=Path, help="areas_public_record.csv")
    parser.add_argument("--out", type=Path, default=ROOT / "geodata")
    args = parser.parse_args(argv)
    build(args.reference, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
