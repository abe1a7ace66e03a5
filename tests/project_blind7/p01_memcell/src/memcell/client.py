"""The high-level client."""
from __future__ import annotations

from ._compat import ensure_bytes, set_nonblocking
from .connection import DEFAULT_PORT, Connection
from .protocol import ProtocolError, Value, check_reply, encode_storage, parse_value_line
from .utils.hashing import validate_key


class Client:
    def __init__(self, host: str = "127.0.0.1", port: int = DEFAULT_PORT, *,
                 timeout: float | None = 5.0, nonblocking: bool = False) -> None:
        self._conn = Connection(host, port, timeout)
        self.nonblocking = nonblocking
        if nonblocking:
            # The asyncio adapter polls the descriptor itself.
            set_nonblocking(self._conn.sock.fileno())  # error: WSK205

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def fileno(self) -> int:
        return self._conn.sock.fileno()

    def set(self, key: str, value, expire: int = 0, flags: int = 0) -> bool:
        k = validate_key(key)
        self._conn.send(encode_storage(b"set", k, ensure_bytes(value), flags, expire))
        return check_reply(self._conn.readline(), b"STORED", b"NOT_STORED") == b"STORED"

    def get(self, key: str) -> bytes | None:
        value = self.gets_many([key]).get(key)
        return None if value is None else value.data

    def gets_many(self, keys) -> dict[str, Value]:
        encoded = [validate_key(k) for k in keys]
        self._conn.send(b"gets " + b" ".join(encoded) + b"\r\n")
        found: dict[str, Value] = {}
        while True:
            line = self._conn.readline()
            if line == b"END":
                return found
            key, flags, size, cas = parse_value_line(line)
            data = self._conn.read_exact(size)
            if self._conn.readline() != b"":
                raise ProtocolError("value not terminated by CRLF")
            found[key] = Value(key, flags, data, cas)

    def delete(self, key: str) -> bool:
        self._conn.send(b"delete " + validate_key(key) + b"\r\n")
        return check_reply(self._conn.readline(), b"DELETED", b"NOT_FOUND") == b"DELETED"

    def stats(self) -> dict[str, str]:
        self._conn.send(b"stats\r\n")
        out = {}
        while True:
            line = self._conn.readline()
            if line == b"END":
                return out
            _, name, value = line.decode("ascii").split(" ", 2)
            out[name] = value

    def close(self) -> None:
        self._conn.close()
