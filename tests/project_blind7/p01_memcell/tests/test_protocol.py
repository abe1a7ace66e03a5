import pytest

from memcell.protocol import ProtocolError, check_reply, encode_storage, parse_value_line


@pytest.mark.parametrize(
    "line,expected",
    [
        (b"VALUE k 0 3", ("k", 0, 3, None)),
        (b"VALUE key 5 10 99", ("key", 5, 10, 99)),
    ],
)
def test_parse_value_line(line, expected):
    assert parse_value_line(line) == expected


@pytest.mark.parametrize("line", [b"VALUE", b"STORED", b"VALUE k x 3"])
def test_parse_value_line_rejects(line):
    with pytest.raises((ProtocolError, ValueError)):
        parse_value_line(line)


def test_encode_storage_noreply():
    assert encode_storage(b"set", b"k", b"v", noreply=True) == b"set k 0 0 1 noreply\r\nv\r\n"


def test_check_reply_server_error():
    with pytest.raises(ProtocolError):
        check_reply(b"SERVER_ERROR out of memory", b"STORED")
