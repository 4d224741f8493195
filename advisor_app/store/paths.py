"""Where a profile's files live.

Order of precedence: an explicit folder (``--data-dir``), the ``ADVISOR_APP_HOME`` environment
variable, then the per-user data folder that platformdirs gives for this operating system.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "advisor-app"
ENV_HOME = "ADVISOR_APP_HOME"


@dataclass(frozen=True, slots=True)
class DataDir:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / "advisor.sqlite"

    @property
    def recovery(self) -> Path:
        """The database key sealed to the recovery key, when one was made (:mod:`.recovery`)."""
        return self.root / "advisor.sqlite.recovery"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def log_file(self) -> Path:
        return self.logs / "advisor-app.log"

    def ensure(self) -> DataDir:
        for folder in (self.root, self.backups, self.logs):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def resolve(explicit: str | os.PathLike[str] | None = None) -> DataDir:
    if explicit:
        return DataDir(Path(explicit).expanduser().resolve())
    env = os.environ.get(ENV_HOME)
    if env:
        return DataDir(Path(env).expanduser().resolve())
    return DataDir(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))
