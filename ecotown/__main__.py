"""``python -m ecotown``: the command line."""

from ecotown.cli import main

raise SystemExit(main())
