"""The checker: every reference, footnote, opening phrase and punctuation mark of a draft
checked against the UN rules and the corpus (one module per family of checks).

Public API::

    run_checks(doc, facts, profile=None) -> list[Finding]   # deterministic order
    apply_fix(doc, fix) -> Document                          # pure: returns a copy
    profile_for(doc) -> CheckProfile                         # the authoring body's settings

``facts`` is anything satisfying :class:`CorpusFacts` (the corpus Registry does).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafting_app.lazy import exports

if TYPE_CHECKING:
    from drafting_app.checks.facts import CorpusFacts
    from drafting_app.checks.findings import Finding, Fix, Location, Severity, apply_fix
    from drafting_app.checks.profile import CheckProfile, profile_for
    from drafting_app.checks.runner import CODES, has_errors, run_checks

# Loaded on first use (PEP 562): the command line registers ``check`` without paying for
# the whole checker at start-up.
_HOMES = {
    "CorpusFacts": "facts",
    "Finding": "findings",
    "Fix": "findings",
    "Location": "findings",
    "Severity": "findings",
    "apply_fix": "findings",
    "CheckProfile": "profile",
    "profile_for": "profile",
    "CODES": "runner",
    "has_errors": "runner",
    "run_checks": "runner",
}


__getattr__ = exports(__name__, _HOMES)

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
