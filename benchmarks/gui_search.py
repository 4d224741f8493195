"""Search as you type and sorting in the household list of a 200,000-household profile (offscreen
window), each timed from the input event to the first page painted.

* **Keystrokes**: a few typed searches (pinyin initials, a name, the end of an ID number, a village,
  a single digit, a single character, and clearing the box). Each key is a real event on the search
  box: ``QTest.keyClick`` for digits and letters, an input-method commit (``QInputMethodEvent``) for a
  Chinese character, select-all and Backspace for clearing. Timed until the table's viewport paints
  after the model took the new result (a reset; or, when the result is the households already
  shown, their cells announced again; an event filter on the viewport), minus the 150 ms typing
  pause the window waits for.
* **Sorts**: a click on each sortable header, both directions, without and with a search text,
  timed the same way; on the profile as it is and on an office-like copy where every record has a
  sync state (the copy is made once: sync identity, an office peer, everything exported).

Every figure is measured ``BENCH_RUNS`` (3) times, its median counts; prints the median and the
slowest over the keystrokes and each sort's median and max, with the machine's load average. The
targets are ≤ 100 ms per keystroke and ≤ 200 ms per sort. ``BENCH_PLAINTEXT=1``: the plaintext twin.
"""

from __future__ import annotations

import os
import shutil
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from _gui_profiles import database_url, demo_profile_folder, passphrase, plaintext_url, variant

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HOUSEHOLDS = int(os.environ.get("BENCH_HOUSEHOLDS", "200000"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
TYPED = ("wxx", "吴晓霞", "340104", "0026", "20026", "七星村", "7", "七", "wxx")
SORT_TEXTS = ("", "七星")


def synced_folder(folder: Path) -> tuple[Path, str | None]:
    """A copy of the profile where every record has a sync state (made once), and its URL."""
    from advisor_app.services.profile import open_profile
    from advisor_app.services.sync_payload import build_payload
    from advisor_app.services.sync_setup import enrol_peer, set_up_identity

    synced = folder.with_name(folder.name + "-synced")
    twin = synced.with_name(synced.name + "-plaintext.sqlite")
    if not (synced / ".complete").exists():
        shutil.rmtree(synced, ignore_errors=True)
        shutil.copytree(folder, synced, ignore=shutil.ignore_patterns("backups", ".complete"))
        start = time.perf_counter()
        profile = open_profile(synced, passphrase=passphrase())
        set_up_identity(profile, role="advisor", name="王老师")
        enrol_peer(profile, "office-device", "乡镇", "office", "keys-office")
        build_payload(profile, "office-device")  # seals every record: a sync state for each
        profile.close()
        print(f"# made the synced copy in {time.perf_counter() - start:.0f} s", flush=True)
        (synced / ".complete").touch()
        twin.unlink(missing_ok=True)
    if variant() != "plaintext":
        return synced, None
    if not twin.exists():
        shutil.copyfile(plaintext_url(synced).removeprefix("sqlite:///"), twin)
    return synced, f"sqlite:///{twin}"


def measure_window(folder: Path, url: str | None, label: str, keys: bool) -> None:
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest

    from advisor_app.gui import app as gui_app
    from advisor_app.gui.household_list_pane import SEARCH_DEBOUNCE_MS
    from advisor_app.gui.household_table_model import COLUMNS
    from advisor_app.services.profile import open_profile

    qapp = gui_app.application()
    profile = open_profile(folder, passphrase=passphrase(), database_url=url)
    window = gui_app.create_main_window(profile, install_hook=False)
    window.show()
    window.operations.wait_idle(60000)
    qapp.processEvents()
    pane = window.list_pane
    table, box = pane.table, pane.search
    state = {"reset": False, "painted": 0.0}

    class Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and state["reset"] and not state["painted"]:
                state["painted"] = time.perf_counter()
            return False

    spy = Painted()
    table.viewport().installEventFilter(spy)
    # the model took the new result: a reset, or (the same households in the same order as shown)
    # its cells announced again
    window.model.modelReset.connect(lambda: state.update(reset=True))
    window.model.dataChanged.connect(lambda *_: state.update(reset=True))

    def timed(act: Callable[[], None], pause_ms: int) -> float:
        state.update(reset=False, painted=0.0)
        start = time.perf_counter()
        act()
        deadline = start + 60
        while not state["painted"] and time.perf_counter() < deadline:
            qapp.processEvents()
            time.sleep(0.001)
        window.operations.wait_idle(60000)
        qapp.processEvents()
        return max(0.0, float(state["painted"]) - start - pause_ms / 1000)

    def key(char: str) -> Callable[[], None]:
        if char.isascii():
            return lambda: QTest.keyClicks(box, char)

        def commit() -> None:
            event = QInputMethodEvent()
            event.setCommitString(char)
            qapp.sendEvent(box, event)
        return commit

    def clear() -> None:
        box.selectAll()
        QTest.keyClick(box, Qt.Key.Key_Backspace)

    def set_text(text: str) -> None:
        box.setText(text)
        pane.run_search()
        window.operations.wait_idle(60000)
        qapp.processEvents()

    box.setFocus()
    n = f"{HOUSEHOLDS // 1000}k"
    if keys:
        runs: dict[str, list[float]] = {}
        set_text("")
        timed(key("w"), SEARCH_DEBOUNCE_MS)  # warm up
        set_text("")
        for _ in range(RUNS):
            for typed in TYPED:
                for i, char in enumerate(typed):
                    runs.setdefault(typed[:i + 1], []).append(timed(key(char), SEARCH_DEBOUNCE_MS))
                runs.setdefault("(cleared)", []).append(timed(clear, SEARCH_DEBOUNCE_MS))
        times = {text: statistics.median(values) for text, values in runs.items()}
        slowest = max(times, key=times.__getitem__)
        values = list(times.values())
        print(f"gui_search_keystroke_median_{n}: {statistics.median(values) * 1000:.0f} ms  ({variant()})")
        print(f"gui_search_keystroke_max_{n}: {max(values) * 1000:.0f} ms  ({slowest!r}, {variant()})")
        print(f"# keystrokes: {', '.join(f'{t!r} {v * 1000:.0f}' for t, v in times.items())}")
    header = table.horizontalHeader()
    worst = 0.0
    for text in SORT_TEXTS:
        set_text(text)
        for column, (_title, sort_key) in enumerate(COLUMNS):
            if sort_key is None:
                continue
            for descending in (False, True):
                figures = []
                for _ in range(RUNS):
                    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
                    if header.sortIndicatorSection() == column and header.sortIndicatorOrder() == order:
                        header.setSortIndicator(column, Qt.SortOrder.AscendingOrder if descending
                                                else Qt.SortOrder.DescendingOrder)
                        window.operations.wait_idle(60000)
                        qapp.processEvents()
                    # what a header click does: the indicator moves, the table asks the model to sort
                    figures.append(timed(lambda c=column, o=order: header.setSortIndicator(c, o), 0))
                worst = max(worst, max(figures))
                print(f"gui_sort_{sort_key}_{'desc' if descending else 'asc'}{'_search' if text else ''}_{label}_{n}: "
                      f"median {statistics.median(figures) * 1000:.0f} ms, max {max(figures) * 1000:.0f} ms  "
                      f"({variant()})")
    print(f"gui_sort_max_{label}_{n}: {worst * 1000:.0f} ms  ({variant()})")
    window.close()
    profile.close()


def main() -> int:
    folder = demo_profile_folder(HOUSEHOLDS)
    load = os.getloadavg()
    print(f"# load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} (2 cores)")
    measure_window(folder, database_url(folder), "demo", keys=True)
    synced, url = synced_folder(folder)
    measure_window(synced, url, "synced", keys=False)
    load = os.getloadavg()
    print(f"# load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} at the end")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
