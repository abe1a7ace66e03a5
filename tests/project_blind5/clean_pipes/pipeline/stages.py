"""Pipeline stages; each one uses the helpers with pipes or files only."""
import os

from . import net
from .compat import dup_into, spawn, win_write, write_handle
from .routing import describe, emit
from .sources import PipeEnd, chunks, named_pipe, open_pipe, pipe_channel, temp_log


def fan_out(data: bytes) -> int:
    r, w = open_pipe()
    write_handle(w, data)
    os.close(w)
    return r


def stage_log(data: bytes) -> None:
    end = PipeEnd()
    sock = end.sock
    os.write(sock.fileno(), data)
    os.fsync(end.handle)
    end.close()


def stage_named(name: str, data: bytes, target_process) -> int:
    h = named_pipe(name)
    win_write(h, data)
    return dup_into(target_process, h)


def stage_child(argv: list[str]) -> int:
    with temp_log() as log:
        proc = spawn(argv, log)
        return proc.wait()


def stage_network(address: tuple[str, int], data: bytes) -> str:
    conn = net.connect(address)
    emit(conn, data)
    info = describe(conn)
    reader = conn.makefile("rb")
    reader.close()
    conn.close()
    conn = open(os.devnull, "rb")
    os.fstat(conn.fileno())
    conn.close()
    return info


def stage_channel(label: str, data: bytes) -> bytes:
    ch = pipe_channel(label)
    os.write(ch.write_fd, data)
    os.close(ch.write_fd)
    out = os.read(ch.read_fd, len(data))
    os.close(ch.read_fd)
    return out


def stage_copy(src: str, dst: str) -> None:
    fd = os.open(dst, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        for block in chunks(src):
            write_handle(fd, block)
    finally:
        os.close(fd)
