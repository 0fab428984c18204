"""Sources as a reader sees them: titled links in the page's language, no script names."""

from __future__ import annotations

import pytest

from ecotown.present.sources import source_label, source_links, sources_html, synthetic_source

GEN = "synthetic demo data: scripts/make_demo_data.py seed 2566"


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_demo_generator_line_reads_as_synthetic_in_the_readers_language(lang):
    links, notes = source_links([GEN, GEN], lang)
    assert links == [] and len(notes) == 1
    assert "make_demo_data" not in notes[0] and ".py" not in notes[0]
    assert ("สังเคราะห์" in notes[0]) == (lang == "th")
    assert synthetic_source(GEN) and not synthetic_source("https://diw.go.th/x")


def test_urls_become_publisher_titles_once_each_with_the_url_behind():
    texts = ["https://ecocenter.diw.go.th/a https://ecocenter.diw.go.th/a",
             "https://www.thebangkokinsight.com/news/123 press release"]
    links, notes = source_links(texts, "en")
    assert [link["title"] for link in links] == ["DIW Eco Industrial Town Center",
                                                 "The Bangkok Insight"]
    assert notes == ["press release"]
    th, _ = source_links(texts, "th")
    assert th[0]["title"].startswith("ศูนย์เมืองอุตสาหกรรมเชิงนิเวศ")
    html = sources_html(texts, "en")
    assert 'href="https://www.thebangkokinsight.com/news/123"' in html
    assert ">The Bangkok Insight</a>" in html


def test_two_pages_of_one_publisher_are_told_apart_and_unknown_hosts_are_named():
    links, _ = source_links(["https://mgronline.com/local/1 https://mgronline.com/local/2",
                             "https://example.org/x"], "en")
    assert [link["title"] for link in links] == ["MGR Online · 1", "MGR Online · 2",
                                                 "example.org"]
    assert source_label("https://mgronline.com/a", "th") == "ผู้จัดการออนไลน์"


def test_hostile_text_is_escaped():
    html = sources_html(['<script>alert(1)</script> https://x.org/"><img>'], "en")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert sources_html([], "en") == ""
