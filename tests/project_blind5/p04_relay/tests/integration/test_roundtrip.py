import os
import subprocess
import sys


def test_read_raw(accepted, client):
    client.sendall(b"x")
    assert os.read(accepted.fileno(), 1) == b"x"  # error: WSK201


def test_child_writes_to_client(client, accepted):
    subprocess.check_call([sys.executable, "-c", "print('hi')"], stdout=client.fileno())  # error: WSK301
    assert accepted.recv(3) == b"hi\n"


def test_upstream_as_file(relay_obj, listener):
    conn, _ = listener.accept()
    conn.sendall(b"line\n")
    with open(relay_obj.upstream.fileno(), "rb", closefd=False) as fh:  # error: WSK203
        assert fh.readline() == b"line\n"
    conn.close()


def test_log_written(logfile):
    os.write(logfile.fileno(), b"ok\n")
    logfile.flush()
