"""The briefing deck as a PDF pack (matplotlib, the export machinery of the briefing PDF):
one 16:9 page per slide of :func:`ecotown.briefing.deck_content.deck_content`, the same
texts, tables and numbers as the PowerPoint; and the map picture both use.
"""

from __future__ import annotations

import io

from matplotlib.ticker import MaxNLocator

from ecotown.briefing.deck_content import Deck, DeckSlide, chart_scope, published_heading
from ecotown.briefing.drawing import draw_map
from ecotown.briefing.facts import BADGE_COLOURS, PRODUCER
from ecotown.briefing.layout import INK, MUTED, PANEL, Page, Sheet
from ecotown.i18n.labels import t, year_short
from ecotown.present.style import LEVEL_COLOURS, level_label

__all__ = ["MAP_BOX", "deck_pdf", "map_column", "map_picture", "measure"]

SLIDE = Sheet(13.333, 7.5, 100, 1.0, 0.4)
MAP_DPI = 150


# The map slide's picture: half the slide's area (issue 28), left, below the title; the
# view's extent is fitted to this box (all of Thailand with sea beside it, a region larger)
MAP_BOX = (0.35, 1.0, 8.1, 6.2)  # left, top, width, height in inches on the 13.333 x 7.5 slide


def map_picture(deck: Deck, provinces, width: float = MAP_BOX[2],
                height: float = MAP_BOX[3]) -> bytes:
    """The map of the deck's view alone (provinces, markers, badge on the map), as a PNG
    of ``width`` x ``height`` inches."""
    margin = 0.05
    page = Page(Sheet(width, height, MAP_DPI, 0.9, margin), _family())
    draw_map(page, deck.facts, provinces,
             (margin, margin, width - 2 * margin, height - 2 * margin))
    buffer = io.BytesIO()
    page.fig.savefig(buffer, format="png", dpi=MAP_DPI, metadata={"Software": None})
    return buffer.getvalue()


_MEASURE: list[Page] = []


def measure(text: str, size: float) -> float:
    """The width of one line of ``text`` at ``size`` points, in inches, in Sarabun."""
    if not _MEASURE:
        _MEASURE.append(Page(SLIDE, _family()))
    return _MEASURE[0].width(text, size)


def _family() -> list[str]:
    from ecotown.briefing.fonts import FALLBACK_FAMILY, register_fonts

    return [register_fonts(), FALLBACK_FAMILY]


def _lines(page: Page, x: float, top: float, width: float, lines, size: float,
           colour: str = INK, weight: str = "normal", max_lines: int = 3) -> float:
    for line in lines:
        for part in page.wrap(line, width, size, max_lines, weight):
            top = page.text(x, top, part, size, weight, colour)
        top += size / 72 * 0.35
    return top


def _header(page: Page, slide: DeckSlide) -> float:
    top = page.text(0.4, 0.3, slide.title, 26, "bold")
    return _lines(page, 0.4, top + 0.15, SLIDE.width - 0.8, slide.sentences, 17) + 0.1


def _badge(page: Page, deck: Deck, x: float = 0.4) -> None:
    width = page.width(deck.badge, 12, "bold") + 0.2
    page.rect(x, SLIDE.height - 0.6, width, 0.36, BADGE_COLOURS[deck.synthetic])
    page.text(x + 0.1, SLIDE.height - 0.58, deck.badge, 12, "bold", "#ffffff")


def map_column() -> tuple[float, float]:
    """Where the map slide's text column starts and how wide it is, right of the map."""
    x = MAP_BOX[0] + MAP_BOX[2] + 0.3
    return x, SLIDE.width - x - 0.35


def _table(page: Page, slide: DeckSlide, top: float) -> None:
    widths = (5.0, 1.6, 2.6, 1.3, 2.0)
    row_h = 0.34
    for r, values in enumerate([slide.table.header, *slide.table.rows]):
        y = top + r * row_h
        page.rect(0.4, y, sum(widths), row_h, "#3b528b" if r == 0 else
                  ("#ffffff" if r % 2 else PANEL))
        x = 0.4
        for value, width in zip(values, widths, strict=True):
            page.text(x + 0.08, y + 0.04, page.fit(str(value), width - 0.16, 13), 13,
                      "bold" if r == 0 else "normal", "#ffffff" if r == 0 else INK)
            x += width


