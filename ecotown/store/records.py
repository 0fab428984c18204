"""Manifests and audit entries as read back: every field of the expected type."""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["clean_record"]

_RECORD_TEXT = ("time", "dataset", "version", "steward", "action", "restored_from", "base")


def clean_record(entry: Mapping) -> dict:
    """A manifest or audit entry with every field of the expected type.

    Hand-edited or damaged files may hold a list where an object belongs, or a string for
    ``changes``: such a field is dropped and ``damaged_fields`` names it, so that listing
    the versions or the audit log never fails on one bad record.
    """
    record: dict = {}
    damaged: list[str] = []
    for key, value in entry.items():
        key = str(key)
        if key in _RECORD_TEXT:
            if isinstance(value, str | int) and not isinstance(value, bool):
                record[key] = str(value)
            else:
                damaged.append(key)
        elif key == "files":
            if isinstance(value, list) and all(isinstance(f, dict) for f in value):
                record[key] = [{"name": str(f.get("name", "?")),
                                "sha256": str(f.get("sha256", ""))} for f in value]
            else:
                damaged.append(key)
        elif key == "changes":
            kinds = value.get("kinds") if isinstance(value, dict) else None
            if isinstance(kinds, dict) and all(isinstance(c, dict) for c in kinds.values()):
                record[key] = {**value, "kinds": {
                    str(k): {n: c[n] for n in ("added", "changed", "removed")
                             if isinstance(c.get(n), int) and not isinstance(c.get(n), bool)}
                    for k, c in kinds.items()}}
            else:
                damaged.append(key)
        else:
            record[key] = value
    if damaged:
        record["damaged_fields"] = damaged
    return record
