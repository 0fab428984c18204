"""Writing a checked preview as a new version (under the store's lock), and restoring an
old version as a new one."""

from __future__ import annotations

import getpass
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import pandas as pd

from ecotown import store
from ecotown.model.dataset import parse_dataset
from ecotown.model.schema import TABLES
from ecotown.model.text import CONTROL
from ecotown.model.validate import DatasetError
from ecotown.stewardship.merging import Preview, preview
from ecotown.stewardship.templates import table_csv
from ecotown.stewardship.uploads import MAX_STEWARD, Caps, Upload, make_problem

# --- writing ----------------------------------------------------------------------------

def check_steward(steward: object) -> str:
    """Return the steward's name cleaned, or raise naming the value (empty, too long, …)."""
    if steward is None:
        try:
            steward = getpass.getuser()
        except (KeyError, OSError):
            steward = "unknown"
    if not isinstance(steward, str):
        raise store.StoreError("d_bad_steward", type(steward).__name__)
    cleaned = " ".join(steward.split())
    if not cleaned or len(cleaned) > MAX_STEWARD or CONTROL.search(cleaned):
        raise store.StoreError("d_bad_steward", cleaned or steward, limit=MAX_STEWARD)
    return cleaned


def _serialise(result: dict[str, pd.DataFrame], meta: dict) -> dict[str, bytes]:
    files = {tbl.filename: table_csv(result[tbl.kind], tbl.kind) for tbl in TABLES}
    files["dataset.json"] = (json.dumps(meta, ensure_ascii=False, indent=2, sort_keys=True)
                             + "\n").encode("utf-8")
    return files


def _verify(directory: Path) -> None:
    parse_dataset(directory)


def commit(plan: Preview, steward: str | None, *, rebase: bool = False
           ) -> tuple[str, Preview]:
    """Write a checked preview as the next version of its dataset; return (version, preview).

    Parameters
    ----------
    plan
        A :class:`Preview` without problems.
    steward
        Who imports (logged); ``None`` takes the login name.
    rebase
        If another import landed since the preview, merge into the new latest version
        (the command line does); otherwise refuse with ``d_changed_since_preview`` so the
        steward sees the new preview first (the page does).

    Raises
    ------
    DatasetError
        If the preview (or its rebased successor) has problems, or the written version
        would not load.
    StoreError
        If the dataset changed since the preview (without ``rebase``) or the lock is busy.
    """
    if not isinstance(plan, Preview) or plan.dataset is None:
        raise TypeError(f"'plan' should be a Preview of a named dataset, got {plan!r:.80}")
    if not plan.ok:
        raise DatasetError(plan.problems or [make_problem("", "", "d_nothing_to_import")])
    who = check_steward(steward)
    with store.locked():
        current = plan
        if store.latest_version(plan.dataset) != plan.base_version:
            if not rebase:
                raise store.StoreError("d_changed_since_preview", plan.dataset)
            current = plan.rebuilt()
            if not current.ok:
                raise DatasetError(current.problems)
        if not current.new and not current.changed:
            raise store.StoreError("d_nothing_to_import", plan.dataset)
        record = {
            "action": "import",
            "steward": who,
            "base": current.base,
            "files": [{"name": u.name, "sha256": u.sha256, "size": u.size}
                      for u in current.uploads],
            "tables": current.tables,
            "changes": current.summary(),
        }
        version = store.commit_version(plan.dataset, _serialise(current.result, current.meta),
                                       record, verify=_verify)
    return version, current


def import_files(uploads: Sequence[Upload], dataset: str, steward: str | None = None, *,
                 base: str | None = None, kinds: Mapping[str, str] | None = None,
                 replace: Iterable[str] = (), caps: Caps | None = None
                 ) -> tuple[str, Preview]:
    """Preview and commit in one step (``--yes``); raise :class:`DatasetError` on problems."""
    plan = preview(uploads, dataset, base=base, kinds=kinds, replace=replace, caps=caps)
    if not plan.ok:
        raise DatasetError(plan.problems)
    return commit(plan, steward, rebase=True)


def restore(dataset: str, version: object, steward: str | None) -> str:
    """Publish a copy of an old version as the newest version; return its number."""
    name = store.check_name(dataset)
    old = store.check_version(version)
    who = check_steward(steward)
    with store.locked():
        files = store.read_files(name, old)
        record = {"action": "restore", "steward": who, "restored_from": old, "files": [],
                  "changes": {}}
        return store.commit_version(name, files, record, verify=_verify)
