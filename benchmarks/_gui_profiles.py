"""Cached benchmark profiles (generated once, reused), encrypted like every profile, each with a
plaintext twin for measuring what encryption costs.

``<temp>/advisor-bench/gui_demo_<n>`` (ADVISOR_BENCH_DIR to put them elsewhere); delete a folder to
generate it again. The profile is brought to the current schema before use.

``BENCH_PLAINTEXT=1`` makes a benchmark use the profile's plaintext twin instead
(``<folder>-plaintext/advisor.sqlite``, a decrypted copy made once, opened by database URL): the
same records, so one run can give each figure with and without encryption (``encryption_cost.py``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TOP = Path(__file__).resolve().parents[1]
PLAINTEXT = os.environ.get("BENCH_PLAINTEXT") == "1"
os.environ.setdefault("ADVISOR_APP_PASSPHRASE", "benchmark-passphrase")  # as run.py sets it


def bench_base() -> Path:
    return Path(os.environ.get("ADVISOR_BENCH_DIR") or Path(tempfile.gettempdir()) / "advisor-bench")


def bench_folder(households: int) -> Path:
    return bench_base() / f"gui_demo_{households}"


def passphrase() -> str:
    return os.environ["ADVISOR_APP_PASSPHRASE"]


def demo_profile_folder(households: int) -> Path:
    """The folder of a profile with ``households`` demo households (seed 1), made if missing."""
    folder = bench_folder(households)
    done = folder / ".complete"
    if not done.exists():
        if folder.exists():
            import shutil

            shutil.rmtree(folder)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "advisor_app", "--data-dir", str(folder), "demo",
                        "--households", str(households)], check=True, cwd=TOP, stdout=subprocess.DEVNULL,
                       env=os.environ)
        print(f"# generated {households} demo households in {time.perf_counter() - start:.0f} s",
              file=sys.stderr)
        done.touch()
    encrypted(folder)
    from advisor_app.services.profile import open_profile
    from advisor_app.services.profile_settings import mark_demo, read_info

    # migrate now, not inside a timed start
    profile = open_profile(folder, passphrase=passphrase(), database_url=database_url(folder))
    with profile.connection(write=True) as conn:
        if read_info(conn).needs_setup:  # cached by an older version: it is a demo, not a first start
            mark_demo(conn)
    profile.close()
    for old in (folder / "backups").glob("*.sqlite"):
        old.unlink()  # copies made before migrating a cached benchmark profile are not needed
    return folder


def encrypted(folder: Path) -> None:
    """Encrypt a profile cached before profiles were encrypted (its plaintext becomes the twin)."""
    from advisor_app.services.passphrase import encrypt_profile
    from advisor_app.services.profile import PLAINTEXT as IS_PLAINTEXT
    from advisor_app.services.profile import database_state

    if database_state(folder) != IS_PLAINTEXT:
        return
    twin = twin_path(folder)
    if not twin.exists():
        import shutil

        twin.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(folder / "advisor.sqlite", twin)
    encrypt_profile(folder, passphrase())


def twin_path(folder: Path) -> Path:
    return folder.with_name(folder.name + "-plaintext") / "advisor.sqlite"


def plaintext_url(folder: Path) -> str:
    """The database URL of the profile's plaintext twin, decrypted from the profile if missing."""
    twin = twin_path(folder)
    if not twin.exists():
        import sqlcipher3

        from advisor_app.store import encryption

        source = folder / "advisor.sqlite"
        salt = encryption.salt_of(source)
        assert salt is not None, f"{source} is not an encrypted profile"
        key = encryption.raw_key(encryption.derive_key(passphrase(), salt), salt)
        twin.parent.mkdir(parents=True, exist_ok=True)
        partial = twin.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        conn = sqlcipher3.connect(str(source), isolation_level=None)
        try:
            conn.execute(f'PRAGMA key = "{key}"')
            conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(partial),))
            conn.execute("SELECT sqlcipher_export('plain')")
            conn.execute("DETACH DATABASE plain")
        finally:
            conn.close()
        partial.rename(twin)
    return f"sqlite:///{twin}"


def database_url(folder: Path) -> str | None:
    """What a benchmark passes as ``database_url``: the plaintext twin's under BENCH_PLAINTEXT=1."""
    return plaintext_url(folder) if PLAINTEXT else None


def variant() -> str:
    """``encrypted`` or ``plaintext``: printed with each figure."""
    return "plaintext" if PLAINTEXT else "encrypted"
