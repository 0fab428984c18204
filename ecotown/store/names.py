"""Names and versions of imported datasets, and the store's own problems."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ecotown.i18n.labels import t
from ecotown.model.validate import DatasetError, Problem

__all__ = ["NAME_PATTERN", "RESERVED_NAMES", "StoreError", "StoreProblem", "check_name",
           "check_version"]

NAME_PATTERN = re.compile(r"^[a-z][a-z0-9_-]{1,30}$")
RESERVED_NAMES = frozenset({"public", "demo"})


@dataclass(frozen=True)
class StoreProblem(Problem):
    """A problem with a dataset name, a version or the data directory (not with a cell)."""

    def message(self, lang: str = "th") -> str:
        """Return the message in ``lang`` (no file location: there is none)."""
        fields = {"value": self.value if self.value is not None else "", **self.params}
        return t(self.code, lang, **fields)


class StoreError(DatasetError):
    """A refused store operation: bad name, unknown version, busy lock."""

    def __init__(self, code: str, value: object = "", **params: object):
        super().__init__([StoreProblem("", code, value=str(value)[:80], params=params)])
        self.code = code


def check_name(name: object) -> str:
    """Return ``name`` if it is a valid name for an imported dataset, else raise.

    Parameters
    ----------
    name
        Lower-case letters, digits, ``-`` and ``_``, 2–31 characters, starting with a
        letter, and not a built-in dataset (``public``, ``demo``).

    Raises
    ------
    StoreError
        ``d_bad_name`` or ``d_reserved_name``, naming the value.
    """
    if not isinstance(name, str) or not NAME_PATTERN.fullmatch(name):
        raise StoreError("d_bad_name", name if isinstance(name, str) else type(name).__name__)
    if name in RESERVED_NAMES:
        raise StoreError("d_reserved_name", name)
    return name


def check_version(version: object) -> str:
    """Return a version as its directory name (``3``, ``"3"`` or ``"0003"`` → ``"0003"``)."""
    text = str(version).strip()
    if isinstance(version, bool) or not text.isascii() or not text.isdigit() or len(text) > 9 \
            or int(text) < 1:
        raise StoreError("d_bad_version", version)
    return f"{int(text):04d}"
