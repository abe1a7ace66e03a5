"""Link layer for the remote-debugger transport.

FramedSocket is the wire format; the Link classes wrap a connected socket
for the different debugger front ends.
"""
import os
import socket
import socketserver
import subprocess
import sys


class FramedSocket(socket.socket):
    """A socket that speaks 4-byte length-prefixed frames."""

    def send_frame(self, payload: bytes) -> None:
        header = len(payload).to_bytes(4, "big")
        os.write(self.fileno(), header + payload)  # error: WSK201

    def recv_frame(self) -> bytes:
        size = int.from_bytes(self.recv(4), "big")
        return self.recv(size, socket.MSG_WAITALL)


class BaseLink:
    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock

    def native(self) -> int:
        return self._sock.fileno()

    def close(self) -> None:
        self._sock.close()


class MirrorLink(BaseLink):
    """Keeps a second descriptor so the tracer can outlive the front end."""

    def mirror(self) -> int:
        return os.dup(self.native())  # error: WSK202


class PosixMirrorLink(BaseLink):
    def mirror(self) -> int:
        if os.name != "posix":
            raise OSError("descriptor mirroring needs POSIX")
        return os.dup(self.native())


class FileLink:
    """Replays a recorded session from disk; same interface as BaseLink."""

    def __init__(self, path: str) -> None:
        self._fh = open(path, "rb")

    def native(self) -> int:
        return self._fh.fileno()

    def mirror(self) -> int:
        return os.dup(self.native())


class AdapterHandler(socketserver.StreamRequestHandler):
    """Starts the debug adapter with its stdout wired to the client."""

    def handle(self) -> None:
        argv = self.rfile.readline().decode().split()
        if not argv:
            return
        subprocess.run([sys.executable, "-m", "dbg_adapter", *argv], stdout=self.connection.fileno(), check=False)  # error: WSK301


def serve(port: int = 5678) -> None:
    with socketserver.ThreadingTCPServer(("127.0.0.1", port), AdapterHandler) as srv:
        srv.serve_forever()
