import sys

import pytest

pytestmark = pytest.mark.skipif(sys.platform != "win32", reason="named pipes are Windows-only")


def test_pipe_transport_roundtrip():
    import win32file
    import win32pipe

    from rpcbus import PipeTransport
    from rpcbus.codec import encode_frame

    name = r"\\.\pipe\rpcbus-test"
    server_end = win32pipe.CreateNamedPipe(
        name,
        win32pipe.PIPE_ACCESS_DUPLEX,
        win32pipe.PIPE_TYPE_MESSAGE | win32pipe.PIPE_READMODE_MESSAGE | win32pipe.PIPE_WAIT,
        1, 65536, 65536, 0, None,
    )
    client = PipeTransport(name)
    frame = encode_frame({"id": 1})
    client.send_frame(frame)
    hr, data = win32file.ReadFile(server_end, 65536)
    assert data == frame
    win32file.WriteFile(server_end, frame)
    assert client.recv_frame() == frame
    client.close()
    server_end.Close()
