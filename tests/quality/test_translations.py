"""Every interface string has its English: no string left unfinished or empty in advisor_en.ts, every
plural form filled in, and no Chinese in a translation except what it quotes from its source (the
example names of a hint). ``test_lint_and_types`` checks that the .ts file lists every string."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).parents[2]
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    return [(ctx.findtext("name") or "", message.findtext("source") or "", message)
            for ctx in ET.parse(ts).getroot().iter("context") for message in ctx.iter("message")]


def test_every_string_has_an_english_translation() -> None:
    problems = []
    messages = _messages(ROOT / "resources" / "i18n" / "advisor_en.ts")
    assert len(messages) > 150
    for context, source, message in messages:
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{context}: {source!r} is {translation.get('type')}")
            continue
        forms = [f.text or "" for f in translation.iter("numerusform")] if message.get("numerus") == "yes" \
            else [translation.text or ""]
        if message.get("numerus") == "yes" and len(forms) != 2:
            problems.append(f"{context}: {source!r} needs a singular and a plural form")
        for text in forms:
            if not text.strip() and source.strip():
                problems.append(f"{context}: {source!r} has an empty translation")
            foreign = set(CJK.findall(text)) - set(source)
            if foreign:
                problems.append(f"{context}: {source!r} → {text!r} still has Chinese: {''.join(sorted(foreign))}")
    assert not problems, "\n".join(problems)
