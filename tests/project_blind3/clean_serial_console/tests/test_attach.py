import os


def test_pipe_write(sock):
    assert os.write(sock, b"ping") == 4


def test_log_descriptor(logfile):
    os.fsync(logfile.fileno())
    assert not os.isatty(logfile.fileno())


def test_by_name(request):
    fd = request.getfixturevalue("sock")
    os.write(fd, b"x")
