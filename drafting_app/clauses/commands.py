"""``drafting-app clauses …``: search agreed language, list and render clause templates.

    drafting-app clauses search extrabudgetary [--part operative] [--limit 10] [--json]
    drafting-app clauses templates
    drafting-app clauses render recall-decision decision=4/4 [--json]

Exit codes follow cli.py: 0 done, 1 nothing found, 2 bad input (unknown template, wrong
parameter: the message says which).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from drafting_app.errors import TemplateError
from drafting_app.model.document import Part


def _cmd_search(args: argparse.Namespace) -> int:
    from drafting_app.clauses.library import open_clause_index
    from drafting_app.corpus.command_store import command_store

    part = Part(args.part) if args.part else None
    with command_store() as store:
        index = open_clause_index(store)
        try:
            hits = index.search(" ".join(args.query), limit=args.limit, part=part)
        finally:
            index.close()
    if args.json:
        rows = [
            {
                "text": h.clause.text,
                "opener": h.clause.opener,
                "category": h.clause.category,
                "sources": [s.label() for s in h.sources],
                "score": round(h.score, 3),
            }
            for h in hits
        ]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    for h in [] if args.json else hits:
        sys.stdout.write(f"{'; '.join(s.label() for s in h.sources)}\n    {h.clause.text}\n")
    return 0 if hits else 1


def _cmd_templates(args: argparse.Namespace) -> int:
    from drafting_app.clauses.templates import TemplateCatalog

    catalog = TemplateCatalog.load()
    for t in catalog.templates:
        params = ", ".join(f"{v.name}: {v.type}" for v in t.variables)
        sys.stdout.write(f"{t.key:<38} {t.part.value:<9} {t.title}  ({params})\n")
    for error in catalog.errors:
        print(f"drafting-app: template not loaded: {error}", file=sys.stderr)
    return 0


def _params(items: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise TemplateError(f"{item!r} is not NAME=VALUE.")
        out[name.strip()] = value
    return out


def _cmd_render(args: argparse.Namespace) -> int:
    from drafting_app.clauses.render import render
    from drafting_app.clauses.templates import TemplateCatalog
    from drafting_app.corpus.command_store import command_store
    from drafting_app.corpus.registry import Registry

    template = TemplateCatalog.load().get(args.key)
    with command_store() as store:
        out = render(template, _params(args.params), Registry.from_store(store))
    numbers = {f.id: n for n, f in enumerate(out.footnotes, start=1)}
    if args.json:
        doc = {
            "text": out.paragraph.text,
            "italics": [[s.start, s.end] for s in out.paragraph.italics],
            "footnotes": [
                {"offset": a.offset, "text": f.text}
                for a in out.paragraph.anchors
                for f in out.footnotes
                if f.id == a.footnote_id
            ],
            "children": [c.text for c in out.paragraph.children],
            "provenance": out.paragraph.provenance,
        }
        json.dump(doc, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    sys.stdout.write(out.paragraph.text + "\n")
    for child in out.paragraph.children:
        sys.stdout.write(f"    {child.text}\n")
    for f in out.footnotes:
        sys.stdout.write(f"  {numbers[f.id]} {f.text}\n")
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("clauses", help="agreed language and clause templates")
    inner = p.add_subparsers(dest="clauses_command", metavar="ACTION", required=True)
    s = inner.add_parser("search", help="search agreed language (every word a prefix)")
    s.add_argument("query", nargs="+")
    s.add_argument("--part", choices=[p.value for p in Part])
    s.add_argument("--limit", type=int, default=10)
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=_cmd_search)
    t = inner.add_parser("templates", help="list the clause templates")
    t.set_defaults(handler=_cmd_templates)
    r = inner.add_parser("render", help="render a clause template: KEY NAME=VALUE …")
    r.add_argument("key")
    r.add_argument("params", nargs="*", metavar="NAME=VALUE")
    r.add_argument("--json", action="store_true")
    r.set_defaults(handler=_cmd_render)
