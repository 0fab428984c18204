"""Labels exist in both languages; colours and class labels are defined once and sane."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from ecotown.i18n.labels import TEXT, pick, t
from ecotown.present.style import (
    LEVEL_COLOURS,
    NO_AREA_COLOUR,
    NO_LEVEL_COLOUR,
    PHASE_COLOURS,
    count_class,
    level_label,
    text_colour,
)


@pytest.mark.parametrize("key", sorted(TEXT))
def test_every_label_in_thai_and_english_with_same_fields(key):
    """Each text has Thai and English, using the same {fields}."""
    entry = TEXT[key]
    assert entry["th"] and entry["en"]
    assert set(re.findall(r"{(\w+)}", entry["th"])) == set(re.findall(r"{(\w+)}", entry["en"]))


def test_unknown_language_falls_back_to_thai():
    assert t("areas", "xx") == TEXT["areas"]["th"]


def test_pick_falls_back_to_the_other_language():
    assert pick("ไทย", "", "en") == "ไทย" and pick("", "Eng", "th") == "Eng"


@pytest.mark.parametrize(("count", "key"), [(0, "0"), (1, "1"), (2, "2"), (3, "3+"), (9, "3+")])
def test_count_classes(count, key):
    assert count_class(count)[0] == key


def test_colours_are_distinct():
    colours = [*LEVEL_COLOURS.values(), *PHASE_COLOURS.values(), NO_AREA_COLOUR, NO_LEVEL_COLOUR]
    assert len(set(colours)) == len(colours) == 10


def test_level_label_uses_data_and_never_invents_level_five(public):
    assert level_label(4, public.levels, "en") == "Level 4 Symbiosis"
    assert level_label(4, public.levels, "th") == "ระดับที่ 4 การพึ่งพาอาศัย"
    assert level_label(5, public.levels, "en") == "Level 5"
    assert level_label(5, public.levels, "th") == "ระดับที่ 5"
    assert level_label(pd.NA, public.levels, "en") == "No published level"


@pytest.mark.parametrize(("bg", "fg"), [("#fde725", "#000000"), ("#440154", "#ffffff")])
def test_text_colour_contrast(bg, fg):
    assert text_colour(bg) == fg


def test_vocabulary_is_defined_once():
    """Levels, phases, the no-level key and colour modes come from model.vocabulary only."""
    import re
    from pathlib import Path

    from ecotown.model import vocabulary

    assert vocabulary.LEVEL_KEYS == ("1", "2", "3", "4", "5", "none")
    root = Path(__file__).resolve().parents[3] / "ecotown"
    pattern = re.compile(r'^(NO_LEVEL|COLOR_MODES|LEVEL_KEYS|PHASES|LEVELS) = ', re.M)
    defined = [str(p.relative_to(root)) for p in root.rglob("*.py")
               if pattern.search(p.read_text(encoding="utf-8"))]
    assert defined == ["model/vocabulary.py"]
