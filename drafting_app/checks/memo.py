"""The checks' memo of a draft, kept on disk between sessions: the first check of a draft
opened again (yesterday's, or the one closed an hour ago, in another window or process)
shows what its last check found without running the checks when the draft is the very
document that check saw — and when it changed since (a paragraph retyped, a note added),
judges again only what changed, as a re-check after an edit does.

A memo holds what a draft's last check found with what it was found for: a digest of the
whole document (:func:`document_digest`: every field of the model, as ``repr`` writes
them), the corpus (``facts_id``, e.g. :meth:`StoredRegistry.memo_identity`) and the
profile, and the code (:func:`code_identity`: the sources of the checks and the helpers
they call, the phrase lists and curated facts, the Python version,
:data:`CHECKS_REVISION`). Another corpus, profile or version, and the memo is not used:
the check runs as for a draft never seen.

It holds two things. The draft's findings as shown (after ``one_per_cause`` merged them),
used only for the very document. And what seeds the draft's :class:`~drafting_app.checks.
runner.Checker` (:class:`~drafting_app.checks.runner.Seed`): the results the checker kept,
each under a digest of the key it was computed from (:func:`~drafting_app.checks.runner.
key_digest`: the paragraph's or note's id, its text and its place; a whole-text family's
key). Most paragraphs have no findings: their digests are one string of fixed-width hex,
read as one set; only the few with findings are JSON findings (before ``one_per_cause``:
the merge is made again from the draft as it is). A seeded checker computes the keys of
the draft as it is, as after an edit, and judges again every text whose key's digest the
memo does not hold. So a memo can never give a stale answer (tests/checks/test_memo.py,
test_memo_seed.py: the findings are those of a check without it, on every real text
reopened unchanged and after random edits).

Why not the per-text findings as Python objects of every paragraph (the sixth session's
attempt, benchmarks/RESULTS.md, "Issue 21, sixth session"): read back, their keys and
findings were as many objects as the check itself makes, and cost as much as it spared.
Digests of the keys are 32 characters each, and a key is compared by digesting the key
the check computes anyway (about 1 ms for 800 paragraphs and 400 notes).

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
from drafting_app.checks.runner import Kept, Seed, key_digest
from drafting_app.errors import DraftingError
from drafting_app.model.document import Document, Span
from drafting_app.storage.atomic import atomic_write

# Bump when a family's logic changes in a way the sources digest would not see (a data
# file read from elsewhere); the digest of :func:`code_identity` covers the code itself.
CHECKS_REVISION = 1
FORMAT = "drafting-app check memo/5"
# The memo of an 800-paragraph / 400-footnote draft is ~0.2 MB; a file above this is not
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
    # What the draft's checker kept from that check (Checker.kept), or None.
    kept: Kept | None = None


@dataclass(frozen=True, slots=True)
class Reopened:
    """What a draft's memo holds for it now: its findings when the draft is the very
    document its last check saw (else None), and what seeds its checker (read from the
    memo's last line when asked: the findings are shown first)."""

    findings: list[Finding] | None
    seeds: bytes

    def seed(self) -> Seed | None:
        """What seeds the draft's checker, or None when that part of the memo is bad."""
        try:
            with collector.paused(freeze=False):
                return _seed_in(json.loads(self.seeds))
        except _ERRORS:
            return None


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
    draft: str,
    facts: CorpusFacts,
    profile: CheckProfile,
    doc: Document,
    findings: list[Finding],
    kept: Kept | None = None,
) -> Snapshot:
    """What to save: ``findings``, of ``doc`` as it is now, against ``facts`` and
    ``profile``, and what the draft's checker ``kept`` of that check (digested when the
    memo is written, on its worker)."""
    return Snapshot(draft, facts, profile, document_digest(doc), list(findings), kept)


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
    found = _memo_of(draft, facts, folder)
    if found is None:
        return None
    # Thousands of lists and findings with no reference cycles, as a check makes: no
    # pass of the cyclic collector over them (drafting_app.collector).
    with collector.paused(freeze=False):
        return decode(found[1], draft, found[0], profile, doc)


def reopen(
    draft: str,
    facts: CorpusFacts,
    profile: CheckProfile,
    doc: Document,
    folder: Path | None = None,
) -> Reopened | None:
    """What ``doc``'s memo holds for its first check (:class:`Reopened`), when it was made
    by this code for this draft, ``facts`` and ``profile``; else None (the check runs as
    for a draft never seen)."""
    found = _memo_of(draft, facts, folder)
    if found is None:
        return None
    with collector.paused(freeze=False):
        return decode_reopened(found[1], draft, found[0], profile, doc)


def _memo_of(draft: str, facts: CorpusFacts, folder: Path | None) -> tuple[str, bytes] | None:
    """The corpus's memo identity and the bytes of ``draft``'s memo, if both there are."""
    facts_id = facts_identity(facts)
    if facts_id is None:
        return None
    data = _read((folder or memo_folder()) / memo_path(draft).name)
    return None if data is None else (facts_id, data)


