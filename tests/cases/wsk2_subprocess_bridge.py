"""Run a filter program against a client connection (tools server)."""
import os
import socket
import subprocess
import sys


def run_filter(conn: socket.socket, cmd):
    return subprocess.run(cmd, stdin=conn, capture_output=True, check=True)  # error: WSK301


def cgi(conn: socket.socket, script, env):
    return subprocess.Popen(  # error: WSK301
        [sys.executable, script],
        stdin=subprocess.PIPE,
        stdout=conn.fileno(),
        env=env,
    )


def log_errors_to(conn: socket.socket, cmd):
    return subprocess.call(cmd, stderr=conn)  # error: WSK301


def run_filter_relayed(conn: socket.socket, cmd):
    data = conn.recv(65536)
    result = subprocess.run(cmd, input=data, stdout=subprocess.PIPE, check=True)
    conn.sendall(result.stdout)


def run_filter_posix(conn: socket.socket, cmd):
    if os.name == "posix":
        return subprocess.call(cmd, stdin=conn, stdout=conn)
    data = conn.recv(65536)
    conn.sendall(subprocess.check_output(cmd, input=data))
    return 0


def serve(port=5050, cmd=("sort",)):
    listener = socket.create_server(("", port))
    while True:
        conn, addr = listener.accept()
        out = subprocess.check_output(list(cmd), stdin=conn.fileno())  # error: WSK301
        conn.sendall(out)
        conn.close()
        with open("access.log", "a") as log:
            subprocess.check_call(["logger", str(addr)], stdout=log)
