"""Hand accepted connections to multiprocessing workers (Windows)."""
from __future__ import annotations

import sys
from multiprocessing import reduction

from .net import accepted

if sys.platform == "win32":
    import _winapi

    def hand_to_worker(listener, worker_conn, worker_pid: int) -> None:
        """Accept one client and send a duplicated handle to the worker."""
        with accepted(listener) as conn:
            dh = reduction.DupHandle(  # error: WSK103
                conn.fileno(),
                _winapi.GENERIC_READ | _winapi.GENERIC_WRITE,
                worker_pid,
            )
            worker_conn.send(dh)

    def hand_socket_to_worker(listener, worker_conn) -> None:
        """The supported way: the socket object pickles through resource_sharer."""
        with accepted(listener) as conn:
            worker_conn.send(conn)
