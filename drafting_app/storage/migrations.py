"""Upgrades of older project files, one step per format version.

``MIGRATIONS[n]`` turns a version-``n`` project (as parsed JSON) into version ``n + 1``;
loading applies the steps in turn up to :data:`CURRENT_VERSION`. Each old version has a
fixture in tests/data/projects/ that must keep opening. The history is in
docs/PROJECT_FORMAT.md.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from drafting_app.errors import ProjectError

CURRENT_VERSION = 5

Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 added the masthead's ``committee`` line (GA Main Committees, CCPCJ under
    ECOSOC) and the per-document ``settings`` (body profile, ladder and punctuation mode)."""
    doc = data["document"]
    if doc.get("masthead") is not None:
        doc["masthead"].setdefault("committee", "")
    data.setdefault("settings", {})
    data["format_version"] = 2
    return data


def _v2_to_v3(data: dict[str, Any]) -> dict[str, Any]:
    """Version 3 lets a draft remember the base text it revises (``revision_base``: a
    rollover's adopted resolution, a Word file's text before its tracked changes) and keep
    reviewers' ``comments``. A version-2 draft has neither; an older app must not open a
    version-3 file for writing, since it would drop them."""
    data["format_version"] = 3
    return data


def _v3_to_v4(data: dict[str, Any]) -> dict[str, Any]:
    """Version 4 added the document's ``negotiation`` (labels, statuses, brackets,
    alternatives, proposals and comments of a compilation text); older drafts are not in
    negotiation."""
    data["document"].setdefault("negotiation", None)
    data["format_version"] = 4
    return data


def _v4_to_v5(data: dict[str, Any]) -> dict[str, Any]:
    """Version 5 keeps the lettered ``parts`` of a multi-part text (GA decision 79/537 A, B
    and C; a resolution in parts A and B, each with its title and "The General Assembly,").
    Version 4 did not write them: a version-4 file has none to keep."""
    data["document"].setdefault("parts", [])
    data["format_version"] = 5
    return data


MIGRATIONS: dict[int, Migration] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4, 4: _v4_to_v5}


def upgrade(data: dict[str, Any], registry: dict[int, Migration] | None = None) -> dict[str, Any]:
    """``data`` brought up to the current version (older files only)."""
    steps = MIGRATIONS if registry is None else registry
    version = data["format_version"]
    while version < CURRENT_VERSION:
        step = steps.get(version)
        if step is None:
            raise ProjectError(f"Project format version {version} is too old to open.")
        data = step(data)
        if data.get("format_version") != version + 1:
            raise AssertionError(f"migration from version {version} did not advance")
        version += 1
    return data
