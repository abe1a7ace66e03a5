import socket


def open_listener(port=0, backlog=16):
    return socket.create_server(("127.0.0.1", port), backlog=backlog)


def pump(src, dst, bufsize=65536):
    """Copy bytes from src to dst until EOF; both are sockets."""
    total = 0
    while True:
        data = src.recv(bufsize)
        if not data:
            return total
        dst.sendall(data)
        total += len(data)
