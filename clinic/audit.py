"""Writing the audit log: who did what to which submission, from which address.

Details hold ids, references, action and field names only, never answers, names or notes,
so the log can be read by an administrator without reading anyone's health data.
The address is REMOTE_ADDR; X-Forwarded-For is believed only when
AUDIT_TRUST_X_FORWARDED_FOR says a proxy we run sets it (then its last hop is used,
the one our proxy added, since a client can put anything before it).
"""

import ipaddress

from django.conf import settings

from clinic.models import AuditEntry

Action = AuditEntry.Action


def valid_ip(value):
    """`value` as an IP address string, or None when it is not one."""
    try:
        return str(ipaddress.ip_address(value.strip()))
    except (ValueError, AttributeError):
        return None


def client_ip(request):
    """The address a request came from, as far as this deployment can trust it."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if getattr(settings, "AUDIT_TRUST_X_FORWARDED_FOR", False) and forwarded:
        address = valid_ip(forwarded.split(",")[-1])
        if address:
            return address
    return valid_ip(request.META.get("REMOTE_ADDR", ""))


def audit_record(*, actor, action, ip_address, reference="", detail=None):
    """Append one entry to the audit log and return it."""
    return AuditEntry.objects.create(
        actor=actor,
        actor_username=actor.get_username() if actor else "",
        action=action,
        reference=reference,
        detail=detail or {},
        ip_address=ip_address,
    )


def audit_request(request, action, *, reference="", detail=None):
    """Append an entry for what the signed-in user did in `request`."""
    return audit_record(
        actor=request.user,
        action=action,
        ip_address=client_ip(request),
        reference=reference,
        detail=detail,
    )
