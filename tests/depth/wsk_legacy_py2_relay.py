# -*- coding: utf-8 -*-
#
# tcprelay.py -- forward a local TCP port to a remote host:port
#
# Copyright (c) 2003-2008 the tcprelay authors.
# Released under the MIT license.
#
# 2019: ported to Python 3 (print function, "except ... as", bytes).
# The structure and the select() loop are otherwise unchanged.
"""Usage: tcprelay.py [-v] [-g] [-t seconds] listenport host:port

  -v   verbose (repeat for more)
  -g   the remote server talks first; log its greeting line
  -t   idle timeout in seconds (default 300)
"""

import errno
import getopt
import os
import select
import socket
import sys
import time

__version__ = "1.4.2"

verbose = 0


def log(fmt, *args):
    if verbose:
        sys.stderr.write("[%s] %s\n" % (time.strftime("%H:%M:%S"), fmt % args))


def usage(msg=None):
    if msg:
        sys.stderr.write("tcprelay: %s\n" % msg)
    sys.stderr.write(__doc__ + "\n")
    sys.exit(2)


class Relay:
    def __init__(self, port, target, timeout=300, greeting=False):
        self.port = port
        self.target = target
        self.timeout = timeout
        self.greeting = greeting
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)

    def serve_forever(self):
        self.sock.bind(("", self.port))
        self.sock.listen(5)
        log("listening on port %d, relaying to %s:%d", self.port, self.target[0], self.target[1])
        while 1:
            try:
                self.serve_one()
            except socket.error as e:
                if e.args and e.args[0] == errno.EINTR:
                    continue
                log("error: %s", e)

    def serve_one(self):
        client, addr = self.sock.accept()
        log("connection from %s:%d", addr[0], addr[1])
        remote = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            remote.connect(self.target)
        except socket.error as e:
            log("cannot reach %s:%d: %s", self.target[0], self.target[1], e)
            client.close()
            return
        if self.greeting:
            # line-oriented servers (SMTP, POP3, FTP) talk first; log the banner
            banner = os.fdopen(remote.fileno(), "rb", 0, closefd=False)  # error: WSK203
            line = banner.readline()
            log("banner: %r", line)
            client.sendall(line)
        cfd = client.fileno()
        rfd = remote.fileno()
        try:
            while 1:
                r, w, x = select.select([cfd, rfd], [], [], self.timeout)
                if not r:
                    log("idle for %d seconds, closing", self.timeout)
                    break
                if cfd in r:
                    data = os.read(cfd, 8192)  # error: WSK201
                    if not data:
                        break
                    remote.sendall(data)
                if rfd in r:
                    try:
                        data = remote.recv(8192)
                    except socket.error as e:
                        log("remote error: %s", e)
                        break
                    if not data:
                        break
                    os.write(cfd, data)  # error: WSK201
        finally:
            client.close()
            remote.close()
            log("connection from %s:%d closed", addr[0], addr[1])


def main(argv=None):
    global verbose
    if argv is None:
        argv = sys.argv[1:]
    try:
        opts, args = getopt.getopt(argv, "vgt:h", ["help", "version"])
    except getopt.error as msg:
        usage(str(msg))
    timeout = 300
    greeting = False
    for o, a in opts:
        if o == "-v":
            verbose = verbose + 1
        elif o == "-g":
            greeting = True
        elif o == "-t":
            timeout = int(a)
        elif o == "--version":
            print("tcprelay %s" % __version__)
            return 0
        else:
            usage()
    if len(args) != 2:
        usage("wrong number of arguments")
    try:
        port = int(args[0])
        host, rport = args[1].rsplit(":", 1)
        rport = int(rport)
    except ValueError:
        usage("bad port number")
    Relay(port, (host, rport), timeout, greeting).serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
