"""Compare and export with changes (issue 17 item 7): two 200-paragraph texts with 100
footnotes — last session's resolution and this session's rollover of it (20 paragraphs
reworded, 5 inserted, 5 deleted, 3 moved, 10 footnotes changed) — compared and written as
a Word file with tracked changes, in-app and as a whole process
(``drafting-app compare BASE NEW -o OUT.docx``).

    python -m benchmarks.revisions [--runs N]

Targets: in-app ≤ 100 ms, the whole process ≤ 300 ms.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.export import NOTE, VERBS  # noqa: E402
from benchmarks.measure import timed_ms  # noqa: E402
from benchmarks.suites import Row, _series  # noqa: E402
from drafting_app.corpus.readers import read_document  # noqa: E402
from drafting_app.export.tracked_docx import write_tracked_docx  # noqa: E402
from drafting_app.revisions.compare import compare  # noqa: E402

SIZE = "200 paras, 100 notes"
HEAD = [
    "The Conference of the Parties to the United Nations Convention against Transnational "
    "Organized Crime,",
    "*Recalling* its decision 4/4 of 17 October 2008,",
]


def _paragraph(i: int) -> str:
    verb = VERBS[i % len(VERBS)]
    return (
        f"*{verb}* States parties to strengthen cooperation under article {i % 41 + 1} of the "
        "United Nations Convention against Transnational Organized Crime, including through "
        "the exchange of information, mutual legal assistance and joint investigations"
    )


def _markdown(paragraphs: list[tuple[str, int | None]], notes: dict[int, str]) -> str:
    """Numbered paragraphs (notes numbered in order of their marks) and the notes."""
    out = list(HEAD)
    order: dict[int, int] = {}
    for i, (text, note) in enumerate(paragraphs):
        end = "." if i == len(paragraphs) - 1 else ";"
        if note is not None:
            n = order.setdefault(note, len(order) + 1)
            out.append(f"{i + 1}. {text},<sup>{n}</sup> as appropriate{end}")
        else:
            out.append(f"{i + 1}. {text}{end}")
    out.append("---")
    for note, n in sorted(order.items(), key=lambda kv: kv[1]):
        out.append(f"<sup>{n}</sup> {notes[note]}")
    return "\n\n".join(out) + "\n"


def rollover_pair() -> tuple[str, str]:
    """Last session's text and its rollover, as Markdown files."""
    base = [(_paragraph(i), i // 2 if i % 2 == 0 else None) for i in range(200)]
    notes = {k: NOTE.format(vol=2200 + k) for k in range(100)}
    new = list(base)
    for i in range(0, 200, 10):  # 20 paragraphs reworded
        text, note = new[i]
        new[i] = (
            text.replace("joint investigations", "joint investigations and asset recovery"),
            note,
        )
    new_notes = dict(notes)
    for k in range(0, 100, 10):  # 10 footnotes changed (the volume of the Treaty Series)
        new_notes[k] = NOTE.format(vol=3300 + k)
    for i in (191, 151, 111, 71, 31):  # 5 deleted (paragraphs without a note)
        del new[i]
    for i, src in ((5, 45), (101, 141), (161, 21)):  # 3 moved
        new.insert(i, new.pop(src))
    for i in (30, 70, 110, 150, 190):  # 5 inserted
        new.insert(i, ("*Requests* the Secretariat to report on the implementation of the "
                       "present resolution within existing resources", None))  # fmt: skip
    return _markdown(base, notes), _markdown(new, new_notes)


def suite(work: Path, runs: int) -> list[Row]:
    """The rows of the results table."""
    base_md, new_md = rollover_pair()
    base_path, new_path = work / "base.md", work / "rollover.md"
    base_path.write_text(base_md, encoding="utf-8")
    new_path.write_text(new_md, encoding="utf-8")
    base, new = read_document(base_path), read_document(new_path)
    assert len(base.operative) == 200 and len(base.footnotes) == 100, "benchmark base misread"
    assert len(new.operative) == 200, "benchmark rollover misread"
    out = work / "changes.docx"
    write_tracked_docx(compare(base, new), out)  # imports python-docx once, as the app does
    changes = compare(base, new).changes
    kinds = sorted({str(c.kind) for c in changes})
    assert len(changes) >= 40 and "moved" in kinds, (len(changes), kinds)

    def in_app() -> None:
        write_tracked_docx(compare(base, new), out)

    ours = _series(timed_ms(in_app, runs))
    cli = [sys.executable, "-m", "drafting_app", "compare", str(base_path), str(new_path),
           "-o", str(work / "p.docx")]  # fmt: skip
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "drafting_app")],
                   check=True)  # fmt: skip
    process = _series(
        timed_ms(
            lambda: subprocess.run(cli, check=True, capture_output=True, cwd=ROOT),
            max(5, runs // 3),
        )
    )
    return [
        Row("compare + export with changes, in-app", SIZE, ours, "ms", target="≤ 100 ms",
            ok=ours.median <= 100),
        Row("compare + export with changes, whole process", SIZE, process, "ms",
            target="≤ 300 ms", ok=process.median <= 300),
    ]  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="revisions-bench-"))
    try:
        rows = suite(work, args.runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print("| what | size | runs | median ms | p95 ms | target | |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        ok = "ok" if r.ok else "MISSED"
        print(f"| {r.name} | {r.size} | {len(r.ours.values)} | {r.ours.median:.1f} | "
              f"{r.ours.p95:.1f} | {r.target} | {ok} |")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
