"""Copy bytes between heterogeneous endpoints: sockets, files and descriptors.

    relay tcp:db.internal:5432 file:dump.bin
    relay - tcp:collector:9000 --log relay.log
"""
import os
import socket
import sys


def open_endpoint(spec):
    if spec == "-":
        return sys.stdin.fileno()
    kind, _, rest = spec.partition(":")
    if kind == "tcp":
        host, _, port = rest.rpartition(":")
        return socket.create_connection((host, int(port)))
    if kind == "file":
        return open(rest, "r+b" if os.path.exists(rest) else "w+b")
    if kind == "fd":
        return int(rest)
    raise ValueError(f"unknown endpoint {spec!r}")


def read_some(src, n=65536):
    if isinstance(src, socket.socket):
        return src.recv(n)
    if isinstance(src, int):
        return os.read(src, n)
    return src.read(n)


def write_all(dst, data):
    if isinstance(dst, socket.socket):
        dst.sendall(data)
        return
    fd = dst if isinstance(dst, int) else dst.fileno()
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def close_endpoint(ep):
    if isinstance(ep, socket.socket):
        ep.shutdown(socket.SHUT_RDWR)
        ep.close()
    elif isinstance(ep, int):
        if ep > 2:
            os.close(ep)
    else:
        ep.flush()
        os.fsync(ep.fileno())
        ep.close()


def redirect_stdio_to(path):
    """--log: send our own diagnostics (and any child's) to a file."""
    log = open(path, "ab")
    sys.stdout.flush()
    sys.stderr.flush()
    os.dup2(log.fileno(), sys.stdout.fileno())
    os.dup2(log.fileno(), sys.stderr.fileno())
    return log


def relay(src_spec, dst_spec, log_path=None):
    if log_path:
        redirect_stdio_to(log_path)
    src, dst = open_endpoint(src_spec), open_endpoint(dst_spec)
    total = 0
    try:
        while chunk := read_some(src):
            write_all(dst, chunk)
            total += len(chunk)
    finally:
        close_endpoint(src)
        close_endpoint(dst)
    print(f"relayed {total} bytes", file=sys.stderr)
    return total


if __name__ == "__main__":
    args = sys.argv[1:]
    log_path = None
    if "--log" in args:
        i = args.index("--log")
        log_path = args[i + 1]
        del args[i:i + 2]
    relay(args[0], args[1], log_path)