def _read(path: Path) -> bytes | None:
    try:
        with path.open("rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError:
        return None
    return data if 0 < len(data) <= MAX_BYTES else None


# -- the file ------------------------------------------------------------------------------
# Three lines of JSON (JSON writes no raw line break): what the memo is of; the findings
# as shown (read only when the first line is this draft as it is); what seeds the draft's
# checker. A finding is a list of its fields in order (its severity by value, its location
# and fix as lists, spans as [start, end]). The seed: {"clean": the digests of the texts
# with no findings, one string; "found": {digest: findings}; "families": {code: [digest,
# findings]}}.

_DIGEST_WIDTH = 32  # key_digest: 16 bytes in hex


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
        for part in (head, _findings_out(snap.findings), _seed_out(snap.kept))
    )


def _seed_out(kept: Kept | None) -> dict[str, object]:
    clean: list[str] = []
    found: dict[str, list[list[object]]] = {}
    families: dict[str, list[object]] = {}
    if kept is not None:
        paragraphs, notes, kept_families = kept
        for kind, results in (("p", paragraphs), ("n", notes)):
            for ident, (key, findings) in results.items():
                digest = key_digest(kind, ident, key)
                if digest is None:
                    continue
                if findings:
                    found[digest] = _findings_out(findings)
                else:
                    clean.append(digest)
        for code, (family_key, findings) in kept_families.items():
            digest = key_digest("f", code, family_key)
            if digest is not None:
                families[code] = [digest, _findings_out(findings)]
    return {"clean": "".join(clean), "found": found, "families": families}


def _head_matches(head: object, draft: str, facts_id: str, profile: CheckProfile) -> bool:
    """Whether a memo's first line is of this code, draft, corpus and profile."""
    return (
        type(head) is dict
        and head.get("memo") == FORMAT
        and head.get("code") == code_identity()
        and head.get("draft") == draft
        and head.get("facts") == facts_id
        and head.get("profile") == repr(profile)
    )


_ERRORS = (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError)


def decode(
    data: bytes, draft: str, facts_id: str, profile: CheckProfile, doc: Document
) -> list[Finding] | None:
    """The findings memo ``data`` holds, or None unless it is a memo of this code, draft,
    corpus, profile and document whose every value has the type it must have."""
    try:
        first, shown, _ = data.split(b"\n")
        head = json.loads(first)
        if not _head_matches(head, draft, facts_id, profile):
            return None
        if head.get("document") != document_digest(doc):
            return None
        return _findings_in(json.loads(shown))
    except _ERRORS:
        return None


def decode_reopened(
    data: bytes, draft: str, facts_id: str, profile: CheckProfile, doc: Document
) -> Reopened | None:
    """What memo ``data`` holds for ``doc`` (:class:`Reopened`), or None unless it is a
    memo of this code, draft, corpus and profile whose findings have the types they must
    have (a bad value in the seed: :meth:`Reopened.seed` is None)."""
    try:
        first, shown, seeds = data.split(b"\n")
        head = json.loads(first)
        if not _head_matches(head, draft, facts_id, profile):
            return None
        same = head.get("document") == document_digest(doc)
        return Reopened(_findings_in(json.loads(shown)) if same else None, seeds)
    except _ERRORS:
        return None


def _seed_in(x: Any) -> Seed:
    if type(x) is not dict:
        raise _Bad
    clean, found, families = x["clean"], x["found"], x["families"]
    if not (type(clean) is str and type(found) is dict and type(families) is dict):
        raise _Bad
    if len(clean) % _DIGEST_WIDTH:
        raise _Bad
    w = _DIGEST_WIDTH
    digests = frozenset(clean[i : i + w] for i in range(0, len(clean), w))
    kept: dict[str, tuple[str, list[Finding]]] = {}
    for code, value in families.items():
        digest, findings = value
        if type(digest) is not str:
            raise _Bad
        kept[code] = (digest, _findings_in(findings))
    return Seed(digests, {d: _findings_in(f) for d, f in found.items()}, kept)


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
    append, severities = out.append, _SEVERITIES
    for code, severity, message, loc, evidence, fix, cause, also in x:
        part, pid, label, number, start, end, fid = loc
        # every type checked in one chain of comparisons: a memo of the 800 / 400 draft
        # holds ~2,000 findings, read at each first check
        if not (
            type(code) is type(message) is type(evidence) is type(cause) is str
            and type(part) is type(pid) is type(label) is type(fid) is str
            and type(start) is type(end) is int
            and (number is None or type(number) is int)
            and type(also) is list
            and (not also or _texts(*also))
        ):
            raise _Bad
        append(
            Finding(
                code,
                severities[severity],
                message,
                Location(part, pid, label, number, start, end, fid),
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
