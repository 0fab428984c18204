"""Levels over time: what each area's level was in a fiscal year, and what changed since.

Assessments are yearly, but not every area is assessed every year. In a year an area

* is **not shown** if it had not joined the programme yet (``joined_year`` after the year,
  and no assessment by then); :func:`joined_later` counts those;
* shows the level **assessed that year**; or
* shows its **latest earlier level, marked "as of" that year** (``as_of`` is true), never
  silently; or
* has **no level** (never assessed by then).

Years are fiscal years, stored as C.E. (:mod:`ecotown.model.years`).
"""

from __future__ import annotations

import pandas as pd

__all__ = [
    "CHANGE_CLASSES",
    "by_year",
    "change_table",
    "data_years",
    "in_programme",
    "joined_later",
    "levels_in",
    "movers",
]

# What a change view colours, best first: up two or more levels, up one, unchanged, down,
# new in the programme since, and no level at one of the two years.
CHANGE_CLASSES = ("up2", "up1", "same", "down", "new", "unknown")
LEVEL_COLUMNS = ["area_id", "level", "level_year", "level_basis", "level_source", "level_note",
                 "level_note_th", "as_of"]


def data_years(assessments: pd.DataFrame, *known: pd.Series) -> list[int]:
    """The years a year control offers: every fiscal year from the first assessment to the
    last year the data speaks of (assessments, and the years in ``known``: e.g. areas'
    joining years and the years of published counts). A year with no assessment shows the
    levels as of earlier years."""
    years = pd.concat([assessments["year"], *known]) if known else assessments["year"]
    years = pd.to_numeric(years, errors="coerce").dropna().astype(int)
    if assessments.empty or years.empty:
        return []
    return list(range(int(assessments["year"].min()), int(years.max()) + 1))


def levels_in(assessments: pd.DataFrame, year: int | None) -> pd.DataFrame:
    """Each area's level in ``year`` (``None``: the latest): the assessment of that year, else
    the latest earlier one with ``as_of`` true. Areas never assessed by then are absent."""
    if assessments.empty:
        return pd.DataFrame(columns=LEVEL_COLUMNS)
    known = assessments if year is None else assessments[assessments["year"] <= year]
    if known.empty:
        return pd.DataFrame(columns=LEVEL_COLUMNS)
    latest = known.sort_values(["area_id", "year"]).groupby("area_id").tail(1)
    note_th = latest["note_th"] if "note_th" in latest.columns else ""
    result = pd.DataFrame({
        "area_id": latest["area_id"].to_numpy(),
        "level": latest["level"].astype("Int64").to_numpy(),
        "level_year": latest["year"].astype("Int64").to_numpy(),
        "level_basis": latest["basis"].to_numpy(),
        "level_source": latest["source"].to_numpy(),
        "level_note": latest["note"].fillna("").to_numpy(),
        "level_note_th": pd.Series(note_th, index=latest.index).fillna("").to_numpy(),
    })
    target = int(assessments["year"].max()) if year is None else int(year)
    result["as_of"] = (result["level_year"].astype(int) < target).to_numpy()
    return result.reset_index(drop=True)


def _joined(areas: pd.DataFrame) -> pd.Series:
    if "joined_year" not in areas.columns:
        return pd.Series(pd.NA, index=areas.index, dtype="Int64")
    return pd.to_numeric(areas["joined_year"], errors="coerce").astype("Int64")


def in_programme(areas: pd.DataFrame, assessments: pd.DataFrame, year: int | None
                 ) -> pd.Series:
    """Which areas were in the programme in ``year``: joined by then, or joining year not
    known, or assessed by then (an assessment proves membership)."""
    if year is None:
        return pd.Series(True, index=areas.index)
    joined = _joined(areas)
    assessed = set(assessments.loc[assessments["year"] <= year, "area_id"])
    return (joined.isna() | (joined <= year)).fillna(True).astype(bool) \
        | areas["area_id"].isin(assessed)


def joined_later(areas: pd.DataFrame, assessments: pd.DataFrame, year: int | None) -> int:
    """How many areas joined the programme after ``year`` (so are not shown in it)."""
    return int((~in_programme(areas, assessments, year)).sum())


