"""An incoming payload's digest made of the texts its reading produced equals the digest of the
whole payload's canonical JSON, whatever the payload holds; those texts are the records' own."""

from __future__ import annotations

import json
from typing import Any

import pytest

from advisor_app.services.sync_incoming import payload_digest, read_payload
from advisor_app.services.sync_payload import FORMAT
from advisor_app.services.sync_records import dumps, history_text


def _record(rid: str, **extra: Any) -> dict[str, Any]:
    return {"kind": "household", "id": rid, "household": rid,
            "values": {"village": "七星村", "notes": "引号\"、换行\n、\u2028",
                       "assets": {"financial": 1.5, "vehicles": 0}, "deleted": False, "members": None},
            "history": [{"id": "dev:1", "parents": [], "fields": ["village", "notes"]}], **extra}


PAYLOADS: list[dict[str, Any]] = [
    {"format": FORMAT, "sender": "a", "sequence": 1, "records": [_record("h1"), _record("h2")], "counts": {}},
    {"format": FORMAT, "records": [], "assigned": ["x"]},
    # a record with a key of its own, and histories not written as the sync state writes them
    {"format": FORMAT, "records": [_record("h3", note="多余"),
                                   _record("h4", history=[{"id": "dev:2"}]),
                                   _record("h5", history=[{"id": "dev:3", "parents": [], "fields": []},
                                                          {"id": "dev:3", "parents": [], "fields": []}])],
     "made_at": "2026-01-01T00:00:00+00:00", "acknowledges": 0},
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_digest_of_the_read_texts_is_the_digest_of_the_payload(payload: dict[str, Any]) -> None:
    read = read_payload(payload)
    assert read.records_text == dumps(payload["records"])
    assert payload_digest(payload, read.records_text) == payload_digest(payload)
    changed = json.loads(json.dumps(payload))
    changed["sequence"] = 99
    assert payload_digest(changed, read_payload(changed).records_text) != payload_digest(payload)


def test_the_texts_are_those_of_the_values_and_of_the_history_as_the_sync_state_writes_it() -> None:
    read = read_payload(PAYLOADS[2])
    by_id = {r.id: r for r in read.records}
    for rid in ("h3", "h4", "h5"):
        values_text, history_json = read.texts[("household", rid)]
        assert values_text == dumps(by_id[rid].values)
        assert json.loads(values_text) == by_id[rid].values
        assert history_json is None or history_json == history_text(by_id[rid].history)
    assert read.texts[("household", "h3")][1] == history_text(by_id["h3"].history)
    assert read.texts[("household", "h4")][1] is None  # written without parents and fields
    assert read.texts[("household", "h5")][1] is None  # a version twice
