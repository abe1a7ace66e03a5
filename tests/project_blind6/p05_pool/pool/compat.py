import sys

IS_WINDOWS = sys.platform == "win32"
