"""Sources as a reader sees them: each URL a titled link (its publisher, in the page's
language, with the address behind it), each other note in the page's language. The data
keep their source fields as stored; only what is shown changes.

A source field may hold several URLs and free text. The demo's generator line
(``synthetic demo data: … seed N``) is shown as "synthetic demo data" in the reader's
language: a script name is developer text, not a source an executive can open."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ecotown.i18n.labels import t
from ecotown.model.text import http_urls, publisher
from ecotown.present.safe_html import esc

__all__ = ["source_label", "source_links", "sources_html", "synthetic_source"]

_SYNTHETIC = re.compile(r"^\s*synthetic demo data\b.*$", re.IGNORECASE | re.DOTALL)


def synthetic_source(text: object) -> bool:
    """Whether a source field is the demo generator's line (no real source)."""
    return bool(_SYNTHETIC.match(str(text or "")))


def source_links(texts: list[object], lang: str) -> tuple[list[dict], list[str]]:
    """The URLs of some source fields, each once, as ``{"url", "title"}`` (title: the
    publisher, and the host when two links share a publisher), and the other notes in the
    reader's language (the demo's generator line becomes "synthetic demo data")."""
    urls: list[str] = []
    notes: list[str] = []
    for text in texts:
        if synthetic_source(text):
            note = t("source_synthetic", lang)
            if note not in notes:
                notes.append(note)
            continue
        found, rest = http_urls(text)
        urls += [u for u in found if u not in urls]
        words = " ".join(rest).strip()
        if words and words not in notes:
            notes.append(words)
    titles = [publisher(u, lang) for u in urls]
    links = []
    for url, title in zip(urls, titles, strict=True):
        if titles.count(title) > 1:  # several pages of one publisher: say which
            path = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1][:40]
            title = f"{title} · {path}" if path else title
        links.append({"url": url, "title": title})
    return links, notes


def source_label(text: object, lang: str) -> str:
    """One source field as a line of text (tables, exports): publishers, not URLs."""
    links, notes = source_links([text], lang)
    return "; ".join([link["title"] for link in links] + notes)


def sources_html(texts: list[object], lang: str) -> str:
    """A list of titled links (the URL behind each, opening in a new tab) and the other
    notes; every string escaped."""
    links, notes = source_links(texts, lang)
    items = [f'<li><a href="{esc(s["url"])}" target="_blank" rel="noopener noreferrer" '
             f'title="{esc(s["url"])}">{esc(s["title"])}</a></li>' for s in links]
    items += [f"<li>{esc(n)}</li>" for n in notes]
    return f'<ul class="ecotown-sources">{"".join(items)}</ul>' if items else ""
