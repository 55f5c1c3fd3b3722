"""The page cache shared through Redis with a copy in each process (core/cache.py)."""

import socket
import uuid

import pytest
from django.core.cache import InvalidCacheBackendError

from plenary.core import health
from plenary.core.cache import LocalFirst

REDIS = "redis://127.0.0.1:6379/14"


def _redis_up() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), 1).close()
    except OSError:
        return False
    return True


pytestmark = pytest.mark.skipif(not _redis_up(), reason="no Redis on 127.0.0.1:6379")


def _process(location: str = REDIS, prefix: str | None = None) -> LocalFirst:
    """One app process's cache: its own local copies, the shared Redis."""
    return LocalFirst(
        "",
        {
            "OPTIONS": {
                "SHARED": {
                    "BACKEND": "django.core.cache.backends.redis.RedisCache",
                    "LOCATION": location,
                    "KEY_PREFIX": prefix or f"test-{uuid.uuid4().hex}",
                },
                "LOCAL_ENTRIES": 10,
            }
        },
    )


def test_an_entry_one_process_stored_is_read_by_another_then_kept_locally():
    prefix = f"test-{uuid.uuid4().hex}"
    first, second = _process(prefix=prefix), _process(prefix=prefix)
    first.set("page:g1", b"<html>", 60)

    assert second.local.get("page:g1") is None
    assert second.get("page:g1") == b"<html>"  # from Redis
    assert second.local.get("page:g1") == b"<html>"  # now kept in the process
    # A hit needs no round trip: the shared copy gone, the local one answers.
    second.shared.delete("page:g1")
    assert second.get("page:g1") == b"<html>"
    assert first.get("page:missing", "none") == "none"
    first.clear()
    second.clear()


def test_a_delete_or_a_clear_empties_both_copies_of_this_process():
    cache = _process()
    cache.set("a", 1, 60)
    cache.set("b", 2, 60)
    assert cache.add("b", 3, 60) is False
    assert cache.add("c", 3, 60) is True

    assert cache.delete("a") is True
    assert cache.get("a") is None and cache.shared.get("a") is None
    cache.clear()
    assert [cache.get(key) for key in ("b", "c")] == [None, None]
    assert cache.shared.get("b") is None


def test_the_local_copies_are_bounded():
    cache = _process()
    for n in range(30):
        cache.set(f"k{n}", n, 60)

    assert sum(cache.local.get(f"k{n}") is not None for n in range(30)) <= 10
    assert cache.get("k0") == 0  # still in Redis
    cache.clear()


def test_a_shared_cache_that_is_down_fails_the_health_check(settings, monkeypatch):
    down = _process(location="redis://127.0.0.1:1/0")
    monkeypatch.setattr(health, "caches", {"pages": down})
    settings.CACHES = {"pages": {}}

    ok, detail = health.cache()

    assert not ok and detail == "down: pages"


def test_a_configuration_without_the_shared_cache_is_refused():
    with pytest.raises(InvalidCacheBackendError, match="SHARED"):
        LocalFirst("", {"OPTIONS": {"LOCAL_ENTRIES": 5}})


def test_a_page_another_process_is_rendering_is_waited_for_not_rendered_again(monkeypatch):
    import threading

    from plenary.core import page_cache

    prefix = f"test-{uuid.uuid4().hex}"
    renderer, waiter = _process(prefix=prefix), _process(prefix=prefix)

    assert page_cache._kept_or_claimed(renderer, "page:g2") == (None, True)
    # The other process misses the same page meanwhile: it waits for the renderer's answer.
    threading.Timer(0.05, lambda: renderer.set("page:g2", b"<html>", 60)).start()
    assert page_cache._kept_or_claimed(waiter, "page:g2") == (b"<html>", False)
    page_cache._release(renderer, "page:g2", True)
    assert renderer.shared.get("page:g2:claim") is None

    # A claim that ends without an answer (the page was not kept): the waiter renders it.
    assert page_cache._kept_or_claimed(renderer, "page:g3") == (None, True)
    threading.Timer(0.05, lambda: page_cache._release(renderer, "page:g3", True)).start()
    assert page_cache._kept_or_claimed(waiter, "page:g3") == (None, False)

    # A claim held past the wait (a renderer that died): the waiter renders it too.
    monkeypatch.setattr(page_cache, "WAIT_SECONDS", 0.05)
    assert page_cache._kept_or_claimed(renderer, "page:g4") == (None, True)
    assert page_cache._kept_or_claimed(waiter, "page:g4") == (None, False)
    # Only the holder of a claim releases it.
    page_cache._release(waiter, "page:g4", False)
    assert renderer.shared.get("page:g4:claim") == 1
    renderer.clear()
