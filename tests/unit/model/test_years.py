"""Fiscal years typed as people type them, stored as C.E.; written as readers expect."""

from __future__ import annotations

from datetime import date

import pytest

from ecotown.i18n.labels import fiscal_year_text, year_short
from ecotown.model.schema import table
from ecotown.model.years import fiscal_year_of, parse_year


@pytest.mark.parametrize(("typed", "stored"), [
    ("2568", 2025), ("2025", 2025), ("๒๕๖๘", 2025), ("พ.ศ. 2568", 2025), ("พ.ศ.2568", 2025),
    ("ปีงบประมาณ พ.ศ. 2568", 2025), ("ปีงบประมาณ 2568", 2025), ("B.E. 2568", 2025),
    ("FY2025", 2025), ("fy 2025", 2025), ("C.E. 2025", 2025), ("ค.ศ. 2025", 2025),
    ("2553", 2010), ("2580", 2037), ("2010", 2010), ("2037", 2037), (" 2566 ", 2023),
    # refused: outside both eras' spans, an era that contradicts the number, not a year
    ("2581", None), ("2552", None), ("2038", None), ("2009", None), ("B.E. 2025", None),
    ("FY2568", None), ("C.E. 2568", None), ("2_025", None), ("20 25", None), ("25", None),
    ("", None), ("2025.0", None), ("٢٠٢٥", None),
])
def test_parse_year(typed, stored):
    assert parse_year(typed) == stored


@pytest.mark.parametrize(("day", "fiscal"), [
    (date(2024, 9, 30), 2024), (date(2024, 10, 1), 2025), (date(2025, 9, 30), 2025),
    ("2022-08-24", 2022), ("2019-09-24", 2019), ("2023-05-30", 2023), ("2021-12", 2022),
    ("2026", 2026),
])
def test_fiscal_year_of_a_date(day, fiscal):
    """Fiscal year 2568 = 1 Oct 2024 – 30 Sep 2025 (programme.md, "Years")."""
    assert fiscal_year_of(day) == fiscal


@pytest.mark.parametrize(("year", "lang", "long", "short"), [
    (2025, "th", "ปีงบประมาณ พ.ศ. 2568", "2568"),
    (2025, "en", "FY2025 (Oct 2024–Sep 2025)", "2025"),
    (2010, "en", "FY2010 (Oct 2009–Sep 2010)", "2010"),
    (None, "th", "–", "–"),
])
def test_fiscal_year_text(year, lang, long, short):
    assert fiscal_year_text(year, lang) == long and year_short(year, lang) == short


def test_the_schema_says_what_year_means():
    """Every year column is a fiscal year, typed B.E. or C.E., stored C.E."""
    for kind, name in (("assessments", "year"), ("indicator_values", "year"),
                       ("areas", "joined_year"), ("programme_figures", "year"),
                       ("events", "year")):
        col = table(kind).column(name)
        assert col.kind == "year"
        assert "fiscal year" in col.doc_en and "ปีงบประมาณ" in col.doc_th, (kind, name)
