"""REF-UNKNOWN once per cited text (issue 20 item 4, "one fault, one finding"): A/RES/80/4
(the Cuba embargo resolution) recalls the same 32 resolutions in preambular paragraphs 6
and 8; a drafter shown 66 notes drowns the one that matters. Each text not in the corpus is
one note at its first citation, naming its other places."""

from __future__ import annotations

from collections import Counter

from drafting_app.checks.runner import run_checks
from drafting_app.corpus.readers import read_document, read_text
from drafting_app.corpus.registry import Registry
from drafting_app.model.document import Document
from tests.conftest import REALDOCS


def _unknown(doc: Document, registry: Registry) -> list[str]:
    return [f.message for f in run_checks(doc, registry) if f.code == "REF-UNKNOWN"]


def test_a_text_cited_twice_is_one_note_naming_both_places(registry: Registry) -> None:
    doc = read_text(
        "The General Assembly,\n\nRecalling its resolution 78/13 of 4 December 2023,\n\n"
        "Recalling also its resolution 78/13 of 4 December 2023 and its resolution 77/2,\n\n"
        "1. Requests the Secretary-General to report on resolution 78/13;\n\n"
        "2. Decides to remain seized of the matter.\n"
    )
    assert _unknown(doc, registry) == [
        "Resolution 78/13 is not in the corpus; its body and date cannot be checked. "
        "Also cited in preambular paragraph 2 and operative paragraph 1.",
        "Resolution 77/2 is not in the corpus; its body and date cannot be checked.",
    ]


def test_the_cuba_resolution_gives_one_note_per_unknown_text(registry: Registry) -> None:
    doc = read_document(REALDOCS / "ga" / "A-RES-80-4_cuba-embargo-2025.txt")
    notes = _unknown(doc, registry)
    cited = Counter(m.split(" is not in the corpus")[0] for m in notes)
    assert [name for name, n in cited.items() if n > 1] == []
    # Preambular paragraph 6 lists resolutions 47/19 … 79/7 (32 of them) and paragraph 8
    # names them again: each is one note, and that note says where else it is cited.
    listed = "47/19 48/16 49/9 50/10 51/17 52/10 53/4 54/21 55/20 56/9 57/11 58/7 59/11 " \
        "60/12 61/11 62/3 63/7 64/6 65/6 66/6 67/4 68/8 69/5 70/5 71/5 72/4 73/8 74/7 " \
        "75/289 77/7 78/7 79/7"  # fmt: skip
    for number in listed.split():
        (note,) = [m for m in notes if m.startswith(f"Resolution {number} ")]
        assert "Also cited in preambular paragraph 8" in note
