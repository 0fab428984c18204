"""What the briefing deck says, slide by slide: computed once, drawn twice (PowerPoint by
:mod:`ecotown.briefing.deck`, PDF by :mod:`ecotown.briefing.deck_pdf`).

Every number comes from the same functions as the app (``summarise``, ``progress_report``,
``area_paths``, ``change_table``); the sentences are :mod:`ecotown.present.sentences`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pandas as pd

from ecotown.analysis.filters import Filters, apply_filters
from ecotown.analysis.path2037 import PROJECTION_METHOD, STATUS_RULE, area_paths
from ecotown.analysis.progress import progress_report, reference_points
from ecotown.analysis.summary import summarise, view_year
from ecotown.analysis.timeline import change_table
from ecotown.analysis.urlstate import ViewState
from ecotown.briefing.facts import BriefingFacts, briefing_facts
from ecotown.i18n.labels import fiscal_year_text, pick, t, year_short
from ecotown.model.dataset import Dataset
from ecotown.model.geography import area_points, region_name
from ecotown.model.regions import REGIONS
from ecotown.present.captions import clean_text
from ecotown.present.sentences import (
    attention_sentence,
    level_sentence,
    movers_sentence,
    path_sentences,
    region_sentence,
)
from ecotown.present.style import level_label, phase_label
from ecotown.present.tables import change_text

__all__ = ["MAX_SLIDES", "ROWS_PER_SLIDE", "Deck", "DeckSlide", "DeckTable", "deck_content"]

ROWS_PER_SLIDE = 10
MAX_SLIDES = 30  # before the sources slide: a deck's work is bounded (issue 25)


@dataclass(frozen=True)
class DeckTable:
    """A native table: its header and rows of text."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class DeckSlide:
    """One slide: its kind (``title``, ``map``, ``progress``, ``movers``, ``areas``,
    ``sources``), title, sentences written from the data, and a table or lines."""

    kind: str
    title: str
    sentences: tuple[str, ...] = ()
    table: DeckTable | None = None
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Deck:
    """A whole deck: the map's facts, the progress report, the slides and the badge."""

    lang: str
    facts: BriefingFacts
    report: dict
    badge: str
    synthetic: bool
    slides: tuple[DeckSlide, ...]
    levels: pd.DataFrame = field(repr=False, default=None)
    stem: str = ""
    filters: Filters = field(default_factory=Filters)


def _status_and_change(dataset: Dataset, shown: pd.DataFrame, year: int,
                       since: int | None) -> pd.DataFrame:
    ids = list(shown["area_id"])
    paths = area_paths(dataset.assessments, year, ids).set_index("area_id")
    frame = shown.set_index("area_id")[["name_th", "name_en", "phase", "level", "level_year",
                                        "region", "province_code", "province_th",
                                        "province_en"]].copy()
    frame["status"] = paths["status"]
    if since is not None:
        change = change_table(dataset.areas, dataset.assessments, since, year)
        frame = frame.join(change.set_index("area_id")[["change", "change_class"]])
    else:
        frame["change"], frame["change_class"] = pd.NA, ""
    return frame


def _area_row(row, dataset: Dataset, lang: str) -> tuple[str, ...]:
    level = level_label(row.level, dataset.levels, lang, short=True)
    if not pd.isna(row.level) and not pd.isna(row.level_year):
        level += f" ({year_short(row.level_year, lang)})"
    return (clean_text(pick(row.name_th, row.name_en, lang)), phase_label(row.phase, lang),
            level, change_text(row.change), t(f"status_{row.status}", lang))


def _pages(rows: list[tuple[str, ...]]) -> list[list[tuple[str, ...]]]:
    return [rows[i:i + ROWS_PER_SLIDE] for i in range(0, len(rows), ROWS_PER_SLIDE)] or [[]]


def _title_slide(dataset: Dataset, facts: BriefingFacts, view: ViewState, year) -> DeckSlide:
    lang = view.lang
    return DeckSlide("title", t("app_title", lang), lines=(
        t("app_subtitle", lang),
        f"{t('dataset', lang)}: {clean_text(dataset.title(lang))} · {facts.badge}",
        fiscal_year_text(year, lang) if year is not None else t("brief_no_year", lang),
        facts.data_date, facts.subtitle))


