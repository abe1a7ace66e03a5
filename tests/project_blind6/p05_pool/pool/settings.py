"""Runtime switches (read from the environment once)."""

import os

NONBLOCKING_FDS = os.environ.get("POOL_NONBLOCKING", "1") == "1"
MAX_PENDING = int(os.environ.get("POOL_MAX_PENDING", "128"))
