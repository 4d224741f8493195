"""The printed forms there are (``FORM_KINDS``: kind → Chinese title), without loading reportlab.

The command line lists them when it builds its parser (``advisor-app form KIND``); rendering one is
:func:`advisor_app.services.documents.render_form`, which loads the PDF machinery.
"""

from __future__ import annotations

from advisor_app.documents.kinds import FORM_KINDS as FORM_KINDS

__all__ = ["FORM_KINDS"]
