"""A comparison of areas (:func:`ecotown.analysis.compare.compare_areas`) as a picture: a
16:9 slide (PNG, 1920 x 1080), the same page as A4 landscape (PDF, selectable text) and a
one-slide PowerPoint of the picture. The same numbers and words as the compare page and its
CSV/XLSX (:mod:`ecotown.present.compare_view`); the same bytes for the same comparison."""

from __future__ import annotations

import io

import pandas as pd

from ecotown.briefing.drawing import render_settings
from ecotown.briefing.facts import BADGE_COLOURS, PRODUCER
from ecotown.briefing.layout import INK, MUTED, SHEETS, Page
from ecotown.i18n.labels import fiscal_year_text, t, year_short
from ecotown.present.compare_view import (
    area_names,
    differences_table,
    dimensions_table,
    paths_table,
)
from ecotown.present.style import COMPARE_COLOURS, COMPARE_SHAPES, level_label

__all__ = ["SLIDE_FORMATS", "compare_figure", "compare_picture"]

SLIDE_FORMATS = ("png", "pdf", "pptx")
# Vega's marker shapes (the page's chart) as matplotlib draws them
_MARKERS = {"circle": "o", "square": "s", "triangle-up": "^", "diamond": "D", "cross": "P",
            "triangle-down": "v", "triangle-left": "<", "triangle-right": ">"}


def _table_lines(table: pd.DataFrame) -> list[str]:
    """A table's rows as "column: value" lines (empty cells left out, never zero)."""
    lines = []
    for _, row in table.iterrows():
        cells = [str(v) for v in row.to_numpy()]
        first, rest = cells[0], [f"{c}: {v}" for c, v in zip(table.columns[1:], cells[1:],
                                                               strict=True) if v]
        lines.append(f"{first} — " + " · ".join(rest) if rest else first)
    return lines


