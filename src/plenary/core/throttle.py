"""Counting requests in the shared cache, so that several app processes share one count.

`hit` counts one request under a key and says whether it is still within the limit. The
"default" cache is Redis in production (CACHE_URL; `check --deploy` refuses a per-process
cache with several processes), so a limit holds across every process.
"""

import hashlib

from django.core.cache import caches


def hit(key: str, limit: int, window_seconds: int) -> bool:
    """Count one request under `key`; True while at most `limit` were counted in the
    window (fixed: it starts at the first request)."""
    cache = caches["default"]
    name = "throttle:" + hashlib.sha256(key.encode()).hexdigest()
    if cache.add(name, 1, timeout=window_seconds):
        return True
    try:
        count = cache.incr(name)
    except ValueError:  # expired between add and incr
        cache.add(name, 1, timeout=window_seconds)
        count = 1
    return count <= limit
