"""Streamlit's file-uploader words in the page's language (issue 29): the style that draws
them, escaped for CSS, nothing in English (Streamlit's own words are English)."""

from __future__ import annotations

import re

from ecotown.ui.layout import uploader_words_css


def test_thai_draws_the_button_and_the_size_line_in_thai():
    css = uploader_words_css("th", 20, "CSV, XLSX")
    contents = re.findall(r'content: "((?:[^"\\]|\\.)*)"', css)
    assert contents == ["อัปโหลด", "ไฟล์ละไม่เกิน 20 MB • CSV, XLSX"]
    assert css.count("visibility: hidden") == 1  # the English words, from sight and readers


def test_the_size_is_the_configured_one_with_separators():
    assert "ไฟล์ละไม่เกิน 1,024 MB" in uploader_words_css("th", 1024, "CSV")


def test_english_keeps_streamlits_words():
    assert uploader_words_css("en", 20, "CSV, XLSX") == ""


def test_quotes_and_backslashes_cannot_end_the_css_string():
    css = uploader_words_css("th", 20, 'CSV" } body { display: none } \\')
    assert '\\"' in css and "\\\\" in css
    assert re.findall(r'content: "((?:[^"\\]|\\.)*)";', css)[1].endswith("\\\\")