def _chart(page: Page, deck: Deck, top: float) -> None:
    report, lang = deck.report, deck.lang
    years = report["chart_years"]
    ax = page.fig.add_axes((0.7 / SLIDE.width, 1.1 / SLIDE.height, 5.9 / SLIDE.width,
                            (SLIDE.height - top - 1.6) / SLIDE.height))
    bottom = [0] * len(years)
    for level in (5, 4, 3, 2, 1):
        values = [report["by_year"][y][str(level)] for y in years]
        ax.bar([year_short(y, lang) for y in years], values, bottom=bottom,
               color=LEVEL_COLOURS[level], label=level_label(level, deck.levels, lang,
                                                            short=True))
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    ax.set_title(t("deck_chart_title", lang), fontsize=13, fontfamily=page.family)
    # beside the plot, never over the bars; counts of areas: whole numbers from 0
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False,
              prop={"family": page.family, "size": 9})
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylim(0, max(1, max(bottom or [0])))
    for label in [*ax.get_xticklabels(), *ax.get_yticklabels()]:
        label.set_fontfamily(page.family)
    ax.spines[["top", "right"]].set_visible(False)
    points = [f"{p['label']}: {p['published']:,} · {t('dataset', lang)} {p['data']:,}"
              for p in report.get("reference_points", []) if str(p["year"]) in years]
    _lines(page, 8.4, top, SLIDE.width - 8.8,
           [chart_scope(deck), *([published_heading(deck), *points] if points else [])], 12,
           MUTED)


def _slide_figure(deck: Deck, slide: DeckSlide, picture: bytes):
    page = Page(SLIDE, _family())
    if slide.kind == "title":
        top = page.text(0.8, 1.6, slide.title, 34, "bold")
        _lines(page, 0.8, top + 0.3, SLIDE.width - 1.6, slide.lines, 18, MUTED)
    elif slide.kind == "map":  # the map takes half the slide; its words beside it
        page.text(0.4, 0.3, slide.title, 26, "bold")
        import matplotlib.image as mpimg

        left, top, width, height = MAP_BOX
        image = mpimg.imread(io.BytesIO(picture), format="png")
        ax = page.fig.add_axes((left / SLIDE.width, 1 - (top + height) / SLIDE.height,
                                width / SLIDE.width, height / SLIDE.height))
        ax.imshow(image)
        ax.axis("off")
        facts = deck.facts
        x, room = map_column()
        y = _lines(page, x, top, room, slide.sentences, 13, max_lines=6)
        y = _lines(page, x, y + 0.1, room,
                   [f"{label}: {value}" for label, value in facts.kpis], 14, INK, "bold")
        half = (room - 0.15) / 2
        _lines(page, x, y + 0.1, half,
               [t("brief_kpi_levels", deck.lang),
                *[f"{e.label}: {e.count:,}" for e in (*facts.kpi_levels,
                                                      *facts.kpi_phases)]], 10.5)
        _lines(page, x + half + 0.15, y + 0.1, half,
               [f"{facts.province_title}: {facts.province_mode}",
                *[f"{e.label}: {e.count:,}" for e in facts.province_legend]], 10.5)
        _badge(page, deck, x)
        return page.fig
    else:
        top = _header(page, slide)
        if slide.kind == "progress":
            _chart(page, deck, top)
        elif slide.table is not None:
            _table(page, slide, top)
        else:
            _lines(page, 0.4, top, SLIDE.width - 0.8, slide.lines, 12, MUTED, max_lines=4)
    _badge(page, deck)
    return page.fig


def deck_pdf(deck: Deck, picture: bytes, title: str) -> bytes:
    """The deck as PDF bytes, one page per slide, fonts embedded once; deterministic."""
    from ecotown.briefing.render import pages_pdf

    figures = [_slide_figure(deck, slide, picture) for slide in deck.slides]
    return pages_pdf(figures, {"Title": title, "Subject": deck.badge, "Creator": PRODUCER,
                               "Producer": PRODUCER})

