"""Importing a bundle's payload: all of it in one write transaction, once (docs/sync.md, "Import").

:func:`apply_payload` (the bundle file's importer calls it once the file is verified and decrypted):

1. a sequence already imported from that sender → nothing changes (``already_imported``); the same
   sequence with other contents is refused;
2. the acknowledgement: what we sent in bundles up to that number has arrived;
3. the households the payload touches are sealed (their unsent local changes become versions, so
   nothing unsent is overwritten), then each incoming record is compared with ours
   (:func:`advisor_app.sync.versions.compare`): already here, taken, merged (goes back to the
   sender in our next bundle) or a conflict (ours unchanged, their copy kept beside it);
4. each household with a record taken or merged is written through the ordinary household save
   (:mod:`.sync_write`); one household failing the household file's checks refuses the whole
   payload, naming it — the transaction is rolled back;
5. office: a household new from an advisor is assigned to that advisor. Advisor: a household no
   longer in the office's ``assigned`` list is dropped once the office has everything of it.

A payload holding a kind its sender's role does not send (``Kind.senders``: a policy table from an
advisor) is refused whole, before anything is written. Records that are not a part of the
household document (``Kind.in_document`` false: a need's status history, a policy table) go to
their keepers (:mod:`.sync_keepers`), after the households are written.

No kind is named here: every kind of :data:`advisor_app.sync.kinds.KINDS` is compared the same way.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from advisor_app.store import sync_records as record_store
from advisor_app.store import sync_state as store
from advisor_app.store.engine import refresh_statistics, tune_for_import
from advisor_app.store.sync_rows import mark
from advisor_app.sync import versions
from advisor_app.sync.kinds import KINDS, Record
from advisor_app.sync.versions import CONFLICT, HAVE, MERGED, TAKE, Version

from . import audit
from . import sync_keepers as keepers
from .batch import gc_paused
from .profile import Profile
from .sync_conflicts import close_settled, keep_conflict
from .sync_incoming import payload_digest, read_payload, read_records
from .sync_incoming import refuse as _refuse
from .sync_keepers import Incoming
from .sync_payload import FORMAT
from .sync_records import Key, State, heads_text, seal, seal_households
from .sync_setup import ADVISOR, OFFICE, identity_in
from .sync_write import (
    PayloadRefused,
    record_written_many,
    write_changed_households,
    write_household,
    write_new_households,
)

IMPORTED, ALREADY_IMPORTED = "imported", "already_imported"


@dataclass
class ImportReport:
    """What one import did (``bundle import``'s result and the app's import report)."""

    status: str
    sender: str
    sender_name: str
    sequence: int
    new: int = 0  # records we did not have
    changed: int = 0  # records whose newer copy was taken
    merged: int = 0  # records merged field by field (they go back to the sender)
    unchanged: int = 0  # already here (a replay or an older copy)
    conflicts: int = 0  # conflicts opened by this import
    closed: int = 0  # conflicts the other side resolved
    dropped: int = 0  # households that left this laptop (reassigned)
    households_new: int = 0  # households written here for the first time
    households_changed: int = 0  # households already here with a record taken or merged
    gaps: tuple[int, ...] = field(default=())  # sequences from the sender never imported

    @property
    def message(self) -> str:
        if self.status == ALREADY_IMPORTED:
            return f"来自{self.sender_name}的第 {self.sequence} 号数据包已经导入过，没有任何改动"
        text = (f"已导入来自{self.sender_name}的第 {self.sequence} 号数据包：新增 {self.new} 条，"
                f"更新 {self.changed} 条，合并 {self.merged} 条，冲突 {self.conflicts} 条")
        if self.gaps:
            missing = "、".join(str(n) for n in self.gaps)
            text += f"。第 {missing} 号数据包没有导入，但它们的内容已包含在这个数据包里"
        return text


class ImportBatch:
    """Payloads applied in one write transaction (:func:`import_batch`), each in a savepoint of its
    own: a payload refused is rolled back to its savepoint — nothing of it written — and the others
    stay; the transaction commits once, at the end, or not at all."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._written = 0  # records this transaction took or merged
        self._counted = 0  # how many of them the planner's statistics count

    def apply(self, sender: str, sequence: int, payload: Mapping[str, Any]) -> ImportReport:
        """Import one payload from ``sender`` (device id) with its ``sequence``; see the module doc.
        Raises :class:`PayloadRefused` when it cannot be imported: nothing of it is written."""
        if payload.get("format") != FORMAT:
            read_records(payload)  # refuses it, saying so
        if self._written >= 2 * max(self._counted, _STATISTICS_FROM):  # after 1×, 2×, 4× … as many rows
            refresh_statistics(self.session.connection())  # before the next payload: never for one alone
            self._counted = self._written
        with gc_paused(), self.session.begin_nested():
            report = _apply(self.session, sender, sequence, payload)
        self._written += report.new + report.changed + report.merged
        return report


