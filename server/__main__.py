"""`python -m server` is the `latentpad` console script."""

from server.cli import main

raise SystemExit(main())
