"""systemd socket activation and inetd compatibility for the metrics daemon.

POSIX-only module; the Windows service uses service_win.py instead.
"""
import fcntl
import os
import selectors
import socket
import stat
import subprocess

SD_LISTEN_FDS_START = 3


def listen_fds(unset_environment=True):
    if os.environ.get("LISTEN_PID") != str(os.getpid()):
        return []
    count = int(os.environ.get("LISTEN_FDS", "0"))
    if unset_environment:
        for var in ("LISTEN_PID", "LISTEN_FDS", "LISTEN_FDNAMES"):
            os.environ.pop(var, None)
    socks = []
    for fd in range(SD_LISTEN_FDS_START, SD_LISTEN_FDS_START + count):
        if not stat.S_ISSOCK(os.fstat(fd).st_mode):
            continue
        flags = fcntl.fcntl(fd, fcntl.F_GETFD)
        fcntl.fcntl(fd, fcntl.F_SETFD, flags | fcntl.FD_CLOEXEC)
        socks.append(socket.socket(fileno=fd))
    return socks


def inetd_socket():
    """Started by inetd/xinetd: the connection is our stdin."""
    if not stat.S_ISSOCK(os.fstat(0).st_mode):
        return None
    return socket.socket(fileno=os.dup(0))


def prepare_listener(sock: socket.socket) -> socket.socket:
    os.set_blocking(sock.fileno(), False)
    os.set_inheritable(sock.fileno(), False)
    return sock


def hand_to_exporter(conn: socket.socket, argv):
    """Run a legacy exporter with the connection as its stdin/stdout."""
    return subprocess.run(argv, stdin=conn, stdout=conn, check=False)


def serve_legacy(conn: socket.socket):
    os.set_blocking(conn.fileno(), True)
    request = os.read(conn.fileno(), 4096)
    if request.startswith(b"GET /metrics"):
        os.write(conn.fileno(), b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n")
        pid = os.fork()
        if pid == 0:
            os.dup2(conn.fileno(), 1)
            os.execvp("metrics-dump", ["metrics-dump", "--text"])
        os.waitpid(pid, 0)
    elif request.startswith(b"EXPORT "):
        hand_to_exporter(conn, request[7:].decode().split())
    conn.close()


def main():
    single = inetd_socket()
    if single is not None:
        serve_legacy(single)
        return
    listeners = listen_fds() or [socket.create_server(("", 9109))]
    sel = selectors.DefaultSelector()
    for sock in listeners:
        sel.register(prepare_listener(sock), selectors.EVENT_READ)
    while True:
        for key, _mask in sel.select():
            conn, _addr = key.fileobj.accept()
            serve_legacy(conn)


if __name__ == "__main__":
    main()
