"""The frozen app's entry point: the same as ``newsdesk`` and ``python -m newsdesk``."""

from __future__ import annotations

import sys

from newsdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
