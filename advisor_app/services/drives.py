"""Removable drives (USB sticks, memory cards) mounted now, offered first where a bundle is saved or
picked up (同步 ▸ 导出给乡镇… / 导入数据包…).

:func:`removable_drives` asks the system it runs on; it never fails (a drive it cannot read about
is simply not offered, and the advisor can still choose any folder):

* **Linux**: the folders under ``/media/$USER`` and ``/run/media/$USER`` that are mounted (where
  udisks mounts a stick the desktop sees), then every mount of ``/proc/mounts`` whose disk says
  ``1`` in ``/sys/block/<disk>/removable`` (a partition ``sdb1`` is found under its disk
  ``/sys/block/sdb/sdb1``). The files are parameters, so the tests give a made-up tree.
* **Windows**: the drive letters whose type is removable (``GetDriveTypeW`` = ``DRIVE_REMOVABLE``),
  with their volume label.
* **macOS**: the volumes mounted under ``/Volumes`` other than the system's own.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DRIVE_REMOVABLE = 2  # GetDriveTypeW's answer for a USB stick or a memory card
_ESCAPE = re.compile(r"\\([0-7]{3})")  # /proc/mounts writes a space as \040


@dataclass(frozen=True, slots=True)
class Drive:
    """A mounted removable volume: where it is, and what to call it (its label or folder name)."""

    path: Path
    label: str


def removable_drives() -> list[Drive]:
    """The removable volumes mounted now, on this system (see the module doc)."""
    try:
        if sys.platform == "win32":
            import ctypes

            return windows_drives(ctypes.windll.kernel32)
        if sys.platform == "darwin":
            return mac_drives()
        return linux_drives(user=_user())
    except (OSError, ValueError, AttributeError):
        return []


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USER", "")


# --- Linux ---------------------------------------------------------------------------------------

def linux_drives(*, user: str, mounts: Path = Path("/proc/mounts"), sys_block: Path = Path("/sys/block"),
                 media_roots: tuple[Path, ...] = (Path("/media"), Path("/run/media"))) -> list[Drive]:
    """The removable volumes of a Linux system whose files are at these paths."""
    mounted = _mounts(mounts)
    found: dict[Path, Drive] = {}
    mount_points = {point for _device, point in mounted}
    for root in media_roots:
        folder = root / user if user else None
        if folder is None or not folder.is_dir():
            continue
        with contextlib.suppress(OSError):
            for entry in sorted(folder.iterdir()):
                if entry.is_dir() and (entry in mount_points or os.path.ismount(entry)):
                    found.setdefault(entry, Drive(entry, entry.name))
    for device, point in mounted:
        if point not in found and device.startswith("/dev/") and _removable(device[5:], sys_block):
            found[point] = Drive(point, point.name or str(point))
    return list(found.values())


def _mounts(path: Path) -> list[tuple[str, Path]]:
    """(device, mount point) of every line of ``/proc/mounts``."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    out = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 2:
            out.append((fields[0], Path(_ESCAPE.sub(lambda m: chr(int(m.group(1), 8)), fields[1]))))
    return out


def _removable(name: str, sys_block: Path) -> bool:
    """Whether the disk of block device ``name`` (``sdb`` or its partition ``sdb1``) is removable."""
    if "/" in name or not name:
        return False
    disk = sys_block / name
    if not disk.is_dir():
        parents = [d for d in _children(sys_block) if (d / name).is_dir()]
        if not parents:
            return False
        disk = parents[0]
    try:
        return (disk / "removable").read_text(encoding="ascii").strip() == "1"
    except (OSError, UnicodeDecodeError):
        return False


def _children(folder: Path) -> list[Path]:
    try:
        return sorted(folder.iterdir())
    except OSError:
        return []


# --- Windows -------------------------------------------------------------------------------------

def windows_drives(kernel32: Any) -> list[Drive]:
    """The removable drive letters, asked of ``kernel32`` (``ctypes.windll.kernel32``, or a stand-in)."""
    mask = int(kernel32.GetLogicalDrives())
    out = []
    for n in range(26):
        if not mask & (1 << n):
            continue
        root = f"{chr(ord('A') + n)}:\\"
        if int(kernel32.GetDriveTypeW(root)) != DRIVE_REMOVABLE:
            continue
        label = _volume_label(kernel32, root)
        out.append(Drive(Path(root), f"{label} ({root[:2]})" if label else root[:2]))
    return out


def _volume_label(kernel32: Any, root: str) -> str:
    import ctypes

    buffer = ctypes.create_unicode_buffer(261)
    try:
        ok = kernel32.GetVolumeInformationW(root, buffer, len(buffer), None, None, None, None, 0)
    except (OSError, AttributeError, TypeError):
        return ""
    return buffer.value if ok else ""


# --- macOS ---------------------------------------------------------------------------------------

def mac_drives(volumes: Path = Path("/Volumes")) -> list[Drive]:
    system = Path("/").resolve()
    return [Drive(v, v.name) for v in _children(volumes)
            if v.is_dir() and os.path.ismount(v) and v.resolve() != system]
