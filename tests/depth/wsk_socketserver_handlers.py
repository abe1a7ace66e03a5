"""socketserver-based services for the test-lab controller.

* ``ReportServer`` accepts JSON reports from bench machines.
* ``ConsoleHandler`` exposes a diagnostic command on a second port.
* ``BeaconHandler`` answers UDP discovery beacons.
"""
import json
import logging
import os
import socketserver
import subprocess
import threading

log = logging.getLogger("labctl")


class ReportServer(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True

    def server_bind(self):
        super().server_bind()
        os.set_inheritable(self.socket.fileno(), False)  # error: WSK205
        log.info("reports on %s:%d", *self.server_address)


class ReportHandler(socketserver.BaseRequestHandler):
    def handle(self):
        raw = b""
        while True:
            chunk = os.read(self.request.fileno(), 4096)  # error: WSK201
            if not chunk:
                break
            raw += chunk
        try:
            report = json.loads(raw)
        except ValueError:
            log.warning("bad report from %s", self.client_address[0])
            return
        log.info("bench %s: %s", report.get("bench"), report.get("status"))
        self.request.sendall(b"ok")


class ConsoleHandler(socketserver.StreamRequestHandler):
    def handle(self):
        command = self.rfile.readline().decode().strip()
        if command != "diag":
            self.wfile.write(b"unknown command\n")
            return
        subprocess.run(["labdiag.exe", "--all"], stdout=self.connection, stderr=self.connection)  # error: WSK301


class BeaconHandler(socketserver.BaseRequestHandler):
    """UDP: ``self.request`` is (data, socket)."""

    def handle(self):
        data, sock = self.request
        if data.startswith(b"DISCOVER"):
            sock.sendto(b"LABCTL 1", self.client_address)


class ArchiveHandler(socketserver.StreamRequestHandler):
    """Saves uploaded logs; the output file is named sock for historical reasons."""

    def handle(self):
        name = os.path.basename(self.rfile.readline().decode().strip()) or "upload.log"
        sock = os.open(os.path.join("archive", name), os.O_WRONLY | os.O_CREAT)
        try:
            for line in self.rfile:
                os.write(sock, line)
        finally:
            os.close(sock)


def serve_all(host="0.0.0.0"):
    reports = ReportServer((host, 6100), ReportHandler)
    console = socketserver.TCPServer((host, 6101), ConsoleHandler)
    beacons = socketserver.UDPServer((host, 6102), BeaconHandler)
    archive = socketserver.ThreadingTCPServer((host, 6103), ArchiveHandler)
    threads = []
    for server in (reports, console, beacons, archive):
        t = threading.Thread(target=server.serve_forever, daemon=True)
        t.start()
        threads.append(t)
    return threads


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    for t in serve_all():
        t.join()
