"""Plain domain types and value objects: no database, no Qt, no I/O."""
