"""Drafting assistant for United Nations draft resolutions and decisions."""

__version__ = "0.1.0"
