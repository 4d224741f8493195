"""Removable drives offered first for bundles: Linux read from a made-up /proc/mounts and /sys/block,
Windows from a stand-in for kernel32."""

from __future__ import annotations

from pathlib import Path

from advisor_app.services.drives import DRIVE_REMOVABLE, Drive, linux_drives, windows_drives


def _disk(sys_block: Path, name: str, removable: bool, partitions: tuple[str, ...] = ()) -> None:
    disk = sys_block / name
    disk.mkdir(parents=True)
    (disk / "removable").write_text("1\n" if removable else "0\n", encoding="ascii")
    for p in partitions:
        (disk / p).mkdir()


def _system(tmp_path: Path, mounts: list[str]) -> tuple[Path, Path, tuple[Path, ...]]:
    sys_block = tmp_path / "sys" / "block"
    sys_block.mkdir(parents=True)
    _disk(sys_block, "sda", False, ("sda1", "sda2"))  # the laptop's own disk
    _disk(sys_block, "sdb", True, ("sdb1",))  # a USB stick
    _disk(sys_block, "mmcblk0", True, ("mmcblk0p1",))  # a memory card
    _disk(sys_block, "nvme0n1", False, ("nvme0n1p1",))
    proc = tmp_path / "proc-mounts"
    proc.write_text("\n".join(mounts) + "\n", encoding="utf-8")
    return proc, sys_block, (tmp_path / "media", tmp_path / "run-media")


def test_linux_media_folders_first_then_removable_mounts(tmp_path: Path) -> None:
    stick = tmp_path / "media" / "wang" / "KINGSTON"
    card = tmp_path / "mnt" / "my card"
    for folder in (stick, card, tmp_path / "media" / "wang" / "stale", tmp_path / "media" / "li" / "OTHER"):
        folder.mkdir(parents=True)
    escaped_card = str(card).replace(" ", "\\040")
    proc, sys_block, roots = _system(tmp_path, [
        "/dev/sda1 / ext4 rw 0 0", "/dev/nvme0n1p1 /boot vfat rw 0 0", "proc /proc proc rw 0 0",
        f"/dev/sdb1 {stick} vfat rw 0 0", f"/dev/mmcblk0p1 {escaped_card} exfat rw 0 0",
        "/dev/sda2 /home ext4 rw 0 0", "tmpfs /run tmpfs rw 0 0",
        f"/dev/sdc1 {tmp_path / 'media' / 'li' / 'OTHER'} vfat rw 0 0"])
    found = linux_drives(user="wang", mounts=proc, sys_block=sys_block, media_roots=roots)
    # the stale folder under /media/wang is not mounted; li's stick is li's; sdc is not in /sys
    assert found == [Drive(stick, "KINGSTON"), Drive(card, "my card")]


def test_linux_run_media_and_a_whole_disk_mounted(tmp_path: Path) -> None:
    stick = tmp_path / "run-media" / "wang" / "U盘"
    stick.mkdir(parents=True)
    proc, sys_block, roots = _system(tmp_path, [f"/dev/sdb {stick} vfat rw 0 0", "/dev/sda1 / ext4 rw 0 0"])
    assert linux_drives(user="wang", mounts=proc, sys_block=sys_block, media_roots=roots) == [Drive(stick, "U盘")]


def test_linux_nothing_removable_or_nothing_readable(tmp_path: Path) -> None:
    proc, sys_block, roots = _system(tmp_path, ["/dev/sda1 / ext4 rw 0 0", "/dev/sda2 /home ext4 rw 0 0"])
    assert linux_drives(user="wang", mounts=proc, sys_block=sys_block, media_roots=roots) == []
    missing = tmp_path / "absent"
    assert linux_drives(user="", mounts=missing, sys_block=missing, media_roots=(missing,)) == []


class FakeKernel32:
    """Drives C: (fixed), D: (removable, labelled), E: (CD-ROM), F: (removable, no label)."""

    def __init__(self) -> None:
        self.types = {"C:\\": 3, "D:\\": DRIVE_REMOVABLE, "E:\\": 5, "F:\\": DRIVE_REMOVABLE}
        self.labels = {"D:\\": "KINGSTON"}

    def GetLogicalDrives(self) -> int:
        return sum(1 << (ord(root[0]) - ord("A")) for root in self.types)

    def GetDriveTypeW(self, root: str) -> int:
        return self.types[root]

    def GetVolumeInformationW(self, root: str, buffer: object, *_rest: object) -> int:
        label = self.labels.get(root)
        if label is None:
            return 0
        buffer.value = label  # type: ignore[attr-defined]
        return 1


def test_windows_removable_drive_letters_with_their_labels() -> None:
    found = windows_drives(FakeKernel32())
    assert found == [Drive(Path("D:\\"), "KINGSTON (D:)"), Drive(Path("F:\\"), "F:")]
