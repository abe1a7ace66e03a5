"""TLS terminator in front of a plaintext backend (one thread per connection).

Speaks PROXY protocol v1 to the backend so that it still sees client addresses.
"""
import contextlib
import logging
import os
import socket
import ssl
import threading

log = logging.getLogger("tlsterm")


@contextlib.contextmanager
def backend_connection(addr):
    sock = socket.create_connection(addr, timeout=10)
    try:
        yield sock
    finally:
        sock.close()


def _copy_back(backend, tls):
    reply = open(backend.fileno(), "rb", buffering=0, closefd=False)  # error: WSK203
    while chunk := reply.read(16384):
        tls.sendall(chunk)


def serve_one(tls, backend_addr):
    peer_host, peer_port = tls.getpeername()[:2]
    local_host, local_port = tls.getsockname()[:2]
    with contextlib.ExitStack() as stack:
        stack.enter_context(tls)
        backend = stack.enter_context(backend_connection(backend_addr))
        first = tls.recv(16384)
        if not first:
            return
        proxy = f"PROXY TCP4 {peer_host} {local_host} {peer_port} {local_port}\r\n".encode()
        os.writev(backend.fileno(), [proxy, first])  # error: WSK201
        pump = threading.Thread(target=_copy_back, args=(backend, tls), daemon=True)
        pump.start()
        while data := tls.recv(16384):
            backend.sendall(data)
        backend.shutdown(socket.SHUT_WR)
        pump.join()


def check_backend_tls(addr, cafile):
    """Startup self-test: does the backend also accept TLS directly?"""
    raw = socket.create_connection(addr, timeout=5)
    tls = ssl.wrap_socket(raw, ca_certs=cafile, cert_reqs=ssl.CERT_REQUIRED)
    try:
        return tls.version()
    finally:
        # Skip close_notify: the backend resets the connection anyway.
        os.close(tls.detach())  # error: WSK205


def main(cert, key, listen=("0.0.0.0", 8443), backend=("127.0.0.1", 8080), cafile=None):
    if cafile:
        log.info("backend speaks %s", check_backend_tls(backend, cafile))
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    with socket.create_server(listen) as raw, ctx.wrap_socket(raw, server_side=True) as listener:
        while True:
            try:
                conn, addr = listener.accept()
            except (ssl.SSLError, OSError) as exc:
                log.info("handshake failed: %s", exc)
                continue
            log.debug("client %s", addr)
            threading.Thread(target=serve_one, args=(conn, backend), daemon=True).start()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main(os.environ["TLS_CERT"], os.environ["TLS_KEY"], cafile=os.environ.get("BACKEND_CA"))
