"""Use cases: one function per thing a user does. The GUI and the CLI call only these."""
