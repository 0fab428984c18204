"""The download menu of a view: the briefing (PNG, PDF, CSV, XLSX) and the deck (PPTX, PDF),
each made only when its button is pressed, by the same functions as the command line."""

from __future__ import annotations

import streamlit as st

from ecotown.analysis.urlstate import ViewState
from ecotown.i18n.labels import t
from ecotown.model.dataset import Dataset
from ecotown.ui import keys
from ecotown.ui.cached import cached_provinces, facts_ok

__all__ = [
    "briefing_downloads",
]


def briefing_downloads(state: ViewState, dataset: Dataset, areas) -> None:
    """Download buttons for the current view's briefing (PNG, PDF, CSV, XLSX).

    Files are made only when a button is pressed (``data`` is a callable), by the same
    function as ``python -m ecotown briefing``, so both give the same bytes.
    """
    from ecotown.briefing import FORMATS, MIME, briefing, briefing_filename

    with st.popover(t("brief_download", state.lang), icon=":material/download:",
                    width="stretch"):
        # What every format is made from: if it fails, no button would work. Checked once
        # per dataset version and view (it used to be a quarter of every rerun's time).
        if not facts_ok(state):
            st.error(t("brief_failed", state.lang))
            return
        for fmt in FORMATS:
            st.download_button(
                t(f"brief_format_{fmt}", state.lang),
                data=lambda fmt=fmt: briefing(dataset, areas, cached_provinces(), state,
                                              fmt).data,
                file_name=briefing_filename(dataset, state, fmt), mime=MIME[fmt],
                on_click="ignore", key=f"brief-{fmt}", width="stretch")
        from ecotown.travel.view_html import VIEW_HTML_MIME, view_html, view_html_filename

        st.download_button(  # the same bytes as ``python -m ecotown view-html``
            t("brief_format_html", state.lang),
            data=lambda: view_html(dataset, areas, cached_provinces(), state).data,
            file_name=view_html_filename(dataset, state), mime=VIEW_HTML_MIME,
            on_click="ignore", key=keys.W_VIEW_HTML, width="stretch", icon=":material/map:")
        from ecotown.briefing.deck_export import DECK_FORMATS, DECK_MIME, deck, deck_filename

        for fmt in DECK_FORMATS:  # the same bytes as ``python -m ecotown deck``
            st.download_button(
                t("brief_format_pptx" if fmt == "pptx" else "brief_format_deckpdf",
                  state.lang),
                data=lambda fmt=fmt: deck(dataset, areas, cached_provinces(), state, fmt).data,
                file_name=deck_filename(dataset, state, fmt), mime=DECK_MIME[fmt],
                on_click="ignore", key=f"deck-{fmt}", width="stretch",
                icon=":material/slideshow:")
