"""Sign-in lock-out: django-axes per account and address, plus two wider limits.

1. django-axes locks one account from one address after AXES_FAILURE_LIMIT wrong
   passwords (`AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]`). A success clears
   only that same pair's failures, so signing in to one's own account never clears the
   failures against another (axes' reset-on-success deletes every attempt its lock-out
   parameters match; with the pair that is exactly the pair).
2. An address is locked after SIGN_IN_ADDRESS_FAILURE_LIMIT failures for any accounts,
   high enough that typos from a whole clinic behind one address never reach it.
3. An account is locked after SIGN_IN_ACCOUNT_FAILURE_LIMIT failures from all addresses
   together, which caps guessing from many addresses (OWASP ASVS 2.2.1: at most 100
   failed attempts an hour on one account).

The wider two are counted in the shared cache for the axes cool-off (a fixed window);
a success never clears them. Every limit answers with axes' locked page (429).
"""

import hashlib

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from django.conf import settings

from kypho import ratelimit


def window_seconds():
    return int(settings.AXES_COOLOFF_TIME * 3600)


def wide_counters(request, credentials):
    """(scope, ident, limit) of the address-wide and, with a username, account-wide count."""
    counters = [
        ("sign-in-address", request.axes_ip_address, settings.SIGN_IN_ADDRESS_FAILURE_LIMIT)
    ]
    username = get_client_username(request, credentials)
    if username:
        # Hashed: the cache holds no username; lower-cased: case games count as one.
        ident = hashlib.sha256(username.strip().lower().encode()).hexdigest()
        counters.append(("sign-in-account", ident, settings.SIGN_IN_ACCOUNT_FAILURE_LIMIT))
    return counters


def wide_limit_reached(request, credentials, *, add=0):
    """Count `add` more failures on each wide counter; True if any is at its limit."""
    reached = False
    for scope, ident, limit in wide_counters(request, credentials):
        total = ratelimit.count(scope=scope, ident=ident, window=window_seconds(), add=add)
        reached = reached or total >= limit
    return reached


class SignInLockoutHandler(AxesDatabaseHandler):
    """Axes' database handler, also locking on the address-wide and account-wide counts."""

    def is_locked(self, request, credentials=None):
        if super().is_locked(request, credentials):
            return True
        return settings.AXES_LOCK_OUT_AT_FAILURE and wide_limit_reached(request, credentials)

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is None or self.is_whitelisted(request, credentials):
            return
        if wide_limit_reached(request, credentials, add=1):
            request.axes_locked_out = True
            request.axes_credentials = credentials
