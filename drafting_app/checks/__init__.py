"""The checker: every reference, footnote, opening phrase and punctuation mark of a draft
checked against the UN rules and the corpus (one module per family of checks).

Public API::

    run_checks(doc, facts, profile=None) -> list[Finding]   # deterministic order
    apply_fix(doc, fix) -> Document                          # pure: returns a copy
    profile_for(doc) -> CheckProfile                         # the authoring body's settings

``facts`` is anything satisfying :class:`CorpusFacts` (the corpus Registry does).
"""

from drafting_app.checks.facts import CorpusFacts
from drafting_app.checks.findings import Finding, Fix, Location, Severity, apply_fix
from drafting_app.checks.profile import CheckProfile, profile_for
from drafting_app.checks.runner import CODES, has_errors, run_checks

__all__ = [
    "CODES",
    "CheckProfile",
    "CorpusFacts",
    "Finding",
    "Fix",
    "Location",
    "Severity",
    "apply_fix",
    "has_errors",
    "profile_for",
    "run_checks",
]
