"""Speed of the checks: a 200-paragraph, 100-footnote draft (or 800 / 400: issue 21 item 6)
against a registry built from a synthetic corpus of 10,000 documents (benchmarks/synth.py:
corpus paragraphs recombined with varied numbers and dates, deterministic seed). Rows: a
cold full check (text caches cleared, a new checker), a full check with the text caches
warm, and the draft's own checker (as the checks panel keeps one) re-checking with nothing
changed, after a one-word edit in one paragraph, after a paragraph inserted or deleted in
the middle of the operative part (the paragraphs after it renumbered), and after an edit to
one footnote. Target: ≤ 20 ms.

The recombined draft repeats its texts (325 distinct paragraph texts among 800), which a
cold check only pays once each; a real long draft has nearly every paragraph distinct. The
row "cold full check, all-distinct draft" checks such a draft (:func:`build_distinct_draft`:
the paragraphs of the real texts in tests/data/realdocs and the bundled corpus, no text
twice, with their own notes and real notes varied); ``--distinct`` runs every row on it.

    python -m benchmarks.check_speed [--n 10000] [--runs 50] [--seed 1]
        [--paragraphs 800 --notes 400] [--distinct] [--freeze] [--families]

A reopened draft's rows (checks.memo): its memo's findings, and its checker seeded from the
memo on the draft unchanged and changed since by one paragraph, ten, or a footnote
— each row followed by the same with the checker not seeded, as before the eighth session
(their runs alternate: the same load for both).

``--families`` adds a table of where a full check's time goes, cold and warm: the check's
context (entries, numbers), the references of every text (asked first here, as the first
family to ask them pays for them in a run), which texts the text-alone families have
nothing to say about (told for all texts at once, as the checker does), each whole-text
family, and the per-paragraph and per-footnote families each over the whole draft.
"""

from __future__ import annotations

import argparse
import copy
import gc
import os
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synth import _vary_citations, load_pools, make_document  # noqa: E402
from drafting_app.checks.context import clear_text_caches  # noqa: E402
from drafting_app.checks.runner import Checker, run_checks  # noqa: E402
from drafting_app.corpus.facts import canonical_body  # noqa: E402
from drafting_app.corpus.readers import read_documents, read_text  # noqa: E402
from drafting_app.corpus.registry import Registry  # noqa: E402
from drafting_app.errors import FormatError  # noqa: E402
from drafting_app.model.changes import Edit  # noqa: E402
from drafting_app.model.document import Anchor, Document, Footnote, Paragraph, Part  # noqa: E402
from drafting_app.model.paragraph_edits import DeleteParagraph, InsertParagraph  # noqa: E402
from drafting_app.model.text_edits import EditFootnote, SetText  # noqa: E402

PARAGRAPHS = 200
FOOTNOTES = 100
_EXTRA_NOTES = (
    "United Nations, *Treaty Series*, vol. 2237, No. 39574.",
    "Ibid., vol. 2241, No. 39574.",
    "CTOC/COP/2010/5, CTOC/COP/2010/6 and CTOC/COP/2010/11.",
    "United Nations publication, Sales No. E.09.V.11.",
    "General Assembly resolution 55/25, annex I.",
)


def synthetic_corpus(n: int, seed: int) -> list[tuple[str, Document]]:
    pools = load_pools()
    rng = random.Random(seed)
    return [
        (f"synth/{i:05d}", read_text(make_document(i, pools, rng), f"synth_{i:05d}.txt"))
        for i in range(n)
    ]


def _count(paras: list[Paragraph]) -> int:
    return sum(1 for p in paras for _ in p.walk())


