from __future__ import annotations

import hashlib
import hmac
import time

WINDOW = 30


def make_token(secret: bytes, now: float | None = None) -> str:
    slot = int((time.time() if now is None else now) // WINDOW)
    mac = hmac.new(secret, str(slot).encode("ascii"), hashlib.sha256).hexdigest()
    return f"{slot}:{mac}"


def verify_token(secret: bytes, token: str, now: float | None = None) -> bool:
    slot_text, _, mac = token.partition(":")
    if not slot_text.isdigit():
        return False
    current = int((time.time() if now is None else now) // WINDOW)
    if abs(current - int(slot_text)) > 1:
        return False
    expected = hmac.new(secret, slot_text.encode("ascii"), hashlib.sha256).hexdigest()
    return hmac.compare_digest(mac, expected)
