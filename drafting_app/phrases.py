"""Opening phrases: preambular participles ("Recalling also") and operative verbs
("Also requests"), with the ladder adverbs recognised (UN_FORMAT.md §2)."""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from drafting_app.model.document import Part
from drafting_app.paths import resources_dir

ADVERBS = ("also", "further")
_FIRST_WORD = re.compile(r"[\w\-']+")
_ADVERBS_BEFORE = tuple((adverb, adverb.capitalize() + " ") for adverb in ADVERBS)
_AFTER_PREAMBULAR = r"\b"
_AFTER_OPERATIVE = r"(?=$|[,:;]| that\b| to\b| the\b| its\b| all\b)"
# The adverb after a phrase of each part, compiled once (split runs on every paragraph).
_ADVERB_AFTER = {
    (adverb, part): re.compile(
        rf" {adverb}{_AFTER_PREAMBULAR if part is Part.PREAMBLE else _AFTER_OPERATIVE}"
    )
    for adverb in ADVERBS
    for part in Part
}


@dataclass(frozen=True, slots=True)
class Opener:
    """The opening phrase of a paragraph.

    ``text`` is the phrase as written ("Also requests"); ``base`` the phrase without the
    ladder adverb ("Requests"); ``adverb`` is "", "also" or "further"; ``position`` says
    where the adverb stood ("before" as in GA operative practice, "after" as in GA
    preambular practice). ``known`` is False for a guessed, unlisted opener.
    """

    text: str
    base: str
    adverb: str = ""
    position: str = ""
    known: bool = True
    part: Part | None = None

    def __len__(self) -> int:
        return len(self.text)


def _read_list(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


class PhraseBook:
    """The lists of known opening phrases, from resources/phrases/."""

    def __init__(self, preambular: list[str], operative: list[str]) -> None:
        self.preambular = sorted(set(preambular), key=len, reverse=True)
        self.operative = sorted(set(operative), key=len, reverse=True)
        # Phrases by lower-cased first word, in the order phrases(part) tries them: split()
        # runs on every paragraph at every check, so it must not scan the whole list.
        self._by_first: dict[Part | None, dict[str, list[tuple[str, Part]]]] = {}
        for key in (Part.PREAMBLE, Part.OPERATIVE, None):
            index: dict[str, list[tuple[str, Part]]] = {}
            for phrase, p in self.phrases(key):
                word = _FIRST_WORD.match(phrase)
                index.setdefault(word.group(0).lower() if word else "", []).append((phrase, p))
            self._by_first[key] = index

    @classmethod
    def load(cls, folder: Path | None = None) -> PhraseBook:
        folder = folder or resources_dir() / "phrases"
        return cls(_read_list(folder / "preambular.txt"), _read_list(folder / "operative.txt"))

    def phrases(self, part: Part | None) -> list[tuple[str, Part]]:
        pre = [(p, Part.PREAMBLE) for p in self.preambular]
        op = [(p, Part.OPERATIVE) for p in self.operative]
        if part is Part.PREAMBLE:
            return pre + op
        if part is Part.OPERATIVE:
            return op + pre
        return sorted(pre + op, key=lambda t: len(t[0]), reverse=True)

    def first_words(self, part: Part | None) -> Container[str]:
        """The lower-case first words of the phrases :meth:`split` tries for ``part``: a
        text whose first word is not among them (nor an adverb) has no opener."""
        return self._by_first[part].keys()

    def split(self, text: str, part: Part | None = None) -> Opener | None:
        """The opener at the start of ``text`` (the list of ``part`` is tried first)."""
        stripped = text.lstrip()
        lead = len(text) - len(stripped)
        if lead:
            found = self.split(stripped, part)
            return found
        for adverb, prefix in _ADVERBS_BEFORE:  # "Also requests", "Further urges"
            if stripped.startswith(prefix):
                rest = stripped[len(prefix) :]
                hit = self._match(rest, part, capitalised=False)
                if hit:
                    phrase, p = hit
                    return Opener(
                        stripped[: len(prefix) + len(phrase)],
                        phrase[0].upper() + phrase[1:],
                        adverb,
                        "before",
                        True,
                        p,
                    )
        hit = self._match(stripped, part, capitalised=True)
        if hit:
            phrase, p = hit
            after = stripped[len(phrase) :]
            for adverb in ADVERBS:  # "Recalling also", "Decided further"
                # after an operative verb the word may be an adjective: "Encourages further
                # efforts" (A/RES/73/7) is "Encourages", "Decides further that" the ladder
                if after.startswith(adverb, 1) and _ADVERB_AFTER[adverb, p].match(after):
                    return Opener(
                        stripped[: len(phrase) + 1 + len(adverb)], phrase, adverb, "after", True, p
                    )
            return Opener(phrase, phrase, "", "", True, p)
        return None

    def _match(self, text: str, part: Part | None, capitalised: bool) -> tuple[str, Part] | None:
        first = _FIRST_WORD.match(text)
        candidates = self._by_first[part].get(first.group(0).lower(), []) if first else []
        for phrase, p in candidates:
            candidate = phrase if capitalised else phrase[0].lower() + phrase[1:]
            if text.startswith(candidate) and (
                len(text) == len(candidate) or not text[len(candidate)].isalnum()
            ):
                return text[: len(candidate)], p
        return None

    def guess(self, text: str, part: Part) -> Opener | None:
        """A known opener, or the first word as an unknown one (flagged, never refused)."""
        found = self.split(text, part)
        if found:
            return found
        m = re.match(r"[A-Z][a-z\-]+", text.lstrip())
        if not m:
            return None
        return Opener(m.group(0), m.group(0), known=False, part=part)


@lru_cache(maxsize=1)
def default_phrasebook() -> PhraseBook:
    return PhraseBook.load()
