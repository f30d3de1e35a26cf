"""The dashboard's numbers: counts by outcome and status, and the last 12 weeks.

Outcomes are the effective ones (after any override). Time to first review runs from
submission to the first time a clinician moved it out of `new` or decided it; its median
is over the submissions of the last 12 weeks that have been reviewed.
"""

import statistics
from datetime import timedelta

from django.db.models import Count
from django.utils import formats, timezone

from clinic import charts
from clinic.workflow import OUTCOME_BY_PRIORITY, OUTCOME_LABELS
from screening.models import Submission
from screening.querysets import start_of_day

WEEKS = 12


def outcome_counts():
    """[(label, count)] for every outcome, in queue order."""
    counts = dict(Submission.objects.values_list("priority").annotate(n=Count("pk")))
    return [
        (OUTCOME_LABELS[outcome], counts.get(p, 0)) for p, outcome in OUTCOME_BY_PRIORITY.items()
    ]


def status_counts():
    """[(label, count)] for every status, in workflow order."""
    counts = dict(Submission.objects.values_list("status").annotate(n=Count("pk")))
    return [(label, counts.get(value, 0)) for value, label in Submission.Status.choices]


def week_starts(today):
    monday = today - timedelta(days=today.weekday())
    return [monday - timedelta(weeks=n) for n in range(WEEKS - 1, -1, -1)]


def weekly(today=None):
    """[(monday, submissions, median review hours or None)] for the last 12 weeks."""
    mondays = week_starts(today or timezone.localdate())
    rows = Submission.objects.filter(created_at__gte=start_of_day(mondays[0]))
    buckets = {monday: [] for monday in mondays}
    for created, reviewed in rows.values_list("created_at", "first_reviewed_at"):
        day = timezone.localtime(created).date()
        buckets[day - timedelta(days=day.weekday())].append(reviewed and reviewed - created)
    return [(monday, len(items), median_hours(items)) for monday, items in buckets.items()]


def median_hours(durations):
    """Median of the durations that are not None, in hours (one decimal), or None."""
    hours = [d.total_seconds() / 3600 for d in durations if d is not None]
    return round(statistics.median(hours), 1) if hours else None


def dashboard_context():
    weeks = weekly()
    outcomes, statuses = outcome_counts(), status_counts()
    week_items = [(formats.date_format(monday, "M j"), count) for monday, count, _median in weeks]
    return {
        "outcomes": outcomes,
        "statuses": statuses,
        "weeks": weeks,
        "outcome_chart": charts.horizontal_bars(outcomes),
        "status_chart": charts.horizontal_bars(statuses),
        "week_chart": charts.columns(week_items),
        "median_hours": overall_median(),
    }


def overall_median():
    """Median hours from submission to first review, over the last 12 weeks' submissions."""
    since = start_of_day(week_starts(timezone.localdate())[0])
    pairs = Submission.objects.filter(created_at__gte=since, first_reviewed_at__isnull=False)
    return median_hours(r - c for c, r in pairs.values_list("created_at", "first_reviewed_at"))
