"""Run with ``pytest benchmarks -p benchmarks.plugins``; the ftp_control fixture there wraps a
recorded capture file, not a socket (tests/conftest.py does not apply to this folder)."""
import os


def test_read_speed(benchmark, ftp_control):
    def read_once():
        return os.read(ftp_control.fileno(), 64)

    benchmark(read_once)


def test_fstat(ftp_control):
    assert os.fstat(ftp_control.fileno()).st_size > 0
