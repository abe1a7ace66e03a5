from __future__ import annotations

import abc


class Transport(abc.ABC):
    """Moves whole frames."""

    @abc.abstractmethod
    def send_frame(self, frame: bytes) -> None: ...

    @abc.abstractmethod
    def recv_frame(self) -> bytes: ...

    @abc.abstractmethod
    def close(self) -> None: ...

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
