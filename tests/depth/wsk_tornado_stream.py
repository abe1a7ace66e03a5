"""Tornado TCP server for the device firmware push protocol.

Devices connect, send a 32-byte hello, then receive a firmware image.
"""
import io
import logging
import os

from tornado import gen
from tornado.ioloop import IOLoop
from tornado.iostream import IOStream, StreamClosedError
from tornado.tcpserver import TCPServer
from tornado.web import Application, RequestHandler

log = logging.getLogger("fwpush")

FIRMWARE_DIR = os.environ.get("FIRMWARE_DIR", "firmware")


class FirmwareServer(TCPServer):
    async def handle_stream(self, stream: IOStream, address):
        os.set_inheritable(stream.socket.fileno(), False)  # error: WSK205
        try:
            hello = await stream.read_bytes(32)
            model = hello.split(b"\0", 1)[0].decode("ascii", "replace")
            path = os.path.join(FIRMWARE_DIR, model + ".bin")
            with open(path, "rb") as image:
                while True:
                    chunk = image.read(64 * 1024)
                    if not chunk:
                        break
                    await stream.write(chunk)
        except FileNotFoundError:
            await stream.write(b"NOFW")
        except StreamClosedError:
            log.info("device %s went away", address[0])
        finally:
            stream.close()


class MirrorClient:
    """Pulls firmware from the upstream mirror over a raw TCP stream."""

    def __init__(self, stream: IOStream):
        self.stream = stream

    def raw_reader(self):
        return io.open(self.stream.socket.fileno(), "rb", closefd=False)  # error: WSK203

    async def fetch(self, model: str) -> bytes:
        await self.stream.write(model.encode() + b"\n")
        size = int(await self.stream.read_until(b"\n"))
        return await self.stream.read_bytes(size)


class StatusHandler(RequestHandler):
    def get(self):
        files = sorted(os.listdir(FIRMWARE_DIR))
        self.write({"images": files})


class UploadHandler(RequestHandler):
    def put(self, model):
        path = os.path.join(FIRMWARE_DIR, model + ".bin")
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        try:
            os.write(fd, self.request.body)
            os.fsync(fd)
        finally:
            os.close(fd)
        self.set_status(204)


@gen.coroutine
def warm_cache(mirror):
    """``mirror`` is a MirrorClient built by main()."""
    for model in ("a1", "b2"):
        data = yield mirror.fetch(model)
        log.info("cached %s (%d bytes)", model, len(data))


def main():
    logging.basicConfig(level=logging.INFO)
    app = Application([(r"/status", StatusHandler), (r"/upload/(\w+)", UploadHandler)])
    app.listen(8080)
    server = FirmwareServer()
    server.listen(9000)
    IOLoop.current().start()


if __name__ == "__main__":
    main()
