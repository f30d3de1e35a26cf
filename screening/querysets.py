"""Reads of submissions, named for what the clinic asks of them."""

from django.db import models


class SubmissionQuerySet(models.QuerySet):
    def review_queue(self):
        """Every submission, most urgent first and oldest first within a priority."""
        return self.select_related("location", "assigned_to").order_by("priority", "created_at")

    def awaiting_review(self):
        """Submissions nobody has decided or closed yet."""
        return self.filter(status__in=["new", "in_review"])
