"""Maintenance console for the eventlet-based job server.

Operators connect with ``nc localhost 3000`` and get a Python REPL.
Only enabled with ``--console``.
"""
import code
import logging
import os
import sys

import eventlet
from eventlet.green import socket

log = logging.getLogger("jobserver.console")


class ConsoleSession:
    def __init__(self, conn, addr, namespace):
        self.conn = conn
        self.addr = addr
        self.namespace = dict(namespace)
        self.saved = []

    def redirect_std_streams(self):
        """Point fds 0-2 at the operator's connection."""
        for fd in (0, 1, 2):
            self.saved.append(os.dup(fd))
        os.dup2(self.conn.fileno(), 0)  # error: WSK202
        os.dup2(self.conn.fileno(), 1)  # error: WSK202
        os.dup2(self.conn.fileno(), 2)  # error: WSK202

    def restore_std_streams(self):
        for fd, saved in enumerate(self.saved):
            os.dup2(saved, fd)
            os.close(saved)
        self.saved.clear()

    def run(self):
        log.warning("console opened from %s", self.addr[0])
        self.redirect_std_streams()
        try:
            code.interact(banner="jobserver console", local=self.namespace)
        except SystemExit:
            pass
        finally:
            self.restore_std_streams()
            self.conn.close()


def console_server(port, namespace):
    server = eventlet.listen(("127.0.0.1", port))
    log.info("console listening on %d", port)
    while True:
        conn, addr = server.accept()
        eventlet.spawn_n(ConsoleSession(conn, addr, namespace).run)


def notify_ops(message, host="ops-bot.internal", port=5140):
    """Send a one-line syslog-ish message."""
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        s.connect((host, port))
        s.send(message.encode("utf-8"))
    finally:
        s.close()


def wait_for_operator(port):
    listener = socket.socket()
    listener.bind(("127.0.0.1", port))
    listener.listen(1)
    conn, _ = listener.accept()
    if os.isatty(conn.fileno()):  # error: WSK205
        conn.sendall(b"tty mode\n")
    return conn


def start(namespace, port=3000):
    if "--console" not in sys.argv:
        return None
    notify_ops("console enabled on port %d" % port)
    return eventlet.spawn(console_server, port, namespace)
