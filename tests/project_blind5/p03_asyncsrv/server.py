"""Probe server: asyncio front end plus a blocking probe."""
import asyncio

import handlers
import netutil
from compat import read_handle


async def serve(port: int) -> None:
    server = await asyncio.start_server(handlers.handle_client, "127.0.0.1", port)
    async with server:
        await server.serve_forever()


def blocking_probe(port: int):
    conn, addr = netutil.accept_one(netutil.open_listener(port))
    data = read_handle(conn.fileno(), 4096)  # error: WSK101
    conn.close()
    return addr, data


if __name__ == "__main__":
    asyncio.run(serve(8765))
