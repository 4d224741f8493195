"""Reading an incoming payload's records, and its digest (docs/sync.md, "Import: all or nothing, once").

:func:`read_payload` checks each record's shape (a payload of a later format is refused) and, in the
same pass, writes each record's values and history as canonical JSON (:func:`.sync_records.dumps`):
the texts the import stores as the records' sync states are the very texts the payload's digest is
made of, so each value is encoded once. :func:`payload_digest` gives the SHA-256 of the whole
payload's canonical JSON; given the records' texts it joins them instead of encoding the records
again — the same text, hence the same digest (a test compares the two ways).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from advisor_app.sync.kinds import KINDS, ORDER
from advisor_app.sync.versions import Version

from .sync_keepers import Incoming
from .sync_payload import FORMAT
from .sync_records import Key, dumps
from .sync_write import PayloadRefused


def refuse(why: str) -> PayloadRefused:
    return PayloadRefused(f"数据包没有导入（没有改动任何数据）：{why}")


@dataclass(slots=True)
class ReadPayload:
    """The payload's records (sorted by household, kind, id), the canonical JSON of each record's
    values and history (the history's text is None when the payload wrote it otherwise than its
    versions are written: then it is made anew), and that of the whole list of records."""

    records: list[Incoming]
    texts: dict[Key, tuple[str, str | None]]
    records_text: str


def _shape_ok(r: Any) -> bool:
    return (isinstance(r, dict) and r.get("kind") in KINDS and isinstance(r.get("id"), str) and bool(r["id"])
            and isinstance(r.get("household"), str)
            and bool(r["household"]) == KINDS[str(r["kind"])].of_household
            and isinstance(r.get("values"), dict) and isinstance(r.get("history"), list) and bool(r["history"])
            and all(isinstance(v, dict) and isinstance(v.get("id"), str) for v in r["history"])
            and (r["kind"] != "household" or r["household"] == r["id"]))


_KEYS = frozenset({"history", "household", "id", "kind", "values"})
_text_of = json.encoder.encode_basestring  # what dumps() gives a str (ensure_ascii off)


def _record_text(r: dict[str, Any], values_text: str, history_text: str) -> str:
    """``dumps(r)``, with the texts of its values and history already made."""
    if r.keys() == _KEYS:  # the record as build_payload writes it (its str fields checked by the reader)
        return (f'{{"history":{history_text},"household":{_text_of(r["household"])},"id":{_text_of(r["id"])},'
                f'"kind":{_text_of(r["kind"])},"values":{values_text}}}')
    if not all(isinstance(k, str) for k in r):
        return dumps(r)
    parts = []
    for k in sorted(r):
        text = values_text if k == "values" else history_text if k == "history" else dumps(r[k])
        parts.append(f"{dumps(k)}:{text}")
    return "{" + ",".join(parts) + "}"


def read_payload(payload: Mapping[str, Any]) -> ReadPayload:
    """The payload's records, their shape checked, and their texts (see :class:`ReadPayload`). A
    record of no household has :data:`~advisor_app.sync.kinds.NO_HOUSEHOLD` as its household."""
    if payload.get("format") != FORMAT:
        raise refuse(f"格式“{str(payload.get('format'))[:40]}”不认识，可能是较新版本的程序做的，请先升级本程序")
    raw = payload.get("records")
    if not isinstance(raw, list):
        raise refuse("内容不完整（缺少记录列表）")
    out: list[Incoming] = []
    texts: dict[Key, tuple[str, str | None]] = {}
    record_texts: list[str] = []
    for i, r in enumerate(raw):
        if not _shape_ok(r):
            raise refuse(f"第 {i + 1} 条记录的结构不对")
        try:
            history = tuple(Version.from_dict(v) for v in r["history"])
        except (TypeError, ValueError):
            raise refuse(f"第 {i + 1} 条记录的版本历史不对") from None
        kind, rid, values = str(r["kind"]), str(r["id"]), dict(r["values"])
        values_text, history_text = dumps(values), dumps(r["history"])
        # The history as the sync state writes it (history_text of its versions, each once) is
        # this text when the payload wrote every version in that form.
        normal = (len({v.id for v in history}) == len(history)
                  and all(type(d) is dict and d == v.to_dict() for d, v in zip(r["history"], history, strict=True)))
        texts[(kind, rid)] = (values_text, history_text if normal else None)
        record_texts.append(_record_text(r, values_text, history_text))
        out.append(Incoming(kind, rid, str(r["household"]), values, history))
    order = {k: n for n, k in enumerate(ORDER)}
    out.sort(key=lambda r: (r.household, order[r.kind], r.id))
    return ReadPayload(out, texts, "[" + ",".join(record_texts) + "]")


def read_records(payload: Mapping[str, Any]) -> list[Incoming]:
    """The payload's records, their shape checked (see :func:`read_payload`)."""
    return read_payload(payload).records


def payload_digest(payload: Mapping[str, Any], records_text: str | None = None) -> str:
    """SHA-256 (hex) of the payload's canonical JSON; ``records_text``: that of its ``records``, when
    :func:`read_payload` made it."""
    whole = dict(payload)
    if records_text is None or not all(isinstance(k, str) for k in whole):
        text = dumps(whole)
    else:
        text = "{" + ",".join(f"{dumps(k)}:{records_text if k == 'records' else dumps(whole[k])}"
                              for k in sorted(whole)) + "}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
