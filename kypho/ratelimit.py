"""Counters in fixed time windows, kept in the shared cache so they hold across workers
and hosts: the per-address rate limit of the questionnaire, and the sign-in lock-out's
address-wide and account-wide failure counts.

`cache.add` opens a window and `cache.incr` counts in it. On Redis both are atomic; on
the database cache they are close to it (a burst may let a request or two more through),
which is why production should set REDIS_URL.

When the shared cache fails (Redis down, say), patients can still send and clinicians can
still sign in: the count goes on in this process's memory, so each worker still holds the
limit on its own, and an error is logged. The limit is then per worker rather than per
site until the cache is back.
"""

import ipaddress
import logging
import time

from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

from kypho.net import client_ip

logger = logging.getLogger(__name__)
# This process's fallback counters, used only while the shared cache fails.
local_counts = LocMemCache("kypho-ratelimit-fallback", {"OPTIONS": {"MAX_ENTRIES": 10000}})


def window_key(scope, ident, window, now):
    """The cache key of `ident`'s count in the window holding `now`, and that window's start."""
    window_start = now - now % window
    return f"ratelimit:{scope}:{ident}:{window_start}", window_start


def add_to(store, key, timeout, add):
    """Add `add` to `key` in `store` (opening its window if needed); return the new count.

    Only Redis keeps a key's expiry through `incr`: the other caches' `incr` is a get and a
    set that would give the key the default timeout, so they are told the window's again.
    """
    if not add:
        return store.get(key, 0)
    store.add(key, 0, timeout=timeout)
    try:
        total = store.incr(key, add)
    except ValueError:  # the key expired between add and incr
        store.set(key, add, timeout=timeout)
        return add
    if not isinstance(store, RedisCache):
        store.touch(key, timeout=timeout)
    return total


def count(*, scope, ident, window, add=0):
    """Add `add` to `ident`'s count in the current window and return the count."""
    now = int(time.time())
    key, window_start = window_key(scope, ident, window, now)
    timeout = window_start + window + 5 - now
    try:
        return add_to(caches["default"], key, timeout, add)
    except Exception as exc:  # any failure of the cache server or its client
        logger.error(
            "Rate limit: the shared cache failed (%s); counting in this process instead.",
            type(exc).__name__,
        )
        return add_to(local_counts, key, timeout, add)


def address_ident(address):
    """Who a request counts against: its IPv4 address, or its IPv6 /64 network (one home or
    one phone holds a whole /64, so counting single IPv6 addresses counts nothing)."""
    if address and ":" in address:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return address


def hit(request, *, scope, limit, window):
    """Count one request for this address; return seconds to wait if over `limit`, else 0."""
    ident, now = address_ident(client_ip(request)), int(time.time())
    if count(scope=scope, ident=ident, window=window, add=1) > limit:
        _key, window_start = window_key(scope, ident, window, now)
        return window_start + window - now
    return 0
