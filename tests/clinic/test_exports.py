"""The exports: CSV of the filtered queue, FHIR R4 resources, and the printable summary."""

import csv
import io
from dataclasses import replace

import pytest
from django.urls import reverse
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from clinic.exports import HEADER, safe_cell
from clinic.models import AuditEntry
from screening.vocabulary import ANSWER_KEYS
from tests.clinic.conftest import answers_for
from tests.clinic.factories import make_submission

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


def test_csv_export_is_audited_without_the_search_text(clinician_client):
    clinician_client.get(reverse("clinic:queue-export"), {"q": "Margaret"})
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
    assert record["phone"] == "'+1 555 0100"


def test_questionnaire_is_valid_fhir_with_the_contract_link_ids(clinician_client):
    response = clinician_client.get(reverse("clinic:questionnaire-fhir"))
    data = response.json()
    resource = Questionnaire.model_validate(data)
    assert [item.linkId for item in resource.item] == list(ANSWER_KEYS)
    imaging = next(item for item in data["item"] if item["linkId"] == "imaging")
    assert imaging["repeats"] is True
    assert [o["valueCoding"]["code"] for o in imaging["answerOption"]] == [
        "xray",
        "mri",
        "ct",
        "bone_scan",
    ]


def test_questionnaire_response_is_valid_fhir(clinician_client):
    submission = make_submission(answers=answers_for("urgent"))
    url = reverse("clinic:submission-fhir", kwargs={"reference": submission.reference})
    response = clinician_client.get(url)
    assert response["Content-Type"] == "application/fhir+json"
    data = response.json()
    resource = QuestionnaireResponse.model_validate(data)
    assert resource.status == "completed"
    assert resource.identifier.value == submission.reference
    answers = {item.linkId: item.answer for item in resource.item}
    assert set(answers) == set(ANSWER_KEYS)
    assert answers["fever"][0].valueBoolean is True
    assert answers["pain_score"][0].valueInteger == 7
    assert [a.valueCoding.code for a in answers["imaging"]] == ["xray", "mri"]
    assert answers["pain_onset_date"][0].valueDate == submission.pain_onset_date
    assert "Margaret" not in response.content.decode()
    assert AuditEntry.objects.filter(action="export_fhir", reference=submission.reference).exists()


def test_unknown_onset_and_no_scans_are_items_without_answers(clinician_client):
    answers = answers_for("needs_review")
    submission = make_submission(
        answers=replace(answers, pain_onset_date=None, imaging=(), imaging_result="not_done")
    )
    url = reverse("clinic:submission-fhir", kwargs={"reference": submission.reference})
    data = clinician_client.get(url).json()
    QuestionnaireResponse.model_validate(data)
    items = {item["linkId"]: item for item in data["item"]}
    assert "answer" not in items["pain_onset_date"] and "answer" not in items["imaging"]
    assert items["imaging_result"]["answer"][0]["valueCoding"]["code"] == "not_done"


def test_the_validator_can_fail():
    with pytest.raises(ValueError):
        QuestionnaireResponse.model_validate(
            {"resourceType": "QuestionnaireResponse", "status": "completed", "itme": []}
        )


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
