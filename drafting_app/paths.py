"""Where things live: bundled resources and templates, and the user's data folder.

Per-platform standard locations, without admin rights: Linux ``$XDG_DATA_HOME/drafting-app``
(~/.local/share/drafting-app), macOS ``~/Library/Application Support/drafting-app``, Windows
``%APPDATA%\\drafting-app``. ``DRAFTING_APP_HOME`` overrides (tests, portable installs).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "drafting-app"


def _bundle_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)  # PyInstaller onedir bundle
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    """The bundled resources/ folder (corpus, registry, phrase lists)."""
    override = os.environ.get("DRAFTING_APP_RESOURCES")
    return Path(override) if override else _bundle_root() / "resources"


def templates_dir() -> Path:
    """The bundled templates/ folder (jinja2 document and clause templates)."""
    return _bundle_root() / "templates"


def bundled_corpus_dir() -> Path:
    return resources_dir() / "corpus"


def user_data_dir() -> Path:
    """The user's data folder (corpus database, added documents, recovery files)."""
    override = os.environ.get("DRAFTING_APP_HOME")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_NAME


def user_config_dir() -> Path:
    """Where settings live (``DRAFTING_APP_HOME`` also overrides this)."""
    override = os.environ.get("DRAFTING_APP_HOME")
    if override:
        return Path(override) / "config"
    if sys.platform == "win32" or sys.platform == "darwin":
        return user_data_dir()
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / APP_NAME


def user_cache_dir() -> Path:
    """What can be thrown away and made again (the checks' memo of each draft): Linux
    ``$XDG_CACHE_HOME/drafting-app`` (~/.cache/drafting-app), macOS
    ``~/Library/Caches/drafting-app``, Windows ``%LOCALAPPDATA%\\drafting-app\\Cache``;
    ``DRAFTING_APP_HOME/cache`` when that is set (tests, portable installs)."""
    override = os.environ.get("DRAFTING_APP_HOME")
    if override:
        return Path(override) / "cache"
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / APP_NAME / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / APP_NAME
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / APP_NAME


def user_corpus_dir() -> Path:
    """Documents the user added to the corpus, kept as files (the database is an index)."""
    return user_data_dir() / "corpus"
