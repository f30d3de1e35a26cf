"""Fixtures shared by every test module."""

import uuid

import pytest

from education.loader import load_topics

# What a driver says when the server is gone (tests check it never reaches a page or log).
UNREACHABLE = "could not connect to server"


@pytest.fixture(autouse=True)
def english_to_begin_with():
    """Each test starts in English: a request to a Spanish page leaves Spanish active on
    the thread, and the next test's `reverse()` would give /es/ addresses."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def topics(db):
    """The education content exactly as shipped, loaded the way `make run` loads it."""
    load_topics()
    from education.models import Topic

    return Topic.objects.all()


def forget_own_keys(cache):
    """Delete this cache's keys (those under its KEY_PREFIX) and nobody else's.

    A Redis may be shared with a running site or another test run: `cache.clear()` would
    empty the whole database. Other backends live in this process or this test database.
    """
    client = getattr(cache, "_cache", None)
    if client is None or not hasattr(client, "get_client"):
        cache.clear()
        return
    redis = client.get_client(write=True)
    keys = list(redis.scan_iter(match=f"{cache.key_prefix}:*", count=1000))
    if keys:
        redis.delete(*keys)


@pytest.fixture(autouse=True, scope="session")
def own_cache_keys():
    """Give this test run a cache key prefix of its own, so it never meets others' keys."""
    from django.conf import settings
    from django.test import override_settings

    caches = {name: dict(options) for name, options in settings.CACHES.items()}
    for options in caches.values():
        options["KEY_PREFIX"] = f"{options.get('KEY_PREFIX', '')}-test-{uuid.uuid4().hex}"
    with override_settings(CACHES=caches):
        yield


def forget_cached_state():
    """Empty what this test run cached: its shared keys, pages, fallback counters."""
    from django.core.cache import cache

    from education.cache import clear_local_pages
    from kypho.ratelimit import local_counts

    forget_own_keys(cache)
    clear_local_pages()
    local_counts.clear()


@pytest.fixture(autouse=True)
def clear_cache(own_cache_keys):
    """Each test starts with an empty cache (rate-limit counters live there)."""
    forget_cached_state()
    yield
    forget_cached_state()


@pytest.fixture
def database_down_later():
    """A function that makes every query fail from then on, as if the server were gone.

    Its own patch, undone when this fixture ends: before the test database's teardown
    (requested first), whatever order other fixtures created pytest's `monkeypatch` in.
    """
    from django.db import OperationalError
    from django.db.backends.utils import CursorWrapper

    def broken(*args, **kwargs):
        raise OperationalError(UNREACHABLE)

    patch = pytest.MonkeyPatch()
    yield lambda: patch.setattr(CursorWrapper, "execute", broken)
    patch.undo()


@pytest.fixture
def database_down(database_down_later):
    """Every query fails as if the database server were unreachable."""
    database_down_later()


@pytest.fixture
def cache_down(settings):
    """The shared cache is a Redis that nobody answers (a closed port on loopback)."""
    from education.cache import clear_local_pages
    from ops.server import free_port

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/12",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    clear_local_pages()
    yield
    clear_local_pages()
