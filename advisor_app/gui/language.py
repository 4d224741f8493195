"""The interface language in effect, and the domain's words in it.

The closed vocabularies (:mod:`advisor_app.domain.vocab`: relations, income kinds, programmes,
statuses …) and the reasons of the eligibility checks carry both languages; every screen shows them
through the functions here, in the language of the interface. Which language that is, the installed
translation says itself: :func:`current` translates a marker that ``advisor_en.ts`` renders as
``en``. So the domain words are always in the language of the Qt strings around them: the one set at
start-up from ``settings.language`` (:func:`advisor_app.gui.app.install_translations`), or the one a
test installs. Without a translation the source language, Chinese, is in effect.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from advisor_app.domain import vocab
from advisor_app.domain.vocab import Code, Text


def current() -> str:
    """The language code of the interface: ``zh_CN`` or ``en``."""
    return QCoreApplication.translate("Language", "zh_CN", "the code of this translation's language")


def label(kind: str, code: Code, default: str | None = None) -> str:
    """The word for ``code`` of vocabulary ``kind`` in the interface language (``default``, else the
    code itself, when the vocabulary has no such code)."""
    if default is not None and code not in vocab.VOCABULARY[kind]:
        return default
    return vocab.label(kind, code, current())


def labels(kind: str) -> dict[Code, str]:
    """Code → word of vocabulary ``kind``, in its order, in the interface language."""
    return vocab.labels(kind, current())


def label_list(kind: str, codes: Iterable[Code]) -> str:
    """Several words of one vocabulary as a list (低保、边缘 / Dibao, Near-dibao)."""
    return vocab.label_list(kind, codes, current())


def text(phrase: Text) -> str:
    """A phrase in the interface language."""
    return phrase.in_language(current())
