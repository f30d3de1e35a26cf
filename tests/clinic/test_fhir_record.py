"""A submission's FHIR Bundle: the Patient, the QuestionnaireResponse and a RiskAssessment
carrying the outcome, the ruleset and the findings; every resource validates as R4B."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.patient import Patient
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from fhir.resources.R4B.riskassessment import RiskAssessment

from clinic import services
from clinic.models import AuditEntry
from screening.eligibility import RULESET_VERSION
from screening.eligibility.vocabulary import OUTCOMES
from tests.clinic.factories import answers_for, make_submission

pytestmark = pytest.mark.django_db
RESOURCE_MODELS = {
    "Patient": Patient,
    "QuestionnaireResponse": QuestionnaireResponse,
    "RiskAssessment": RiskAssessment,
}


def download_bundle(client, submission):
    url = reverse("clinic:submission-fhir", kwargs={"reference": submission.reference})
    return client.get(url)


def entries(bundle):
    return {entry["resource"]["resourceType"]: entry for entry in bundle["entry"]}


# A submission's Bundle: the patient, the answers and the result.


@pytest.mark.parametrize("outcome", [value for value, _label in OUTCOMES])
def test_bundle_and_every_resource_in_it_validate_for_each_outcome(clinician_client, outcome):
    submission = make_submission(answers=answers_for(outcome))

    response = download_bundle(clinician_client, submission)

    assert response["Content-Type"] == "application/fhir+json; fhirVersion=4.3"
    assert f'filename="{submission.reference}.fhir.json"' in response["Content-Disposition"]
    bundle = response.json()
    resource = Bundle.model_validate(bundle)
    assert resource.type == "collection" and resource.identifier.value == submission.reference
    for entry in bundle["entry"]:
        RESOURCE_MODELS[entry["resource"]["resourceType"]].model_validate(entry["resource"])
    assessment = entries(bundle)["RiskAssessment"]["resource"]
    assert assessment["prediction"][0]["outcome"]["coding"][0]["code"] == outcome
    assert AuditEntry.objects.filter(action="export_fhir", reference=submission.reference).exists()


def test_risk_assessment_carries_outcome_ruleset_and_each_finding(clinician_client):
    submission = make_submission(answers=answers_for("urgent"))

    bundle = download_bundle(clinician_client, submission).json()

    found = entries(bundle)
    assessment = found["RiskAssessment"]["resource"]
    assert assessment["status"] == "final"
    assert assessment["basis"] == [{"reference": found["QuestionnaireResponse"]["fullUrl"]}]
    assert assessment["subject"] == {"reference": found["Patient"]["fullUrl"]}
    assert assessment["method"]["coding"][0]["code"] == submission.ruleset == RULESET_VERSION
    outcome, *findings = assessment["prediction"]
    assert outcome["outcome"]["coding"][0]["display"] == "Urgent"
    exported = [
        (
            f["outcome"]["coding"][0]["code"],
            f["qualitativeRisk"]["coding"][0]["code"],
            f["rationale"],
        )
        for f in findings
    ]
    stored = [(f["id"], f["effect"], f["clinician_text"]) for f in submission.findings]
    assert exported == stored and ("fever", "urgent") in [e[:2] for e in exported]


def test_an_overridden_outcome_is_noted_beside_the_screens(clinician_client, clinician):
    submission = make_submission(answers=answers_for("unlikely_candidate"))
    assessment = entries(download_bundle(clinician_client, submission).json())["RiskAssessment"]
    assert "note" not in assessment["resource"]
    services.submission_override_outcome(
        submission=submission,
        outcome="needs_review",
        reason="Scan shows a new fracture.",
        actor=clinician,
        ip_address="127.0.0.1",
    )

    bundle = download_bundle(clinician_client, submission).json()

    assessment = entries(bundle)["RiskAssessment"]["resource"]
    RiskAssessment.model_validate(assessment)
    assert assessment["prediction"][0]["outcome"]["coding"][0]["code"] == "unlikely_candidate"
    (note,) = assessment["note"]
    assert note["text"] == (
        "A clinician changed the outcome to Needs review. Reason: Scan shows a new fracture."
    )


def test_the_response_is_about_the_patient_and_names_its_questionnaire_version(clinician_client):
    submission = make_submission(answers=answers_for("likely_candidate"))

    found = entries(download_bundle(clinician_client, submission).json())

    response = found["QuestionnaireResponse"]["resource"]
    assert response["subject"] == {"reference": found["Patient"]["fullUrl"]}
    assert response["questionnaire"].endswith(
        f"/Questionnaire/kypho-screening|{submission.ruleset}"
    )
    assert response["identifier"]["value"] == submission.reference
    answers = {item["linkId"]: item["answer"] for item in response["item"]}
    assert answers["pain_score"] == [{"valueInteger": 7}]
    assert answers["fever"] == [{"valueBoolean": False}]
    assert answers["pain_onset_date"] == [{"valueDate": submission.pain_onset_date.isoformat()}]


def test_patient_has_name_birth_date_and_contacts_the_chosen_one_first(clinician_client):
    submission = make_submission(contact_method="email")

    patient = entries(download_bundle(clinician_client, submission).json())["Patient"]["resource"]

    assert patient["name"] == [{"text": "Margaret Example"}]
    assert patient["birthDate"] == submission.date_of_birth.isoformat()
    assert patient["telecom"] == [
        {"system": "phone", "value": "555 010 0199", "rank": 2},
        {"system": "email", "value": "margaret@example.org", "rank": 1},
    ]


@pytest.mark.parametrize(("language", "name"), [("es", "Spanish"), ("en", "English")])
def test_patient_names_the_language_they_read_as_preferred(clinician_client, language, name):
    submission = make_submission(language=language)

    patient = entries(download_bundle(clinician_client, submission).json())["Patient"]["resource"]

    resource = Patient.model_validate(patient)
    assert patient["communication"] == [
        {
            "language": {
                "coding": [{"system": "urn:ietf:bcp:47", "code": language, "display": name}],
                "text": name,
            },
            "preferred": True,
        }
    ]
    assert resource.communication[0].language.coding[0].code == language


def test_an_anonymised_patient_keeps_only_the_birth_date_and_language(clinician_client):
    submission = make_submission(full_name="", email="", phone="", anonymised_at=timezone.now())

    patient = entries(download_bundle(clinician_client, submission).json())["Patient"]["resource"]

    Patient.model_validate(patient)
    assert set(patient) == {"resourceType", "id", "birthDate", "communication"}


def test_downloads_of_one_submission_keep_their_ids(clinician_client):
    submission = make_submission()

    first, second = (download_bundle(clinician_client, submission).json() for _ in range(2))

    assert [e["fullUrl"] for e in first["entry"]] == [e["fullUrl"] for e in second["entry"]]
    assert all(e["fullUrl"] == f"urn:uuid:{e['resource']['id']}" for e in first["entry"])


def test_a_submission_scored_by_an_older_ruleset_exports_that_ruleset(clinician_client):
    submission = make_submission(ruleset="2026.01", created_at=timezone.now() - timedelta(days=400))

    found = entries(download_bundle(clinician_client, submission).json())

    assert found["QuestionnaireResponse"]["resource"]["questionnaire"].endswith("|2026.01")
    method = found["RiskAssessment"]["resource"]["method"]["coding"][0]
    assert method["code"] == "2026.01"


def test_the_validator_can_fail():
    with pytest.raises(ValueError):
        RiskAssessment.model_validate({"resourceType": "RiskAssessment", "status": "final"})
    with pytest.raises(ValueError):
        QuestionnaireResponse.model_validate(
            {"resourceType": "QuestionnaireResponse", "status": "completed", "itme": []}
        )
