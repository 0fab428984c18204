"""The one place where data-derived text is made safe for HTML and inline scripts.

folium does not escape tooltips or popups, so every string that comes from data passes
through :func:`esc` before it is put into HTML, and every object put into a ``<script>``
passes through :func:`js_literal`.
"""

from __future__ import annotations

import html
import json

__all__ = ["esc", "js_literal", "md_escape"]


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
    return text


def md_escape(text: object) -> str:
    """Escape data-derived text for Streamlit markdown (no markup, no HTML, no links)."""
    escaped = html.escape(str(text), quote=True)
    for char in "\\`*_{}[]()#+-.!|<>~$":
        escaped = escaped.replace(char, "\\" + char)
    return escaped
