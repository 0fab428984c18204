"""The one place where data-derived text is made safe for HTML and inline scripts.

folium does not escape tooltips or popups, so every string that comes from data passes
through :func:`esc` before it is put into HTML, and every object put into a ``<script>``
passes through :func:`js_literal`.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata

__all__ = ["drawable", "esc", "guard_formula", "http_urls", "js_literal", "looks_like_formula",
           "md_escape", "visible_start", "xml_text"]

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
    escaped = html.escape(_AUTOLINK.sub(lambda m: (m.group(1) or "") + "\u2060", str(text)),
                          quote=True)
    for char in "\\`*_{}[]()#+-.!|<>~$:":
        escaped = escaped.replace(char, "\\" + char)
    return escaped


def http_urls(text: object) -> tuple[list[str], list[str]]:
    """Split a source field into its http(s) URLs (which may become links) and the rest."""
    words = list(dict.fromkeys(str(text or "").split()))
    urls = [w for w in words if re.fullmatch(r"https?://[^\s<>\"'`]+", w)]
    return urls, [w for w in words if w not in urls]


# --- spreadsheets and XML ---------------------------------------------------------------

# what a spreadsheet may run as a formula, ASCII and full-width forms
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
# characters XML 1.0 cannot hold (XLSX parts, PPTX, SVG): C0 controls but tab and line
# ends, lone surrogates, U+FFFE and U+FFFF
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _invisible(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Cf", "Zs", "Zl", "Zp")


def visible_start(text: str) -> str:
    """``text`` without the invisible characters in front (spaces, BOM, zero-width marks)."""
    start = 0
    while start < len(text) and _invisible(text[start]):
        start += 1
    return text[start:]


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet could read ``text`` as a formula.

    Invisible characters (spaces, BOM, zero-width and direction marks) in front of ``=``,
    ``+``, ``-`` or ``@`` do not hide it: they are skipped before the first character is
    looked at. A cell starting with a tab or line end counts too.
    """
    return text.startswith(FORMULA_START) or visible_start(text).startswith(FORMULA_START)


def guard_formula(value: object) -> object:
    """A text cell that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and looks_like_formula(value):
        return "'" + value
    return value


def drawable(text: str) -> str:
    """Text a picture can draw: no invisible format characters (BOM, zero-width and
    direction marks, which have no glyph), no controls, surrogates or non-characters."""
    return "".join(ch for ch in _NOT_XML.sub(" ", text)
                   if unicodedata.category(ch) not in ("Cf", "Cc", "Cs", "Co"))


def xml_text(value: object) -> object:
    """Text with every character XML 1.0 cannot hold replaced by a space (others as given)."""
    return _NOT_XML.sub(" ", value) if isinstance(value, str) else value
