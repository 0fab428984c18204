"""Issue 26: ready for the next Streamlit: opening every page in both languages logs no
deprecation warning (``st.components.v1.html`` did, twice a view)."""

from __future__ import annotations

import logging
import warnings

import pytest

from tests.pages.apptest import open_page

PAGES = [("app.py", {"dataset": "demo"}), ("app.py", {"present": "1"}),
         ("pages/area.py", {"dataset": "demo", "area": "ET-001"}),
         ("pages/province.py", {"code": "21"}), ("pages/data.py", {})]


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize(("page", "params"), PAGES)
def test_no_deprecation_is_logged(page, params, lang, caplog):
    with caplog.at_level(logging.INFO), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        open_page(page, {**params, "lang": lang})
    logged = [r.getMessage() for r in caplog.records
              if "deprecat" in r.getMessage().lower() or "deprecation" in r.name]
    warned = [str(w.message) for w in caught if issubclass(
        w.category, DeprecationWarning | PendingDeprecationWarning | FutureWarning)
        and "streamlit" in str(w.filename) + str(w.message).lower()]
    assert logged == [] and warned == []