def by_year(areas: pd.DataFrame, assessments: pd.DataFrame, years: list[int] | None = None
            ) -> dict[int, dict]:
    """Per year: areas in the programme, counts by level (``"1"``…``"5"``), areas with no
    level, levels carried from an earlier year and areas that joined later.

    ``areas`` may be filtered (phase, region, province); levels are those of each year.
    """
    years = data_years(assessments) if years is None else years
    ids = set(areas["area_id"])
    own = assessments[assessments["area_id"].isin(ids)]
    if not len(years):
        return {}
    # one table of areas × years, at once: the level of each year (carried forward from the
    # latest earlier assessment) and the year it was assessed (levels_in, per year, built
    # every text column of every year's levels)
    columns = sorted({*map(int, years), *own["year"].astype(int)})
    latest = own.sort_values("year", kind="stable").drop_duplicates(
        ["area_id", "year"], keep="last").astype({"year": int, "level": float})
    level = latest.pivot(index="area_id", columns="year", values="level") \
        .reindex(index=list(areas["area_id"]), columns=columns)
    assessed = level.notna()
    since = assessed.mul(columns).where(assessed).ffill(axis=1)  # year of the level held
    level = level.ffill(axis=1)
    joined = _joined(areas).reset_index(drop=True)
    result: dict[int, dict] = {}
    for year in years:
        year = int(year)
        held = level[year].to_numpy(float)
        has = ~pd.isna(held)
        member = (joined.isna() | (joined <= year)).fillna(True).to_numpy(bool) | has
        counts = {str(lv): int(((held == lv) & member & has).sum()) for lv in range(1, 6)}
        with_level = int((member & has).sum())
        result[year] = {
            "areas": int(member.sum()),
            "by_level": counts,
            "no_level": int(member.sum()) - with_level,
            "as_of_earlier": int(((since[year].to_numpy(float) < year) & member & has).sum()),
            "joined_later": len(areas) - int(member.sum()),
        }
    return result


def _class(before: object, after: object, new: bool) -> str:
    if new:
        return "new"
    if pd.isna(before) or pd.isna(after):
        return "unknown"
    step = int(after) - int(before)
    return "up2" if step >= 2 else "up1" if step == 1 else "same" if step == 0 else "down"


def change_table(areas: pd.DataFrame, assessments: pd.DataFrame, since: int, year: int
                 ) -> pd.DataFrame:
    """Each area in the programme in ``year``: its level in ``since`` and in ``year`` (as of
    earlier years where not assessed), the change and its class (:data:`CHANGE_CLASSES`), and
    for a fall the notes of the assessments where it went down (the reason).

    Columns: ``area_id, level_from, year_from, level_to, year_to, change, change_class,
    reason, reason_th``.
    """
    now_in = areas[in_programme(areas, assessments, year)]
    was_in = set(areas.loc[in_programme(areas, assessments, since), "area_id"])
    before = levels_in(assessments, since).set_index("area_id")
    after = levels_in(assessments, year).set_index("area_id")
    # plain dicts: a column lookup per area cost most of a change view's time
    level_from, year_from = before["level"].to_dict(), before["level_year"].to_dict()
    level_to, year_to = after["level"].to_dict(), after["level_year"].to_dict()
    rows = []
    for area_id in now_in["area_id"]:
        lv_from = level_from.get(area_id, pd.NA)
        lv_to = level_to.get(area_id, pd.NA)
        new = area_id not in was_in
        cls = _class(lv_from, lv_to, new)
        change = pd.NA if pd.isna(lv_from) or pd.isna(lv_to) else int(lv_to) - int(lv_from)
        reason, reason_th = _fall_notes(assessments, area_id, since, year) if cls == "down" \
            else ("", "")
        rows.append({"area_id": area_id, "level_from": lv_from,
                     "year_from": year_from.get(area_id, pd.NA),
                     "level_to": lv_to, "year_to": year_to.get(area_id, pd.NA),
                     "change": change, "change_class": cls, "reason": reason,
                     "reason_th": reason_th})
    frame = pd.DataFrame(rows, columns=["area_id", "level_from", "year_from", "level_to",
                                        "year_to", "change", "change_class", "reason",
                                        "reason_th"])
    for column in ("level_from", "year_from", "level_to", "year_to", "change"):
        frame[column] = frame[column].astype("Int64")
    return frame


def _fall_notes(assessments: pd.DataFrame, area_id: str, since: int, year: int
                ) -> tuple[str, str]:
    """The notes of the assessments in (since, year] where the area's level went down."""
    own = assessments[assessments["area_id"] == area_id].sort_values("year")
    notes, notes_th = [], []
    previous = None
    for row in own.itertuples():
        if previous is not None and row.level < previous and since < row.year <= year:
            notes.append(str(row.note or ""))
            notes_th.append(str(getattr(row, "note_th", "") or row.note or ""))
        previous = row.level
    return "; ".join(n for n in notes if n), "; ".join(n for n in notes_th if n)


def movers(change: pd.DataFrame) -> pd.DataFrame:
    """The areas whose level changed, biggest rise first and falls last (then by id)."""
    moved = change[change["change"].notna() & (change["change"].fillna(0) != 0)].copy()
    moved["_order"] = -moved["change"].astype(int)
    return moved.sort_values(["_order", "area_id"]).drop(columns="_order").reset_index(drop=True)
