"""SHORT-TITLE: the first mention of an instrument gives its full title (with its footnote),
later mentions the short title (UN_FORMAT.md §3) — checked again after every move."""

from __future__ import annotations

from drafting_app.checks.context import CheckContext
from drafting_app.checks.findings import Finding, Fix, Severity
from drafting_app.citations.short_titles import short_title_findings


def check_short_titles(ctx: CheckContext) -> list[Finding]:
    out: list[Finding] = []
    for issue in short_title_findings(ctx.doc, ctx.names):
        m = issue.first
        p = ctx.paragraph(m.paragraph_id)
        full = ctx.names.instruments[issue.key].full_title
        later = ""
        if issue.full_later is not None:
            where = ctx.describe(ctx.paragraph(issue.full_later.paragraph_id))
            later = f" (the full title comes later, in {where})"
        edit = issue.edits[0]
        out.append(
            ctx.finding(
                "SHORT-TITLE",
                Severity.WARNING,
                f"The first mention of the {m.text} uses its short title{later}; the first "
                "mention gives the full title, later ones the short title.",
                ctx.at(p, m.start, m.end),
                f"registry: {full}",
                Fix(p.id, edit.start, edit.end, edit.new_text, description="Write the full title"),
            )
        )
    return out
