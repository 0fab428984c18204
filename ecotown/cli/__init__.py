"""The command line, ``python -m ecotown``: view commands (:mod:`.view`) with shared view
options (:mod:`.options`) and data commands (:mod:`.data`)."""

from ecotown.cli.view import build_parser, main

__all__ = ["build_parser", "main"]
