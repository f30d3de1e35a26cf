"""Reads the clinician pages compose: the filtered queue and who counts as a clinician."""

from django.contrib.auth import get_user_model
from django.db.models import Q

from screening.models import Submission

PERMISSION = "screening.review_submission"


def clinicians():
    """Active accounts holding the review permission (by group, directly, or superuser)."""
    app_label, codename = PERMISSION.split(".")
    holds = {
        "permissions__codename": codename,
        "permissions__content_type__app_label": app_label,
    }
    by_group = Q(**{f"groups__{key}": value for key, value in holds.items()})
    direct = Q(**{f"user_{key}": value for key, value in holds.items()})
    users = get_user_model().objects.filter(is_active=True)
    matching = users.filter(by_group | direct | Q(is_superuser=True)).values("pk")
    return users.filter(pk__in=matching).order_by("first_name", "last_name", "username")


def filtered_queue(filters, *, user):
    """The review queue narrowed by a `QueueFilterForm`'s valid filters."""
    queue = Submission.objects.review_queue()
    if "outcome" in filters:
        queue = queue.with_outcome(filters["outcome"])
    if "status" in filters:
        queue = queue.filter(status=filters["status"])
    if "location" in filters:
        queue = queue.filter(location=filters["location"])
    if "language" in filters:
        queue = queue.filter(language=filters["language"])
    if filters.get("assignee") == "me":
        queue = queue.filter(assigned_to=user)
    elif filters.get("assignee") == "nobody":
        queue = queue.filter(assigned_to__isnull=True)
    queue = queue.submitted_between(filters.get("submitted_from"), filters.get("submitted_to"))
    return queue.search(filters.get("q", ""))
