"""Containers of sockets: annotations, literals, comprehensions, ``for``, ``select.select``.

Each silent case comes with the one change that makes it a finding, so that the test
shows what silences it (and fails if the analysis stops seeing the container at all).
"""

from __future__ import annotations

import textwrap

import pytest

from conftest import EXPECTED
from flake8_winsock import check_source


def findings(source: str) -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in check_source(textwrap.dedent(source))]


def test_element_message_names_the_container_and_the_origin() -> None:
    [finding] = check_source(
        textwrap.dedent(
            """\
            import socket
            import win32file

            socks = [socket.socket() for _ in range(3)]
            for s in socks:
                win32file.WriteFile(s.fileno(), b"x")
            """
        )
    )
    assert finding.message == (
        "WSK102 socket handle from 's' (element of 'socks', socket.socket() at line 4) passed to "
        "win32file.WriteFile; use s.sendall() or win32file.WSASend()"
    )


def test_handle_element_message_cites_the_socket() -> None:
    [finding] = check_source(
        textwrap.dedent(
            """\
            import socket
            import win32file

            def send(conns: list[socket.socket]):
                handles = [c.fileno() for c in conns]
                for h in handles:
                    win32file.WriteFile(h, b"x")
            """
        )
    )
    assert finding.message == (
        "WSK102 socket handle from element of 'conns', parameter 'conns' annotated as a container of "
        "sockets at line 4 passed to win32file.WriteFile; use sock.sendall() or win32file.WSASend()"
    )


REPORTED = {
    "annotations": """
        import collections.abc, socket, ssl, typing, win32file
        from typing import List, Optional
        def f(a: list[socket.socket], b: List[ssl.SSLSocket], c: typing.Sequence["socket.socket"],
              d: collections.abc.Iterable[socket.socket], e: Optional[set[socket.socket]],
              g: "frozenset[socket.socket] | None", h: typing.Iterator[socket.socket],
              i: tuple[socket.socket, ...], j: typing.Collection[socket.socket]):
            for s in a: win32file.WriteFile(s.fileno(), b"")  # error: WSK102
            for s in b: win32file.WriteFile(s.fileno(), b"")  # error: WSK102
            for s in c: win32file.WriteFile(s.fileno(), b"")  # error: WSK102
            for s in d: win32file.WriteFile(s.fileno(), b"")  # error: WSK102
            for s in e: win32file.WriteFile(s.fileno(), b"")  # error: WSK102
            for s in g: win32file.WriteFile(s.fileno(), b"")  # error: WSK102
            for s in h: win32file.WriteFile(s.fileno(), b"")  # error: WSK102
            for s in i: win32file.WriteFile(s.fileno(), b"")  # error: WSK102
            for s in j: win32file.WriteFile(s.fileno(), b"")  # error: WSK102
        """,
    "a tuple of two sockets, unpacked": """
        import socket, win32file
        def f(pair: tuple[socket.socket, socket.socket]):
            a, b = pair
            win32file.WriteFile(b.fileno(), b"")  # error: WSK102
        """,
    "literals": """
        import socket, win32file
        a = socket.socket()
        b, _ = a.accept()
        for s in [a, b]: win32file.WriteFile(s.fileno(), b"")  # error: WSK102
        for s in {a, b}: win32file.WriteFile(s.fileno(), b"")  # error: WSK102
        for s in (a, b): win32file.WriteFile(s.fileno(), b"")  # error: WSK102
        for s in [*[a], b]: win32file.WriteFile(s.fileno(), b"")  # error: WSK102
        for s in [a] + [b]: win32file.WriteFile(s.fileno(), b"")  # error: WSK102
        for h in [a.fileno(), b.fileno()]: win32file.WriteFile(h, b"")  # error: WSK102
        """,
    "comprehensions and generators": """
        import socket, win32file
        def f(items, conns: list[socket.socket]):
            for h in (c.fileno() for c in conns): win32file.WriteFile(h, b"")  # error: WSK102
            socks = [x for x in items if isinstance(x, socket.socket)]
            for s in socks: win32file.WriteFile(s.fileno(), b"")  # error: WSK102
            [win32file.WriteFile(c.fileno(), b"") for c in conns]  # error: WSK102
        """,
    "indexing, slicing, copies, unpacking": """
        import os, socket
        def f(conns: list[socket.socket]):
            os.close(conns[0].fileno())  # error: WSK205
            for s in conns[1:]: os.close(s.fileno())  # error: WSK205
            for s in sorted(conns, key=id): os.close(s.fileno())  # error: WSK205
            first, *rest = conns
            os.close(first.fileno())  # error: WSK205
            for s in rest: os.close(s.fileno())  # error: WSK205
        """,
    "select results": """
        import select, socket, win32file
        def f(conns: list[socket.socket]):
            r, w, x = select.select(conns, conns, [])
            for s in r: win32file.ReadFile(s.fileno(), 10)  # error: WSK101
            for s in w: win32file.WriteFile(s.fileno(), b"")  # error: WSK102
            for s in select.select([], conns, [])[1]: win32file.WriteFile(s.fileno(), b"")  # error: WSK102
        """,
    "sockets added to sockets": """
        import socket, win32file
        def f(listener: socket.socket):
            conns = [listener]
            conn, _ = listener.accept()
            conns.append(conn)
            conns.insert(0, conn)
            conns.extend([conn, conn])
            conns += [conn]
            conns[0] = conn
            del conns[0]
            for s in conns: win32file.WriteFile(s.fileno(), b"")  # error: WSK102
        """,
    "attribute filled in another method": """
        import select, socket, win32file
        class Hub:
            def __init__(self):
                self.clients: list[socket.socket] = []
            def add(self, c: socket.socket):
                self.clients.append(c)
            def pump(self):
                for c in select.select([], self.clients, [])[1]:
                    win32file.WriteFile(c.fileno(), b"")  # error: WSK102
        """,
    "a POSIX-only module imported under try": """
        import os, socket
        try:
            import fcntl
        except ImportError:
            fcntl = None
        def f(conns: list[socket.socket]):
            for s in conns: os.close(s.fileno())  # error: WSK205
        """,
    "a declared container keeps its promise when an unknown goes in": """
        import socket, win32file
        class Channels:
            socks: list[socket.socket]
            def add(self, handle):
                self.socks.append(handle)
            def flush(self):
                for s in self.socks: win32file.WriteFile(s.fileno(), b"")  # error: WSK102
        """,
    "a declared attribute of a method, stored anew elsewhere": """
        import socket, win32file
        class Pool:
            def __init__(self):
                self.idle: list[socket.socket] = []
            def put(self, conn):
                self.idle.append(conn)
            def reset(self):
                self.idle = []
            def flush(self):
                for s in self.idle: win32file.WriteFile(s.fileno(), b"")  # error: WSK102
        """,
    "factory returning a list of sockets": """
        import socket, win32file
        def pool(n):
            return [socket.create_connection(("h", 1)) for _ in range(n)]
        def main():
            for s in pool(3): win32file.WriteFile(s.fileno(), b"")  # error: WSK102
        """,
}


