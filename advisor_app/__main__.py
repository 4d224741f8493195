"""``python -m advisor_app``: the same as the ``advisor-app`` command."""

from advisor_app.cli import main

raise SystemExit(main())
