"""Self-test for the job runner's wake-up channel (Windows build).

select() only accepts sockets on Windows, so the runner uses a
socketpair where POSIX code would use a self-pipe.
"""
import _winapi as w
import select
import socket


def make_wakeup_pair():
    rsock, wsock = socket.socketpair()
    rsock.setblocking(False)
    wsock.setblocking(False)
    return rsock, wsock


def wake(wsock: socket.socket):
    try:
        wsock.send(b"\0")
    except BlockingIOError:
        pass


def selftest_wakeup():
    rsock, wsock = socket.socketpair()
    w.WriteFile(wsock.fileno(), b"\0")  # error: WSK102
    data, err = w.ReadFile(rsock.fileno(), 512)  # error: WSK101
    assert data == b"\0", (data, err)
    rsock.close()
    wsock.close()


def selftest_keywords():
    (left, right) = socket.socketpair()
    w.WriteFile(handle=right.fileno(), buffer=b"ping")  # error: WSK102
    ready, _, _ = select.select([left], [], [], 1.0)
    assert ready and left.recv(4) == b"ping"
    left.close()
    right.close()


def selftest_indexed():
    pair = socket.socketpair()
    pair[0].sendall(b"x")
    data, _ = w.ReadFile(pair[1].fileno(), 1)  # error: WSK101
    for s in pair:
        s.close()
    return data


def selftest_pipe():
    """Anonymous pipes are fine with ReadFile/WriteFile."""
    rh, wh = w.CreatePipe(None, 0)
    w.WriteFile(wh, b"\0")
    data, err = w.ReadFile(rh, 512)
    w.CloseHandle(rh)
    w.CloseHandle(wh)
    return data
