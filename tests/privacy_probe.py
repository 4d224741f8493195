"""What a privacy test looks for: the names and ID numbers of a session, in the raw bytes of files.

* :func:`readable` — which secrets appear in some bytes, as UTF-8, UTF-16LE or UTF-16BE.
* :func:`folder_bytes` — every file under some folders, concatenated.
* :class:`FileWatch` — while active, records (through a Python audit hook, so nothing in the app is
  patched) every file opened for writing, and the bytes of every file deleted under the watched
  folders just before it goes (``os.remove``/``os.unlink`` and ``shutil.rmtree``): a temporary file
  written and removed during the session is grepped too, not only what is left at the end.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any


def readable(raw: bytes, secrets: Iterable[str]) -> list[str]:
    return [s for s in secrets if s.encode("utf-8") in raw or s.encode("utf-16-le") in raw
            or s.encode("utf-16-be") in raw]


def folder_bytes(*folders: Path) -> bytes:
    return b"".join(p.read_bytes() for folder in folders for p in sorted(folder.rglob("*")) if p.is_file())


class FileWatch:
    def __init__(self, folders: Sequence[Path]) -> None:
        self.folders = [f.resolve() for f in folders]
        self.removed: dict[str, bytes] = {}
        self.written: set[str] = set()
        self.active = False

    def __enter__(self) -> FileWatch:
        global _watch
        _watch = self
        self.active = True
        return self

    def __exit__(self, *exc: object) -> None:
        global _watch
        self.active = False
        _watch = None

    def watched(self, path: Path) -> bool:
        return any(path == f or f in path.parents for f in self.folders)

    def removed_bytes(self) -> bytes:
        return b"".join(self.removed.values())

    def _keep(self, path: Path) -> None:
        try:
            if path.is_file() and self.watched(path):
                self.removed[str(path)] = path.read_bytes()
        except OSError:
            pass

    def on_event(self, event: str, args: tuple[Any, ...]) -> None:
        if event == "open" and isinstance(args[0], str | bytes | os.PathLike):
            mode = args[1] if isinstance(args[1], str) else ""
            flags = args[2] if len(args) > 2 and isinstance(args[2], int) else 0
            if any(c in mode for c in "wax+") or flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
                name = os.fsdecode(args[0])
                if "__pycache__" not in name:
                    self.written.add(str(Path(name).resolve()))
        elif event == "os.remove" and (len(args) < 2 or args[1] in (None, -1)):
            self._keep(Path(os.fsdecode(args[0])).resolve())
        elif event == "shutil.rmtree" and args[0] is not None:
            top = Path(os.fsdecode(args[0])).resolve()
            if top.is_dir():
                for p in top.rglob("*"):
                    self._keep(p)


_watch: FileWatch | None = None
_inside = threading.local()


def _hook(event: str, args: tuple[Any, ...]) -> None:
    watch = _watch
    if watch is None or getattr(_inside, "busy", False) or event not in ("open", "os.remove", "shutil.rmtree"):
        return
    _inside.busy = True  # reading a file about to be removed opens it: not an event to record
    try:
        watch.on_event(event, args)
    finally:
        _inside.busy = False


sys.addaudithook(_hook)
