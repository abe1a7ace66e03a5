import os
import tempfile
import threading

from pipeship import PipeSink, PipeSource

from ._marks import has_fifo, windows_only


@windows_only
def test_named_pipe_roundtrip():
    source = PipeSource("pipeship-test")
    t = threading.Thread(target=source.wait_for_writer)
    t.start()
    sink = PipeSink("pipeship-test")
    t.join(5)
    sink.write(b"record\n")
    assert source.read() == b"record\n"
    sink.close()
    source.close()


@has_fifo
def test_fifo_roundtrip():
    path = os.path.join(tempfile.gettempdir(), "pipeship-fifo-test")
    if not os.path.exists(path):
        os.mkfifo(path)
    result = {}

    def reader():
        src = PipeSource("pipeship-fifo-test")
        result["data"] = src.read()
        src.close()

    t = threading.Thread(target=reader)
    t.start()
    sink = PipeSink("pipeship-fifo-test")
    sink.write(b"record\n")
    sink.close()
    t.join(5)
    assert result["data"] == b"record\n"
