"""Embedded HTTP debug endpoint plus outbound health checks.

Serves large trace dumps; the "fast path" writes straight to the
connection's descriptor to avoid copying through wfile.
"""
import ftplib
import http.client
import http.server
import logging
import os
import smtplib
import threading

log = logging.getLogger("debugsrv")

TRACE_DIR = os.environ.get("TRACE_DIR", "traces")


class TraceHandler(http.server.BaseHTTPRequestHandler):
    server_version = "trace/1.0"

    def do_GET(self):
        path = os.path.join(TRACE_DIR, os.path.basename(self.path))
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        except FileNotFoundError:
            self.send_error(404)
            return
        try:
            size = os.fstat(fd).st_size
            self.send_response(200)
            self.send_header("Content-Length", str(size))
            self.end_headers()
            self.wfile.flush()
            while True:
                chunk = os.read(fd, 1 << 16)
                if not chunk:
                    break
                os.write(self.connection.fileno(), chunk)  # error: WSK201
        finally:
            os.close(fd)

    def do_HEAD(self):
        self.send_response(200)
        self.end_headers()
        os.fsync(self.request.fileno())  # error: WSK205

    def log_message(self, fmt, *args):
        log.info("%s - %s", self.client_address[0], fmt % args)


def check_upstream(host, port=80):
    conn = http.client.HTTPConnection(host, port, timeout=5)
    conn.connect()
    os.set_inheritable(conn.sock.fileno(), False)  # error: WSK205
    conn.request("GET", "/healthz")
    status = conn.getresponse().status
    conn.close()
    return status == 200


def check_ftp(host):
    ftp = ftplib.FTP(host, timeout=5)
    try:
        ftp.login()
        return os.get_blocking(ftp.sock.fileno())  # error: WSK205
    finally:
        ftp.quit()


def check_smtp(host):
    with smtplib.SMTP(host, 25, timeout=5) as smtp:
        code, _ = smtp.noop()
        log.debug("smtp fd flags: %s", os.fstat(smtp.sock.fileno()))  # error: WSK205
        return code == 250


def serve(port=8765):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), TraceHandler)
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    return httpd
