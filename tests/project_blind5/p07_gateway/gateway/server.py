import socketserver


class BaseHandler(socketserver.StreamRequestHandler):
    timeout = 30

    def setup(self) -> None:
        super().setup()
        self.peer = self.client_address


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True