_STATISTICS_FROM = 1000
"""Records written by an import's transaction before the planner's statistics are brought up to
date (:func:`advisor_app.store.engine.refresh_statistics`) for the next payload, then each time they
have doubled. An import of one payload never pays for it."""


@contextlib.contextmanager
def import_batch(profile: Profile) -> Iterator[ImportBatch]:
    """One write transaction for many payloads (``bundle import`` of many files, the app's 导入数据包):
    committed when the block ends, rolled back as a whole on an error that is not a payload's
    refusal — so a process killed at any point leaves the profile as before or with every payload
    that was not refused imported. One commit instead of one per payload: the indexes' pages that
    every payload changes are written (and encrypted) once, with a page cache large enough to hold
    them until then (:func:`advisor_app.store.engine.tune_for_import`)."""
    with profile.session(write=True) as session:
        tune_for_import(session.connection())
        yield ImportBatch(session)


def apply_payload(profile: Profile, sender: str, sequence: int, payload: Mapping[str, Any]) -> ImportReport:
    """Import one payload in a transaction of its own; raises :class:`PayloadRefused` (nothing
    written) when it cannot be imported."""
    with import_batch(profile) as batch:
        return batch.apply(sender, sequence, payload)


def apply_payloads(profile: Profile, payloads: Iterable[tuple[str, int, Mapping[str, Any]]]
                   ) -> list[ImportReport | PayloadRefused]:
    """Import many payloads ((sender, sequence, payload), in the order given) in one transaction
    (:func:`import_batch`); for each its report, or the refusal that left nothing of it written."""
    out: list[ImportReport | PayloadRefused] = []
    with import_batch(profile) as batch:
        for sender, sequence, payload in payloads:
            try:
                out.append(batch.apply(sender, sequence, payload))
            except PayloadRefused as exc:
                out.append(exc)
    return out


def _apply(session: Session, sender: str, sequence: int, payload: Mapping[str, Any]) -> ImportReport:
    me = identity_in(session)
    peer = store.peer(session, sender)
    if peer is None:
        raise _refuse("发送方没有登记（不认识这台设备）")
    if peer.revoked_at is not None:
        raise _refuse(f"“{peer.name}”已被注销，不再接受它的数据包")
    if payload.get("addressee") not in (None, me.device_id) or payload.get("sender") not in (None, sender):
        raise _refuse("这个数据包不是发给本机的")
    if payload.get("sequence") not in (None, sequence) or sequence < 1:
        raise _refuse("数据包的编号不对")
    report = ImportReport(IMPORTED, sender, peer.name, sequence)
    prior = store.received(session, sender, sequence)
    if prior is not None:  # a replay is known by its digest; its records were read when it was imported
        if prior.digest != payload_digest(payload):
            raise _refuse(f"来自{peer.name}的第 {sequence} 号数据包已经导入过，这一份的内容却不同（可能是伪造的）")
        report.status = ALREADY_IMPORTED
        report.gaps = _gaps(session, sender)
        return report
    read = read_payload(payload)
    incoming = read.records
    digest = payload_digest(payload, read.records_text)  # of the texts just made: the same digest
    keepers.check_senders((r.kind for r in incoming), peer)
    acknowledges = payload.get("acknowledges", 0)
    if not isinstance(acknowledges, int) or not 0 <= acknowledges <= peer.last_sent:
        raise _refuse("数据包确认了本机从未发出的数据包")
    if acknowledges > peer.last_acknowledged:
        record_store.acknowledge(session, sender, acknowledges)
        peer.last_acknowledged = acknowledges
    newest = sequence > peer.last_received
    _apply_records(session, sender, [r for r in incoming if KINDS[r.kind].in_document], report, read.texts)
    new, changed, unchanged = keepers.apply(session, peer, [r for r in incoming if not KINDS[r.kind].in_document])
    report.new, report.changed, report.unchanged = (report.new + new, report.changed + changed,
                                                    report.unchanged + unchanged)
    if me.role == OFFICE and peer.role == ADVISOR:
        mentioned = {r.household for r in incoming if r.kind == "household"}
        store.assign(session, sorted(mentioned - set(store.assignments_of(session, mentioned))), sender)
    assigned = payload.get("assigned")
    if me.role == ADVISOR and newest and isinstance(assigned, list):
        report.dropped = _drop_unassigned(session, sender, {str(h) for h in assigned})
    store.record_received(session, sender, sequence, digest)
    peer.last_received = max(peer.last_received, sequence)
    session.flush()
    report.gaps = _gaps(session, sender)
    audit.record(session, action="import", kind="bundle", record_id=f"{sender}:{sequence}",
                 detail=f"new {report.new}, changed {report.changed}, merged {report.merged}, "
                        f"conflicts {report.conflicts}")
    return report


