"""ops-bot: a small IRC bot for the on-call channel (uptime, fortune, DCC file drops)."""
from __future__ import annotations

import logging
import os
import socket
import ssl
import subprocess
import threading

LOG = logging.getLogger("opsbot")


class IrcBot:
    __slots__ = ("sock", "nick", "channels", "_buf", "_dcc_dir")

    def __init__(self, server: str, port: int, nick: str, channels=(), use_tls=True, dcc_dir="dcc"):
        raw = socket.create_connection((server, port), timeout=300)
        if use_tls:
            ctx = ssl.create_default_context()
            self.sock = ctx.wrap_socket(raw, server_hostname=server)
        else:
            self.sock = raw
        self.nick = nick
        self.channels = list(channels)
        self._buf = b""
        self._dcc_dir = dcc_dir

    def send_line(self, line: str) -> None:
        os.write(self.sock.fileno(), (line + "\r\n").encode())  # error: WSK201

    def privmsg(self, target: str, text: str) -> None:
        for part in text.splitlines() or [""]:
            self.send_line(f"PRIVMSG {target} :{part}")

    def read_line(self) -> str:
        if b"\r\n" in self._buf:
            line, self._buf = self._buf.split(b"\r\n", 1)
            return line.decode("utf-8", "replace")
        chunk = self.sock.recv(4096)
        if not chunk:
            raise ConnectionError("server closed the connection")
        self._buf += chunk
        return self.read_line()

    def make_keepalive(self, interval: float):
        sock = self.sock

        def ping() -> None:
            os.write(sock.fileno(), b"PING :keepalive\r\n")  # error: WSK201
            timer = threading.Timer(interval, ping)
            timer.daemon = True
            timer.start()

        return ping

    def _drain_dcc(self, conn, remaining: int, out) -> None:
        if remaining <= 0:
            return
        data = os.read(conn.fileno(), min(remaining, 8192))  # error: WSK201
        if not data:
            return
        out.write(data)
        conn.sendall(len(data).to_bytes(4, "big"))
        self._drain_dcc(conn, remaining - len(data), out)

    def on_dcc_send(self, nick: str, filename: str, ip: str, port: int, size: int) -> None:
        dcc = socket.create_connection((ip, port), timeout=30)
        path = os.path.join(self._dcc_dir, os.path.basename(filename))
        with dcc, open(path, "wb") as out:
            self._drain_dcc(dcc, size, out)
        LOG.info("received %s from %s", path, nick)

    def on_dcc_chat(self, nick: str, ip: str, port: int) -> None:
        chat = socket.create_connection((ip, port), timeout=30)
        with chat:
            for line in open(chat.fileno(), "r", encoding="utf-8", closefd=False):  # error: WSK203
                if line.strip() == "!fortune":
                    subprocess.call(["fortune", "-s"], stdout=chat)  # error: WSK301
                elif line.strip() == "!bye":
                    break

    def on_command(self, target: str, word: str) -> None:
        if word == "!uptime":
            out = subprocess.check_output(["uptime"], text=True)
            self.privmsg(target, out.strip())

    def run(self) -> None:
        self.send_line(f"NICK {self.nick}")
        self.send_line(f"USER {self.nick} 0 * :ops bot")
        self.make_keepalive(120.0)()
        while True:
            line = self.read_line()
            if line.startswith("PING"):
                self.send_line("PONG" + line[4:])
            elif " 001 " in line:
                for ch in self.channels:
                    self.send_line(f"JOIN {ch}")
            elif " PRIVMSG " in line:
                prefix, _, text = line[1:].partition(" PRIVMSG ")
                target, _, msg = text.partition(" :")
                self.on_command(target, msg.strip())


if __name__ == "__main__":
    IrcBot("irc.libera.chat", 6697, "opsbot", channels=["#ops"]).run()
