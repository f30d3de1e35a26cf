"""The patient's own email after sending the questionnaire, in the language they used.

It says that the answers arrived, gives the reference and the clinic's phone, and what
happens next. It carries no answer and no outcome: whoever reads the inbox learns only
that the questions were answered. It goes through the outbox, like the clinic's email.
"""

from django.template.loader import render_to_string
from django.utils import timezone, translation

from clinic.models import OutboxMessage
from kypho.context_processors import clinic as clinic_details


def confirmation_enqueue(*, submission):
    """Queue the patient's confirmation when they chose to hear by email (call in the
    submission's transaction); return the message, or None."""
    if submission.contact_method != submission.ContactMethod.EMAIL or not submission.email:
        return None
    with translation.override(submission.language):
        context = {**clinic_details(None), "reference": submission.reference}
        subject = render_to_string("screening/emails/confirmation_subject.txt", context)
        body = render_to_string("screening/emails/confirmation_body.txt", context)
    return OutboxMessage.objects.create(
        submission=submission,
        recipients=[submission.email],
        subject=" ".join(subject.split()),
        body=body.strip() + "\n",
        next_attempt_at=timezone.now(),
    )
