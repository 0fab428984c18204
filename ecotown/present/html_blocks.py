"""Small HTML blocks drawn by us (legend, KPI chips); every data string escaped."""

from __future__ import annotations

import pandas as pd

from ecotown.i18n.labels import t
from ecotown.present.captions import date_text, headline_text
from ecotown.present.legend import LegendEntry, LegendSection
from ecotown.present.safe_html import esc
from ecotown.present.sentences import verdict_sentence
from ecotown.present.style import (
    MUTED_TEXT,
    VERDICT_COLOURS,
    level_label,
    phase_label,
    text_colour,
)

__all__ = [
    "NAMES_BESIDE",
    "area_list_html",
    "chips_html",
    "figure_cards_html",
    "headline_html",
    "legend_html",
    "map_legend_html",
    "presentation_link_html",
    "slide_figures_html",
    "verdict_html",
]


def _swatch(entry: LegendEntry, round_: bool) -> str:
    border = entry.outline or "#888888"
    style = "dashed" if entry.dashed else "solid"
    radius = "50%" if round_ else "3px"
    return (f'<span style="display:inline-block;width:14px;height:14px;flex:none;'
            f'background:{esc(entry.colour)};border:{3 if entry.outline else 1}px {style} '
            f'{esc(border)};border-radius:{radius};margin-right:6px"></span>')


def legend_html(title: str, entries: list[LegendEntry], round_: bool = False,
                test_id: str = "legend") -> str:
    """A legend: a title and one row per class with swatch, label and count."""
    rows = "".join(
        f'<div data-key="{esc(e.key)}" style="display:flex;align-items:center;margin:2px 0;'
        f'{f"color:{MUTED_TEXT};" if e.count == 0 else ""}">'
        f'{_swatch(e, round_)}<span style="flex:1">{esc(e.label)}</span>'
        f'<span style="font-variant-numeric:tabular-nums;margin-left:8px"><b>{e.count}</b>'
        f'</span></div>'
        for e in entries)
    return (f'<div data-testid="{esc(test_id)}" style="font-size:0.85rem;line-height:1.3;'
            f'margin-bottom:10px"><div style="font-weight:600;margin-bottom:4px">{esc(title)}'
            f'</div>{rows}</div>')


def headline_html(headline: dict, lang: str) -> str:
    """The line under a partial record's headline: the programme's published totals with
    their fiscal year, date and sources (titled links: the publisher, the URL behind it),
    the derived rest (marked as derived), and what the record itself names."""
    links = " · ".join(f'<a href="{esc(s["url"])}" target="_blank" rel="noopener noreferrer">'
                       f'{esc(s["title"])}</a>' for s in headline["sources"])
    body = esc(headline_text(headline, lang, sources="__SOURCES__")).replace("__SOURCES__",
                                                                             links)
    return (f'<div data-testid="published-headline" style="font-size:0.85rem;color:#333;'
            f'margin:-4px 0 0 0">{body}</div>')




NAMES_BESIDE = 25  # at most this many shown areas are named beside the map


def presentation_link_html(page: str, params: dict[str, str], label: str) -> str:
    """A link that opens ``page`` (``app.py``, ``pages/area.py``…) as a slide: a plain
    link, so the slide's address (with ``present=1``) is what the browser shows and a
    reload keeps it. Relative, so it works under any base path."""
    from pathlib import PurePosixPath
    from urllib.parse import urlencode

    path = "" if page == "app.py" else PurePosixPath(page).stem
    return (f'<a class="ecotown-present-link" data-testid="presentation-link" '
            f'href="{esc(path)}?{esc(urlencode(params))}" target="_self" style="display:flex;'
            f'gap:0.6rem;align-items:center;padding:0.2rem 0.5rem;border-radius:0.5rem;'
            f'font-size:0.9rem;line-height:1.6;'
            f'color:inherit;text-decoration:none"><span aria-hidden="true">▶</span>'
            f"{esc(label)}</a>")


def slide_figures_html(counts: dict, lang: str) -> str:
    """The view's three figures on one line for the slide's narrow column (areas,
    provinces, share with a known level), large, with their labels."""
    items = [(f"{counts['areas']:,}", t("areas", lang)),
             (f"{counts['provinces']:,}", t("provinces", lang)),
             (f"{counts['known_level_share']:.0%}", t("share_known_level", lang))]
    cells = "".join(f'<div><b>{esc(value)}</b><span>{esc(label)}</span></div>'
                    for value, label in items)
    return ('<div class="ecotown-slide-figures" data-testid="slide-figures" style="display:'
            'flex;gap:0.9rem;flex-wrap:wrap;margin:0.3rem 0">' + cells.replace(
                "<div>", '<div style="display:flex;flex-direction:column;line-height:1.1">')
            .replace("<b>", '<b style="font-size:1.9rem">') + "</div>")


