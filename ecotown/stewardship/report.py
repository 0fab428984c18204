"""What the data page and the command line show of imports, versions and the audit log,
in Thai or English."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ecotown import store
from ecotown.i18n.labels import t
from ecotown.model.dataset import META_FILE, read_meta
from ecotown.model.schema import table
from ecotown.model.validate import DatasetError, Problem
from ecotown.stewardship.merging import Preview
from ecotown.stewardship.uploads import KINDS, problem_text

# --- what the page and the command line show --------------------------------------------

def _kind_title(kind: str, lang: str) -> str:
    tbl = table(kind)
    return tbl.title_th if lang == "th" else tbl.title_en


def problem_rows(problems: Sequence[Problem], lang: str) -> pd.DataFrame:
    """Problems as a table: file, sheet, row, column, value, message (headers in ``lang``)."""
    columns = [t(f"d_col_{c}", lang) for c in ("file", "sheet", "row", "column", "value",
                                               "message")]
    rows = [[p.file, getattr(p, "sheet", ""), "" if p.row is None else str(p.row),
             p.column or "", p.value or "", problem_text(p, lang)] for p in problems]
    return pd.DataFrame(rows, columns=columns, dtype=object)


def change_rows(plan: Preview, lang: str) -> pd.DataFrame:
    """Per table kind: rows added, changed, removed and unchanged (headers in ``lang``)."""
    columns = [t(f"d_col_{c}", lang) for c in ("table", "added", "changed", "removed",
                                               "unchanged", "replaced_table")]
    rows = [[_kind_title(kind, lang), len(c.added), len(c.changed), len(c.removed),
             c.unchanged, t("d_yes" if c.replaced_table else "d_no", lang)]
            for kind, c in plan.changes.items()]
    return pd.DataFrame(rows, columns=columns)


def area_change_rows(plan: Preview, lang: str) -> pd.DataFrame:
    """Each area added, changed (with the columns) or removed."""
    columns = [t(f"d_col_{c}", lang) for c in ("area_id", "change", "columns")]
    change = plan.changes.get("areas")
    rows = []
    if change:
        rows += [[a, t("d_added", lang), ""] for a in change.added]
        rows += [[a, t("d_changed", lang), ", ".join(change.changed_columns.get(a, []))]
                 for a in change.changed]
        rows += [[a, t("d_removed", lang), ""] for a in change.removed]
    return pd.DataFrame(rows, columns=columns, dtype=object)


def cell_change_rows(plan: Preview, lang: str, cap: int = 200) -> tuple[pd.DataFrame, int]:
    """Each changed cell of every table: table, row (its key: area, year…), column, old and
    new value; at most ``cap`` rows, and how many more changed cells there are."""
    columns = [t(f"d_col_{c}", lang) for c in ("table", "key", "column", "old", "new")]
    rows, total = [], 0
    for kind, change in plan.changes.items():
        total += change.cells_total
        rows += [[_kind_title(kind, lang), key, column, old, new]
                 for key, column, old, new in change.cells]
    shown = rows[:cap]
    return pd.DataFrame(shown, columns=columns, dtype=object), total - len(shown)


def preview_lines(plan: Preview, lang: str) -> list[str]:
    """The preview as lines of text (the command line prints them)."""
    head = "d_preview_head_check" if plan.dataset is None else \
        "d_preview_head_new" if plan.new else "d_preview_head"
    lines = [t(head, lang, dataset=plan.dataset, base=plan.base)]
    lines += [t(note, lang) for note in plan.notes]
    for info in plan.tables:
        where = f"{info['file']} [{info['sheet']}]" if info["sheet"] else info["file"]
        lines.append(t("d_preview_table", lang, file=where, kind=info["kind"],
                       rows=info["rows"], encoding=info["encoding"]))
    if plan.problems:
        return lines
    for kind, c in plan.changes.items():
        lines.append(t("d_preview_change", lang, kind=kind, added=len(c.added),
                       changed=len(c.changed), removed=len(c.removed),
                       unchanged=c.unchanged))
    areas = plan.changes.get("areas")
    if areas:
        for code, ids in (("d_added", areas.added), ("d_changed", areas.changed),
                          ("d_removed", areas.removed)):
            if ids:
                more = f" (+{len(ids) - 20})" if len(ids) > 20 else ""
                lines.append(f"  {t('areas', lang)} {t(code, lang)}: "
                             + ", ".join(ids[:20]) + more)
    cells, more = cell_change_rows(plan, lang, cap=50)
    for row in cells.itertuples(index=False):
        lines.append(f"  {row[0]} {row[1]} {row[2]}: {row[3] or '∅'} → {row[4] or '∅'}")
    if more:
        lines.append("  " + t("d_more_changes", lang, n=f"{more:,}"))
    if not plan.changed:
        lines.append(t("d_no_changes", lang))
    return lines


def dataset_rows(lang: str) -> pd.DataFrame:
    """Every dataset: name, title, built-in or imported, latest version, synthetic."""
    columns = [t(f"d_col_{c}", lang) for c in ("dataset", "title", "source_kind", "version",
                                               "synthetic")]
    rows = []
    for name in store.dataset_names():
        try:
            meta, _ = read_meta(store.read_files(name).get(META_FILE))
        except DatasetError:
            meta = {}
        title = meta.get(f"title_{lang}") or meta.get("title_en") or name
        shipped = store.is_builtin(name)
        rows.append([name, title, t("d_builtin" if shipped else "d_imported", lang),
                     store.dataset_version(name),
                     t("d_yes" if meta.get("synthetic") else "d_no", lang)])
    return pd.DataFrame(rows, columns=columns, dtype=object)


def version_rows(dataset: str, lang: str) -> pd.DataFrame:
    """The published versions of an imported dataset, newest first."""
    columns = [t(f"d_col_{c}", lang) for c in ("version", "time", "steward", "action",
                                               "files", "summary")]
    rows = [[v["version"] + (" ★" if v["latest"] else ""), v.get("time", ""),
             v.get("steward", ""), action_text(v, lang), files_text(v), summary_text(v, lang)]
            for v in store.list_versions(dataset)]
    return pd.DataFrame(rows, columns=columns, dtype=object)


def audit_rows(lang: str, dataset: str | None = None) -> pd.DataFrame:
    """The audit log, newest first."""
    columns = [t(f"d_col_{c}", lang) for c in ("time", "steward", "dataset", "version",
                                               "action", "files", "summary")]
    rows = [[e.get("time", ""), e.get("steward", ""), e.get("dataset", ""),
             e.get("version", ""), action_text(e, lang), files_text(e), summary_text(e, lang)]
            for e in reversed(store.read_audit(dataset))]
    return pd.DataFrame(rows, columns=columns, dtype=object)


def action_text(entry: dict, lang: str) -> str:
    """What a version or log entry did, in ``lang`` (import, or restore from which version)."""
    if entry.get("action") == "restore":
        return t("d_action_restore", lang, version=entry.get("restored_from", "?"))
    if entry.get("action") == "repair":
        return t("d_action_repair", lang)
    return t("d_action_import", lang)


def files_text(entry: dict) -> str:
    """The files of a version or log entry: name and the start of the SHA-256."""
    files = entry.get("files")
    files = files if isinstance(files, list) else []
    return ", ".join(f"{f.get('name', '?')} ({str(f.get('sha256', ''))[:12]})"
                     for f in files if isinstance(f, dict))


def summary_text(entry: dict, lang: str) -> str:
    """The changes of a version or log entry per table: +added ~changed -removed."""
    changes = entry.get("changes")
    kinds = changes.get("kinds") if isinstance(changes, dict) else None
    kinds = kinds if isinstance(kinds, dict) else {}
    parts = []
    damaged = [entry["damaged"]] if entry.get("damaged") else []
    damaged += [str(f) for f in entry.get("damaged_fields") or ()]
    if damaged:
        parts.append(t("d_damaged_record", lang, value=", ".join(damaged)))
    for kind, counts in kinds.items():
        if isinstance(counts, dict) and kind in KINDS:
            parts.append(t("d_summary_kind", lang, kind=_kind_title(kind, lang),
                           added=counts.get("added", 0), changed=counts.get("changed", 0),
                           removed=counts.get("removed", 0)))
    return "; ".join(parts)
