"""Issue 28 (programme.md facts 10-11): an assessment may carry the edition of the criteria
it was scored on (B.E. 2560 or 2565), as optional data, shown with the level; never guessed.
"""

from __future__ import annotations

import pytest

from ecotown import stewardship
from ecotown.analysis.scorecard import criteria_of, level_history
from ecotown.model.validate import DatasetError
from ecotown.present.tables import criteria_text, display_history
from ecotown.store import load_dataset

HEADER = "area_id,year,level,basis,source,note,criteria\n"


def _import(rows: str, name: str = "editions"):
    upload = stewardship.Upload.from_bytes("assessments.csv", (HEADER + rows).encode())
    return stewardship.import_files([upload], name, "test", base="public")


def test_an_edition_loads_and_shows_with_the_level(data_dir):
    _import("P1-05,2567,4,stated,https://www.diw.go.th/webdiw/?p=36855,,2565\n"
            "P1-10,2567,4,stated,https://www.diw.go.th/webdiw/?p=36855,,\n")
    data = load_dataset("editions")
    assert criteria_of(data, "P1-05", 2024) == "2565"
    assert criteria_of(data, "P1-10", 2024) == ""  # not stated: never guessed
    history = display_history(level_history(data, "P1-05"), data, "th")
    assert history["เกณฑ์ที่ใช้ประเมิน"].tolist()[-1] == "เกณฑ์ฉบับ พ.ศ. 2565"
    assert criteria_text("", "en") == "not stated"
    assert criteria_text("2560", "en") == "2017 (B.E. 2560) criteria"


def test_an_unknown_edition_is_refused_naming_file_row_column_and_value(data_dir):
    with pytest.raises(DatasetError) as caught:
        _import("P1-05,2567,4,stated,https://www.diw.go.th/,,2570\n", "bad")
    message = " ".join(caught.value.messages("en"))
    assert "assessments.csv" in message and "criteria" in message and "2570" in message


def test_the_shipped_public_record_states_no_edition(public):
    assert (public.assessments.get("criteria", "").fillna("") == "").all()
