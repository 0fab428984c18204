"""What a new import is called: a default name from its files, and its Thai/English title."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import PurePath

from ecotown.model.text import CONTROL
from ecotown.stewardship.merging import Preview

__all__ = ["MAX_TITLE", "default_name", "set_titles"]

MAX_TITLE = 120
_NAME_MAX = 31


def default_name(filenames: Iterable[str], existing: Iterable[str]) -> str:
    """A valid, unused dataset name from the first file's name (``ผลประเมิน 2567.xlsx``
    becomes ``import-2567``, ``Results_2024.csv`` becomes ``results-2024``); the steward can
    change it before importing. Never a built-in or an existing name."""
    taken = set(existing) | {"public", "demo"}
    stem = ""
    for filename in filenames:
        stem = re.sub(r"[^a-z0-9]+", "-", PurePath(str(filename)).stem.lower()).strip("-")
        break
    if not stem or not stem[0].isalpha():
        stem = f"import-{stem}" if stem else "import"
    stem = stem[:_NAME_MAX - 3].strip("-") or "import"
    if len(stem) < 2:
        stem = "import"
    name, number = stem, 2
    while name in taken:
        name = f"{stem}-{number}"
        number += 1
    return name


def set_titles(plan: Preview, title_th: str = "", title_en: str = "") -> Preview:
    """Give the import's dataset a Thai and an English title (shown in the dataset
    selector and on every page); control characters become spaces, at most 120
    characters; an empty title keeps the one the dataset has (or its name)."""
    for lang, value in (("th", title_th), ("en", title_en)):
        clean = " ".join(CONTROL.sub(" ", str(value or "")).split())[:MAX_TITLE]
        if clean:
            plan.meta[f"title_{lang}"] = clean
    return plan
