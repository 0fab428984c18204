"""Thai and English text: every label, message and legend string, defined once.

Thai is the default language. The texts of the exports and of data stewardship live in
``ecotown.i18n.text_exports`` and ``ecotown.i18n.text_data`` and are merged here; a key defined twice
is an error at import. ``t(key, lang, **fields)`` formats a message; an unknown
language falls back to Thai, an unknown key raises ``KeyError`` (a bug, not user input).
"""

from __future__ import annotations

from ecotown.i18n.text_data import TEXT as _data_text
from ecotown.i18n.text_exports import TEXT as _export_text
from ecotown.i18n.text_progress import TEXT as _progress_text
from ecotown.i18n.text_publish import TEXT as _publish_text

__all__ = ["DEFAULT_LANG", "LANGS", "TEXT", "fiscal_year_text", "normalise_lang", "note_in", "pick", "t",
           "year_short", "year_text"]

LANGS = ("th", "en")
DEFAULT_LANG = "th"

TEXT: dict[str, dict[str, str]] = {
    # --- app chrome -------------------------------------------------------------------
    "app_title": {"th": "แผนที่เมืองอุตสาหกรรมเชิงนิเวศ", "en": "Eco Town Atlas"},
    "app_subtitle": {
        "th": "โครงการเมืองอุตสาหกรรมเชิงนิเวศ กรมโรงงานอุตสาหกรรม",
        "en": "Eco Industrial Town programme, Department of Industrial Works",
    },
    "latest_level": {"th": "ระดับล่าสุด", "en": "Latest level"},
    "n_areas": {"th": "{n} พื้นที่", "en": "{n} areas", "en_one": "{n} area"},
    "no_area": {"th": "ไม่มีพื้นที่", "en": "No area"},
    "basis_not_stated_phase": {"th": "เส้นประ: ระยะไม่ได้ระบุโดยแหล่งที่มา", "en": "Dashed: phase not stated by a source"},
    "legend_provinces": {"th": "สีจังหวัด", "en": "Province colour"},
    "copy_link": {"th": "คัดลอกลิงก์ของมุมมองนี้", "en": "Copy the link to this view"},
    "link_copied": {"th": "คัดลอกลิงก์แล้ว ✓", "en": "Link copied ✓"},
    "link_copy_failed": {"th": "คัดลอกไม่ได้ ลิงก์คือ", "en": "Could not copy; the link is"},
    "open_area": {"th": "เปิดหน้าพื้นที่", "en": "Open the area page"},
    "open": {"th": "เปิด", "en": "Open"},
    "min_level": {"th": "ระดับขั้นต่ำ", "en": "Minimum level"},
    "min_level_any": {"th": "ทุกระดับ", "en": "Any"},
    "min_level_n": {"th": "ระดับ {n} ขึ้นไป", "en": "Level {n} or above"},
    "legend_level_both": {"th": "ระดับ (จังหวัด: ระดับสูงสุด · หมุด: พื้นที่)", "en": "Level: province (highest) and area marker"},
    "legend_phase_both": {"th": "ระยะ: สีจังหวัด (ระยะแรก) และขอบหมุด", "en": "Phase: province (first) and marker ring"},
    "legend_marker_level": {"th": "สีหมุด: ระดับล่าสุดของพื้นที่", "en": "Marker fill: the area's latest level"},
    "legend_ring_phase": {"th": "ขอบหมุด: ระยะที่เข้าร่วม", "en": "Marker ring: phase joined"},
    "legend_province_count": {"th": "สีจังหวัด: จำนวนพื้นที่", "en": "Province colour: number of areas"},
    "legend_col_areas": {"th": "พื้นที่", "en": "Areas"},
    "legend_col_provinces": {"th": "จังหวัด", "en": "Prov."},
    "color_by": {"th": "ระบายสีตาม", "en": "Colour by"},
    "color_level": {"th": "ระดับสูงสุดในจังหวัด", "en": "Highest level in province"},
    "color_phase": {"th": "ระยะที่จังหวัดเข้าร่วม", "en": "Phase the province joined"},
    "color_count": {"th": "จำนวนพื้นที่", "en": "Number of areas"},
    "n_million": {"th": "{n} ล้าน", "en": "{n} million"},
    "qualifier_more_than": {"th": "มากกว่า", "en": "more than"},
    "qualifier_less_than": {"th": "น้อยกว่า", "en": "less than"},
    "qualifier_about": {"th": "ประมาณ", "en": "about"},
    "headline_figures": {"th": "ตัวเลขภาพรวมของโครงการ (ทางการ)", "en": "Programme headline figures (official)"},
    "as_of": {"th": "ข้อมูล ณ", "en": "as of"},
    "source": {"th": "ที่มา", "en": "source"},
    "filters": {"th": "ตัวกรอง", "en": "Filters"},
    "search": {"th": "ค้นหาชื่อพื้นที่", "en": "Search area names"},
    "reset_filters": {"th": "ล้างตัวกรอง", "en": "Clear filters"},
    "all": {"th": "ทั้งหมด", "en": "All"},
    "filters_hint": {"th": "ไม่ได้เลือกในหมวดใด แสดงทั้งหมดของหมวดนั้น",
                     "en": "Nothing chosen in a group shows all of it"},
    "selected_province": {"th": "จังหวัดที่เลือก", "en": "Selected province"},
    "map_label": {"th": "แผนที่พื้นที่เมืองอุตสาหกรรมเชิงนิเวศรายจังหวัด (รายชื่อพื้นที่อยู่ใต้แผนที่)",
                  "en": "Map of the Eco Industrial Town areas by province (the list of areas "
                        "follows the map)"},
    "zoom_in": {"th": "ขยาย", "en": "Zoom in"},
    "zoom_out": {"th": "ย่อ", "en": "Zoom out"},
    "locator_label": {"th": "แผนที่ที่ตั้ง: {name}", "en": "Location map: {name}"},
    "map_sentence": {"th": "แผนที่แสดง {areas} พื้นที่ใน {provinces} จังหวัด ตามระดับ: {levels} "
                           "ตามระยะ: {phases}",
                     "en": "The map shows {areas} areas in {provinces} provinces. By level: "
                           "{levels}. By phase: {phases}."},
    "map_sentence_none": {"th": "แผนที่ไม่แสดงพื้นที่ใด: ไม่มีพื้นที่ตรงกับตัวกรอง",
                          "en": "The map shows no area: none matches the filters."},
    "shown_areas": {"th": "รายชื่อพื้นที่ที่แสดงบนแผนที่ ({n})",
                    "en": "Areas shown on the map ({n})"},
    "names_beside": {"th": "พื้นที่บนแผนที่ {n} แห่ง", "en": "The {n} areas on the map"},
    "skip_downloads": {"th": "ข้ามแผนที่ไปที่ดาวน์โหลดและคำอธิบายสัญลักษณ์",
                       "en": "Skip the map to the downloads and legend"},
    "downloads": {"th": "ดาวน์โหลดและคำอธิบายสัญลักษณ์", "en": "Downloads and legend"},
    "skip_links": {"th": "ลิงก์ข้าม", "en": "Skip links"},
    "skip_main": {"th": "ข้ามไปที่เนื้อหาหลัก", "en": "Skip to the main content"},
    "skip_areas": {"th": "ข้ามไปที่รายชื่อพื้นที่", "en": "Skip to the list of areas"},
    "click_province": {"th": "คลิกจังหวัดบนแผนที่เพื่อดูรายชื่อพื้นที่ คลิกหมุดเพื่อเปิดหน้าพื้นที่", "en": "Click a province to list its areas; click a marker to open the area."},
    "clear_selection": {"th": "ยกเลิกการเลือก", "en": "Clear selection"},
    "back_to_map": {"th": "กลับไปที่แผนที่", "en": "Back to the map"},
    "unknown_area": {"th": "ไม่พบพื้นที่ '{value}' ในชุดข้อมูลนี้", "en": "No area '{value}' in this dataset"},
    "no_areas_in_view": {"th": "ไม่มีพื้นที่ที่ตรงกับตัวกรอง", "en": "No area matches the filters"},
    "year": {"th": "ปี", "en": "Year"},
    "score": {"th": "คะแนน", "en": "Score"},
    "score_0_100": {"th": "คะแนน (0–100)", "en": "Score (0–100)"},
    "dimension": {"th": "มิติ", "en": "Dimension"},
    "phase_median": {"th": "มัธยฐานของพื้นที่ในระยะเดียวกัน", "en": "Median of the same phase"},
    "programme_median": {"th": "มัธยฐานทั้งโครงการ", "en": "Programme median"},
    "better": {"th": "ดีขึ้น", "en": "better"},
    "criteria_edition": {"th": "เกณฑ์ที่ใช้ประเมิน", "en": "Criteria"},
    "criteria_edition_text": {"th": "เกณฑ์ฉบับ {year}", "en": "{year} criteria"},
    "criteria_not_stated": {"th": "ไม่ได้ระบุ", "en": "not stated"},
    "no_change": {"th": "ไม่เปลี่ยน", "en": "no change"},
    "worse": {"th": "แย่ลง", "en": "worse"},
    "indicator": {"th": "ตัวชี้วัด", "en": "Indicator"},
    "aspect": {"th": "ด้าน", "en": "Aspect"},
    "value": {"th": "ค่า", "en": "Value"},
    "unit": {"th": "หน่วย", "en": "Unit"},
    "change": {"th": "เปลี่ยนจากปีก่อน", "en": "Change on previous year"},
    "basis": {"th": "ที่มา", "en": "Basis"},
    "level_history": {"th": "ประวัติระดับ", "en": "Level history"},
    "indicator_scorecard": {"th": "ผลตัวชี้วัดรายมิติ", "en": "Indicator scorecard"},
    "strengths_gaps": {"th": "จุดแข็งและช่องว่าง: คะแนนรายมิติเทียบมัธยฐาน", "en": "Strengths and gaps: dimension scores against the medians"},
    "chart_key": {"th": "แท่ง: คะแนนของพื้นที่ · ขีดสี: มัธยฐานระยะเดียวกัน · ขีดดำ: มัธยฐานทั้งโครงการ", "en": "Bar: this area · coloured tick: median of its phase · black tick: programme median"},
    "dimension_summary": {"th": "{name}: คะแนน {score} (มัธยฐานระยะ {phase}, ทั้งโครงการ {programme}; {n} ตัวชี้วัด)", "en": "{name}: score {score} (phase median {phase}, programme {programme}; {n} indicators)", "en_one": "{name}: score {score} (phase median {phase}, programme {programme}; {n} indicator)"},
    "no_indicator_data": {"th": "ยังไม่มีข้อมูลตัวชี้วัดของพื้นที่นี้ในชุดข้อมูลนี้ ไม่มีค่าตัวชี้วัดรายพื้นที่ใดเผยแพร่ต่อสาธารณะ จึงไม่แสดงตัวเลขใด ๆ เมื่อผู้ดูแลข้อมูลนำเข้าผลการประเมินทางการ ค่าตัวชี้วัดจะแสดงที่นี่", "en": "This dataset has no indicator data for this area. No per-area indicator value is public, so no number is shown. When data stewards load the official results, the values show here."},
    "no_level_history": {"th": "ยังไม่มีผลการประเมินระดับที่เผยแพร่สำหรับพื้นที่นี้", "en": "No published level assessment for this area."},
    "locator": {"th": "ตำแหน่ง", "en": "Location"},
    "choose_area": {"th": "เลือกพื้นที่", "en": "Choose an area"},
    "in_phase": {"th": "พื้นที่ในระยะเดียวกัน", "en": "Areas in the same phase"},
    "in_province": {"th": "พื้นที่ในจังหวัดเดียวกัน", "en": "Areas in the same province"},
    "unknown_province": {"th": "ไม่พบจังหวัดรหัส '{value}'", "en": "No province with code '{value}'"},
    "highest_level": {"th": "ระดับสูงสุด", "en": "Highest level"},
    "province_page_link": {"th": "หน้าจังหวัด", "en": "Province page"},
    "exit_presentation": {"th": "ออกจากโหมดนำเสนอ", "en": "Leave presentation mode"},
    "presentation_mode": {"th": "โหมดนำเสนอ", "en": "Presentation mode"},
    "language": {"th": "ภาษา", "en": "Language"},
    "dataset": {"th": "ชุดข้อมูล", "en": "Dataset"},
    "areas": {"th": "พื้นที่", "en": "Areas"},
    "provinces": {"th": "จังหวัด", "en": "Provinces"},
    "province": {"th": "จังหวัด", "en": "Province"},
    "region": {"th": "ภาค", "en": "Region"},
    "phase": {"th": "ระยะ", "en": "Phase"},
    "phase_n": {"th": "ระยะที่ {n}", "en": "Phase {n}"},
    "phase_basis": {"th": "ที่มาของระยะ", "en": "Phase basis"},
    "level": {"th": "ระดับ", "en": "Level"},
    "level_n": {"th": "ระดับที่ {n}", "en": "Level {n}"},
    "level_year": {"th": "ปีที่ประเมิน", "en": "Year assessed"},
    "no_level": {"th": "ยังไม่มีระดับที่เผยแพร่", "en": "No published level"},
    "scope": {"th": "ขอบเขต", "en": "Scope"},
    "sources": {"th": "แหล่งที่มา", "en": "Sources"},
    "source_synthetic": {"th": "ข้อมูลสาธิตสังเคราะห์ (ไม่ใช่ผลการประเมินทางการ)", "en": "synthetic demo data (not official results)"},
    "note": {"th": "หมายเหตุ", "en": "Note"},
    "name": {"th": "ชื่อ", "en": "Name"},
    "area_id": {"th": "รหัสพื้นที่", "en": "Area id"},
    "location_precision": {"th": "ความละเอียดของตำแหน่ง", "en": "Location precision"},
    "share_known_level": {"th": "ทราบระดับ", "en": "Known level"},
    "show_area_table": {"th": "แสดงตารางพื้นที่", "en": "Show the table of areas"},
    "area_table": {"th": "ตารางพื้นที่", "en": "Table of areas"},
    "basis_stated": {"th": "ระบุโดยแหล่งที่มา", "en": "stated by a source"},
    "basis_inferred": {"th": "อนุมาน", "en": "inferred"},
    "basis_synthetic": {"th": "ข้อมูลสังเคราะห์", "en": "synthetic"},
    "scope_province": {"th": "จังหวัด", "en": "province"},
    "scope_district": {"th": "อำเภอ", "en": "district"},
    "scope_subdistrict": {"th": "ตำบล", "en": "subdistrict"},
    "scope_municipality": {"th": "เทศบาล", "en": "municipality"},
    "scope_zone": {"th": "เขตอุตสาหกรรม/เขตควบคุม", "en": "zone"},
    "synthetic_banner": {
        "th": "ข้อมูลสาธิตสังเคราะห์ — ไม่ใช่ข้อมูลทางการ ตัวเลขทั้งหมดสร้างขึ้นเพื่อการสาธิตเท่านั้น",
        "en": "Synthetic demo data — not official. Every number here is made up for demonstration.",
    },
    "imported_banner": {
        "th": "ชุดข้อมูลนำเข้า: {title} (รุ่น {version}) — นำเข้าโดยผู้ดูแลข้อมูล",
        "en": "Imported dataset: {title} (version {version}), loaded by a data steward",
    },
    "public_banner": {
        "th": "ข้อมูลสาธารณะ: เผยแพร่แล้ว {named} จาก {total} พื้นที่ ส่วนที่ไม่มีแหล่งที่มาจะไม่แสดง",
        "en": "Public record: {named} of {total} areas are named by a public source; gaps stay gaps.",
    },
    "error_dataset": {
        "th": "โหลดชุดข้อมูลไม่ได้",
        "en": "The dataset could not be loaded",
    },
    "notice_bad_param": {
        "th": "ไม่ใช้ค่าพารามิเตอร์ {param}={value} ใน URL: {reason}",
        "en": "Ignored URL parameter {param}={value}: {reason}",
    },
    "reason_unknown_value": {"th": "ไม่รู้จักค่านี้", "en": "unknown value"},
    "reason_not_a_year": {"th": "ไม่ใช่ปีงบประมาณ (พิมพ์ พ.ศ. เช่น 2568 หรือ ค.ศ. เช่น 2025)",
                          "en": "not a fiscal year (type B.E. such as 2568 or C.E. such as "
                                "2025)"},
    "reason_since_after_year": {"th": "ปีที่เปรียบเทียบต้องก่อนปีที่แสดง",
                                "en": "the year compared with must come before the year shown"},
    "reason_year_outside_data": {"th": "ข้อมูลชุดนี้ไม่มีปีนี้", "en": "this dataset has no such year"},
    "reason_unknown_param": {"th": "ไม่รู้จักพารามิเตอร์นี้", "en": "unknown parameter"},
    "reason_too_long": {"th": "ยาวเกินไป จึงตัดให้สั้นลง", "en": "too long; shortened"},
    # --- validation messages -----------------------------------------------------------
    "where": {"th": "ไฟล์ {file} แถว {row} คอลัมน์ {column}", "en": "file {file}, row {row}, column {column}"},
    "where_file": {"th": "ไฟล์ {file}", "en": "file {file}"},
    "v_missing_file": {"th": "ไม่พบไฟล์", "en": "file is missing"},
    "v_unreadable": {"th": "อ่านไฟล์ไม่ได้: {detail}", "en": "cannot read the file: {detail}"},
    "v_empty_file": {"th": "ไฟล์ว่าง ไม่มีแถวหัวตาราง", "en": "the file is empty: no header row"},
    "v_missing_column": {"th": "ไม่มีคอลัมน์ที่ต้องมี", "en": "required column is missing"},
    "v_unknown_column": {"th": "คอลัมน์ที่ไม่รู้จัก", "en": "unknown column"},
    "v_required": {"th": "ต้องมีค่า (ว่างอยู่)", "en": "a value is required (it is empty)"},
    "v_not_int": {"th": "ค่า '{value}' ไม่ใช่จำนวนเต็ม (เขียนเป็นตัวเลขล้วน เช่น 2024 ใช้เลขไทยได้)", "en": "'{value}' is not a whole number (write digits only, e.g. 2024; Thai digits are accepted)"},
    "v_not_number": {"th": "ค่า '{value}' ไม่ใช่ตัวเลข (เช่น 12.5 ใช้เลขไทยได้)", "en": "'{value}' is not a number (e.g. 12.5; Thai digits are accepted)"},
    "v_date": {"th": "ค่า '{value}' ไม่ใช่วันที่ที่มีอยู่จริง (ต้องเป็น ปปปป, ปปปป-ดด หรือ ปปปป-ดด-วว ปีคริสต์ศักราช)", "en": "'{value}' is not a real date (expected YYYY, YYYY-MM or YYYY-MM-DD, Gregorian)"},
    "v_not_bool": {
        "th": "ค่า '{value}' ต้องเป็น true หรือ false",
        "en": "'{value}' must be true or false",
    },
    "v_range": {
        "th": "ค่า {value} อยู่นอกช่วง {min}–{max}",
        "en": "{value} is outside the range {min}–{max}",
    },
    "v_buddhist_year": {
        "th": "ปี พ.ศ. {value} อยู่นอกช่วงของโครงการ (พ.ศ. {min_be}–{max_be} หรือ ค.ศ. "
              "{min}–{max})",
        "en": "B.E. year {value} is outside the programme's years (B.E. {min_be}–{max_be}, "
              "C.E. {min}–{max})",
    },
    "v_year": {
        "th": "ค่า '{value}' ไม่ใช่ปีงบประมาณ ให้พิมพ์ พ.ศ. ({min_be}–{max_be}) หรือ ค.ศ. "
              "({min}–{max}) เช่น 2568 หรือ 2025",
        "en": "'{value}' is not a fiscal year; type B.E. ({min_be}–{max_be}) or C.E. "
              "({min}–{max}), e.g. 2568 or 2025",
    },
    "v_choice": {
        "th": "ค่า '{value}' ไม่อยู่ในค่าที่อนุญาต: {choices}",
        "en": "'{value}' is not one of: {choices}",
    },
    "v_pattern": {
        "th": "ค่า '{value}' มีรูปแบบไม่ถูกต้อง (ต้องเป็น {expected})",
        "en": "'{value}' has the wrong form (expected {expected})",
    },
    "v_unknown_province": {
        "th": "ไม่รู้จักรหัสจังหวัด '{value}' (ต้องเป็นรหัส 2 หลักของกรมการปกครอง)",
        "en": "unknown province code '{value}' (expected a two-digit DOPA code)",
    },
    "v_duplicate": {
        "th": "ค่า '{value}' ซ้ำกับแถว {first_row} (รหัสที่ต่างกันเพียงตัวพิมพ์เล็ก/ใหญ่ถือว่าซ้ำกัน)",
        "en": "'{value}' duplicates row {first_row} (ids that differ only in upper or lower case count as the same)",
    },
    "v_unknown_area": {"th": "ไม่รู้จักพื้นที่ '{value}'", "en": "unknown area '{value}'"},
    "v_unknown_indicator": {
        "th": "ตัวชี้วัด '{value}' ไม่อยู่ในบัญชีตัวชี้วัด",
        "en": "indicator '{value}' is not in the indicator catalogue",
    },
    "v_unknown_dimension": {"th": "ไม่รู้จักมิติ '{value}'", "en": "unknown dimension '{value}'"},
    "v_scale": {
        "th": "scale_min ({min}) ต้องน้อยกว่า scale_max ({max})",
        "en": "scale_min ({min}) must be less than scale_max ({max})",
    },
    "v_bad_meta": {"th": "dataset.json ไม่ถูกต้อง: {detail}", "en": "dataset.json is invalid: {detail}"},
    "v_unknown_dataset": {
        "th": "ไม่รู้จักชุดข้อมูล '{value}'",
        "en": "unknown dataset '{value}'",
    },
    "v_admin_code": {
        "th": "รหัสพื้นที่ปกครอง '{value}' ไม่อยู่ในจังหวัด {province}",
        "en": "admin code '{value}' is not in province {province}",
    },
}


