"""Writes by another program appear in the household list without a click: the list asks the
database's ``data_version`` every second (on the worker) and refreshes when it changed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any, NamedTuple

from advisor_app.gui import household_list_pane
from advisor_app.services import households
from advisor_app.store.watch import ChangeWatch


def _new_household_json(household_json: str) -> str:
    doc = json.loads(household_json)
    doc.pop("id", None)
    return json.dumps(doc, ensure_ascii=False)


def test_an_import_by_another_process_appears_in_the_list(main_window: Any, qtbot: Any,
                                                          household_json: str) -> None:
    before = main_window.model.rowCount()
    assert before == 60
    assert main_window.list_pane._poll.interval() == household_list_pane.EXTERNAL_POLL_MS
    result = subprocess.run(
        [sys.executable, "-m", "advisor_app", "--data-dir", str(main_window.profile.data.root),
         "household", "import", "-"], input=_new_household_json(household_json), capture_output=True,
        text=True, env=os.environ, check=False, timeout=120)
    assert result.returncode == 0, result.stderr
    new_id = result.stdout.strip()
    qtbot.waitUntil(lambda: main_window.model.row_of(new_id) is not None, timeout=5000)
    assert main_window.model.rowCount() == before + 1
    assert "61" in main_window.count_label.text()


def test_a_delete_on_another_connection_appears_in_the_list(main_window: Any, qtbot: Any) -> None:
    from advisor_app.services.profile import open_profile

    gone = main_window.model.household_id(0)
    other = open_profile(main_window.profile.data.root)  # another connection, as another window has
    try:
        households.delete_household(other, gone)
    finally:
        other.close()
    qtbot.waitUntil(lambda: main_window.model.row_of(gone) is None, timeout=5000)
    assert main_window.model.rowCount() == 59


def test_no_refresh_while_nothing_changes(main_window: Any) -> None:
    refreshed: list[object] = []
    main_window.operations.data_changed.connect(refreshed.append)
    for _tick in range(5):
        main_window.list_pane.check_external_changes()
        assert main_window.operations.wait_idle()
    assert refreshed == []


def test_the_watch_sees_commits_of_other_connections_only_once(profile: Any) -> None:
    watch = ChangeWatch(profile.engine)
    try:
        assert watch.changed() is False  # takes note
        assert watch.changed() is False
        with profile.connection(write=True) as conn:
            from advisor_app.store.settings import set_setting

            set_setting(conn, "x", "1")
        assert watch.changed() is True
        assert watch.changed() is False
    finally:
        watch.close()
    assert watch.changed() is False  # closed: nothing to ask


class _Shown(NamedTuple):
    household: str
    loaded: list[str]  # every household loaded through the services from then on
    currents: list[str]  # every current_changed of the list from then on


def _show(window: Any, monkeypatch: Any, row: int) -> _Shown:
    """The household of ``row`` current in the list and open in the editor, the list focused; what
    is loaded and made current from then on is recorded."""
    household = window.model.household_id(row)
    window.select_household(household)
    window.open_household(household)
    assert window.operations.wait_idle()
    window.list_pane.table.setFocus()
    shown = _Shown(household, [], [])
    original = households.load_household
    monkeypatch.setattr(households, "load_household",
                        lambda profile, hid: shown.loaded.append(hid) or original(profile, hid))
    window.list_pane.current_changed.connect(shown.currents.append)
    return shown


def _still_shown(window: Any, shown: _Shown) -> None:
    assert window.list_pane.current_household_id() == shown.household
    assert window.editor.household().id == shown.household
    assert [h for h in shown.loaded if h != shown.household] == [] and shown.currents == []


def test_a_refresh_by_the_watch_keeps_the_household_shown_and_loads_no_other(
        main_window: Any, qtbot: Any, monkeypatch: Any) -> None:
    """A change the watch notices (another program's, or this window's own write seen once more)
    searches again; the current row and the editor stay on their household the whole time, and the
    list keeps its place, instead of passing through another row (which would open it)."""
    shown = _show(main_window, monkeypatch, 40)
    main_window.list_pane.table.verticalScrollBar().setValue(20)
    scrolled = main_window.list_pane.table.verticalScrollBar().value()
    assert scrolled > 0
    with main_window.profile.connection(write=True) as conn:  # any commit counts
        from advisor_app.store.settings import set_setting

        set_setting(conn, "touched", "1")
    main_window.list_pane.check_external_changes()
    main_window.list_pane.check_external_changes()
    assert main_window.operations.wait_idle()
    qtbot.wait(50)
    assert main_window.operations.wait_idle()
    _still_shown(main_window, shown)
    assert main_window.list_pane.table.verticalScrollBar().value() == scrolled


def test_rows_replaced_after_a_delete_elsewhere_keep_the_editor_on_its_household(
        main_window: Any, qtbot: Any, monkeypatch: Any) -> None:
    from advisor_app.services.profile import open_profile

    gone = main_window.model.household_id(0)
    shown = _show(main_window, monkeypatch, 30)
    other = open_profile(main_window.profile.data.root)
    try:
        households.delete_household(other, gone)
    finally:
        other.close()
    qtbot.waitUntil(lambda: main_window.model.row_of(gone) is None, timeout=5000)
    assert main_window.operations.wait_idle()
    _still_shown(main_window, shown)
