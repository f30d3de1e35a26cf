"""The client's address, as far as this deployment can trust it.

REMOTE_ADDR, unless that peer is one of TRUSTED_PROXIES (DJANGO_TRUSTED_PROXIES); then
X-Forwarded-For is walked from the right, past every trusted proxy, and the first address
that is not one is the client (the rightmost hops are the ones our proxies added; a client
can put anything to the left of them). This is the usual algorithm of proxies that restore
the real address (nginx's real_ip_recursive, for one). Used by the audit log, the
submission rate limit and the sign-in lock-out alike.
"""

import ipaddress

from django.conf import settings


def valid_ip(value):
    """`value` as an IP address string, or None when it is not one."""
    try:
        return str(ipaddress.ip_address(value.strip()))
    except (ValueError, AttributeError):
        return None


def is_trusted_proxy(address):
    """Whether `address` (a valid IP string) is one of the configured proxies."""
    ip = ipaddress.ip_address(address)
    return any(ip in network for network in settings.TRUSTED_PROXIES)


def client_ip(request):
    """The address a request came from (None when there is no valid one)."""
    address = valid_ip(request.META.get("REMOTE_ADDR", ""))
    if not address or not is_trusted_proxy(address):
        return address
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for hop in reversed(hops):
        hop_address = valid_ip(hop)
        if hop_address is None:
            break  # a malformed hop: trust nothing to its left
        address = hop_address
        if not is_trusted_proxy(address):
            break
    return address
