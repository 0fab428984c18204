"""Configuration: the settings of :mod:`ecotown.config.settings`, read in one place."""

from ecotown.config import settings

__all__ = ["settings"]
