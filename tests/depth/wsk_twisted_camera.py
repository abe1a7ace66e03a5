"""Camera controller line protocol (Twisted).

Commands, one per line:
    SNAP [name]       send a still as "SNAP <len>\\n" followed by the JPEG bytes
    RECORD <seconds>  stream MJPEG from the capture device straight to the client
"""
import os
import subprocess
import sys

from twisted.internet import reactor, threads
from twisted.internet.protocol import Factory
from twisted.protocols.basic import LineReceiver

SNAP_DIR = os.environ.get("CAMCTL_SNAPS", "snaps")


def _no_inherit(sock):
    """Keep ffmpeg children from inheriting client connections."""
    if sys.platform == "win32":
        import msvcrt

        import win32api
        import win32con

        handle = msvcrt.get_osfhandle(sock.fileno())  # error: WSK204
        win32api.SetHandleInformation(handle, win32con.HANDLE_FLAG_INHERIT, 0)
    else:
        import fcntl

        flags = fcntl.fcntl(sock.fileno(), fcntl.F_GETFD)
        fcntl.fcntl(sock.fileno(), fcntl.F_SETFD, flags | fcntl.FD_CLOEXEC)


class CameraProtocol(LineReceiver):
    delimiter = b"\n"

    def connectionMade(self):
        self.factory.clients.add(self)
        threads.deferToThread(_no_inherit, self.transport.getHandle())

    def connectionLost(self, reason):
        self.factory.clients.discard(self)

    def lineReceived(self, line):
        cmd, _, arg = line.decode(errors="replace").strip().partition(" ")
        if cmd == "SNAP":
            self.send_snapshot(arg or "latest")
        elif cmd == "RECORD" and arg.isdigit():
            self.start_recording(arg)
        else:
            self.sendLine(b"ERR unknown command")

    def send_snapshot(self, name):
        path = os.path.join(SNAP_DIR, os.path.basename(name) + ".jpg")
        try:
            with open(path, "rb") as f:
                data = f.read()
        except FileNotFoundError:
            self.sendLine(b"ERR no such snapshot")
            return
        # Big frames: skip the transport's buffering and write straight out.
        self.transport.pauseProducing()
        os.write(self.transport.getHandle().fileno(), b"SNAP %d\n" % len(data) + data)  # error: WSK201
        self.transport.resumeProducing()

    def start_recording(self, seconds):
        if sys.platform == "win32":
            fmt, device = "dshow", "video=Integrated Camera"
        else:
            fmt, device = "v4l2", "/dev/video0"
        subprocess.Popen(  # error: WSK301
            ["ffmpeg", "-loglevel", "error", "-f", fmt, "-i", device,
             "-t", seconds, "-f", "mjpeg", "-"],
            stdout=self.transport.getHandle(),
            stderr=subprocess.DEVNULL,
        )


class CameraFactory(Factory):
    protocol = CameraProtocol

    def __init__(self):
        self.clients = set()


if __name__ == "__main__":
    reactor.listenTCP(int(os.environ.get("CAMCTL_PORT", "7070")), CameraFactory())
    reactor.run()
