"""Bundle files on disk: ``bundle export`` and ``bundle import``, for the command line and the app
(docs/sync.md, "A bundle file" and "Import").

:func:`export_bundles` builds the payload for one peer, seals it into signed, encrypted part files
(:mod:`advisor_app.sync.bundle_file`) and writes them into a folder — each under a temporary name,
renamed once every part is written. The writing runs inside the transaction that records the
sequence (:func:`~.sync_payload.build_payload`'s ``deliver``): a bundle that could not be written
in full leaves neither files nor a used sequence number.

:func:`import_bundles` takes any number of files — parts of several bundles, from several senders,
in any order. For each file, **before anything is decrypted**: it must be a bundle of this format,
whole; its sender an enrolled peer not revoked; its addressee this device; its signature the
sender's. Parts are grouped by bundle; a bundle whose parts are not all here yet is ``held``, its
parts kept inside the profile (:mod:`advisor_app.store.held_parts`) until a later import brings the
rest. Bundles are applied in the order of their senders' sequence numbers, whatever order the files
were given in, all in **one** transaction (:func:`~.sync_import.import_batch`), each complete bundle
opened and applied in a savepoint of its own (:meth:`~.sync_import.ImportBatch.apply`): ``imported``
or ``already_imported``; a bundle refused is rolled back to its savepoint and changes nothing, the
others are still imported. The parts held and released are written in the same transaction, which
commits once at the end: a process killed at any point leaves the profile as before the call or with
every bundle of it imported, held or refused as the results say. A backup (``before-import``) is
made before the transaction when one of the bundles has all its parts and was not imported yet.

``progress(done, total)`` (the app's progress dialog) is told of each file checked; returning False
there cancels the import before anything is written (:class:`Cancelled`). ``applying()`` is asked
once the checks are done, before the first write: False cancels the import there too; after it the
import runs to its end (one transaction, committed at the end), ``progress`` is told of each bundle and
its answer is not asked.
:attr:`BundleImport.totals` adds up what the import did, for the app's report (and the JSON's
``totals``).
"""

from __future__ import annotations

import contextlib
import json
import os
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from advisor_app.domain.errors import Cancelled, DomainError
from advisor_app.domain.limits import MAX_BUNDLE_BYTES, MB
from advisor_app.store import held_parts as held
from advisor_app.store import sync_state
from advisor_app.sync import bundle_file, keys
from advisor_app.sync.bundle_header import DAMAGED, MAX_HEADER_BYTES, PREFIX_BYTES, Header, read_header
from advisor_app.sync.bundle_header import EXTENSION as EXTENSION  # the app's file dialog asks for it
from advisor_app.sync.errors import BundleIncomplete, BundleRefused

from . import backups
from .profile import Profile
from .sync_enrolment import find_peer
from .sync_import import ALREADY_IMPORTED, ImportBatch, ImportReport, import_batch
from .sync_keys import own_keys, peer_keys
from .sync_payload import build_payload
from .sync_setup import Peer, peers

IMPORTED, HELD, REFUSED = "imported", "held", "refused"
DEFAULT_MAX_SIZE = bundle_file.DEFAULT_MAX_SIZE
Progress = Callable[[int, int], bool]
_MAX_FILE = PREFIX_BYTES + MAX_HEADER_BYTES + MAX_BUNDLE_BYTES + keys.SIGNATURE_BYTES


@dataclass(frozen=True, slots=True)
class BundleExport:
    """What ``bundle export`` wrote: the files (parts in order), the bundle's sequence number for its
    addressee, and how many records of each kind it carries."""

    files: list[Path]
    sequence: int
    records: dict[str, int]
    peer: str = ""  # the addressee's name
    households: int = 0  # how many households its records belong to

    def to_dict(self) -> dict[str, Any]:
        return {"files": [str(f) for f in self.files], "sequence": self.sequence, "records": dict(self.records),
                "households": self.households}


@dataclass(frozen=True, slots=True)
class FileResult:
    """One file given to ``bundle import``: ``imported`` / ``already_imported`` / ``held`` / ``refused``,
    and why, in the advisor's words."""

    file: str
    status: str
    reason: str
    missing: tuple[int, ...] = ()  # ``held``: the part numbers not imported yet

    def to_dict(self) -> dict[str, str]:
        return {"file": self.file, "status": self.status, "reason": self.reason}


