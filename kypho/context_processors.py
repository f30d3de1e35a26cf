"""Template context every page needs: who the clinic is and how to reach it."""

import re

from django.conf import settings


def clinic(request):
    """Expose the clinic's name, phone (with a dialable `tel:` form) and emergency message."""
    return {
        "clinic_name": settings.CLINIC_NAME,
        "clinic_phone": settings.CLINIC_PHONE,
        "clinic_phone_tel": re.sub(r"[^0-9+]", "", settings.CLINIC_PHONE),
        "clinic_emergency_message": settings.CLINIC_EMERGENCY_MESSAGE,
    }
