"""The client's address, as far as this deployment can trust it.

REMOTE_ADDR, unless TRUST_X_FORWARDED_FOR says a proxy we run sets X-Forwarded-For; then
its last hop (the one our proxy added; a client can put anything before it). Used by the
audit log, the submission rate limit and the sign-in lock-out alike.
"""

import ipaddress

from django.conf import settings


def valid_ip(value):
    """`value` as an IP address string, or None when it is not one."""
    try:
        return str(ipaddress.ip_address(value.strip()))
    except (ValueError, AttributeError):
        return None


def client_ip(request):
    """The address a request came from (None when there is no valid one)."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.TRUST_X_FORWARDED_FOR and forwarded:
        address = valid_ip(forwarded.split(",")[-1])
        if address:
            return address
    return valid_ip(request.META.get("REMOTE_ADDR", ""))
