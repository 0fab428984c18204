"""The briefing deck as an editable PowerPoint (python-pptx): 16:9 slides in the order of
:func:`ecotown.briefing.deck_content.deck_content`, the map as a picture and every word and
number as editable text, tables as native tables, the levels per year as a native chart.

Thai text is set in TH Sarabun New (what Thai government PCs have; a renderer without it
falls back to Sarabun, which the app ships). The file is deterministic: fixed document
properties and zip entry times, so the button and ``python -m ecotown deck`` give the same
bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

from ecotown.briefing.deck_content import (
    Deck,
    DeckSlide,
    DeckTable,
    chart_scope,
    published_heading,
)
from ecotown.i18n.labels import t, year_short
from ecotown.present.style import BADGE_COLOURS, LEVEL_COLOURS, level_label

__all__ = ["DECK_FONT", "FIXED_TIME", "deck_pptx", "deterministic_zip"]

DECK_FONT = "TH Sarabun New"
FIXED_TIME = dt.datetime(2000, 1, 1, 0, 0, 0)
SLIDE_W, SLIDE_H = 13.333, 7.5  # inches, 16:9
INK, MUTED, PANEL = "1A1A1A", "4D4D4D", "F3F5F7"
# TH Sarabun New is small for its size: body text at 20 pt reads like 15 pt elsewhere.
SIZES = {"title": 40, "heading": 32, "sentence": 24, "body": 20, "table": 16, "small": 15,
         "badge": 16, "kpi": 40}


_STAMP = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def deterministic_zip(data: bytes) -> bytes:
    """The same zip with every entry dated 1980-01-01 (python-pptx stamps the time of
    writing), the document dates fixed, entries in their original order; an embedded
    workbook (a chart's data, written by XlsxWriter with today's date) likewise."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename.endswith("docProps/core.xml"):
                body = _STAMP.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", body)
            elif info.filename.endswith(".xlsx"):
                body = deterministic_zip(body)
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            target.writestr(fixed, body)
    return out.getvalue()


def _rgb(hex_colour: str):
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def _font(run, size: float, bold: bool = False, colour: str = INK) -> None:
    """Size, weight, colour and the deck's typeface for Latin, Thai (complex script) and
    East Asian text alike."""
    from pptx.oxml.ns import qn
    from pptx.util import Pt

    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = _rgb(colour)
    run.font.name = DECK_FONT
    rpr = run._r.get_or_add_rPr()
    for tag in ("a:ea", "a:cs"):
        node = rpr.find(qn(tag))
        if node is None:
            node = rpr.makeelement(qn(tag), {})
            rpr.append(node)
        node.set("typeface", DECK_FONT)


def _text(slide, x, y, w, h, lines, size, bold=False, colour=INK, fill=None, name=""):
    from pptx.util import Inches, Pt

    box = slide.shapes.add_textbox(Inches(x), Inches(y), Inches(w), Inches(h))
    if name:
        box.name = name
    frame = box.text_frame
    frame.word_wrap = True
    for side in ("margin_left", "margin_right", "margin_top", "margin_bottom"):
        setattr(frame, side, Pt(4))
    if fill:
        box.fill.solid()
        box.fill.fore_color.rgb = _rgb(fill)
    for index, line in enumerate([lines] if isinstance(lines, str) else lines):
        para = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        run = para.add_run()
        run.text = line
        _font(run, size, bold, colour)
        para.space_after = Pt(size * 0.35)
    return box


def _badge(slide, deck: Deck) -> None:
    """The dataset badge as text at the foot of every slide (red for synthetic data)."""
    _text(slide, 0.4, SLIDE_H - 0.62, 6.5, 0.45, deck.badge, SIZES["badge"], True, "FFFFFF",
          fill=BADGE_COLOURS[deck.synthetic], name="dataset badge")


def _line_count(text: str, size: float, width: float) -> int:
    """How many lines ``text`` takes in a box ``width`` inches wide, measured in Sarabun
    (wider than TH Sarabun New at the same size, so never too few)."""
    import math

    from ecotown.briefing.deck_pdf import measure

    return max(1, math.ceil(measure(text, size) / width))


