import os

from mirror.remote import fetch  # noqa: F401  (import smoke test)


def test_greeting(ftp_control):
    data = os.read(ftp_control.fileno(), 64)  # error: WSK201
    assert data.startswith(b"220")


def test_greeting_recv(ftp_control):
    assert ftp_control.recv(64).startswith(b"220")


def test_spool_roundtrip(spool):
    os.write(spool, b"artefact")
    os.fsync(spool)
    os.lseek(spool, 0, os.SEEK_SET)
    assert os.read(spool, 8) == b"artefact"
    os.ftruncate(spool, 0)


def test_forked_child_stdout(ftp_control):
    if hasattr(os, "fork"):
        pid = os.fork()
        if pid == 0:
            os.dup2(ftp_control.fileno(), 1)
            os._exit(0)
        os.waitpid(pid, 0)
