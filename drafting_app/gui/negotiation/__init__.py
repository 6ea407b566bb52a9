"""Negotiation mode in the window (issue 19): the compilation text drawn on the page (labels
in the margin, statuses, brackets, alternatives, proposals by delegation) and the
negotiation panel beside it."""