def _header(slide, title: str, sentences: tuple[str, ...]) -> float:
    _text(slide, 0.4, 0.3, SLIDE_W - 0.8, 0.8, title, SIZES["heading"], True, name="title")
    if not sentences:
        return 1.15
    # a sentence may wrap on a 16:9 slide: room for every line it takes
    lines = sum(_line_count(s, SIZES["sentence"], SLIDE_W - 1.0) for s in sentences)
    _text(slide, 0.4, 1.05, SLIDE_W - 0.8, 0.2 + 0.42 * lines, list(sentences),
          SIZES["sentence"], colour=INK, name="sentences")
    return 1.35 + 0.45 * lines


def _table(slide, table: DeckTable, top: float, widths: tuple[float, ...]) -> None:
    from pptx.util import Inches, Pt

    rows, cols = len(table.rows) + 1, len(table.header)
    height = min(SLIDE_H - top - 0.8, 0.34 * rows)
    shape = slide.shapes.add_table(rows, cols, Inches(0.4), Inches(top),
                                   Inches(sum(widths)), Inches(height))
    shape.name = "table"
    grid = shape.table
    for index, width in enumerate(widths):
        grid.columns[index].width = Inches(width)
    for r, values in enumerate([table.header, *table.rows]):
        for c, value in enumerate(values):
            cell = grid.cell(r, c)
            cell.text = ""
            run = cell.text_frame.paragraphs[0].add_run()
            run.text = str(value)
            _font(run, SIZES["table"], bold=r == 0, colour="FFFFFF" if r == 0 else INK)
            cell.margin_top = cell.margin_bottom = Pt(2)
            cell.fill.solid()
            cell.fill.fore_color.rgb = _rgb("3B528B" if r == 0 else
                                            ("FFFFFF" if r % 2 else PANEL))


def _lines_height(lines: list[str], size: float, width: float) -> float:
    """The height (inches) ``lines`` take in a text box ``width`` inches wide."""
    return 0.1 + sum(_line_count(line, size, width) for line in lines) * size * 1.6 / 72


def _map_slide(prs_slide, deck: Deck, slide: DeckSlide, picture: bytes) -> None:
    """The map takes half the slide (``deck_pdf.MAP_BOX``), below the title; its sentences,
    figures and keys in a column beside it, the badge at the column's foot."""
    from pptx.util import Inches

    from ecotown.briefing.deck_pdf import MAP_BOX, map_column

    _text(prs_slide, 0.4, 0.3, SLIDE_W - 0.8, 0.65, slide.title, SIZES["heading"], True,
          name="title")
    left, top, width, height = MAP_BOX
    prs_slide.shapes.add_picture(io.BytesIO(picture), Inches(left), Inches(top),
                                 width=Inches(width), height=Inches(height)).name = "map"
    facts = deck.facts
    x, room = map_column()
    y = top
    if slide.sentences:
        size = SIZES["small"]
        tall = _lines_height(list(slide.sentences), size, room)
        _text(prs_slide, x, y, room, tall, list(slide.sentences), size, name="sentences")
        y += tall + 0.05
    kpis = [f"{label}: {value}" for label, value in facts.kpis]
    tall = _lines_height(kpis, SIZES["small"], room)
    _text(prs_slide, x, y, room, tall, kpis, SIZES["small"], True, name="kpis")
    y += tall + 0.05
    half = (room - 0.1) / 2
    rows = [t("brief_kpi_levels", deck.lang)] + \
        [f"{e.label}: {e.count:,}" for e in (*facts.kpi_levels, *facts.kpi_phases)]
    provinces = [f"{facts.province_title}: {facts.province_mode}"] + \
        [f"{e.label}: {e.count:,}" for e in facts.province_legend]
    size = SIZES["table"] - 3
    _text(prs_slide, x, y, half, _lines_height(rows, size, half), rows, size, name="legend")
    _text(prs_slide, x + half + 0.1, y, half, _lines_height(provinces, size, half), provinces,
          size, name="province legend")
    _text(prs_slide, x, SLIDE_H - 0.62, room, 0.45, deck.badge, SIZES["badge"], True,
          "FFFFFF", fill=BADGE_COLOURS[deck.synthetic], name="dataset badge")


