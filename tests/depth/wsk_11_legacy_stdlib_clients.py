# -*- coding: utf-8 -*-
"""
netprobe.py - connectivity probes for the branch-office monitor.

Originally written for Python 2.6 and ported with 2to3; please keep it
runnable on the old monitoring boxes.
"""
import ftplib
import http.client
import os
import smtplib
import socket
import stat
import time

import win32file

DEFAULT_TIMEOUT = 10


class Probe(object):
    name = "base"

    def __init__(self, host, port, timeout=DEFAULT_TIMEOUT):
        self.host = host
        self.port = port
        self.timeout = timeout
        self.started = None

    def run(self):
        self.started = time.time()
        try:
            return self.check()
        except (socket.error, IOError) as e:
            return "%s FAIL %s:%d %s" % (self.name, self.host, self.port, e)

    def check(self):
        raise NotImplementedError


class FtpProbe(Probe):
    name = "ftp"

    def check(self):
        ftp = ftplib.FTP()
        ftp.connect(self.host, self.port, self.timeout)
        st = os.fstat(ftp.sock.fileno())  # error: WSK205
        mode = "socket" if stat.S_ISSOCK(st.st_mode) else "other"
        ftp.quit()
        return "%s OK %s (%s)" % (self.name, self.host, mode)


class SmtpProbe(Probe):
    name = "smtp"

    def check(self):
        server = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
        handle = win32file._get_osfhandle(server.sock.fileno())  # error: WSK204
        code, banner = server.noop()
        server.quit()
        return "%s OK %s %d handle=%r" % (self.name, self.host, code, handle)


class HttpProbe(Probe):
    name = "http"

    def check(self):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        conn.request("HEAD", "/")
        resp = conn.getresponse()
        resp.read()
        # peek whatever the server pushed after the response (keep-alive check)
        conn.sock.setblocking(0)
        try:
            raw = open(conn.sock.fileno(), "rb", buffering=0, closefd=False)  # error: WSK203
            extra = raw.read(1)
        except (IOError, OSError):
            extra = None
        conn.close()
        return "%s OK %s %d extra=%r" % (self.name, self.host, resp.status, extra)


class TcpProbe(Probe):
    name = "tcp"

    def __init__(self, host, port, timeout=DEFAULT_TIMEOUT):
        super(TcpProbe, self).__init__(host, port, timeout)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.settimeout(timeout)

    def check(self):
        self.sock.connect((self.host, self.port))
        backup = os.dup(self.sock.fileno())  # error: WSK202
        self.sock.close()
        return "%s OK %s:%d (fd %d)" % (self.name, self.host, self.port, backup)


PROBES = {"ftp": FtpProbe, "smtp": SmtpProbe, "http": HttpProbe, "tcp": TcpProbe}


def main(argv):
    for spec in argv[1:]:
        kind, host, port = spec.split(":")
        print(PROBES[kind](host, int(port)).run())


if __name__ == "__main__":
    import sys
    main(sys.argv)
