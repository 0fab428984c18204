"""``python -m ecotown``: the command line."""

from ecotown.cli.cli import main

raise SystemExit(main())
