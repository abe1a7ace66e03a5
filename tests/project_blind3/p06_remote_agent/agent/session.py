"""A maintenance session: read a command, run it, stream its output back."""
import subprocess

from agent import transport
from agent._k32 import duplicate_for, read_chunk
from agent.local import transport as local_transport


def run_remote(host, port):
    conn = transport.connect(host, port)
    with conn:
        argv = read_chunk(conn).decode("utf-8").split()  # error: WSK101
        child = subprocess.Popen(argv, stdout=conn.fileno(), stderr=subprocess.STDOUT)  # error: WSK301
        return child.wait()


def run_local(pipe_name):
    pipe = local_transport.connect(pipe_name)
    with pipe:
        argv = read_chunk(pipe).decode("utf-8").split()
        child = subprocess.Popen(argv, stdout=pipe.fileno(), stderr=subprocess.STDOUT)
        return child.wait()


def run_remote_relayed(host, port):
    conn = transport.connect(host, port)
    with conn:
        argv = conn.recv(4096).decode("utf-8").split()
        child = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        for chunk in iter(lambda: child.stdout.read(4096), b""):
            conn.sendall(chunk)
        return child.wait()


def hand_to_elevated(host, port, helper_pid):
    conn = transport.connect(host, port)
    return duplicate_for(conn, helper_pid)
