"""The cache: summaries and per-file results on disk, as JSON, so that a second run is nearly free.

A folder (``.flake8-winsock-cache`` by default) holding a ``CACHEDIR.TAG`` and a
``.gitignore`` of ``*``, as ruff's and pytest's do. An entry's name is the hash of
what it depends on: the plugin's version, the knowledge settings, the module's path
and content; the entry itself lists the other files it was made from, with their
content hashes, and is used only while all of them still hash the same. Entries are
plain data, never pickle (loading one runs no code); written to a temporary file
and renamed into place, so parallel workers and two runs at once never read half an
entry. A corrupt, truncated or foreign entry is ignored and made again; a folder
that cannot be written costs the cache, never the run.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import lru_cache
from typing import Any, Optional

from .. import __version__

FOLDER = ".flake8-winsock-cache"
TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is a cache made by flake8-winsock.\n"
FORMAT = 1


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """The plugin's own code, as its files' sizes and times: a changed checkout (one
    version, other code) makes other keys."""
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    seen = []
    for folder, _, names in sorted(os.walk(here)):
        for name in sorted(n for n in names if n.endswith(".py")):
            stat = os.stat(os.path.join(folder, name))
            seen.append(f"{os.path.relpath(os.path.join(folder, name), here)}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(seen).encode()).hexdigest()


class Cache:
    def __init__(self, folder: str, settings: str = "") -> None:
        self.folder = os.path.abspath(folder)
        self.settings = settings  # the knowledge settings, as one string
        self.ready: Optional[bool] = None  # the folder exists (None: not yet asked)

    def key(self, kind: str, *parts: str) -> str:
        text = "\0".join((str(FORMAT), __version__, fingerprint(), self.settings, kind, *parts))
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    def path(self, key: str) -> str:
        return os.path.join(self.folder, key[:2], key[2:] + ".json")

    def load(self, key: str) -> Optional[dict[str, Any]]:
        try:
            with open(self.path(key), encoding="utf-8") as handle:
                entry = json.load(handle)
        except (OSError, ValueError, UnicodeDecodeError, RecursionError):
            return None
        if not isinstance(entry, dict) or entry.get("key") != key or not isinstance(entry.get("deps"), dict):
            return None  # foreign or damaged: made again
        return entry

    def store(self, key: str, entry: dict[str, Any]) -> None:
        if not self.prepare():
            return
        target = self.path(key)
        try:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=os.path.dirname(target), prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as out:
                    json.dump({**entry, "key": key}, out, separators=(",", ":"))
                os.replace(temporary, target)
            except BaseException:
                try:
                    os.unlink(temporary)
                except OSError:
                    pass
                raise
        except (OSError, ValueError, TypeError):
            return  # read-only, full or otherwise unwritable: the run goes on without it

    def prepare(self) -> bool:
        if self.ready is None:
            try:
                os.makedirs(self.folder, exist_ok=True)
                for name, text in (("CACHEDIR.TAG", TAG), (".gitignore", "# Made by flake8-winsock.\n*\n")):
                    marker = os.path.join(self.folder, name)
                    if not os.path.exists(marker):
                        with open(marker, "w", encoding="utf-8") as out:
                            out.write(text)
                self.ready = True
            except OSError:
                self.ready = False
        return self.ready
