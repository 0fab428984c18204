"""A page that reconnects to another replica keeps the user's action.

When the replica serving a page dies, the browser reconnects by itself (nginx sends it to a
live replica) and keeps showing the same view. The new replica's session, though, has never
run this page: Streamlit has no callbacks registered for the widget values the browser sends
with its next action, so that click would be dropped. Here a session's first run notes which
widgets the browser already had (a fresh page load sends none); the sidebar then takes those
widgets' values from the browser, not from the URL, and if they differ from the URL's view
(the user's click), writes them to the URL as the callback would have, and reruns.
"""

from __future__ import annotations

import streamlit as st

__all__ = ["adopted", "note_session_run", "preset"]

_FIRST_RUN_MARK = "_session_ran"
_ADOPT = "_adopt_widgets"


def _browser_widget_keys() -> set[str]:
    """User keys of the widgets whose values the browser sent with this run."""
    try:  # Streamlit's own session state: the widget states of the BackMsg being run
        from streamlit.runtime.state.session_state_proxy import get_session_state

        states = get_session_state()._state._new_widget_state.states
    except Exception:  # another Streamlit version: behave as before (the click is dropped)
        return set()
    return {wid.rsplit("-", 1)[-1] for wid in states if str(wid).startswith("$$ID-")}


def note_session_run() -> None:
    """Call first on every run: on a session's first run, remember which widgets the
    browser already had (a reconnecting page); on later runs, none."""
    ss = st.session_state
    first = _FIRST_RUN_MARK not in ss
    ss[_FIRST_RUN_MARK] = True
    ss[_ADOPT] = frozenset(_browser_widget_keys()) if first else frozenset()


def adopted() -> frozenset[str]:
    """Keys of the widgets whose browser values this run takes instead of the URL's."""
    return st.session_state.get(_ADOPT, frozenset())


def preset(values: dict) -> None:
    """Set widgets (``{key: value}``) to the URL's view, but those whose values a
    reconnected page sent (:func:`adopted`)."""
    keep = adopted()
    for key, value in values.items():
        if key not in keep:
            st.session_state[key] = value
