"""Synthetic probes for the on-call dashboard.

Each probe talks to one backend, records latency and a few facts about the
connection, and returns a dict that the dashboard renders as a row.
"""
import ftplib
import http.client
import os
import smtplib
import time


def socket_facts(fd):
    st = os.fstat(fd)  # error: WSK205
    return {
        "fd": fd,
        "inode": st.st_ino,
        "inheritable": os.get_inheritable(fd),  # error: WSK205
    }


def probe_http(host, port=443, path="/healthz"):
    conn = http.client.HTTPSConnection(host, port, timeout=5)
    started = time.perf_counter()
    try:
        conn.request("GET", path, headers={"User-Agent": "oncall-probe/1.4"})
        resp = conn.getresponse()
        resp.read()
        row = {"ok": resp.status == 200, "status": resp.status}
        row.update(socket_facts(conn.sock.fileno()))
    except (OSError, http.client.HTTPException) as exc:
        row = {"ok": False, "error": str(exc)}
    finally:
        conn.close()
    row["latency_ms"] = round((time.perf_counter() - started) * 1000, 1)
    return row


def probe_smtp(host, port=25):
    started = time.perf_counter()
    with smtplib.SMTP(host, port, timeout=5) as smtp:
        code, _banner = smtp.ehlo()
        tls = smtp.has_extn("starttls")
        if tls:
            smtp.starttls()
            smtp.ehlo()
        row = {"ok": code == 250, "tls": tls}
        row.update(socket_facts(smtp.sock.fileno()))
    row["latency_ms"] = round((time.perf_counter() - started) * 1000, 1)
    return row


def probe_ftp(host):
    started = time.perf_counter()
    ftp = ftplib.FTP(host, timeout=5)
    try:
        ftp.login()
        # Some servers send an unsolicited line after login; read whatever
        # is pending so that the next command's reply lines up.
        ftp.sock.setblocking(False)
        try:
            pending = os.read(ftp.sock.fileno(), 512)  # error: WSK201
        except BlockingIOError:
            pending = b""
        finally:
            ftp.sock.setblocking(True)
        ftp.voidcmd("NOOP")
        row = {"ok": True, "pending_bytes": len(pending)}
    except ftplib.all_errors as exc:
        row = {"ok": False, "error": str(exc)}
    finally:
        ftp.close()
    row["latency_ms"] = round((time.perf_counter() - started) * 1000, 1)
    return row


PROBES = {
    "web": lambda: probe_http("status.internal"),
    "mail": lambda: probe_smtp("mx1.internal"),
    "ftp": lambda: probe_ftp("drop.internal"),
}


def run_all():
    return {name: probe() for name, probe in PROBES.items()}


if __name__ == "__main__":
    for name, row in run_all().items():
        print(f"{name:6} {row}")
