"""Accuracy of the checker: recall per family of injected mistakes (tests/checks/mutations.py)
on the five corpus documents and the ten GA texts of tests/data/realdocs/ga, and findings on
the clean texts (errors and warnings there are false alarms, except the two real dangling
Ibid. of Resolution 5/2 and Decision 4/4), what the older footnote rule (a note again at
the first operative mention) would report on them, and the operative verb of resolutions
dropped: warned, and given back by the OPENER fix from the corpus.

    python -m benchmarks.check_accuracy [--limit N]
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafting_app.checks.findings import Severity  # noqa: E402
from drafting_app.checks.profile import profile_for  # noqa: E402
from drafting_app.checks.runner import run_checks  # noqa: E402
from drafting_app.citations.render import CitationRule, RepeatRule  # noqa: E402
from drafting_app.corpus.readers import read_document  # noqa: E402
from drafting_app.corpus.registry import Registry  # noqa: E402
from drafting_app.model.document import Document  # noqa: E402
from tests.checks.mutations import LIMIT, MUTATORS, recall  # noqa: E402
from tests.conftest import CORPUS_FILES, REALDOCS  # noqa: E402

# The real mistakes of the corpus: (document, code, footnote number).
REAL = {("resolution_5_2", "IBID", 1), ("decision_4_4", "IBID", 1)}


def ga_documents() -> dict[str, Document]:
    return {p.stem: read_document(p) for p in sorted((REALDOCS / "ga").glob("*.txt"))}


def clean_findings(docs: dict[str, Document], registry: Registry) -> Counter[str]:
    """Counts per severity on clean texts; real mistakes counted apart as "real"."""
    counts: Counter[str] = Counter()
    for name, doc in docs.items():
        for f in run_checks(doc, registry):
            if (name, f.code, f.location.footnote_number) in REAL:
                counts["real"] += 1
            else:
                counts[str(f.severity)] += 1
                if f.severity in (Severity.ERROR, Severity.WARNING):
                    print(f"  false alarm: {name}: {f.code} {f.message}")
    return counts


def under_older_rule(docs: dict[str, Document], registry: Registry) -> None:
    """FN-OPERATIVE on the clean texts if their body followed the older rule: which texts
    keep it (no text uses it as its profile; Resolution 5/2 of 2010 follows it in part)."""
    older = CitationRule(repeat=RepeatRule.FIRST_OPERATIVE)
    for name, doc in docs.items():
        profile = dataclasses.replace(profile_for(doc), citation=older)
        for f in run_checks(doc, registry, profile):
            if f.code == "FN-OPERATIVE":
                where = f.location.paragraph_label or f.location.part
                print(f"  {name} {where}: {f.message.split(':')[0]}")


def verb_dropped(docs: dict[str, Document], registry: Registry) -> tuple[int, int, int]:
    """The operative verb of a resolution's paragraph dropped ("Urges Member States …" →
    "Member States …", as a draft revising the adopted text may lose it): (mutants, warned,
    fixed — the OPENER fix gives the paragraph back as adopted)."""
    from drafting_app.model.document import Form, Part
    from drafting_app.phrases import default_phrasebook

    book = default_phrasebook()
    total = warned = fixed = 0
    for doc in docs.values():
        if doc.form is not Form.RESOLUTION:
            continue
        for p in doc.operative[:LIMIT]:
            o = book.split(p.text, Part.OPERATIVE)
            rest = p.text[len(o.text) :].lstrip() if o is not None else ""
            if o is None or o.part is not Part.OPERATIVE or o.adverb or not rest[:1].isalpha():
                continue
            original = p.text
            p.text = rest[0].upper() + rest[1:]
            try:
                found = [
                    f
                    for f in run_checks(doc, registry)
                    if f.code == "OPENER" and f.location.paragraph_id == p.id
                ]
            finally:
                mutated, p.text = p.text, original
            total += 1
            warned += bool(found)
            fix = found[0].fix if found else None
            if fix is not None and fix.new_text + mutated[fix.end :] == original:
                fixed += 1
    return total, warned, fixed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="mutants per family and text")
    args = parser.parse_args()
    corpus = {name: read_document(path) for name, path in CORPUS_FILES.items()}
    ga = ga_documents()
    registry = Registry.from_documents([*corpus.items(), *ga.items()])
    limit = args.limit or None
    sets = {"corpus (5)": corpus, f"GA texts ({len(ga)})": ga}
    scores = {label: recall(docs, registry, limit) for label, docs in sets.items()}
    print(f"{'family':<12}" + "".join(f"{label:>18}" for label in sets) + f"{'all':>12}")
    total_found = total = 0
    for family in MUTATORS:
        row = f"{family:<12}"
        found = n = 0
        for label in sets:
            s = scores[label][family]
            row += f"{f'{s.found}/{s.total}':>18}"
            found, n = found + s.found, n + s.total
        total_found, total = total_found + found, total + n
        row += f"{found / n:>12.1%}" if n else f"{'–':>12}"
        print(row)
    print(f"{'all':<12}" + " " * 18 * len(sets) + f"{total_found / total:>12.1%}")
    for label in sets:
        for family, s in scores[label].items():
            for miss in s.missed or []:
                print(f"  missed {family} in {label}: {miss}")
    print("\nfindings on the clean texts (errors/warnings other than the real ones are false):")
    print(f"{'texts':<14}{'real':>6}{'error':>7}{'warning':>9}{'info':>6}{'suggestion':>12}")
    for label, docs in sets.items():
        c = clean_findings(docs, registry)
        print(
            f"{label:<14}{c['real']:>6}{c['error']:>7}{c['warning']:>9}{c['info']:>6}"
            f"{c['suggestion']:>12}"
        )
    print("\noperative verb dropped (resolutions; the corpus holds the adopted text):")
    print(f"{'texts':<14}{'mutants':>8}{'warned':>8}{'fixed as adopted':>18}")
    for label, docs in sets.items():
        n, w, fx = verb_dropped(docs, registry)
        print(f"{label:<14}{n:>8}{w:>8}{fx:>18}")
    print("\nFN-OPERATIVE on the clean texts under the older rule (not their profile):")
    for docs in sets.values():
        under_older_rule(docs, registry)
    return 0


if __name__ == "__main__":
    sys.exit(main())
