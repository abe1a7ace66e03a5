"""Attach a child process or a log to one of the console's channels."""
import os
import subprocess

import _winapi
import msvcrt
import win32file
from multiprocessing import reduction

from console import FACTORIES, Port
from console.io import factories


def banner(port_name):
    with factories.PortSession(port_name) as sock:
        os.write(sock.fileno(), b"\r\n*** maintenance console attached ***\r\n")
        os.set_blocking(sock.fileno(), True)


def reset_modem(port_name):
    port = Port.open(port_name)
    os.write(port.sock.fileno(), b"ATZ\r")
    os.fsync(port.fileno())
    return port


def spawn_on_pipe(argv):
    ends = FACTORIES["pipe"]()
    child = subprocess.Popen(argv, stdout=ends.write_fd)
    os.close(ends.write_fd)
    data = os.read(ends.read_fd, 4096)
    child.wait()
    return data


def serve_named_pipe(greeting):
    sock = factories.pipe_for_client()
    win32file.WriteFile(sock, greeting)
    hr, data = win32file.ReadFile(sock, 4096)
    return data


def share_log_with(pid):
    log = factories.open_log()
    handle = msvcrt.get_osfhandle(log.fileno())
    proc = _winapi.OpenProcess(_winapi.PROCESS_DUP_HANDLE, False, pid)
    return _winapi.DuplicateHandle(
        _winapi.GetCurrentProcess(), handle, proc, 0, False, _winapi.DUPLICATE_SAME_ACCESS
    )


def send_log_to_worker(conn, pid):
    log = factories.open_log()
    reduction.send_handle(conn, factories.handle_of(log), pid)


def tee_lines(port_name):
    with factories.open_log() as log:
        for line in factories.read_lines(port_name):
            os.write(log.fileno(), line)


def close_all():
    for _label, fd in factories.OPEN_FDS:
        try:
            os.close(fd)
        except OSError:
            pass
    factories.OPEN_FDS.clear()