def _apply_records(session: Session, sender: str, incoming: list[Incoming], report: ImportReport,
                   texts: Mapping[Key, tuple[str, str | None]]) -> None:
    touched = sorted({r.household for r in incoming})
    sealed = seal(session, touched)
    known = sealed.states
    by_household: dict[str, list[Incoming]] = {}
    for r in incoming:
        st = known.get((r.kind, r.id))
        if st is not None and st.household != r.household:
            raise _refuse("有一条记录属于另一户家庭，与本机的记录对不上")
        by_household.setdefault(r.household, []).append(r)
    taken: list[tuple[str, Key]] = []  # (household, record)
    known_to_sender: list[tuple[Key, str]] = []
    any_kept = record_store.has_kept_copies(session)
    known_by_household: dict[str, dict[Key, State]] = {}
    for key, st in known.items():
        known_by_household.setdefault(st.household, {})[key] = st
    to_write: dict[str, tuple[dict[Key, Record], dict[Key, versions.History]]] = {}
    given: dict[Key, tuple[str, str | None]] = {}  # the texts of records taken, made when they were read
    for hid in touched:
        mine = known_by_household.get(hid, {})
        intended = dict(sealed.current[hid])
        histories: dict[Key, versions.History] = {}
        for r in by_household[hid]:
            key = (r.kind, r.id)
            st = mine.get(key)
            # A record we do not have is taken as it came (what compare() says of it, without the work).
            outcome = versions.Outcome(TAKE, r.values, versions.union(r.history, ())) if st is None else \
                _compare(session, st, r)
            if outcome.action == HAVE:
                report.unchanged += 1
                if set(versions.heads(r.history)) == set(versions.heads(outcome.history)):
                    known_to_sender.append((key, heads_text(outcome.history)))
                continue
            if outcome.action == CONFLICT:
                report.conflicts += keep_conflict(session, sender, r.kind, r.id, hid, r.values, r.history,
                                                  outcome.conflicts)
                continue
            if outcome.action == TAKE:
                report.new += int(key not in mine)
                report.changed += int(key in mine)
                known_to_sender.append((key, heads_text(outcome.history)))
                taken.append((hid, key))
                values_text, history_text = texts[key]
                given[key] = (values_text, history_text if st is None else None)  # the record's as it came
            else:
                report.merged += 1
            intended[key] = Record(r.kind, r.id, dict(outcome.values))
            histories[key] = outcome.history
            if any_kept:
                report.closed += close_settled(session, r.kind, r.id, outcome.history)
        if histories:
            to_write[hid] = (intended, histories)
    report.households_new += sum(1 for hid in to_write if not sealed.current[hid])
    report.households_changed += sum(1 for hid in to_write if sealed.current[hid])
    # Households new here are written together, then those already here that stay live; when a
    # check fails (the ordinary save then refuses them with its message), or a household is deleted,
    # archived or restored, the rest go one by one, in id order.
    written = write_new_households(session, {hid: i for hid, (i, _h) in to_write.items() if not sealed.current[hid]})
    rest = {hid: intended for hid, (intended, _h) in to_write.items() if hid not in written}
    if any(not sealed.current[hid] for hid in rest) or not write_changed_households(session, rest):
        for hid, intended in rest.items():
            write_household(session, hid, intended)
    record_written_many(session, [(hid, i, h) for hid, (i, h) in to_write.items()], known, inserted=written,
                        texts=given)
    mark(session, sender, known_to_sender, sequence=None)
    record_store.set_unsent(session, (k for hid, k in taken if hid not in written), False)  # those: stored so


def _compare(session: Session, mine: State | None, r: Incoming) -> versions.Outcome:
    outcome = versions.compare(mine.values if mine else {}, mine.history if mine else (), r.values, r.history, "")
    if outcome.action != MERGED:
        return outcome
    (merge_id,) = store.next_version_ids(session, 1)
    last = outcome.history[-1]
    return versions.Outcome(MERGED, outcome.values, (*outcome.history[:-1], Version(merge_id, last.parents)),
                            taken=outcome.taken)


def _drop_unassigned(session: Session, office: str, assigned: set[str]) -> int:
    """Households no longer assigned to this laptop whose changes the office has all received."""
    candidates = sorted(record_store.known_households(session) - assigned)
    if not candidates:
        return 0
    seal_households(session, candidates)
    unacked = {r.household_id for r in record_store.unacknowledged(session, office, candidates, texts=False)}
    conflicted = {c.household_id for c in record_store.open_conflicts(session, household_ids=candidates)}
    return record_store.drop_households(session, [h for h in candidates if h not in unacked | conflicted])


def _gaps(session: Session, sender: str) -> tuple[int, ...]:
    seen = store.received_sequences(session, sender)
    if not seen:
        return ()
    have = set(seen)
    return tuple(n for n in range(1, max(seen)) if n not in have)


__all__ = ["ALREADY_IMPORTED", "IMPORTED", "ImportBatch", "ImportReport", "PayloadRefused", "apply_payload",
           "apply_payloads", "import_batch", "payload_digest", "read_records"]
