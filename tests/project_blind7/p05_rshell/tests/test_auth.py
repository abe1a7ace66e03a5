import pytest

from rshell.utils.auth import make_token, verify_token


@pytest.mark.parametrize("skew", [-30, 0, 29])
def test_token_accepted_within_window(skew):
    token = make_token(b"k", now=1_000_000)
    assert verify_token(b"k", token, now=1_000_000 + skew)


@pytest.mark.parametrize("token", ["", "abc", "12:deadbeef"])
def test_bad_tokens(token):
    assert not verify_token(b"k", token, now=1_000_000)
