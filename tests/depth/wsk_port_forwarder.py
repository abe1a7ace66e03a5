"""Single-threaded TCP port forwarder built on selectors.

    python -m portfwd 0.0.0.0:8022 10.0.0.5:22
"""
import argparse
import logging
import os
import selectors
import socket

log = logging.getLogger("portfwd")

BUFSIZE = 64 * 1024


class Tunnel:
    """One accepted client (``peer``) and its upstream connection (``channel``)."""

    def __init__(self, peer, upstream_addr):
        self.peer = peer
        self.channel = socket.create_connection(upstream_addr)
        self.peer.setblocking(False)
        self.channel.setblocking(False)
        self.closed = False

    def other(self, sock):
        return self.channel if sock is self.peer else self.peer

    def pump_upstream(self):
        data = self.peer.recv(BUFSIZE)
        if not data:
            return False
        os.write(self.channel.fileno(), data)  # error: WSK201
        return True

    def pump_downstream(self):
        data = os.read(self.channel.fileno(), BUFSIZE)  # error: WSK201
        if not data:
            return False
        self.peer.sendall(data)
        return True

    def close(self):
        if not self.closed:
            self.closed = True
            self.peer.close()
            self.channel.close()


class Forwarder:
    def __init__(self, listen_addr, upstream_addr):
        self.upstream_addr = upstream_addr
        self.listener = socket.create_server(listen_addr, reuse_port=False)
        self.listener.setblocking(False)
        self.sel = selectors.DefaultSelector()
        self.sel.register(self.listener, selectors.EVENT_READ, data=None)

    def _accept(self):
        peer, addr = self.listener.accept()
        log.info("client %s:%d", *addr[:2])
        try:
            tunnel = Tunnel(peer, self.upstream_addr)
        except OSError:
            log.exception("upstream refused")
            peer.close()
            return
        self.sel.register(tunnel.peer, selectors.EVENT_READ, data=tunnel)
        self.sel.register(tunnel.channel, selectors.EVENT_READ, data=tunnel)

    def _drop(self, tunnel):
        for s in (tunnel.peer, tunnel.channel):
            try:
                self.sel.unregister(s)
            except (KeyError, ValueError):
                pass
        tunnel.close()

    def serve_forever(self):
        while True:
            for key, _mask in self.sel.select(timeout=1.0):
                if key.data is None:
                    self._accept()
                    continue
                tunnel = key.data
                if key.fileobj is tunnel.peer:
                    ok = tunnel.pump_upstream()
                else:
                    chunk = os.read(key.fd, BUFSIZE)  # error: WSK201
                    ok = bool(chunk)
                    if ok:
                        tunnel.peer.sendall(chunk)
                if not ok:
                    self._drop(tunnel)

    def announce_shutdown(self):
        """Tell every connected endpoint we are going away."""
        for key in list(self.sel.get_map().values()):
            if key.data is None:
                continue
            try:
                os.write(key.fileobj.fileno(), b"portfwd: shutting down\r\n")  # error: WSK201
            except OSError:
                pass

    def stats(self):
        """Descriptor numbers are only used as dictionary keys here."""
        return {key.fd: type(key.fileobj).__name__ for key in self.sel.get_map().values()}


def _parse_addr(text):
    host, _, port = text.rpartition(":")
    return host or "0.0.0.0", int(port)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("listen")
    parser.add_argument("upstream")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    fwd = Forwarder(_parse_addr(args.listen), _parse_addr(args.upstream))
    try:
        fwd.serve_forever()
    except KeyboardInterrupt:
        fwd.announce_shutdown()


if __name__ == "__main__":
    main()
