"""Run build steps in parallel and multiplex their output.

Each child's stdout/stderr pipe goes into one selector; complete lines are
prefixed with the step name and written to our stdout and a combined log.
"""
import os
import selectors
import signal
import subprocess
import sys

STEPS = {
    "lint": ["flake8", "src"],
    "types": ["mypy", "src"],
    "unit": [sys.executable, "-m", "pytest", "-q", "tests/unit"],
}


class Mux:
    def __init__(self, log_path):
        self.selector = selectors.DefaultSelector()
        self.log = open(log_path, "ab")
        self.partial = {}
        self.procs = {}
        # self-pipe that the Ctrl-C handler uses to wake the loop
        self.wake_sock, self.wake_conn = os.pipe()
        os.set_blocking(self.wake_sock, False)
        self.selector.register(self.wake_sock, selectors.EVENT_READ, ("<wake>", None))

    def start(self, name, argv):
        proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.procs[name] = proc
        for conn in (proc.stdout, proc.stderr):
            os.set_blocking(conn.fileno(), False)
            self.selector.register(conn, selectors.EVENT_READ, (name, proc))
            self.partial[conn.fileno()] = b""

    def wake(self):
        os.write(self.wake_conn, b"!")

    def _emit(self, name, line):
        out = b"[%s] %s\n" % (name.encode(), line)
        os.write(sys.stdout.fileno(), out)
        self.log.write(out)

    def run(self):
        while len(self.selector.get_map()) > 1:
            for key, _mask in self.selector.select(timeout=1.0):
                name, proc = key.data
                if proc is None:
                    os.read(key.fd, 64)
                    return False
                chunk = os.read(key.fd, 65536)
                if not chunk:
                    self.selector.unregister(key.fileobj)
                    rest = self.partial.pop(key.fd)
                    if rest:
                        self._emit(name, rest)
                    continue
                *lines, self.partial[key.fd] = (self.partial[key.fd] + chunk).split(b"\n")
                for line in lines:
                    self._emit(name, line)
        self.log.flush()
        os.fsync(self.log.fileno())
        return all(p.wait() == 0 for p in self.procs.values())

    def close(self):
        for proc in self.procs.values():
            if proc.poll() is None:
                proc.terminate()
        os.close(self.wake_sock)
        os.close(self.wake_conn)
        self.log.close()


def main():
    mux = Mux("build.log")
    signal.signal(signal.SIGINT, lambda *_: mux.wake())
    try:
        for name, argv in STEPS.items():
            mux.start(name, argv)
        ok = mux.run()
    finally:
        mux.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
