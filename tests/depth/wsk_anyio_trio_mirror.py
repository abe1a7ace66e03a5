"""portmirror: copy a TCP conversation to a capture file and a tap process.

The default server runs on anyio; ``--trio`` uses trio directly and sends
the tap's report to a remote analyzer.
"""
import os
import socket
import subprocess
import sys

import anyio
import anyio.to_thread
import trio

CAPTURE = os.environ.get("PORTMIRROR_CAPTURE", "capture.bin")
TAP_CMD = ["tcpflow-report", "--stdin"]


def _capture(conn, capture_path):
    with conn, open(capture_path, "ab") as cap:
        while True:
            chunk = os.read(conn.fileno(), 65536)  # error: WSK201
            if not chunk:
                break
            cap.write(chunk)
            conn.sendall(chunk)


async def _handle_anyio(conn):
    await anyio.to_thread.run_sync(_capture, conn, CAPTURE)


async def serve_anyio(port):
    listener = socket.create_server(("127.0.0.1", port))
    listener.setblocking(False)
    async with anyio.create_task_group() as tg:
        while True:
            await anyio.wait_socket_readable(listener)
            try:
                conn, _addr = listener.accept()
            except BlockingIOError:
                continue
            conn.setblocking(True)
            tg.start_soon(_handle_anyio, conn)


async def run_tap_remote(host, port):
    """The analyzer listens on host:port; the tap writes its report to it."""
    analyzer = await trio.open_tcp_stream(host, port)
    tap = subprocess.Popen(TAP_CMD, stdin=subprocess.PIPE, stdout=analyzer.socket)  # error: WSK301
    return tap


async def serve_trio(port, analyzer_host, analyzer_port):
    tap = await run_tap_remote(analyzer_host, analyzer_port)

    async def handler(stream):
        async with stream:
            async for chunk in stream:
                tap.stdin.write(chunk)
                await stream.send_all(chunk)

    try:
        await trio.serve_tcp(handler, port, host="127.0.0.1")
    finally:
        tap.stdin.close()
        tap.wait()


if __name__ == "__main__":
    listen_port = int(os.environ.get("PORTMIRROR_PORT", "9000"))
    if "--trio" in sys.argv:
        trio.run(serve_trio, listen_port, "analyzer.internal", 7777)
    else:
        anyio.run(serve_anyio, listen_port)
