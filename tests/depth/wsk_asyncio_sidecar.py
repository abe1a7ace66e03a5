"""Diagnostics sidecar for the API pods.

Port 9101: line protocol, ``GET <dump-name>`` streams a heap dump.
Port 9102: asyncio Protocol, ``stat`` reports the socket inode, ``profile``
           streams a py-spy dump.
Port 9103: raw log tail for the legacy collector.
"""
import asyncio
import os
import socket
import subprocess

DUMP_DIR = os.environ.get("SIDECAR_DUMPS", "/var/lib/sidecar/dumps")


def _copy_file(fd, path):
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        sent = 0
        while chunk := f.read(64 * 1024):
            sent += os.write(fd, chunk)  # error: WSK201
    return sent == size


async def handle_dump_request(reader, writer):
    line = (await reader.readline()).decode().strip()
    verb, _, name = line.partition(" ")
    path = os.path.join(DUMP_DIR, os.path.basename(name))
    if verb != "GET" or not os.path.isfile(path):
        writer.write(b"ERR\n")
        await writer.drain()
        writer.close()
        return
    writer.write(b"OK\n")
    await writer.drain()
    sock = writer.get_extra_info("socket")
    ok = await asyncio.to_thread(_copy_file, sock.fileno(), path)
    if not ok:
        print("short write for", name)
    writer.close()
    await writer.wait_closed()


class StatProtocol(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        self.sock = transport.get_extra_info("socket")

    def data_received(self, data):
        command = data.strip()
        if command == b"profile":
            # py-spy writes its dump straight to the client.
            subprocess.Popen(["py-spy", "dump", "--pid", str(os.getpid())], stdout=self.sock)  # error: WSK301
            return
        if command != b"stat":
            self.transport.write(b"?\n")
            return
        st = os.fstat(self.sock.fileno())  # error: WSK205
        self.transport.write(f"inode={st.st_ino} mode={st.st_mode:o}\n".encode())


async def _tail(conn, stream):
    loop = asyncio.get_running_loop()
    while line := await loop.run_in_executor(None, stream.readline):
        print("legacy:", line.decode(errors="replace").rstrip())
    conn.close()


async def legacy_tail_listener(port):
    loop = asyncio.get_running_loop()
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", port))
    listener.listen()
    listener.setblocking(False)
    while True:
        conn, _addr = await loop.sock_accept(listener)
        conn.setblocking(True)
        stream = open(conn.fileno(), "rb", closefd=False)  # error: WSK203
        loop.create_task(_tail(conn, stream))


async def main():
    loop = asyncio.get_running_loop()
    dumps = await asyncio.start_server(handle_dump_request, "127.0.0.1", 9101)
    stats = await loop.create_server(StatProtocol, "127.0.0.1", 9102)
    async with dumps, stats:
        await asyncio.gather(
            dumps.serve_forever(),
            stats.serve_forever(),
            legacy_tail_listener(9103),
        )


if __name__ == "__main__":
    asyncio.run(main())
