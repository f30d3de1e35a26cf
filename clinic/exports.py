"""The queue as CSV for the clinic's own systems, safe to open in a spreadsheet.

A cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return) would run as
a formula in Excel or LibreOffice, so it gets a leading single quote: a patient's name
or phone number can never become a formula on a clinician's machine.
"""

import csv

from django.http import StreamingHttpResponse
from django.utils import timezone

from clinic.presenters import fracture_weeks
from clinic.workflow import effective_outcome

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

HEADER = (
    "reference",
    "submitted_at",
    "outcome",
    "screen_outcome",
    "ruleset",
    "findings_not_supporting",
    "fracture_age_weeks",
    "status",
    "assigned_to",
    "location",
    "full_name",
    "phone",
    "email",
    "contact_method",
)


def safe_cell(value):
    """A cell's text, quoted so a spreadsheet never reads it as a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def csv_row(submission):
    assignee = submission.assigned_to
    weeks = fracture_weeks(submission)
    values = (
        submission.reference,
        timezone.localtime(submission.created_at).isoformat(timespec="seconds"),
        effective_outcome(submission),
        submission.outcome,
        submission.ruleset,
        ";".join(f["id"] for f in submission.findings if f["effect"] != "supports"),
        "" if weeks is None else weeks,
        submission.status,
        assignee.get_username() if assignee else "",
        submission.location.name if submission.location else "",
        submission.full_name,
        submission.phone,
        submission.email,
        submission.contact_method,
    )
    return [safe_cell(value) for value in values]


class Echo:
    """A file-like object whose write returns the line, for streaming csv.writer output."""

    def write(self, value):
        return value


def csv_lines(submissions):
    writer = csv.writer(Echo())
    yield writer.writerow(HEADER)
    for submission in submissions.iterator(chunk_size=500):
        yield writer.writerow(csv_row(submission))


def csv_response(submissions):
    """Stream `submissions` as a CSV attachment with a header row."""
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response = StreamingHttpResponse(csv_lines(submissions), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="kypho-queue-{stamp}.csv"'
    return response
