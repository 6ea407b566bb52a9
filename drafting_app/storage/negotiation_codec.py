"""The negotiation state of a draft ↔ JSON (project format 4, docs/PROJECT_FORMAT.md):
round, delegations, facilitator and one entry per paragraph (label, status, brackets,
alternatives, proposals, comments, agreement and the changes since). Empty lists are not
written. Decoding checks types and that every span fits its paragraph's text and brackets
nest, naming the label of a paragraph that breaks it."""

from __future__ import annotations

from typing import Any

from drafting_app.errors import ProjectError
from drafting_app.model.document import Document
from drafting_app.model.negotiation import (
    Agreement,
    AlternativeSet,
    Bracket,
    Change,
    Comment,
    Negotiation,
    Option,
    Origin,
    Proposal,
    ProposalKind,
    Record,
    Status,
    problems,
)


def _option(o: Option) -> dict[str, Any]:
    return {"text": o.text, "author": o.author, "round": o.round}


def _record(pid: str, r: Record, text: str) -> dict[str, Any]:
    out: dict[str, Any] = {"id": pid, "label": r.label, "status": str(r.status)}
    if r.base is None:
        out["added"] = True
    elif r.base != text:
        out["base"] = r.base
    if r.brackets:
        out["brackets"] = [[b.id, b.start, b.end] for b in r.brackets]
    if r.alternatives:
        out["alternatives"] = [
            {"id": a.id, "start": a.start, "end": a.end, "first_author": a.first_author,
             "options": [_option(o) for o in a.options]}
            for a in r.alternatives
        ]  # fmt: skip
    if r.proposals:
        out["proposals"] = [
            {"id": q.id, "kind": str(q.kind), "start": q.start, "end": q.end, "text": q.text,
             "author": q.author, "round": q.round, "old": q.old}
            for q in r.proposals
        ]  # fmt: skip
    if r.comments:
        out["comments"] = [
            {"id": c.id, "author": c.author, "text": c.text, "round": c.round} for c in r.comments
        ]
    if r.paragraph_alternatives:
        out["paragraph_alternatives"] = [_option(o) for o in r.paragraph_alternatives]
    if r.origin is not None:
        out["origin"] = {"author": r.origin.author, "round": r.origin.round}
    if r.agreed is not None:
        out["agreed"] = {"round": r.agreed.round, "at": r.agreed.at, "text": r.agreed.text}
    if r.changes:
        out["changes"] = [
            {"who": c.who, "round": c.round, "at": c.at, "text": c.text} for c in r.changes
        ]
    return out


def negotiation_to_json(doc: Document) -> dict[str, Any] | None:
    """The negotiation of ``doc`` (records of the paragraphs in the text, in order)."""
    nego = doc.negotiation
    if nego is None:
        return None
    return {
        "round": nego.round,
        "started": nego.started,
        "facilitator": nego.facilitator,
        "delegations": list(nego.delegations),
        "paragraphs": [
            _record(p.id, nego.records[p.id], p.text)
            for p in doc.all_paragraphs()
            if p.id in nego.records
        ],
    }


# -- decoding ---------------------------------------------------------------------------------
def _want(value: Any, kind: type | tuple[type, ...], where: str) -> Any:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ProjectError(f"The project file is damaged: {where} has the wrong type.")
    return value


def _str(d: dict[str, Any], key: str, where: str, default: str | None = "") -> str:
    if key not in d and default is not None:
        return default
    return str(_want(d.get(key), str, f"{where}.{key}"))


def _int(d: dict[str, Any], key: str, where: str, default: int | None = 0) -> int:
    if key not in d and default is not None:
        return default
    return int(_want(d.get(key), int, f"{where}.{key}"))


def _items(d: dict[str, Any], key: str, where: str) -> list[dict[str, Any]]:
    items = _want(d.get(key, []), list, f"{where}.{key}")
    return [_want(item, dict, f"{where}.{key}[{i}]") for i, item in enumerate(items)]


def _option_from(d: dict[str, Any], where: str) -> Option:
    return Option(_str(d, "text", where, None), _str(d, "author", where), _int(d, "round", where))


def _enum(kind: type[Status] | type[ProposalKind], value: Any, where: str) -> Any:
    try:
        return kind(_want(value, str, where))
    except ValueError:
        raise ProjectError(f"The project file is damaged: {where} is {value!r}.") from None


