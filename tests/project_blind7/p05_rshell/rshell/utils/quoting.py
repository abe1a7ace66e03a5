import shlex
import subprocess
import sys


def join_command(argv):
    if sys.platform == "win32":
        return subprocess.list2cmdline(argv)
    return shlex.join(argv)
