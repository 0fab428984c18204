"""Text as data: the helpers every layer uses to keep data-derived strings harmless.

Spreadsheet formulas behind invisible characters, characters XML cannot hold, glyphless
format characters in pictures, source fields whose words are not all URLs, and control
characters and over-long values in messages. HTML, script and Markdown escaping is the
presentation layer's (:mod:`ecotown.present.safe_html`).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "CONTROL",
    "FORMULA_START",
    "PUBLISHERS",
    "drawable",
    "guard_formula",
    "http_urls",
    "looks_like_formula",
    "publisher",
    "safe_cut",
    "shorten",
    "visible_start",
    "xml_text",
]

# C0 control characters but tab and line ends, and DEL
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


ELLIPSIS = "…"


def shorten(value: object, limit: int) -> str:
    """``value`` as text of at most ``limit`` characters (cut with an ellipsis)."""
    text = str(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def http_urls(text: object) -> tuple[list[str], list[str]]:
    """Split a source field into its http(s) URLs (which may become links) and the rest."""
    words = list(dict.fromkeys(str(text or "").split()))
    urls = [w for w in words if re.fullmatch(r"https?://[^\s<>\"'`]+", w)]
    return urls, [w for w in words if w not in urls]


# publisher of a host (the host itself when unknown), in Thai and English
PUBLISHERS: dict[str, tuple[str, str]] = {
    "ecocenter.diw.go.th": ("ศูนย์เมืองอุตสาหกรรมเชิงนิเวศ กรมโรงงานอุตสาหกรรม",
                            "DIW Eco Industrial Town Center"),
    "diw.go.th": ("กรมโรงงานอุตสาหกรรม", "Department of Industrial Works"),
    "industry.go.th": ("สำนักงานอุตสาหกรรมจังหวัด", "Provincial Industry Office"),
    "thebangkokinsight.com": ("The Bangkok Insight", "The Bangkok Insight"),
    "mgronline.com": ("ผู้จัดการออนไลน์", "MGR Online"),
    "thansettakij.com": ("ฐานเศรษฐกิจ", "Thansettakij"),
    "prd.go.th": ("กรมประชาสัมพันธ์", "Public Relations Department"),
    "bcg.in.th": ("BCG Thailand", "BCG Thailand"),
    "egat.co.th": ("การไฟฟ้าฝ่ายผลิตแห่งประเทศไทย", "EGAT"),
    "chiangmai.go.th": ("จังหวัดเชียงใหม่", "Chiang Mai Province"),
}


def publisher(url: str, lang: str = "en") -> str:
    """Who published a source URL, as a reader names them, in ``lang`` (from the host; the
    host itself when the publisher is not known)."""
    from urllib.parse import urlsplit

    host = (urlsplit(url).hostname or url).lower().removeprefix("www.")
    for domain, names in PUBLISHERS.items():
        if host == domain or host.endswith("." + domain):
            return names[0] if lang == "th" else names[1]
    return host


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


def safe_cut(text: str, end: int) -> int:
    """The largest cut point ≤ end that splits no Thai cluster (no lone marks or vowels)."""
    while end > 0 and (unicodedata.category(text[end]) in ("Mn", "Mc")
                       or text[end] == "\u0e33" or text[end - 1] in "เแโใไ"):
        end -= 1
    return end
