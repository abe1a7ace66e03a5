"""Connection handlers for the asyncio server in server.py."""
import asyncio

import compat


async def handle_client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    line = await reader.readline()
    sock = writer.get_extra_info("socket")
    if line.startswith(b"RAW"):
        compat.write_handle(sock.fileno(), b"+OK raw\r\n")  # error: WSK102
    else:
        writer.write(b"+OK\r\n")
        await writer.drain()
    writer.close()
    await writer.wait_closed()
