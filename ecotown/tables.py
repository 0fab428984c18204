"""Area tables for people: localised columns and values, shared by the page and exports."""

from __future__ import annotations

import pandas as pd

from ecotown.dataset import Dataset
from ecotown.geography import region_name
from ecotown.labels import pick, t
from ecotown.style import level_label, phase_label

__all__ = ["display_areas"]


def display_areas(areas: pd.DataFrame, dataset: Dataset, lang: str) -> pd.DataFrame:
    """The area table with headings and values in ``lang``, sorted by province then id."""
    ordered = areas.sort_values(["province_code", "area_id"])
    other = "en" if lang == "th" else "th"
    rows = {
        t("area_id", lang): ordered["area_id"],
        t("name", lang): [pick(r.name_th, r.name_en, lang) for r in ordered.itertuples()],
        f"{t('name', lang)} ({other.upper()})": ordered[f"name_{other}"],
        t("province", lang): ordered[f"province_{lang}"],
        t("region", lang): [region_name(r, lang) for r in ordered["region"]],
        t("scope", lang): [t(f"scope_{s}", lang) for s in ordered["scope"]],
        t("phase", lang): [phase_label(p, lang) for p in ordered["phase"]],
        t("phase_basis", lang): [t(f"basis_{b}", lang) for b in ordered["phase_basis"]],
        t("latest_level", lang): [level_label(v, dataset.levels, lang) for v in ordered["level"]],
        t("level_year", lang): ordered["level_year"],
        t("sources", lang): ordered["sources"],
    }
    return pd.DataFrame(rows).reset_index(drop=True)
