"""The review queue."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from clinic.access import clinician_required
from clinic.audit import Action, audit_request
from clinic.forms import QueueFilterForm
from clinic.presenters import queue_row
from clinic.queries import filtered_queue

PAGE_SIZE = 25


@clinician_required
@require_GET
def queue(request):
    """Submissions by priority, oldest first within each, filtered and paginated."""
    form = QueueFilterForm(request.GET)
    filters = form.filters()
    page = Paginator(filtered_queue(filters, user=request.user), PAGE_SIZE).get_page(
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
