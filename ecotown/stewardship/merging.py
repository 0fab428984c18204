"""Merging checked tables into the latest version of the target dataset (or its base) and
saying what would change, with every problem at once; nothing is written."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from ecotown import store
from ecotown.i18n.labels import t
from ecotown.model.dataset import REFERENCES, check_dataset, read_tables
from ecotown.model.schema import TABLES, Table
from ecotown.model.validate import DatasetError, check_table
from ecotown.stewardship.checking import CheckedTable, check_raw, kind_of
from ecotown.stewardship.reading import RawTable, read_files
from ecotown.stewardship.templates import format_cell
from ecotown.stewardship.uploads import (
    KINDS,
    MAX_PROBLEMS,
    Caps,
    ImportProblem,
    Upload,
    display_name,
    make_problem,
)

# --- preview ----------------------------------------------------------------------------

MAX_CELLS = 500  # changed cells kept per table for the preview; the rest are counted


@dataclass
class Change:
    """What an import changes in one table: keys added, changed, removed; unchanged rows."""

    kind: str
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    replaced_table: bool = False
    changed_columns: dict[str, list[str]] = field(default_factory=dict)
    # each changed cell (row key, column, old, new), the first MAX_CELLS of them
    cells: list[tuple[str, str, str, str]] = field(default_factory=list)
    cells_total: int = 0

    def counts(self) -> dict:
        """JSON-ready counts, for the audit log."""
        return {"added": len(self.added), "changed": len(self.changed),
                "removed": len(self.removed), "unchanged": self.unchanged,
                "replaced_table": self.replaced_table}


@dataclass
class Preview:
    """What an import would do: the tables read, every problem, and the changes."""

    dataset: str | None
    new: bool
    base: str
    base_version: str | None
    uploads: list[Upload]
    tables: list[dict]
    problems: list[ImportProblem]
    changes: dict[str, Change]
    notes: list[str] = field(default_factory=list)
    replace: tuple[str, ...] = ()
    meta: dict = field(default_factory=dict, repr=False)
    result: dict[str, pd.DataFrame] | None = field(default=None, repr=False)
    _raw: list[RawTable] = field(default_factory=list, repr=False)
    _read_problems: list[ImportProblem] = field(default_factory=list, repr=False)
    _kinds: dict[str, str] = field(default_factory=dict, repr=False)

    @property
    def ok(self) -> bool:
        """Whether the import can be committed (no problem at all)."""
        return not self.problems and self.result is not None

    @property
    def changed(self) -> bool:
        """Whether anything would change."""
        return any(c.added or c.changed or c.removed for c in self.changes.values())

    def summary(self) -> dict:
        """JSON-ready: per kind the counts, and the area ids added, changed and removed."""
        areas = self.changes.get("areas")
        return {
            "kinds": {kind: change.counts() for kind, change in self.changes.items()},
            "areas": {"added": areas.added[:100], "changed": areas.changed[:100],
                      "removed": areas.removed[:100]} if areas else {},
        }

    def rebuilt(self) -> Preview:
        """The same upload checked again against the dataset's latest version (for an import
        that lands after another one: the preview is redone on the new base)."""
        if self.dataset is None:
            raise TypeError("only a preview of a named dataset can be rebuilt")
        fresh = build_preview(self.dataset, self._raw, self._read_problems, None, self._kinds,
                              self.replace)
        fresh.uploads = self.uploads
        return fresh


def _check_kinds_arg(kinds: Mapping[str, str] | None) -> dict[str, str]:
    if kinds is None:
        return {}
    if not isinstance(kinds, Mapping):
        raise TypeError(f"'kinds' should map file names to kinds, got {type(kinds)}")
    chosen = {}
    for key, kind in kinds.items():
        chosen[display_name(key)] = str(kind)
        file, hash_, sheet = str(key).rpartition("#")
        if hash_ and file:  # "book.xlsx#areas": one sheet of a workbook
            chosen[f"{display_name(file)}#{sheet}"] = str(kind)
    return chosen


def _check_replace(replace: Iterable[str]) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(str(k) for k in replace))
    bad = [k for k in chosen if k not in KINDS]
    if bad:
        raise store.StoreError("d_bad_kind", bad[0], choices=", ".join(KINDS))
    return chosen


def preview(uploads: Sequence[Upload], dataset: str | None, *, base: str | None = None,
            kinds: Mapping[str, str] | None = None, replace: Iterable[str] = (),
            caps: Caps | None = None) -> Preview:
    """Check files against a dataset and say what importing them would change.

    Parameters
    ----------
    uploads
        The files.
    dataset
        The target dataset's name (new or imported; see :func:`ecotown.store.check_name`);
        ``None`` only validates against ``base`` (such a preview cannot be committed).
    base
        For a new dataset, the dataset it starts from (``public`` by default); ignored,
        with a note, for an existing one.
    kinds
        Kinds chosen by the steward, by file name or ``file#sheet``; other tables are
        recognised from their columns.
    replace
        Kinds whose imported table replaces the whole table instead of merging by key.
    caps
        Reading limits (:class:`Caps`; ``Caps.from_env()`` by default).

    Raises
    ------
    StoreError
        For a bad dataset name, an unknown base or kind.
    """
    raws, problems = read_files(list(uploads), caps)
    return preview_tables(raws, problems, dataset, uploads=uploads, base=base, kinds=kinds,
                          replace=replace)


def preview_tables(raws: Sequence[RawTable], read_problems: Sequence[ImportProblem],
                   dataset: str | None, *, uploads: Sequence[Upload] = (),
                   base: str | None = None, kinds: Mapping[str, str] | None = None,
                   replace: Iterable[str] = ()) -> Preview:
    """:func:`preview` for tables already read with :func:`read_files` (the page reads
    the uploads once and previews again whenever the steward changes a choice)."""
    name = None if dataset is None else store.check_name(dataset)
    chosen = _check_kinds_arg(kinds)
    replace = _check_replace(replace)
    raws, problems = list(raws), list(read_problems)
    known = {r.key for r in raws} | {r.file for r in raws} | {u.name for u in uploads}
    for key in chosen:
        file, hash_, _ = key.rpartition("#")
        if key not in known and not (hash_ and file in known):
            problems.append(make_problem("", "", "d_kind_for_unknown_file", value=key))
    result = build_preview(name, raws, problems, base, chosen, replace)
    result.uploads = list(uploads)
    return result


def _base_for(name: str | None, base: str | None
              ) -> tuple[str, str | None, dict[str, bytes], list[str]]:
    """(label, version, files, notes) of what the import is compared with."""
    latest = None if name is None else store.latest_version(name)
    if latest is not None:
        notes = ["d_base_ignored"] if base not in (None, "", name) else []
        return f"{name} v{latest}", latest, store.read_files(name, latest), notes
    base = base or "public"
    names = store.dataset_names()
    if base not in names:
        raise store.StoreError("d_unknown_base", base, choices=", ".join(names))
    base_version = store.dataset_version(base)
    label = f"{base} v{base_version}" if base_version else base
    return label, None, store.read_files(base), []


def _keys(frame: pd.DataFrame, tbl: Table) -> list[tuple[str, ...]]:
    columns = [frame[k].tolist() for k in tbl.key]
    key_cols = [tbl.column(k) for k in tbl.key]
    return [tuple(format_cell(v, c) for v, c in zip(cells, key_cols, strict=True))
            for cells in zip(*columns, strict=True)]


def _signatures(frame: pd.DataFrame, tbl: Table) -> list[tuple[str, ...]]:
    columns = [frame[c].tolist() for c in tbl.column_names]
    return [tuple(format_cell(v, c) for v, c in zip(cells, tbl.columns, strict=True))
            for cells in zip(*columns, strict=True)]


def _keep_stored_optional(base: pd.DataFrame, new: pd.DataFrame, tbl: Table,
                          base_at: dict, new_keys: list) -> pd.DataFrame:
    """An empty cell of an optional column (``note_th``) keeps the stored value of its row."""
    if not tbl.optional_columns or base.empty or new.empty:
        return new
    new = new.copy()
    for column in tbl.optional_columns:
        stored = base[column].tolist()
        cells = new[column].tolist()
        for j, key in enumerate(new_keys):
            i = base_at.get(key)
            if i is not None and _blank(cells[j]) and not _blank(stored[i]):
                cells[j] = stored[i]
        new[column] = pd.Series(cells, index=new.index, dtype=new[column].dtype)
    return new


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value) or str(value) == ""


def _merge(base: pd.DataFrame, new: pd.DataFrame, tbl: Table, replace: bool
           ) -> tuple[pd.DataFrame, Change]:
    change = Change(tbl.kind, replaced_table=replace)
    base_keys, new_keys = _keys(base, tbl), _keys(new, tbl)
    base_at = {k: i for i, k in enumerate(base_keys)}
    new = _keep_stored_optional(base, new, tbl, base_at, new_keys)
    base_sigs, new_sigs = _signatures(base, tbl), _signatures(new, tbl)
    new_keyset = set(new_keys)
    for key, sig in zip(new_keys, new_sigs, strict=True):
        shown = "/".join(key)
        if key not in base_at:
            change.added.append(shown)
        elif base_sigs[base_at[key]] != sig:
            change.changed.append(shown)
            old = base_sigs[base_at[key]]
            differ = [(c, a, b) for c, a, b in zip(tbl.column_names, old, sig, strict=True)
                      if a != b]
            change.changed_columns[shown] = [c for c, _, _ in differ]
            change.cells_total += len(differ)
            room = MAX_CELLS - len(change.cells)
            change.cells += [(shown, c, a, b) for c, a, b in differ[:max(room, 0)]]
        else:
            change.unchanged += 1
    if replace:
        change.removed = ["/".join(k) for k in base_keys if k not in new_keyset]
        return new.reset_index(drop=True), change
    change.unchanged += sum(1 for k in base_keys if k not in new_keyset)
    kept_at = [i for i, k in enumerate(base_keys) if k not in new_keyset]
    kept = base.iloc[kept_at].copy()
    kept["_order"] = kept_at
    added = new.copy()
    added["_order"] = [base_at.get(k, len(base_keys) + j) for j, k in enumerate(new_keys)]
    pieces = [p for p in (kept, added) if not p.empty]
    if not pieces:
        return base.iloc[0:0].copy(), change
    merged = pd.concat(pieces, ignore_index=True) if len(pieces) > 1 else pieces[0]
    merged = merged.sort_values("_order", kind="stable").drop(columns="_order")
    for col in tbl.columns:  # concat may widen a dtype when one side is empty
        merged[col.name] = merged[col.name].astype(base[col.name].dtype)
    return merged.reset_index(drop=True), change


def build_preview(name: str | None, raws: list[RawTable], read_problems: list[ImportProblem],
           base: str | None, kinds: dict[str, str], replace: tuple[str, ...]) -> Preview:
    problems: list[ImportProblem] = list(read_problems)
    checked: list[CheckedTable] = []
    sources: dict[str, tuple[str, str]] = {}
    for index, raw in enumerate(raws):
        problems += raw.problems
        kind, problem = kind_of(raw, kinds)
        if problem is not None:
            problems.append(problem)
            continue
        source = f"#upload-{index}"
        sources[source] = (raw.file, raw.sheet)
        one, found = check_raw(raw, kind, source)
        checked.append(one)
        problems += found
    label, version, base_files, notes = _base_for(name, base)
    meta, base_frames, base_problems = read_tables(base_files)
    if base_problems:
        raise DatasetError(base_problems)
    tables = [{"file": c.raw.file, "sheet": c.raw.sheet, "kind": c.kind,
               "rows": len(c.raw.rows), "encoding": c.raw.encoding} for c in checked]
    frames: dict[str, pd.DataFrame] = {}
    changes: dict[str, Change] = {}
    claimed: dict[str, set[str]] = {"area_id": set(), "indicator_id": set(),
                                     "dimension_id": set()}
    for tbl in TABLES:
        based = base_frames[tbl.kind].copy()
        based["_file"] = f"{tbl.filename} ({label})"
        mine = [c for c in checked if c.kind == tbl.kind]
        for c in mine:
            id_column = tbl.key[0] if tbl.key and tbl.key[0] in claimed else None
            if id_column and id_column in c.raw.header and len(tbl.key) == 1:
                position = c.raw.header.index(id_column)
                claimed[id_column] |= {row[position].strip() for row in c.raw.rows}
        if not mine:
            if tbl.kind in replace:
                problems.append(make_problem("", "", "d_replace_without_file", value=tbl.kind))
            frames[tbl.kind] = based
            continue
        new, duplicate_problems = _combine(mine, tbl, sources)
        problems += duplicate_problems
        frames[tbl.kind], changes[tbl.kind] = _merge(based, new, tbl, tbl.kind in replace)
    for problem in check_dataset(frames, extra_ids=claimed):
        file, sheet = sources.get(problem.file, (problem.file, ""))
        problems.append(ImportProblem(file, problem.code, problem.row, problem.column,
                                      problem.value, problem.params, sheet))
    problems += _rejected_row_references(checked, frames, claimed, problems)
    rank = {raw.file: i for i, raw in reversed(list(enumerate(raws)))}
    problems.sort(key=lambda p: (rank.get(p.file, len(rank)), p.sheet, p.row or 0))
    problems = cap_problems(problems)
    new_meta = _meta(name, meta, frames, label)
    result = None if problems else frames
    return Preview(name, version is None, label, version, [], tables, problems, changes, notes,
                   replace, new_meta, result, raws, list(read_problems), dict(kinds))


def cap_problems(problems: Sequence[ImportProblem], limit: int = MAX_PROBLEMS
                 ) -> list[ImportProblem]:
    """The first ``limit`` problems, then one count per file, sheet and column of the rest.

    200,000 bad rows would otherwise print over a million messages; the counts keep every
    column's trouble visible in a list a person can read.
    """
    problems = list(problems)
    if len(problems) <= limit:
        return problems
    rest: dict[tuple[str, str, str | None], int] = {}
    for problem in problems[limit:]:
        where = (problem.file, getattr(problem, "sheet", ""), problem.column)
        rest[where] = rest.get(where, 0) + 1
    counted = [make_problem(file, sheet, "d_more_problems", None, column, value=count,
                        limit=limit) for (file, sheet, column), count in rest.items()]
    return problems[:limit] + counted


def _rejected_row_references(checked: list[CheckedTable], frames: dict[str, pd.DataFrame],
                              claimed: dict[str, set[str]], found: list[ImportProblem]
                              ) -> list[ImportProblem]:
    """References in rows rejected for another reason (so every problem shows at once)."""
    known = {"area_id": set(frames["areas"]["area_id"]),
             "indicator_id": set(frames["indicators"]["indicator_id"]),
             "dimension_id": set(frames["dimensions"]["dimension_id"])}
    seen = {(p.file, p.sheet, p.row, p.column) for p in found}
    problems = []
    for c in checked:
        accepted = set(c.frame["_row"])
        for kind, column, code in REFERENCES:
            if kind != c.kind or column not in c.raw.header:
                continue
            position = c.raw.header.index(column)
            allowed = known[column] | claimed[column]
            for number, row in zip(c.raw.row_numbers, c.raw.rows, strict=True):
                value = row[position].strip()
                if number in accepted or not value or value in allowed \
                        or (c.raw.file, c.raw.sheet, number, column) in seen:
                    continue
                problems.append(make_problem(c.raw.file, c.raw.sheet, code, number, column, value))
    return problems


def _combine(mine: list[CheckedTable], tbl: Table, sources: dict[str, tuple[str, str]]
             ) -> tuple[pd.DataFrame, list[ImportProblem]]:
    """One frame from every imported table of a kind; a key in two files is a problem."""
    if not mine:
        empty = pd.DataFrame({c: pd.Series([], dtype=object) for c in tbl.column_names})
        return _typed_like(empty, tbl), []
    frames = [c.frame for c in mine]
    new = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    if len(frames) == 1:
        return new, []
    problems = []
    first: dict[tuple[str, ...], tuple[str, int]] = {}
    keep = []
    for key, source, row in zip(_keys(new, tbl), new["_file"], new["_row"], strict=True):
        if key in first:
            other_source, other_row = first[key]
            file, sheet = sources[source]
            other_file, other_sheet = sources[other_source]
            other = f"{other_file} [{other_sheet}]" if other_sheet else other_file
            problems.append(make_problem(file, sheet, "d_duplicate_other_file", int(row),
                                     ",".join(tbl.key), "/".join(key), other=other,
                                     first_row=other_row))
            keep.append(False)
        else:
            first[key] = (source, int(row))
            keep.append(True)
    return new[keep].reset_index(drop=True), problems


def _typed_like(frame: pd.DataFrame, tbl: Table) -> pd.DataFrame:
    typed, _ = check_table(frame, tbl, "")
    typed["_file"] = pd.Series([], dtype=object)
    return typed


def _meta(name: str | None, meta: dict, frames: dict[str, pd.DataFrame], label: str) -> dict:
    synthetic = bool(meta.get("synthetic")) or any(
        (frames[kind][column] == "synthetic").any()
        for kind, column in (("areas", "phase_basis"), ("assessments", "basis")))
    kept = {k: v for k, v in meta.items()
            if k not in ("id", "title_th", "title_en", "description_th", "description_en",
                         "seed")}
    return {
        **kept,
        "id": name,
        "title_th": meta.get("title_th") if meta.get("id") == name else name,
        "title_en": meta.get("title_en") if meta.get("id") == name else name,
        "synthetic": synthetic,
        "imported": True,
        "base": meta.get("base") or label,
        "description_th": meta.get("description_th") if meta.get("id") == name
        else t("d_meta_description", "th", base=label),
        "description_en": meta.get("description_en") if meta.get("id") == name
        else t("d_meta_description", "en", base=label),
    }
