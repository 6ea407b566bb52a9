"""MISSING: what a text cannot go without. A draft resolution is submitted to the
secretariat with its title and its operative part; one that lacks them would be sent back,
so an empty draft must not "pass every check" (UN_FORMAT.md §1). The document symbol of an
L. document is given by the secretariat at submission: its absence is a note (§6, §7)."""

from __future__ import annotations

from drafting_app.checks.context import CheckContext
from drafting_app.checks.findings import Finding, Location, Severity
from drafting_app.checks.profile import GENERAL_ASSEMBLY
from drafting_app.model.document import Document, DocumentKind, Form, Paragraph
from drafting_app.model.symbol_example import example_symbol

SECURITY_COUNCIL = "Security Council"
MASTHEAD_FORM = "Paragraph › Edit Masthead and Title (Ctrl+Shift+M)"


def _what(doc: Document) -> str:
    if doc.kind is DocumentKind.DECISION or doc.form is Form.DECISION:
        return "decision"
    return "draft resolution" if doc.is_draft else "resolution"


def _decides(chapeau: Paragraph | None) -> bool:
    """A decision's opening paragraph that is the decision itself ("…, decided to defer
    consideration of the item."), not one that introduces lettered paragraphs ("…:")."""
    text = chapeau.text.strip() if chapeau is not None else ""
    return bool(text) and not text.endswith(":")


def _has_body(doc: Document) -> bool:
    """Does the text decide anything: an operative paragraph, or (decision form, and each
    part of a multi-part decision) an opening paragraph that is the decision itself?"""
    if doc.operative or any(a.paragraphs() for a in doc.annexes) or _decides(doc.chapeau):
        return True
    return any(p.operative or _decides(p.chapeau) for p in doc.parts)


# The authoring formula of the bodies whose formula never varies (UN_FORMAT.md §1): "The
# General Assembly," — never "The United Nations General Assembly (UNGA),".
_FORMULAS = {
    GENERAL_ASSEMBLY: "The General Assembly",
    "Economic and Social Council": "The Economic and Social Council",
    "Human Rights Council": "The Human Rights Council",
    SECURITY_COUNCIL: "The Security Council",
}


def check_formula(ctx: CheckContext) -> list[Finding]:
    """FORMULA: the authoring formula in the body's own words."""
    written = ctx.doc.authoring_body.strip()
    expected = _FORMULAS.get(ctx.profile.body)
    # The closing comma is PUNCT's; the words are this check's.
    if not written or expected is None or written.rstrip(",").rstrip() == expected:
        return []
    return [
        ctx.finding(
            "FORMULA",
            Severity.WARNING,
            f"The authoring formula reads “{written}”; the {ctx.profile.body} writes it "
            f"“{expected},”.",
            Location(part="formula"),
            evidence=f"Write it in {MASTHEAD_FORM} (Authoring body).",
        )
    ]


def check_completeness(ctx: CheckContext) -> list[Finding]:
    doc = ctx.doc
    what = _what(doc)
    out: list[Finding] = []
    # A Security Council resolution has no title: it is cited by its number and year
    # ("resolution 2719 (2023)"), its heading.
    if not doc.title.strip() and not doc.parts and ctx.profile.body != SECURITY_COUNCIL:
        out.append(
            ctx.finding(
                "MISSING",
                Severity.ERROR,
                f"The {what} has no title: a text is submitted and cited by its title.",
                Location(part="title"),
                evidence=f"Write it in {MASTHEAD_FORM}.",
            )
        )
    if not _has_body(doc):
        out.append(
            ctx.finding(
                "MISSING",
                Severity.ERROR,
                f"The {what} has no operative paragraph: it neither decides nor requests "
                "anything, and would not be accepted for submission.",
                Location(part="operative"),
                evidence="Add one: click Operative in the outline and press Ctrl+Return.",
            )
        )
    if doc.is_draft and doc.masthead is not None and not doc.masthead.symbol.strip():
        out.append(
            ctx.finding(
                "MISSING",
                Severity.INFO,
                f"The masthead has no document symbol (e.g. {example_symbol(doc.masthead)}): "
                "an L. document is circulated under the symbol the secretariat gives it.",
                Location(part="masthead"),
                evidence=f"Fill it in {MASTHEAD_FORM} when the secretariat has given it.",
            )
        )
    return out
