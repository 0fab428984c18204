"""The programme's vocabulary, defined once: levels, phases, the "no level" key, colour modes.

Names and colours of these are presentation (:mod:`ecotown.present.style`); which values
exist is the data model's, shared by filters, URL, summary, legend, map and exports.
"""

from __future__ import annotations

import pandas as pd

__all__ = [
    "CHOICE_ALIASES",
    "COLOR_MODES",
    "LEVELS",
    "LEVEL_KEYS",
    "NO_LEVEL",
    "PHASES",
    "canonical_choice",
    "level_key",
]

LEVELS = (1, 2, 3, 4, 5)  # how far an area has come; 5 in every area is the 2037 target
PHASES = (1, 2, 3)  # when an area joined the programme
NO_LEVEL = "none"  # the key of an area with no published level
LEVEL_KEYS = (*(str(level) for level in LEVELS), NO_LEVEL)  # filter, URL and summary keys
COLOR_MODES = ("level", "phase", "count")  # what the province fill shows


def level_key(level: object) -> str:
    """The key of a latest level: ``"1"``…``"5"`` or :data:`NO_LEVEL`."""
    return NO_LEVEL if level is None or pd.isna(level) else str(int(level))


# Thai and English spellings a steward may type for an enumeration, each stored as its one
# canonical value (the keys of the schema). Matching ignores case, spaces and hyphens.
CHOICE_ALIASES: dict[str, tuple[str, ...]] = {
    "stated": ("ระบุ", "ระบุโดยแหล่งที่มา", "stated by a source", "แหล่งที่มาระบุ"),
    "inferred": ("อนุมาน", "อนุมานเอง"),
    "synthetic": ("สังเคราะห์", "ข้อมูลสังเคราะห์"),
    "province": ("จังหวัด",),
    "district": ("อำเภอ", "เขต (อำเภอ)"),
    "subdistrict": ("ตำบล", "sub-district", "sub district"),
    "municipality": ("เทศบาล",),
    "zone": ("เขต", "เขตอุตสาหกรรม", "เขตควบคุม", "เขตอุตสาหกรรม/เขตควบคุม", "นิคมอุตสาหกรรม"),
    "gazetteer": ("ทะเบียนชื่อสถานที่", "ชื่อสถานที่"),
    "physical": ("กายภาพ", "ด้านกายภาพ"),
    "economic": ("เศรษฐกิจ", "ด้านเศรษฐกิจ"),
    "environmental": ("สิ่งแวดล้อม", "ด้านสิ่งแวดล้อม", "environment"),
    "social": ("สังคม", "ด้านสังคม"),
    "management": ("การบริหารจัดการ", "บริหารจัดการ", "ด้านการบริหารจัดการ"),
    "exact": ("เท่ากับ", "พอดี", "ตรง"),
    "more_than": ("มากกว่า", "more than", "over", "เกิน"),
    "less_than": ("น้อยกว่า", "less than", "under", "ต่ำกว่า"),
    "about": ("ประมาณ", "ราว", "approximately", "approx."),
}


def _fold(text: str) -> str:
    import unicodedata

    folded = unicodedata.normalize("NFC", text).casefold().strip()
    return "".join(ch for ch in folded if ch not in " -_\u00a0")


def canonical_choice(raw: str, choices: tuple[str, ...]) -> str | None:
    """The canonical value of ``raw`` among ``choices`` (itself, any case, or a Thai or
    English spelling from :data:`CHOICE_ALIASES`), or ``None`` if it is none of them."""
    if raw in choices:
        return raw
    wanted = _fold(raw)
    for choice in choices:
        if wanted == _fold(choice) or any(wanted == _fold(a)
                                           for a in CHOICE_ALIASES.get(choice, ())):
            return choice
    return None
