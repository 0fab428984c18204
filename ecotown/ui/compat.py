"""Every touch of a private Streamlit name, in one place (issue 26).

The atlas stands on Streamlit's public API. What it cannot do with it lives here, each with
a test pinned to the installed version (``tests/unit/ui/test_compat.py``) that fails loudly
when the internals change, and a logged warning, never silence, when a fallback is taken:

* :func:`browser_widget_states`: the widget values a browser sent with the run being made,
  as it sent them (before Streamlit turns them into option values). A page that reconnects
  to another replica keeps the user's click with them (:mod:`ecotown.ui.reconnect`), and a
  value that matches no option is told from a real choice. Streamlit keeps these in its
  session state's ``_new_widget_state``; its own ``user_key_from_element_id`` names the
  widget's key.
* :func:`folium_parts` and :func:`folium_component`: the overview map is rendered to text
  once per view and cached (``ecotown.ui.mapglue``); ``st_folium`` renders it again on every
  call. These use streamlit-folium's own private renderers and component, exactly as
  ``st_folium`` calls them (``tests/unit/ui/test_mapglue.py`` compares the two on equal
  maps). If they change, :class:`CompatUnavailable` is raised after a logged warning and
  the page falls back to the public ``st_folium`` (slower, same map).
* :data:`STREAMLIT_TEST_IDS`: the ``data-testid`` values of Streamlit's own elements that
  the atlas's style sheet, accessibility layer and map script select
  (``ecotown.ui.layout``, ``ecotown.ui.a11y``, ``ecotown/webmap/js/atlas.js``).
  Streamlit offers no public class names for its containers; these ids are its frontend's,
  and the test reads every one of them in the installed frontend bundle and fails when one
  is used here but not declared.
"""

from __future__ import annotations

import logging

__all__ = ["STREAMLIT_TEST_IDS", "TESTED_STREAMLIT", "TESTED_STREAMLIT_FOLIUM", "CompatUnavailable",
           "browser_widget_states", "folium_component", "folium_parts"]

_log = logging.getLogger("ecotown.ui.compat")
TESTED_STREAMLIT = "1.67.0"  # the versions whose internals the tests pin
TESTED_STREAMLIT_FOLIUM = "0.27.4"
# Streamlit element ids our CSS and scripts select (see the module docstring)
STREAMLIT_TEST_IDS = frozenset({
    "stAlert",
    "stAlertContainer",
    "stAppViewContainer",
    "stBottom",
    "stButton",
    "stButtonGroup",
    "stCaptionContainer",
    "stCheckbox",
    "stColumn",
    "stDataFrame",
    "stDownloadButton",
    "stElementContainer",
    "stExpander",
    "stFileUploaderDropzone",
    "stFileUploaderDropzoneInstructions",
    "stHeader",
    "stHorizontalBlock",
    "stLayoutWrapper",
    "stMain",
    "stMarkdownContainer",
    "stMainBlockContainer",
    "stMetric",
    "stMetricLabel",
    "stMetricValue",
    "stPageLink",
    "stPopover",
    "stPopoverButton",
    "stSelectbox",
    "stSidebar",
    "stExpandSidebarButton",
    "stSkipToContent",
    "stSlider",
    "stStatusWidget",
    "stToast",
    "stToolbar",
    "stVegaLiteChart",
    "stVerticalBlock",
})


class CompatUnavailable(RuntimeError):
    """A private name is not as tested; the caller takes its public fallback."""
_warned: set[str] = set()


def _warn_once(what: str, exc: BaseException) -> None:
    if what not in _warned:
        _warned.add(what)
        _log.warning("Streamlit internals changed (%s: %s): %s falls back", type(exc).__name__,
                     exc, what)


def _raw(value: object) -> object:
    """A widget state as the browser sent it: a list of strings, a number, a bool, or
    ``None`` when Streamlit already holds it deserialized."""
    proto = getattr(value, "value", None)
    which = getattr(proto, "WhichOneof", None)
    if which is None:
        return None
    kind = proto.WhichOneof("value")
    if kind is None:
        return None
    raw = getattr(proto, kind)
    if hasattr(raw, "data"):
        return list(raw.data)
    return raw


def browser_widget_states() -> dict[str, object]:
    """``{user key: raw value}`` of the widgets the browser sent with this run; ``{}`` (and a
    logged warning) if Streamlit's internals are not as tested."""
    try:
        from streamlit.runtime.state.common import is_element_id, user_key_from_element_id
        from streamlit.runtime.state.session_state_proxy import get_session_state

        states = get_session_state()._state._new_widget_state.states
        found = {}
        for element_id, value in states.items():
            if not is_element_id(str(element_id)):
                continue
            key = user_key_from_element_id(str(element_id))
            if key:
                found[key] = _raw(value)
        return found
    except Exception as exc:  # another Streamlit: a reconnected page's click is dropped
        _warn_once("browser_widget_states", exc)
        return {}


def folium_parts(fmap, layers, key: str) -> dict:
    """The strings ``st_folium`` hands its component for ``fmap`` (rendered) and the
    dynamic feature group ``layers``: ``html``, ``header``, ``script``, ``id``, ``key``,
    ``feature_group``."""
    try:
        import streamlit_folium as sf

        # in st_folium's order: making the script renames the map's element
        html, header = sf._get_html(fmap), sf._get_header(fmap)
        script = sf._get_map_string(fmap)
        return {"html": html, "header": header, "script": script,
                "id": sf.get_full_id(fmap), "key": sf.generate_js_hash(script, key, False),
                "feature_group": None if layers is None else
                sf._get_feature_group_string(layers, map=fmap, idx=0)}
    except (AttributeError, TypeError, ImportError) as exc:
        _warn_once("folium_parts", exc)
        raise CompatUnavailable("streamlit-folium's renderers") from exc


def folium_component(args: dict, height: int, on_change):
    """streamlit-folium's component called with ``args`` as ``st_folium`` calls it."""
    try:
        import streamlit_folium as sf

        component = sf._component_func
    except (AttributeError, ImportError) as exc:
        _warn_once("folium_component", exc)
        raise CompatUnavailable("streamlit-folium's component") from exc
    return component(**args, height=height, width=None, on_change=on_change)
