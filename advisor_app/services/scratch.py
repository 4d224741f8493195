"""Scratch files of a file being saved live beside it, in the folder the user chose, never in the
system's temporary folder.

openpyxl writes every worksheet to a temporary XML file before it zips the workbook, and it asks
:mod:`tempfile` for that file without saying where: by default ``/tmp`` or ``%TEMP%``, which keep a
plaintext copy of every name in the sheet while it is written (and, after a crash or a kill, for
good). :func:`scratch_beside` makes a hidden folder next to the target (``.advisor-app-…``), points
:mod:`tempfile`'s default folder there while the file is made (``tempfile.tempdir``, under a lock:
one such save at a time), and removes the folder with everything left in it at the end. The
finished file is renamed into place from there, so the target is whole or untouched.

What remains after a kill in the middle is that hidden folder, beside the file the user was saving,
holding what that file holds.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

PREFIX = ".advisor-app-"
_lock = threading.Lock()


@contextlib.contextmanager
def scratch_beside(target: Path) -> Iterator[Path]:
    """A hidden folder beside ``target`` (created with its parent); while inside, every temporary
    file :mod:`tempfile` makes without an explicit folder is made there. Removed on the way out."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with _lock:
        folder = Path(tempfile.mkdtemp(prefix=PREFIX, dir=target.parent))
        previous = tempfile.tempdir
        tempfile.tempdir = str(folder)
        try:
            yield folder
        finally:
            tempfile.tempdir = previous
            shutil.rmtree(folder, ignore_errors=True)

