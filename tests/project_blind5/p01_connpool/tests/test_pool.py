import socket
import threading

from connpool import ConnectionPool


def _serve(srv: socket.socket) -> None:
    conn, _ = srv.accept()
    with conn:
        conn.sendall(conn.recv(64))


def test_roundtrip():
    srv = socket.create_server(("127.0.0.1", 0))
    threading.Thread(target=_serve, args=(srv,), daemon=True).start()
    pool = ConnectionPool(srv.getsockname())
    sock = pool.acquire()
    sock.sendall(b"ping")
    assert sock.recv(4) == b"ping"
    pool.release(sock)
    pool.close()
    srv.close()
