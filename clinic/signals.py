"""What the clinic does when something happens elsewhere.

Staff sessions end when the browser closes (patients' sessions keep their own age). A
stored urgent or likely submission gets its outbox message in the submission's own
transaction, as does the patient's confirmation when they chose to hear by email, and a
task to send each once that commits: the patient's request never waits on mail, and a
lost task is made up for by the periodic sweep (`clinic.tasks`).
"""

import time
from functools import partial

from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.dispatch import receiver

from clinic.confirmations import confirmation_enqueue
from clinic.notifications import notification_enqueue
from clinic.tasks import deliver_notification
from kypho.middleware import StaffIdleTimeoutMiddleware
from screening.signals import submission_stored


@receiver(user_logged_in)
def expire_at_browser_close(sender, request, user, **kwargs):
    """A signed-in session lives only as long as the browser that opened it."""
    if request is not None and hasattr(request, "session"):
        request.session.set_expiry(0)
        request.session[StaffIdleTimeoutMiddleware.SESSION_KEY] = int(time.time())
        request.session.pop(StaffIdleTimeoutMiddleware.SIGNED_OUT_KEY, None)


@receiver(submission_stored)
def notify_clinic(sender, submission, **kwargs):
    """Queue the clinic's email with the submission; enqueue its sending after commit."""
    send_after_commit(notification_enqueue(submission=submission))


@receiver(submission_stored)
def confirm_to_patient(sender, submission, **kwargs):
    """Queue the patient's confirmation with the submission; send it after commit."""
    send_after_commit(confirmation_enqueue(submission=submission))


def send_after_commit(message):
    if message is not None:
        transaction.on_commit(partial(deliver_notification.enqueue, message.pk), robust=True)
