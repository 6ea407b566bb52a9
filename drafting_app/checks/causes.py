"""One fault, one finding. A wrong *Treaty Series* volume in a footnote is one mistake even
when two checks word it and the "Ibid." after it inherits it: the findings of one cause
are shown as one, at the place to correct, naming the other places it reaches ("also
affects footnote 2 (Ibid.)"). And the footnote repeat rule decides the advice on a repeated
source: where the rule says the repeat is not needed, "write Ibid." is not advised as well
(UN_FORMAT.md §4)."""

from __future__ import annotations

from dataclasses import replace

from drafting_app.checks.context import CheckContext
from drafting_app.checks.findings import Finding, Location, Severity


def place(ctx: CheckContext, loc: Location) -> str:
    """A place as the panel names it: "footnote 2 (Ibid.)", "operative paragraph 3"."""
    if loc.footnote_id:
        note = ctx.footnote_by_id.get(loc.footnote_id)
        ibid = note is not None and note.text.lstrip("*").startswith("Ibid")
        return f"footnote {loc.footnote_number}" + (" (Ibid.)" if ibid else "")
    if loc.paragraph_id and loc.paragraph_id in ctx.by_id:
        return ctx.describe(ctx.by_id[loc.paragraph_id].paragraph)
    return loc.part or "the document"


def _same_place(a: Location, b: Location) -> bool:
    return (a.paragraph_id, a.footnote_id) == (b.paragraph_id, b.footnote_id)


def _merged(ctx: CheckContext, group: list[Finding]) -> Finding:
    """The finding to show for one cause: the first with a fix (it corrects the place the
    fault is written), else the first; the others' places named after it."""
    root = next((f for f in group if f.fix is not None), group[0])
    also: list[str] = []
    for f in group:
        if _same_place(f.location, root.location):
            continue  # named only when it is another place
        name = place(ctx, f.location)
        if name not in also:
            also.append(name)
    if not also:
        return root
    # An unverifiable citation is not a fault that spreads: its other places cite it too.
    verb = "Also cited in" if root.code == "REF-UNKNOWN" else "Also affects"
    message = f"{root.message.rstrip()} {verb} {_and_join(also)}."
    return replace(root, message=message, also=tuple(also))


def _and_join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def one_per_cause(ctx: CheckContext, findings: list[Finding]) -> list[Finding]:
    """``findings`` (in document order) with each cause shown once, where its first
    finding stood, and no Ibid. advice against the footnote repeat rule."""
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        if f.cause:
            groups.setdefault(f.cause, []).append(f)
    unneeded = {
        f.location.footnote_id
        for f in findings
        if f.code == "FN-REPEAT" and f.severity is Severity.SUGGESTION
    }
    out: list[Finding] = []
    for f in findings:
        ibid = f.code == "IBID" and f.severity is Severity.SUGGESTION
        if ibid and f.location.footnote_id in unneeded:
            continue  # the rule says this repeat is not needed: not "write Ibid." too
        if not f.cause:
            out.append(f)
        elif groups[f.cause][0] is f:
            out.append(_merged(ctx, groups[f.cause]))
    return out
