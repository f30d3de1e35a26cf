"""The review queue, its CSV export, and the dashboard."""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from clinic import dashboard, exports, searches
from clinic.access import clinician_required
from clinic.audit import Action, audit_request
from clinic.forms import QueueFilterForm
from clinic.pagination import CappedPaginator
from clinic.presenters import queue_row
from clinic.queries import filtered_queue

PAGE_SIZE = 25
EXPIRED_SEARCH = gettext_lazy("That search has ended. Type it again and choose Apply filters.")


def bound_filter_form(request):
    """The filter form bound to the query string and the session's search text."""
    data, expired = searches.filter_data(request)
    form = QueueFilterForm(data)
    filters = form.filters()
    if expired:
        form.add_error("q", EXPIRED_SEARCH)
    return form, filters


@clinician_required
@require_POST
def queue_search(request):
    """Keep the search text in the session; redirect to the queue with its opaque id."""
    names = [name for name in QueueFilterForm.base_fields if name != "q"]
    query = searches.redirect_query(request.session, request.POST, names)
    url = reverse("clinic:queue")
    return redirect(f"{url}?{query}" if query else url)


@clinician_required
@require_GET
def queue(request):
    """Submissions by priority, oldest first within each, filtered and paginated."""
    form, filters = bound_filter_form(request)
    page = CappedPaginator(filtered_queue(filters, user=request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    audit_request(request, Action.VIEW_QUEUE, detail={"page": page.number, "filters": [*filters]})
    context = {
        "form": form,
        "page": page,
        "rows": [queue_row(submission) for submission in page],
        "query": searches.link_query(request),
    }
    return render(request, "clinic/queue_list.html", context)


@clinician_required
@require_GET
def queue_export(request):
    """The filtered queue as CSV (every page), for the clinic's own systems."""
    _form, filters = bound_filter_form(request)
    submissions = filtered_queue(filters, user=request.user)
    audit_request(request, Action.EXPORT_CSV, detail={"filters": [*filters]})
    return exports.csv_response(submissions)


@clinician_required
@require_GET
def dashboard_view(request):
    """Counts by outcome and status, weekly submissions, and time to first review."""
    return render(request, "clinic/dashboard_page.html", dashboard.dashboard_context())
