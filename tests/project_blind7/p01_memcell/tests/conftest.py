import socket
import threading

import pytest

from memcell import Client


class FakeMemcached(threading.Thread):
    """Just enough of memcached for the client tests."""

    def __init__(self, listener):
        super().__init__(daemon=True)
        self.listener = listener
        self.store = {}
        self._stop = threading.Event()

    def run(self):
        while not self._stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn):
        with conn, conn.makefile("rb") as rfile:
            for line in rfile:
                parts = line.split()
                if not parts:
                    continue
                if parts[0] == b"set":
                    data = rfile.read(int(parts[4]) + 2)[:-2]
                    self.store[parts[1]] = (int(parts[2]), data)
                    conn.sendall(b"STORED\r\n")
                elif parts[0] == b"gets":
                    out = []
                    for key in parts[1:]:
                        if key in self.store:
                            flags, data = self.store[key]
                            out.append(b"VALUE %s %d %d 1\r\n%s\r\n" % (key, flags, len(data), data))
                    conn.sendall(b"".join(out) + b"END\r\n")
                elif parts[0] == b"delete":
                    found = self.store.pop(parts[1], None) is not None
                    conn.sendall(b"DELETED\r\n" if found else b"NOT_FOUND\r\n")
                else:
                    conn.sendall(b"ERROR\r\n")

    def stop(self):
        self._stop.set()


@pytest.fixture
def fake_server():
    listener = socket.create_server(("127.0.0.1", 0))
    server = FakeMemcached(listener)
    server.start()
    yield listener
    server.stop()
    listener.close()


@pytest.fixture
def client(fake_server):
    host, port = fake_server.getsockname()[:2]
    with Client(host, port, timeout=2.0) as mc:
        yield mc