def _progress_slide(prs_slide, deck: Deck, slide: DeckSlide) -> None:
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
    from pptx.util import Inches, Pt

    top = _header(prs_slide, slide.title, slide.sentences)
    report, lang = deck.report, deck.lang
    data = CategoryChartData()
    years = report["chart_years"]  # up to the year shown: the deck is seen from it
    data.categories = [year_short(y, lang) for y in years]
    for level in (5, 4, 3, 2, 1):  # level 5 at the bottom of each bar
        data.add_series(level_label(level, deck.levels, lang, short=True),
                        [report["by_year"][y][str(level)] for y in years])
    frame = prs_slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_STACKED, Inches(0.4), Inches(top),
                                       Inches(8.0), Inches(SLIDE_H - top - 0.8), data)
    frame.name = "levels per year"
    chart = frame.chart
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.RIGHT
    chart.legend.include_in_layout = False  # outside the plot area: never over the bars
    chart.legend.font.size = Pt(SIZES["small"])
    chart.legend.font.name = DECK_FONT
    chart.has_title = True
    chart.chart_title.text_frame.text = t("deck_chart_title", lang)
    for run in chart.chart_title.text_frame.paragraphs[0].runs:
        _font(run, SIZES["body"], True)
    for axis in (chart.category_axis, chart.value_axis):
        axis.tick_labels.font.size = Pt(SIZES["small"])
        axis.tick_labels.font.name = DECK_FONT
    axis = chart.value_axis  # counts of areas: whole numbers, from 0
    axis.minimum_scale = 0
    axis.major_unit = _whole_step(report, years)
    axis.tick_labels.number_format = "0"
    axis.tick_labels.number_format_is_linked = False
    for series, level in zip(chart.series, (5, 4, 3, 2, 1), strict=True):
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = _rgb(LEVEL_COLOURS[level])
    points = [f"{p['label']}: {p['published']:,} · {t('dataset', lang)} {p['data']:,}"
              for p in report.get("reference_points", []) if str(p["year"]) in years]
    lines = [chart_scope(deck), *([published_heading(deck), *points] if points else [])]
    # the column fits its slide: a long list of published figures in a smaller type
    size = SIZES["small"] if len(lines) <= 4 else max(9, SIZES["small"] - 2)
    _text(prs_slide, 8.7, top, SLIDE_W - 9.1, SLIDE_H - top - 0.8, lines, size,
          name="published figures")


def _whole_step(report: dict, years: list[str]) -> int:
    """A whole-number step for the count axis: about five steps up to the tallest bar."""
    tallest = max([sum(report["by_year"][y].values()) for y in years] or [1])
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500):  # a round step
        if tallest / step <= 6:
            return step
    return 1000


def _lines_slide(prs_slide, slide: DeckSlide, big: bool) -> None:
    if big:
        _text(prs_slide, 0.8, 1.6, SLIDE_W - 1.6, 1.2, slide.title, SIZES["title"], True,
              name="title")
        _text(prs_slide, 0.8, 2.9, SLIDE_W - 1.6, 3.6, list(slide.lines), SIZES["sentence"],
              colour=MUTED, name="details")
        return
    top = _header(prs_slide, slide.title, slide.sentences)
    _text(prs_slide, 0.4, top, SLIDE_W - 0.8, SLIDE_H - top - 0.8, list(slide.lines),
          SIZES["small"], colour=MUTED, name="details")


def deck_pptx(deck: Deck, picture: bytes, title: str) -> bytes:
    """The deck as PowerPoint bytes; ``picture`` is the map PNG of the map slide."""
    from pptx import Presentation
    from pptx.util import Inches

    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(SLIDE_W), Inches(SLIDE_H)
    blank = prs.slide_layouts[6]
    widths = (5.0, 1.6, 2.6, 1.3, 2.0)
    for slide in deck.slides:
        page = prs.slides.add_slide(blank)
        if slide.kind == "title":
            _lines_slide(page, slide, big=True)
        elif slide.kind == "map":
            _map_slide(page, deck, slide, picture)
        elif slide.kind == "progress":
            _progress_slide(page, deck, slide)
        elif slide.kind in ("movers", "areas"):
            top = _header(page, slide.title, slide.sentences)
            _table(page, slide.table, top, widths)
        else:
            _lines_slide(page, slide, big=False)
        if slide.kind != "map":  # the map slide has its badge under its column
            _badge(page, deck)
    props = prs.core_properties
    props.title, props.author, props.last_modified_by = title, "Eco Town Atlas", "Eco Town Atlas"
    props.created = props.modified = FIXED_TIME
    props.last_printed = FIXED_TIME
    props.revision = 1
    props.keywords = props.comments = props.subject = props.category = ""
    buffer = io.BytesIO()
    prs.save(buffer)
    return deterministic_zip(buffer.getvalue())
