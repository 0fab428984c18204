"""Fiscal years as DIW prints them and as the atlas stores them.

Assessments and certificates are given per Thai government fiscal year (ปีงบประมาณ): 1 October
to 30 September, named by the year in which it ends. The atlas stores the C.E. year
(fiscal year 2025 = ปีงบประมาณ พ.ศ. 2568 = Oct 2024–Sep 2025). A person may type either
form; the two ranges cannot overlap (C.E. 2010–2037 is B.E. 2553–2580), so the stored value
is never ambiguous.
"""

from __future__ import annotations

import re
from datetime import date

__all__ = ["BE_OFFSET", "YEAR_MAX", "YEAR_MIN", "fiscal_year_of", "parse_year"]

BE_OFFSET = 543
YEAR_MIN = 2010
YEAR_MAX = 2037  # the programme's target year, B.E. 2580
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
# what may stand before the number: "พ.ศ.", "ปีงบประมาณ", "ปีงบ", "FY", "B.E.", "C.E.", "ค.ศ."
_YEAR = re.compile(
    r"^(?P<prefix>ปีงบประมาณ|ปีงบฯ?|ปี|fy|b\.?\s?e\.?|c\.?\s?e\.?|พ\.?\s?ศ\.?|ค\.?\s?ศ\.?)?"
    r"\s*(?P<prefix2>พ\.?\s?ศ\.?|ค\.?\s?ศ\.?)?\s*(?P<number>[0-9]{4})$", re.IGNORECASE)


def parse_year(text: object) -> int | None:
    """The C.E. year a person meant by ``text`` (``2568``, ``พ.ศ. ๒๕๖๘``, ``FY2025``,
    ``2025``), or ``None`` if it is not a year of the programme's span in either era.

    A number in B.E. 2553–2580 is B.E.; one in C.E. 2010–2037 is C.E. A prefix that names
    the era must agree with the number (``B.E. 2025`` is refused).
    """
    raw = str(text).strip().translate(_THAI_DIGITS)
    match = _YEAR.fullmatch(raw)
    if match is None:
        return None
    number = int(match.group("number"))
    prefix = " ".join(p for p in (match.group("prefix"), match.group("prefix2")) if p).lower()
    says_be = bool(re.search(r"พ|b", prefix))
    says_ce = bool(re.search(r"ค|c|fy", prefix))
    if YEAR_MIN + BE_OFFSET <= number <= YEAR_MAX + BE_OFFSET and not says_ce:
        return number - BE_OFFSET
    if YEAR_MIN <= number <= YEAR_MAX and not says_be:
        return number
    return None


def fiscal_year_of(day: date | str) -> int:
    """The fiscal year (C.E.) a date falls in: October to December belong to the next one."""
    if isinstance(day, str):
        parts = [int(p) for p in day.split("-")]
        year, month = parts[0], parts[1] if len(parts) > 1 else 1
    else:
        year, month = day.year, day.month
    return year + 1 if month >= 10 else year