def verdict_html(report: dict, lang: str) -> str:
    """The 2037 verdict as one compact strip for the first screen: the verdict against the
    target as the programme states it (every area at level 5 by 2037), the areas behind and
    the labelled projection (:func:`ecotown.present.sentences.verdict_sentence`), and the
    target in words. ``""`` without a path."""
    sentence = verdict_sentence(report, lang)
    if not sentence:
        return ""
    verdict = report["path"]["verdict"]["verdict"]
    colour = VERDICT_COLOURS[verdict]
    return (f'<div data-testid="verdict-2037" data-verdict="{esc(verdict)}" role="status" '
            f'style="border-left:4px solid {colour};padding:3px 10px;margin:0;'
            f'font-size:0.92rem;line-height:1.35;background:#f6f6f6">'
            f'<b style="color:{colour}">{esc(sentence)}</b> '
            f'<span style="color:#444">· {esc(t("path_target_line", lang))}</span></div>')


def chips_html(entries: list[LegendEntry], test_id: str = "chips") -> str:
    """A row of coloured count chips (one per class), for the KPI strip."""
    chips = "".join(
        f'<span data-key="{esc(e.key)}" title="{esc(e.label)}" style="display:inline-block;'
        f'padding:2px 8px;margin:2px 4px 2px 0;border-radius:10px;font-size:0.8rem;'
        f'background:{esc(e.colour)};color:{text_colour(e.colour)};'
        f'border:1px solid {esc(e.outline or e.colour)}">{esc(e.label)}: <b>{e.count}</b></span>'
        for e in entries)
    return f'<div data-testid="{esc(test_id)}">{chips}</div>'


def _mark(entry: LegendEntry, shape: str) -> str:
    """The swatch of a legend row: a province square, a marker, or both side by side (a
    phase row's marker is a ring: markers are filled by level, ringed by phase)."""
    if shape == "both" and entry.key.startswith("phase"):
        return _mark(entry, "square") + _mark(entry, "ring")
    marker_fill = "#ffffff" if shape == "ring" else entry.colour
    edge = (entry.outline or "#555555") if shape == "ring" else "#555555"
    dot = (f'<span aria-hidden="true" style="display:inline-block;width:12px;height:12px;'
           f'flex:none;box-sizing:border-box;border-radius:50%;background:{esc(marker_fill)};'
           f'border:{3 if shape == "ring" else 1.5}px solid {esc(edge)};'
           f'margin-right:5px"></span>')
    square = (f'<span aria-hidden="true" style="display:inline-block;width:14px;height:14px;'
              f'flex:none;background:{esc(entry.colour)};border:1px solid #8a8a8a;'
              f'border-radius:3px;margin-right:4px"></span>')
    if shape == "square":
        return square
    if shape == "both":
        return square + dot
    return dot


def map_legend_html(sections: tuple[LegendSection, ...], lang: str,
                    test_id: str = "legend") -> str:
    """The map's legend (:func:`ecotown.present.legend.map_legend`) as HTML: each section a
    title and rows with swatch, label and counts (areas, and provinces where they apply)."""
    parts = []
    for section in sections:
        with_provinces = any(e.provinces is not None for e in section.entries)
        with_areas = section.shape != "square"
        head = ""
        if (with_provinces or with_areas) and not section.inline:
            cols = []
            if with_areas:
                cols.append(t("legend_col_areas", lang))
            if with_provinces:
                cols.append(t("legend_col_provinces", lang))
            head = "".join(f'<span style="width:3.2em;text-align:right">{esc(c)}</span>'
                           for c in cols)
        title = (f'<div style="display:flex;align-items:flex-end;font-weight:600;'
                 f'margin:6px 0 3px 0"><span style="flex:1">{esc(section.title)}</span>'
                 f'<span style="display:flex;font-weight:400;font-size:0.75rem;'
                 f'color:#4d4d4d">{head}</span></div>')
        if section.inline:
            items = "".join(
                f'<span data-key="{esc(e.key)}" data-areas="{e.count}" '
                f'style="display:inline-flex;align-items:center;'
                f'margin-right:10px;white-space:nowrap">{_mark(e, section.shape)}'
                f'{esc(e.label)}&nbsp;<b>{e.count:,}</b></span>'
                for e in section.entries)
            parts.append(f'{title}<div style="display:flex;flex-wrap:wrap">{items}</div>')
            continue
        rows = []
        for e in section.entries:
            empty_row = e.key == "empty"
            numbers = []
            if with_areas:
                numbers.append("" if empty_row else f"{e.count:,}")
            if with_provinces:
                numbers.append("" if e.provinces is None else f"{e.provinces:,}")
            cells = "".join(f'<span style="width:3.2em;text-align:right;font-weight:700">'
                            f'{n}</span>' for n in numbers)
            idle = (e.count == 0 and not e.provinces) and not empty_row
            counted = (f' data-areas="{e.count}"' if with_areas and not empty_row else "") + (
                f' data-provinces="{e.provinces}"' if e.provinces is not None else "")
            rows.append(f'<div data-key="{esc(e.key)}"{counted} style="display:flex;'
                        f'align-items:center;'
                        f'margin:2px 0;{"color:#5c5c5c;" if idle else ""}">'
                        f'{_mark(e, section.shape)}<span style="flex:1;min-width:0">'
                        f'{esc(e.label)}</span><span style="display:flex;'
                        f'font-variant-numeric:tabular-nums">{cells}</span></div>')
        parts.append(title + "".join(rows))
    return (f'<div data-testid="{esc(test_id)}" role="group" style="font-size:0.85rem;'
            f'line-height:1.3;margin-bottom:10px">{"".join(parts)}</div>')


