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
