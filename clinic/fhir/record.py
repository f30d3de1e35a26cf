"""A submission as one FHIR Bundle: the patient, their answers and the screen's result.

The result is a `RiskAssessment` (status final) whose basis is the QuestionnaireResponse
and whose method is the ruleset that scored it. Its first prediction is the outcome as
the screen decided it when the patient sent the form (a clinician's later override is
part of the review, not of the screen); each further prediction is one finding, coded
by its id, with its effect as the qualitative risk and the clinician's sentence as the
rationale. When a clinician has since overridden the outcome, a note says so, with the
reason, so a reader of the export never acts on a superseded outcome unawares. The
patient is a `Patient` with what they told us: name, birth date, phone and
email (the contact method they chose ranked first), and the language they read the
questionnaire in as their preferred `communication` (a BCP 47 code, so a receiving
system can book an interpreter); retention may have removed the contact details, and
then the Patient has only the birth date and language.
"""

from django.utils import timezone

from clinic.workflow import is_overridden
from screening.eligibility import FINDING_TAGS, vocabulary

from .codes import code_system, reference_identifier, resource_uuid, urn
from .questionnaire import authored, questionnaire_response

OUTCOME_LABELS = dict(vocabulary.OUTCOMES)
EFFECT_LABELS = dict(vocabulary.EFFECTS)


def concept(system, code, display):
    """A CodeableConcept of one code in the project's own `system`."""
    coding = {"system": code_system(system), "code": code, "display": display}
    return {"coding": [coding], "text": display}


def contact_points(submission):
    """The patient's phone and email as FHIR ContactPoints, the chosen method ranked 1."""
    given = (("phone", submission.phone), ("email", submission.email))
    return [
        {"system": system, "value": value, "rank": 1 if submission.contact_method == system else 2}
        for system, value in given
        if value
    ]


def communication(submission):
    """The language the patient read the questionnaire in, as their preferred one."""
    name = submission.get_language_display()
    coding = {"system": "urn:ietf:bcp:47", "code": submission.language, "display": name}
    return [{"language": {"coding": [coding], "text": name}, "preferred": True}]


def patient(submission):
    """The patient as a FHIR Patient: name as typed, birth date, phone, email, language."""
    resource = {"resourceType": "Patient", "id": resource_uuid("Patient", submission.reference)}
    if submission.full_name:
        resource["name"] = [{"text": submission.full_name}]
    if telecom := contact_points(submission):
        resource["telecom"] = telecom
    resource["birthDate"] = submission.date_of_birth.isoformat()
    resource["communication"] = communication(submission)
    return resource


def finding_prediction(finding):
    """One stored finding: its id as the outcome, its effect as the qualitative risk."""
    effect = finding["effect"]
    return {
        "outcome": concept(
            "finding", finding["id"], FINDING_TAGS.get(finding["id"], finding["id"])
        ),
        "qualitativeRisk": concept("finding_effect", effect, EFFECT_LABELS.get(effect, effect)),
        "rationale": finding["clinician_text"],
    }


def override_notes(submission):
    """A note on the clinician's latest override of the outcome, if there is one."""
    if not is_overridden(submission):
        return {}
    override = submission.overrides.first()
    label = OUTCOME_LABELS[override.outcome]
    text = f"A clinician changed the outcome to {label}. Reason: {override.reason}"
    return {"note": [{"time": override.created_at.isoformat(), "text": text}]}


def risk_assessment(submission, *, subject, basis):
    """The screen's result as a FHIR RiskAssessment of `subject`, based on `basis`."""
    ruleset = submission.ruleset
    outcome = concept("outcome", submission.outcome, OUTCOME_LABELS[submission.outcome])
    return {
        "resourceType": "RiskAssessment",
        "id": resource_uuid("RiskAssessment", submission.reference),
        "identifier": [reference_identifier(submission.reference)],
        "status": "final",
        "method": concept("ruleset", ruleset, f"Kypho screening rules, version {ruleset}"),
        "code": concept("assessment", "kyphoplasty-candidacy", "Kyphoplasty candidacy screen"),
        "subject": {"reference": subject},
        "occurrenceDateTime": authored(submission),
        "basis": [{"reference": basis}],
        "prediction": [{"outcome": outcome}]
        + [finding_prediction(finding) for finding in submission.findings],
        **override_notes(submission),
    }


def submission_bundle(submission):
    """A FHIR Bundle (collection) of the Patient, the QuestionnaireResponse and the
    RiskAssessment of one submission; entries refer to each other by `urn:uuid`."""
    person = patient(submission)
    response = questionnaire_response(submission, subject=urn(person))
    assessment = risk_assessment(submission, subject=urn(person), basis=urn(response))
    return {
        "resourceType": "Bundle",
        "id": resource_uuid("Bundle", submission.reference),
        "identifier": reference_identifier(submission.reference),
        "type": "collection",
        "timestamp": timezone.now().isoformat(),
        "entry": [
            {"fullUrl": urn(resource), "resource": resource}
            for resource in (person, response, assessment)
        ],
    }
