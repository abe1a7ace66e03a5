"""asyncio streams server for the print-queue gateway.

Office printers speak raw port-9100 protocol; the gateway accepts jobs and
spools them. A watchdog process can adopt a stuck job's connection.
"""
import asyncio
import logging
import os
import subprocess
import sys

log = logging.getLogger("printgw")

SPOOL = os.environ.get("PRINT_SPOOL", "spool")


class Job:
    def __init__(self, job_id, writer):
        self.job_id = job_id
        self.writer = writer
        self.sock = writer.get_extra_info("socket")
        self.bytes = 0

    def adopt_handle(self):
        """Give the watchdog its own descriptor for the connection."""
        return os.dup(self.sock.fileno())  # error: WSK202

    def spool_path(self):
        return os.path.join(SPOOL, "%06d.prn" % self.job_id)


class Gateway:
    def __init__(self):
        self.next_id = 1
        self.jobs = {}

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
        job = Job(self.next_id, writer)
        self.next_id += 1
        self.jobs[job.job_id] = job
        fd = os.open(job.spool_path(), os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        try:
            while True:
                chunk = await reader.read(65536)
                if not chunk:
                    break
                os.write(fd, chunk)
                job.bytes += len(chunk)
        finally:
            os.close(fd)
            writer.close()
            await writer.wait_closed()
            del self.jobs[job.job_id]
        log.info("job %d: %d bytes", job.job_id, job.bytes)

    def start_watchdog(self, job_id):
        job = self.jobs[job_id]
        cmd = [sys.executable, "-m", "printgw.watchdog", str(job_id)]
        return subprocess.Popen(cmd, stdin=job.sock)  # error: WSK301

    def stats(self):
        return {job_id: job.bytes for job_id, job in self.jobs.items()}


async def status_probe(host: str, port: int) -> bool:
    reader, writer = await asyncio.open_connection(host, port)
    sock = writer.get_extra_info("socket")
    log.debug("probe blocking=%s", os.get_blocking(sock.fileno()))  # error: WSK205
    writer.write(b"\x1b%-12345X@PJL INFO STATUS\r\n")
    await writer.drain()
    data = await reader.read(256)
    writer.close()
    return b"READY" in data


async def main(port=9100):
    gw = Gateway()
    server = await asyncio.start_server(gw.handle, "0.0.0.0", port)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    asyncio.run(main())
