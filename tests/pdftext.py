"""The text of a PDF as a reader selects it, read by poppler's ``pdftotext`` (installed by
``.ci/run`` with ``pdftoppm``): about twenty times faster than a pure-Python parser on the
atlas's pages, whose maps are long content streams."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest


def pdf_text(data: bytes, layout: bool = False, page: int | None = None) -> str:
    """The text of ``data`` (every page, or only ``page``, counted from 1), in the order it
    was drawn; ``layout`` instead keeps the page's columns apart with runs of spaces."""
    if shutil.which("pdftotext") is None:
        if os.environ.get("CI"):
            pytest.fail("CI must have pdftotext (poppler-utils, installed by .ci/run)")
        pytest.skip("pdftotext is not installed (apt-get install poppler-utils)")
    args = ["pdftotext", "-enc", "UTF-8", "-layout" if layout else "-raw"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    done = subprocess.run([*args, "-", "-"], input=data, capture_output=True, check=True,
                          timeout=60)
    return done.stdout.decode("utf-8")
