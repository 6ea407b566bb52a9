"""The checks' memo of a draft, kept on disk between sessions: the first check of a draft
opened again (yesterday's, or the one closed an hour ago, in another window or process)
shows what its last check found without running the checks, when the draft is the very
document that check saw.

A memo holds the findings of a draft's last check with what they were found for: a
digest of the whole document (:func:`document_digest`: every field of the model, as
``repr`` writes them), the corpus (``facts_id``, e.g. :meth:`StoredRegistry.memo_identity`)
and the profile, and the code (:func:`code_identity`: the sources of the checks and the
helpers they call, the phrase lists and curated facts, the Python version,
:data:`CHECKS_REVISION`). Anything else differs — a paragraph changed since, another
corpus, another profile, another version — and the memo is not used: the check runs as
for a draft never seen. So a memo can never give a stale answer (tests/checks/test_memo.py:
the findings are those of a check without it, on every real text).

Why not the per-paragraph findings as well (so that a draft changed since would be judged
again only where it changed): read back from disk, their keys and findings are as many
Python objects as the check itself makes, and reading them cost as much as the check
spared (benchmarks/RESULTS.md, "Issue 21, sixth session").

A memo that is truncated, empty, foreign, too large, or holds a value of the wrong type
is ignored. A memo is JSON, read with a bounded size: data from disk builds plain
findings, it never runs code (no pickle). Memos live in the user's cache folder
(:func:`drafting_app.paths.user_cache_dir`, ``check-memos``), one file per draft (named
by a digest of its path), written atomically (a temporary file, then a replace), the
:data:`KEEP` most recently written kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sys
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import Any

from drafting_app import __version__, collector, paths
from drafting_app.checks.facts import CorpusFacts
from drafting_app.checks.findings import Finding, Fix, Location, Severity
from drafting_app.checks.profile import CheckProfile
from drafting_app.errors import DraftingError
from drafting_app.model.document import Document, Span
from drafting_app.storage.atomic import atomic_write

# Bump when a family's logic changes in a way the sources digest would not see (a data
# file read from elsewhere); the digest of :func:`code_identity` covers the code itself.
CHECKS_REVISION = 1
FORMAT = "drafting-app check memo/4"
# The memo of an 800-paragraph / 400-footnote draft is ~0.1 MB; a file above this is not
# a memo of ours (or a draft far beyond any real one) and is not read.
MAX_BYTES = 16 * 1024 * 1024
KEEP = 64  # memos kept: the drafts most recently checked
FOLDER = "check-memos"

# What the checks' findings are computed by: their sources, the per-text helpers they
# call, the corpus facts' readers, and the phrase lists and curated facts they read.
_SOURCES = (
    "checks",
    "citations",
    "model",
    "corpus/facts.py",
    "corpus/registry.py",
    "corpus/stored_registry.py",
    "phrases.py",
)
_RESOURCES = ("phrases", "registry")


@cache
def code_identity() -> str:
    """A digest of everything a check's findings depend on besides the draft, the corpus
    and the profile (computed once per process, ~1 ms)."""
    h = hashlib.sha256(f"{FORMAT}|{CHECKS_REVISION}|{__version__}|{sys.version}".encode())
    package = Path(__file__).resolve().parent.parent
    files: list[Path] = []
    for name in _SOURCES:
        path = package / name
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    for name in _RESOURCES:
        files += sorted(p for p in (paths.resources_dir() / name).rglob("*") if p.is_file())
    for path in files:
        h.update(str(path.relative_to(path.anchor)).encode())
        try:
            h.update(path.read_bytes())
        except OSError:  # a frozen bundle without sources: its version says it all
            h.update(b"-")
    return h.hexdigest()


def facts_identity(facts: CorpusFacts) -> str | None:
    """What names the corpus ``facts`` stand for across processes (None: nothing does, and
    findings checked against it are not kept on disk)."""
    ask = getattr(facts, "memo_identity", None)
    if not callable(ask):
        return None
    found = ask()
    return found if isinstance(found, str) else None


def memo_folder() -> Path:
    return paths.user_cache_dir() / FOLDER


def memo_path(draft: str) -> Path:
    """The memo file of the draft named ``draft`` (its resolved path)."""
    return memo_folder() / (hashlib.sha256(draft.encode()).hexdigest()[:32] + ".json")


def draft_identity(path: Path | str) -> str:
    return str(Path(path).resolve())


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The findings of a check with what they were found for, taken when the draft is
    the one it checked (its digest) and written on a worker."""

    draft: str
    facts: CorpusFacts
    profile: CheckProfile
    digest: str
    findings: list[Finding]


def document_digest(doc: Document) -> str:
    """A digest of everything in ``doc``: ``repr`` writes every field of every paragraph,
    footnote, part and annex (~2 ms for 800 paragraphs) — but an annex's ``id``, made
    anew each time a draft is opened (it is not saved, and no check reads it). The same
    for the same draft in another process (tests/checks/test_memo.py)."""
    h = hashlib.sha256()
    for f in fields(doc):
        h.update(f"\x00{f.name}\x00".encode())
        if f.name == "annexes":
            for annex in doc.annexes:
                for g in fields(annex):
                    if g.name != "id":
                        h.update(f"\x00{g.name}\x00{getattr(annex, g.name)!r}".encode())
        else:
            h.update(repr(getattr(doc, f.name)).encode())
    return h.hexdigest()


def snapshot(
    draft: str, facts: CorpusFacts, profile: CheckProfile, doc: Document, findings: list[Finding]
) -> Snapshot:
    """What to save: ``findings``, of ``doc`` as it is now, against ``facts`` and
    ``profile``."""
    return Snapshot(draft, facts, profile, document_digest(doc), list(findings))


