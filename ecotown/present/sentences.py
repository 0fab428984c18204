"""Sentences written from the data, in Thai or English, for the briefing deck.

Every number in a sentence comes from :func:`ecotown.analysis.summary.summarise` or
:func:`ecotown.analysis.progress.progress_report` (what the app shows); where the data is
missing a sentence says so instead of making a claim. Numbers have separators; Thai years are
B.E. (fiscal years as ``ปีงบประมาณ พ.ศ. 2568``), English years C.E.
"""

from __future__ import annotations

from ecotown.i18n.labels import fiscal_year_text

__all__ = ["at_or_above", "attention_sentence", "level_sentence", "movers_sentence",
           "path_sentences", "region_sentence", "verdict_sentence"]

TEXT = {
    "level": {"th": "{fy}: {n3} จาก {n} พื้นที่ผ่านระดับ 3 ขึ้นไป",
              "en": "{fy}: {n3} of {n} areas at level 3 or above"},
    "up": {"th": "เพิ่มขึ้น {d} พื้นที่จากปีก่อน", "en": "up {d} from the year before"},
    "down": {"th": "ลดลง {d} พื้นที่จากปีก่อน", "en": "down {d} from the year before"},
    "same": {"th": "เท่ากับปีก่อน", "en": "the same as the year before"},
    "no_previous": {"th": "ไม่มีข้อมูลปีก่อนให้เปรียบเทียบ",
                    "en": "no earlier year to compare with"},
    "missing": {"th": "ยังไม่มีระดับที่เผยแพร่สำหรับ {m} จาก {n} พื้นที่",
                "en": "no level is published for {m} of {n} areas"},
    "none_known": {"th": "{fy}: ยังไม่มีระดับที่เผยแพร่สำหรับพื้นที่ใดใน {n} พื้นที่",
                   "en": "{fy}: no level is published for any of the {n} areas"},
    "no_areas": {"th": "{fy}: ไม่มีพื้นที่ในมุมมองนี้", "en": "{fy}: no area in this view"},
    "path": {"th": "อัตราเฉลี่ย (ตัวเลขประกอบ ไม่ใช่คำตัดสิน): ยังต้องเพิ่มอีก {go} ระดับใน {years} ปี "
                   "ต้องการเฉลี่ย {need} ระดับต่อปี ที่ผ่านมาเฉลี่ย {so_far} ระดับต่อปี",
             "en": "Average pace (a secondary figure, not the verdict): {go} levels to go in "
                   "{years} years; {need} a year needed on average, {so_far} a year so far"},
    "verdict_not_on_course": {
        "th": "ไม่ตามเป้า พ.ศ. 2580: {behind} จาก {n} พื้นที่ล่าช้า (ไม่ตามเป้า {off} เสี่ยง {risk}"
              "{short}) หากคงอัตราของตนเอง {k} จาก {n} พื้นที่ถึงระดับที่ 5 ภายใน พ.ศ. 2580 "
              "(ค่าคาดการณ์)",
        "en": "Not on course for 2037: {behind} of {n} areas are behind ({off} off track, "
              "{risk} at risk{short}); at their own pace {k} of {n} reach level 5 by 2037 "
              "(projection)"},
    "verdict_short": {"th": " คาดการณ์ไม่ถึงระดับที่ 5 อีก {m}",
                      "en": ", {m} on track but projected short of level 5"},
    "verdict_on_course": {
        "th": "ตามเป้า พ.ศ. 2580: ทุกพื้นที่ ({n} พื้นที่) ถึงระดับที่ 5 แล้ว หรือตามเป้าและคาดการณ์"
              "ว่าจะถึงภายใน พ.ศ. 2580 (ค่าคาดการณ์)",
        "en": "On course for 2037: every one of the {n} areas has reached level 5 or is on "
              "track and projected to reach it (projection)"},
    "verdict_not_known": {
        "th": "ยังบอกไม่ได้ว่าตามเป้า พ.ศ. 2580 หรือไม่: {m} จาก {n} พื้นที่ไม่มีระดับ หรือมีผล"
              "ประเมินไม่ถึงสองปี และไม่มีพื้นที่ใดที่ทราบว่าล่าช้า",
        "en": "Not known whether the programme is on course for 2037: {m} of {n} areas have "
              "no level or fewer than two assessed years, and no area is known to be behind"},
    "path_unknown": {"th": "ยังคำนวณอัตราไม่ได้: ไม่มีพื้นที่ใดมีผลประเมินสองปีขึ้นไป",
                     "en": "The pace cannot be measured: no area has two assessed years"},
    "projection": {"th": "ค่าคาดการณ์ (ไม่ใช่ข้อมูล): {k} จาก {n} พื้นที่ถึงระดับที่ 5 ภายใน "
                         "พ.ศ. 2580 หากคงอัตราปัจจุบัน",
                   "en": "Projection (not data): {k} of {n} areas reach level 5 by 2037 at "
                         "the current pace"},
    "not_projected": {"th": "{m} พื้นที่คาดการณ์ไม่ได้ (ผลประเมินไม่ถึงสองปี)",
                      "en": "{m} areas cannot be projected (fewer than two assessed years)"},
    "movers": {"th": "จาก{since} ถึง{fy}: {up} พื้นที่ระดับเพิ่มขึ้น {down} พื้นที่ระดับลดลง",
               "en": "From {since} to {fy}: {up} areas moved up, {down} went down"},
    "movers_none": {"th": "จาก{since} ถึง{fy}: ไม่มีพื้นที่ใดเปลี่ยนระดับ",
                    "en": "From {since} to {fy}: no area changed level"},
    "movers_one_year": {"th": "มีข้อมูลปีเดียว: ยังไม่มีการเปลี่ยนแปลงให้แสดง",
                        "en": "Only one year of data: no change to show"},
    "attention": {"th": "{k} พื้นที่ไม่ตามเป้าหรือระดับลดลง", "en": "{k} areas are off track "
                  "or went down"},
    "attention_none": {"th": "ไม่มีพื้นที่ที่ไม่ตามเป้าหรือระดับลดลง",
                       "en": "No area is off track or went down"},
    "region": {"th": "{name}: {n} พื้นที่ ผ่านระดับ 3 ขึ้นไป {n3} พื้นที่",
               "en": "{name}: {n} areas, {n3} at level 3 or above"},
    "region_missing": {"th": "ไม่มีระดับที่เผยแพร่ {m} พื้นที่", "en": "{m} with no published "
                       "level"},
}


