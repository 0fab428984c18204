"""The private Streamlit names the atlas touches (ecotown/ui/compat.py), pinned to the
installed version: an upgrade that changes them fails here, not silently on a page."""

from __future__ import annotations

import logging

import pytest
import streamlit
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.runtime.state.session_state import WStates

from ecotown.ui import compat, reconnect


class _Proxy:
    def __init__(self, states: WStates):
        self._state = type("S", (), {"_new_widget_state": states})()


def _sent(monkeypatch, **widgets) -> None:
    states = WStates()
    for element_id, values in widgets.items():
        proto = WidgetState(id=element_id)
        if isinstance(values, list):
            proto.string_array_value.data.extend(values)
        else:
            proto.int_value = values
        states.set_widget_from_proto(proto)
    import streamlit.runtime.state.session_state_proxy as proxy

    monkeypatch.setattr(proxy, "get_session_state", lambda: _Proxy(states))


def test_the_installed_streamlit_is_the_tested_one():
    assert streamlit.__version__ == compat.TESTED_STREAMLIT, (
        "Streamlit changed: check ecotown/ui/compat.py against its internals, then update "
        "TESTED_STREAMLIT")


def test_browser_values_are_read_with_streamlits_own_key_parsing(monkeypatch):
    _sent(monkeypatch, **{"$$ID-0a1b-w_year": ["2565"], "$$ID-9f-w-with-hyphens": ["x", "y"],
                          "$$ID-77-None": 3, "plain": 1})
    assert compat.browser_widget_states() == {"w_year": ["2565"],
                                              "w-with-hyphens": ["x", "y"]}


def test_a_changed_internal_is_logged_not_silent(monkeypatch, caplog):
    import streamlit.runtime.state.session_state_proxy as proxy

    def broken():
        raise AttributeError("_new_widget_state")

    monkeypatch.setattr(proxy, "get_session_state", broken)
    compat._warned.clear()
    with caplog.at_level(logging.WARNING, logger="ecotown.ui.compat"):
        assert compat.browser_widget_states() == {}
    assert "Streamlit internals changed" in caplog.text


@pytest.mark.parametrize(("sent", "kept"), [(["2565"], True), (["2599"], False),
                                            ([], False), (["2565", "2566"], True)])
def test_a_year_the_browser_sends_is_adopted_only_if_it_is_an_option(monkeypatch, sent,
                                                                     kept):
    state = {"_adopt_widgets": frozenset({"w_year", "w_lang"}),
             "_adopt_raw": {"w_year": sent, "w_lang": ["en"]}}
    monkeypatch.setattr(reconnect.st, "session_state", state)
    reconnect.reject_unmatched("w_year", ["2564", "2565", "2566"])
    assert ("w_year" in state["_adopt_widgets"]) is kept
    assert "w_lang" in state["_adopt_widgets"]


def test_the_installed_streamlit_folium_is_the_tested_one():
    from importlib.metadata import version

    assert version("streamlit-folium") == compat.TESTED_STREAMLIT_FOLIUM, (
        "streamlit-folium changed: check ecotown/ui/compat.py (folium_parts, "
        "folium_component) against it, then update TESTED_STREAMLIT_FOLIUM")


def test_changed_folium_internals_fall_back_with_a_warning(monkeypatch, caplog):
    import folium
    import streamlit_folium

    monkeypatch.delattr(streamlit_folium, "_get_map_string")
    compat._warned.clear()
    with caplog.at_level(logging.WARNING, logger="ecotown.ui.compat"), \
            pytest.raises(compat.CompatUnavailable):
        compat.folium_parts(folium.Map(tiles=None), None, "map")
    assert "folium_parts falls back" in caplog.text


def test_the_overview_falls_back_to_the_public_st_folium(monkeypatch):
    """With streamlit-folium's internals renamed (compat raises), the overview still shows
    its map through the public st_folium."""
    import streamlit_folium

    from ecotown.ui import mapglue
    from tests.pages.apptest import open_page

    def renamed(*_args, **_kwargs):
        raise compat.CompatUnavailable("renamed")

    calls = []
    real = streamlit_folium.st_folium
    monkeypatch.setattr(mapglue, "folium_parts", renamed)
    monkeypatch.setattr(streamlit_folium, "st_folium",
                        lambda *a, **k: calls.append(k) or real(*a, **k))
    app = open_page("app.py", {"dataset": "demo", "lang": "en", "phase": "2"})
    assert not app.exception
    assert calls and calls[0]["key"] == "map"


def _used_test_ids() -> set[str]:
    import re
    from pathlib import Path

    root = Path(compat.__file__).resolve().parents[1]
    found: set[str] = set()
    for path in [*root.rglob("*.py"), *root.rglob("*.js")]:
        found |= set(re.findall(r'data-testid=\\?[\'"]?(st[A-Za-z]+)', path.read_text()))
    return found


def test_every_streamlit_test_id_the_atlas_selects_is_declared_in_compat():
    undeclared = _used_test_ids() - compat.STREAMLIT_TEST_IDS
    assert not undeclared, f"declare these in compat.STREAMLIT_TEST_IDS: {sorted(undeclared)}"
    unused = compat.STREAMLIT_TEST_IDS - _used_test_ids()
    assert not unused, f"not selected any more, remove from compat: {sorted(unused)}"


def test_every_declared_test_id_exists_in_the_installed_streamlit_frontend():
    from pathlib import Path

    bundle = Path(streamlit.__file__).parent / "static" / "static" / "js"
    text = "\n".join(p.read_text(errors="replace") for p in bundle.glob("*.js"))
    missing = sorted(i for i in compat.STREAMLIT_TEST_IDS
                     if not any(f"{q}{i}{q}" in text for q in "\"'`"))
    assert not missing, (f"Streamlit {streamlit.__version__} no longer renders {missing}: "
                         "the atlas's layout and accessibility CSS would silently stop applying")


def test_the_browser_tests_wait_on_a_signal_the_installed_frontend_sets():
    """tests/browser/helpers.py waits for ``data-test-script-state="notRunning"`` on the
    ``stApp`` element (Streamlit's own end-of-run signal); pinned to the installed bundle."""
    from pathlib import Path

    bundle = Path(streamlit.__file__).parent / "static" / "static" / "js"
    text = "".join(p.read_text(errors="ignore") for p in bundle.glob("index.*.js"))
    assert '"data-test-script-state"' in text and "`stApp`" in text
    assert "notRunning" in text
