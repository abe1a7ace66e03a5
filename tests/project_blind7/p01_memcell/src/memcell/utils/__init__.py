from .hashing import crc32_bucket, validate_key
from .retry import retry

__all__ = ["crc32_bucket", "retry", "validate_key"]
