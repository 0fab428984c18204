"""Stewards' imports: read uploads, check them, preview what would change, commit a new
version; templates to fill in; who may write (:mod:`ecotown.stewardship.access`).

1. :mod:`.reading` reads CSV and XLSX into raw text tables, within the caps of :mod:`.uploads`.
2. :mod:`.checking` recognises each table's kind and checks every cell; :mod:`.preview` merges
   the tables into the target dataset and reports every problem and change; nothing is written.
3. :mod:`.commit` writes the result as a complete new version under the store's lock.
4. :mod:`.report` says it all on the data page and the command line, in Thai or English.
"""
from __future__ import annotations

from ecotown.stewardship.checking import (
    detect_kind,
)
from ecotown.stewardship.merging import (
    Change,
    Preview,
    preview,
    preview_tables,
)
from ecotown.stewardship.naming import (
    MAX_TITLE,
    default_name,
    set_titles,
)
from ecotown.stewardship.publishing import (
    check_steward,
    commit,
    import_files,
    restore,
)
from ecotown.stewardship.reading import (
    RawTable,
    read_files,
)
from ecotown.stewardship.report import (
    action_text,
    area_change_rows,
    audit_rows,
    cell_change_rows,
    change_rows,
    dataset_rows,
    files_text,
    preview_lines,
    problem_rows,
    summary_text,
    version_rows,
)
from ecotown.stewardship.uploads import (
    KINDS,
    MAX_BYTES,
    MAX_PROBLEMS,
    MAX_ROWS,
    MAX_SHOWN,
    MAX_STEWARD,
    Caps,
    ImportProblem,
    Upload,
    display_name,
    problem_text,
)

__all__ = [
    "KINDS",
    "MAX_BYTES",
    "MAX_PROBLEMS",
    "MAX_ROWS",
    "MAX_SHOWN",
    "MAX_STEWARD",
    "MAX_TITLE",
    "Caps",
    "Change",
    "ImportProblem",
    "Preview",
    "RawTable",
    "Upload",
    "action_text",
    "area_change_rows",
    "audit_rows",
    "cell_change_rows",
    "change_rows",
    "check_steward",
    "commit",
    "dataset_rows",
    "default_name",
    "detect_kind",
    "display_name",
    "files_text",
    "import_files",
    "preview",
    "preview_lines",
    "preview_tables",
    "problem_rows",
    "problem_text",
    "read_files",
    "restore",
    "set_titles",
    "summary_text",
    "version_rows",
]
