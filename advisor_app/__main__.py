"""``python -m advisor_app``: the same as the ``advisor-app`` command."""

if __name__ == "__main__":  # guard: worker processes (spawn) import this module too
    import multiprocessing

    from advisor_app.cli import entry

    multiprocessing.freeze_support()
    raise SystemExit(entry())