def figure_cards_html(rows: list[dict], lang: str) -> str:
    """The programme's headline figures (:func:`ecotown.analysis.figures.figure_rows`) as
    cards whose label and value wrap rather than being cut, each with its date (in the
    reader's calendar) and numbered source links."""
    cards = []
    for row in rows:
        links = " ".join(f'<a href="{esc(u)}" target="_blank" rel="noopener noreferrer">'
                         f'[{n + 1}]</a>' for n, u in enumerate(row["sources"]))
        cards.append(
            f'<div data-figure="{esc(row["id"])}" style="border:1px solid #d0d0d0;'
            f'border-radius:6px;padding:8px 10px;min-width:0">'
            f'<div style="font-size:0.85rem;color:#333333">{esc(row["label"])}</div>'
            f'<div style="font-size:1.35rem;font-weight:600;line-height:1.3;'
            f'overflow-wrap:anywhere">{esc(row["value"])}</div>'
            f'<div style="font-size:0.75rem;color:#4d4d4d">{esc(t("as_of", lang))} '
            f'{esc(date_text(row["as_of"], lang))} · {esc(t("source", lang))} {links}</div>'
            f'</div>')
    return ('<div data-testid="headline-figures" style="display:grid;gap:8px;'
            'grid-template-columns:repeat(auto-fill,minmax(210px,1fr))">'
            + "".join(cards) + "</div>")


def area_list_html(shown: pd.DataFrame, levels: pd.DataFrame, urls: list[str], lang: str,
                   anchor: str = "ecotown-area-list", compact: bool = False) -> str:
    """The shown areas as a list of links (the map's equivalent for keyboards and screen
    readers): name, province, phase and level; ``urls`` in the order of ``shown``. With
    ``compact``, the names beside the map (issue 29): name, level and phase on one line,
    no landmark (the full list below the map is the landmark). Each link carries its area
    id (``data-ecotown-area``): pointing at a name highlights its marker on the map."""
    def item(url: str, row: pd.Series) -> str:
        link = (f'<a href="{esc(url)}" target="_self" data-ecotown-area="{esc(row["area_id"])}">'
                f'{esc(row[f"name_{lang}"])}</a>')
        level = esc(level_label(row["level"], levels, lang, short=True))
        phase = esc(phase_label(row["phase"], lang))
        if compact:
            return f"<li>{link} <span>· {level} · {phase}</span></li>"
        return f'<li>{link} — {esc(row[f"province_{lang}"])}, {phase}, {level}</li>'

    items = "".join(item(url, row) for url, (_, row) in zip(urls, shown.iterrows(), strict=True))
    label = esc(t("shown_areas", lang, n=f"{len(shown):,}"))
    if compact:
        label = esc(t("names_beside", lang, n=f"{len(shown):,}"))
        return (f'<div id="{esc(anchor)}" class="ecotown-names" data-testid="area-names">'
                f'<p style="font-weight:600;margin:0 0 0.2rem 0">{label}</p>'
                f'<ol style="margin:0;padding-left:1.3rem;font-size:0.85rem;line-height:1.3;'
                f'max-height:75vh;overflow-y:auto">'
                f"{items}</ol></div>")
    return (f'<nav id="{esc(anchor)}" tabindex="-1" aria-label="{label}" '
            f'data-testid="area-list"><ul style="margin:0;padding-left:1.2rem">{items}</ul>'
            "</nav>")
