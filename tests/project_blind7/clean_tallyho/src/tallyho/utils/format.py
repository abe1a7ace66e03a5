from __future__ import annotations


def format_metric(name: str, value, kind: str, rate: float = 1.0) -> bytes:
    if any(c in name for c in ":|@\n"):
        raise ValueError(f"invalid metric name {name!r}")
    text = f"{name}:{value}|{kind}"
    if rate < 1.0:
        text += f"|@{rate:g}"
    return text.encode("utf-8")
