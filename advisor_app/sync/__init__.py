"""Offline sync by bundle files: encrypted, signed, merged field by field (docs/sync.md).

Pure code on plain values — the bundle file and its keys, version histories and merges, the
synchronised kinds, the digest; the tables are in ``advisor_app.store`` and the use cases in
``advisor_app.services``.
"""
