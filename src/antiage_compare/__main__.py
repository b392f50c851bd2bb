"""``python -m antiage_compare``: the same command line as ``antiage-compare``."""

import sys

from antiage_compare.cli import main

sys.exit(main())
