import os
import select

from shared import connect


def test_remote_raw(remote):
    os.write(remote.fileno(), b"hello")


def test_server_select(server):
    c = connect(server.getsockname())
    conn, _ = server.accept()
    c.sendall(b"x")
    readable, _, _ = select.select([conn], [], [], 1.0)
    assert readable
    assert conn.recv(1) == b"x"
    c.close()
    conn.close()
