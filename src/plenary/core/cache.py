"""A shared cache with a copy in each process, for entries that never change under their key.

The page cache's keys hold the generations of the records a page read (core/page_cache.py),
and a user's kept grants are keyed by their grants version (core/permissions.py): what is
stored under such a key is the same whichever process stores it, and a change to the records
changes the key rather than the entry. So each app process may keep what it read from the
shared cache (Redis) and answer the next request for that key from its own memory, without
a round trip; a key no process has used for a while leaves the local copy first (least
recently used), and every entry still expires with its timeout.

    CACHES["pages"] = {
        "BACKEND": "plenary.core.cache.LocalFirst",
        "OPTIONS": {"SHARED": {<the shared cache's settings>}, "LOCAL_ENTRIES": 2000},
    }

Never for entries rewritten under the same key (counters, locks, the login throttle): those
live in a cache without a local copy ("default").
"""

from django.core.cache import InvalidCacheBackendError
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.cache.backends.locmem import LocMemCache
from django.utils.module_loading import import_string


def shared(cache: BaseCache) -> BaseCache:
    """The cache every process sees behind `cache`: its shared one for a LocalFirst, else
    `cache` itself. What is rewritten under one key (a claim, a health check) goes there."""
    return getattr(cache, "shared", cache)


class LocalFirst(BaseCache):
    def __init__(self, location, params):
        options = dict(params.get("OPTIONS") or {})
        shared = options.pop("SHARED", None)
        if not shared or "BACKEND" not in shared:
            raise InvalidCacheBackendError("LocalFirst: OPTIONS['SHARED'] names no BACKEND")
        entries = int(options.pop("LOCAL_ENTRIES", 2000))
        super().__init__({**params, "OPTIONS": options})
        shared = dict(shared)
        backend = import_string(shared.pop("BACKEND"))
        self.shared = backend(shared.pop("LOCATION", ""), shared)
        # One local store per process and cache: LocMemCache shares by its location.
        self.local = LocMemCache(
            f"plenary-local-first-{id(self)}",
            {"TIMEOUT": params.get("TIMEOUT", 300), "OPTIONS": {"MAX_ENTRIES": entries}},
        )

    def get(self, key, default=None, version=None):
        missing = object()
        found = self.local.get(key, missing, version)
        if found is not missing:
            return found
        found = self.shared.get(key, missing, version)
        if found is missing:
            return default
        # The shared copy's remaining life is not read (a round trip): the local one lives
        # the cache's timeout at most, which is harmless for an entry that never changes.
        self.local.set(key, found, self.default_timeout, version)
        return found

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self.shared.set(key, value, timeout, version)
        self.local.set(key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        added = self.shared.add(key, value, timeout, version)
        if added:
            self.local.set(key, value, timeout, version)
        return added

    def delete(self, key, version=None):
        local = self.local.delete(key, version)
        return self.shared.delete(key, version) or local

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        self.local.touch(key, timeout, version)
        return self.shared.touch(key, timeout, version)

    def has_key(self, key, version=None):
        return self.local.has_key(key, version) or self.shared.has_key(key, version)

    def clear(self):
        """Empties the shared cache and this process's copies (another process's copies
        are under keys no request builds again: the records' generations moved on, or the
        processes were stopped, as for a restore)."""
        self.local.clear()
        self.shared.clear()

    def close(self, **kwargs):
        self.shared.close(**kwargs)
