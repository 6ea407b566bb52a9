"""Per-body settings of the checker (UN_FORMAT.md §2, §4: where bodies differ in practice)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from drafting_app.citations.render import CitationRule, RepeatRule
from drafting_app.model.document import Document
from drafting_app.model.opening import meeting_opening

COP = (
    "Conference of the Parties to the United Nations Convention against "
    "Transnational Organized Crime"
)
GENERAL_ASSEMBLY = "General Assembly"

# How texts name their own or other bodies before "resolution"/"decision".
BODY_ALIASES = {
    "General Assembly": GENERAL_ASSEMBLY,
    "Assembly": GENERAL_ASSEMBLY,
    "Conference of the Parties": COP,
    "Conference": COP,
    "Economic and Social Council": "Economic and Social Council",
    "Security Council": "Security Council",
    "Human Rights Council": "Human Rights Council",
    "Commission on Crime Prevention and Criminal Justice": (
        "Commission on Crime Prevention and Criminal Justice"
    ),
    "Commission on Narcotic Drugs": "Commission on Narcotic Drugs",
}


@dataclass(frozen=True)
class CheckProfile:
    """``body``: the authoring body ("its decision 4/4" means its texts).
    ``preamble_adverb``: "after" (GA, CTOC/COP: "Recalling also") or "before" (UNFCCC:
    "Also recalling"). ``operative_adverb``: "before" ("Also requests") everywhere observed.
    """

    body: str = COP
    preamble_adverb: str = "after"
    operative_adverb: str = "before"
    citation: CitationRule = field(default_factory=CitationRule)

    def body_of(self, written: str) -> str:
        """The full body name for what a citation writes ("its", "Assembly", …)."""
        if written == "its":
            return self.body
        return BODY_ALIASES.get(written, written)


def with_repeat_rule(profile: CheckProfile, rule: str) -> CheckProfile:
    """``profile`` holding drafts to footnote repeat ``rule`` ("first-mention", the current
    UN rule, or "first-operative", the older practice: UN_FORMAT.md §4)."""
    return replace(profile, citation=replace(profile.citation, repeat=RepeatRule(rule)))


_GA_RE = re.compile(r"\bGeneral Assembly\b")
_UNFCCC_RE = re.compile(r"\bConference of the Parties (?:to the United Nations Framework|serving)")


def profile_for(doc: Document) -> CheckProfile:
    """The profile of the body that authors ``doc`` (from its authoring-body line or
    chapeau), the Conference of the Parties when nothing says otherwise."""
    chapeaux = [doc.chapeau] + [part.chapeau for part in doc.parts]
    head = doc.authoring_body or next((c.text[:200] for c in chapeaux if c is not None), "")
    head = head or " ".join(doc.front_matter[:3])
    opening = meeting_opening(head)
    if opening is not None and not opening.body.startswith("Conference"):
        # A decision as recorded: "At its … meeting, …, the <body>": that body, whatever
        # the rest of the opening recalls.
        return CheckProfile(body=BODY_ALIASES.get(opening.body, opening.body))
    if _UNFCCC_RE.search(head):
        return CheckProfile(body=head.split(",")[0].removeprefix("The "), preamble_adverb="before")
    if _GA_RE.search(head) and "Transnational Organized Crime" not in head:
        return CheckProfile(body=GENERAL_ASSEMBLY)
    body = BODY_ALIASES.get(head.split(",")[0].removeprefix("The ").strip(), COP)
    if body != GENERAL_ASSEMBLY:  # "The Economic and Social Council,"
        return CheckProfile(body=body)
    return CheckProfile()
