"""The Hunspell dictionary of UN English (resources/spelling/en_GB-ize), read by spylls.

Loading takes about a second, so it is done once, on first use, by whichever thread asks
first (the GUI asks from a worker thread after the first paint); lookups are cached by the
checker, not here.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from drafting_app.errors import FormatError
from drafting_app.paths import resources_dir

if TYPE_CHECKING:
    from spylls.hunspell import Dictionary

DICTIONARY = "en_GB-ize"
# the dictionary spells the apostrophe '; the shipped .aff leaves out SCOWL's ICONV line for
# it, which spylls applies slowly to every lookup, and the conversion is done here instead
TYPOGRAPHIC_APOSTROPHE = "\u2019"


def dictionary_path() -> Path:
    """The shipped dictionary's path without its extension (…/en_GB-ize)."""
    return resources_dir() / "spelling" / DICTIONARY


class HunspellDictionary:
    """A Hunspell dictionary (.aff + .dic): lookup and suggestions."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or dictionary_path()
        self._dictionary: Dictionary | None = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._dictionary is not None

    def load(self) -> None:
        """Read the dictionary files (once); FormatError when they are missing or damaged."""
        with self._lock:
            if self._dictionary is not None:
                return
            aff, dic = self.path.with_suffix(".aff"), self.path.with_suffix(".dic")
            for f in (aff, dic):
                if not f.is_file():
                    raise FormatError(f"The spelling dictionary {f.name} is missing ({f}).")
            from spylls.hunspell import Dictionary

            try:
                self._dictionary = Dictionary.from_files(str(self.path))
            except Exception as exc:  # spylls raises whatever its parser meets
                raise FormatError(
                    f"The spelling dictionary {dic.name} could not be read ({exc})."
                ) from exc

    def _dict(self) -> Dictionary:
        if self._dictionary is None:
            self.load()
        assert self._dictionary is not None
        return self._dictionary

    def check(self, word: str) -> bool:
        """Whether Hunspell accepts ``word`` (with its casing rules: "Recalling" at the start
        of a paragraph is "recalling")."""
        return bool(self._dict().lookup(word.replace(TYPOGRAPHIC_APOSTROPHE, "'")))

    def suggest(self, word: str, limit: int = 8) -> list[str]:
        """Hunspell's suggestions for ``word``, best first, with the word's own apostrophe
        (UN texts print ’)."""
        curly = TYPOGRAPHIC_APOSTROPHE in word
        out: list[str] = []
        for s in self._dict().suggest(word.replace(TYPOGRAPHIC_APOSTROPHE, "'")):
            s = s.replace("'", TYPOGRAPHIC_APOSTROPHE) if curly else s
            if s not in out:
                out.append(s)
            if len(out) >= limit:
                break
        return out


_shared: HunspellDictionary | None = None
_shared_lock = threading.Lock()


def shared_dictionary() -> HunspellDictionary:
    """The shipped dictionary, read once per process (read-only once loaded: every window
    and checker of the process can share it)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = HunspellDictionary()
    _shared.load()
    return _shared
