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

from ecotown.ui import keys
from ecotown.ui.compat import browser_widget_states

__all__ = ["adopted", "note_session_run", "preset", "reject_unmatched"]

_FIRST_RUN_MARK = "_session_ran"
_ADOPT = keys.ADOPT_WIDGETS
_RAW = "_adopt_raw"


def note_session_run() -> None:
    """Call first on every run: on a session's first run, remember which widgets the
    browser already had (a reconnecting page) and the values it sent; on later runs,
    none."""
    ss = st.session_state
    first = _FIRST_RUN_MARK not in ss
    ss[_FIRST_RUN_MARK] = True
    raw = browser_widget_states() if first else {}
    ss[_ADOPT] = frozenset(raw)
    ss[_RAW] = raw


def reject_unmatched(key: str, labels) -> None:
    """Adopt ``key`` only if the value the browser sent is one of ``labels`` (the options as
    the widget shows them): a value that matches no option keeps the URL's view."""
    ss = st.session_state
    if key not in ss.get(_ADOPT, frozenset()):
        return
    sent = ss.get(_RAW, {}).get(key)
    values = sent if isinstance(sent, list) else [sent]
    allowed = {str(label) for label in labels}
    if not values or any(str(v) not in allowed for v in values):
        ss[_ADOPT] = frozenset(ss[_ADOPT] - {key})


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
