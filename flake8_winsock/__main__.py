"""``python -m flake8_winsock``: the ``flake8-winsock`` command."""

import sys

from .cli import main

sys.exit(main())