def normalise_lang(lang: str | None) -> str:
    """Return ``lang`` if it is a supported language, else the default (Thai)."""
    return lang if lang in LANGS else DEFAULT_LANG


def t(key: str, lang: str = DEFAULT_LANG, **fields: object) -> str:
    """Return the text ``key`` in ``lang``, formatted with ``fields``.

    Where ``n`` is 1 and the entry has a singular form (``"en_one"``), that form is used:
    "1 area", "2 areas" (Thai has no plural form).
    """
    entry = TEXT[key]
    lang = normalise_lang(lang)
    text = entry[lang]
    if "n" in fields and str(fields["n"]) == "1":
        text = entry.get(f"{lang}_one", text)
    return text.format(**fields) if fields else text


def pick(th: str, en: str, lang: str) -> str:
    """Choose between a Thai and an English data value, falling back to the other if empty."""
    first, second = (th, en) if normalise_lang(lang) == "th" else (en, th)
    return first if first else second


def _merge(*parts: dict[str, dict[str, str]]) -> None:
    for part in parts:
        clash = set(part) & set(TEXT)
        if clash:
            raise RuntimeError(f"text keys defined twice: {sorted(clash)}")
        TEXT.update(part)


_merge(_export_text, _data_text, _progress_text, _publish_text)