def deck_content(dataset: Dataset, areas: pd.DataFrame, provinces, view: ViewState) -> Deck:
    """Everything the deck shows for ``view`` (filters, year, change view), in its language.

    ``areas`` is the area table of the view's year (with the change in a change view), as
    the download button and ``briefing`` take it.
    """
    lang = view.lang
    year = view_year(dataset, view.year)
    points = pd.DataFrame(area_points(dataset.areas, provinces).drop(columns="geometry"))
    report = progress_report(dataset, points, view.filters, view.year, view.since)
    facts = briefing_facts(dataset, areas, provinces, view, report)
    report["reference_points"] = _reference_points(dataset, lang)
    report["chart_years"] = [y for y in report["by_year"]
                             if report["year"] is None or int(y) <= report["year"]]
    counts = summarise(dataset, areas, view.filters, view.year)
    previous = report["by_year"].get(str(year - 1)) if year is not None else None
    shown = apply_filters(areas, view.filters)
    slides = [_title_slide(dataset, facts, view, year)]
    slides.append(DeckSlide("map", t("deck_map_title", lang),
                            (level_sentence(counts, previous, lang),)))
    if year is not None and len(report["by_year"]) >= 1:
        slides.append(DeckSlide("progress", t("deck_progress_title", lang),
                                tuple(path_sentences(report, lang))))
    table = _status_and_change(dataset, shown, year, report["since"]) if year else None
    if table is not None and len(table):
        moved = {m["area_id"] for m in report["movers"]}
        attention = table[(table["status"] == "off_track")
                          | (table["change"].fillna(0).astype(int) < 0)]
        order = [m["area_id"] for m in report["movers"]] + sorted(set(attention.index) - moved)
        rows = [_area_row(table.loc[[a]].assign(area_id=a).iloc[0], dataset, lang)
                for a in order if a in table.index]
        header = (t("name", lang), t("phase", lang), t("level_shown", lang),
                  t("col_change", lang), t("path_status", lang))
        if rows:
            sentences = (movers_sentence(report, lang),
                         attention_sentence(len(attention), lang))
            for index, page in enumerate(_pages(rows)):
                title = t("deck_movers_title", lang) + (f" ({index + 1})" if index else "")
                slides.append(DeckSlide("movers", title, sentences if not index else (),
                                        DeckTable(header, tuple(page))))
        slides += _group_slides(table, dataset, view, header)
    slides = _capped(slides, lang)
    slides.append(_sources_slide(facts, dataset, lang))
    return Deck(lang=lang, facts=facts, report=report, badge=facts.badge,
                synthetic=dataset.synthetic, slides=tuple(slides), levels=dataset.levels,
                stem=facts.stem, filters=view.filters)


def chart_scope(deck: Deck) -> str:
    """What the levels-per-year chart counts, said beside it: the areas of the view's
    non-level filters (a level filter chooses by one year's level), so that a filtered deck
    never charts more than it says (issue 28)."""
    report, lang = deck.report, deck.lang
    detail = report["by_year_detail"].get(str(report["year"])) if report["year"] else None
    n = f"{detail['areas']:,}" if detail else "–"
    levels = bool(deck.filters.levels or deck.filters.min_level)
    scope = t("deck_chart_scope_levels" if levels else "deck_chart_scope", lang, n=n)
    return f"{t('deck_chart_title', lang)}: {scope}"


def published_heading(deck: Deck) -> str:
    """The heading of the published figures beside the chart: national, and said so when
    the view is filtered."""
    return t("deck_published_national" if deck.filters.active else "deck_published",
             deck.lang)


def _capped(slides: list[DeckSlide], lang: str) -> list[DeckSlide]:
    """At most :data:`MAX_SLIDES` slides before the sources (issue 25: a deck's work is
    bounded); the last kept table slide says how many rows were left out and why."""
    if len(slides) <= MAX_SLIDES - 1:
        return slides
    kept, dropped = slides[:MAX_SLIDES - 1], slides[MAX_SLIDES - 1:]
    rows = sum(len(s.table.rows) for s in dropped if s.table is not None)
    last = kept[-1]
    note = t("deck_more", lang, n=f"{rows:,}", slides=f"{len(dropped):,}",
             limit=f"{MAX_SLIDES:,}")
    kept[-1] = replace(last, sentences=(*last.sentences, note))
    return kept


def _reference_points(dataset: Dataset, lang: str) -> list[dict]:
    """The published counts against the data (the dataset's own counts, else the public
    record's: they are facts about the programme), labelled with their year."""
    figures = dataset.programme_figures
    if "year" not in figures.columns or figures["year"].isna().all():
        from ecotown.store import load_dataset

        figures = load_dataset("public").programme_figures
    points = reference_points(figures, dataset)
    for point in points:
        point["label"] = (f"{point[f'label_{lang}']} "
                          f"({fiscal_year_text(point['year'], lang, span=False)})")
    return points


def _group_slides(table: pd.DataFrame, dataset: Dataset, view: ViewState, header
                  ) -> list[DeckSlide]:
    """One slide per selected province, else per region of the shown areas."""
    lang = view.lang
    if view.filters.provinces:
        groups = [(str(table.loc[table["province_code"] == code, f"province_{lang}"].iloc[0]),
                   table[table["province_code"] == code]) for code in view.filters.provinces
                  if (table["province_code"] == code).any()]
    else:
        groups = [(region_name(r, lang), table[table["region"] == r]) for r in REGIONS
                  if (table["region"] == r).any()]
    slides = []
    for name, part in groups:
        part = part.sort_values(["province_code", "name_en"])
        by_level = {str(lv): int((part["level"] == lv).sum()) for lv in range(1, 6)}
        by_level["none"] = int(part["level"].isna().sum())
        rows = [_area_row(r, dataset, lang) for r in part.itertuples()]
        for index, page in enumerate(_pages(rows)):
            slides.append(DeckSlide("areas", name + (f" ({index + 1})" if index else ""),
                                    (region_sentence(name, by_level, len(part), lang),)
                                    if not index else (), DeckTable(header, tuple(page))))
    return slides


def _sources_slide(facts: BriefingFacts, dataset: Dataset, lang: str) -> DeckSlide:
    lines = [*facts.sources, facts.data_date,
             f"{t('path_rule', lang)}: {STATUS_RULE[lang]}",
             f"{t('path_method', lang)}: {PROJECTION_METHOD[lang]}",
             facts.badge]
    if not dataset.synthetic:
        lines.insert(0, t("deck_public_gaps", lang,
                          n=f"{len(dataset.areas):,}",
                          of=f"{int(dataset.meta.get('areas_announced', len(dataset.areas))):,}"))
    return DeckSlide("sources", t("deck_sources_title", lang), lines=tuple(lines))
