"""The log masking: ID numbers in every shape, phones, names in values, exceptions; and a scan that no
logging call in the app formats its own message (names could hide in it where no pattern finds them)."""

from __future__ import annotations

import ast
import datetime as dt
import logging
from pathlib import Path

import pytest

from advisor_app.domain.errors import InvalidIdNumber, InvalidRecord, Problem
from advisor_app.domain.idcard import make
from advisor_app.services import log_masking as lm

PACKAGE = Path(__file__).resolve().parents[2] / "advisor_app"
ID = "34010419880314002X"
ID_DIGITS = "340104200905200134"
FULL_WIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


@pytest.mark.parametrize("text", [
    ID, ID.lower(), ID_DIGITS, ID.translate(FULL_WIDTH), ID_DIGITS.translate(FULL_WIDTH),
    f"{ID[:6]} {ID[6:14]} {ID[14:]}", f"{ID[:6]}-{ID[6:14]}-{ID[14:]}",
    "".join(chr(0x0660 + int(c)) for c in ID_DIGITS),  # Arabic-Indic digits
])
def test_an_id_number_in_any_shape_keeps_its_first_6_and_last_4(text: str) -> None:
    masked = lm.mask_numbers(text)
    digits = lm._ascii(text.replace(" ", "").replace("-", ""))
    assert masked == digits[:6] + "********" + digits[-4:]


@pytest.mark.parametrize("number", [make(area, dt.date(1950 + n, 1 + n % 12, 1 + n % 28), n)
                                    for n, area in enumerate(("110105", "340104", "650102", "820000"))])
def test_valid_numbers_inside_chinese_text_are_masked(number: str) -> None:
    text = f"成员吴晓霞的身份证号{number}与户主重复，请核对"
    masked = lm.mask_numbers(text)
    assert number not in masked and number[6:14] not in masked
    assert masked == f"成员吴晓霞的身份证号{number[:6]}********{number[-4:]}与户主重复，请核对"


def test_old_15_digit_numbers_and_numbers_next_to_other_digits() -> None:
    assert lm.mask_numbers("旧证340104880314002号") == "旧证340104*****4002号"
    assert lm.mask_numbers(f"{ID_DIGITS}9") == "***************1349"  # 19 digits: a long number, last 4 kept
    assert lm.mask_numbers("户数 2026 年 11 月：3 户，金额 1234.50 元") == "户数 2026 年 11 月：3 户，金额 1234.50 元"


@pytest.mark.parametrize(("text", "expected"), [
    ("电话13812345678", "电话138****5678"),
    ("+86 138-1234-5678", "138****5678"),
    ("0086 13812345678。", "138****5678。"),
    ("１３８１２３４５６７８", "138****5678"),
    ("监督电话0551-63456789", "监督电话0551-****6789"),
    ("(010)12345678", "010-****5678"),
    ("卡号6222021234567890123", "卡号***************0123"),
])
def test_phone_and_card_numbers(text: str, expected: str) -> None:
    assert lm.mask_numbers(text) == expected


def test_ids_dates_and_times_are_kept() -> None:
    text = "household 3f2a9c10-0000-4000-8000-123456789012 on 2026-11-02 10:33:45 backup 20261102-103345"
    assert lm.mask_numbers(text) == text


def test_chinese_characters_in_values_are_masked_templates_kept(caplog: pytest.LogCaptureFixture) -> None:
    lm.install()
    log = logging.getLogger("advisor_app.test")
    with caplog.at_level(logging.INFO):
        log.info("打开家庭 %s（%d 人），地址 %s，%s", "吴晓霞", 2, "明珠华庭12栋301室", "阿依古丽·买买提")
        log.info("号码 %(id)s", {"id": ID})
        log.warning(f"电话 {13812345678}")  # a formatted message: its numbers are still masked
    assert [r.getMessage() for r in caplog.records] == [
        "打开家庭 ***（2 人），地址 ****12*301*，********", "号码 340104********002X", "电话 138****5678"]


