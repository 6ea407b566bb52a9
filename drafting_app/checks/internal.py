"""INTERNAL: "paragraph 12 above" must name an existing paragraph in the right direction;
"the present resolution" must match what the text is (UN_FORMAT.md §1)."""

from __future__ import annotations

from drafting_app.checks.context import CheckContext
from drafting_app.checks.findings import Finding, Fix, Severity
from drafting_app.citations.internal import link_internal_refs
from drafting_app.model.document import DocumentKind, Form


def check_internal(ctx: CheckContext) -> list[Finding]:
    out: list[Finding] = []
    order = {e.paragraph.id: e.order for e in ctx.entries}
    decision = ctx.doc.form is Form.DECISION or ctx.doc.kind is DocumentKind.DECISION
    own_kind = "decision" if decision else "resolution"
    broken = _broken(ctx, out)
    for link in link_internal_refs(ctx.doc):
        source = ctx.paragraph(link.source_id)
        where = ctx.at(source, link.start, link.end)
        if (link.source_id, link.start) in broken:
            continue  # reported once, as a reference to a deleted paragraph
        if link.present and link.present != own_kind and link.present != "annex":
            new = link.text.replace(link.present, own_kind)
            out.append(
                ctx.finding(
                    "INTERNAL",
                    Severity.WARNING,
                    f"“{link.text}” in a {own_kind}: the text calls itself the present {own_kind}.",
                    where,
                    fix=Fix(source.id, link.start, link.end, new, description=f"Write “{new}”"),
                )
            )
        if not link.label:
            continue
        if not link.resolved:
            what = f"{link.sub_label} of paragraph {link.label}" if link.sub_label else link.label
            out.append(
                ctx.finding(
                    "INTERNAL",
                    Severity.ERROR,
                    f"“{link.text}” refers to paragraph {what}, which does not exist.",
                    where,
                    f"the text has {len(ctx.doc.operative)} operative paragraphs",
                )
            )
            continue
        if link.direction in ("above", "below"):
            target = link.sub_id or link.target_id
            actual = "above" if order[target] < order[link.source_id] else "below"
            if target == link.source_id:
                actual = link.direction
            if actual != link.direction:
                start = link.start + link.text.rindex(link.direction)
                out.append(
                    ctx.finding(
                        "INTERNAL",
                        Severity.ERROR,
                        f"“{link.text}”: paragraph {link.label} is {actual}, not {link.direction}.",
                        where,
                        fix=Fix(
                            source.id,
                            start,
                            start + len(link.direction),
                            actual,
                            description=f"Write “{actual}”",
                        ),
                    )
                )
    return out


def _broken(ctx: CheckContext, out: list[Finding]) -> set[tuple[str, int]]:
    """References whose paragraph was deleted (marked by the edit that deleted it): the
    number they give now names another paragraph, or none."""
    seen: set[tuple[str, int]] = set()
    for e in ctx.entries:
        p = e.paragraph
        for r in p.broken_refs:
            if not 0 <= r.start < r.end <= len(p.text):
                continue
            seen.add((p.id, r.start))
            quoted = p.text[r.start : r.end]
            out.append(
                ctx.finding(
                    "INTERNAL",
                    Severity.ERROR,
                    f"“{quoted}” referred to a paragraph that was deleted; the number "
                    f"{r.target_label} no longer names it. Choose the paragraph it should "
                    "name, or remove the reference.",
                    ctx.at(p, r.start, r.end),
                )
            )
    return seen
