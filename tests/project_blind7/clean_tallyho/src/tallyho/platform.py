import os
import sys

IS_WINDOWS = sys.platform == "win32"
HAS_FORK = hasattr(os, "fork")