def build_draft(seed: int, paragraphs: int = PARAGRAPHS, footnotes: int = FOOTNOTES) -> Document:
    """A draft of 200 paragraphs (sub-paragraphs included) and 100 footnotes (or as many as
    asked), recombined from synthetic documents; extra notes are anchored where paragraphs
    have none."""
    pools = load_pools()
    rng = random.Random(seed)
    draft = read_text(make_document(0, pools, rng), "draft.txt")
    while _count(draft.preamble) + _count(draft.operative) < paragraphs:
        more = read_text(make_document(1, pools, rng), "more.txt")
        draft.preamble += copy.deepcopy(more.preamble)
        draft.operative += copy.deepcopy(more.operative)
        draft.footnotes += copy.deepcopy(more.footnotes)
    while _count(draft.preamble) + _count(draft.operative) > paragraphs:
        dropped = draft.operative.pop(len(draft.operative) // 2)
        gone = {a.footnote_id for p in dropped.walk() for a in p.anchors}
        draft.footnotes = [f for f in draft.footnotes if f.id not in gone]
    bare = [p for p in draft.all_paragraphs() if not p.anchors]
    k = 0
    while len(draft.footnotes) < footnotes and bare:
        p = bare.pop(rng.randrange(len(bare)))
        note = Footnote(_EXTRA_NOTES[k % len(_EXTRA_NOTES)])
        k += 1
        draft.footnotes.append(note)
        p.anchors.append(Anchor(len(p.text), note.id))
    draft.footnotes = draft.footnotes[:footnotes]
    return draft


REAL_TEXTS = (ROOT / "tests" / "data" / "realdocs", ROOT / "resources" / "corpus")
_SYMBOL_NUMBER_RE = re.compile(r"(?<=/)\d{1,3}(?=[/,.;\s]|$)")


def _real_texts() -> list[Document]:
    out: list[Document] = []
    for root in REAL_TEXTS:
        for path in sorted(root.rglob("*")):
            if path.suffix.lower() not in (".txt", ".docx", ".pdf"):
                continue
            try:
                out += read_documents(path)
            except FormatError:
                continue
    return out


def _vary_note(text: str, rng: random.Random) -> str:
    """A real note as the next text would give it: other resolution numbers and dates,
    other document numbers ("A/64/123" → "A/64/57")."""
    text = _vary_citations(text, rng)
    return _SYMBOL_NUMBER_RE.sub(lambda m: str(rng.randint(1, 300)), text)


def build_distinct_draft(
    seed: int, paragraphs: int = PARAGRAPHS, footnotes: int = FOOTNOTES
) -> Document:
    """A draft whose paragraph texts are all distinct, as in a real long draft: the
    preambular and operative paragraphs (with their sub-paragraphs and the notes their
    marks call) of the real texts of tests/data/realdocs and the bundled corpus — General
    Assembly resolutions and decisions, CTOC/COP texts, Model UN drafts, PDFs — taken text
    by text in a shuffled order, no paragraph text twice; then notes anchored at the end of
    bare paragraphs until the count is reached: real notes with their numbers varied."""
    rng = random.Random(seed)
    draft = read_text(make_document(0, load_pools(), rng), "draft.txt")
    draft.preamble, draft.operative, draft.footnotes = [], [], []
    sources = _real_texts()
    rng.shuffle(sources)
    seen: set[str] = set()
    taken: set[str] = set()
    count = 0
    for doc in sources:
        notes = {f.id: f for f in doc.footnotes}
        for tops, into in ((doc.preamble, draft.preamble), (doc.operative, draft.operative)):
            for top in tops:
                texts = [p.text for p in top.walk()]
                if count + len(texts) > paragraphs or any(t in seen or not t for t in texts):
                    continue
                top = copy.deepcopy(top)
                seen.update(texts)
                count += len(texts)
                into.append(top)
                for p in top.walk():
                    kept = []
                    for a in p.anchors:
                        note = notes.get(a.footnote_id)
                        if note is None or note.id in taken or len(taken) >= footnotes:
                            continue
                        taken.add(note.id)
                        draft.footnotes.append(copy.deepcopy(note))
                        kept.append(a)
                    p.anchors = kept
    if count < paragraphs:
        raise ValueError(f"only {count} distinct paragraphs in the real texts")
    real_notes = sorted({f.text for d in sources for f in d.footnotes})
    bare = [p for p in draft.all_paragraphs() if not p.anchors]
    while len(draft.footnotes) < footnotes and bare:
        p = bare.pop(rng.randrange(len(bare)))
        note = Footnote(_vary_note(rng.choice(real_notes), rng))
        draft.footnotes.append(note)
        p.anchors.append(Anchor(len(p.text), note.id))
    return draft


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--paragraphs", type=int, default=PARAGRAPHS)
    parser.add_argument("--notes", type=int, default=FOOTNOTES)
    parser.add_argument("--freeze", action="store_true", help="gc.freeze() after loading")
    parser.add_argument(
        "--distinct", action="store_true", help="every row on the all-distinct draft"
    )
    parser.add_argument("--families", action="store_true", help="time each family")
    parser.add_argument(
        "--process", action="store_true", help="also the first check in new processes"
    )
    args = parser.parse_args()

    t0 = time.perf_counter()
    corpus = synthetic_corpus(args.n, args.seed)
    t1 = time.perf_counter()
    registry = Registry.from_documents(corpus)
    t2 = time.perf_counter()
    n_texts = len(registry.texts())
    del corpus  # the application keeps the registry, not 10,000 parsed documents
    gc.collect()
    if args.freeze:
        # The registry is long-lived: moving it out of the collector's generations keeps
        # full collections (triggered by the check's own allocations) from rescanning it.
        gc.freeze()
    distinct = build_distinct_draft(args.seed + 1, args.paragraphs, args.notes)
    draft = distinct if args.distinct else build_draft(args.seed + 1, args.paragraphs, args.notes)
    findings = run_checks(draft, registry)  # warm-up (compiles the instrument matcher)
    distinct_findings = run_checks(distinct, registry)
    # The synthetic corpus is the same for the same --n and --seed: that names it across
    # processes, as a corpus database's own identity does (checks.memo.facts_identity).
    registry.memo_identity = lambda: f"synthetic corpus {args.n} {args.seed}"  # type: ignore[attr-defined]
    rows = measure(draft, registry, args.runs)
    with tempfile.TemporaryDirectory() as folder:
        reopened, memo_info = measure_memo(draft, registry, args.runs, Path(folder))
    rows += reopened
    if not args.distinct:
        cold = [
            _timed(lambda: run_checks(distinct, registry), cold=True)
            for _ in range(max(5, args.runs // 4))
        ]
        rows.insert(1, ("cold full check, all-distinct draft", cold, "all"))
    print(
        f"corpus: {args.n} synthetic documents read in {t1 - t0:.1f} s; "
        f"registry built in {t2 - t1:.1f} s ({n_texts} cited texts)"
        + ("; gc.freeze() after loading" if args.freeze else "")
    )
    print(f"draft: {_shape(draft, findings)}; load average {os.getloadavg()[0]:.1f}")
    if not args.distinct:
        print(f"all-distinct draft: {_shape(distinct, distinct_findings)}")
    # Wall time is what the drafter waits; CPU time is the same check without the waits
    # for a processor that a busy machine adds. "recomputed": paragraphs, footnotes judged
    # again by the checker on that run.
    print(
        f"{'check':<44}{'runs':>5}{'wall median':>12}{'wall p95':>10}"
        f"{'CPU median':>12}{'CPU p95':>9}{'recomputed':>12}"
    )
    for name, series, redone in rows:
        wall = sorted(w for w, _ in series)
        cpu = sorted(c for _, c in series)
        print(
            f"{name:<44}{len(series):>5}{statistics.median(wall):>12.2f}{_p95(wall):>10.2f}"
            f"{statistics.median(cpu):>12.2f}{_p95(cpu):>9.2f}{redone:>12}"
        )
    print("milliseconds; target: ≤ 20 ms")
    print(memo_info)
    if args.process:
        print_processes(draft, max(3, args.runs // 3))
    if args.families:
        print_families(draft, registry, max(5, args.runs // 2))
    judged = [statistics.median(c for _, c in s) for name, s, _ in rows if "warm" not in name]
    return 0 if max(judged) <= 20 else 1


def print_families(draft: Document, registry: Registry, runs: int) -> None:
    """CPU median of each part of a full check, cold (text caches cleared) and warm."""
    from drafting_app.checks import runner
    from drafting_app.checks.clean import learn
    from drafting_app.checks.context import CheckContext, references_in
    from drafting_app.checks.profile import profile_for

    def parts(ctx: CheckContext) -> list[tuple[str, Callable[[], object]]]:
        entries, notes = ctx.entries, ctx.footnotes
        wanted, openers = runner.closings(ctx), runner.opener_parts(ctx)
        texts = [e.paragraph.text for e in entries] + [f.text for f in notes]
        out: list[tuple[str, Callable[[], object]]] = [
            ("references of every text", lambda: [references_in(t) for t in texts]),
            # as the checker does before judging the texts one by one (checks.clean)
            ("clean texts told, all at once", lambda: learn(texts)),
        ]
        out += [(code, lambda f=family: f(ctx)) for code, family in runner.WHOLE_TEXT.items()]
        out.append(
            (
                "per paragraph (all families)",
                lambda: [
                    runner.paragraph_findings(
                        ctx, e, wanted.get(e.paragraph.id), openers.get(e.paragraph.id)
                    )
                    for e in entries
                ],
            )
        )
        out.append(
            ("per footnote (all families)", lambda: [runner.note_findings(ctx, f) for f in notes])
        )
        return out

    table: dict[str, dict[bool, list[float]]] = {}
    for cold in (True, False):
        for _ in range(runs):
            if cold:
                clear_text_caches()
                canonical_body.cache_clear()
            cpu = time.process_time()
            ctx = CheckContext(draft, registry, profile_for(draft))
            _ = ctx.entries, ctx.numbers, ctx.footnotes
            table.setdefault("context (entries, numbers)", {}).setdefault(cold, []).append(
                time.process_time() - cpu
            )
            for name, part in parts(ctx):
                cpu = time.process_time()
                part()
                table.setdefault(name, {}).setdefault(cold, []).append(time.process_time() - cpu)
    print(f"{'part of a full check (CPU median ms)':<44}{'cold':>8}{'warm':>8}")
    for name, series in table.items():
        cold_ms, warm_ms = (statistics.median(series[c]) * 1000 for c in (True, False))
        print(f"{name:<44}{cold_ms:>8.2f}{warm_ms:>8.2f}")


def _shape(draft: Document, findings: list[object]) -> str:
    paras = [p.text for p in draft.all_paragraphs()]
    notes = {f.text for f in draft.footnotes}
    return (
        f"{len(paras)} paragraphs ({len(set(paras))} distinct texts), {len(draft.footnotes)} "
        f"footnotes ({len(notes)} distinct), {len(findings)} findings"
    )


Timing = tuple[float, float]


def measure(draft: Document, registry: Registry, runs: int) -> list[tuple[str, list[Timing], str]]:
    """(row, timings, what the checker recomputed) of each kind of check."""
    cold = [
        _timed(lambda: run_checks(draft, registry), cold=True) for _ in range(max(5, runs // 4))
    ]
    warm = [_timed(lambda: run_checks(draft, registry)) for _ in range(runs)]
    checker = Checker()
    checker.run(draft, registry)
    rows: list[tuple[str, list[Timing], str]] = [
        ("cold full check (text caches cleared)", cold, "all"),
        ("full check, text caches warm", warm, "all"),
    ]

    def again() -> None:
        checker.run(draft, registry)

    same = [_timed(again) for _ in range(runs)]
    rows.append(("re-check, nothing changed", same, _redone(checker)))
    middle = draft.operative[len(draft.operative) // 2]
    word: list[Timing] = []
    for i in range(runs):
        text = middle.text + " word" if i % 2 == 0 else middle.text[: -len(" word")]
        SetText(middle.id, text, middle.italics, middle.anchors).apply(draft)
        word.append(_timed(again))
    rows.append(("re-check after a one-word edit", word, _redone(checker)))
    for name, make in (
        ("re-check after inserting a paragraph", _insert),
        ("re-check after deleting a paragraph", _delete),
    ):
        series: list[Timing] = []
        redone = ""
        for _ in range(runs):
            edit = make(draft)
            edit.apply(draft)
            series.append(_timed(again))
            redone = _redone(checker)
            edit.revert(draft)
            again()
        rows.append((name, series, redone))
    note = draft.footnotes[len(draft.footnotes) // 2]
    original = note.text
    notes: list[Timing] = []
    for i in range(runs):
        EditFootnote(note.id, original + " x" if i % 2 == 0 else original).apply(draft)
        notes.append(_timed(again))
    rows.append(("re-check after a footnote edit", notes, _redone(checker)))
    EditFootnote(note.id, original).apply(draft)
    return rows


def measure_memo(
    draft: Document, registry: Registry, runs: int, folder: Path
) -> tuple[list[tuple[str, list[Timing], str]], str]:
    """The first check of a draft opened again (checks.memo), text caches cleared (as in
    a new process): its memo read from disk — the findings of its last check, taken when
    the draft is the very document that check saw — and the draft's checker, seeded from
    the memo (and, alternately, a new one: the check of a draft never seen), run on the
    draft unchanged (as the panel's first check does after showing the memo's findings),
    and changed since by one paragraph, by ten, and by one footnote. Also the memo's size
    on disk, the time to read it and the draft's digest."""
    from drafting_app.checks import memo
    from drafting_app.checks.profile import profile_for

    name = "benchmark draft"
    profile = profile_for(draft)
    checker = Checker()
    found = checker.run(draft, registry, profile)
    snap = memo.snapshot(name, registry, profile, draft, found, checker.kept(registry, profile))
    wall = time.perf_counter()
    path = memo.save(snap, folder)
    saved = (time.perf_counter() - wall) * 1000
    assert path is not None
    used = 0
    judged = ""

    def reopen(shown: bool, seeded: bool) -> None:
        """``shown``: the memo's findings, when they are the draft's, end the row (what
        the drafter sees); else the draft's checker runs (seeded, or not)."""
        nonlocal used, judged
        reopened = memo.reopen(name, registry, profile, draft, folder)
        if shown and reopened is not None and reopened.findings is not None:
            used += 1
            assert reopened.findings == found
            return
        first = Checker()
        seed = reopened.seed() if seeded and reopened is not None else None
        if seed is not None:
            first.seed(registry, profile, seed)
            used += 1
        first.run(draft, registry, profile)
        judged = _redone(first)

    def row(label: str, shown: bool = False) -> None:
        """The row, and unless ``shown`` the same with the checker not seeded (as before
        the eighth session), their runs alternating (the same load for both)."""
        nonlocal used
        variants = (True,) if shown else (True, False)
        series: dict[bool, list[Timing]] = {v: [] for v in variants}
        counts = dict.fromkeys(variants, 0)
        redone = dict.fromkeys(variants, "")
        for _ in range(max(5, runs // 2)):
            for v in variants:
                used = 0
                series[v].append(_timed(partial(reopen, shown, v), cold=True))
                counts[v] += used
                redone[v] = judged
        for v in variants:
            n = len(series[v])
            what = f"memo {counts[v]}/{n}" + (f" {redone[v]}" if redone[v] else "")
            rows.append((label if v else "    the same, not seeded (as before)", series[v], what))

    rows: list[tuple[str, list[Timing], str]] = []
    row("first check of a reopened draft (memo)", shown=True)
    row("  its checker, seeded (draft unchanged)")
    start = len(draft.operative) // 3
    thirds = draft.operative[start :: max(1, (len(draft.operative) - start) // 10)][:10]
    for label, changed in (("one paragraph", thirds[:1]), ("ten paragraphs", thirds)):
        originals = [(p, p.text) for p in changed]
        for p, text in originals:
            SetText(p.id, text + " word", p.italics, p.anchors).apply(draft)
        row(f"  the same, {label} changed since")
        for p, text in originals:
            SetText(p.id, text, p.italics, p.anchors).apply(draft)
    note = draft.footnotes[len(draft.footnotes) // 2]
    original = note.text
    EditFootnote(note.id, original + " x").apply(draft)
    row("  the same, a footnote changed since")
    EditFootnote(note.id, original).apply(draft)
    loads = sorted(
        _timed(partial(memo.load, name, registry, profile, draft, folder))[1]
        for _ in range(max(5, runs // 2))
    )
    digests = sorted(_timed(partial(memo.document_digest, draft))[1] for _ in range(5))
    info = (
        f"memo: {path.stat().st_size / 1024:.0f} KiB on disk, read in "
        f"{statistics.median(loads):.2f} ms CPU (median; the draft's digest "
        f"{statistics.median(digests):.2f} ms of it), written in {saved:.1f} ms wall; "
        "a reopened draft's rows: the memo read, then the draft's checker seeded from it "
        "(or not)"
    )
    return rows, info


_PROCESS = """
import sys, time
t0 = time.perf_counter()
from drafting_app.checks import memo
from drafting_app.checks.profile import profile_for
from drafting_app.checks.runner import Checker
from drafting_app.corpus.registry import Registry
from drafting_app.corpus.readers import read_document
from drafting_app.storage.project import load_project
from pathlib import Path
folder, project, use = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
registry = Registry.from_documents(
    (p.stem, read_document(p)) for p in sorted(Path(sys.argv[4]).glob("*.txt"))
)
registry.memo_identity = lambda: "bundled corpus"
doc = load_project(project).document
profile = profile_for(doc)
wall, cpu = time.perf_counter(), time.process_time()
found = memo.load(project, registry, profile, doc, folder) if use == "memo" else None
loaded = found is not None
checker = Checker()
if found is None:
    found = checker.run(doc, registry, profile)
took = (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000
if use != "none":
    kept = checker.kept(registry, profile)
    memo.save(memo.snapshot(project, registry, profile, doc, found, kept), folder)
print(f"{took[0]:.2f} {took[1]:.2f} {int(loaded)}")
"""


def print_processes(draft: Document, runs: int) -> None:
    """The first check in a new process (a new Python each time, the draft read from its
    project file, a registry of the bundled corpus): without a memo, and from the memo the
    process before left. Imports and the registry are not counted, only the check (and
    the memo's reading, its code digest included)."""
    import subprocess

    from drafting_app.storage.project import save_project

    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "draft.unres.json"
        save_project(draft, project)
        corpus = str(ROOT / "resources" / "corpus")

        def one(use: str) -> list[str]:
            out = subprocess.run(
                [sys.executable, "-c", _PROCESS, tmp, str(project), use, corpus],
                capture_output=True,
                text=True,
                check=True,
                cwd=ROOT,
            )
            return out.stdout.split()

        one("write")  # the session before: its check leaves the memo
        table = {
            "new process, no memo": [one("none") for _ in range(runs)],
            "new process, memo of the last session": [one("memo") for _ in range(runs)],
        }
    print(f"{'first check in a new process (bundled corpus)':<44}{'runs':>5}"
          f"{'wall median':>12}{'CPU median':>12}{'memo used':>11}")  # fmt: skip
    for name, results in table.items():
        wall = statistics.median(float(r[0]) for r in results)
        cpu = statistics.median(float(r[1]) for r in results)
        used = f"{sum(int(r[2]) for r in results)}/{len(results)}"
        print(f"{name:<44}{len(results):>5}{wall:>12.2f}{cpu:>12.2f}{used:>11}")


def _insert(draft: Document) -> Edit:
    """A paragraph in the middle of the operative part: the ones after it renumbered."""
    index = len(draft.operative) // 2
    return InsertParagraph(Part.OPERATIVE, None, index, Paragraph(draft.operative[0].text))


def _delete(draft: Document) -> Edit:
    return DeleteParagraph(draft.operative[len(draft.operative) // 2].id)


def _redone(checker: Checker) -> str:
    paragraphs, notes = checker.recomputed
    return f"{paragraphs} + {notes}"


def _p95(values: list[float]) -> float:
    return values[min(len(values) - 1, round(0.95 * len(values)) - 1)]


def _timed(check: Callable[[], object], cold: bool = False) -> Timing:
    """(wall ms, CPU ms) of one check."""
    if cold:
        clear_text_caches()
        canonical_body.cache_clear()  # body names, remembered in the corpus package
    wall, cpu = time.perf_counter(), time.process_time()
    check()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


if __name__ == "__main__":
    sys.exit(main())
