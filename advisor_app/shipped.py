"""Where the files the app ships beside its code are: policy tables, form definitions, fonts and
translations. Every reader asks here; nobody works out a path from ``__file__``.

In a source checkout they live in the top-level folders ``resources/`` and ``forms/`` (where county
staff and translators edit them); pyproject.toml installs those folders as the packages
``advisor_app.resources`` and ``advisor_app.forms``, so in a wheel they sit inside the installed
package and in an editable install setuptools maps the names onto the checkout. Both are found the
same way, through :mod:`importlib.resources`.

The readers need real files (reportlab and Qt open fonts and translations by file name, policy
tables are globbed), so the folders are returned as :class:`~pathlib.Path`. The app is always
installed as files (a wheel, an editable install, a PyInstaller folder); an import from a zip
archive is refused with a clear message rather than failing later on a missing file.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

RESOURCES_PACKAGE = "advisor_app.resources"
FORMS_PACKAGE = "advisor_app.forms"


def _folder(package: str, *parts: str) -> Path:
    found = files(package).joinpath(*parts)
    if not isinstance(found, Path):
        raise RuntimeError(f"{package} is not installed as files ({found!r}); install advisor-app with pip")
    return found


def resources_dir() -> Path:
    """``resources/``: shipped policy tables, translations, fonts."""
    return _folder(RESOURCES_PACKAGE)


def policy_dir() -> Path:
    """The shipped policy tables (``*.csv``, one file per region, and ``regions.csv``)."""
    return _folder(RESOURCES_PACKAGE, "policy")


def translations_dir() -> Path:
    """Qt translations of the interface (``advisor_<language>.qm``)."""
    return _folder(RESOURCES_PACKAGE, "i18n")


def fonts_dir() -> Path:
    """Fonts shipped with the app (may hold only a README: see ``resources/fonts/README.md``)."""
    return _folder(RESOURCES_PACKAGE, "fonts")


def forms_dir() -> Path:
    """The shipped form definitions (``<kind>.toml``)."""
    return _folder(FORMS_PACKAGE)
