"""The desktop half of the raw-bytes test: a session in the main window (offscreen) that registered a
household and saved a visit with needs, printed a form (previewed from memory, then saved to a
folder outside the data folder), screened, exported the ledger outside the data folder, was refused
a household whose ID number is wrong (the message names the member), and crashed once through
errors.py's hook. Afterwards no name or ID number is readable (UTF-8, UTF-16LE/BE) in the data folder
(database, logs, crash trace), the temporary folder the session used, the window settings, or any
file deleted from those during the session; the crash reached the log file, masked."""

from __future__ import annotations

import datetime as dt
import json
import logging
import tempfile
from pathlib import Path
from typing import Any

import pytest
from privacy_probe import FileWatch, folder_bytes, readable
from PySide6.QtWidgets import QFileDialog

from advisor_app.domain import interchange
from advisor_app.domain.household import Need, Visit
from advisor_app.gui import errors, print_preview
from advisor_app.gui.app import create_main_window
from advisor_app.services import eligibility, households, screening_export
from advisor_app.services.changes import Changes
from advisor_app.services.profile import open_profile

DATA = Path(__file__).parents[1] / "data"
WU = json.loads((DATA / "household_wu.json").read_text(encoding="utf-8"))
HEAD, CHILD = WU["members"][0], WU["members"][1]
WRONG_ID = CHILD["id_number"][:-1] + ("5" if CHILD["id_number"][-1] != "5" else "6")
SECRETS = [HEAD["name"], HEAD["id_number"], CHILD["name"], CHILD["id_number"], WRONG_ID, "13812345678"]


def crash_with_record_contents() -> BaseException:
    person = {"name": HEAD["name"], "id_number": HEAD["id_number"]}  # a local: never logged
    try:
        raise RuntimeError(f"意外：{person['name']} {person['id_number']} 电话13812345678")
    except RuntimeError as exc:
        return exc


def test_a_desktop_session_leaves_no_name_or_id_number_outside_the_database(
        qtbot: Any, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        message_boxes: list[tuple[str, str, str]], exception_reports: list[str]) -> None:
    tmp, outside = tmp_path / "tmpdir", tmp_path / "saved by the user"
    tmp.mkdir()
    outside.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    bad = json.loads(json.dumps(WU))
    bad["members"][1]["id_number"] = WRONG_ID
    bad_file = tmp_path / "bad.json"
    bad_file.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    on = dt.date(2026, 11, 2)
    save_calls: list[tuple[Any, ...]] = []

    def save_dialog(*args: Any) -> tuple[str, str]:
        save_calls.append(args)
        return str(outside / "申请书.pdf"), "PDF"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    previews: list[Any] = []
    real_preview = print_preview.show_print_preview
    monkeypatch.setattr(print_preview, "show_print_preview",
                        lambda *args: previews.append(real_preview(*args)) or previews[-1])

    with FileWatch([data_dir, tmp, tmp_path / "qsettings"]) as watch:
        profile = open_profile(data_dir)
        h = households.save_household(profile, interchange.household_from_json(json.dumps(WU)))
        households.save_visit(profile, h.id or "", Visit("investigation", on, ["王芳", "李强"],
                                                         f"{HEAD['name']}坐轮椅，电话13812345678",
                                                         [Need("goods", "轮椅一台")]))
        window = create_main_window(profile, install_hook=False)
        qtbot.addWidget(window)
        window.show()
        assert window.operations.wait_idle()
        window.table.setCurrentIndex(window.model.index(0, 0))
        assert HEAD["name"] in window.windowTitle()  # shown on screen, never stored
        window.print_actions["dibao-application"].trigger()
        assert window.operations.wait_idle()
        qtbot.waitUntil(lambda: len(previews) == 1)
        previews[0].save_with_dialog()
        assert save_calls and save_calls[0][-1] & QFileDialog.Option.DontUseNativeDialog
        eligibility.screen(profile, on)
        screening_export.export_xlsx(profile, outside / "台账.xlsx")
        window.operations.write(lambda p: households.import_household(p, bad_file),
                                changed=Changes(all_households=True))
        assert window.operations.wait_idle()
        refusals = [text for kind, _title, text in message_boxes if kind == "warning"]
        assert any(CHILD["name"] in text for text in refusals), message_boxes
        hook = errors.ExceptionHook(profile.data.log_file)
        exc = crash_with_record_contents()
        hook(type(exc), exc, exc.__traceback__)
        qtbot.waitUntil(lambda: len(exception_reports) == 1)
        assert HEAD["name"] in exception_reports[0]  # the dialog shows the advisor the message as it is
        exception_reports.clear()
        previews[0].close()
        window.close()
        profile.close()
        for handler in logging.getLogger().handlers:
            handler.flush()

    log_text = profile.data.log_file.read_text(encoding="utf-8")
    assert "RuntimeError" in log_text and "crash_with_record_contents" in log_text
    assert f"{HEAD['id_number'][:6]}********{HEAD['id_number'][-4:]}" in log_text  # masked, not dropped
    assert (outside / "申请书.pdf").stat().st_size > 10_000 and (outside / "台账.xlsx").exists()
    assert readable(watch.removed_bytes(), SECRETS) == [], sorted(watch.removed)
    raw = folder_bytes(data_dir, tmp, tmp_path / "qsettings")
    assert b"main_window" in raw  # the window settings were written, and grepped
    assert len(raw) > 100_000 and readable(raw, SECRETS) == []
