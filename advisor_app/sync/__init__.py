"""Offline sync by bundle files (encrypted, signed, with conflict handling); design in docs/sync.md.

``keys`` (device identities and fingerprints), ``enrolment`` (the signed request and answer that
make two profiles peers), ``bundle_header`` and ``bundle_file`` (the file: layout, sealing,
checking and opening). The store already records what sync builds on: random UUIDs, a version per
record, tombstones instead of deletes, and an ``unsent`` flag on every changed record.
"""
