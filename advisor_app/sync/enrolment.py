"""Enrolment files: how an advisor's laptop and the town office learn each other's keys (docs/sync.md).

The laptop writes a **request** (``advisor-enrol-request/1``): the advisor's public identity and
fingerprint. The office reads it (:func:`read_request`: the signature must be the key's own), the
clerk compares the fingerprint with what the advisor reads out, and the office writes the
**answer** (``advisor-enrol-answer/1``): the office's public identity and fingerprint, the
advisor's device id, name and fingerprint, and the villages assigned. The laptop reads it
(:func:`read_answer`): addressed to this device and these keys, signed by the key it carries.

Both are UTF-8 JSON, readable by a person, and hold no personal data of families. The signature is
Ed25519 over the document without its ``signature`` field, written compactly with sorted keys and
ASCII escapes, so what is checked is exactly what is read. A file that is damaged, altered, forged,
of a later format or meant for someone else gives an :class:`InvalidEnrolment` saying so.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from advisor_app.domain.limits import MAX_ENROL_BYTES, MB, FileTooLarge, has_lone_surrogate, shown

from .errors import InvalidEnrolment, InvalidKeys
from .keys import SIGNATURE_BYTES, Identity, PublicIdentity, b64, canonical, fingerprint, unb64

REQUEST_FORMAT = "advisor-enrol-request/1"
ANSWER_FORMAT = "advisor-enrol-answer/1"
MAX_VILLAGES = 500
MAX_VILLAGE_NAME = 100  # as a household's village (docs/limits.md)

_REQUEST_KEYS = {"format", "advisor", "made_at", "signature"}
_ANSWER_KEYS = {"format", "office", "advisor", "villages", "made_at", "signature"}
_ADDRESSEE_KEYS = {"device_id", "name", "fingerprint"}
_WHAT = {REQUEST_FORMAT: "登记申请", ANSWER_FORMAT: "登记答复"}


def make_request(identity: Identity) -> bytes:
    """The enrolment request of the advisor profile ``identity``, signed by it."""
    if identity.role != "advisor":
        raise InvalidEnrolment("登记申请由顾问的电脑写；乡镇写的是登记答复")
    return _signed({"format": REQUEST_FORMAT, "advisor": _party(identity.public), "made_at": _now()}, identity)


def read_request(data: bytes) -> PublicIdentity:
    """The advisor's public identity in the request ``data``, its signature checked."""
    doc = _load(data, REQUEST_FORMAT, _REQUEST_KEYS)
    advisor = _public(doc["advisor"], "advisor", "advisor")
    _check(doc, advisor)
    return advisor


def make_answer(office: Identity, advisor: PublicIdentity, villages: list[str]) -> bytes:
    """The office's answer to ``advisor``'s request, giving them ``villages``, signed by ``office``."""
    if office.role != "office":
        raise InvalidEnrolment("登记答复由乡镇写；顾问的电脑写的是登记申请")
    if advisor.role != "advisor":
        raise InvalidEnrolment(f"{advisor.name}不是顾问，不能登记")
    doc = {"format": ANSWER_FORMAT, "office": _party(office.public),
           "advisor": {"device_id": advisor.device_id, "name": advisor.name, "fingerprint": fingerprint(advisor)},
           "villages": _villages([v.strip() for v in villages], "villages"), "made_at": _now()}
    return _signed(doc, office)


def read_answer(data: bytes, me: PublicIdentity) -> tuple[PublicIdentity, list[str]]:
    """The office and the villages in the answer ``data``, which must be addressed to ``me`` (this
    device and its keys) and signed by the office key it carries."""
    doc = _load(data, ANSWER_FORMAT, _ANSWER_KEYS)
    office = _public(doc["office"], "office", "office")
    addressee = doc["advisor"]
    if not isinstance(addressee, dict) or set(addressee) != _ADDRESSEE_KEYS \
            or not all(isinstance(v, str) for v in addressee.values()):
        raise InvalidEnrolment(f"应为一个对象，字段为 {', '.join(sorted(_ADDRESSEE_KEYS))}", where="advisor")
    villages = _villages(doc["villages"], "villages")
    _check(doc, office)
    if addressee["device_id"] != me.device_id:
        raise InvalidEnrolment(f"这个登记答复不是发给本机的（是发给{shown(addressee['name'])}的电脑的）")
    if addressee["fingerprint"] != fingerprint(me):
        raise InvalidEnrolment("登记答复里的密钥指纹与本机的不符：乡镇批准的不是本机写的登记申请，请重新申请")
    return office, villages


def _party(public: PublicIdentity) -> dict[str, str]:
    return {**public.to_dict(), "fingerprint": fingerprint(public)}


