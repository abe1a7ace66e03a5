"""Twisted front door that hands long-running sessions to worker processes.

The front door speaks a tiny handshake; once the client asks for a
``bulk`` session the connection is passed to a worker and forgotten.
"""
import multiprocessing
import os
from multiprocessing import reduction

from twisted.internet import protocol, reactor
from twisted.protocols.basic import LineReceiver
from twisted.python import log

WORKERS = []


def worker_main(pipe):
    """Worker: receives connection handles over ``pipe``."""
    while True:
        handle = reduction.recv_handle(pipe)
        log.msg("worker got handle %d" % handle)


class FrontDoor(LineReceiver):
    delimiter = b"\n"

    def connectionMade(self):
        self.peer = self.transport.getPeer()
        log.msg("front door: %s" % self.peer.host)

    def lineReceived(self, line):
        if line == b"bulk":
            self.handoff()
        elif line == b"ping":
            self.sendLine(b"pong")
        else:
            self.sendLine(b"unknown")

    def handoff(self):
        sock = self.transport.getHandle()
        fd = os.dup(sock.fileno())  # error: WSK202
        worker_pipe, worker_pid = self.factory.pick_worker()
        reduction.send_handle(worker_pipe, sock.fileno(), worker_pid)  # error: WSK103
        log.msg("handed %s to worker %d (dup %d)" % (self.peer.host, worker_pid, fd))
        self.transport.abortConnection()


class FrontDoorFactory(protocol.ServerFactory):
    protocol = FrontDoor

    def __init__(self, workers):
        self.workers = workers
        self.next = 0

    def pick_worker(self):
        conn, proc = self.workers[self.next % len(self.workers)]
        self.next += 1
        return conn, proc.pid


class ControlProtocol(protocol.ProcessProtocol):
    """Talks to a helper over its stdio; getHandle() is not a socket here."""

    def connectionMade(self):
        self.transport.write(b"status\n")

    def outReceived(self, data):
        log.msg("helper: %r" % data)


def start_workers(count=2):
    for _ in range(count):
        parent_end, child_end = multiprocessing.Pipe()
        proc = multiprocessing.Process(target=worker_main, args=(child_end,), daemon=True)
        proc.start()
        WORKERS.append((parent_end, proc))
    return WORKERS


def main():
    import sys

    log.startLogging(sys.stdout)
    reactor.listenTCP(7100, FrontDoorFactory(start_workers()))
    reactor.spawnProcess(ControlProtocol(), "helper.exe", ["helper.exe"])
    reactor.run()


if __name__ == "__main__":
    main()
