import os

from .server import BaseHandler, Server


class EchoHandler(BaseHandler):
    def handle(self) -> None:
        line = self.rfile.readline()
        os.write(self.connection.fileno(), line)  # error: WSK201


def serve(port: int) -> None:
    with Server(("0.0.0.0", port), EchoHandler) as srv:
        srv.serve_forever()
