"""Eligibility rules: dated policy tables by region, and the programme checks."""