@dataclass
class BundleImport:
    """What ``bundle import`` did: one result per file given, in the order given; ``conflicts``: the
    conflicts these imports opened; ``reports``: each bundle applied (or found imported already)."""

    results: list[FileResult]
    conflicts: int = 0
    reports: list[ImportReport] = field(default_factory=list)
    backed_up: bool = False  # the ``before-import`` backup of this run is made

    @property
    def refused(self) -> bool:
        return any(r.status == REFUSED for r in self.results)

    @property
    def totals(self) -> dict[str, int]:
        """What the import did, added up: households new and changed, records new / changed / merged,
        conflicts opened and settled by the other side, households that left this laptop, and how
        many files were imported, already imported, held and refused."""
        done = [r for r in self.reports if r.status == IMPORTED]
        out = {name: sum(getattr(r, name) for r in done) for name in
               ("households_new", "households_changed", "new", "changed", "merged", "conflicts", "closed", "dropped")}
        for status in (IMPORTED, ALREADY_IMPORTED, HELD, REFUSED):
            out[f"files_{status}"] = sum(r.status == status for r in self.results)
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"results": [r.to_dict() for r in self.results], "conflicts": self.conflicts, "totals": self.totals}


# --- export --------------------------------------------------------------------------------------

def addressee(profile: Profile, to: str | None) -> Peer:
    """The peer a bundle goes to: ``to`` (a name or device id), else the only peer there is."""
    if to is not None:
        return find_peer(profile, to)
    active = [p for p in peers(profile) if not p.revoked]
    if not active:
        raise DomainError("还没有登记可以发送数据包的对象：救助顾问先用 enrol request 申请，乡镇用 enrol approve 批准")
    if len(active) > 1:
        names = "、".join(p.name for p in active[:10])
        raise DomainError(f"登记了 {len(active)} 个救助顾问（{names}）：请用 --to 指定把数据包导出给谁")
    return active[0]


def export_bundles(profile: Profile, out_dir: str | os.PathLike[str], *, to: str | None = None,
                   max_size: int = DEFAULT_MAX_SIZE) -> BundleExport:
    """Write the next bundle for ``to`` (see :func:`addressee`) into ``out_dir``; see the module doc."""
    me = own_keys(profile)
    peer = addressee(profile, to)
    their_keys = peer_keys(profile, peer)
    if not bundle_file.MIN_MAX_SIZE <= max_size <= MAX_BUNDLE_BYTES:  # before the sequence is taken
        raise DomainError(f"每个文件的大小上限应在 {bundle_file.MIN_MAX_SIZE // 1024} KB 到 "
                          f"{MAX_BUNDLE_BYTES // MB} MB 之间")
    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DomainError(f"无法使用文件夹 {folder}：{exc.strerror or exc}") from None
    written: list[Path] = []
    households: set[str] = set()

    def deliver(payload: dict[str, Any]) -> None:
        households.update(str(r.get("household")) for r in payload.get("records", ()) if r.get("household"))
        data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        parts = bundle_file.seal(data, me, their_keys, sequence=int(payload["sequence"]),
                                 builds_on=int(payload["builds_on"]), max_size=max_size)
        written.extend(_write_all(folder, parts))

    try:
        payload = build_payload(profile, peer.device_id, deliver=deliver)
    except BaseException:
        _remove(written)  # the sequence was not recorded: no file may claim it
        raise
    return BundleExport(written, int(payload["sequence"]), dict(payload["counts"]), peer.name, len(households))


def _write_all(folder: Path, parts: list[bundle_file.BundlePart]) -> list[Path]:
    """Every part under a temporary name first, then each renamed: no half-written file is left
    under a bundle's name."""
    temps: list[tuple[Path, Path]] = []
    done: list[Path] = []
    try:
        for part in parts:
            final = folder / part.name
            temp = folder / f".{part.name}.{uuid.uuid4().hex[:8]}.tmp"
            temps.append((temp, final))
            with temp.open("wb") as f:
                f.write(part.data)
                f.flush()
                os.fsync(f.fileno())
        for temp, final in temps:
            os.replace(temp, final)
            done.append(final)
    except OSError as exc:
        _remove([t for t, _ in temps] + done)
        raise DomainError(f"无法把数据包写入 {folder}：{exc.strerror or exc}（没有导出，也没有记为已发送）") from None
    return done


