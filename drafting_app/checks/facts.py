"""What the checks need to know about the corpus: the small interface they own.

The real :class:`drafting_app.corpus.registry.Registry` satisfies it; the composition root
passes it in. Only attribute reads and indexed look-ups are used, so a check never scans the
corpus per call.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol


class SourceParagraph(Protocol):
    """A paragraph of a corpus document that cites a text (the evidence of a finding)."""

    @property
    def doc_label(self) -> str: ...
    @property
    def part(self) -> str: ...
    @property
    def paragraph_label(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def date(self) -> str: ...


class KnownText(Protocol):
    """A resolution or decision the corpus knows: its date and where it is cited."""

    @property
    def kind(self) -> str: ...
    @property
    def body(self) -> str: ...
    @property
    def number(self) -> str: ...
    @property
    def date(self) -> str: ...
    @property
    def citations(self) -> Sequence[SourceParagraph]: ...
    @property
    def dates_seen(self) -> Mapping[str, Sequence[SourceParagraph]]:
        """Each date the corpus gives the text → where it is given."""
        ...

    @property
    def doc_id(self) -> str:
        """The corpus document of the text itself ("" when only cited or inferred)."""
        ...


class KnownInstrument(Protocol):
    """A treaty: titles, *Treaty Series* volume and number, number of articles."""

    @property
    def key(self) -> str: ...
    @property
    def full_title(self) -> str: ...
    @property
    def short_titles(self) -> Sequence[str]: ...
    @property
    def unts_volume(self) -> str: ...
    @property
    def unts_number(self) -> str: ...
    @property
    def articles(self) -> int: ...


class KnownClause(Protocol):
    """An adopted operative clause: its opening verb ("Urges"), where it was adopted
    ("Resolution 80/6, op 12"), its text and its words after the verb."""

    @property
    def opener(self) -> str: ...
    @property
    def source(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def rest(self) -> str: ...


class CorpusFacts(Protocol):
    """Look-ups the checks make against the corpus."""

    def cited_text(self, body: str, number: str, kind: str) -> KnownText | None:
        """The text ``kind`` ``number`` of ``body`` ("its" = the authoring body), or None."""
        ...

    def instruments(self) -> Sequence[KnownInstrument]: ...

    def instrument(self, key: str) -> KnownInstrument | None: ...

    def instrument_by_name(self, text: str) -> KnownInstrument | None:
        """The instrument named by a full or short title ("the Trafficking in Persons
        Protocol"), or None."""
        ...

    def instrument_by_volume(self, volume: str) -> KnownInstrument | None: ...

    def clause_with_opener(self, text: str) -> KnownClause | None:
        """The adopted operative clause whose words after its opening verb are the first
        words of ``text`` ("the States Parties to the Convention to …" → "Urges the States
        Parties …"), or None."""
        ...
