"""Running every family of checks over a document, in a deterministic order."""

from __future__ import annotations

from collections.abc import Callable

from drafting_app.checks.capitalization import check_capitalization
from drafting_app.checks.causes import one_per_cause
from drafting_app.checks.completeness import check_completeness, check_formula
from drafting_app.checks.context import CheckContext
from drafting_app.checks.dates import check_dates
from drafting_app.checks.facts import CorpusFacts
from drafting_app.checks.findings import Finding, Severity
from drafting_app.checks.footnotes import check_ibid, check_numbering
from drafting_app.checks.internal import check_internal
from drafting_app.checks.marks import check_marks
from drafting_app.checks.negotiation import CODES as NEGOTIATION_CODES
from drafting_app.checks.negotiation import check_negotiation
from drafting_app.checks.openers import check_ladder, check_openers
from drafting_app.checks.profile import CheckProfile, profile_for
from drafting_app.checks.punctuation import check_punctuation
from drafting_app.checks.references import check_references
from drafting_app.checks.repeats import check_repeats
from drafting_app.checks.short_titles import check_short_titles
from drafting_app.checks.spacing import check_spacing
from drafting_app.checks.symbols import check_symbols
from drafting_app.checks.treaties import check_articles, check_treaties
from drafting_app.model.document import Document

Family = Callable[[CheckContext], list[Finding]]

# Code → check. REF-DATE, REF-UNKNOWN, REF-BODY and REF-ORDER come from one pass, and
# FN-REPEAT and FN-OPERATIVE from another.
FAMILIES: dict[str, Family] = {
    "MISSING": check_completeness,
    "FORMULA": check_formula,
    "REF": check_references,
    "TREATY": check_treaties,
    "ARTICLE": check_articles,
    "IBID": check_ibid,
    "FN-NUMBER": check_numbering,
    "FN-REPEAT": check_repeats,
    "FN-MARK": check_marks,
    "INTERNAL": check_internal,
    "SHORT-TITLE": check_short_titles,
    "OPENER": check_openers,
    "LADDER": check_ladder,
    "PUNCT": check_punctuation,
    "DATE": check_dates,
    "SYMBOL": check_symbols,
    "CAPITALS": check_capitalization,
    "SPACING": check_spacing,
    "NEGO": check_negotiation,
}

CODES = (
    "MISSING", "FORMULA", "REF-DATE", "REF-UNKNOWN", "REF-BODY", "REF-ORDER", "TREATY",
    "ARTICLE", "IBID", "FN-NUMBER", "FN-REPEAT", "FN-OPERATIVE", "FN-MARK", "INTERNAL",
    "SHORT-TITLE", "OPENER", "LADDER", "PUNCT", "DATE", "SYMBOL", "CAPITALS", "SPACING",
    *NEGOTIATION_CODES,
)  # fmt: skip

_SEVERITY_ORDER = {s: i for i, s in enumerate(Severity)}


def run_checks(
    doc: Document, facts: CorpusFacts, profile: CheckProfile | None = None
) -> list[Finding]:
    """Every finding for ``doc``: in document order (paragraphs, then footnotes), then by
    position, severity and code — the same input always gives the same list."""
    ctx = CheckContext(doc, facts, profile or profile_for(doc))
    findings: list[Finding] = []
    for family in FAMILIES.values():
        findings += family(ctx)
    order = {e.paragraph.id: e.order for e in ctx.entries}
    far = len(order) + 1

    def key(f: Finding) -> tuple[int, int, int, int, str, str]:
        loc = f.location
        if loc.footnote_number is not None:
            place = far + loc.footnote_number
        elif loc.paragraph_id:
            place = order.get(loc.paragraph_id, far)
        else:
            place = -1
        return (place, loc.start, loc.end, _SEVERITY_ORDER[f.severity], f.code, f.message)

    return one_per_cause(ctx, sorted(findings, key=key))


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)