def _remove(paths: Iterable[Path]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)


# --- import --------------------------------------------------------------------------------------

@dataclass
class _Bundle:
    header: Header
    peer: Peer
    given: dict[int, bytes] = field(default_factory=dict)  # part number → the file's bytes
    files: list[int] = field(default_factory=list)  # the indexes of the files given of it

    @property
    def title(self) -> str:
        return f"来自{self.peer.name}的第 {self.header.sequence} 号数据包"


def import_bundles(profile: Profile, files: Iterable[str | os.PathLike[str]], *, progress: Progress | None = None,
                   applying: Callable[[], bool] | None = None) -> BundleImport:
    """Import the bundle files ``files``; see the module doc."""
    paths = [Path(f) for f in files]
    if not paths:
        raise DomainError("请给出要导入的数据包文件")
    me = own_keys(profile)
    known = {p.device_id: p for p in peers(profile)}
    their_keys: dict[str, keys.PublicIdentity] = {}
    results: list[FileResult | None] = [None] * len(paths)
    bundles: dict[str, _Bundle] = {}
    for index, path in enumerate(paths):
        if progress is not None and not progress(index, len(paths)):
            raise Cancelled("已取消导入，没有改动任何数据。")
        try:
            data = _read(path)
            header = read_header(data)
            peer = _check_sender(header, known, me)
            if peer.device_id not in their_keys:
                their_keys[peer.device_id] = peer_keys(profile, peer)
            bundle_file.verify(data, header, their_keys[peer.device_id])
        except DomainError as exc:
            results[index] = FileResult(str(path), REFUSED, str(exc))
            continue
        bundle = bundles.setdefault(header.bundle_id, _Bundle(header, peer))
        if bundle.header.shared() != header.shared() or bundle.header.payload_digest != header.payload_digest:
            results[index] = FileResult(str(path), REFUSED, f"{bundle.title}：{DAMAGED}（与同一数据包的其他部分不符）")
            continue
        if bundle.given.setdefault(header.part, data) != data:  # two signed files of one part: cannot be
            results[index] = FileResult(str(path), REFUSED, f"{bundle.title}：第 {header.part} 部分有两个不同的文件")
            continue
        bundle.files.append(index)
    if (progress is not None and not progress(len(paths), len(paths))) or (applying is not None and not applying()):
        raise Cancelled("已取消导入，没有改动任何数据。")
    outcome = BundleImport([])
    ordered = sorted(bundles.values(), key=lambda b: (b.peer.name, b.peer.device_id, b.header.sequence))
    if ordered and _any_to_apply(profile, ordered):
        profile.refuse_writes()  # a read-only or damaged profile: refused before a copy is made
        backups.backup_before(profile, "import")
        outcome.backed_up = True
    done = _apply_all(profile, me, their_keys, ordered, outcome, progress) if ordered else []
    for bundle, (status, reason, missing) in done:
        for index in bundle.files:
            results[index] = FileResult(str(paths[index]), status, reason, missing)
    outcome.results = [r for r in results if r is not None]
    outcome.conflicts = sum(r.conflicts for r in outcome.reports)
    return outcome


def _apply_all(profile: Profile, me: keys.Identity, their_keys: dict[str, keys.PublicIdentity],
               ordered: list[_Bundle], outcome: BundleImport, progress: Progress | None
               ) -> list[tuple[_Bundle, tuple[str, str, tuple[int, ...]]]]:
    """Each bundle applied or held in one transaction (see the module doc): (bundle, (status, reason,
    the parts still missing))."""
    done: list[tuple[_Bundle, tuple[str, str, tuple[int, ...]]]] = []
    try:
        with import_batch(profile) as batch:
            _release_imported(batch.session)
            for number, bundle in enumerate(ordered):
                if progress is not None:
                    progress(number, len(ordered))
                done.append((bundle, _import_one(batch, me, their_keys[bundle.peer.device_id], bundle, outcome)))
    except DomainError as exc:  # the transaction could not begin or commit (busy, read-only): nothing written
        outcome.reports.clear()
        return [(bundle, (REFUSED, f"{bundle.title}：{exc}", ())) for bundle in ordered]
    return done


