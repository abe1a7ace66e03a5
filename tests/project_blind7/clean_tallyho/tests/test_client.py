import pytest

from tallyho.utils.format import format_metric


@pytest.mark.parametrize(
    "call,expected",
    [
        (lambda s: s.incr("hits"), b"test.hits:1|c"),
        (lambda s: s.gauge("load", 0.5), b"test.load:0.5|g"),
        (lambda s: s.timing("render", 12.0), b"test.render:12.0|ms"),
    ],
)
def test_emits(stats, udp_receiver, call, expected):
    call(stats)
    assert udp_receiver.recv(512) == expected


@pytest.mark.parametrize("name", ["a:b", "a|b", "x@y", "new\nline"])
def test_bad_names(name):
    with pytest.raises(ValueError):
        format_metric(name, 1, "c")


def test_sample_rate_suffix():
    assert format_metric("x", 1, "c", 0.25) == b"x:1|c|@0.25"
