import os
import socketserver

from basehandler import LoggingHandler


class BannerHandler(LoggingHandler):
    def handle(self) -> None:
        os.write(self.connection.fileno(), b"daemon ready\n")  # error: WSK201
        for line in self.rfile:
            self.wfile.write(line)


class EchoHandler(LoggingHandler):
    def handle(self) -> None:
        self.wfile.write(b"daemon ready\n")
        for line in self.rfile:
            self.wfile.write(line)


def serve(port: int) -> None:
    with socketserver.TCPServer(("127.0.0.1", port), EchoHandler) as srv:
        srv.serve_forever()
