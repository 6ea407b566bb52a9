"""A small taxonomy of clauses, as drafters look for them.

Rules (first match wins), applied to the base opener and the lower-cased text:

1. ``ratification`` — the text asks States to ratify, accede or become parties
   ("Urges Member States that have not yet done so to consider ratifying or acceding…").
2. ``recalling-instruments`` — a recalling-type opener (Recalling, Recalls, Reaffirming,
   Bearing in mind…) and the text names a Convention, Protocol or one of its articles.
3. ``recalling-resolutions`` — a recalling-type opener and the text cites a resolution
   or decision.
4. ``working-groups`` — the text is about a working group (its functions, meetings, report).
5. ``secretariat-reporting`` — a request (Requests, Requested, Also requests…) addressed to
   the secretariat, the Secretary-General or the Office, or any clause asking for a report.
6. ``resources-funding`` — extrabudgetary resources, donors, voluntary contributions,
   trust funds.
7. ``technical-assistance`` — technical assistance, capacity-building, training.
8. ``victims`` — protection and assistance of victims.
9. ``cooperation`` — international, inter-agency or law-enforcement cooperation and
   coordination, exchange of information.
10. ``other`` — everything else.
"""

from __future__ import annotations

import re

CATEGORIES: dict[str, str] = {
    "recalling-instruments": "Recalling instruments",
    "recalling-resolutions": "Recalling resolutions and decisions",
    "ratification": "Ratification and accession",
    "secretariat-reporting": "Requests to the secretariat and reporting",
    "resources-funding": "Resources and funding",
    "technical-assistance": "Technical assistance",
    "cooperation": "Cooperation",
    "victims": "Victims",
    "working-groups": "Working groups",
    "other": "Other",
}

_RECALLING = {
    "Recalling",
    "Recalls",
    "Recalled",
    "Reaffirming",
    "Reaffirms",
    "Reaffirmed",
    "Bearing in mind",
    "Keeping in mind",
    "Guided by",
    "Mindful of",
    "Further recalling",
}
_REQUESTS = {"Requests", "Requested", "Urges", "Urged", "Calls upon", "Called upon", "Invites"}

_RULES: list[tuple[str, re.Pattern[str]]] = [
    (
        "ratification",
        re.compile(r"\bratifying\b|\bto ratify\b|\bacced(?:e|ing)\b|\bbecome part(?:y|ies)\b"),
    ),
    ("working-groups", re.compile(r"\bworking group\b")),
    (
        "resources-funding",
        re.compile(r"extrabudgetary|\bdonors?\b|voluntary contribution|trust fund|\bfunding\b"),
    ),
    ("technical-assistance", re.compile(r"technical assistance|capacity[- ]building|\btraining\b")),
    ("victims", re.compile(r"\bvictims?\b")),
    (
        "cooperation",
        re.compile(r"cooperat|coordinat|exchange of information|mutual legal assistance"),
    ),
]
_INSTRUMENT = re.compile(r"\bconvention\b|\bprotocols?\b|\barticle \d+")
_CITED_TEXT = re.compile(r"\bresolutions? [\dS]|\bdecisions? \d")
_SECRETARIAT = re.compile(r"^\S+(?: \S+)? (?:its |the )?(?:secretariat|secretary-general|office)\b")
# lower-case "report": "the Global Report on Trafficking in Persons" is a publication
_REPORT = re.compile(r"\b(?:submit|prepare|present)\b[^;]*\breport\b|\breport (?:to|on)\b")


def categorize(opener: str, text: str) -> str:
    """The category key of a clause, from its base opener and its text (rules above)."""
    lower = text.lower()
    if _RULES[0][1].search(lower):
        return "ratification"
    if opener in _RECALLING:
        if _INSTRUMENT.search(lower) and not _CITED_TEXT.search(lower):
            return "recalling-instruments"
        if _CITED_TEXT.search(lower):
            return "recalling-resolutions"
        if _INSTRUMENT.search(lower):
            return "recalling-instruments"
    if _RULES[1][1].search(lower) and opener not in _REQUESTS:
        return "working-groups"
    if (opener in _REQUESTS and _SECRETARIAT.search(_after_adverb(lower))) or _REPORT.search(text):
        return "secretariat-reporting"
    if _RULES[1][1].search(lower):
        return "working-groups"
    for key, pattern in _RULES[2:]:
        if pattern.search(lower):
            return key
    return "other"


def _after_adverb(lower: str) -> str:
    for adverb in ("also ", "further "):
        if lower.startswith(adverb):
            return lower[len(adverb) :]
    return lower


_KEYS = tuple(CATEGORIES)


def category_number(key: str) -> int:
    """A category as the index stores it: its place in :data:`CATEGORIES` ("other" for a
    key that is not there)."""
    return _KEYS.index(key) if key in CATEGORIES else _KEYS.index("other")


def category_key(number: int) -> str:
    """The category key of a stored number."""
    return _KEYS[number] if 0 <= number < len(_KEYS) else "other"
