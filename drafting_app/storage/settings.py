"""Application settings (recent files, body profile per template, ladder and punctuation
modes), kept as JSON in the user's config folder and written atomically."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafting_app.errors import ProjectError
from drafting_app.model.fix_mode import FixMode
from drafting_app.model.profiles import DEFAULT_PROFILE, FIRST_MENTION, FOOTNOTE_RULES, PROFILES
from drafting_app.paths import user_config_dir
from drafting_app.storage.atomic import atomic_write
from drafting_app.storage.data_files import DamagedFile, read_json, set_aside

SETTINGS_VERSION = 1
MAX_RECENT = 10
# Settings are a few hundred bytes; a larger file is damage (or not ours).
MAX_SETTINGS_BYTES = 1024 * 1024
MAX_USER_NAME = 120


@dataclass
class AppSettings:
    """``profiles`` maps a document template (or body) key to the chosen body profile;
    ``extra`` keeps keys this version does not know, so a newer app's settings survive."""

    recent_files: list[str] = field(default_factory=list)
    default_profile: str = DEFAULT_PROFILE
    profiles: dict[str, str] = field(default_factory=dict)
    ladder: FixMode = FixMode.AUTO
    punctuation: FixMode = FixMode.AUTO
    # The footnote repeat rule the checks hold drafts to (References › Footnote Repeats).
    footnote_repeat: str = FIRST_MENTION
    # The name tracked changes are signed with (Export with Changes, compare), as Word's
    # Tools › Options › User name; empty: the app's name stands in.
    user_name: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    # Said once to the drafter at start when the file was damaged and set aside (not saved).
    notice: str = field(default="", compare=False)

    def add_recent(self, path: str | Path) -> None:
        """Put ``path`` first in the recent files (no repeats, at most MAX_RECENT)."""
        p = str(Path(path).resolve())
        self.recent_files = [p, *[r for r in self.recent_files if r != p]][:MAX_RECENT]

    def profile_for(self, key: str) -> str:
        return self.profiles.get(key, self.default_profile)


def settings_path() -> Path:
    return user_config_dir() / "settings.json"


def _mode(value: Any, default: FixMode) -> FixMode:
    try:
        return FixMode(value)
    except ValueError:
        return default


def _from_json(data: dict[str, Any]) -> AppSettings:
    d = AppSettings()
    known = {
        "version",
        "recent_files",
        "default_profile",
        "profiles",
        "ladder",
        "punctuation",
        "footnote_repeat",
        "user_name",
    }
    recent = data.get("recent_files", [])
    if isinstance(recent, list):
        d.recent_files = [r for r in recent if isinstance(r, str)][:MAX_RECENT]
    if data.get("default_profile") in PROFILES:
        d.default_profile = data["default_profile"]
    profiles = data.get("profiles", {})
    if isinstance(profiles, dict):
        d.profiles = {k: v for k, v in profiles.items() if isinstance(k, str) and v in PROFILES}
    d.ladder = _mode(data.get("ladder"), d.ladder)
    d.punctuation = _mode(data.get("punctuation"), d.punctuation)
    if data.get("footnote_repeat") in FOOTNOTE_RULES:
        d.footnote_repeat = data["footnote_repeat"]
    name = data.get("user_name")
    if isinstance(name, str):
        d.user_name = " ".join(name.split())[:MAX_USER_NAME]
    d.extra = {k: v for k, v in data.items() if k not in known}
    return d


def load_settings(path: Path | None = None) -> AppSettings:
    """The saved settings; defaults when there are none or the file is damaged (a settings
    file is never worth refusing to start for). A damaged file is set aside under a dated
    name, so that the next save does not bury it, and ``notice`` says so."""
    p = path or settings_path()
    try:
        data = read_json(p, MAX_SETTINGS_BYTES)
    except FileNotFoundError:
        return AppSettings()
    except OSError as exc:
        return AppSettings(notice=f"The settings could not be read ({exc.strerror}); "
                           "the defaults are used.")  # fmt: skip
    except DamagedFile as exc:
        return AppSettings(notice=_damaged_notice(p, str(exc)))
    if not isinstance(data, dict):
        return AppSettings(notice=_damaged_notice(p, "it is not a table of settings"))
    return _from_json(data)


def _damaged_notice(path: Path, why: str) -> str:
    moved = set_aside(path)
    kept = f" It was kept as {moved.name}." if moved else ""
    return f"The settings file was damaged ({why}); the defaults are used.{kept}"


def save_settings(settings: AppSettings, path: Path | None = None) -> None:
    p = path or settings_path()
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ProjectError(f"The settings folder cannot be created: {exc.strerror}.") from exc
    data = {
        **settings.extra,
        "version": SETTINGS_VERSION,
        "recent_files": settings.recent_files,
        "default_profile": settings.default_profile,
        "profiles": settings.profiles,
        "ladder": str(settings.ladder),
        "punctuation": str(settings.punctuation),
        "footnote_repeat": settings.footnote_repeat,
        "user_name": settings.user_name,
    }
    try:
        text = json.dumps(data, ensure_ascii=False, indent=1)
    except (RecursionError, ValueError, TypeError):
        # A newer app's key this version kept without reading may nest too deeply to write
        # back; the settings themselves matter more.
        text = json.dumps({k: v for k, v in data.items() if k not in settings.extra}, indent=1)
    atomic_write(p, (text + "\n").encode("utf-8"))
