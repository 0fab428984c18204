"""The briefing deck's one entry point: the download buttons and ``python -m ecotown deck``
both call :func:`deck`, so both give the same bytes for the same view."""

from __future__ import annotations

import pandas as pd

from ecotown.analysis.urlstate import ViewState
from ecotown.briefing.deck_content import deck_content
from ecotown.briefing.facts import Export, check_view, file_stem
from ecotown.model.dataset import Dataset

__all__ = ["DECK_FORMATS", "DECK_MIME", "deck", "deck_filename"]

DECK_FORMATS = ("pptx", "pdf")
DECK_MIME = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
}


def deck_filename(dataset: Dataset, view: ViewState, fmt: str) -> str:
    """``ecotown-demo-fy2025-th-deck.pptx``: the view's file stem and ``-deck``."""
    if fmt not in DECK_FORMATS:
        raise ValueError(f"fmt should be one of {', '.join(DECK_FORMATS)}, got {fmt!r}")
    check_view(view)
    return f"{file_stem(dataset, view)}-deck.{fmt}"


def deck(dataset: Dataset, areas: pd.DataFrame, provinces, view: ViewState, fmt: str
         ) -> Export:
    """The view as a 16:9 briefing deck: editable PowerPoint (``pptx``) or a PDF pack.

    ``areas`` is the area table of the view's year (with the change in a change view):
    what the app's map shows. The bytes are identical for identical inputs.
    """
    filename = deck_filename(dataset, view, fmt)
    from ecotown.briefing.deck import deck_pptx
    from ecotown.briefing.deck_pdf import deck_pdf, map_picture
    from ecotown.briefing.drawing import render_settings
    from ecotown.briefing.fonts import rendering

    content = deck_content(dataset, areas, provinces, view)
    title = f"{content.facts.title} — {content.facts.subtitle}"
    with rendering(render_settings):
        picture = map_picture(content, provinces)
        data = deck_pptx(content, picture, title) if fmt == "pptx" else \
            deck_pdf(content, picture, title)
    return Export(data, filename, DECK_MIME[fmt])
