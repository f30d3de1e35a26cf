"""Staff sessions end when the browser closes (patients' sessions keep their own age)."""

import time

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from kypho.middleware import StaffIdleTimeoutMiddleware


@receiver(user_logged_in)
def expire_at_browser_close(sender, request, user, **kwargs):
    """A signed-in session lives only as long as the browser that opened it."""
    if request is not None and hasattr(request, "session"):
        request.session.set_expiry(0)
        request.session[StaffIdleTimeoutMiddleware.SESSION_KEY] = int(time.time())
