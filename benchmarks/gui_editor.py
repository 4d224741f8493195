"""The household editor, eligibility panel and visit drafts (offscreen, a small temporary profile).

Prints medians: loading a household into the editor, the GUI-thread work of one keystroke in a
member's name, one eligibility re-check from request to result shown (off the GUI thread), the
GUI-thread cost of an autosave of a visit draft, and the draft write itself (worker thread).
Targets: keystroke ≤ 16 ms, draft autosave on the GUI thread ≤ 20 ms.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
RUNS = int(os.environ.get("BENCH_RUNS", "30"))


def main() -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from advisor_app.demo.generator import DemoGenerator
    from advisor_app.gui import app as gui_app
    from advisor_app.gui.household_editor import HouseholdEditor
    from advisor_app.gui.operations import Operations
    from advisor_app.gui.visit_dialog import VisitDialog
    from advisor_app.services import drafts
    from advisor_app.services import households as svc
    from advisor_app.services.profile import open_profile

    qapp = gui_app.application([])
    profile = open_profile(tempfile.mkdtemp(prefix="advisor-bench-editor-"))
    stored = [svc.save_household(profile, h) for h in DemoGenerator(3).households(40)]
    household = max(stored, key=lambda h: len(h.members))
    ops = Operations(profile, None)
    editor = HouseholdEditor(ops)
    editor.resize(1300, 800)
    editor.show()
    qapp.processEvents()

    def ms(values: list[float]) -> str:
        return f"{statistics.median(values) * 1000:.2f} ms"

    loads = []
    for h in (stored * 2)[:RUNS]:
        start = time.perf_counter()
        editor.load(h)
        loads.append(time.perf_counter() - start)
        qapp.processEvents()
    editor.load(household)
    keys = []
    name = editor.members.name
    for i in range(RUNS):
        start = time.perf_counter()
        QTest.keyClick(name, Qt.Key.Key_A if i % 2 == 0 else Qt.Key.Key_Backspace)
        keys.append(time.perf_counter() - start)
    panel = editor.panel
    checks = []
    for _ in range(RUNS):
        panel.show_for(editor.household())
        start = time.perf_counter()
        panel.check_now()
        while panel.pending():
            qapp.processEvents()
            time.sleep(0.0005)
        checks.append(time.perf_counter() - start)
    editor._saved = editor.household()  # nothing to ask about when closing

    dialog = VisitDialog(ops, household)
    ops.wait_idle()
    autosaves = []
    for i in range(RUNS):
        dialog.notes.setPlainText("入户所见情况记录。" * 200 + str(i))  # a new draft each time
        start = time.perf_counter()
        dialog.save_draft()
        autosaves.append(time.perf_counter() - start)
        ops.wait_idle()
    payload = drafts.visit_payload(household.id or "", dialog.visit())
    writes = []
    for _ in range(RUNS):
        start = time.perf_counter()
        drafts.save_draft(profile, drafts.VISIT, household.id, payload)
        writes.append(time.perf_counter() - start)

    print(f"editor_load_household ({len(household.members)} members): {ms(loads)}")
    print(f"editor_keystroke_gui_thread: {ms(keys)}")
    print(f"eligibility_recheck_round_trip: {ms(checks)}")
    print(f"visit_draft_autosave_gui_thread: {ms(autosaves)}")
    print(f"visit_draft_write_worker: {ms(writes)}")
    ops.wait_idle()
    ops.shutdown()
    profile.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
