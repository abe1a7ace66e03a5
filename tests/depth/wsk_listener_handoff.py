"""Zero-downtime restart for the Windows build of the agent.

The old master starts the new master, duplicates its listening sockets into
it, sends it the handle values on stdin, then drains and exits.
"""
import _winapi
import json
import logging
import msvcrt
import socket
import subprocess
import sys
from multiprocessing import reduction
from typing import NamedTuple

log = logging.getLogger("handoff")


class Listener(NamedTuple):
    name: str
    sock: socket.socket
    port: int


def open_listeners(spec):
    listeners = []
    for name, port in spec.items():
        listeners.append(Listener(name, socket.create_server(("", port), backlog=512), port))
    return listeners


def start_new_master():
    argv = [sys.executable, "-m", "agent.master", "--adopt"]
    return subprocess.Popen(argv, stdin=subprocess.PIPE)


def hand_over(listeners: list[Listener], new_master: subprocess.Popen) -> dict[str, int]:
    target = _winapi.OpenProcess(_winapi.PROCESS_DUP_HANDLE, False, new_master.pid)
    handles = {}
    try:
        for lst in listeners:
            log.info("handing over %s (os handle %#x)", lst.name, msvcrt.get_osfhandle(lst.sock.fileno()))  # error: WSK204
            handles[lst.name] = _winapi.DuplicateHandle(  # error: WSK103
                _winapi.GetCurrentProcess(),
                lst.sock.fileno(),
                target,
                0,
                False,
                _winapi.DUPLICATE_SAME_ACCESS,
            )
        # The new master also gets a handle on us, to wait for our exit.
        handles["parent"] = _winapi.DuplicateHandle(
            _winapi.GetCurrentProcess(),
            _winapi.GetCurrentProcess(),
            target,
            0,
            False,
            _winapi.DUPLICATE_SAME_ACCESS,
        )
    finally:
        _winapi.CloseHandle(target)
    return handles


def hand_over_admin(admin: Listener, new_master: subprocess.Popen) -> int:
    target = _winapi.OpenProcess(_winapi.PROCESS_DUP_HANDLE, False, new_master.pid)
    try:
        return reduction.duplicate(handle=admin.sock.fileno(), target_process=target)  # error: WSK103
    finally:
        _winapi.CloseHandle(target)


def hand_over_shared(listeners: list[Listener], new_master: subprocess.Popen) -> dict[str, str]:
    """The --share-sockets code path (WSADuplicateSocket underneath)."""
    return {lst.name: lst.sock.share(new_master.pid).hex() for lst in listeners}


def adopt_shared(blobs: dict[str, str]) -> dict[str, socket.socket]:
    return {name: socket.fromshare(bytes.fromhex(blob)) for name, blob in blobs.items()}


def restart(spec, share=False):
    listeners = open_listeners(spec)
    admin, public = listeners[0], listeners[1:]
    child = start_new_master()
    if share:
        payload = hand_over_shared(listeners, child)
    else:
        payload = hand_over(public, child)
        payload["admin"] = hand_over_admin(admin, child)
    child.stdin.write(json.dumps(payload).encode() + b"\n")
    child.stdin.close()
    for lst in listeners:
        lst.sock.close()
    return child


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    restart({"admin": 9900, "http": 8080, "grpc": 8443}, share="--share-sockets" in sys.argv)
