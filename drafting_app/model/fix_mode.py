"""The conventions setting (verb ladder, closing punctuation): fix automatically, only
suggest, or leave alone. A module of its own so that the settings file can be read without
loading the convention fixers."""

from __future__ import annotations

from enum import StrEnum


class FixMode(StrEnum):
    """The "conventions" setting: fix automatically, only suggest, or leave alone."""

    AUTO = "auto"
    SUGGEST = "suggest"
    OFF = "off"
