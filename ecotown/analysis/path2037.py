"""The path to level 5 in every area by fiscal year 2037 (B.E. 2580): pace, status and a
projection, by stated rules.

For an area, seen from a year Y (its level in Y, as of an earlier year where not assessed):

* **levels to go** = 5 − level; **years left** = 2037 − Y;
* **pace needed** = levels to go ÷ years left (levels a year);
* **pace so far** = (latest level − first level) ÷ (latest year − first year), over its
  assessments up to Y; not known with fewer than two assessed years;
* **status** (:data:`STATUS_RULE`): *reached* at level 5; *on track* if the pace so far is at
  least the pace needed; *at risk* if it is at least half of it; *off track* below that;
  *not known* without a level or a pace;
* **projection** (:data:`PROJECTION_METHOD`), never data: the level in 2037 if the area kept
  its pace so far (at most one level a year, as levels are never skipped), capped at 5.

The programme's figures are the same rules over its areas: levels to go summed, the pace
needed and so far averaged over areas with a known pace (the **average pace**, a secondary
figure named as one), and the number projected to reach level 5.

The programme's **verdict** (:data:`VERDICT_RULE`) answers the target as the programme
states it, level 5 in *every* area by 2037: *on course* only if every area has reached level
5 or is on track and projected to reach it; *not on course* if any area is behind (at risk,
off track, or on track but projected short of level 5), with how many and which; *not
known* when no area is behind but some area's path cannot be told (no level, or fewer than
two assessed years). An average pace never makes the verdict.
"""

from __future__ import annotations

import math

import pandas as pd

__all__ = [
    "PROJECTION_METHOD",
    "STATUSES",
    "STATUS_RULE",
    "TARGET_LEVEL",
    "TARGET_YEAR",
    "VERDICTS",
    "VERDICT_RULE",
    "area_paths",
    "programme_path",
    "programme_verdict",
    "status_of",
]

TARGET_YEAR = 2037  # B.E. 2580
TARGET_LEVEL = 5
STATUSES = ("reached", "on_track", "at_risk", "off_track", "unknown")
STATUS_RULE = {
    "en": "On track: pace so far at least the pace needed; at risk: at least half of it; off "
          "track: less than half; reached: level 5; not known: no level, or fewer than two "
          "assessed years. Pace = levels per year.",
    "th": "ตามเป้า: อัตราที่ผ่านมาไม่ต่ำกว่าอัตราที่ต้องการ เสี่ยง: อย่างน้อยครึ่งหนึ่งของอัตราที่"
          "ต้องการ ไม่ตามเป้า: ต่ำกว่าครึ่งหนึ่ง ถึงเป้าแล้ว: ระดับที่ 5 ไม่ทราบ: ไม่มีระดับ หรือมีผล"
          "ประเมินไม่ถึงสองปี อัตรา = ระดับต่อปี",
}
PROJECTION_METHOD = {
    "en": "Projection, not data: each area keeps its own pace so far (levels per year since "
          "its first assessment, at most one a year) from its latest level, capped at level 5; "
          "areas with fewer than two assessed years are not projected.",
    "th": "ค่าคาดการณ์ ไม่ใช่ข้อมูล: แต่ละพื้นที่คงอัตราของตนเองที่ผ่านมา (ระดับต่อปีนับจากการ"
          "ประเมินครั้งแรก ไม่เกินหนึ่งระดับต่อปี) ต่อจากระดับล่าสุด สูงสุดระดับที่ 5 พื้นที่ที่มี"
          "ผลประเมินไม่ถึงสองปีไม่นำมาคาดการณ์",
}
VERDICTS = ("on_course", "not_on_course", "not_known")
VERDICT_RULE = {
    "en": "The target is level 5 in every area by 2037 (B.E. 2580). On course: every area has "
          "reached level 5 or is on track and projected to reach it. Not on course: any area "
          "is behind (at risk, off track, or projected short of level 5). Not known: no area "
          "is behind, but some area's path cannot be told.",
    "th": "เป้าหมายคือทุกพื้นที่ถึงระดับที่ 5 ภายใน พ.ศ. 2580 ตามเป้า: ทุกพื้นที่ถึงระดับที่ 5 แล้ว "
          "หรือตามเป้าและคาดการณ์ว่าจะถึง ไม่ตามเป้า: มีพื้นที่ใดล่าช้า (เสี่ยง ไม่ตามเป้า หรือ"
          "คาดการณ์ว่าไม่ถึงระดับที่ 5) ไม่ทราบ: ไม่มีพื้นที่ล่าช้า แต่มีพื้นที่ที่บอกเส้นทางไม่ได้",
}
COLUMNS = ["area_id", "level", "level_year", "to_go", "years_left", "pace_needed",
           "pace_so_far", "status", "projected_2037"]


def status_of(level: object, pace_so_far: float | None, pace_needed: float | None) -> str:
    """The status of one area by :data:`STATUS_RULE`."""
    if level is None or pd.isna(level):
        return "unknown"
    if int(level) >= TARGET_LEVEL:
        return "reached"
    if pace_so_far is None or pace_needed is None or pd.isna(pace_so_far):
        return "unknown"
    if pace_needed == math.inf:
        return "off_track"
    if pace_so_far >= pace_needed - 1e-9:
        return "on_track"
    if pace_so_far >= pace_needed / 2 - 1e-9:
        return "at_risk"
    return "off_track"


def _projected(level: int, level_year: int, pace: float | None) -> int | None:
    if pace is None:
        return None if level < TARGET_LEVEL else TARGET_LEVEL
    gained = max(0.0, min(pace, 1.0)) * max(0, TARGET_YEAR - level_year)
    return int(min(TARGET_LEVEL, level + math.floor(gained + 1e-9)))


