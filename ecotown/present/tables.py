"""Area tables for people: localised columns and values, shared by the page and exports."""

from __future__ import annotations

import pandas as pd

from ecotown.i18n.labels import note_in, pick, t, year_text
from ecotown.model.dataset import Dataset
from ecotown.model.geography import region_name
from ecotown.present.sources import source_label, synthetic_source
from ecotown.present.style import CHANGE_TEXT_COLOURS, level_label, phase_label

__all__ = ["change_style", "change_text", "criteria_text", "display_areas",
           "indicator_change_text"]


def display_areas(areas: pd.DataFrame, dataset: Dataset, lang: str) -> pd.DataFrame:
    """The area table with headings and values in ``lang``, sorted by province then id."""
    ordered = areas.sort_values(["province_code", "area_id"])
    other = "en" if lang == "th" else "th"
    # What an executive reads first comes first: name, level, phase, province.
    rows = {
        t("name", lang): [pick(r.name_th, r.name_en, lang) for r in ordered.itertuples()],
        t("level_shown", lang): [level_label(v, dataset.levels, lang) for v in ordered["level"]],
        t("level_year", lang): [year_text(y, lang) for y in ordered["level_year"]],
        t("phase", lang): [phase_label(p, lang) for p in ordered["phase"]],
        t("province", lang): ordered[f"province_{lang}"],
        t("region", lang): [region_name(r, lang) for r in ordered["region"]],
        t("area_id", lang): ordered["area_id"],
        f"{t('name', lang)} ({other.upper()})": ordered[f"name_{other}"],
        t("scope", lang): [t(f"scope_{s}", lang) for s in ordered["scope"]],
        t("phase_basis", lang): [t(f"basis_{b}", lang) for b in ordered["phase_basis"]],
        t("sources", lang): [t("source_synthetic", lang) if synthetic_source(s) else s
                             for s in ordered["sources"]],
    }
    if "as_of" in ordered.columns:  # a level carried from an earlier year says so
        rows[t("col_as_of", lang)] = [t("d_yes", lang) if bool(v) else ""
                                      for v in ordered["as_of"].fillna(False)]
    if "change_class" in ordered.columns:  # a change view: from, change, class, reason
        rows[t("col_from", lang)] = [
            "–" if pd.isna(lv) else f"{int(lv)} ({year_text(y, lang)})"
            for lv, y in zip(ordered["level_from"], ordered["year_from"], strict=True)]
        rows[t("col_change", lang)] = [change_text(c) for c in ordered["change"]]
        rows[t("change_since", lang)] = [t(f"change_{c}", lang) if isinstance(c, str) else ""
                                         for c in ordered["change_class"]]
        rows[t("change_reason", lang)] = [
            (th if lang == "th" and th else en) if isinstance(en, str) else ""
            for en, th in zip(ordered["reason"], ordered["reason_th"], strict=True)]
    return pd.DataFrame(rows).reset_index(drop=True)


def change_text(change: object) -> str:
    """A change of level as ``▲2``, ``▼1`` or ``0`` (``–`` when a year has no level): no
    leading sign, so a spreadsheet never reads it as a formula."""
    if change is None or pd.isna(change):
        return "–"
    change = int(change)
    return f"▲{change}" if change > 0 else f"▼{-change}" if change < 0 else "0"


def indicator_change_text(change: object, better: object, lang: str) -> str:
    """An indicator's change since its last value, in words first (issue 28): "better" or
    "worse" where the catalogue says which way is better, then the value's own direction
    and size (the arrow is the value's direction, never a verdict): "worse (▲ 8.40)". An
    indicator without a direction shows the signed change only; no change says so."""
    if change is None or pd.isna(change):
        return "–"
    if change == 0:
        return t("no_change", lang)
    if better is None or pd.isna(better):
        return f"{change:+,.2f}"
    arrow = "▲" if change > 0 else "▼"
    verdict = t("better", lang) if bool(better) else t("worse", lang)
    return f"{verdict} ({arrow} {abs(change):,.2f})"


def change_style(better: object) -> str:
    """The CSS of a change cell: green text where better, magenta where worse (the change
    view's colours), none where the direction is unknown."""
    if better is None or pd.isna(better):
        return ""
    colour = CHANGE_TEXT_COLOURS[bool(better)]
    return f"color: {colour}; font-weight: 600"


def display_scorecard(card: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One dimension's scorecard rows with headings and values in ``lang``."""
    return pd.DataFrame({
        t("indicator", lang): card[f"name_{lang}"],
        t("aspect", lang): card[f"aspect_{lang}"],
        t("value", lang): card["value"].round(2),
        t("unit", lang): card[f"unit_{lang}"],
        t("year", lang): [year_text(y, lang) for y in card["year"]],
        t("change", lang): [indicator_change_text(c, b, lang) for c, b in
                            zip(card["change"], card["change_is_better"], strict=True)],
        t("phase_median", lang): card["phase_median"].round(2),
        t("programme_median", lang): card["programme_median"].round(2),
        t("score", lang): card["score"].round(1),
    }).reset_index(drop=True)


def display_history(history: pd.DataFrame, dataset: Dataset, lang: str) -> pd.DataFrame:
    """An area's level history as a table, with basis, note and source."""
    return pd.DataFrame({
        t("year", lang): [year_text(y, lang) for y in history["year"]],
        t("level", lang): [level_label(v, dataset.levels, lang) for v in history["level"]],
        t("basis", lang): [t(f"basis_{b}", lang) for b in history["basis"]],
        t("note", lang): [note_in(r, lang) for _, r in history.iterrows()],
        t("source", lang): [source_label(s, lang) for s in history["source"]],
        t("criteria_edition", lang): [criteria_text(c, lang) for c in history.get(
            "criteria", pd.Series([""] * len(history), index=history.index))],
    }).reset_index(drop=True)


def criteria_text(edition: object, lang: str) -> str:
    """The criteria edition an assessment was scored on, in words ("เกณฑ์ฉบับ พ.ศ. 2565" /
    "2022 criteria (B.E. 2565)"), or "not stated" (never guessed)."""
    text = "" if edition is None or (not isinstance(edition, str) and pd.isna(edition)) \
        else str(edition).strip()
    if not text:
        return t("criteria_not_stated", lang)
    year = f"พ.ศ. {text}" if lang == "th" else f"{int(text) - 543} (B.E. {text})"
    return t("criteria_edition_text", lang, year=year)


def print_table_html(title: str, frame: pd.DataFrame) -> str:
    """A table for paper (on screen it is hidden; the page shows its interactive table):
    a caption and the frame as HTML, every cell escaped."""
    from ecotown.present.safe_html import esc

    body = frame.to_html(index=False, escape=True, border=0, na_rep="",
                         classes="ecotown-print-table")
    return (f'<div class="ecotown-print-only"><p><b>{esc(title)}</b></p>{body}</div>')
