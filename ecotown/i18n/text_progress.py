"""Thai and English texts of the time dimension: year control, change view, the programme
over time and the path to 2037 (merged into ``ecotown.i18n.labels.TEXT``)."""

TEXT: dict[str, dict[str, str]] = {
    # --- year control -----------------------------------------------------------------
    "level_shown": {"th": "ระดับ (ปีที่แสดง)", "en": "Level (year shown)"},
    "year_control": {"th": "ปีงบประมาณ (พ.ศ.)", "en": "Fiscal year"},
    "year_play": {"th": "เล่น", "en": "Play"},
    "year_stop": {"th": "หยุด", "en": "Stop"},
    "year_shown": {"th": "ข้อมูล{fy}", "en": "Levels of {fy}"},
    "joined_later": {"th": "อีก {n} พื้นที่เข้าร่วมหลัง{fy} จึงไม่แสดง",
                     "en": "{n} more areas joined after {fy} and are not shown",
                     "en_one": "{n} more area joined after {fy} and is not shown"},
    "as_of_caption": {"th": "{n} พื้นที่ไม่มีผลประเมินในปีนี้ แสดงระดับล่าสุดก่อนหน้า (หมุดจาง ขอบเส้นประ)",
                      "en": "{n} areas have no assessment this year and show their latest "
                            "earlier level (pale marker, dashed ring)",
                      "en_one": "{n} area has no assessment this year and shows its latest "
                                "earlier level (pale marker, dashed ring)"},
    "as_of_year": {"th": "ณ {year}", "en": "as of {year}"},
    "legend_as_of_title": {"th": "ระดับจากปีก่อนหน้า", "en": "Level from an earlier year"},
    "legend_as_of": {"th": "หมุดจาง ขอบเส้นประ: ไม่มีผลประเมินในปีที่แสดง",
                     "en": "Pale, dashed: not assessed in the year shown"},
    # --- change view --------------------------------------------------------------------
    "change_since": {"th": "เปรียบเทียบกับปี", "en": "Change since"},
    "change_off": {"th": "ไม่เปรียบเทียบ", "en": "No comparison"},
    "legend_change": {"th": "การเปลี่ยนแปลงตั้งแต่ {year}", "en": "Change since {year}"},
    "change_up2": {"th": "เพิ่มขึ้น 2 ระดับขึ้นไป", "en": "Up two levels or more"},
    "change_up1": {"th": "เพิ่มขึ้น 1 ระดับ", "en": "Up one level"},
    "change_same": {"th": "คงเดิม", "en": "Unchanged"},
    "change_down": {"th": "ลดลง", "en": "Down"},
    "change_new": {"th": "เข้าร่วมใหม่", "en": "New in the programme"},
    "change_unknown": {"th": "ไม่มีระดับในปีใดปีหนึ่ง", "en": "No level in one of the years"},
    "change_line": {"th": "{before} → {after}", "en": "{before} → {after}"},
    "change_reason": {"th": "เหตุผล", "en": "Reason"},
    "movers_title": {"th": "พื้นที่ที่ระดับเปลี่ยน {since} → {year}",
                     "en": "Areas whose level changed, {since} → {year}"},
    "movers_none": {"th": "ไม่มีพื้นที่ใดเปลี่ยนระดับ", "en": "No area changed level"},
    "col_from": {"th": "จาก", "en": "From"},
    "col_to": {"th": "เป็น", "en": "To"},
    "col_change": {"th": "เปลี่ยน", "en": "Change"},
    # --- the programme over time --------------------------------------------------------
    "over_time": {"th": "ความก้าวหน้าของโครงการตามปี", "en": "The programme over time"},
    "over_time_caption": {"th": "จำนวนพื้นที่ในแต่ละระดับต่อปีงบประมาณ (ระดับของปีนั้น หรือระดับล่าสุดก่อนหน้า)"
                                " จุดสีดำ: ตัวเลขที่เผยแพร่ พร้อมแหล่งที่มา",
                          "en": "Areas at each level per fiscal year (the level of that year, "
                                "or the latest earlier one). Black points: published figures, "
                                "with their sources"},
    "breakdown": {"th": "แยกตาม", "en": "Break down by"},
    "breakdown_none": {"th": "ทั้งโครงการ", "en": "Whole programme"},
    "breakdown_phase": {"th": "ระยะ", "en": "Phase"},
    "breakdown_region": {"th": "ภาค", "en": "Region"},
    "published_point": {"th": "ตัวเลขที่เผยแพร่", "en": "Published figure"},
    "col_year": {"th": "ปีงบประมาณ", "en": "Fiscal year"},
    "col_areas_in": {"th": "พื้นที่ในโครงการ", "en": "Areas in the programme"},
    "col_no_level": {"th": "ไม่มีระดับ", "en": "No level"},
    "col_as_of": {"th": "ใช้ระดับปีก่อน", "en": "Level from earlier year"},
    "events_title": {"th": "สิ่งที่ทราบจากแหล่งที่มาสาธารณะ", "en": "What is known from public sources"},
    "date": {"th": "วันที่", "en": "Date"},
    "events_what": {"th": "สิ่งที่เกิดขึ้น", "en": "What happened"},
    "basis_label": {"th": "ที่มา", "en": "Basis"},
    # --- the path to 2037 ---------------------------------------------------------------
    "path_title": {"th": "เส้นทางสู่ระดับที่ 5 ภายใน พ.ศ. 2580", "en": "The path to level 5 by 2037"},
    "path_levels_to_go": {"th": "ระดับที่ยังต้องเพิ่ม", "en": "Levels to go"},
    "path_years_left": {"th": "ปีที่เหลือ", "en": "Years left"},
    "path_pace_needed": {"th": "อัตราที่ต้องการเฉลี่ย (ระดับ/ปี)", "en": "Average pace needed (levels/year)"},
    "path_pace_so_far": {"th": "อัตราที่ผ่านมาเฉลี่ย (ระดับ/ปี)", "en": "Average pace so far (levels/year)"},
    "path_status": {"th": "สถานะ", "en": "Status"},
    "path_projected": {"th": "คาดการณ์ระดับ พ.ศ. 2580", "en": "Projected level, 2037"},
    "path_projection": {"th": "ค่าคาดการณ์: {n} จาก {of} พื้นที่ถึงระดับที่ 5 ภายใน พ.ศ. 2580",
                        "en": "Projection: {n} of {of} areas reach level 5 by 2037"},
    "path_not_projected": {"th": "{n} พื้นที่คาดการณ์ไม่ได้ (ผลประเมินไม่ถึงสองปี)",
                           "en": "{n} areas cannot be projected (fewer than two assessed years)"},
    "path_rule": {"th": "เกณฑ์สถานะ", "en": "Status rule"},
    "path_method": {"th": "วิธีคาดการณ์", "en": "Projection method"},
    "path_by_status": {"th": "พื้นที่ตามสถานะ ณ {fy}:", "en": "Areas by status, {fy}:"},
    "path_target_line": {"th": "เป้าหมาย: ทุกพื้นที่ถึงระดับที่ 5 ภายใน พ.ศ. 2580", "en": "Target: every area at level 5 by 2037 (B.E. 2580)"},
    "path_programme": {"th": "ทั้งโครงการ ณ {fy}: {status}", "en": "Programme, {fy}: {status}"},
    "status_reached": {"th": "ถึงระดับที่ 5 แล้ว", "en": "Reached level 5"},
    "status_on_track": {"th": "ตามเป้า", "en": "On track"},
    "status_at_risk": {"th": "เสี่ยง", "en": "At risk"},
    "status_off_track": {"th": "ไม่ตามเป้า", "en": "Off track"},
    "status_unknown": {"th": "ไม่ทราบ", "en": "Not known"},
    "path_area": {"th": "เส้นทางสู่ระดับที่ 5 (พ.ศ. 2580)", "en": "Path to level 5 (2037)"},
    "path_area_line": {"th": "ระดับ {level} ณ {fy} · ระดับที่ยังต้องเพิ่ม {to_go} · ปีที่เหลือ "
                             "{years} · อัตราที่ต้องการ {needed} ระดับ/ปี · ที่ผ่านมา {so_far} "
                             "ระดับ/ปี",
                       "en": "Level {level} in {fy} · levels to go: {to_go} · years left: "
                             "{years} · pace needed {needed} a year, so far {so_far} a year"},
}