def area_paths(assessments: pd.DataFrame, year: int, area_ids: list[str] | None = None
               ) -> pd.DataFrame:
    """One row per area (``area_ids``, default every assessed area) seen from ``year``:
    :data:`COLUMNS`. An area with no assessment by then has no level and status
    ``unknown``."""
    known = assessments[assessments["year"] <= year].sort_values(["area_id", "year"])
    ids = sorted(set(known["area_id"])) if area_ids is None else list(area_ids)
    years_left = TARGET_YEAR - int(year)
    rows = []
    groups = {k: g for k, g in known.groupby("area_id")}
    for area_id in ids:
        own = groups.get(area_id)
        if own is None or own.empty:
            rows.append({"area_id": area_id, "level": pd.NA, "level_year": pd.NA,
                         "to_go": pd.NA, "years_left": years_left, "pace_needed": None,
                         "pace_so_far": None, "status": "unknown", "projected_2037": None})
            continue
        first, last = own.iloc[0], own.iloc[-1]
        level, level_year = int(last["level"]), int(last["year"])
        to_go = max(0, TARGET_LEVEL - level)
        pace_needed = 0.0 if to_go == 0 else (to_go / years_left if years_left > 0
                                               else math.inf)
        span = level_year - int(first["year"])
        pace = (level - int(first["level"])) / span if span > 0 else None
        rows.append({"area_id": area_id, "level": level, "level_year": level_year,
                     "to_go": to_go, "years_left": years_left, "pace_needed": pace_needed,
                     "pace_so_far": pace, "status": status_of(level, pace, pace_needed),
                     "projected_2037": _projected(level, level_year, pace)})
    frame = pd.DataFrame(rows, columns=COLUMNS)
    for column in ("level", "level_year", "to_go", "projected_2037"):
        frame[column] = frame[column].astype("Int64")
    return frame


def programme_verdict(paths: pd.DataFrame) -> dict:
    """The programme's verdict against its target (:data:`VERDICT_RULE`) from the areas'
    rows of :func:`area_paths`: ``verdict``, ``areas``, ``behind`` (areas at risk, off track,
    or on track but projected short of level 5), ``behind_ids``, ``off_track``, ``at_risk``,
    ``not_known`` (areas whose path cannot be told)."""
    status = paths["status"]
    projected = paths["projected_2037"]
    short = (status == "on_track") & (projected.isna() | (projected < TARGET_LEVEL))
    behind = status.isin(["at_risk", "off_track"]) | short.fillna(False).astype(bool)
    unknown = status == "unknown"
    if len(paths) == 0:
        verdict = "not_known"
    elif behind.any():
        verdict = "not_on_course"
    elif unknown.any():
        verdict = "not_known"
    else:
        verdict = "on_course"
    return {"verdict": verdict, "areas": len(paths), "behind": int(behind.sum()),
            "behind_ids": sorted(paths.loc[behind, "area_id"].astype(str)),
            "off_track": int((status == "off_track").sum()),
            "at_risk": int((status == "at_risk").sum()), "not_known": int(unknown.sum())}


def programme_path(paths: pd.DataFrame, year: int) -> dict:
    """The programme's path from the areas' rows (:func:`area_paths`); JSON-ready.

    Keys: ``year``, ``target_year``, ``years_left``, ``areas``, ``with_level``, ``at_target``,
    ``levels_to_go``, ``pace_needed``, ``pace_so_far`` (the average pace: mean over areas
    with a known pace; ``None`` if none), ``average_status`` (the status of the average pace:
    a secondary figure, never the verdict), ``verdict`` (:func:`programme_verdict`), ``status``
    (the verdict as a status: ``reached``/``on_track`` only when on course, ``off_track`` when
    not, ``unknown`` when not known), ``by_status``, ``projection_2037`` (``reach_level_5``,
    ``projected_areas``, ``not_projected``, ``method``, ``is_projection``).
    """
    years_left = TARGET_YEAR - int(year)
    with_level = paths[paths["level"].notna()]
    paced = with_level[with_level["pace_so_far"].notna()]
    to_go = int(with_level["to_go"].sum()) if len(with_level) else 0
    needed = [float(v) for v in paced["pace_needed"]]
    so_far = [float(v) for v in paced["pace_so_far"]]
    mean_needed = round(sum(needed) / len(needed), 4) if needed else None
    mean_so_far = round(sum(so_far) / len(so_far), 4) if so_far else None
    projected = paths["projected_2037"].dropna()
    verdict = programme_verdict(paths)
    average = (status_of(1 if len(with_level) else None, mean_so_far, mean_needed) if to_go
               else ("reached" if len(with_level) else "unknown"))
    if verdict["verdict"] == "on_course":
        status = "reached" if to_go == 0 else "on_track"
    else:
        status = "off_track" if verdict["verdict"] == "not_on_course" else "unknown"
    return {
        "year": int(year),
        "target_year": TARGET_YEAR,
        "years_left": years_left,
        "areas": len(paths),
        "with_level": len(with_level),
        "at_target": int((with_level["level"] >= TARGET_LEVEL).sum()),
        "levels_to_go": to_go,
        "pace_needed": mean_needed,
        "pace_so_far": mean_so_far,
        "average_status": average,
        "verdict": verdict,
        "status": status,
        "by_status": {s: int((paths["status"] == s).sum()) for s in STATUSES},
        "projection_2037": {
            "is_projection": True,
            "reach_level_5": int((projected >= TARGET_LEVEL).sum()),
            "projected_areas": len(projected),
            "not_projected": len(paths) - len(projected),
            "method": PROJECTION_METHOD["en"],
            "method_th": PROJECTION_METHOD["th"],
        },
    }
