"""Thai and English texts of the briefing exports (merged into ``ecotown.labels.TEXT``)."""

TEXT: dict[str, dict[str, str]] = {}
