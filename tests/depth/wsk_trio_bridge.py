"""trio-based bridge between a local TCP port and a serial-to-TCP gateway.

Keeps one upstream connection and fans client traffic into it.
"""
import logging
import os
import sys

import trio

log = logging.getLogger("trio_bridge")

UPSTREAM = ("192.168.7.2", 4001)


async def open_upstream():
    sock = trio.socket.socket(trio.socket.AF_INET, trio.socket.SOCK_STREAM)
    await sock.connect(UPSTREAM)
    os.set_inheritable(sock.fileno(), False)  # error: WSK205
    return sock


def log_stream_info(stream: trio.SocketStream) -> None:
    handle = stream.socket.fileno()
    st = os.fstat(handle)  # error: WSK205
    log.info("client handle %d mode %o", handle, st.st_mode)


def raw_write(stream: trio.SocketStream, data: bytes) -> int:
    """Called from a worker thread to bypass trio's send lock."""
    return os.write(stream.socket.fileno(), data)  # error: WSK201


async def pump(client: trio.SocketStream, upstream) -> None:
    async with client:
        async for chunk in client:
            await upstream.send(chunk)
            await trio.to_thread.run_sync(raw_write, client, b"+OK\n")


async def handler(client: trio.SocketStream) -> None:
    log_stream_info(client)
    upstream = await open_upstream()
    try:
        await pump(client, upstream)
    finally:
        upstream.close()


async def status_page(port: int) -> None:
    """Plain HTTP status for the monitoring box."""
    stream = await trio.open_tcp_stream("127.0.0.1", port)
    async with stream:
        await stream.send_all(b"GET /status HTTP/1.0\r\n\r\n")
        body = b""
        async for chunk in stream:
            body += chunk
        log.info("status: %s", body[:80])


async def copy_stdin(sock_fd) -> None:
    """Reads a descriptor handed in by the launcher script (stdin by default)."""
    while True:
        data = await trio.to_thread.run_sync(os.read, sock_fd, 1024)
        if not data:
            return


async def main(port: int = 9400) -> None:
    await trio.serve_tcp(handler, port)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    try:
        trio.run(main, int(sys.argv[1]) if len(sys.argv) > 1 else 9400)
    except KeyboardInterrupt:
        pass
