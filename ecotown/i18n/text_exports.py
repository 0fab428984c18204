"""Thai and English texts of the briefing exports (merged into ``ecotown.i18n.labels.TEXT``)."""

TEXT: dict[str, dict[str, str]] = {
    # --- the download buttons and the command line --------------------------------------
    "brief_download": {"th": "ดาวน์โหลดสรุป", "en": "Download briefing"},
    "brief_failed": {"th": "สร้างไฟล์สรุปจากข้อมูลชุดนี้ไม่ได้ ผู้ดูแลระบบดูรายละเอียดได้ในบันทึกของเซิร์ฟเวอร์", "en": "The briefing files cannot be made from this dataset; the details are in the server log"},
    "brief_format_png": {"th": "ภาพ PNG (สไลด์ 16:9)", "en": "Picture, PNG (16:9 slide)"},
    "brief_format_pdf": {"th": "PDF (A4 แนวนอน)", "en": "PDF (A4 landscape)"},
    "brief_format_csv": {"th": "ตาราง CSV", "en": "Table, CSV"},
    "brief_format_xlsx": {"th": "ตาราง Excel (XLSX)", "en": "Table, Excel (XLSX)"},
    "brief_format_html": {"th": "แผนที่โต้ตอบได้ (HTML ไฟล์เดียว ใช้แบบออฟไลน์)",
                          "en": "Interactive map (HTML, one file, works offline)"},
    "vh_record": {"th": "ในบันทึกสาธารณะนี้:", "en": "In this public record:"},
    "vh_history": {"th": "ประวัติระดับ", "en": "Level history"},
    "vh_no_history": {"th": "ไม่มีผลการประเมินระดับในชุดข้อมูลนี้",
                      "en": "No level assessment in this dataset"},
    "vh_year": {"th": "ปีงบประมาณ", "en": "Fiscal year"},
    "vh_basis": {"th": "ที่มาของค่า", "en": "Basis"},
    "vh_source": {"th": "แหล่งที่มา", "en": "Source"},
    "vh_sources": {"th": "แหล่งที่มา", "en": "Sources"},
    "vh_how": {"th": "เลื่อนและซูมแผนที่ได้ ชี้จังหวัดหรือหมุดเพื่อดูรายละเอียด "
                     "คลิกหมุดเพื่อเปิดข้อมูลพื้นที่ในรายชื่อด้านล่าง",
               "en": "Pan and zoom the map; point at a province or a marker for details; "
                     "click a marker to open the area's card in the list below."},
    "vh_made": {"th": "ไฟล์นี้สร้างโดย Eco Town Atlas เป็นภาพของมุมมองเดียว ณ เวลาที่ดาวน์โหลด "
                      "เปิดได้โดยไม่ต้องใช้อินเทอร์เน็ต",
                "en": "Made by Eco Town Atlas: one view as it was when downloaded; it opens "
                      "without the internet."},
    "brief_format_pptx": {"th": "ชุดสไลด์บรรยายสรุป (PowerPoint)",
                          "en": "Briefing deck (PowerPoint)"},
    "compare_format_pptx": {"th": "สไลด์ PowerPoint (หนึ่งหน้า)", "en": "PowerPoint slide (one page)"},
    "brief_format_deckpdf": {"th": "ชุดสไลด์บรรยายสรุป (PDF)", "en": "Briefing deck (PDF)"},
    "deck_map_title": {"th": "แผนที่ของมุมมองนี้", "en": "The map of this view"},
    "deck_progress_title": {"th": "ความก้าวหน้าและเส้นทางสู่ระดับที่ 5 (พ.ศ. 2580)",
                            "en": "Progress and the path to level 5 (2037)"},
    "deck_movers_title": {"th": "พื้นที่ที่เปลี่ยนระดับและพื้นที่ที่ต้องติดตาม",
                          "en": "Movers and areas needing attention"},
    "deck_sources_title": {"th": "แหล่งที่มาและวิธีการ", "en": "Sources and method"},
    "deck_public_gaps": {"th": "ข้อมูลสาธารณะมีเพียง {n} จาก {of} พื้นที่ ระดับรายพื้นที่ส่วนใหญ่"
                               "ยังไม่เผยแพร่ ช่องว่างแสดงเป็นช่องว่าง ไม่เติมด้วยการคาดเดา",
                         "en": "The public record names {n} of {of} areas and few per-area "
                               "levels; gaps are shown as gaps, never filled with a guess"},
    "deck_chart_title": {"th": "จำนวนพื้นที่ในแต่ละระดับต่อปีงบประมาณ",
                         "en": "Areas at each level per fiscal year"},
    "deck_published": {"th": "ตัวเลขที่เผยแพร่", "en": "Published"},
    "deck_published_national": {"th": "ตัวเลขที่เผยแพร่ของทั้งโครงการ (ไม่ได้กรองตามมุมมองนี้)",
                                "en": "Published for the whole programme (not filtered to "
                                      "this view)"},
    "deck_chart_scope": {"th": "{n} พื้นที่ของมุมมองนี้", "en": "the view's {n} areas"},
    "deck_chart_scope_levels": {
        "th": "{n} พื้นที่ตามตัวกรอง ทุกระดับ (ตัวกรองระดับไม่ใช้กับหลายปี)",
        "en": "{n} areas of this view's filters, every level (level filters do not apply "
              "across years)"},
    "brief_cli_bad_value": {
        "th": "ค่าไม่ถูกต้อง --{param} {value}: {reason} (ใช้ได้: {allowed})",
        "en": "bad value --{param} {value}: {reason} (allowed: {allowed})",
    },
    "brief_cli_too_long": {"th": "ยาวเกินไป", "en": "too long"},
    "brief_cli_bad_format": {
        "th": "รูปแบบ '{value}' ไม่รองรับ ใช้ได้: {choices}",
        "en": "format '{value}' is not supported; use one of: {choices}",
    },
    "brief_cli_cannot_write": {
        "th": "เขียนไฟล์ {path} ไม่ได้: {detail}",
        "en": "cannot write {path}: {detail}",
    },
    "brief_cli_wrote": {"th": "บันทึก {path} ({size} ไบต์)", "en": "wrote {path} ({size} bytes)"},
    # --- the picture ------------------------------------------------------------------------
    "brief_badge_public": {"th": "ข้อมูลสาธารณะ", "en": "Public record"},
    "brief_badge_synthetic": {
        "th": "ข้อมูลสาธิตสังเคราะห์ — ไม่ใช่ข้อมูลทางการ",
        "en": "Synthetic demo data — not official",
    },
    "brief_all_areas": {"th": "ทุกพื้นที่ (ไม่มีตัวกรอง)", "en": "All areas (no filter)"},
    "brief_filters": {"th": "ตัวกรอง: {filters}", "en": "Filters: {filters}"},
    "brief_search": {"th": "ค้นหา “{q}”", "en": "search “{q}”"},
    "brief_n_provinces": {"th": "{n} จังหวัด", "en": "{n} provinces", "en_one": "{n} province"},
    "brief_kpi_levels": {"th": "พื้นที่ตามระดับล่าสุด · สีพื้นของหมุด", "en": "Areas by latest level · marker fill"},
    "brief_kpi_phases": {"th": "พื้นที่ตามระยะ · สีขอบของหมุด", "en": "Areas by phase · marker outline"},
    "brief_no_areas": {"th": "ไม่มีพื้นที่ที่ตรงกับตัวกรอง", "en": "No area matches the filters"},
    "brief_areas_listed": {"th": "รายชื่อพื้นที่ ({n}): {names}", "en": "Areas shown ({n}): {names}"},
    "brief_locator": {"th": "ตำแหน่งในประเทศไทย", "en": "Where in Thailand"},
    "brief_data_year": {"th": "ระดับของ{year}", "en": "Levels of {year}"},
    "brief_no_year": {"th": "ยังไม่มีผลประเมินระดับ", "en": "No level assessment yet"},
    "brief_as_of": {
        "th": "ตัวเลขภาพรวมของโครงการ ข้อมูล ณ {date}",
        "en": "programme headline figures as of {date}",
    },
    "brief_source_geo": {
        "th": "ขอบเขตจังหวัด: Natural Earth (สาธารณสมบัติ) · ตำแหน่งพื้นที่: GeoNames (CC BY 4.0) · ชื่อและรหัสจังหวัด: geothai (CC BY 4.0)",
        "en": "Boundaries: Natural Earth (public domain) · Area points: GeoNames (CC BY 4.0) · Province names and codes: geothai (CC BY 4.0)",
    },
    "brief_source_public": {
        "th": "ข้อมูลโครงการ: กรมโรงงานอุตสาหกรรม (กรอ.) และแหล่งที่มาสาธารณะที่อ้างอิงรายพื้นที่: {sources}",
        "en": "Programme facts: Department of Industrial Works (DIW) and the public sources cited for each area: {sources}",
    },
    "brief_source_public_none": {
        "th": "ข้อมูลโครงการ: กรมโรงงานอุตสาหกรรม (กรอ.) และแหล่งที่มาสาธารณะที่อ้างอิงรายพื้นที่",
        "en": "Programme facts: Department of Industrial Works (DIW) and the public sources cited for each area",
    },
    "brief_more_sources": {"th": "และอีก {n} แหล่ง (ดูรายพื้นที่ในตาราง CSV/XLSX)", "en": "and {n} more (listed per area in the CSV/XLSX table)"},
    "brief_source_synthetic": {
        "th": "ข้อมูลโครงการ: สังเคราะห์ขึ้นเพื่อการสาธิต ไม่ใช่ข้อมูลของกรมโรงงานอุตสาหกรรม (seed {seed}) ชื่อพื้นที่และตำแหน่งเป็นสถานที่จริง",
        "en": "Programme data: made up for demonstration, not Department of Industrial Works (DIW) data (seed {seed}); area names and points are real places",
    },
    "brief_month_1": {"th": "ม.ค.", "en": "January"},
    "brief_month_2": {"th": "ก.พ.", "en": "February"},
    "brief_month_3": {"th": "มี.ค.", "en": "March"},
    "brief_month_4": {"th": "เม.ย.", "en": "April"},
    "brief_month_5": {"th": "พ.ค.", "en": "May"},
    "brief_month_6": {"th": "มิ.ย.", "en": "June"},
    "brief_month_7": {"th": "ก.ค.", "en": "July"},
    "brief_month_8": {"th": "ส.ค.", "en": "August"},
    "brief_month_9": {"th": "ก.ย.", "en": "September"},
    "brief_month_10": {"th": "ต.ค.", "en": "October"},
    "brief_month_11": {"th": "พ.ย.", "en": "November"},
    "brief_month_12": {"th": "ธ.ค.", "en": "December"},
    # --- the tables -------------------------------------------------------------------------
    "brief_lat": {"th": "ละติจูด", "en": "Latitude"},
    "brief_lon": {"th": "ลองจิจูด", "en": "Longitude"},
    "brief_sheet_areas": {"th": "พื้นที่", "en": "Areas"},
    "brief_sheet_about": {"th": "เกี่ยวกับ", "en": "About"},
    "brief_about_item": {"th": "รายการ", "en": "Item"},
    "brief_about_value": {"th": "รายละเอียด", "en": "Details"},
    "brief_synthetic": {"th": "ข้อมูลสังเคราะห์หรือไม่", "en": "Synthetic data"},
    "brief_synthetic_yes": {
        "th": "ใช่ — ข้อมูลสาธิตสังเคราะห์ ไม่ใช่ข้อมูลทางการ",
        "en": "Yes — synthetic demo data, not official",
    },
    "brief_synthetic_no": {
        "th": "ไม่ใช่ — ข้อมูลสาธารณะที่มีแหล่งที่มา",
        "en": "No — the public record, each fact with its source",
    },
    "brief_rows": {"th": "จำนวนแถว", "en": "Rows"},
    "brief_data_date": {"th": "วันที่ของข้อมูล", "en": "Date of the data"},
    "brief_licence": {"th": "สัญญาอนุญาต", "en": "Licence"},
}
