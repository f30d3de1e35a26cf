"""Ready-made words for the questionnaire's templates: how long answers are kept, and a
reference as a screen reader should say it."""

from django import template
from django.conf import settings

from screening import references, wording

register = template.Library()


@register.simple_tag
def retention_period():
    """How long the clinic keeps a submission, in plain words (`2 years`)."""
    return wording.plain_period(settings.SUBMISSION_RETENTION_DAYS)


@register.filter
def spoken_reference(reference):
    """`K7F3-9QXM-2ABD` as `K 7 F 3, 9 Q X M, 2 A B D`, for screen readers."""
    return references.spoken(reference)
