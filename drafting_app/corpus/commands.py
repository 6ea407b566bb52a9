"""``drafting-app corpus …``: list, show, search and add corpus documents, list what the
corpus cites (the registry), rebuild the index.

Exit codes follow cli.py: 0 done, 1 nothing found / some files failed to index, 2 bad
input (unknown document, unreadable file, bad option).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:  # the store and registry load only when a corpus command runs
    from drafting_app.corpus.registry import CitedText
    from drafting_app.corpus.rows import DocumentInfo
    from drafting_app.corpus.store import CorpusStore, SyncReport
from drafting_app.errors import DraftingError


@contextmanager
def _store() -> Iterator[CorpusStore]:
    from drafting_app.corpus.command_store import command_store

    with command_store() as store:
        yield store


def _healing(store: CorpusStore, work: Callable[[CorpusStore], int]) -> int:
    from drafting_app.corpus.command_store import healing

    return healing(store, work)


def _err(message: str) -> None:
    print(f"drafting-app: {message}", file=sys.stderr)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if value <= 0:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _cmd_list(args: argparse.Namespace) -> int:
    with _store() as store:
        return _healing(store, _list)


def _list(store: CorpusStore) -> int:
    out = sys.stdout
    docs = store.documents()
    for d in docs:
        out.write(
            f"{d.doc_id:<34} {d.origin:<7} {d.label:<26} {d.date:<17} "
            f"{d.paragraphs:>4} paras {d.footnotes:>3} notes\n"
        )
    out.write(f"{len(docs)} documents\n")
    for f in store.failures():
        _err(f"not indexed: {f.path}: {f.message}")
    return 0


def _cmd_show(args: argparse.Namespace) -> int:
    with _store() as store:
        return _healing(store, lambda s: _show(s, args.doc_id))


def _show(store: CorpusStore, doc_id: str) -> int:
    out = sys.stdout
    info = store.info(doc_id)
    out.write(f"{info.label}\n{info.title}\n")
    out.write(f"  {info.kind} ({info.form} form); {info.body or 'body unknown'}")
    out.write(f"; {info.date or 'undated'}; {info.origin}: {info.path}\n")
    part = ""
    for row in store.paragraphs(doc_id):
        if row.part != part:
            part = row.part
            out.write(f"  {part}\n")
        indent = "  " * (len(row.parents) + 1)
        place = row.place.removeprefix(row.part).strip()
        marks = "".join(f"[{n}]" for n in row.footnotes)
        out.write(f"  {indent}{place:<8} {row.text}{marks}\n")
    notes = store.footnotes(doc_id)
    if notes:
        out.write("  footnotes\n")
    for f in notes:
        out.write(f"    {f.number:>3} {f.text}\n")
    return 0


def _write_text(out: TextIO, text: CitedText, detail: bool) -> None:
    date = text.date or "date unknown"
    source = f" ({text.date_source})" if text.date_source else ""
    in_corpus = f"; in the corpus as {text.doc_id}" if text.doc_id else ""
    out.write(f"{text.name} of {date}{source}{in_corpus}; cited {len(text.citations)}×\n")
    if not detail:
        return
    for c in text.citations:
        given = f" [{c.date}]" if c.date else ""
        out.write(f"    {c.where}: {c.text}{given}\n")
    if len(text.dates_seen) > 1 or (text.dates_seen and text.date not in text.dates_seen):
        for date, where in text.dates_seen.items():
            out.write(f"    date {date} given in {', '.join(c.where for c in where)}\n")


def _cmd_refs(args: argparse.Namespace) -> int:
    from drafting_app.corpus.registry import Registry

    def read(store: CorpusStore) -> list[CitedText]:
        return Registry.from_store(store).texts()

    with _store() as store:
        from drafting_app.corpus.command_store import healing

        texts = healing(store, read)
    if args.number:
        texts = [t for t in texts if t.number == args.number.strip()]
        if not texts:
            _err(f"no cited text numbered {args.number!r} in the corpus")
            return 1
    for t in texts:
        _write_text(sys.stdout, t, detail=bool(args.number) or args.verbose)
    return 0


def _cmd_add(args: argparse.Namespace) -> int:
    failed = 0
    with _store() as store:
        for name in args.files:
            try:
                again = store.holds_content_of(Path(name))
                texts = _healing_add(store, Path(name))
            except DraftingError as exc:
                failed += 1
                _err(f"{name}: not added: {exc}")
                continue
            first = texts[0]
            if len(texts) == 1 and again:
                print(f"{name}: already in the corpus as {first.doc_id} ({first.label})")
            elif len(texts) == 1:
                print(f"{name}: {first.doc_id} ({first.label}) at {first.path}")
            else:  # a report volume: each decision it holds is a document of its own
                where = "already in the corpus" if again else f"added at {first.path}"
                print(f"{name}: {where} as {len(texts)} texts:")
                for t in texts:
                    print(f"    {t.doc_id:<40} {t.label}")
    return 2 if failed else 0


def _healing_add(store: CorpusStore, path: Path) -> list[DocumentInfo]:
    from drafting_app.corpus.command_store import healing

    return healing(store, lambda s: s.add_document(path))


def _cmd_search(args: argparse.Namespace) -> int:
    from drafting_app.corpus.command_store import healing

    with _store() as store:
        hits = healing(store, lambda s: s.search(args.query, limit=args.limit, part=args.part))
    if not hits:
        _err(f"nothing in the corpus matches {args.query!r}")
        return 1
    for h in hits:
        place = h.place or f"{h.part} {h.label}".strip()
        from drafting_app.corpus.store import MARK_END, MARK_START

        snippet = h.snippet.replace(MARK_START, "[").replace(MARK_END, "]")
        print(f"{h.doc_id} {h.heading or h.title[:30]}, {place}: {snippet}")
    return 0


def _report(report: SyncReport) -> int:
    print(
        f"{len(report.added)} added, {len(report.updated)} updated, "
        f"{len(report.removed)} removed, {len(report.failed)} failed"
    )
    for item in report.failed:
        _err(f"not indexed: {item.path}: {item.message}")
    return 1 if report.failed else 0


def _cmd_rebuild(args: argparse.Namespace) -> int:
    from drafting_app.corpus.command_store import TerminalProgress
    from drafting_app.corpus.store import CorpusStore

    # Built once: the index is thrown away and the files read into it in one pass (no
    # sync of the old index first).
    with CorpusStore.open(sync=False) as store:
        progress = TerminalProgress("Rebuilding the corpus index")
        try:
            report = store.rebuild(progress)
        finally:
            progress.close()
        return _report(report)


def register(sub: Any) -> None:
    """Add ``corpus`` and its subcommands to the top-level parser."""
    corpus = sub.add_parser("corpus", help="the corpus of past resolutions: list, search, add")
    csub = corpus.add_subparsers(dest="corpus_command", metavar="ACTION", required=True)
    p = csub.add_parser("list", help="list the documents in the corpus")
    p.set_defaults(handler=_cmd_list)
    p = csub.add_parser("show", help="show a document's structure with its numbers")
    p.add_argument("doc_id", metavar="ID", help="a document id from `corpus list`")
    p.set_defaults(handler=_cmd_show)
    p = csub.add_parser("refs", help="texts the corpus cites, with dates and where cited")
    p.add_argument("number", nargs="?", help='only texts with this number, e.g. "4/4"')
    p.add_argument("-v", "--verbose", action="store_true", help="where each text is cited")
    p.set_defaults(handler=_cmd_refs)
    p = csub.add_parser("add", help="add documents (.txt, .md, .docx, .pdf) to your corpus")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(handler=_cmd_add)
    p = csub.add_parser("search", help="full-text search of corpus paragraphs")
    p.add_argument("query", help='words (prefixes match) or a "quoted phrase"')
    p.add_argument("--limit", type=_positive, default=20, help="most hits shown (default 20)")
    p.add_argument(
        "--part", choices=("preamble", "operative", "annex"), help="only this part of the documents"
    )
    p.set_defaults(handler=_cmd_search)
    p = csub.add_parser("rebuild", help="rebuild the corpus index from the files")
    p.set_defaults(handler=_cmd_rebuild)
