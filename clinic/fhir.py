"""FHIR R4 exports: the screening `Questionnaire` and a submission's `QuestionnaireResponse`.

Built as plain dicts from the vocabulary, so the app needs no FHIR library at run time
(the tests validate the output with `fhir.resources`). Every `linkId` is an answer key of
SCREENING.md, and every coded answer uses the stored value as its code, so a receiving
system maps answers by the same names the rules use. The questionnaire's version is the
ruleset version. Contact details are not part of the answers and are not exported here.
"""

import datetime

from django.conf import settings

from screening import vocabulary
from screening.eligibility import RULESET_VERSION
from screening.vocabulary import ANSWER_KEYS, QUESTIONS

CHOICES = {
    "onset_event": vocabulary.ONSET_EVENTS,
    "pain_trend": vocabulary.PAIN_TRENDS,
    "imaging": vocabulary.IMAGING_TYPES,
    "imaging_result": vocabulary.IMAGING_RESULTS,
    "treatments_tried": vocabulary.TREATMENTS,
    "osteoporosis": vocabulary.OSTEOPOROSIS,
    "other_spine_diagnoses": vocabulary.SPINE_DIAGNOSES,
    "neuro_symptoms": vocabulary.NEURO_SYMPTOMS,
}
REPEATING = {"imaging", "treatments_tried", "other_spine_diagnoses"}
INTEGERS = {"pain_score", "treatment_weeks"}
DATES = {"pain_onset_date", "date_of_birth"}
OPTIONAL = {"pain_onset_date"}  # null means "I don't know"


def canonical_base():
    return settings.SITE_URL.rstrip("/") + "/fhir"


def questionnaire_url():
    return f"{canonical_base()}/Questionnaire/kypho-screening"


def code_system(key):
    return f"{canonical_base()}/CodeSystem/kypho-{key.replace('_', '-')}"


def item_type(key):
    if key in CHOICES:
        return "choice"
    if key in INTEGERS:
        return "integer"
    if key in DATES:
        return "date"
    return "boolean"


def coding(key, code):
    labels = dict(CHOICES[key])
    return {"system": code_system(key), "code": code, "display": labels.get(code, code)}


def question_item(key):
    """One question of the Questionnaire, with its coded options."""
    item = {
        "linkId": key,
        "text": QUESTIONS[key],
        "type": item_type(key),
        "required": key not in OPTIONAL,
    }
    if key in REPEATING:
        item["repeats"] = True
    if key in CHOICES:
        item["answerOption"] = [{"valueCoding": coding(key, code)} for code, _ in CHOICES[key]]
    return item


def questionnaire():
    """The screening questionnaire as a FHIR R4 Questionnaire resource."""
    return {
        "resourceType": "Questionnaire",
        "id": "kypho-screening",
        "url": questionnaire_url(),
        "version": RULESET_VERSION,
        "name": "KyphoScreening",
        "title": "Kyphoplasty candidacy screening",
        "status": "active",
        "subjectType": ["Patient"],
        "item": [question_item(key) for key in ANSWER_KEYS],
    }


def answer_values(key, value):
    """The FHIR `answer` list of one stored answer (empty when there is none)."""
    if value is None:
        return []
    if key in REPEATING:
        return [{"valueCoding": coding(key, code)} for code in value]
    if key in CHOICES:
        return [{"valueCoding": coding(key, value)}]
    if key in INTEGERS:
        return [{"valueInteger": int(value)}]
    if key in DATES:
        return [{"valueDate": value.isoformat()}]
    return [{"valueBoolean": bool(value)}]


def response_item(key, value):
    item = {"linkId": key, "text": QUESTIONS[key]}
    answers = answer_values(key, value)
    if answers:
        item["answer"] = answers
    return item


def questionnaire_response(submission):
    """A submission's answers as a FHIR R4 QuestionnaireResponse resource.

    An unknown onset date, or an empty list (no scan, no treatment), is an item without
    an answer, as FHIR expresses "not answered".
    """
    authored = submission.created_at.astimezone(datetime.UTC).isoformat()
    return {
        "resourceType": "QuestionnaireResponse",
        "id": submission.reference,
        "identifier": {
            "system": f"{canonical_base()}/submission-reference",
            "value": submission.reference,
        },
        "questionnaire": f"{questionnaire_url()}|{submission.ruleset}",
        "status": "completed",
        "authored": authored,
        "item": [response_item(key, getattr(submission, key)) for key in ANSWER_KEYS],
    }
