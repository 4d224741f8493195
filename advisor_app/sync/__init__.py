"""Offline sync by bundle files: encrypted, signed, merged field by field (docs/sync.md).

Pure code on plain values: ``keys`` (device identities and fingerprints), ``enrolment`` (the signed
request and answer that make two profiles peers), ``bundle_header`` and ``bundle_file`` (the file:
layout, sealing, checking and opening), ``versions`` (histories, merges and conflicts), ``kinds``
(the synchronised kinds, cut from the household document), ``digest``. The tables are in
``advisor_app.store`` and the use cases in ``advisor_app.services``.
"""
