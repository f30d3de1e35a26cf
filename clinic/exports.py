"""The queue as CSV for the clinic's own systems, safe to open in a spreadsheet.

A cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return) would run as
a formula in Excel or LibreOffice. Following OWASP's CSV injection guidance, every field
is quoted (so a comma, semicolon or tab inside stays in its cell for a reader that splits
on commas) and a single quote goes before every formula start at the beginning of a field
AND after every comma, semicolon, tab or line break inside it: a spreadsheet that splits
on `;` or tabs instead (`Smith;=1+1`) still never sees a cell that starts a formula.

The helper columns are empty when the patient filled it in; the patient's note keeps its
line breaks inside its quoted cell. `language` is the code of the language the patient
read the questionnaire in ("en", "es"), beside the contact method, for whoever calls.

One exception keeps phone numbers as typed: a phone made only of `+`, digits, spaces,
`-`, `(`, `)` and `.` (what the questionnaire accepts) is written unchanged. It holds no
letters or separators, so it can name no function, cell, file or command; at worst a
spreadsheet shows `+44 20 7946 0958` as a sum. Import the column as text to keep it as is.
"""

import csv
import re

from django.http import StreamingHttpResponse
from django.utils import timezone

from clinic.presenters import fracture_weeks
from clinic.workflow import effective_outcome

FORMULA_STARTS = "=+-@\t\r"
# A formula start at the beginning of the text or after any separator a reader may use.
FORMULA_AT_CELL_START = re.compile(rf"(^|[,;\t\r\n])(?=[{re.escape(FORMULA_STARTS)}])")
SAFE_PHONE = re.compile(r"\+?[0-9][0-9 ()+.\-]*")

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
    "language",
    "helper_name",
    "helper_relationship",
    "helper_phone",
    "anything_else",
)
PHONE_COLUMNS = ("phone", "helper_phone")


def safe_cell(value):
    """A cell's text with a `'` before each formula start, whatever the separator."""
    text = "" if value is None else str(value)
    return FORMULA_AT_CELL_START.sub(r"\1'", text)


def safe_phone(value):
    """A phone number as typed when it is only digits and `+-(). `, else `safe_cell`."""
    text = value or ""
    return text if SAFE_PHONE.fullmatch(text) else safe_cell(text)


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
        submission.language,
        submission.helper_name,
        submission.helper_relationship,
        submission.helper_phone,
        submission.anything_else,
    )
    cells = [safe_cell(value) for value in values]
    for column in PHONE_COLUMNS:
        cells[HEADER.index(column)] = safe_phone(getattr(submission, column))
    return cells


class Echo:
    """A file-like object whose write returns the line, for streaming csv.writer output."""

    def write(self, value):
        return value


def csv_lines(submissions):
    writer = csv.writer(Echo(), quoting=csv.QUOTE_ALL)
    yield writer.writerow(HEADER)
    for submission in submissions.iterator(chunk_size=500):
        yield writer.writerow(csv_row(submission))


def csv_response(submissions):
    """Stream `submissions` as a CSV attachment with a header row."""
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response = StreamingHttpResponse(csv_lines(submissions), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="kypho-queue-{stamp}.csv"'
    return response