def _public(obj: Any, where: str, role: str) -> PublicIdentity:
    """The public identity ``obj`` (with its fingerprint), of ``role``, the fingerprint checked."""
    if not isinstance(obj, dict) or "fingerprint" not in obj:
        raise InvalidEnrolment("应为一个对象，带有 fingerprint（密钥指纹）", where=where)
    try:
        public = PublicIdentity.from_dict({k: v for k, v in obj.items() if k != "fingerprint"}, where)
    except InvalidKeys as exc:
        raise InvalidEnrolment(exc.message, where=exc.where) from None
    if public.role != role:
        raise InvalidEnrolment(f"角色应为 {role}，现为 {public.role}", where=f"{where}.role")
    if obj["fingerprint"] != fingerprint(public):
        raise InvalidEnrolment("密钥指纹与公钥不符：文件已被改动", where=f"{where}.fingerprint")
    return public


def _villages(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InvalidEnrolment("应为村名的列表", where=where)
    if len(value) > MAX_VILLAGES:
        raise InvalidEnrolment(f"村太多（最多 {MAX_VILLAGES} 个），现为 {len(value)} 个", where=where)
    seen: set[str] = set()
    for index, name in enumerate(value):
        at = f"{where}[{index}]"
        if not name:
            raise InvalidEnrolment("村名不能为空", where=at)
        if len(name) > MAX_VILLAGE_NAME:
            raise InvalidEnrolment(f"村名太长（最多 {MAX_VILLAGE_NAME} 个字）：{shown(name)}", where=at)
        if has_lone_surrogate(name) or any(ch < " " or ch == "\x7f" for ch in name):
            raise InvalidEnrolment(f"村名里有不可见的控制字符：{shown(name)}", where=at)
        if name in seen:
            raise InvalidEnrolment(f"村名重复：{shown(name)}", where=at)
        seen.add(name)
    return list(value)


def _signed(doc: dict[str, Any], identity: Identity) -> bytes:
    doc["signature"] = b64(identity.sign(canonical(doc)))
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _check(doc: dict[str, Any], signer: PublicIdentity) -> None:
    what = _WHAT[doc["format"]]
    try:
        signature = unb64(doc["signature"], "signature") if isinstance(doc["signature"], str) else b""
    except InvalidKeys:
        signature = b""
    unsigned = {k: v for k, v in doc.items() if k != "signature"}
    if len(signature) != SIGNATURE_BYTES or not signer.verifies(signature, canonical(unsigned)):
        raise InvalidEnrolment(f"{what}的签名不对：文件已被改动，或不是{signer.name}的电脑写的")


def _load(data: bytes, fmt: str, keys: set[str]) -> dict[str, Any]:
    """The JSON object in ``data``, of format ``fmt`` with exactly ``keys``; :class:`InvalidEnrolment`
    (:class:`FileTooLarge`) with a plain message otherwise."""
    what = _WHAT[fmt]
    if len(data) > MAX_ENROL_BYTES:
        raise FileTooLarge(f"{what}文件太大（超过 {MAX_ENROL_BYTES // MB} MB），不像是正确的文件，没有读取")
    try:
        doc = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        where = f"第{exc.lineno}行第{exc.colno}列" if isinstance(exc, json.JSONDecodeError) else None
        raise InvalidEnrolment(f"不是有效的 JSON 文件，不是{what}", where=where) from None
    except (RecursionError, ValueError):
        raise InvalidEnrolment(f"不是有效的 JSON 文件，不是{what}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("format"), str):
        raise InvalidEnrolment(f"这个文件不是{what}（没有 format: {fmt}）")
    given: str = doc["format"]
    family, _, version = fmt.rpartition("/")
    if given != fmt:
        if given in _WHAT:
            raise InvalidEnrolment(f"这是{_WHAT[given]}，不是{what}")
        theirs = given.rpartition("/")
        if theirs[0] == family and theirs[2].isdigit() and int(theirs[2]) > int(version):
            raise InvalidEnrolment(f"这个{what}是新版本的程序写的：请先把程序更新到最新版本")
        raise InvalidEnrolment(f"这个文件不是{what}（format 应为 {fmt}，现为 {shown(given)}）")
    unknown, missing = sorted(set(doc) - keys), sorted(keys - set(doc))
    if unknown:
        raise InvalidEnrolment(f"不认识的字段：{', '.join(shown(k, 30) for k in unknown[:10])}")
    if missing:
        raise InvalidEnrolment(f"缺少字段：{', '.join(missing)}")
    made_at = doc["made_at"]
    try:
        if not isinstance(made_at, str) or len(made_at) > 40 or dt.datetime.fromisoformat(made_at).tzinfo is None:
            raise ValueError(made_at)
    except ValueError:
        raise InvalidEnrolment("应为带时区的时间（如 2025-03-01T09:30:00+00:00）", where="made_at") from None
    return doc


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
