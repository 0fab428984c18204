"""AppTest for the data page: read-only without a token, wrong tokens refused and slowed,
the right one opens upload, preview, import and restore; an imported dataset opens on the map."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from ecotown import stewardship, store
from ecotown.stewardship import access

APP = str(Path(__file__).resolve().parents[2] / "app.py")
TOKEN = "correct-horse-battery"
URL = "https://www.diw.go.th/"
GOOD = f"area_id,year,level,basis,source,note\nP1-05,2024,4,stated,{URL},<b>note</b>\n"


@pytest.fixture(autouse=True)
def steward_setup(data_dir, monkeypatch):
    """A fresh data directory, no token, a fresh throttle on a frozen clock."""
    monkeypatch.delenv(access.TOKEN_ENV, raising=False)
    monkeypatch.setattr(access, "THROTTLE", access.Throttle(clock=lambda: 100.0))
    monkeypatch.setattr(access, "GLOBAL_RATE", access.GlobalRate(per_second=1000, burst=1000))
    st.cache_data.clear()
    return data_dir


def open_page(**params: str) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        app.query_params[key] = value
    app.switch_page("pages/data.py")
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def sign_in(app: AppTest, token: str) -> AppTest:
    app.text_input(key="w_token").input(token)
    app.button(key="w_sign_in").click().run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def test_read_only_without_token(data_dir):
    """Without a configured token: datasets, versions, log and templates show; imports are
    disabled with a message saying how to enable them; nothing is written."""
    stewardship.import_files([stewardship.Upload.from_bytes("a.csv", GOOD.encode())], "official",
                          "Ann")
    before = sorted(p.name for p in data_dir.rglob("*"))
    app = open_page(lang="en")
    names = list(app.dataframe[0].value["Dataset"])
    assert names == ["public", "demo", "official"]
    assert "0001" in app.dataframe[1].value["Version"].iloc[0]
    assert list(app.dataframe[2].value["Steward"]) == ["Ann"]
    assert any("ECOTOWN_ADMIN_TOKEN" in i.value for i in app.info)
    assert not app.get("file_uploader") and not [w for w in app.text_input if w.key == "w_token"]
    assert len(app.get("download_button")) == 2 * len(stewardship.KINDS)
    assert sorted(p.name for p in data_dir.rglob("*")) == before


def test_wrong_token_is_refused_then_slowed(data_dir, monkeypatch):
    """A wrong token shows an error and no upload; a quick second try is throttled even
    with the right token."""
    monkeypatch.setenv(access.TOKEN_ENV, TOKEN)
    app = sign_in(open_page(lang="en"), "not-the-token")
    assert [e.value for e in app.error] == ["Wrong token"]
    assert not app.get("file_uploader")
    app = sign_in(app, TOKEN)
    assert any("wait" in w.value for w in app.warning)
    assert not app.get("file_uploader")


def test_upload_previews_at_once_under_a_default_name_with_titles(data_dir, monkeypatch):
    """No name typed: the preview shows on upload, named after the file; the Thai and
    English titles given are the dataset's titles in the selector after the import."""
    monkeypatch.setenv(access.TOKEN_ENV, TOKEN)
    app = sign_in(open_page(lang="en"), TOKEN)
    app.text_input(key="w_steward").input("Ann")
    app.get("file_uploader")[0].set_value([("Results 2024.csv", GOOD.encode(), "text/csv")])
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert any("results-2024" in c.value.replace("\\", "") for c in app.caption)
    assert any("Added" in d.value.columns for d in app.dataframe)
    app.text_input(key="w_title_th").input("ผลการประเมิน ปี 2567")
    app.text_input(key="w_title_en").input("Assessment results 2024")
    app.run()
    app.button(key="w_confirm").click().run()
    assert not app.exception, [e.value for e in app.exception]
    assert store.latest_version("results-2024") == "0001"
    dataset = store.load_dataset("results-2024")
    assert dataset.title("th") == "ผลการประเมิน ปี 2567"
    assert dataset.title("en") == "Assessment results 2024"