def year_text(year: object, lang: str) -> str:
    """A calendar year as its readers write it: ``พ.ศ. 2566`` in Thai (Buddhist Era, C.E. +
    543), ``2023`` in English; a missing year is ``–``. The stored year is always C.E."""
    try:
        number = int(year)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "–"
    return f"พ.ศ. {number + 543}" if lang == "th" else str(number)



def fiscal_year_text(year: object, lang: str, span: bool = True) -> str:
    """A fiscal year as its readers write it: ``ปีงบประมาณ พ.ศ. 2568`` in Thai, ``FY2025
    (Oct 2024–Sep 2025)`` in English (``FY2025`` without ``span``); ``–`` if missing."""
    try:
        number = int(year)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "–"
    if lang == "th":
        return f"ปีงบประมาณ พ.ศ. {number + 543}"
    return f"FY{number} (Oct {number - 1}–Sep {number})" if span else f"FY{number}"


def year_short(year: object, lang: str) -> str:
    """A fiscal year on a slider or an axis: ``2568`` in Thai (B.E.), ``2025`` in English."""
    try:
        number = int(year)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "–"
    return str(number + 543) if lang == "th" else str(number)


def note_in(row: object, lang: str) -> str:
    """A row's note in ``lang``: Thai pages show ``note_th`` where it is given, else ``note``.

    ``row`` is a mapping or a pandas row with a ``note`` and, optionally, a ``note_th``.
    Missing and NaN cells read as empty.
    """
    def cell(name: str) -> str:
        try:
            value = row[name]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return ""
        if value is None or (isinstance(value, float) and value != value):
            return ""
        return str(value).strip()

    if normalise_lang(lang) == "th" and cell("note_th"):
        return cell("note_th")
    return cell("note")
