"""services.batch.memory_kept: during a batch job glibc keeps freed memory for the next batch; at
the end its thresholds are glibc's defaults again and the free memory is given back."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import numpy as np
import pytest

from advisor_app.services import batch

MIB = 1024 * 1024


class FakeLibc:
    def __init__(self) -> None:
        self.calls: list[tuple[str, int, int] | tuple[str, int]] = []

    def mallopt(self, parameter: int, value: int) -> int:
        self.calls.append(("mallopt", parameter, value))
        return 1

    def malloc_trim(self, pad: int) -> int:
        self.calls.append(("malloc_trim", pad))
        return 1


@pytest.mark.parametrize("fails", [False, True])
def test_thresholds_are_raised_inside_and_set_back_after(monkeypatch: pytest.MonkeyPatch, fails: bool) -> None:
    libc = FakeLibc()
    monkeypatch.setattr(batch, "_glibc", lambda: libc)
    with pytest.raises(RuntimeError) if fails else contextlib.nullcontext(), batch.memory_kept():
        assert libc.calls == [("mallopt", -3, 32 * MIB), ("mallopt", -1, 1024 * MIB), ("mallopt", -2, 64 * MIB)]
        if fails:
            raise RuntimeError("the job failed")
    assert libc.calls[3:] == [("mallopt", -3, 128 * 1024), ("mallopt", -1, 128 * 1024), ("mallopt", -2, 128 * 1024),
                              ("malloc_trim", 0)]


def test_without_glibc_the_job_runs_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "_glibc", lambda: None)
    ran = []
    with batch.memory_kept():
        ran.append(True)
    assert ran == [True]
    with pytest.raises(RuntimeError, match="failed"), batch.memory_kept():
        raise RuntimeError("the job failed")  # (an error of the job is the caller's)


def _resident() -> int:
    return int(Path("/proc/self/statm").read_text().split()[1]) * 4096


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator: Linux only")
def test_freed_memory_is_kept_inside_and_given_back_after() -> None:
    assert batch._glibc() is not None
    with batch.memory_kept():
        before = _resident()
        blocks = [np.ones(2 * MIB // 8) for _ in range(60)]  # 120 MiB, written (resident)
        del blocks
        kept = _resident() - before
        assert kept > 100 * MIB  # freed, but kept for the next batch
    assert _resident() - before < kept / 2  # given back at the end