def test_right_token_uploads_previews_imports_and_restores(data_dir, monkeypatch):
    """Signed in: upload a file, see the preview, confirm, see the version; restore it."""
    monkeypatch.setenv(access.TOKEN_ENV, TOKEN)
    app = sign_in(open_page(lang="en"), TOKEN)
    assert app.get("file_uploader")
    app.text_input(key="w_steward").input("Ann")
    app.text_input(key="w_new_name").input("official")
    app.get("file_uploader")[0].set_value([("../../x/assessments.csv", GOOD.encode(),
                                            "text/csv")])
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert not data_dir.exists()  # the preview writes nothing
    changes = next(d.value for d in app.dataframe if "Added" in d.value.columns)
    assert changes.set_index("Table").loc["Level assessments", "Added"] == 1
    app.button(key="w_confirm").click().run()
    assert not app.exception, [e.value for e in app.exception]
    assert any("version 0001" in s.value for s in app.success)
    assert store.latest_version("official") == "0001"
    entry = store.read_audit()[0]
    assert (entry["steward"], entry["files"][0]["name"]) == ("Ann", "assessments.csv")

    app.get("file_uploader")[0].set_value([("more.csv", GOOD.replace("2024", "2025").encode(),
                                            "text/csv")])
    app.selectbox(key="w_target").select("official")
    app.run()
    app.button(key="w_confirm").click().run()
    assert store.latest_version("official") == "0002"
    app.selectbox(key="w_restore_version_official_1").select("0001")
    app.button(key="w_restore").click().run()
    assert not app.exception, [e.value for e in app.exception]
    assert any("0003" in s.value and "0001" in s.value for s in app.success)
    assert store.latest_version("official") == "0003"


def test_every_problem_is_a_row_of_the_table(data_dir, monkeypatch):
    """A bad upload shows every problem with file, sheet, row, column, value and message,
    in Thai; no confirm button."""
    monkeypatch.setenv(access.TOKEN_ENV, TOKEN)
    app = sign_in(open_page(), TOKEN)
    # issue 29: Streamlit's uploader words in Thai too (its button and size line)
    assert any("อัปโหลด" in h.proto.body and "ไฟล์ละไม่เกิน 20 MB" in h.proto.body
               for h in app.get("html"))
    app.text_input(key="w_new_name").input("official")
    bad = (Path(__file__).resolve().parents[1] / "data_bad" / "many_problems.csv").read_bytes()
    app.get("file_uploader")[0].set_value([("many_problems.csv", bad, "text/csv")])
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    table = next(d.value for d in app.dataframe if "ปัญหา" in d.value.columns)
    assert list(table.columns) == ["ไฟล์", "แผ่นงาน", "แถว", "คอลัมน์", "ค่า", "ปัญหา"]
    assert len(table) == 6 and set(table["แถว"]) == {"3", "4"}
    assert "ปี พ.ศ. 2599 อยู่นอกช่วงของโครงการ" in " ".join(table["ปัญหา"])
    assert not [b for b in app.button if b.key == "w_confirm"]
    assert not data_dir.exists()


def test_bad_new_name_is_explained(data_dir, monkeypatch):
    monkeypatch.setenv(access.TOKEN_ENV, TOKEN)
    app = sign_in(open_page(lang="en"), TOKEN)
    app.text_input(key="w_new_name").input("../etc")
    app.run()
    assert any("not a valid dataset name" in m.value.replace("\\", "") for m in app.markdown)


def test_imported_dataset_opens_on_the_map(data_dir):
    """An imported dataset is a first-class choice: ?dataset=official shows its areas."""
    stewardship.import_files([stewardship.Upload.from_bytes("a.csv", GOOD.encode())], "official",
                          "Ann")
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params["dataset"] = "official"
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert not app.toast, [t.value for t in app.toast]
    # a partial record: the programme's published totals lead, the record's own 32 beside
    assert next(m.value for m in app.metric if m.label == "พื้นที่ (เผยแพร่)") == "54"
    assert any("ระบุชื่อ 32 จาก 54" in h.proto.body for h in app.html)
    app.query_params["area"] = "P1-05"
    app.switch_page("pages/area.py")
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert "พ.ศ. 2567" in " ".join(str(d.value) for d in app.dataframe)


def test_signed_in_session_is_signed_out_when_the_token_is_rotated(data_dir, monkeypatch):
    """Rotating the token ends every signed-in session: the form asks again, with a note."""
    monkeypatch.setenv(access.TOKEN_ENV, TOKEN)
    app = sign_in(open_page(lang="en"), TOKEN)
    assert any("Signed in" in s.value or "signed in" in s.value.lower() for s in app.success)
    monkeypatch.setenv(access.TOKEN_ENV, TOKEN + "-rotated")
    app.run()
    assert not app.exception
    assert [w for w in app.text_input if w.key == "w_token"]
    assert any("changed" in w.value for w in app.warning)
    assert not [b for b in app.button if b.key == "w_confirm"]


def test_wrong_tokens_behind_one_address_do_not_lock_out_another_session(data_dir, monkeypatch):
    """Sessions share an address (localhost here); one session's failures never block another."""
    monkeypatch.setenv(access.TOKEN_ENV, TOKEN)
    monkeypatch.setattr(access, "GLOBAL_RATE", access.GlobalRate(clock=lambda: 100.0))
    attacker = open_page(lang="en")
    for _ in range(3):
        sign_in(attacker, "wrong-token-000")
    steward = sign_in(open_page(lang="en"), TOKEN)
    assert not [w for w in steward.text_input if w.key == "w_token"]
