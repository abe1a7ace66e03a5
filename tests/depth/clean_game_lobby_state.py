"""Lobby service for the arena: players wait here until the matchmaker forms a match.

Sockets are only touched through their own methods; descriptors that go to ``os.*`` are
the lobby's save file and replay log.
"""
from __future__ import annotations

import functools
import json
import os
import selectors
import socket
import time
import weakref
from dataclasses import dataclass, field
from typing import Callable, Dict

MATCHMAKER = ("matchmaker.internal", 7000)


@dataclass
class Player:
    name: str
    sock: socket.socket
    joined: float = field(default_factory=time.monotonic)
    rating: int = 1500


class Lobby:
    def __init__(self, port: int, save_path: str, replay_path: str) -> None:
        self.listener = socket.create_server(("", port))
        self.listener.setblocking(False)
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.listener, selectors.EVENT_READ)
        self.players: Dict[int, Player] = {}
        self.spectators: "weakref.WeakSet[socket.socket]" = weakref.WeakSet()
        self.save_fd = os.open(save_path, os.O_RDWR | os.O_CREAT, 0o600)
        self.replay_fd = os.open(replay_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        self.log_replay: Callable[[bytes], int] = functools.partial(os.write, self.replay_fd)

    def adopt_from_env(self) -> None:
        raw = os.environ.get("LOBBY_INHERITED_SOCKET")
        if raw:
            inherited = socket.socket(fileno=int(raw))
            self.selector.register(inherited, selectors.EVENT_READ)

    def accept(self) -> None:
        sock, _addr = self.listener.accept()
        sock.setblocking(True)
        name = sock.recv(32).strip().decode() or "anon"
        player = Player(name, sock)
        self.players[sock.fileno()] = player
        self.log_replay(f"join {name} fd={sock.fileno()}\n".encode())
        sock.setblocking(False)
        self.selector.register(sock, selectors.EVENT_READ, player)

    def kick(self, player: Player, reason: str) -> None:
        self.players.pop(player.sock.fileno(), None)
        self.selector.unregister(player.sock)
        player.sock.sendall(f"KICK {reason}\n".encode())
        player.sock.close()

    def broadcast(self, text: str) -> None:
        data = text.encode() + b"\n"
        for player in list(self.players.values()):
            try:
                player.sock.sendall(data)
            except OSError:
                self.kick(player, "write failed")
        for watcher in list(self.spectators):
            watcher.sendall(data)

    def save(self) -> None:
        state = {p.name: p.rating for p in self.players.values()}
        blob = json.dumps(state).encode()
        os.lseek(self.save_fd, 0, os.SEEK_SET)
        os.write(self.save_fd, blob)
        os.ftruncate(self.save_fd, len(blob))
        os.fsync(self.save_fd)

    def report_to_matchmaker(self, names: list[str]) -> None:
        s = socket.create_connection(MATCHMAKER, timeout=2)
        s.sendall(json.dumps({"ready": names}).encode())
        s.close()
        s = open("matchmaker.audit", "ab")
        s.write(f"{time.time():.0f} {len(names)}\n".encode())
        s.flush()
        os.fsync(s.fileno())
        s.close()

    def fork_workers(self, count: int) -> None:
        if hasattr(os, "fork"):
            os.set_inheritable(self.listener.fileno(), True)
            for _ in range(count):
                if os.fork() == 0:
                    os.set_blocking(self.listener.fileno(), True)
                    os._exit(0)

    def close(self) -> None:
        for player in list(self.players.values()):
            self.kick(player, "shutdown")
        self.selector.close()
        self.listener.close()
        for fd in (self.save_fd, self.replay_fd):
            os.close(fd)
