"""What the conventions changed, in words for the status bar.

The verb ladder ("Also decides") and the closing punctuation (", ; .") are derived by
design, and kept right on every insert, delete and move; but a drafter pasting agreed
language must know when a word of it, or the ending of a paragraph they did not touch,
was changed (user trial finding 3): "Verb ladder: “Decides” → “Also decides”; endings of
3 paragraphs follow the punctuation rule; Ctrl+Z undoes."
"""

from __future__ import annotations

from collections.abc import Sequence

from drafting_app.model.changes import Edit
from drafting_app.model.ladder import LADDER
from drafting_app.model.punctuation import PUNCTUATION
from drafting_app.model.text_edits import Splice

_SHOWN = 3  # ladder changes named one by one; more are counted


def fix_report(fixes: Sequence[Edit]) -> str:
    """One sentence on the ladder and punctuation ``fixes`` applied with an edit ("" when
    there were none)."""
    splices = [f for f in fixes if isinstance(f, Splice)]
    ladder = [s for s in splices if s.kind == LADDER]
    endings = {s.pid for s in splices if s.kind == PUNCTUATION}
    parts: list[str] = []
    if ladder:
        named = ", ".join(f"“{s.old}” → “{s.new}”" for s in ladder[:_SHOWN])
        more = len(ladder) - _SHOWN
        parts.append(f"Verb ladder: {named}" + (f" and {more} more" if more > 0 else ""))
    if endings:
        n = len(endings)
        parts.append(
            "the ending of 1 paragraph follows the punctuation rule"
            if n == 1
            else f"endings of {n} paragraphs follow the punctuation rule"
        )
    if not parts:
        return ""
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "; Ctrl+Z undoes."
