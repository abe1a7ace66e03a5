import os
import socket

import share


def test_dup(peer):
    d = share.clone(peer)
    assert d.fileno() != peer.sock.fileno()
    d.close()


def test_share_roundtrip(peer):
    blob = peer.sock.share(os.getpid())
    s = socket.fromshare(blob)
    s.close()


def test_inheritable(peer):
    peer.sock.set_inheritable(False)
    assert not peer.sock.get_inheritable()
    os.set_handle_inheritable(peer.handle, False)


def test_makefile(peer):
    with peer.sock.makefile("wb") as f:
        f.write(b"ok")
