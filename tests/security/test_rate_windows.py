"""The rate limit's counts last their whole window on every cache, and IPv6 counts by /64."""

import time
from datetime import UTC, datetime

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory

from kypho import ratelimit

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_cache(settings):
    """The database cache production uses without Redis, with its table made."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "kypho_rate_test_cache",
            "KEY_PREFIX": "rate-test",
        }
    }
    call_command("createcachetable", verbosity=0)
    yield caches["default"]
    caches["default"].clear()


def test_a_count_on_the_database_cache_outlives_the_default_timeout(database_cache, monkeypatch):
    """The database cache's incr would reset the key to the 5-minute default: an address
    could then send 10 every 5 minutes instead of 10 an hour."""
    start = 1_800_000_000  # the start of an hour-long window
    monkeypatch.setattr(time, "time", lambda: start + 10)
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.7")
    for _ in range(3):
        assert ratelimit.hit(request, scope="send", limit=3, window=3600) == 0
    with connection.cursor() as cursor:
        cursor.execute("SELECT expires FROM kypho_rate_test_cache")
        (expires,) = cursor.fetchone()
    if isinstance(expires, str):  # SQLite hands back the text it stored
        expires = datetime.fromisoformat(expires)
    window_end = datetime.fromtimestamp(start + 3600, tz=UTC)
    assert expires.replace(tzinfo=UTC) >= window_end
    assert ratelimit.hit(request, scope="send", limit=3, window=3600) > 0


def test_ipv6_addresses_of_one_network_share_a_count():
    first = RequestFactory().post("/", REMOTE_ADDR="2001:db8:1:2::1")
    second = RequestFactory().post("/", REMOTE_ADDR="2001:db8:1:2::c")
    other = RequestFactory().post("/", REMOTE_ADDR="2001:db8:1:3::1")
    assert ratelimit.hit(first, scope="v6", limit=1, window=3600) == 0
    assert ratelimit.hit(second, scope="v6", limit=1, window=3600) > 0
    assert ratelimit.hit(other, scope="v6", limit=1, window=3600) == 0
