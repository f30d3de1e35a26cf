"""The exports: CSV of the filtered queue and the printable summary (FHIR: test_fhir.py)."""

import csv
import io

import pytest
from django.urls import reverse

from clinic.exports import HEADER, safe_cell, safe_phone
from clinic.models import AuditEntry
from tests.clinic.factories import HELPED, make_submission
from tests.clinic.helpers import search_queue

pytestmark = pytest.mark.django_db


def csv_rows(response):
    content = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(content)))


def test_csv_has_a_header_and_the_filtered_rows_in_queue_order(clinician_client, submission_of):
    likely = submission_of("likely_candidate")
    urgent = submission_of("urgent")
    submission_of("unlikely_candidate")
    response = clinician_client.get(reverse("clinic:queue-export"), {"outcome": "urgent"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = csv_rows(response)
    assert rows[0] == list(HEADER)
    assert [row[0] for row in rows[1:]] == [urgent.reference]
    everything = csv_rows(clinician_client.get(reverse("clinic:queue-export")))
    assert [row[0] for row in everything[1:3]] == [urgent.reference, likely.reference]
    record = dict(zip(HEADER, rows[1], strict=True))
    assert record["outcome"] == "urgent" and record["fracture_age_weeks"] == "4"
    assert record["findings_not_supporting"] == "fever"


def test_csv_has_the_helper_and_the_note_with_its_line_break(clinician_client):
    make_submission(**{**HELPED, "anything_else": "Walker.\n=1+1 is not a formula"})
    make_submission()
    rows = csv_rows(clinician_client.get(reverse("clinic:queue-export")))
    assert rows[0][-4:] == ["helper_name", "helper_relationship", "helper_phone", "anything_else"]
    helped, own = (dict(zip(HEADER, row, strict=True)) for row in rows[1:])
    assert (helped["helper_name"], helped["helper_relationship"]) == ("Susan Example", "Daughter")
    assert helped["helper_phone"] == "555 010 0142"
    assert helped["anything_else"] == "Walker.\n'=1+1 is not a formula"
    assert [own[key] for key in rows[0][-4:]] == ["", "", "", ""]


def test_csv_has_the_language_code_beside_the_contact_method(clinician_client, submission_of):
    submission_of("urgent", language="es")
    submission_of("likely_candidate")
    rows = csv_rows(clinician_client.get(reverse("clinic:queue-export")))
    header = rows[0]
    assert header.index("language") == header.index("contact_method") + 1
    assert [dict(zip(header, row, strict=True))["language"] for row in rows[1:]] == ["es", "en"]
    only_spanish = csv_rows(
        clinician_client.get(reverse("clinic:queue-export"), {"language": "es"})
    )
    assert len(only_spanish) == 2 and only_spanish[1][header.index("language")] == "es"


def test_csv_export_is_audited_without_the_search_text(clinician_client):
    page = search_queue(clinician_client, {"q": "Margaret"})
    clinician_client.get(f"{reverse('clinic:queue-export')}?{page.context['query']}")
    entry = AuditEntry.objects.get(action="export_csv")
    assert entry.detail == {"filters": ["q"]}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1 555 0100", "'+1 555 0100"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("Margaret", "Margaret"),
        (None, ""),
    ],
)
def test_formula_injection_is_neutralised(value, expected):
    assert safe_cell(value) == expected


def test_a_formula_in_a_name_reaches_the_csv_quoted(clinician_client):
    make_submission(full_name="=cmd|' /C calc'!A0", phone="+1 555 0100")
    rows = csv_rows(clinician_client.get(reverse("clinic:queue-export")))
    record = dict(zip(HEADER, rows[1], strict=True))
    assert record["full_name"] == "'=cmd|' /C calc'!A0"
    assert record["phone"] == "+1 555 0100"


SEPARATOR_ATTACKS = [
    "Smith;=1+1+cmd|' /C calc'!A0",
    'Smith,=HYPERLINK("http://x")',
    "Smith\t@SUM(A1)",
    "Smith;-2+3;+4",
    "Smith\r\n=1+1",
]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_no_cell_starts_a_formula_whatever_the_separator(clinician_client, delimiter):
    for name in SEPARATOR_ATTACKS:
        make_submission(full_name=name, phone="+44 20 7946 0958", email="a;=b@example.org")
    response = clinician_client.get(reverse("clinic:queue-export"))
    content = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(content), delimiter=delimiter))
    cells = [cell for row in rows[1:] for cell in row]
    risky = [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
    # The one exception: a phone number of digits, spaces and +-(). only, as typed.
    assert set(risky) <= {"+44 20 7946 0958"}
    if delimiter == ",":
        phones = [dict(zip(HEADER, row, strict=True))["phone"] for row in rows[1:]]
        assert phones == ["+44 20 7946 0958"] * len(SEPARATOR_ATTACKS)
        assert content.count("\"Smith;'=1+1+cmd|' /C calc'!A0\"") == 1


@pytest.mark.parametrize(
    ("phone", "expected"),
    [
        ("+44 20 7946 0958", "+44 20 7946 0958"),
        ("(555) 010-0100", "(555) 010-0100"),
        ("+1=HYPERLINK(1)", "'+1=HYPERLINK(1)"),
        ("-1;=2", "'-1;'=2"),
    ],
)
def test_a_phone_of_digits_is_kept_as_typed_and_anything_else_is_neutralised(phone, expected):
    assert safe_phone(phone) == expected


def test_print_summary_is_audited_and_has_a_print_stylesheet(clinician_client, submission):
    url = reverse("clinic:submission-print", kwargs={"reference": submission.reference})
    html = clinician_client.get(url).content.decode()
    assert "screening summary" in html and submission.reference in html
    assert "css/clinic.css" in html
    assert AuditEntry.objects.filter(action="print", reference=submission.reference).exists()


def test_print_stylesheet_exists():
    from django.contrib.staticfiles import finders

    with open(finders.find("css/clinic.css")) as stylesheet:
        assert "@media print" in stylesheet.read()
