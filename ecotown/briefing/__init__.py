"""Briefing exports: the current view as a slide picture, a PDF or a table.

:func:`briefing` is the one entry point of the web download button and of
``python -m ecotown briefing``, so both give the same bytes for the same view. Everything
the picture shows is computed first by :func:`briefing_facts` (a pure function), then
drawn. Outputs are deterministic. matplotlib is imported only when a picture is drawn."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ecotown.analysis.urlstate import ViewState
from ecotown.model.dataset import Dataset

if TYPE_CHECKING:
    import geopandas as gpd
from ecotown.briefing.drawing import briefing_figure, render_settings
from ecotown.briefing.facts import (
    FORMATS,
    MIME,
    BriefingFacts,
    Export,
    briefing_facts,
    check_view,
    file_stem,
)
from ecotown.briefing.layout import png_pixel
from ecotown.briefing.render import pdf_bytes, png_bytes
from ecotown.briefing.tables import area_rows, csv_bytes, xlsx_bytes

__all__ = ["FORMATS", "MIME", "BriefingFacts", "Export", "briefing", "briefing_facts",
           "briefing_figure", "briefing_filename", "png_pixel"]


# --- the entry point ------------------------------------------------------------------------


def briefing(dataset: Dataset, areas: pd.DataFrame, provinces: gpd.GeoDataFrame,
             view: ViewState, fmt: str) -> Export:
    """Export the current view as a picture (PNG, PDF) or a table (CSV, XLSX).

    Parameters
    ----------
    dataset : Dataset
        The view's dataset.
    areas : pandas.DataFrame
        Its whole area table (:func:`ecotown.analysis.summary.area_table`); the view's filters are
        applied here.
    provinces : geopandas.GeoDataFrame
        The province polygons (:func:`ecotown.model.geography.load_provinces`).
    view : ViewState
        Language, colour mode and filters, as in the URL.
    fmt : {"png", "pdf", "csv", "xlsx"}
        PNG: 16:9 slide, 1920 × 1080 px. PDF: A4 landscape, vector, selectable text.
        CSV: UTF-8 with BOM. XLSX: the table and an "About" sheet.

    Returns
    -------
    Export
        The bytes (identical for identical inputs), a file name such as
        ``ecotown-demo-phase3-th.pdf`` and the MIME type.

    Raises
    ------
    ValueError
        If ``fmt``, ``view.lang`` or ``view.color`` is not a known value.
    """
    if fmt not in FORMATS:
        raise ValueError(f"fmt should be one of {', '.join(FORMATS)}, got {fmt!r}")
    facts = briefing_facts(dataset, areas, provinces, view)
    filename = f"{facts.stem}.{fmt}"
    if fmt in ("csv", "xlsx"):
        table = area_rows(dataset, areas, view)
        data = (csv_bytes(table) if fmt == "csv" else xlsx_bytes(dataset, table, facts))
        return Export(data, filename, MIME[fmt])
    from ecotown.briefing.fonts import rendering

    # rc_context changes matplotlib's process-wide rcParams until it exits: one render at a
    # time (one lock for every render), so concurrent sessions never see each other's.
    with rendering(render_settings):
        figure = briefing_figure(facts, provinces, fmt)
        data = png_bytes(figure, facts) if fmt == "png" else pdf_bytes(figure, facts)
    return Export(data, filename, MIME[fmt])


def briefing_filename(dataset: Dataset, view: ViewState, fmt: str) -> str:
    """The file name :func:`briefing` gives, without rendering (for a deferred download).

    Parameters
    ----------
    dataset : Dataset
        The view's dataset.
    view : ViewState
        Language, colour mode and filters.
    fmt : {"png", "pdf", "csv", "xlsx"}
        The format.

    Returns
    -------
    str
        E.g. ``ecotown-demo-phase3-th.pdf``: letters, digits, ``-`` and ``_`` only.
    """
    if fmt not in FORMATS:
        raise ValueError(f"fmt should be one of {', '.join(FORMATS)}, got {fmt!r}")
    check_view(view)
    return f"{file_stem(dataset, view)}.{fmt}"
