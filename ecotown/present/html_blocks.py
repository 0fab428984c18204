"""Small HTML blocks drawn by us (legend, KPI chips); every data string escaped."""

from __future__ import annotations

from ecotown.present.legend import LegendEntry
from ecotown.present.safe_html import esc
from ecotown.present.style import text_colour

__all__ = ["chips_html", "legend_html"]


def _swatch(entry: LegendEntry, round_: bool) -> str:
    border = entry.outline or "#888888"
    style = "dashed" if entry.dashed else "solid"
    radius = "50%" if round_ else "3px"
    return (f'<span style="display:inline-block;width:14px;height:14px;flex:none;'
            f'background:{esc(entry.colour)};border:{3 if entry.outline else 1}px {style} '
            f'{esc(border)};border-radius:{radius};margin-right:6px"></span>')


def legend_html(title: str, entries: list[LegendEntry], round_: bool = False,
                test_id: str = "legend") -> str:
    """A legend: a title and one row per class with swatch, label and count."""
    rows = "".join(
        f'<div data-key="{esc(e.key)}" style="display:flex;align-items:center;margin:2px 0;'
        f'{"opacity:.45;" if e.count == 0 else ""}">'
        f'{_swatch(e, round_)}<span style="flex:1">{esc(e.label)}</span>'
        f'<span style="font-variant-numeric:tabular-nums;margin-left:8px"><b>{e.count}</b>'
        f'</span></div>'
        for e in entries)
    return (f'<div data-testid="{esc(test_id)}" style="font-size:0.85rem;line-height:1.3;'
            f'margin-bottom:10px"><div style="font-weight:600;margin-bottom:4px">{esc(title)}'
            f'</div>{rows}</div>')


def chips_html(entries: list[LegendEntry], test_id: str = "chips") -> str:
    """A row of coloured count chips (one per class), for the KPI strip."""
    chips = "".join(
        f'<span data-key="{esc(e.key)}" title="{esc(e.label)}" style="display:inline-block;'
        f'padding:2px 8px;margin:2px 4px 2px 0;border-radius:10px;font-size:0.8rem;'
        f'background:{esc(e.colour)};color:{text_colour(e.colour)};'
        f'border:1px solid {esc(e.outline or e.colour)}">{esc(e.label)}: <b>{e.count}</b></span>'
        for e in entries)
    return f'<div data-testid="{esc(test_id)}">{chips}</div>'
