"""Server entry point."""
from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from .proto import IngestProtocol


@dataclass
class Sink:
    debug_tap: bool = False
    records: list[bytes] = field(default_factory=list)

    def feed(self, data: bytes) -> None:
        self.records.extend(line for line in data.splitlines() if line)


async def serve(host: str = "0.0.0.0", port: int = 9125, sink: Sink | None = None) -> None:
    sink = sink or Sink()
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: IngestProtocol(sink), host, port)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(serve())
