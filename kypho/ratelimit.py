"""A per-address rate limit kept in the shared cache, so it holds across workers and hosts.

A fixed window per address: `cache.add` opens the window and `cache.incr` counts in it.
On Redis both are atomic; on the database cache they are close to it (a burst may let a
request or two more through), which is why production should set REDIS_URL.
"""

import time

from django.core.cache import cache

from kypho.net import client_ip


def hit(request, *, scope, limit, window):
    """Count one request for this address; return seconds to wait if over `limit`, else 0."""
    now = int(time.time())
    window_start = now - now % window
    key = f"ratelimit:{scope}:{client_ip(request)}:{window_start}"
    cache.add(key, 0, timeout=window + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.set(key, 1, timeout=window + 5)
        count = 1
    if count > limit:
        return window_start + window - now
    return 0
