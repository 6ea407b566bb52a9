"""Every finding of every real text, written to a file: a speed-up of the checks must leave
this file byte-identical (issue 21 item 6: "a speed-up that changes one finding is a bug").

Texts: tests/data/realdocs, /work/shared/realdocs when present, the bundled corpus
(resources/corpus), each text of each file, checked against the corpus registry and the
registry of the corpus and the GA texts, under both footnote repeat rules, by a fresh
check and by a kept checker run twice (cold, then with its results kept); then the drafts
of benchmarks/check_speed (repeating and all-distinct) against a synthetic registry.
Ids are made by a counter so that two runs write the same file.

    python -m benchmarks.check_findings OUT.txt [--n 2000]
    diff BEFORE.txt OUT.txt
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafting_app.checks.context import clear_text_caches  # noqa: E402
from drafting_app.checks.findings import Finding  # noqa: E402
from drafting_app.checks.profile import profile_for, with_repeat_rule  # noqa: E402
from drafting_app.checks.runner import Checker, run_checks  # noqa: E402
from drafting_app.corpus.facts import canonical_body  # noqa: E402
from drafting_app.corpus.readers import read_document, read_documents  # noqa: E402
from drafting_app.corpus.registry import Registry  # noqa: E402
from drafting_app.errors import FormatError  # noqa: E402
from drafting_app.model.document import Document  # noqa: E402
from drafting_app.model.ids import set_id_factory  # noqa: E402

SUFFIXES = (".txt", ".docx", ".pdf")
ROOTS = (ROOT / "tests" / "data" / "realdocs", Path("/work/shared/realdocs"), ROOT / "resources")
RULES = ("first-mention", "first-operative")


def _counter_ids() -> None:
    counter = itertools.count()
    set_id_factory(lambda prefix: f"{prefix}-{next(counter)}")


def real_texts() -> list[tuple[str, Document]]:
    """(name, text) of every real text that reads as a resolution or decision."""
    out: list[tuple[str, Document]] = []
    for root in ROOTS:
        if not root.is_dir():
            continue
        for path in sorted(p for p in root.rglob("*") if p.suffix.lower() in SUFFIXES):
            try:
                docs = read_documents(path)
            except FormatError:
                out.append((f"{path.relative_to(root.parent)} (refused)", Document()))
                continue
            for i, doc in enumerate(docs):
                out.append((f"{path.relative_to(root.parent)}#{i}", doc))
    return out


def _write(out: list[str], title: str, findings: list[Finding]) -> None:
    out.append(f"== {title}: {len(findings)}")
    out += [repr(f) for f in findings]


def dump(n: int) -> tuple[list[str], int, int]:
    """The lines of the dump, the number of runs and of findings."""
    _counter_ids()
    corpus_docs = [
        (p.stem, read_document(p)) for p in sorted((ROOT / "resources" / "corpus").glob("*.txt"))
    ]
    ga = [(p.stem, read_document(p)) for p in sorted((ROOTS[0] / "ga").glob("*.txt"))]
    registries = {
        "corpus": Registry.from_documents(corpus_docs),
        "corpus+ga": Registry.from_documents([*corpus_docs, *ga]),
    }
    lines: list[str] = []
    runs = found = 0
    for name, doc in real_texts():
        for (reg_name, registry), rule in itertools.product(registries.items(), RULES):
            profile = with_repeat_rule(profile_for(doc), rule)
            clear_text_caches()
            canonical_body.cache_clear()
            fresh = run_checks(doc, registry, profile)
            checker = Checker()
            first = checker.run(doc, registry, profile)
            again = checker.run(doc, registry, profile)
            title = f"{name} [{reg_name}, {rule}]"
            _write(lines, title, fresh)
            for label, other in (("kept checker, first run", first), ("second run", again)):
                if other != fresh:
                    _write(lines, f"{title} DIFFERS: {label}", other)
            runs += 1
            found += len(fresh)
    from benchmarks.check_speed import build_distinct_draft, build_draft, synthetic_corpus

    registry = Registry.from_documents(synthetic_corpus(n, 1))
    for title, draft in (
        ("check_speed draft 800/400", build_draft(2, 800, 400)),
        ("check_speed distinct draft 800/400", build_distinct_draft(2, 800, 400)),
        ("check_speed draft 200/100", build_draft(2)),
    ):
        clear_text_caches()
        findings = run_checks(draft, registry)
        _write(lines, f"{title} [synthetic {n}]", findings)
        runs += 1
        found += len(findings)
    return lines, runs, found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=2000, help="synthetic corpus for the drafts")
    args = parser.parse_args()
    lines, runs, found = dump(args.n)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{runs} runs, {found} findings → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
