"""Thai and English texts of data stewardship (merged into ``ecotown.labels.TEXT``)."""

TEXT: dict[str, dict[str, str]] = {}
