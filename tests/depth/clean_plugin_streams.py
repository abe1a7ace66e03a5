"""Run plugin processes and wire their I/O (Windows and POSIX).

Plugins talk to the host over pipes; the host relays to its client socket
with send/recv and never hands the socket itself to a child.
"""
import os
import socket
import subprocess
import sys
import threading


def spawn_plugin(argv, log_path):
    log = open(log_path, "ab")
    conn = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log)
    return conn, log


def relay(client: socket.socket, plugin: subprocess.Popen) -> None:
    def upstream():
        while data := client.recv(65536):
            plugin.stdin.write(data)
            plugin.stdin.flush()
        plugin.stdin.close()

    t = threading.Thread(target=upstream, daemon=True)
    t.start()
    while chunk := plugin.stdout.read1(65536):
        client.sendall(chunk)
    t.join()


def control_channel():
    """An inheritable pipe for out-of-band control: (child end, parent fd)."""
    if sys.platform == "win32":
        import _winapi
        import msvcrt
        from multiprocessing import reduction

        rh, wh = _winapi.CreatePipe(None, 0)
        child_end = reduction.duplicate(rh, inheritable=True)
        _winapi.CloseHandle(rh)
        return child_end, msvcrt.open_osfhandle(wh, 0)
    r, w = os.pipe()
    os.set_inheritable(r, True)
    return r, w


def log_handle(log):
    """OS-level handle of the plugin log, for the crash reporter."""
    if sys.platform == "win32":
        import msvcrt

        return msvcrt.get_osfhandle(log.fileno())
    return log.fileno()


def quiet_host_output(log):
    sys.stdout.flush()
    os.dup2(log.fileno(), sys.stdout.fileno())


def self_test():
    """Exercise the relay with a socketpair standing in for a client."""
    host_side, client_side = socket.socketpair()
    sock, log = spawn_plugin([sys.executable, "-c", "import sys; sys.stdout.write(sys.stdin.read())"], os.devnull)
    worker = threading.Thread(target=relay, args=(host_side, sock))
    worker.start()
    client_side.sendall(b"ping")
    client_side.shutdown(socket.SHUT_WR)
    echoed = client_side.recv(16)
    worker.join()
    sock.wait()
    log.close()
    host_side.close()
    client_side.close()
    return echoed == b"ping"


def main(argv):
    client = socket.create_connection(("127.0.0.1", int(argv[1])))
    plugin, log = spawn_plugin(argv[2:], "plugin.log")
    subprocess.run([sys.executable, "-c", "print('plugin starting')"], stdout=sys.stdout.fileno())
    child_end, parent_fd = control_channel()
    os.write(parent_fd, b"start\n")
    print("crash reporter handle", log_handle(log), "control", child_end)
    quiet_host_output(log)
    try:
        relay(client, plugin)
    finally:
        os.close(parent_fd)
        client.close()
    return plugin.wait()


if __name__ == "__main__":
    sys.exit(main(sys.argv) if len(sys.argv) > 2 else (0 if self_test() else 1))
