"""The PySide6 desktop app. The only package that imports Qt (a test enforces it).

Importing this package first makes ``None`` immortal on Python 3.11, see :mod:`.qt_compat`.
"""

from .qt_compat import keep_none_alive

keep_none_alive()