def test_a_domain_error_is_logged_as_its_type_and_a_masked_message(caplog: pytest.LogCaptureFixture) -> None:
    lm.install()
    with caplog.at_level(logging.INFO):
        logging.getLogger("advisor_app.test").info("refused: %s", InvalidIdNumber("校验位错误", where=f"吴晓霞 {ID}"))
        logging.getLogger("advisor_app.test").info("refused: %s", InvalidRecord([
            Problem(("members", 1, "id_number"), "吴小诚的身份证号与吴晓霞的相同"),
            Problem(("members", 0, "name"), "吴晓霞的姓名太长")]))
    first, second = (r.getMessage() for r in caplog.records)
    assert first == "refused: advisor_app.domain.errors.InvalidIdNumber: *** 340104********002X：*****"
    assert second == ("refused: advisor_app.domain.errors.InvalidRecord: 2 problem(s) at members[1].id_number, "
                      "members[0].name")


def test_a_traceback_has_frames_and_a_masked_message_never_locals(caplog: pytest.LogCaptureFixture) -> None:
    lm.install()

    def inner(person: dict[str, str]) -> None:
        secret_local = person["name"] + person["id"]
        raise KeyError(secret_local)

    try:
        try:
            inner({"name": "吴晓霞", "id": ID})
        except KeyError as exc:
            raise RuntimeError(f"导入 吴晓霞 失败 {ID}") from exc
    except RuntimeError:
        with caplog.at_level(logging.ERROR):
            logging.getLogger("advisor_app.test").exception("import failed")
    record = caplog.records[-1]
    text = caplog.text
    assert record.exc_info is None and record.exc_text
    assert "吴晓霞" not in text and ID not in text and "secret_local = person" not in text
    assert "in inner" in text and "direct cause" in text and "KeyError: '***340104********002X'" in text
    assert "RuntimeError: ** *** ** 340104********002X" in text


def test_warnings_are_logged_masked(caplog: pytest.LogCaptureFixture) -> None:
    import warnings

    logging.captureWarnings(False)  # undone by pytest's own warning capture after an earlier test
    lm.install()
    with caplog.at_level(logging.WARNING), warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.warn(f"吴晓霞 {ID}", UserWarning, stacklevel=1)
    assert "吴晓霞" not in caplog.text and ID not in caplog.text and "340104********002X" in caplog.text


def test_a_record_made_outside_the_factory_is_masked_by_the_filter() -> None:
    record = logging.makeLogRecord({"msg": "户主 %s", "args": ("吴晓霞",)})
    assert lm.MaskingFilter().filter(record) and record.getMessage() == "户主 ***"


# --- no logging call formats its own message ---------------------------------------------------

LOG_METHODS = {"debug", "info", "warning", "warn", "error", "exception", "critical", "log"}


def formatted_log_calls(source: str) -> list[int]:
    """Lines of ``log.info(f"…")``, ``log.info("…" % x)``, ``log.info("…".format(x))``,
    ``log.info("…" + x)`` or a message that is not a constant: the text would carry record contents
    without the masking of values (the masking only sees the arguments as values)."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in LOG_METHODS and isinstance(node.func.value, ast.Name)
                and node.func.value.id in ("log", "logger", "logging", "_log")):
            continue
        args = node.args[1:] if node.func.attr == "log" else node.args
        if args and not (isinstance(args[0], ast.Constant) and isinstance(args[0].value, str)):
            lines.append(node.lineno)
    return lines


def test_the_scan_finds_formatted_messages() -> None:
    sample = ('log.info(f"x {name}")\nlog.warning("a %s" % name)\nlog.error("a {}".format(name))\n'
              'logger.info("a" + name)\nlog.log(20, name)\nlog.info("fine %s", name)\n')
    assert formatted_log_calls(sample) == [1, 2, 3, 4, 5]


def test_no_logging_call_in_the_app_formats_its_own_message() -> None:
    found = {str(p.relative_to(PACKAGE)): lines for p in sorted(PACKAGE.rglob("*.py"))
             if (lines := formatted_log_calls(p.read_text(encoding="utf-8")))}
    assert found == {}