@pytest.mark.parametrize("source", REPORTED.values(), ids=REPORTED.keys())
def test_containers_of_sockets_are_followed(source: str) -> None:
    source = textwrap.dedent(source)
    expected = {
        (number, code) for number, line in enumerate(source.splitlines(), 1) for code in EXPECTED.findall(line)
    }
    assert expected and set(findings(source)) == expected


# Each: a silent module, and (old, new) that turns it into a finding.
SILENCED = {
    "a name is no evidence": (
        """
        import socket, win32file
        def f(socks):
            for s in socks: win32file.WriteFile(s.fileno(), b"")
        """,
        "def f(socks):",
        "def f(socks: 'list[socket.socket]'):",
    ),
    "a mixed list": (
        """
        import socket, win32file
        a = socket.socket()
        for s in [a, open("log")]: win32file.WriteFile(s.fileno(), b"")
        """,
        'open("log")',
        "a",
    ),
    "None in a tuple": (
        """
        import socket, win32file
        a = socket.socket()
        for s in (a, None): win32file.WriteFile(s.fileno(), b"")
        """,
        "None",
        "a",
    ),
    "annotations that are not containers of sockets": (
        """
        import socket, win32file
        def f(a: dict[int, socket.socket], b: list[list[socket.socket]], c: tuple[socket.socket, int]):
            for s in a: win32file.WriteFile(s.fileno(), b"")  # a dict's keys: here, numbers
            for s in b: win32file.WriteFile(s.fileno(), b"")
            for s in c: win32file.WriteFile(s.fileno(), b"")
        """,
        "c: tuple[socket.socket, int]",
        "c: tuple[socket.socket, socket.socket]",
    ),
    "appended an unknown": (
        """
        import socket, win32file
        def f(extra):
            socks = [socket.socket()]
            socks.append(extra)
            for s in socks: win32file.WriteFile(s.fileno(), b"")
        """,
        "socks.append(extra)",
        "socks.append(socket.socket())",
    ),
    "extended, inserted, added, updated with unknowns": (
        """
        import socket, win32file
        def f(more, one):
            a = [socket.socket()]
            b = [socket.socket()]
            c = {socket.socket()}
            d = {socket.socket()}
            a.extend(more)
            b.insert(0, one)
            c.add(one)
            d.update([one])
            for s in a: win32file.WriteFile(s.fileno(), b"")
            for s in b: win32file.WriteFile(s.fileno(), b"")
            for s in c: win32file.WriteFile(s.fileno(), b"")
            for s in d: win32file.WriteFile(s.fileno(), b"")
        """,
        "d.update([one])",
        "d.update([socket.socket()])",
    ),
    "item, slice and += with unknowns": (
        """
        import socket, win32file
        def f(one):
            a = [socket.socket()]
            b = [socket.socket()]
            c = [socket.socket()]
            a[0] = one
            b[0:1] = [one]
            c += [one]
            for s in a: win32file.WriteFile(s.fileno(), b"")
            for s in b: win32file.WriteFile(s.fileno(), b"")
            for s in c: win32file.WriteFile(s.fileno(), b"")
        """,
        "c += [one]",
        "c += [socket.socket()]",
    ),
    "mutated through an alias": (
        """
        import socket, win32file
        def f(pipe):
            socks = [socket.socket()]
            outputs = socks
            outputs.append(pipe)
            for s in socks: win32file.WriteFile(s.fileno(), b"")
        """,
        "outputs.append(pipe)",
        "outputs.append(socks[0])",
    ),
    "mutated after the use": (
        """
        import socket, win32file
        def f(pipe):
            socks = [socket.socket()]
            for s in socks: win32file.WriteFile(s.fileno(), b"")
            socks.append(pipe)
        """,
        "socks.append(pipe)",
        "pipe.append(socks)",
    ),
    "module-level list filled by a later function": (
        """
        import socket, win32file
        WATCHED = [socket.socket()]
        def flush():
            for s in WATCHED: win32file.WriteFile(s.fileno(), b"")
        def watch(pipe):
            WATCHED.append(pipe)
        """,
        "WATCHED.append(pipe)",
        "WATCHED.append(socket.socket())",
    ),
    "an undeclared container of sockets, appended an unknown": (
        """
        import socket, win32file
        class Channels:
            def __init__(self):
                self.socks = [socket.socket()]
            def add(self, handle):
                self.socks.append(handle)
            def flush(self):
                for s in self.socks: win32file.WriteFile(s.fileno(), b"")
        """,
        "self.socks.append(handle)",
        "self.socks.append(socket.socket())",
    ),
    "rebound": (
        """
        import socket, win32file
        def f(pipes):
            socks = [socket.socket()]
            socks = pipes
            for s in socks: win32file.WriteFile(s.fileno(), b"")
        """,
        "socks = pipes",
        "pipes = socks",
    ),
    "select on unknowns": (
        """
        import select, socket, win32file
        def f(pipes, conns: list[socket.socket]):
            r, w, x = select.select(pipes, conns, [])
            for s in r: win32file.ReadFile(s.fileno(), 10)
            for s in x: win32file.ReadFile(s.fileno(), 10)
        """,
        "select.select(pipes,",
        "select.select(conns,",
    ),
    "else of an isinstance test in the loop": (
        """
        import socket, win32file
        def f(items: list[socket.socket]):
            for s in items:
                if isinstance(s, socket.socket):
                    s.sendall(b"")
                else:
                    win32file.WriteFile(s.fileno(), b"")
        """,
        "isinstance(s, socket.socket)",
        "s is None",
    ),
    "filtered out by a comprehension": (
        """
        import socket, win32file
        def f(items):
            for s in [x for x in items if not isinstance(x, socket.socket)]:
                win32file.WriteFile(s.fileno(), b"")
        """,
        "if not isinstance",
        "if isinstance",
    ),
    "POSIX only": (
        """
        import os, select, socket, sys
        def f(conns: list[socket.socket]):
            if sys.platform == "win32":
                raise OSError("not here")
            for s in select.select(conns, [], [])[0]:
                os.read(s.fileno(), 10)
        """,
        'sys.platform == "win32"',
        "False",
    ),
    "a module that imports a POSIX-only module": (
        """
        import os, socket
        import termios
        def f(conns: list[socket.socket]):
            for s in conns: os.close(s.fileno())
        """,
        "import termios",
        "import textwrap",
    ),
    "Winsock calls": (
        """
        import socket, win32file
        def f(conns: list[socket.socket], ov):
            for s in conns:
                win32file.WSASend(s, b"", ov, 0)
                win32file.GetOverlappedResult(s.fileno(), ov, True)
        """,
        "win32file.WSASend(s, b\"\", ov, 0)",
        "win32file.WriteFile(s.fileno(), b\"\", ov)",
    ),
}


@pytest.mark.parametrize("case", SILENCED.values(), ids=SILENCED.keys())
def test_container_look_alikes_are_silent(case: tuple[str, str, str]) -> None:
    source, old, new = case
    assert findings(source) == []
    assert old in source and findings(source.replace(old, new)) != []
