"""A process parses each dataset version once: kept by the digest of its files, handed to
every caller as its own copy; a dataset that fails to validate is never kept."""

from __future__ import annotations

import pandas as pd
import pytest

import ecotown.store as store
from ecotown.model.validate import DatasetError


@pytest.fixture
def counted(monkeypatch):
    calls: list[str] = []
    real = store.parse_dataset

    def parse(files, name):
        calls.append(name)
        return real(files, name)

    monkeypatch.setattr(store, "parse_dataset", parse)
    monkeypatch.setattr(store, "_PARSED", type(store._PARSED)())
    return calls


def test_the_same_files_are_parsed_once_and_each_caller_has_its_own_copy(counted):
    first, second = store.load_dataset("demo"), store.load_dataset("demo")
    assert counted == ["demo"]
    assert first is not second and first.areas is not second.areas
    pd.testing.assert_frame_equal(first.areas, second.areas)
    first.areas.loc[first.areas.index[0], "name_en"] = "changed by a caller"
    first.meta["title_en"] = "changed too"
    third = store.load_dataset("demo")
    assert third.areas["name_en"].iloc[0] != "changed by a caller"
    assert third.meta.get("title_en") != "changed too"
    store.load_dataset("public")
    assert counted == ["demo", "public"]


def test_other_bytes_are_parsed_again_and_a_bad_dataset_is_never_kept(counted):
    files = dict(store.read_files("demo"))
    store._parsed(files, "demo")
    files["areas.csv"] = files["areas.csv"].replace(b"Sikhio", b"Sikhio (renamed)")
    assert "Sikhio (renamed)" in " ".join(store._parsed(files, "demo").areas["name_en"])
    assert counted == ["demo", "demo"]
    broken = {**files, "areas.csv": b"area_id\nP1-01\n"}
    for _ in range(2):
        with pytest.raises(DatasetError):
            store._parsed(broken, "demo")
    assert counted == ["demo", "demo", "demo", "demo"]
    assert len(store._PARSED) == 2
