"""Conventions kept automatically: an edit plus the ladder and punctuation fixes it makes
necessary, as ONE undo step (a :class:`Compound`), or the fixes alone as suggestions.

After a structural edit (insert, delete, move, indent, convert) the verb families it
touched are recomputed and every closing punctuation is checked; after typing, only the
family of a retyped opening phrase is (punctuation is left to the drafter while typing).
Ladder fixes change only the opening phrase and punctuation fixes only the closing
characters, so fixes commute and each can be taken alone.

An edit confined to an annex fixes nothing: an annexed declaration's paragraphs ("We
reaffirm", "We also reaffirm") are not the resolution's operative clauses, so neither its
verb ladder nor its closing punctuation applies to them, and editing them must not rewrite
the body either.
"""

from __future__ import annotations

from drafting_app.model.changes import ChangeSet, Compound, Edit
from drafting_app.model.document import Document, Paragraph, Part, Span
from drafting_app.model.fix_mode import FixMode
from drafting_app.model.ladder import LADDER, ladder_fixes, touched_families
from drafting_app.model.profiles import BodyProfile
from drafting_app.model.punctuation import punctuation_fixes
from drafting_app.model.tree import annex_paragraph_ids
from drafting_app.phrases import PhraseBook, default_phrasebook


def annex_only(changes: ChangeSet, before: frozenset[str], after: frozenset[str]) -> bool:
    """True when every paragraph an edit touched was and stays in an annex. ``before`` and
    ``after`` are the annex paragraph ids before and after the edit (a paragraph moved out
    of an annex into the body touches the body)."""
    kept = changes.changed_ids | changes.moved
    if not (kept or changes.inserted or changes.deleted):
        return False
    return kept <= (before & after) and changes.inserted <= after and changes.deleted <= before


def fixes_after(
    doc: Document,
    edit: Edit,
    profile: BodyProfile,
    structural: bool,
    phrases: PhraseBook | None = None,
    *,
    changes: ChangeSet | None = None,
) -> list[Edit]:
    """The fixes an APPLIED ``edit`` makes necessary (not applied): the ladder of the verb
    families it touched and, when ``structural`` (``ChangeSet.structure_changed``), the
    closing punctuation. None when ``changes`` (what it changed) stayed inside annexes."""
    if changes is not None:
        annexed = annex_paragraph_ids(doc)
        if annex_only(changes, annexed, annexed):
            return []
    fams = touched_families(edit, phrases)
    fixes = ladder_fixes(doc, profile, fams, phrases, untouched=False)
    return fixes + punctuation_fixes(doc) if structural else fixes


def with_fixes(
    doc: Document,
    edit: Edit,
    profile: BodyProfile,
    *,
    ladder: FixMode = FixMode.AUTO,
    punctuation: FixMode = FixMode.AUTO,
    phrases: PhraseBook | None = None,
) -> Edit:
    """``edit`` followed by the fixes it makes necessary, as one edit NOT yet applied (push
    it on the undo stack). ``doc`` is left as it was. Returns ``edit`` itself when there is
    nothing to fix, fixing is not AUTO or the edit stayed inside annexes."""
    before = annex_paragraph_ids(doc)
    changes = edit.apply(doc)
    try:
        if annex_only(changes, before, annex_paragraph_ids(doc)):
            return edit
        fixes = fixes_after(doc, edit, profile, changes.structure_changed, phrases)
    finally:
        edit.revert(doc)
    wanted = {LADDER: ladder is FixMode.AUTO}
    keep = [f for f in fixes if wanted.get(f.label, punctuation is FixMode.AUTO)]
    return Compound([edit, *keep], label=edit.label) if keep else edit


def suggestions(
    doc: Document, profile: BodyProfile, phrases: PhraseBook | None = None
) -> list[Edit]:
    """What is wrong in the whole text now (tolerant ladder + punctuation), each fix its
    own edit, for the "suggest" mode and the checks panel."""
    return ladder_fixes(doc, profile, (), phrases) + punctuation_fixes(doc)


def make_paragraph(
    text: str, part: Part, *, sub: bool = False, phrases: PhraseBook | None = None
) -> Paragraph:
    """A new paragraph whose opening phrase is in italics, as UN texts set it (UN_FORMAT.md
    §1); a sub-paragraph's lead words stay roman (``sub=True``)."""
    phrases = phrases or default_phrasebook()
    opener = None if sub else phrases.split(text, part)
    lead = len(text) - len(text.lstrip())
    italics = [Span(lead, lead + len(opener.text))] if opener else []
    return Paragraph(text, italics)