def _t(key: str, lang: str, **fields) -> str:
    return TEXT[key][lang].format(**fields)


def _n(value: int) -> str:
    return f"{int(value):,}"


def at_or_above(by_level: dict, level: int = 3) -> int:
    """Areas at ``level`` or above in a ``{level: count}`` mapping (``"1"``…``"5"``)."""
    return sum(int(v) for k, v in by_level.items() if k.isdigit() and int(k) >= level)


def level_sentence(counts: dict, previous: dict | None, lang: str) -> str:
    """``FY2025: 18 of 54 areas at level 3 or above, up 3 from the year before`` from
    :func:`ecotown.analysis.summary.summarise` (``counts``) and the year before's counts by
    level (``previous``, ``None`` if there is no earlier year)."""
    fy = fiscal_year_text(counts["year"], lang, span=False)
    n, missing = counts["areas"], counts["by_level"].get("none", 0)
    if not n:
        return _t("no_areas", lang, fy=fy)
    if missing == n:
        return _t("none_known", lang, fy=fy, n=_n(n))
    n3 = at_or_above(counts["by_level"])
    parts = [_t("level", lang, fy=fy, n3=_n(n3), n=_n(n))]
    if previous is None:
        parts.append(_t("no_previous", lang))
    else:
        delta = n3 - at_or_above(previous)
        parts.append(_t("up", lang, d=_n(delta)) if delta > 0 else
                     _t("down", lang, d=_n(-delta)) if delta < 0 else _t("same", lang))
    if missing:
        parts.append(_t("missing", lang, m=_n(missing), n=_n(n)))
    return (" " if lang == "th" else ", ").join(parts[:2]) + ("" if len(parts) < 3 else
                                                              "; " + parts[2])


def verdict_sentence(report: dict, lang: str) -> str:
    """The programme's verdict against its target, level 5 in every area by 2037
    (:func:`ecotown.analysis.path2037.programme_verdict`), with its labelled projection;
    ``""`` without a path."""
    path = report.get("path")
    if not path:
        return ""
    verdict, projection = path["verdict"], report["projection_2037"]
    n = _n(verdict["areas"])
    if verdict["verdict"] == "on_course":
        return _t("verdict_on_course", lang, n=n)
    if verdict["verdict"] == "not_known":
        return _t("verdict_not_known", lang, m=_n(verdict["not_known"]), n=n)
    short = verdict["behind"] - verdict["off_track"] - verdict["at_risk"]
    return _t("verdict_not_on_course", lang, behind=_n(verdict["behind"]), n=n,
              off=_n(verdict["off_track"]), risk=_n(verdict["at_risk"]),
              short=_t("verdict_short", lang, m=_n(short)) if short else "",
              k=_n(projection["reach_level_5"]))


def path_sentences(report: dict, lang: str) -> list[str]:
    """The verdict against the 2037 target first, then the average pace (named as a
    secondary figure) and the labelled projection, from ``progress_report``."""
    path, projection = report.get("path"), report.get("projection_2037")
    if not path:
        return []
    lines = [verdict_sentence(report, lang)]
    if path["pace_so_far"] is None:
        lines.append(_t("path_unknown", lang))
    else:
        lines.append(_t("path", lang, go=_n(path["levels_to_go"]), years=_n(path["years_left"]),
                        need=f"{path['pace_needed']:.2f}", so_far=f"{path['pace_so_far']:.2f}"))
    if projection["projected_areas"]:
        lines.append(_t("projection", lang, k=_n(projection["reach_level_5"]),
                        n=_n(path["areas"])))
    if projection["not_projected"]:
        lines.append(_t("not_projected", lang, m=_n(projection["not_projected"])))
    return lines


def movers_sentence(report: dict, lang: str) -> str:
    """How many areas moved up and down between ``since`` and ``year``."""
    if report.get("since") is None:
        return _t("movers_one_year", lang)
    fy = fiscal_year_text(report["year"], lang, span=False)
    since = fiscal_year_text(report["since"], lang, span=False)
    up = sum(1 for m in report["movers"] if m["change"] > 0)
    down = sum(1 for m in report["movers"] if m["change"] < 0)
    if not up and not down:
        return _t("movers_none", lang, since=since, fy=fy)
    return _t("movers", lang, since=since, fy=fy, up=_n(up), down=_n(down))


def attention_sentence(count: int, lang: str) -> str:
    """How many areas need attention (off track, or down since the year compared)."""
    return _t("attention", lang, k=_n(count)) if count else _t("attention_none", lang)


def region_sentence(name: str, by_level: dict, areas: int, lang: str) -> str:
    """``East: 12 areas, 7 at level 3 or above`` (and how many have no published level)."""
    text = _t("region", lang, name=name, n=_n(areas), n3=_n(at_or_above(by_level)))
    missing = by_level.get("none", 0)
    return text + (f" · {_t('region_missing', lang, m=_n(missing))}" if missing else "")