def _any_to_apply(profile: Profile, ordered: list[_Bundle]) -> bool:
    """Whether one of these bundles has all its parts (given or kept) and was not imported yet: the
    ``before-import`` backup is made only then."""
    with profile.session() as session:
        for bundle in ordered:
            header = bundle.header
            if sync_state.received(session, header.sender, header.sequence) is not None:
                continue
            kept = held.held_parts(session, header.bundle_id)
            if all(k in bundle.given or k in kept for k in range(1, header.parts + 1)):
                return True
    return False


def _read(path: Path) -> bytes:
    try:
        with path.open("rb") as f:
            data = f.read(_MAX_FILE + 1)
    except IsADirectoryError:
        raise BundleRefused(f"{path} 是文件夹，不是数据包文件") from None
    except FileNotFoundError:
        raise BundleRefused(f"找不到文件 {path}") from None
    except OSError as exc:
        raise BundleRefused(f"读不了文件 {path}：{exc.strerror or exc}") from None
    if len(data) > _MAX_FILE:
        raise BundleRefused("文件太大，不是数据包，没有导入")
    return data


def _check_sender(header: Header, known: dict[str, Peer], me: keys.Identity) -> Peer:
    peer = known.get(header.sender)
    if header.sender == me.device_id:
        raise BundleRefused("这是本机自己导出的数据包，没有导入：请拿到对方的电脑上导入")
    if peer is None:
        raise BundleRefused("这个数据包来自一台没有登记的设备，没有导入（先完成登记：enrol）")
    if peer.revoked:
        raise BundleRefused(f"{peer.name}已被注销，不再接受{peer.name}的数据包，没有导入")
    if header.addressee != me.device_id:
        other = known.get(header.addressee)
        whom = f"发给{other.name}的" if other is not None else "发给另一台设备的"
        raise BundleRefused(f"这个数据包是{peer.name}{whom}，不是发给本机（{me.name}）的，没有导入")
    return peer


def _import_one(batch: ImportBatch, me: keys.Identity, their_keys: keys.PublicIdentity, bundle: _Bundle,
                outcome: BundleImport) -> tuple[str, str, tuple[int, ...]]:
    """Apply one bundle whose given parts all passed the checks, or hold it, in the import's
    transaction; (status, reason, the parts still missing)."""
    header, session = bundle.header, batch.session
    kept = held.held_parts(session, header.bundle_id)
    imported_before = sync_state.received(session, header.sender, header.sequence) is not None
    parts = {**kept, **bundle.given}
    missing = tuple(k for k in range(1, header.parts + 1) if k not in parts)
    if missing and imported_before:
        return ALREADY_IMPORTED, f"{bundle.title}已经导入过，没有任何改动", ()
    if missing:
        new = [(k, data) for k, data in bundle.given.items() if k not in kept]
        if new:
            held.hold(session, bundle_id=header.bundle_id, sender=header.sender, sequence=header.sequence,
                      parts=header.parts, files=new)
        return HELD, f"{bundle.title}：{BundleIncomplete(missing, header.parts).message}，收齐后才会导入", missing
    try:
        opened = bundle_file.open_parts(parts.values(), me, their_keys)
        payload = _payload(opened)
        report = batch.apply(header.sender, header.sequence, payload)
    except DomainError as exc:
        return REFUSED, f"{bundle.title}：{exc}", ()
    if kept:
        held.release(session, header.bundle_id)
    outcome.reports.append(report)
    return report.status, report.message, ()


def _payload(opened: bytes) -> dict[str, Any]:
    try:
        payload = json.loads(opened.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BundleRefused(DAMAGED + "（内容无法读取）") from None
    if not isinstance(payload, dict):
        raise BundleRefused(DAMAGED + "（内容无法读取）")
    return payload


def _release_imported(session: Session) -> None:
    """Forget the kept parts of bundles imported since (an import of an earlier release stopped before
    it tidied up)."""
    for sender, sequence, _n, _have in held.held_bundles(session):
        if sync_state.received(session, sender, sequence) is not None:
            held.release_sequence(session, sender, sequence)


def held_bundles(profile: Profile) -> list[tuple[str, int, int, list[int]]]:
    """The bundles waiting for parts: (sender's name, sequence, parts, the part numbers here)."""
    names = {p.device_id: p.name for p in peers(profile)}
    with profile.session() as session:
        return [(names.get(s, s), q, n, have) for s, q, n, have in held.held_bundles(session)]
