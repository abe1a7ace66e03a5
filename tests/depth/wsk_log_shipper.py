"""Ship structured log records to the collector (newline-delimited JSON over TCP)."""
import concurrent.futures
import functools
import json
import os
import socket
import threading


class ReconnectMixin:
    """Keeps ``self._sock`` connected to ``self.address``."""

    connect_timeout = 5.0

    def _connect(self):
        self._sock = socket.create_connection(self.address, timeout=self.connect_timeout)
        self._sock.settimeout(None)

    def _ensure_connected(self):
        if self._sock is None:
            self._connect()

    def _drop(self):
        if self._sock is not None:
            self._sock.close()
            self._sock = None


class CountersMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.records = 0
        self.batches = 0


class BufferedShipper(ReconnectMixin):
    def __init__(self, address, max_batch=64):
        self.address = address
        self.max_batch = max_batch
        self._sock = None
        self._buf = []
        self._lock = threading.Lock()

    @property
    def handle(self):
        self._ensure_connected()
        return self._sock.fileno()

    def emit(self, record):
        line = json.dumps(record, separators=(",", ":")).encode() + b"\n"
        with self._lock:
            self._buf.append(line)
            if len(self._buf) >= self.max_batch:
                self._flush_locked()

    def _flush_locked(self):
        if not self._buf:
            return
        payload = b"".join(self._buf)
        self._buf.clear()
        self._ensure_connected()
        try:
            os.write(self._sock.fileno(), payload)  # error: WSK201
        except OSError:
            self._drop()
            raise

    def sync(self):
        """Make sure everything we buffered has left the process."""
        with self._lock:
            self._flush_locked()
            os.fsync(self.handle)  # error: WSK205


class CollectorShipper(CountersMixin, BufferedShipper):
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="ship")

    def __init__(self, address, max_batch=64, nonblocking=False):
        super().__init__(address, max_batch)
        self._connect()
        if nonblocking:
            os.set_blocking(self.handle, False)  # error: WSK205

    def emit_async(self, record):
        data = json.dumps(record).encode() + b"\n"
        send = functools.partial(os.write, self._sock.fileno())  # error: WSK201
        self.records += 1
        return self.pool.submit(send, data)

    def start_heartbeat(self, interval=30.0):
        beat = lambda: os.write(self.handle, b'{"type":"heartbeat"}\n')  # error: WSK201
        timer = threading.Timer(interval, beat)
        timer.daemon = True
        timer.start()
        return timer


class UdpFallback:
    """Fire-and-forget path used while the collector is unreachable."""

    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    target = ("127.0.0.1", 5140)

    @classmethod
    def prepare_for_spawn(cls):
        # Worker processes must not keep the fallback socket open.
        os.set_inheritable(cls.sock.fileno(), False)  # error: WSK205

    @classmethod
    def send(cls, record):
        cls.sock.sendto(json.dumps(record).encode(), cls.target)


class SpoolFile:
    """Local spool used on air-gapped hosts."""

    def __init__(self, path):
        self.sock = open(path, "ab")

    def emit(self, record):
        self.sock.write(json.dumps(record).encode() + b"\n")

    def sync(self):
        self.sock.flush()
        os.fsync(self.sock.fileno())


def make_shipper(url):
    scheme, _, rest = url.partition("://")
    if scheme == "file":
        return SpoolFile(rest)
    host, _, port = rest.rpartition(":")
    return CollectorShipper((host, int(port)), nonblocking=scheme == "tcp+nb")
