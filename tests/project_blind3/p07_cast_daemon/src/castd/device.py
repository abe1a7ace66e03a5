"""One cast device: TLS control channel plus media push."""
import os
import subprocess
import sys

from castd import open_tls

try:
    from castd.posix_fastpath import push_file
except ImportError:  # Windows
    push_file = None


class Device:
    def __init__(self, host):
        self.host = host
        self.chan = open_tls(host)

    def send_frame(self, frame):
        if sys.platform == "win32":
            self.chan.sendall(frame)
        else:
            os.write(self.chan.fileno(), frame)

    def push(self, path):
        if push_file is not None:
            push_file(self.chan, path)
            return
        with open(path, "rb") as f:
            self.chan.sendfile(f)

    def start_transcoder(self, src):
        return subprocess.Popen(  # error: WSK301
            ["ffmpeg", "-loglevel", "error", "-i", src, "-f", "mpegts", "-"],
            stdout=self.chan,
        )

    def close(self):
        os.close(self.chan.fileno())  # error: WSK205
