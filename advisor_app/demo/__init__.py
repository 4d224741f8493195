"""Synthetic demo households (clearly fictional people with valid-looking ID numbers)."""
