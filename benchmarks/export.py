"""Export speed: a 200-paragraph, 100-footnote draft exported to Word in-app and as a whole
process, beside pandoc converting the equivalent Markdown (with footnotes) to .docx.

    python benchmarks/export.py [--runs N]

Targets (issue 7): in-app ≤ 50 ms; the whole process no slower than pandoc.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafting_app.corpus.readers import read_document  # noqa: E402
from drafting_app.export.docx_writer import write_docx  # noqa: E402
from drafting_app.export.html import render_html  # noqa: E402

VERBS = ["Urges", "Requests", "Invites", "Encourages", "Calls upon", "Welcomes", "Decides"]
NOTE = "United Nations, *Treaty Series*, vol. {vol}, No. 39574."


def _paragraph(i: int) -> str:
    verb = VERBS[i % len(VERBS)]
    return (
        f"*{verb}* States parties to strengthen cooperation under article {i % 41 + 1} of the "
        "United Nations Convention against Transnational Organized Crime, including through "
        "the exchange of information, mutual legal assistance and joint investigations"
    )


def draft_markdown(paragraphs: int = 200, notes: int = 100) -> tuple[str, str]:
    """The same draft for this app (<sup>n</sup> marks) and for pandoc ([^n] notes)."""
    head = [
        "The Conference of the Parties to the United Nations Convention against "
        "Transnational Organized Crime,",
        "*Recalling* its decision 4/4 of 17 October 2008,",
    ]
    ours, theirs = list(head), list(head)
    for i in range(paragraphs):
        text = _paragraph(i)
        end = "." if i == paragraphs - 1 else ";"
        if i % 2 == 0 and i // 2 < notes:
            n = i // 2 + 1
            ours.append(f"{i + 1}. {text},<sup>{n}</sup> as appropriate{end}")
            theirs.append(f"{i + 1}\\. {text},[^{n}] as appropriate{end}")
        else:
            ours.append(f"{i + 1}. {text}{end}")
            theirs.append(f"{i + 1}\\. {text}{end}")
    ours.append("---")
    for n in range(1, notes + 1):
        ours.append(f"<sup>{n}</sup> {NOTE.format(vol=2200 + n)}")
        theirs.append(f"[^{n}]: {NOTE.format(vol=2200 + n)}")
    return "\n\n".join(ours) + "\n", "\n\n".join(theirs) + "\n"


def _times(fn: Callable[[], object], runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds per run (CPU of this process and its children, which
    stays meaningful on a loaded machine where wall-clock time is not)."""
    wall, cpu = [], []
    for _ in range(runs):
        r0 = _cpu()
        t = time.perf_counter()
        fn()
        wall.append((time.perf_counter() - t) * 1000)
        cpu.append((_cpu() - r0) * 1000)
    return wall, cpu


def _cpu() -> float:
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + kids.ru_utime + kids.ru_stime


def _write(doc: object, work: Path) -> Callable[[], object]:
    return lambda: write_docx(doc, work / "a.docx")  # type: ignore[arg-type]


def _run(cmd: list[str]) -> Callable[[], object]:
    return lambda: subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)


def _row(name: str, times: tuple[list[float], list[float]]) -> str:
    ms, cpu = times
    p95 = statistics.quantiles(ms, n=20)[-1] if len(ms) >= 2 else ms[0]
    return (
        f"| {name:<42} | {statistics.median(ms):>9.1f} | {p95:>9.1f} "
        f"| {statistics.median(cpu):>10.1f} | {len(ms):>4} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    ours, theirs = draft_markdown()
    work = Path(tempfile.mkdtemp(prefix="export-bench-"))
    src, pandoc_src = work / "draft.md", work / "pandoc.md"
    src.write_text(ours, encoding="utf-8")
    pandoc_src.write_text(theirs, encoding="utf-8")
    doc = read_document(src)
    assert len(doc.operative) == 200 and len(doc.footnotes) == 100, "benchmark draft misread"
    write_docx(doc, work / "warm.docx")  # imports python-docx once, as the app does
    rows = [
        _row("in-app write_docx (200 paras, 100 notes)", _times(_write(doc, work), args.runs)),
        _row("in-app render_html (preview)", _times(lambda: render_html(doc), args.runs)),
    ]
    # An installed app has compiled modules; PYTHONDONTWRITEBYTECODE would hide that here.
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "drafting_app")], check=True
    )
    proc_runs = max(5, args.runs // 3)
    cli = [sys.executable, "-m", "drafting_app", "export", str(src), "-o", str(work / "p.docx")]
    rows.append(_row("process: python -m drafting_app export", _times(_run(cli), proc_runs)))
    pandoc = shutil.which("pandoc")
    if pandoc:
        cmd = [pandoc, str(pandoc_src), "-o", str(work / "pandoc.docx")]
        rows.append(_row("process: pandoc draft.md -o draft.docx", _times(_run(cmd), proc_runs)))
    else:
        rows.append(
            "| pandoc: not installed (apt-get install pandoc)   |           |           |      |"
        )
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(
        "| what                                       | median ms |    p95 ms | cpu ms med | runs |"
    )
    print(
        "|--------------------------------------------|-----------|-----------|------------|------|"
    )
    print("\n".join(rows))
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
