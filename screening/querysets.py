"""Reads of submissions, named for what the clinic asks of them."""

from datetime import datetime, time, timedelta

from django.db import models
from django.utils import timezone

from screening import references
from screening.eligibility.vocabulary import PRIORITY


class SubmissionQuerySet(models.QuerySet):
    """Reads of submissions for the clinician pages, as `Submission.objects`."""

    def review_queue(self):
        """Every submission, most urgent first and oldest first within a priority."""
        return self.select_related("location", "assigned_to").order_by("priority", "created_at")

    def with_outcome(self, outcome):
        """Submissions whose effective outcome is `outcome` (the stored priority follows
        a clinician's override, so this is the (priority, created_at) index)."""
        return self.filter(priority=PRIORITY[outcome])

    def submitted_between(self, start=None, end=None):
        """Submissions sent on or after the day `start` and on or before the day `end`
        (dates in the clinic's time zone; as datetime bounds, so the index applies)."""
        queryset = self
        if start:
            queryset = queryset.filter(created_at__gte=start_of_day(start))
        if end:
            queryset = queryset.filter(created_at__lt=start_of_day(end + timedelta(days=1)))
        return queryset

    def search(self, text):
        """Submissions whose reference, name, email or phone contains `text`, or whose
        reference `text` is, however typed (see `references.canonical`)."""
        text = text.strip()
        if not text:
            return self
        matches = (
            models.Q(reference__icontains=text)
            | models.Q(full_name__icontains=text)
            | models.Q(email__icontains=text)
            | models.Q(phone__icontains=text)
        )
        reference = references.canonical(text)
        return self.filter(matches | models.Q(reference=reference) if reference else matches)


def start_of_day(day):
    """Midnight at the start of `day` in the current time zone, as an aware datetime."""
    return timezone.make_aware(datetime.combine(day, time.min))
