"""Arena server: an entity-component registry with network systems.

Every player is an entity. Its network side lives in a ``Connection`` component and the
systems below run once per tick over the components they need.
"""
from __future__ import annotations

import abc
import itertools
import logging
import os
import socket
import struct
from dataclasses import dataclass, field
from typing import Dict, Iterator, Optional, Type, TypeVar

log = logging.getLogger("arena.ecs")
C = TypeVar("C")
SNAPSHOT = struct.Struct("!IHhh")


@dataclass
class Position:
    x: int = 0
    y: int = 0


@dataclass
class Connection:
    sock: socket.socket
    addr: tuple
    outbox: bytearray = field(default_factory=bytearray)
    idle_ticks: int = 0


@dataclass
class Recorder:
    """Entities being recorded for replays; ``fd`` is the replay file's descriptor."""
    fd: int
    frames: int = 0


class Registry:
    def __init__(self) -> None:
        self._ids = itertools.count(1)
        self._tables: Dict[Type, Dict[int, object]] = {}

    def spawn(self, *components: object) -> int:
        eid = next(self._ids)
        for comp in components:
            self._tables.setdefault(type(comp), {})[eid] = comp
        return eid

    def get(self, eid: int, kind: Type[C]) -> Optional[C]:
        return self._tables.get(kind, {}).get(eid)  # type: ignore[return-value]

    def view(self, kind: Type[C]) -> Iterator[tuple[int, C]]:
        yield from list(self._tables.get(kind, {}).items())  # type: ignore[misc]

    def despawn(self, eid: int) -> None:
        conn: Optional[Connection] = self.get(eid, Connection)
        if conn is not None:
            log.info("player %d left from %s", eid, conn.addr)
            os.close(conn.sock.fileno())  # error: WSK205
        for table in self._tables.values():
            table.pop(eid, None)


class System(abc.ABC):
    priority = 0

    def __init__(self, registry: Registry) -> None:
        self.registry = registry

    @abc.abstractmethod
    def tick(self, now: int) -> None: ...


class NetSystem(System):
    def __init__(self, registry: Registry, port: int) -> None:
        super().__init__(registry)
        self.listener = socket.create_server(("", port), backlog=64)


class AcceptSystem(NetSystem):
    priority = 10

    def __init__(self, registry: Registry, port: int = 27015) -> None:
        super().__init__(registry, port)
        os.set_blocking(self.listener.fileno(), False)  # error: WSK205

    def tick(self, now: int) -> None:
        try:
            sock, addr = self.listener.accept()
        except BlockingIOError:
            return
        sock.setblocking(False)
        self.registry.spawn(Connection(sock, addr), Position())


def flush_outbox(conn: Connection) -> None:
    if conn.outbox:
        written = os.write(conn.sock.fileno(), conn.outbox)  # error: WSK201
        del conn.outbox[:written]


class SnapshotSystem(System):
    priority = 50

    def tick(self, now: int) -> None:
        for eid, conn in self.registry.view(Connection):
            pos = self.registry.get(eid, Position) or Position()
            conn.outbox += SNAPSHOT.pack(now, eid, pos.x, pos.y)
            flush_outbox(conn)
            rec = self.registry.get(eid, Recorder)
            if rec is not None:
                os.write(rec.fd, SNAPSHOT.pack(now, eid, pos.x, pos.y))
                rec.frames += 1


class IdleKickSystem(System):
    limit = 30 * 60

    def tick(self, now: int) -> None:
        for eid, conn in self.registry.view(Connection):
            conn.idle_ticks += 1
            if conn.idle_ticks > self.limit:
                self.registry.despawn(eid)


def close_recorders(registry: Registry) -> None:
    for _eid, rec in registry.view(Recorder):
        os.fsync(rec.fd)
        os.close(rec.fd)
