"""Checks of a draft in negotiation (WORKFLOWS.md §2), run only while it is negotiated:

- NEGO-BRACKET: a square bracket typed into the text with no partner ("[annually"): the
  app's own brackets are balanced by construction, typed ones are not;
- NEGO-ALT: an alternative set with one option left — settle it or drop the set;
- NEGO-AGREED: a paragraph marked agreed ad ref that still has brackets, alternatives or
  open proposals;
- NEGO-CHANGED: the wording of an agreed-ad-ref paragraph changed after it was agreed
  (with who changed it, in which round and when);
- NEGO-LABEL: an internal reference to a bis/ter label ("paragraph 5 bis above"): it names
  the paragraph by its label now and becomes a number in the final text; one naming a
  label no paragraph has (or a deleted one) is an error.
"""

from __future__ import annotations

from drafting_app.checks.context import CheckContext
from drafting_app.checks.findings import Finding, Location, Severity
from drafting_app.model.document import Paragraph
from drafting_app.model.negotiation import Record, Status
from drafting_app.model.negotiation_final import final_numbers, label_references
from drafting_app.model.negotiation_labels import full_labels, is_inserted

CODES = ("NEGO-BRACKET", "NEGO-ALT", "NEGO-AGREED", "NEGO-CHANGED", "NEGO-LABEL")


def _where(p: Paragraph, part: str, label: str, start: int = 0, end: int = 0) -> Location:
    return Location(part=part, paragraph_id=p.id, paragraph_label=label, start=start, end=end)


def typed_brackets(text: str) -> list[tuple[int, str]]:
    """Square brackets in the text itself that have no partner: ``(offset, "[" or "]")``."""
    open_at: list[int] = []
    lone: list[tuple[int, str]] = []
    for i, c in enumerate(text):
        if c == "[":
            open_at.append(i)
        elif c == "]":
            if open_at:
                open_at.pop()
            else:
                lone.append((i, c))
    return sorted(lone + [(i, "[") for i in open_at])


def _brackets(p: Paragraph, part: str, label: str) -> list[Finding]:
    out = []
    for offset, char in typed_brackets(p.text):
        other = "closing" if char == "[" else "opening"
        out.append(
            Finding(
                "NEGO-BRACKET",
                Severity.ERROR,
                f"{label}: the typed “{char}” has no {other} bracket. Bracket words with "
                "Negotiation › Bracket Selection (brackets made there always balance), or "
                "type its partner.",
                _where(p, part, label, offset, offset + 1),
            )
        )
    return out


def _alternatives(p: Paragraph, r: Record, part: str, label: str) -> list[Finding]:
    return [
        Finding(
            "NEGO-ALT",
            Severity.WARNING,
            f"{label}: the alternatives for “{p.text[a.start : a.end]}” are down to one "
            "option: choose it (the words stay, without brackets) or add another.",
            _where(p, part, label, a.start, a.end),
        )
        for a in r.alternatives
        if not a.options
    ]


def _agreed(p: Paragraph, r: Record, part: str, label: str) -> list[Finding]:
    if r.status is not Status.AGREED:
        return []
    left = []
    if r.brackets:
        left.append(f"{len(r.brackets)} bracketed passage{'s' if len(r.brackets) > 1 else ''}")
    if r.alternatives or r.paragraph_alternatives:
        left.append("alternatives")
    if r.open_proposals():
        authors = ", ".join(dict.fromkeys(q.author for q in r.proposals)) or "a delegation"
        left.append(f"{r.open_proposals()} open proposal(s) ({authors})")
    if not left:
        return []
    return [
        Finding(
            "NEGO-AGREED",
            Severity.WARNING,
            f"{label} is marked agreed ad ref but still has {' and '.join(left)}: settle "
            "them, or mark it under consultation.",
            _where(p, part, label),
        )
    ]


def _changed(p: Paragraph, r: Record, part: str, label: str) -> list[Finding]:
    agreed = r.agreed
    if r.status is not Status.AGREED or agreed is None or agreed.text == p.text:
        return []
    who = "; ".join(f"{c.who} in round {c.round} ({c.at})" for c in r.changes) or (
        "an edit not recorded"
    )
    return [
        Finding(
            "NEGO-CHANGED",
            Severity.WARNING,
            f"{label} was agreed ad ref in round {agreed.round} ({agreed.at}) and its wording "
            f"has changed since: by {who}. Check the change with the delegations, or mark "
            "the paragraph under consultation.",
            _where(p, part, label),
            evidence=f"agreed wording: {agreed.text}",
        )
    ]


def _label_refs(
    p: Paragraph, part: str, label: str, known: dict[str, str], final: dict[str, str]
) -> list[Finding]:
    out = []
    for start, end, target in label_references(p.text):
        if not is_inserted(target):
            continue
        if target in final:
            message = (
                f"“paragraph {p.text[start:end]}” names {target} by its label; in the final "
                f"text it becomes “paragraph {final[target]}” (the final export rewrites it)."
            )
            severity = Severity.INFO
        elif target in known:
            message = f"“paragraph {p.text[start:end]}” names {target}, which is deleted."
            severity = Severity.ERROR
        else:
            message = f"“paragraph {p.text[start:end]}”: no paragraph is labelled {target}."
            severity = Severity.ERROR
        out.append(Finding("NEGO-LABEL", severity, message, _where(p, part, label, start, end)))
    return out


def check_negotiation(ctx: CheckContext) -> list[Finding]:
    """Every NEGO finding of a negotiated draft (none for a draft not in negotiation)."""
    doc = ctx.doc
    nego = doc.negotiation
    if nego is None:
        return []
    labels = full_labels(doc, nego)
    known = {r.label: pid for pid, r in nego.records.items()}
    final = final_numbers(doc)
    out: list[Finding] = []
    for entry in ctx.entries:
        p = entry.paragraph
        r = nego.records.get(p.id)
        if r is None or r.status is Status.DELETED:
            continue
        part, label = str(entry.part), labels.get(p.id, r.label)
        out += _brackets(p, part, label)
        out += _alternatives(p, r, part, label)
        out += _agreed(p, r, part, label)
        out += _changed(p, r, part, label)
        out += _label_refs(p, part, label, known, final)
    return out
