"""Writing the audit log: who did what to which submission, from which address.

Details hold ids, references, action and field names only, never answers, names or notes,
so the log can be read by an administrator without reading anyone's health data.
The address comes from `kypho.net.client_ip` (REMOTE_ADDR unless a trusted proxy passes on
X-Forwarded-For).
"""

from clinic.models import AuditEntry
from kypho.net import client_ip

Action = AuditEntry.Action


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
