"""Work around a reference-counting fault of PySide6 6.12 on Python 3.11.

PySide6 6.12's wheels (built for the stable ABI) return ``None`` from every void Qt method without
taking a reference to it, so each call such as ``label.setText(…)`` or ``app.processEvents()`` drops
``None``'s reference count by one. From Python 3.12 on ``None`` is immortal and nothing happens; on
3.11 the count reaches zero after a few thousand calls and the process aborts with
"Fatal Python error: none_dealloc". We give ``None`` a very large count once, at import, which is
what Python 3.12 does for it anyway (2**40 lost references would take years of clicks).
"""

from __future__ import annotations

import ctypes
import sys

_EXTRA_REFERENCES = 1 << 40
_done = False


def keep_none_alive() -> None:
    global _done
    if _done or sys.version_info >= (3, 12):
        return
    # Signal.emit() returns True/False the same way (one reference to True lost per emit: a few
    # hundred keystrokes in an editor would abort the process), so True and False get the same.
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += _EXTRA_REFERENCES
    _done = True
