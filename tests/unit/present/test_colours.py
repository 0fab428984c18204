"""The shared palettes tell their classes apart, also for readers with a colour-vision
deficiency (issue 29: level 4 navy and level 5 purple looked alike). CIEDE2000 distances
(tests/colour_vision.py); about 2 is just noticeable, 10 and more clearly different."""

from __future__ import annotations

from itertools import combinations

import pytest

from ecotown.present.style import CHANGE_COLOURS, COMPARE_COLOURS, LEVEL_COLOURS, PHASE_COLOURS
from tests.colour_vision import MACHADO, delta_e, simulate

SIGHT = [None, *MACHADO]


def _seen(colour: str, deficiency: str | None) -> str:
    return colour if deficiency is None else simulate(colour, deficiency)


@pytest.mark.parametrize("deficiency", SIGHT)
def test_every_two_levels_are_clearly_different(deficiency):
    least = 20 if deficiency is None else 13
    for one, two in combinations(sorted(LEVEL_COLOURS), 2):
        distance = delta_e(_seen(LEVEL_COLOURS[one], deficiency),
                           _seen(LEVEL_COLOURS[two], deficiency))
        assert distance >= least, (deficiency, one, two, round(distance, 1))


@pytest.mark.parametrize("deficiency", SIGHT)
def test_level_4_and_level_5_are_far_apart(deficiency):
    """The two highest levels, the programme's goal, carry the most weight on the map."""
    least = 30 if deficiency is None else 18
    distance = delta_e(_seen(LEVEL_COLOURS[4], deficiency), _seen(LEVEL_COLOURS[5], deficiency))
    assert distance >= least, (deficiency, round(distance, 1))


@pytest.mark.parametrize(("name", "palette", "least"), [
    ("phases", PHASE_COLOURS, 15), ("compared areas", dict(enumerate(COMPARE_COLOURS)), 10),
    ("change", {k: v for k, v in CHANGE_COLOURS.items() if k != "unknown"}, 10)])
def test_other_palettes_keep_their_classes_apart_in_normal_vision(name, palette, least):
    for one, two in combinations(palette, 2):
        distance = delta_e(palette[one], palette[two])
        assert distance >= least, (name, one, two, round(distance, 1))


def test_the_measure_itself():
    """Known values: identical colours 0; black and white 100; pure red and green ~86.6."""
    assert delta_e("#123456", "#123456") == pytest.approx(0, abs=1e-9)
    assert delta_e("#000000", "#ffffff") == pytest.approx(100, abs=0.1)
    assert delta_e("#ff0000", "#00ff00") == pytest.approx(86.6, abs=0.2)
    assert simulate("#ffffff", "deuteranopia") == "#ffffff"


def test_the_change_views_classes_and_its_greys_are_apart():
    """Issue 28: "unchanged" was a grey hard to tell from "no area"; "new in the programme"
    a loud blue over 20 provinces. Every class of a change map, with the no-area and
    no-level greys, at least 15 apart; "new" lighter than any rise or fall."""
    from ecotown.present.style import NO_AREA_COLOUR, NO_LEVEL_COLOUR

    palette = {**{k: v for k, v in CHANGE_COLOURS.items() if k != "unknown"},
               "no area": NO_AREA_COLOUR, "no level": NO_LEVEL_COLOUR}
    for one, two in combinations(palette, 2):
        assert delta_e(palette[one], palette[two]) >= 15, (one, two)
    lightness = {k: sum(int(v[i:i + 2], 16) for i in (1, 3, 5)) for k, v in palette.items()}
    assert lightness["new"] > max(lightness[k] for k in ("up2", "down"))
