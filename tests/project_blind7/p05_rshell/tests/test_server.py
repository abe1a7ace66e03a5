import os
import sys

import pytest


def _read_all(sess):
    chunks = []
    while True:
        data = sess.sock.recv(65536)
        if not data:
            break
        chunks.append(data)
    return b"".join(chunks)


@pytest.mark.parametrize("text", ["hello", "two words"])
def test_echo_command(session, text):
    session.send_line(f"echo {text}")
    out = _read_all(session)
    assert text.encode() in out
    assert out.rstrip().endswith(b"EXIT 0")


def test_exit_status(session):
    session.send_line("exit 3")
    assert _read_all(session).rstrip().endswith(b"EXIT 3")


@pytest.mark.skipif(os.name == "nt", reason="CRT descriptors are not socket handles on Windows")
def test_session_descriptor_not_inheritable(session):
    assert not os.get_inheritable(session.sock.fileno())


@pytest.mark.skipif(sys.platform != "win32", reason="Windows inheritance flags")
def test_session_handle_not_inheritable(session):
    assert not os.get_handle_inheritable(session.sock.fileno())
