"""``python -m newsdesk.cli``: the same as ``newsdesk``."""

import sys

from newsdesk.cli import main

sys.exit(main())
