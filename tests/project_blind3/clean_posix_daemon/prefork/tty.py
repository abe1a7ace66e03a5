"""Interactive admin console over a pty (termios makes this POSIX-only)."""
import os
import pty
import socket
import termios
import tty


def admin_shell(conn: socket.socket):
    pid, master = pty.fork()
    if pid == 0:
        os.execvp("/bin/sh", ["/bin/sh", "-i"])
    attrs = termios.tcgetattr(master)
    tty.setraw(master)
    while True:
        data = os.read(conn.fileno(), 1024)
        if not data:
            break
        os.write(master, data)
        os.write(conn.fileno(), os.read(master, 1024))
    termios.tcsetattr(master, termios.TCSADRAIN, attrs)
