"""The one place where data-derived text is made safe for HTML and inline scripts.

folium does not escape tooltips or popups, so every string that comes from data passes
through :func:`esc` before it is put into HTML, and every object put into a ``<script>``
passes through :func:`js_literal`.
"""

from __future__ import annotations

import html
import json
import re

__all__ = ["esc", "js_literal", "md_escape"]

_TEMPLATE_OPENER = re.compile(r"\{(?=[{%#])")


def esc(text: object) -> str:
    """HTML-escape ``text`` (``& < > " '``), turning ``None`` into an empty string."""
    return "" if text is None else html.escape(str(text), quote=True)


def js_literal(value: object) -> str:
    """A JSON literal that is safe inside an inline ``<script>`` element.

    ``<``, ``>``, ``&`` and the JavaScript line separators are written as ``\\uXXXX`` escapes,
    so no data can close the script element or open a comment.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                       ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, code)
    # JSON's own braces are never followed by "{", "%" or "#", so such a brace lies inside a
    # string: write it as an escape, and no template engine that meets this text (Jinja's
    # "{{", "{%", "{#") can read data as template source.
    return _TEMPLATE_OPENER.sub("\\\\u007b", text)


# Streamlit's Markdown links bare URLs, www. names and e-mail addresses after parsing
# (GFM autolink literals), so no escape stops them: a WORD JOINER (U+2060, invisible) after
# the scheme, "www" or before "@" does.
_AUTOLINK = re.compile(r"(?i)(https?|ftp|mailto|www)(?=[:.])|(?=@)")


def md_escape(text: object) -> str:
    """Escape data-derived text for Streamlit markdown (no markup, no HTML, no links).

    Every Markdown punctuation character is backslash-escaped, HTML is entity-escaped and
    bare URLs, ``www.`` names and e-mail addresses are kept from turning into links.
    """
    # quotes stay as they are: their entities (&#x27;) would show literally once the "#"
    # below is escaped, and a quote is plain text in Markdown (no raw HTML gets through)
    escaped = html.escape(_AUTOLINK.sub(lambda m: (m.group(1) or "") + "\u2060", str(text)),
                          quote=False)
    for char in "\\`*_{}[]()#+-.!|<>~$:":
        escaped = escaped.replace(char, "\\" + char)
    return escaped