def compare_figure(dataset, report: dict, levels: pd.DataFrame, lang: str, fmt: str = "png"):
    """Draw the comparison on the sheet of ``fmt`` (``png`` 16:9 or ``pdf`` A4 landscape):
    badge, title, the areas and fiscal year; their levels over the years on one chart (one
    colour and marker per area, as on the page); the path to 2037 (a projection, said so),
    the dimension scores against the programme's median and the indicators that differ
    most, in words; the projection's method at the foot."""
    sheet = SHEETS[fmt]
    from ecotown.briefing.fonts import FALLBACK_FAMILY, register_fonts

    page = Page(sheet, [register_fonts(), FALLBACK_FAMILY])
    pt, margin = sheet.pt, sheet.margin
    width = sheet.width - 2 * margin
    badge = t("brief_badge_synthetic" if dataset.synthetic else "brief_badge_public", lang)
    size = pt(13)
    page.rect(margin, margin, page.width(badge, size, "bold") + 0.24 * sheet.scale,
              1.6 * size / 72, BADGE_COLOURS[dataset.synthetic], zorder=1)
    page.text(margin + 0.12 * sheet.scale, margin, badge, size, "bold", colour="#ffffff",
              ascent=1.17)
    top = margin + 1.6 * size / 72 + 0.08 * sheet.scale
    top = page.text(margin, top, t("compare_title", lang), pt(26), "bold", ascent=1.1)
    names = area_names(report, lang)
    subtitle = " · ".join(names.values()) + " · " + fiscal_year_text(report["year"], lang,
                                                                      span=False)
    for line in page.wrap(subtitle, width, pt(13), 2):
        top = page.text(margin, top, line, pt(13), colour=MUTED)
    top += 0.1 * sheet.scale
    # the levels over the years, left
    chart_top = top + 0.45 * sheet.scale  # room for the chart's own title
    chart_w, chart_h = 0.46 * width, sheet.height - chart_top - margin - 0.75 * sheet.scale
    ax = page.fig.add_axes((margin / sheet.width + 0.05,
                            (margin + 0.75 * sheet.scale) / sheet.height,
                            chart_w / sheet.width - 0.05, chart_h / sheet.height))
    years = sorted({p["year"] for points in report["levels"].values() for p in points})
    for index, area in enumerate(report["areas"]):
        points = [p for p in report["levels"][area["area_id"]] if p["level"] is not None]
        if not points:
            continue
        colour = COMPARE_COLOURS[index % len(COMPARE_COLOURS)]
        xs = [years.index(p["year"]) for p in points]
        ys = [p["level"] for p in points]
        ax.step(xs, ys, where="post", color=colour, linewidth=2, alpha=0.85)
        ax.plot(xs, ys, linestyle="none", marker=_MARKERS.get(
            COMPARE_SHAPES[index % len(COMPARE_SHAPES)], "o"), markersize=pt(7),
            color=colour, markeredgecolor="#ffffff", label=names[area["area_id"]])
    ax.set_xticks(range(len(years)), [year_short(y, lang) for y in years])
    ax.set_yticks([1, 2, 3, 4, 5], [level_label(n, levels, lang, short=True)
                                    for n in (1, 2, 3, 4, 5)])
    ax.set_ylim(0.5, 5.5)
    ax.set_title(t("compare_levels", lang), fontsize=pt(13), loc="left")
    ax.spines[["top", "right"]].set_visible(False)
    for label in [*ax.get_xticklabels(), *ax.get_yticklabels()]:
        label.set_fontsize(pt(10))
    ax.legend(loc="upper left", frameon=False, fontsize=pt(9.5))
    # the words, right
    x = margin + chart_w + 0.3 * sheet.scale
    room = sheet.width - margin - x
    fy = fiscal_year_text(report["year"], lang, span=False)
    scored = fiscal_year_text(report["indicator_year"], lang, span=False) \
        if report.get("indicator_year") else "–"
    ids = {name: area_id for area_id, name in names.items()}  # the chart's legend names them
    short = {"columns": lambda c: ids.get(c, c)}
    sections = ((t("compare_paths", lang, fy=fy), paths_table(report, levels, lang)),
                (t("compare_dimensions", lang, fy=scored),
                 dimensions_table(report, lang).rename(**short)),
                (t("compare_differences", lang, fy=scored),
                 differences_table(report, lang).rename(**short)))
    last = sheet.height - margin - 0.45 * sheet.scale  # above the foot
    for heading, table in sections:
        if top > last - 0.5 * sheet.scale:
            break
        for part in page.wrap(heading, room, pt(12.5), 2, "bold"):
            top = page.text(x, top, part, pt(12.5), "bold")
        top += 0.02 * sheet.scale
        lines = _table_lines(table) or [t("compare_none_indicators", lang)]
        for line in lines:
            parts = page.wrap(line, room, pt(10.5), 3)
            if top + len(parts) * 1.3 * pt(10.5) / 72 > last:
                break  # the rest is in the CSV/XLSX and on the page
            for part in parts:
                top = page.text(x, top, part, pt(10.5), colour=INK)
        top += 0.1 * sheet.scale
    foot = t("compare_projection_note", lang)
    bottom = sheet.height - margin
    parts = page.wrap(foot, width, pt(10), 2)
    y = bottom - len(parts) * 1.3 * pt(10) / 72
    for part in parts:
        y = page.text(margin, y, part, pt(10), colour=MUTED)
    return page.fig


def compare_picture(dataset, report: dict, levels: pd.DataFrame, lang: str,
                    fmt: str) -> bytes:
    """The comparison as PNG, PDF or a one-slide PowerPoint (its PNG, full slide),
    deterministic bytes."""
    if fmt not in SLIDE_FORMATS:
        raise ValueError(f"format must be one of {', '.join(SLIDE_FORMATS)}, not {fmt!r}")
    from ecotown.briefing.fonts import rendering
    from ecotown.briefing.render import pages_pdf

    with rendering(render_settings):
        figure = compare_figure(dataset, report, levels, lang, "pdf" if fmt == "pdf" else "png")
        if fmt == "pdf":
            return pages_pdf([figure], {"Title": t("compare_title", lang),
                                        "Creator": PRODUCER, "Producer": PRODUCER})
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=SHEETS["png"].dpi,
                       metadata={"Software": None, "Title": t("compare_title", lang)})
        png = buffer.getvalue()
    if fmt == "png":
        return png
    from pptx import Presentation
    from pptx.util import Inches

    from ecotown.briefing.deck import FIXED_TIME, SLIDE_H, SLIDE_W, deterministic_zip

    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(SLIDE_W), Inches(SLIDE_H)
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    picture = slide.shapes.add_picture(io.BytesIO(png), 0, 0, width=prs.slide_width,
                                       height=prs.slide_height)
    picture.name = "comparison"
    props = prs.core_properties
    props.title, props.author = t("compare_title", lang), PRODUCER
    props.last_modified_by = PRODUCER
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    buffer = io.BytesIO()
    prs.save(buffer)
    return deterministic_zip(buffer.getvalue())
