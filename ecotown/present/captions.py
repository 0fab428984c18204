"""Captions of a view in words, shared by the presentation slide and the briefing exports:
the filters, the date of the data and the sources."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlparse

import pandas as pd

from ecotown.analysis.urlstate import ViewState
from ecotown.i18n.labels import fiscal_year_text, t, year_text
from ecotown.model.dataset import Dataset
from ecotown.model.geography import region_name
from ecotown.model.text import CONTROL, ELLIPSIS, safe_cut
from ecotown.model.vocabulary import NO_LEVEL
from ecotown.present.style import level_label, phase_label

__all__ = ["clean_text", "data_date", "date_text", "filter_words", "headline_text",
           "map_sentence", "published_figures", "source_lines", "view_figures", "year_caption"]

_SPACES = re.compile(r"\s+")


def clean_text(text: object) -> str:
    """One line of printable text: control characters and runs of spaces become one space."""
    return _SPACES.sub(" ", CONTROL.sub(" ", str(text))).strip()


def filter_words(dataset: Dataset, provinces: pd.DataFrame, view: ViewState,
                  compact: bool = False) -> str:
    """The view's filters in words, then its fiscal year and change view where chosen;
    ``compact`` counts a long province list and shortens a long search text."""
    words = _filter_words(dataset, provinces, view, compact)
    when = []
    if view.year is not None:
        when.append(fiscal_year_text(view.year, view.lang, span=not compact))
    if view.since is not None:
        when.append(t("legend_change", view.lang, year=year_text(view.since, view.lang)))
    return " · ".join([words, *when])


def _filter_words(dataset: Dataset, provinces: pd.DataFrame, view: ViewState,
                  compact: bool = False) -> str:
    lang, f = view.lang, view.filters
    if not f.active:
        return t("brief_all_areas", lang)
    names = dict(zip(provinces["province_code"], provinces[f"name_{lang}"], strict=True))
    parts = []
    if f.phases:
        parts.append(", ".join(phase_label(p, lang) for p in f.phases))
    if f.levels:
        parts.append(", ".join(t("no_level", lang) if v == NO_LEVEL
                               else level_label(v, dataset.levels, lang, short=True)
                               for v in f.levels))
    if f.min_level:
        parts.append(t("min_level_n", lang, n=f.min_level))
    if f.regions:
        parts.append(f"{t('region', lang)}:\u00a0"
                     + ", ".join(region_name(r, lang) for r in f.regions))
    if f.provinces and compact and len(f.provinces) > 3:
        parts.append(t("brief_n_provinces", lang, n=len(f.provinces)))
    elif f.provinces:
        parts.append(f"{t('province', lang)}:\u00a0"
                     + ", ".join(clean_text(names.get(code, code)) for code in f.provinces))
    if f.query:
        query = clean_text(f.query)
        if compact and len(query) > 24:
            query = query[:safe_cut(query, 24)].rstrip() + ELLIPSIS
        parts.append(t("brief_search", lang, q=query))
    return t("brief_filters", lang, filters=" · ".join(parts))


def date_text(as_of: str, lang: str) -> str:
    """``2023-05-30`` as ``30 May 2023`` or ``30 พ.ค. 2566`` (Buddhist Era in Thai)."""
    try:
        parts = [int(p) for p in str(as_of).split("-")]
        if len(parts) > 1 and not 1 <= parts[1] <= 12:
            raise ValueError(as_of)
    except ValueError:  # the schema admits only real dates; say what the data says
        return clean_text(as_of)
    year = parts[0] + 543 if lang == "th" else parts[0]
    month = t(f"brief_month_{parts[1]}", lang) if len(parts) > 1 else ""
    day = str(parts[2]) if len(parts) > 2 else ""
    return "\u00a0".join(p for p in (day, month, str(year)) if p)  # never broken


def view_figures(counts: dict, lang: str) -> tuple[tuple[str, str, str], ...]:
    """The view's three headline figures as ``(key, label, value)``: areas, provinces and
    the share with a known level (:func:`ecotown.analysis.summary.summarise`'s counts)."""
    return (("areas", t("areas", lang), f"{counts['areas']:,}"),
            ("provinces", t("provinces", lang), f"{counts['provinces']:,}"),
            ("known", t("share_known_level", lang), f"{counts['known_level_share']:.0%}"))


def published_figures(headline: dict, lang: str) -> tuple[tuple[str, str, str], ...]:
    """The programme's published totals that lead a partial record
    (:func:`ecotown.analysis.figures.view_headline`) as ``(key, label, value)``: areas,
    provinces, areas at level 4 · level 3."""
    return (("areas", t("kpi_programme_areas", lang), f"{headline['areas']:,}"),
            ("provinces", t("kpi_programme_provinces", lang), f"{headline['provinces']:,}"),
            ("levels", t("kpi_programme_levels", lang),
             f"{headline['level4']:,} · {headline['level3']:,}"))


def headline_text(headline: dict, lang: str, sources: str | None = None) -> str:
    """The line under a partial record's headline, in words: the programme's published
    totals with their fiscal year, date and sources (``sources``, else the publishers'
    names), the derived rest, and what the record itself names
    (:func:`ecotown.analysis.figures.view_headline`)."""
    fy = fiscal_year_text(headline["year"], lang, span=False) if headline["year"] else ""
    if sources is None:
        sources = ", ".join(source["title"] for source in headline["sources"])
    return t("headline_published", lang, fy=fy, date=date_text(headline["as_of"], lang),
             sources=sources, others=f"{headline['others']:,}",
             areas=f"{headline['areas']:,}", l4=f"{headline['level4']:,}",
             l3=f"{headline['level3']:,}", named=f"{headline['named_areas']:,}",
             levels=f"{headline['published_levels']:,}")


def year_caption(counts: dict, lang: str) -> str:
    """What the year shown means (:func:`ecotown.analysis.summary.summarise`): the fiscal
    year, how many levels are as of an earlier year and how many areas joined later."""
    if counts.get("year") is None:
        return t("brief_no_year", lang)
    fy = fiscal_year_text(counts["year"], lang)
    parts = [t("year_shown", lang, fy=fy)]
    carried = sum(counts.get("as_of_earlier", {}).values())
    if carried:
        parts.append(t("as_of_caption", lang, n=f"{carried:,}"))
    if counts.get("joined_later"):
        parts.append(t("joined_later", lang, n=f"{counts['joined_later']:,}",
                       fy=fiscal_year_text(counts["year"], lang, span=False)))
    return " · ".join(parts)


def data_date(dataset: Dataset, year: int | None, lang: str) -> str:
    text = (t("brief_no_year", lang) if year is None
            else t("brief_data_year", lang, year=fiscal_year_text(year, lang)))
    if not dataset.programme_figures.empty:
        as_of = str(dataset.programme_figures["as_of"].max())
        text += " · " + t("brief_as_of", lang, date=date_text(as_of, lang))
    return text


def source_lines(dataset: Dataset, shown: pd.DataFrame, lang: str) -> tuple[str, ...]:
    geo = t("brief_source_geo", lang)
    if dataset.synthetic:
        seed = clean_text(dataset.meta.get("seed", "–"))
        return geo, t("brief_source_synthetic", lang, seed=seed)
    hosts = Counter(urlparse(url).netloc.removeprefix("www.")
                    for cell in shown["sources"] for url in str(cell).split()
                    if url.startswith(("http://", "https://")))
    ranked = sorted(hosts, key=lambda host: (-hosts[host], host))
    if not ranked:
        return geo, t("brief_source_public_none", lang)
    named = ", ".join(ranked[:3])
    if len(ranked) > 3:
        named += " " + t("brief_more_sources", lang, n=len(ranked) - 3)
    return geo, t("brief_source_public", lang, sources=named)


def map_sentence(counts: dict, levels: pd.DataFrame, lang: str) -> str:
    """What the map shows, in one sentence: areas and provinces, then the areas by level
    and by phase (the text alternative of the map; ``counts`` from ``summarise``)."""
    if not counts["areas"]:
        return t("map_sentence_none", lang)
    by_level = [f"{level_label(int(k), levels, lang, short=True)} {n:,}"
                for k, n in counts["by_level"].items() if k != "none" and n]
    if counts["by_level"].get("none"):
        by_level.append(f"{t('no_level', lang)} {counts['by_level']['none']:,}")
    by_phase = [f"{phase_label(int(k), lang)} {n:,}" for k, n in counts["by_phase"].items() if n]
    return t("map_sentence", lang, areas=f"{counts['areas']:,}",
             provinces=f"{counts['provinces']:,}", levels=", ".join(by_level),
             phases=", ".join(by_phase))
