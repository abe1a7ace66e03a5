import subprocess
import sys


def test_noop(smtp):
    code, _ = smtp.noop()
    assert code == 250


def test_pipe_session(smtp):
    subprocess.run([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=smtp.sock, timeout=5)  # error: WSK301
