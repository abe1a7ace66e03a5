import pytest

from portfwd.utils.addr import parse_hostport


@pytest.mark.parametrize(
    "text,expected",
    [
        ("8080", ("127.0.0.1", 8080)),
        ("db:5432", ("db", 5432)),
        (":22", ("127.0.0.1", 22)),
        ("[::1]:9000", ("::1", 9000)),
    ],
)
def test_parse(text, expected):
    assert parse_hostport(text) == expected


@pytest.mark.parametrize("text", ["host:", "[::1]", "a:b"])
def test_parse_errors(text):
    with pytest.raises(ValueError):
        parse_hostport(text)
