"""A data date in words: Buddhist Era in Thai, C.E. in English, never broken across lines;
an impossible date (older versions on disk) printed as the data gives it."""

from __future__ import annotations

import pytest

from ecotown.present.captions import date_text


@pytest.mark.parametrize(("as_of", "lang", "words"), [
    ("2023-05-30", "en", "30\u00a0May\u00a02023"),
    ("2023-05-30", "th", "30\u00a0พ.ค.\u00a02566"),
    ("2024-12", "en", "December\u00a02024"),
    ("2024", "th", "2567"),
])
def test_a_date_in_the_readers_words(as_of, lang, words):
    assert date_text(as_of, lang) == words


@pytest.mark.parametrize("as_of", ["2023-13-01", "2099-00", "2023-1x", "x"])
@pytest.mark.parametrize("lang", ["th", "en"])
def test_an_impossible_date_is_printed_as_given(as_of, lang):
    assert date_text(as_of, lang) == as_of
