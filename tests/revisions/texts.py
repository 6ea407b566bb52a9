"""What two texts must share to be the same text: everything the model holds and the
export prints (structure, derived numbers, italics, footnotes and where they are marked),
ids left out (they name paragraphs, they are not text)."""

from __future__ import annotations

from typing import Any

from drafting_app.model import Document
from drafting_app.model.describe import describe


def _strip(x: Any) -> Any:
    if isinstance(x, dict):
        out = {k: _strip(v) for k, v in x.items() if k not in ("id", "references")}
        if isinstance(out.get("anchor"), dict):
            out["anchor"] = {"offset": out["anchor"]["offset"]}
        if "italics" in out:  # adjacent spans print as one
            out["italics"] = sorted({i for s, e in out["italics"] for i in range(s, e)})
        return out
    if isinstance(x, list):
        return [_strip(v) for v in x]
    return x


def text_of(doc: Document) -> dict[str, Any]:
    return _strip(describe(doc))


def structure_of(doc: Document) -> dict[str, Any]:
    """The text with each footnote mark given as the note's text instead of its number:
    a note marked twice (one Word footnote per mark, or one for both) reads the same."""
    d = describe(doc)
    notes = {n["number"]: n["text"] for n in d.pop("footnotes")}

    def walk(x: Any) -> Any:
        if isinstance(x, dict):
            out = {k: walk(v) for k, v in x.items() if k not in ("id", "references")}
            if isinstance(x.get("footnotes"), list):
                out["footnotes"] = [(f["offset"], notes.get(f["number"])) for f in x["footnotes"]]
            if "italics" in out:
                out["italics"] = sorted({i for s, e in out["italics"] for i in range(s, e)})
            return out
        if isinstance(x, list):
            return [walk(v) for v in x]
        return x

    out = walk(d)
    out["notes"] = sorted(set(notes.values()))
    return out
