def parse_hostport(text, default_host="127.0.0.1"):
    """Parse ``host:port``, ``[v6]:port`` or ``port``."""
    text = text.strip()
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        if not rest.startswith(":"):
            raise ValueError(f"missing port in {text!r}")
        return host, int(rest[1:])
    if ":" not in text:
        return default_host, int(text)
    host, _, port = text.rpartition(":")
    if not port.isdigit():
        raise ValueError(f"bad port in {text!r}")
    return host or default_host, int(port)
