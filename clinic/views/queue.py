"""The review queue, its CSV export, and the dashboard."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from clinic import dashboard, exports
from clinic.access import clinician_required
from clinic.audit import Action, audit_request
from clinic.forms import QueueFilterForm
from clinic.pagination import CappedPaginator
from clinic.presenters import queue_row
from clinic.queries import filtered_queue

PAGE_SIZE = 25


@clinician_required
@require_GET
def queue(request):
    """Submissions by priority, oldest first within each, filtered and paginated."""
    form = QueueFilterForm(request.GET)
    filters = form.filters()
    page = CappedPaginator(filtered_queue(filters, user=request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    audit_request(request, Action.VIEW_QUEUE, detail={"page": page.number, "filters": [*filters]})
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "rows": [queue_row(submission) for submission in page],
        "query": query.urlencode(),
    }
    return render(request, "clinic/queue_list.html", context)


@clinician_required
@require_GET
def queue_export(request):
    """The filtered queue as CSV (every page), for the clinic's own systems."""
    form = QueueFilterForm(request.GET)
    filters = form.filters()
    submissions = filtered_queue(filters, user=request.user)
    audit_request(request, Action.EXPORT_CSV, detail={"filters": [*filters]})
    return exports.csv_response(submissions)


@clinician_required
@require_GET
def dashboard_view(request):
    """Counts by outcome and status, weekly submissions, and time to first review."""
    return render(request, "clinic/dashboard_page.html", dashboard.dashboard_context())
