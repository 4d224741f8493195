"""What a subcommand may need, opened only when it asks (``check`` needs no profile)."""

from __future__ import annotations

import sys

from advisor_app.services.profile import Profile, open_profile
from advisor_app.services.profile_settings import open_demo_profile


class Context:
    def __init__(self, data_dir: str | None, database_url: str | None = None, *, demo: bool = False) -> None:
        self.data_dir = data_dir
        self.database_url = database_url
        self.demo = demo  # --demo: the demo profile inside the data folder
        self._profile: Profile | None = None

    @property
    def profile(self) -> Profile:
        if self._profile is None:
            self._profile = (open_demo_profile(self.data_dir) if self.demo
                             else open_profile(self.data_dir, database_url=self.database_url))
            if self._profile.backup is not None:
                print(f"数据库已升级，升级前的备份：{self._profile.backup}", file=sys.stderr)
        return self._profile

    def close(self) -> None:
        if self._profile is not None:
            self._profile.close()
