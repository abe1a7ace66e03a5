import os

from spooler import JobQueue


def test_submit_over_pipe(sock):
    r, w = sock
    q = JobQueue(w)
    q.submit(b"job-1")
    assert os.read(r, 9) == b"\x00\x00\x00\x05job-1"


def test_conn_is_a_file(conn):
    conn.write(b"x")
    conn.flush()
    os.fsync(conn.fileno())
    assert os.fstat(conn.fileno()).st_size == 1
    os.write(conn.fileno(), b"y")
