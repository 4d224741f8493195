"""A throw-away PostgreSQL server for one test session: ``initdb`` and ``pg_ctl`` in a temporary folder.

The server listens only on a unix socket inside that folder (no TCP port, so test runs side by
side never meet), with durability switched off (the data is thrown away at the end). initdb
refuses to run as root; as root (CI) the server runs as the ``postgres`` system user that Debian's
package creates, with the folder handed to that user.

Each test gets its own database, copied from a template that is migrated once per session
(``CREATE DATABASE … TEMPLATE``: a file copy, far faster than running the migrations again).

When PostgreSQL is not installed the tests that need it FAIL with :data:`INSTALL_HINT`: nothing is
skipped silently. ``ADVISOR_APP_PG_BIN`` may name the folder with ``initdb`` and ``pg_ctl``;
otherwise the newest ``/usr/lib/postgresql/*/bin`` (Debian's layout) or the ``PATH`` is used.
"""

from __future__ import annotations

import atexit
import itertools
import os
import pwd
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

INSTALL_HINT = ("The integration tests run on PostgreSQL too, and its server programs (initdb, pg_ctl) "
                "were not found. Install them: sudo apt-get install postgresql (scripts/bootstrap does it "
                "when run as root), or set ADVISOR_APP_PG_BIN to the folder that holds them.")
SUPERUSER = "advisor"
TEMPLATE = "advisor_template"


class ClusterError(RuntimeError):
    pass


def find_bindir() -> Path | None:
    """The folder with initdb and pg_ctl, newest version first."""
    candidates: list[Path] = []
    if os.environ.get("ADVISOR_APP_PG_BIN"):
        candidates.append(Path(os.environ["ADVISOR_APP_PG_BIN"]))

    def version(p: Path) -> tuple[int, ...]:
        return tuple(int(n) for n in re.findall(r"\d+", p.parent.name)) or (0,)

    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=version, reverse=True)
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).resolve().parent)
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    return None


class Cluster:
    """A running server; :meth:`url` of a database on it, :meth:`create_database` for a new one."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="advisor-pg-"))
        self.data = self.root / "data"
        self._names = itertools.count(1)
        self._prefix: list[str] = []
        self._running = False

    # --- life cycle ---

    def start(self) -> Cluster:
        if os.geteuid() == 0:  # initdb will not run as root: hand the folder to the postgres user
            try:
                user = pwd.getpwnam("postgres")
            except KeyError as exc:
                raise ClusterError("Running as root, but there is no 'postgres' system user to run the test "
                                   "server as (Debian's postgresql package creates it).") from exc
            os.chown(self.root, user.pw_uid, user.pw_gid)
            self._prefix = ["runuser", "-u", "postgres", "--"]
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust", "--encoding=UTF8",
                  "--locale=C", "--no-sync", "--no-instructions")
        options = (f"-k {self.root} -c listen_addresses='' -c fsync=off -c synchronous_commit=off "
                   "-c full_page_writes=off -c max_connections=200 -c shared_buffers=64MB")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-w", "-t", "60",
                  "-o", options, "start")
        self._running = True
        atexit.register(self.stop)  # also when the session ends without its fixture's teardown
        return self

    def stop(self) -> None:
        if self._running:
            self._running = False
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)
        shutil.rmtree(self.root, ignore_errors=True)

    def _run(self, program: str, *args: str, check: bool = True) -> None:
        result = subprocess.run([*self._prefix, str(self.bindir / program), *args], capture_output=True,
                                text=True, check=False, cwd=self.root)
        if check and result.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise ClusterError(f"{program} failed ({result.returncode}):\n{result.stdout}{result.stderr}{tail}")

    # --- databases ---

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{SUPERUSER}@/{database}?host={self.root}"

    def execute(self, sql: str, database: str = "postgres") -> None:
        """Run one statement outside a transaction (CREATE DATABASE cannot run inside one)."""
        import psycopg

        with psycopg.connect(host=str(self.root), user=SUPERUSER, dbname=database, autocommit=True) as conn:
            conn.execute(sql)

    def drop_database(self, url: str) -> None:
        """Drop a test's database when the test is done (connections left open are closed), so the
        cluster never holds hundreds of copies of the template: removing those at the end of the
        session took over a minute, once more than the 120 s a test may take."""
        import sqlalchemy as sa

        name = sa.make_url(url).database
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def create_database(self, template: str | None = None, *, name: str | None = None, **options: str) -> str:
        """A new database (empty, or a copy of ``template``); returns its URL."""
        name = name or f"test_{next(self._names)}"
        extra = " ".join(f"{k.upper()} '{v}'" for k, v in options.items())
        source = f" TEMPLATE {template} STRATEGY FILE_COPY" if template else ""
        self.execute(f"CREATE DATABASE {name}{source} {extra}".rstrip())
        return self.url(name)


def start_cluster() -> Cluster:
    bindir = find_bindir()
    if bindir is None:
        raise ClusterError(INSTALL_HINT)
    cluster = Cluster(bindir)
    try:
        return cluster.start()
    except BaseException:
        cluster.stop()
        raise
