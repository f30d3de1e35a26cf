"""One submission: the review page."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from clinic.access import clinician_required
from clinic.audit import Action, audit_request
from clinic.presenters import detail_context
from screening.models import Submission


def get_submission(reference):
    """The submission with its location and assignee, or 404."""
    queryset = Submission.objects.select_related("location", "assigned_to")
    return get_object_or_404(queryset, reference=reference)


@clinician_required
@require_GET
def submission_detail(request, reference):
    """Everything about one submission, and the forms to act on it; the view is audited."""
    submission = get_submission(reference)
    audit_request(request, Action.VIEW, reference=submission.reference)
    return render(
        request, "clinic/submission_detail.html", detail_context(submission, request.user)
    )
