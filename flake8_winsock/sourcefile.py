"""A module's bytes and text, and writing a fixed module back without touching any other byte.

The text is decoded as Python and flake8 decode it (a BOM or coding cookie, else
UTF-8, and latin-1 when that fails) and is otherwise left alone: its line endings,
mixed ones included, are the file's own. When nothing changes, the bytes read are
the bytes written; when a fix changes the text, the text is encoded back with the
codec that read it, which gives back every byte outside the fixed spans (checked:
a file whose codec does not give back its own bytes is not rewritten).

Files are replaced atomically: the new bytes go to a temporary file in the same
folder, which takes the file's mode, and is then renamed over it. A read-only file
is not replaced.
"""

from __future__ import annotations

import io
import os
import stat
import tempfile
import tokenize
from contextlib import suppress
from dataclasses import dataclass


class WriteError(Exception):
    """A fixed file or a report could not be written; the message says why."""


@dataclass(frozen=True)
class SourceFile:
    data: bytes  # as read
    text: str  # decoded; no BOM (the codec drops it), line endings as in the file
    encoding: str  # the codec that read it ("utf-8-sig" for a BOM, which it writes back)

    @classmethod
    def decode(cls, data: bytes) -> SourceFile:
        try:
            encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
            text = data.decode(encoding)
        except (SyntaxError, UnicodeDecodeError, LookupError):
            encoding, text = "latin-1", data.decode("latin-1")
        return cls(data, text, encoding)

    def encode(self, text: str) -> bytes:
        """``text`` (this file's text, fixed) as bytes; the bytes read if it is unchanged."""
        if text == self.text:
            return self.data
        try:
            if self.text.encode(self.encoding) != self.data:
                raise WriteError(f"its encoding ({self.encoding}) does not give back the bytes it was read from")
            return text.encode(self.encoding)
        except (UnicodeError, LookupError) as error:
            raise WriteError(f"the fixed text cannot be encoded as {self.encoding} ({error})") from None


def _writable(path: str, mode: int) -> bool:
    """Whether the file may be written: the user may, and it is not marked read-only."""
    return os.access(path, os.W_OK) and bool(mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomically(path: str, data: bytes, *, new_file: bool = False) -> None:
    """Replace the file at ``path`` with ``data``, whole or not at all.

    A symbolic link is written through (its target is replaced). With
    ``new_file``, the file may not exist yet (a report); otherwise it must, and it
    keeps its mode (and owner, where allowed).
    """
    target = os.path.realpath(path)
    try:
        info = os.stat(target)
    except FileNotFoundError:
        if not new_file:
            raise WriteError("it no longer exists") from None
        info = None
    except OSError as error:
        raise WriteError(error.strerror or str(error)) from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise WriteError("it is a folder")
        if not _writable(target, info.st_mode):
            raise WriteError("the file is read-only")
    folder, name = os.path.split(target)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise WriteError(f"cannot create a file in {folder or '.'} ({error.strerror or error})") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask())
        if info is not None and hasattr(os, "chown"):
            with suppress(OSError):
                os.chown(temporary, info.st_uid, info.st_gid)
        os.replace(temporary, target)
    except BaseException as error:
        with suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise WriteError(error.strerror or str(error)) from None
        raise
