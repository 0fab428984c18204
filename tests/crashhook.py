"""A crash or a pause at a named step of a commit, injected by the tests (issue 26: the
production store ships no test hook).

    python -m tests.crashhook CRASH PAUSE MODULE [ARGS...]

runs ``python -m MODULE ARGS...`` with every store :func:`ecotown.store.backend` makes
carrying a hook: ``os._exit(86)`` at step ``CRASH`` (as a power cut would), and a sleep at
``PAUSE`` (``step:seconds``, holding the lock). ``-`` for none. :func:`install` does the
same inside a ``python -c`` program.
"""

from __future__ import annotations

import os
import runpy
import sys
import time

__all__ = ["install", "make_hook"]


def make_hook(crash: str = "", pause: str = ""):
    """The hook: exit 86 at ``crash``, sleep at ``pause`` (``step:seconds``)."""

    def hook(step: str) -> None:
        if pause and pause.startswith(step + ":"):
            time.sleep(float(pause.split(":", 1)[1]))
        if crash and crash == step:
            os._exit(86)

    return hook


def install(crash: str = "", pause: str = "") -> None:
    """Make every store that :func:`ecotown.store.backend` returns carry the hook."""
    from ecotown import store

    hook = make_hook(crash, pause)
    real = store.backend

    def hooked():
        backend = real()
        backend.hook = hook
        return backend

    store.backend = hooked


def main() -> None:
    crash, pause, module, *args = sys.argv[1:]
    install("" if crash == "-" else crash, "" if pause == "-" else pause)
    sys.argv = [module, *args]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