def _record_from(d: dict[str, Any], where: str, text: str) -> Record:
    brackets = []
    for triple in _want(d.get("brackets", []), list, f"{where}.brackets"):
        bid, start, end = _want(triple, list, f"{where}.brackets")
        brackets.append(Bracket(_want(bid, str, where), _want(start, int, where),
                                _want(end, int, where)))  # fmt: skip
    alternatives = [
        AlternativeSet(
            _str(a, "id", w, None), _int(a, "start", w, None), _int(a, "end", w, None),
            tuple(_option_from(o, w) for o in _items(a, "options", w)),
            _str(a, "first_author", w),
        )
        for i, a in enumerate(_items(d, "alternatives", where))
        for w in [f"{where}.alternatives[{i}]"]
    ]  # fmt: skip
    proposals = [
        Proposal(
            _str(q, "id", w, None), _enum(ProposalKind, q.get("kind"), f"{w}.kind"),
            _int(q, "start", w, None), _int(q, "end", w, None), _str(q, "text", w),
            _str(q, "author", w, None), _int(q, "round", w), _str(q, "old", w),
        )
        for i, q in enumerate(_items(d, "proposals", where))
        for w in [f"{where}.proposals[{i}]"]
    ]  # fmt: skip
    comments = [
        Comment(_str(c, "id", w, None), _str(c, "author", w, None), _str(c, "text", w, None),
                _int(c, "round", w))
        for i, c in enumerate(_items(d, "comments", where))
        for w in [f"{where}.comments[{i}]"]
    ]  # fmt: skip
    return Record(
        label=_str(d, "label", where, None),
        status=_enum(Status, d.get("status"), f"{where}.status"),
        brackets=tuple(brackets),
        alternatives=tuple(alternatives),
        proposals=tuple(proposals),
        comments=tuple(comments),
        paragraph_alternatives=tuple(
            _option_from(o, where) for o in _items(d, "paragraph_alternatives", where)
        ),
        origin=_origin(d.get("origin"), f"{where}.origin"),
        agreed=_agreement(d.get("agreed"), f"{where}.agreed"),
        changes=tuple(_change(c, f"{where}.changes") for c in _items(d, "changes", where)),
        base=None if _want(d.get("added", False), bool, where) else _str(d, "base", where, text),
    )


def _origin(value: Any, where: str) -> Origin | None:
    if value is None:
        return None
    d = _want(value, dict, where)
    return Origin(_str(d, "author", where, None), _int(d, "round", where))


def _agreement(value: Any, where: str) -> Agreement | None:
    if value is None:
        return None
    d = _want(value, dict, where)
    return Agreement(_int(d, "round", where), _str(d, "at", where), _str(d, "text", where))


def _change(d: dict[str, Any], where: str) -> Change:
    return Change(
        _str(d, "who", where), _int(d, "round", where), _str(d, "at", where), _str(d, "text", where)
    )


def negotiation_from_json(value: Any, doc: Document) -> Negotiation | None:
    """The negotiation stored beside ``doc`` (already decoded), checked against its text."""
    if value is None:
        return None
    d = _want(value, dict, "negotiation")
    nego = Negotiation(
        round=_int(d, "round", "negotiation", 1),
        started=_str(d, "started", "negotiation"),
        facilitator=_str(d, "facilitator", "negotiation") or "Facilitator",
        delegations=[
            str(_want(n, str, "negotiation.delegations"))
            for n in _want(d.get("delegations", []), list, "negotiation.delegations")
        ],
    )
    if nego.round < 1:
        raise ProjectError("The project file is damaged: the negotiation round is below 1.")
    texts = {p.id: p.text for p in doc.all_paragraphs()}
    labels: set[str] = set()
    for i, item in enumerate(_items(d, "paragraphs", "negotiation")):
        where = f"negotiation.paragraphs[{i}]"
        pid = _str(item, "id", where, None)
        if pid not in texts:
            raise ProjectError(f"{where} names no paragraph of the text.")
        record = _record_from(item, where, texts[pid])
        if pid in nego.records:
            raise ProjectError(f"{where}: paragraph {record.label} is listed twice.")
        wrong = problems(record, texts[pid])
        if wrong:
            raise ProjectError(f"paragraph {record.label} of the negotiation has {wrong[0]}.")
        if record.label in labels and not record.label.startswith("("):
            raise ProjectError(f"two paragraphs of the negotiation share the label {record.label}.")
        labels.add(record.label)
        nego.records[pid] = record
    return nego
