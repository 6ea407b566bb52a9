"""The checks' memo of a draft, kept on disk between sessions: the first check of a draft
opened again (yesterday's, or the one closed an hour ago, in another window or process)
starts from what its last check found instead of from nothing.

A memo holds what a :class:`~drafting_app.checks.runner.Checker` keeps — the findings of
each paragraph and footnote with the key they were computed from (the text, its italics,
marks and place) — for one draft, with the corpus and the profile it was checked against.
It is only a head start: the next check compares every key with the draft as it is and
judges again each paragraph or footnote that differs, exactly as after an edit
(tests/checks/test_memo.py: the findings are those of a check without a memo, after the
edits a drafter makes between two sessions).

It can never give a stale answer: a memo is used only when it was written by the same code
(:func:`code_identity`: the sources of the checks and the helpers they call, the phrase
lists and curated facts, the Python version, :data:`CHECKS_REVISION`), for the same draft,
the same corpus (``facts_id``, e.g. :meth:`StoredRegistry.memo_identity`) and the same
profile. Anything else — or a memo that is truncated, empty, foreign, too large, or holds
a value of the wrong type — is ignored and the check runs from nothing. A memo is JSON,
read with a bounded size: data from disk builds plain findings and keys, it never runs
code (no pickle).

Memos live in the user's cache folder (:func:`drafting_app.paths.user_cache_dir`,
``check-memos``), one file per draft (named by a digest of its path), written atomically
(a temporary file, then a replace), the :data:`KEEP` most recently written kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from drafting_app import __version__, paths
from drafting_app.checks.facts import CorpusFacts
from drafting_app.checks.findings import Finding, Fix, Location, Severity
from drafting_app.checks.profile import CheckProfile
from drafting_app.checks.runner import Checker, Kept, Key
from drafting_app.model.document import Anchor, Form, Part, Span

# Bump when a family's logic changes in a way the sources digest would not see (a data
# file read from elsewhere); the digest of :func:`code_identity` covers the code itself.
CHECKS_REVISION = 1
FORMAT = "drafting-app check memo"
# The memo of an 800-paragraph / 400-footnote draft is ~0.6 MB; a file above this is not
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
    """What a checker kept after a run, taken on the window's thread (three references)
    and written on a worker: the checker replaces its dicts on the next run, never
    changes them."""

    draft: str
    facts: CorpusFacts
    profile: CheckProfile
    paragraphs: Kept
    notes: Kept


def snapshot(checker: Checker, draft: str, facts: CorpusFacts) -> Snapshot | None:
    """What to save of ``checker``'s last run (with ``facts``), or None when it never ran."""
    profile, paragraphs, notes = checker.kept()
    if profile is None or not (paragraphs or notes):
        return None
    return Snapshot(draft, facts, profile, paragraphs, notes)


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
        fd, tmp = tempfile.mkstemp(prefix=".memo-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        _prune(folder)
    except OSError:
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
    # A writer stopped between its temporary file and the replace (the app quit).
    stale = time.time() - 3600
    for p in folder.glob(".memo-*.tmp"):
        with contextlib.suppress(OSError):
            if p.stat().st_mtime < stale:
                p.unlink()


def load(
    checker: Checker,
    draft: str,
    facts: CorpusFacts,
    profile: CheckProfile,
    folder: Path | None = None,
) -> bool:
    """Give ``checker`` the findings of the draft's memo when it was made by this code for
    ``facts`` and ``profile``; True when it did. Any other memo, or none, leaves
    ``checker`` as it was (its next run judges everything)."""
    facts_id = facts_identity(facts)
    if facts_id is None:
        return False
    path = (folder or memo_folder()) / memo_path(draft).name
    data = _read(path)
    if data is None:
        return False
    kept = decode(data, draft, facts_id, profile)
    if kept is None:
        return False
    checker.adopt(facts, profile, *kept)
    return True


def _read(path: Path) -> bytes | None:
    try:
        with path.open("rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError:
        return None
    return data if 0 < len(data) <= MAX_BYTES else None


# -- the file ------------------------------------------------------------------------------
# JSON of plain lists: a key or a finding is a list of its fields in order (enums by value,
# spans as [start, end], marks as [offset, note id]). Decoding checks every value's type.


def encode(snap: Snapshot, facts_id: str) -> bytes:
    body = {
        "memo": FORMAT,
        "code": code_identity(),
        "draft": snap.draft,
        "facts": facts_id,
        "profile": repr(snap.profile),
        "paragraphs": [
            [pid, _key_out(k), _findings_out(fs)] for pid, (k, fs) in snap.paragraphs.items()
        ],
        "notes": [[fid, list(k), _findings_out(fs)] for fid, (k, fs) in snap.notes.items()],
    }
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()


def decode(
    data: bytes, draft: str, facts_id: str, profile: CheckProfile
) -> tuple[Kept, Kept] | None:
    """The kept findings of memo ``data``, or None unless it is a memo of this code, draft,
    corpus and profile, every value of the type it must have."""
    try:
        body = json.loads(data)
        if not (
            isinstance(body, dict)
            and body.get("memo") == FORMAT
            and body.get("code") == code_identity()
            and body.get("draft") == draft
            and body.get("facts") == facts_id
            and body.get("profile") == repr(profile)
        ):
            return None
        paragraphs: Kept = {}
        for pid, key, found in body["paragraphs"]:
            paragraphs[_str(pid)] = (_key_in(key), _findings_in(found))
        notes: Kept = {}
        for fid, (text, number), found in body["notes"]:
            notes[_str(fid)] = ((_str(text), _opt_int(number)), _findings_in(found))
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None
    return paragraphs, notes


class _Bad(ValueError):
    """A value of the wrong type in a memo."""


def _str(x: object) -> str:
    if type(x) is not str:
        raise _Bad
    return x


def _int(x: object) -> int:
    if type(x) is not int:
        raise _Bad
    return x


def _bool(x: object) -> bool:
    if type(x) is not bool:
        raise _Bad
    return x


def _opt_int(x: object) -> int | None:
    return None if x is None else _int(x)


def _opt_str(x: object) -> str | None:
    return None if x is None else _str(x)


def _list(x: object) -> list[object]:
    if type(x) is not list:
        raise _Bad
    return x


_PARTS = {str(p): p for p in Part}
_FORMS = {str(f): f for f in Form}
_SEVERITIES = {str(s): s for s in Severity}


def _key_out(k: Key) -> list[object]:
    (text, italics, anchors, numbers, kids, cut, part, label, depth, form, chapeau, annex,
     child, last, position, closing, opener) = k  # fmt: skip
    return [
        text,
        [[s.start, s.end] for s in italics],  # type: ignore[attr-defined]
        [[a.offset, a.footnote_id] for a in anchors],  # type: ignore[attr-defined]
        list(numbers),  # type: ignore[call-overload]
        kids, cut, str(part), label, depth, str(form), chapeau, annex, child, last, position,
        None if closing is None else list(closing),  # type: ignore[call-overload]
        None if opener is None else str(opener),
    ]  # fmt: skip


def _key_in(x: object) -> Key:
    (text, italics, anchors, numbers, kids, cut, part, label, depth, form, chapeau, annex,
     child, last, position, closing, opener) = _list(x)  # fmt: skip
    return (
        _str(text),
        tuple(_span(s) for s in _list(italics)),
        tuple(_anchor(a) for a in _list(anchors)),
        tuple(_opt_int(n) for n in _list(numbers)),
        _bool(kids),
        _opt_str(cut),
        _PARTS[_str(part)],
        _str(label),
        _int(depth),
        _FORMS[_str(form)],
        _bool(chapeau),
        _bool(annex),
        _bool(child),
        _bool(last),
        _opt_int(position),
        None if closing is None else _closing(closing),
        None if opener is None else _PARTS[_str(opener)],
    )


def _anchor(x: object) -> Anchor:
    offset, note = _list(x)
    return Anchor(_int(offset), _str(note))


def _closing(x: object) -> tuple[str, bool]:
    mark, wanted = _list(x)
    return (_str(mark), _bool(wanted))


def _span(x: object) -> Span:
    start, end = _list(x)
    return Span(_int(start), _int(end))


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


def _findings_in(x: object) -> list[Finding]:
    out: list[Finding] = []
    for one in _list(x):
        code, severity, message, loc, evidence, fix, cause, also = _list(one)
        part, pid, label, number, start, end, fid = _list(loc)
        out.append(
            Finding(
                _str(code),
                _SEVERITIES[_str(severity)],
                _str(message),
                Location(
                    _str(part), _str(pid), _str(label), _opt_int(number), _int(start),
                    _int(end), _str(fid),
                ),
                _str(evidence),
                None if fix is None else _fix_in(fix),
                _str(cause),
                tuple(_str(a) for a in _list(also)),
            )
        )  # fmt: skip
    return out


def _fix_in(x: object) -> Fix:
    target, start, end, text, footnote, italics, description = _list(x)
    return Fix(
        _str(target),
        _int(start),
        _int(end),
        _str(text),
        _bool(footnote),
        tuple(_span(s) for s in _list(italics)),
        _str(description),
    )
