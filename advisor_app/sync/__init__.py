"""Offline sync by bundle files (encrypted, signed, with conflict handling): a later release.

Everything it will need is already recorded by the store: random UUIDs, a version per record,
tombstones instead of deletes, and an ``unsent`` flag on every changed record.
"""
