"""Starting the command for a session."""
from __future__ import annotations

import os
import subprocess
import sys


def default_shell() -> list[str]:
    if sys.platform == "win32":
        return [os.environ.get("COMSPEC", "cmd.exe"), "/d", "/c"]
    return [os.environ.get("SHELL", "/bin/sh"), "-c"]


def spawn_shell(argv, stdin=None, stdout=None, cwd=None) -> subprocess.Popen:
    """Start *argv* with stderr folded into stdout."""
    return subprocess.Popen(argv, stdin=stdin, stdout=stdout, stderr=subprocess.STDOUT, cwd=cwd)
