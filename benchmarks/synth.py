"""Synthetic corpus generator for benchmarks: realistic resolutions made by recombining the
structures of the real bundled corpus (preambles, verb ladders, sub-paragraphs, footnote
chains, references with dates). Deterministic by seed.

    python -m benchmarks.synth OUT_DIR --n 10000 [--seed 1] [--style recombined|varied|real]

Each document is written in the corpus text form (Unicode superscript marks), so the real
readers read it; about 40 paragraphs per document (10,000 documents ≈ 400,000 paragraphs).

Styles, so that no figure depends on one corpus's shape:
- ``recombined`` (the default): the bundled paragraphs recombined; most clauses recur
  nearly word for word (a few thousand distinct clauses at 10,000 documents).
- ``varied``: the same, with a fifth of the words of every paragraph replaced, inserted
  or dropped: nearly every clause is distinct, as in a record of many committees.
- ``real``: the General Assembly resolutions of tests/data/realdocs/ga (another layout:
  masthead, bare-digit footnote marks, annexes) repeated with their numbers, dates and
  some words changed.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafting_app.corpus.readers import read_document  # noqa: E402
from drafting_app.model.document import Paragraph  # noqa: E402
from drafting_app.model.references import MONTHS  # noqa: E402

SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
AUTHOR = (
    "The Conference of the Parties to the United Nations Convention against Transnational "
    "Organized Crime,"
)
TREATY = ["vol. 2225", "vol. 2237", "vol. 2241", "vol. 2326"]
_CITE_RE = re.compile(r"(\d{1,4})/(\d{1,4})( of \d{1,2} \w+ \d{4})?")


@dataclass
class Pools:
    preamble: list[str] = field(default_factory=list)
    operative: list[Paragraph] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    symbols_notes: list[str] = field(default_factory=list)


def load_pools() -> Pools:
    pools = Pools()
    for path in sorted((ROOT / "resources" / "corpus").glob("*.txt")):
        doc = read_document(path)
        pools.titles.append(doc.title)
        pools.preamble += [p.text for p in doc.preamble]
        pools.operative += list(doc.operative)
        for f in doc.footnotes:
            if "/" in f.text and "Treaty" not in f.text and "Ibid" not in f.text:
                pools.symbols_notes.append(f.text)
    return pools


def _date(rng: random.Random, year: int) -> str:
    return f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {year}"


def _vary_citations(text: str, rng: random.Random) -> str:
    """Give cited numbers and dates new, plausible values (registry size grows with N)."""

    def sub(m: re.Match[str]) -> str:
        session = rng.randint(1, 79)
        year = 1945 + session
        number = f"{session}/{rng.randint(1, 300)}"
        return f"{number} of {_date(rng, year)}" if m.group(3) else number

    return _CITE_RE.sub(sub, text)


def _strip_end(text: str) -> str:
    return text.rstrip(",;:. ")


def _ladder(openers: list[str], text: str, seen: dict[str, int], operative: bool) -> str:
    """Apply the Also/Further ladder to a repeated opening verb."""
    first = text.split(" ", 1)[0]
    if first in ("Also", "Further") or not first[:1].isupper():
        return text
    count = seen.get(first, 0)
    seen[first] = count + 1
    if count == 0:
        return text
    adverb = "Also" if count == 1 else "Further"
    rest = text[len(first) :]
    if operative:
        return f"{adverb} {first.lower()}{rest}"
    return f"{first} {adverb.lower()}{rest}"


def make_document(index: int, pools: Pools, rng: random.Random) -> str:
    session = rng.randint(1, 12)
    notes: list[str] = []
    lines = [f"Resolution {session}/{index + 1}", "", rng.choice(pools.titles), "", AUTHOR, ""]

    def mark(text: str, note: str) -> str:
        notes.append(note)
        return text + str(len(notes)).translate(SUP)

    seen: dict[str, int] = {}
    pre = rng.sample(pools.preamble, k=min(len(pools.preamble), rng.randint(11, 19)))
    for i, text in enumerate(pre):
        body = _ladder([], _strip_end(_vary_citations(text, rng)), seen, operative=False) + ","
        if i == 0:
            body = mark(body, "United Nations, Treaty Series, vol. 2225, No. 39574.")
        elif rng.random() < 0.2:
            vol = rng.choice(TREATY)
            body = mark(body, f"Ibid., {vol}, No. 39574.")
        elif rng.random() < 0.15 and pools.symbols_notes:
            body = mark(body, rng.choice(pools.symbols_notes))
        lines += [body, ""]
    seen = {}
    ops = rng.sample(pools.operative, k=min(len(pools.operative), rng.randint(15, 24)))
    for n, para in enumerate(ops, start=1):
        last = n == len(ops)
        text = _ladder([], _strip_end(_vary_citations(para.text, rng)), seen, operative=True)
        if para.children:
            lines += [f"{n}. {text}:", ""]
            for k, child in enumerate(para.children):
                end = "." if last and k == len(para.children) - 1 else ";"
                lines += [f"({chr(97 + k)}) {_strip_end(child.text)}{end}", ""]
            continue
        body = f"{n}. {text}{'.' if last else ';'}"
        if rng.random() < 0.15:
            body = mark(body, rng.choice(pools.symbols_notes or ["CTOC/COP/2010/5."]))
        lines += [body, ""]
    lines += [f"{str(i).translate(SUP)} {note}" for i, note in enumerate(notes, start=1)]
    return "\n".join(lines) + "\n"


STYLES = ("recombined", "varied", "real")
_WORD_RE = re.compile(r"[A-Za-z]{3,}")
_REAL = ROOT / "tests" / "data" / "realdocs" / "ga"


def _vocabulary(pools: Pools) -> list[str]:
    text = " ".join([*pools.preamble, *(p.text for p in pools.operative), *pools.titles])
    return sorted(set(_WORD_RE.findall(text.lower())))


def _vary_words(line: str, words: list[str], rng: random.Random) -> str:
    """A fifth of the words of a paragraph replaced, inserted or dropped (not its label,
    its first word or a footnote mark, so the structure reads the same)."""
    head, _, rest = line.partition(" ")
    out: list[str] = []
    for token in rest.split(" "):
        roll = rng.random()
        if not token.isalpha() or roll > 0.2:
            out.append(token)
        elif roll < 0.1:
            out.append(rng.choice(words))
        elif roll < 0.15:
            out += [token, rng.choice(words)]
    return f"{head} {' '.join(out)}" if rest else line


def _varied(text: str, words: list[str], rng: random.Random) -> str:
    lines = text.split("\n")
    # Lines 0-5 are the heading, title and authoring line; footnote lines start with a mark.
    return "\n".join(
        _vary_words(line, words, rng) if i > 5 and line and line[0] not in SUP_DIGITS else line
        for i, line in enumerate(lines)
    )


SUP_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def _real(index: int, texts: list[str], words: list[str], rng: random.Random) -> str:
    """A real GA resolution with its numbers and dates changed and some words varied."""
    text = _vary_citations(texts[index % len(texts)], rng)
    lines = text.split("\n")
    start = min(len(lines), 12)  # past the masthead, which the reader must still find
    body = [
        _vary_words(line, words, rng) if len(line) > 80 and rng.random() < 0.5 else line
        for line in lines[start:]
    ]
    return "\n".join(lines[:start] + body)


def generate(out: Path, n: int, seed: int = 1, style: str = "recombined") -> list[Path]:
    """Write ``n`` synthetic resolutions into ``out`` (deterministic for a given seed)."""
    if style not in STYLES:
        raise ValueError(f"unknown style {style!r}: one of {', '.join(STYLES)}")
    out.mkdir(parents=True, exist_ok=True)
    pools = load_pools()
    words = _vocabulary(pools)
    reals = [p.read_text(encoding="utf-8") for p in sorted(_REAL.glob("A-RES-*.txt"))]
    rng = random.Random(seed)
    paths = []
    for i in range(n):
        path = out / f"synth_{i:05d}.txt"
        if style == "real":
            text = _real(i, reals, words, rng)
        else:
            text = make_document(i, pools, rng)
            if style == "varied":
                text = _varied(text, words, rng)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--style", choices=STYLES, default="recombined")
    args = parser.parse_args()
    t0 = time.perf_counter()
    paths = generate(args.out, args.n, args.seed, args.style)
    print(f"wrote {len(paths)} documents to {args.out} in {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
