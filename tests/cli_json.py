"""The command line's JSON answers for tests, run in this process (one ``python -m ecotown``
costs about 2 s of start-up; the tests ask the same questions many times).

``cli_json("summary", "--dataset", "demo")`` is what ``python -m ecotown summary --dataset
demo --json`` prints, parsed; answers are remembered per argument list (the shipped datasets
do not change during a run). ``tests/unit/cli`` still runs the real command line.
"""

from __future__ import annotations

import contextlib
import functools
import io
import json


@functools.lru_cache(maxsize=256)
def _answer(args: tuple[str, ...]) -> str:
    from ecotown.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([*args, "--json"])
    if code != 0:
        raise AssertionError(f"python -m ecotown {' '.join(args)} --json exited {code}: "
                             f"{err.getvalue()}")
    return out.getvalue()


def cli_json(*args: str) -> dict:
    """The parsed JSON of ``python -m ecotown ARGS --json`` (a fresh copy each call)."""
    return json.loads(_answer(tuple(args)))


def summary(*args: str) -> dict:
    """``python -m ecotown summary ARGS --json``."""
    return cli_json("summary", *args)
