"""A dataset whose every free-text field carries hostile text: template syntax (Jinja),
Markdown, formula starters, control-adjacent characters, HTML and script payloads.

Used by the unit, AppTest and browser tests that check that data stays data everywhere:
in the map frames, labels, charts and every export. ``CANARY`` is what an evaluated
template payload would produce; it must never appear in any output.
"""

from __future__ import annotations

import json

from ecotown import store
from ecotown.model.dataset import read_tables
from ecotown.model.schema import TABLES
from ecotown.stewardship.templates import table_csv
from ecotown.store import BUILTIN

CANARY = "ssticanary"
PAYLOADS = (
    '{{ "ssti" ~ "canary" }}',
    '{% set x = "ssti" ~ "canary" %}{{ x }}',
    "{{ cycler.__init__.__globals__.os.getpid() }}",
    "Zone {#1",
    '{{ "',
    "{% if",
    "![img](https://evil.example/i.png)",
    "[link](https://evil.example/) **bold** _it_ `code` :red[x]",
    "ends with a backslash\\",
    "\ufeff=1+1",
    '\u200b=HYPERLINK("https://evil.example")',
    "<img src=x onerror=alert(1)>",
    "'\"</script><script>alert(2)</script>",
    "${7*7} $x^2$ \\(y\\)",
    "{{{{ }}}} {%% %%} {## ##}",
)
# free-text columns: strings without a pattern, choices or id role
_SKIP = {"area_id", "indicator_id", "dimension_id", "aspect_id", "figure_id", "as_of",
         "sources", "source"}


def text_columns():
    """``(table, column)`` of every free-text column of the schema."""
    for tbl in TABLES:
        for col in tbl.columns:
            if col.kind == "str" and col.choices is None and col.pattern is None \
                    and col.name not in _SKIP:
                yield tbl, col


def hostile_frames(base: str = "demo", name: str = "hostile") -> tuple[dict, dict]:
    """The tables of ``base`` with every free-text cell replaced by a payload (cycling)."""
    meta, frames, problems = read_tables(BUILTIN[base])
    _, public, public_problems = read_tables(BUILTIN["public"])
    assert not problems and not public_problems
    if frames["programme_figures"].empty:  # the demo has none: take the public record's
        frames["programme_figures"] = public["programme_figures"]
    for count, (tbl, col) in enumerate(text_columns()):
        frame = frames[tbl.kind]
        # the row index suffix keeps names apart (level names stay one per level)
        frame[col.name] = [PAYLOADS[(count + index) % len(PAYLOADS)] + f" {index}"
                           for index in range(len(frame))]
    for frame in frames.values():
        if "source" in frame.columns:  # a source may hold text besides its URLs
            frame["source"] = [f"{s} {PAYLOADS[i % len(PAYLOADS)]}"
                               for i, s in enumerate(frame["source"])]
    frames["areas"]["sources"] = [f"{s} javascript:alert(3) {PAYLOADS[i % len(PAYLOADS)]}"
                                  for i, s in enumerate(frames["areas"]["sources"])]
    meta = {**meta, "id": name, "synthetic": True, "title_th": PAYLOADS[0], "title_en": PAYLOADS[6]}
    return meta, frames


def hostile_files(base: str = "demo", name: str = "hostile") -> dict[str, bytes]:
    """The hostile dataset as the files of a store version."""
    meta, frames = hostile_frames(base, name)
    files = {tbl.filename: table_csv(frames[tbl.kind], tbl.kind)
             for tbl in TABLES}
    files["dataset.json"] = json.dumps(meta, ensure_ascii=False).encode("utf-8")
    return files


def commit_hostile(name: str = "hostile", base: str = "demo") -> str:
    """Publish the hostile dataset as ``name`` in the current data directory."""
    with store.locked():
        return store.commit_version(name, hostile_files(base, name),
                                    {"steward": "test", "action": "import"})
