import os
import socket

from tallyho import MeteredSocket, UDPTransport

from ._marks import posix_only, windows_only


def test_send_fast(udp_receiver):
    t = UDPTransport(*udp_receiver.getsockname()[:2])
    try:
        t.send_fast(b"fast:1|c")
        assert udp_receiver.recv(64) == b"fast:1|c"
    finally:
        t.close()


@posix_only
def test_receive_on_descriptor(udp_receiver):
    t = UDPTransport(*udp_receiver.getsockname()[:2])
    try:
        t.send(b"x:1|c")
        assert os.read(udp_receiver.fileno(), 64) == b"x:1|c"
    finally:
        t.close()


@windows_only
def test_share_roundtrip(udp_receiver):
    clone = socket.fromshare(udp_receiver.share(os.getpid()))
    try:
        sender = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        sender.sendto(b"y:1|c", udp_receiver.getsockname())
        assert clone.recv(64) == b"y:1|c"
        sender.close()
    finally:
        clone.close()


def test_metered_socket(udp_receiver):
    with MeteredSocket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.connect(udp_receiver.getsockname())
        s.send_metric(b"m:1|c")
        s.send_metric_fd(b"m:2|c")
        assert s.sent_bytes == 10
