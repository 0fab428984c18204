"""Finding and mending a damaged store: pointers that cannot be read, set right from the
versions on disk, audited. Nothing here ever deletes a version."""

from __future__ import annotations

import os
import secrets
from datetime import UTC, datetime

from ecotown.store.files import (
    MANIFEST,
    VERSION_FILES,
    VERSION_NAME,
    append_audit,
    cleanup_dataset,
    datasets_root,
    fsync_dir,
    locked,
    read_latest,
    read_manifest,
    write_file,
)
from ecotown.store.names import NAME_PATTERN, RESERVED_NAMES, StoreError, check_name

__all__ = ["damaged_names", "repair_latest"]


def damaged_names() -> list[str]:
    """Imported datasets whose ``LATEST`` pointer is damaged (readers skip them)."""
    try:
        entries = list(os.scandir(datasets_root()))
    except OSError:
        return []
    found = []
    for entry in entries:
        if NAME_PATTERN.fullmatch(entry.name) and entry.name not in RESERVED_NAMES:
            try:
                read_latest(entry.name)
            except StoreError:
                found.append(entry.name)
    return sorted(found)


def repair_latest(name: str, steward: str) -> str:
    """Point a damaged ``LATEST`` at the newest complete version on disk; audit it.

    A version is complete when its manifest is a readable JSON object and it holds every
    dataset file. Returns the version now published.

    Raises
    ------
    StoreError
        ``d_no_versions`` if no complete version exists; ``d_latest_ok`` if the pointer
        is readable and consistent (nothing to repair).
    """
    check_name(name)
    with locked():
        folder = datasets_root() / name
        try:
            latest = read_latest(name)
        except StoreError:
            latest = None
        else:
            try:
                cleanup_dataset(name)
            except StoreError:
                pass
            else:
                if latest is not None and (folder / "versions" / latest).is_dir():
                    raise StoreError("d_latest_ok", latest, dataset=name)
        versions_dir = folder / "versions"
        candidates = sorted((e.name for e in os.scandir(versions_dir)
                             if VERSION_NAME.fullmatch(e.name)), key=int, reverse=True) \
            if versions_dir.is_dir() else []
        for version in candidates:
            directory = versions_dir / version
            manifest = read_manifest(directory / MANIFEST)
            if "damaged" not in manifest and all(
                    (directory / f).is_file() for f in VERSION_FILES):
                break
        else:
            raise StoreError("d_no_versions", name)
        pointer = folder / f".LATEST-{secrets.token_hex(6)}"
        write_file(pointer, f"{version}\n".encode("ascii"))
        os.replace(pointer, folder / "LATEST")
        fsync_dir(folder)
        append_audit({"action": "repair", "steward": steward, "dataset": name,
                       "version": version,
                       "time": datetime.now(UTC).isoformat(timespec="seconds")})
        return version
