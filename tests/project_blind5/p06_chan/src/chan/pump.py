import os

from chan import compat
from chan.channels import TcpChannel


def tee_to_child(address: tuple[str, int], argv: list[str]):
    ch = TcpChannel(address)
    return compat.spawn_into(argv, ch.sock)  # error: WSK301


def push(ch: TcpChannel, data: bytes) -> None:
    os.write(ch.raw_fd(), data)  # error: WSK201
    ch.sent += len(data)


def lend(ch: TcpChannel, process_handle: int) -> int:
    return compat.share_with(ch.handle(), process_handle)  # error: WSK103


def log_child(argv: list[str], path: str):
    with open(path, "ab") as log:
        return compat.spawn_into(argv, log)
