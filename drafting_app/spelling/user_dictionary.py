"""The drafter's own dictionary ("Add to Dictionary"): one word a line in
spelling-dictionary.txt in the app's data folder. A damaged file (not text, undecodable,
absurdly large) is set aside as ``….broken-<time>`` and an empty dictionary is used: it
never stops the app, and the words in it are not lost."""

from __future__ import annotations

import time
from pathlib import Path

from drafting_app.errors import DraftingError

MAX_BYTES = 2 * 1024 * 1024
MAX_WORD = 100
FILE_NAME = "spelling-dictionary.txt"


class UserDictionary:
    """Words the drafter added. ``problem`` says what was wrong with the file, if anything
    (for the status bar), and where the damaged file was put."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.words: set[str] = set()
        self.problem = ""
        self._load()

    def _load(self) -> None:
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return
        except OSError as exc:
            self.problem = f"Your spelling dictionary could not be read ({exc.strerror})."
            return
        try:
            if len(data) > MAX_BYTES or b"\x00" in data:
                raise ValueError("not a word list")
            text = data.decode("utf-8-sig")
        except ValueError:
            self._set_aside()
            return
        for line in text.splitlines():
            word = line.strip()
            if word and len(word) <= MAX_WORD and not any(ch.isspace() for ch in word):
                self.words.add(word)

    def _set_aside(self) -> None:
        aside = self.path.with_name(f"{self.path.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            self.path.replace(aside)
        except OSError:
            self.problem = (
                f"Your spelling dictionary {self.path} is damaged and could not be moved "
                "aside; an empty one is used."
            )
            return
        self.problem = (
            f"Your spelling dictionary was damaged; it was set aside as {aside.name} and an "
            "empty one is used."
        )

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def add(self, word: str) -> bool:
        """Add ``word`` and save; False (and the word kept for this session) when the file
        cannot be written."""
        word = word.strip()
        if not word or len(word) > MAX_WORD or any(ch.isspace() for ch in word):
            raise ValueError(f"{word!r} is not a single word")
        self.words.add(word)
        return self._save()

    def remove(self, word: str) -> bool:
        self.words.discard(word)
        return self._save()

    def _save(self) -> bool:
        from drafting_app.storage.atomic import atomic_write

        data = "".join(f"{w}\n" for w in sorted(self.words)).encode()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path, data, backup=False)
        except (OSError, DraftingError) as exc:
            self.problem = f"Your spelling dictionary could not be saved: {exc}"
            return False
        self.problem = ""
        return True