def save(snap: Snapshot, folder: Path | None = None) -> Path | None:
    """Write ``snap`` as the memo of its draft (atomically); the oldest memos beyond
    :data:`KEEP` are removed. Returns the file, or None when it could not be written (a
    memo is only a head start: failing to keep one is not the drafter's problem), or the
    corpus has no lasting identity (:func:`facts_identity`)."""
    folder = folder or memo_folder()
    facts_id = facts_identity(snap.facts)
    if facts_id is None:
        return None
    data = encode(snap, facts_id)
    if len(data) > MAX_BYTES:
        return None
    target = folder / memo_path(snap.draft).name
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # the app's one write path: a temporary file, then a replace (stale ones swept)
        atomic_write(target, data, backup=False, error=DraftingError)
        _prune(folder)
    except (OSError, DraftingError):
        return None
    return target


def _prune(folder: Path) -> None:
    memos: list[tuple[float, Path]] = []
    for p in folder.glob("*.json"):
        with contextlib.suppress(OSError):
            memos.append((p.stat().st_mtime, p))
    memos.sort(reverse=True)
    for _, p in memos[KEEP:]:
        with contextlib.suppress(OSError):
            p.unlink()


def load(
    draft: str,
    facts: CorpusFacts,
    profile: CheckProfile,
    doc: Document,
    folder: Path | None = None,
) -> list[Finding] | None:
    """The findings of ``doc`` its memo holds, when it was made by this code for this very
    document, ``facts`` and ``profile``; else None (the check must run)."""
    facts_id = facts_identity(facts)
    if facts_id is None:
        return None
    data = _read((folder or memo_folder()) / memo_path(draft).name)
    if data is None:
        return None
    # Thousands of lists and findings with no reference cycles, as a check makes: no
    # pass of the cyclic collector over them (drafting_app.collector).
    with collector.paused(freeze=False):
        return decode(data, draft, facts_id, profile, doc)


def _read(path: Path) -> bytes | None:
    try:
        with path.open("rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError:
        return None
    return data if 0 < len(data) <= MAX_BYTES else None


# -- the file ------------------------------------------------------------------------------
# Two lines of JSON (JSON writes no raw line break): what the memo is of, then the findings
# (read only when the first line is this draft as it is) as plain lists — a finding is a
# list of its fields in order (its severity by value, its location and fix as lists,
# spans as [start, end]).


def encode(snap: Snapshot, facts_id: str) -> bytes:
    head = {
        "memo": FORMAT,
        "code": code_identity(),
        "draft": snap.draft,
        "facts": facts_id,
        "profile": repr(snap.profile),
        "document": snap.digest,
    }
    return b"\n".join(
        json.dumps(part, ensure_ascii=False, separators=(",", ":")).encode()
        for part in (head, _findings_out(snap.findings))
    )


def decode(
    data: bytes, draft: str, facts_id: str, profile: CheckProfile, doc: Document
) -> list[Finding] | None:
    """The findings memo ``data`` holds, or None unless it is a memo of this code, draft,
    corpus, profile and document whose every value has the type it must have."""
    try:
        first, _, rest = data.partition(b"\n")
        head = json.loads(first)
        if not (
            type(head) is dict
            and head.get("memo") == FORMAT
            and head.get("code") == code_identity()
            and head.get("draft") == draft
            and head.get("facts") == facts_id
            and head.get("profile") == repr(profile)
            and head.get("document") == document_digest(doc)
        ):
            return None
        return _findings_in(json.loads(rest))
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError):
        return None


class _Bad(ValueError):
    """A value of the wrong type in a memo."""


_SEVERITIES = {str(s): s for s in Severity}


def _findings_out(found: list[Finding]) -> list[list[object]]:
    out: list[list[object]] = []
    for f in found:
        loc, fix = f.location, f.fix
        out.append(
            [
                f.code,
                str(f.severity),
                f.message,
                [loc.part, loc.paragraph_id, loc.paragraph_label, loc.footnote_number,
                 loc.start, loc.end, loc.footnote_id],
                f.evidence,
                None if fix is None else [
                    fix.target_id, fix.start, fix.end, fix.new_text, fix.footnote,
                    [[s.start, s.end] for s in fix.italics], fix.description,
                ],
                f.cause,
                list(f.also),
            ]
        )  # fmt: skip
    return out


def _texts(*values: object) -> bool:
    return all(type(v) is str for v in values)


def _ints(*values: object) -> bool:
    return all(type(v) is int for v in values)


def _findings_in(x: Any) -> list[Finding]:
    if type(x) is not list:
        raise _Bad
    out: list[Finding] = []
    for code, severity, message, loc, evidence, fix, cause, also in x:
        part, pid, label, number, start, end, fid = loc
        if not (
            _texts(code, message, evidence, cause, part, pid, label, fid)
            and _ints(start, end)
            and (number is None or type(number) is int)
            and type(also) is list
            and _texts(*also)
        ):
            raise _Bad
        where = Location(part, pid, label, number, start, end, fid)
        out.append(
            Finding(
                code,
                _SEVERITIES[severity],
                message,
                where,
                evidence,
                None if fix is None else _fix_in(fix),
                cause,
                tuple(also),
            )
        )
    return out


def _fix_in(x: Any) -> Fix:
    target, start, end, text, footnote, italics, description = x
    if not (_texts(target, text, description) and _ints(start, end) and type(footnote) is bool):
        raise _Bad
    spans = tuple(_span(s) for s in italics)
    return Fix(target, start, end, text, footnote, spans, description)


def _span(x: Any) -> Span:
    start, end = x
    if not _ints(start, end):
        raise _Bad
    return Span(start, end)
