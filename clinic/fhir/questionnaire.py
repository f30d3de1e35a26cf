"""The screening questionnaire as a FHIR `Questionnaire`, and a submission's answers as
its `QuestionnaireResponse`, both derived from the answer registry.

The Questionnaire is the web form: its items are the registry's questions in the order
the questionnaire's pages ask them, with the same wording, hints, choices (a tick-box
question's "None of these" included, exclusive of the others), ranges and skip logic. A
question asked only after an earlier answer (its `asked` is a `When`) gets that same
condition as `enableWhen`; one asked only below an age (pregnancy) gets SDC's
`enableWhenExpression`, a FHIRPath comparing the birth date with today less that age,
since `enableWhen` cannot do date arithmetic. Every `linkId` is an answer key of the
screening contract, and every coded answer uses the stored value as its code, so a
receiving system maps answers by the names the rules use. Its version is the ruleset version.

The response holds the questions the patient was asked, in the same order: a skipped
page's stored default is not an answer, so it is left out, as FHIR leaves out disabled
items; an empty tick-box answer is "None of these"; an unknown onset date has no answer.
"""

import datetime

from screening.eligibility import (
    NONE_OF_THESE,
    QUESTIONS_BY_KEY,
    RULESET_VERSION,
    Thresholds,
    When,
)
from screening.eligibility.questions import always
from screening.wizard import STEPS

from .codes import (
    code_system,
    extension,
    item_control,
    loinc_codes,
    questionnaire_url,
    reference_identifier,
    resource_uuid,
)

# The registry's kinds as FHIR item types; a multi question is a repeating choice.
ITEM_TYPES = {
    "choice": "choice",
    "multi": "choice",
    "integer": "integer",
    "date": "date",
    "bool": "boolean",
}
CONTROLS = {"choice": "radio-button", "multi": "check-box"}


def form_questions():
    """The registry's questions in the order the questionnaire's pages ask them."""
    return [question for step in STEPS for question in step.questions]


def coding(question, code):
    if question.offers_none and code == NONE_OF_THESE[0]:
        return {"system": code_system(question.key), "code": code, "display": NONE_OF_THESE[1]}
    return {"system": code_system(question.key), "code": code, "display": question.label(code)}


def typed_value(question, value):
    """(FHIR type name, FHIR value) of one stored value of `question`."""
    if question.choices:
        return "Coding", coding(question, value)
    if question.kind == "integer":
        return "Integer", int(value)
    if question.kind == "date":
        return "Date", value.isoformat()
    return "Boolean", bool(value)


def enable_when(question, questions_by_key=QUESTIONS_BY_KEY):
    """The item's `enableWhen`, read from the question's `asked` declaration."""
    condition = question.asked
    if condition is always:
        return {}
    if not isinstance(condition, When):
        raise TypeError(f"{question.key}: declare `asked` as a When so FHIR can export it")
    if condition.operator == "younger_than":
        return {}  # see age_condition: enableWhen cannot count years
    source = questions_by_key[condition.key]
    if condition.operator == "=":
        value_type, value = typed_value(source, condition.value)
        rule = {"operator": "=", f"answer{value_type}": value}
    elif source.offers_none:
        rule = {"operator": "!=", "answerCoding": coding(source, NONE_OF_THESE[0])}
    else:
        rule = {"operator": "exists", "answerBoolean": True}
    return {"enableWhen": [{"question": condition.key, **rule}]}


def age_condition(question):
    """SDC's enableWhenExpression for a question asked only below an age, else nothing."""
    condition = question.asked
    if not (isinstance(condition, When) and condition.operator == "younger_than"):
        return []
    years = getattr(Thresholds.from_settings(), condition.value)
    born = f"%resource.repeat(item).where(linkId = '{condition.key}').answer.value"
    return [
        {
            "url": "http://hl7.org/fhir/uv/sdc/StructureDefinition/"
            "sdc-questionnaire-enableWhenExpression",
            "valueExpression": {
                "language": "text/fhirpath",
                "expression": f"{born} > today() - {years} 'years'",
            },
        }
    ]


def item_extensions(question):
    """How the web form shows the question: radio buttons, tick boxes, a scale, a range."""
    extensions = []
    if question.kind in CONTROLS:
        extensions.append(item_control(CONTROLS[question.kind]))
    if question.kind == "integer":
        if question.ends:
            extensions += [
                item_control("slider"),
                extension("questionnaire-sliderStepValue", "Integer", 1),
            ]
        extensions += [
            extension("minValue", "Integer", question.low),
            extension("maxValue", "Integer", question.high),
        ]
    return extensions


def display_items(question):
    """The words beside the question: its hint, and a scale's words for each end."""
    texts = [("help", question.hint)] if question.hint else []
    if question.ends:
        texts += [("lower", question.ends[0]), ("upper", question.ends[1])]
    return [
        {
            "extension": [item_control(control)],
            "linkId": f"{question.key}-{control}",
            "text": text,
            "type": "display",
        }
        for control, text in texts
    ]


def answer_options(question):
    """The choices the page offers (not a value stored only when skipped), in order."""
    codes = [value for value, _label in question.offered]
    options = [{"valueCoding": coding(question, code)} for code in codes]
    if question.offers_none:
        exclusive = extension("questionnaire-optionExclusive", "Boolean", True)
        options.append(
            {"extension": [exclusive], "valueCoding": coding(question, NONE_OF_THESE[0])}
        )
    return options


def question_item(question, questions_by_key=QUESTIONS_BY_KEY):
    """One question of the Questionnaire, as its page asks it.

    `required` is false only where null is an answer ("I don't know" an onset date).
    """
    item = {"linkId": question.key}
    if extensions := item_extensions(question) + age_condition(question):
        item = {"extension": extensions, **item}
    if codes := loinc_codes(question.key):
        item["code"] = codes
    item |= {"text": question.text, "type": ITEM_TYPES[question.kind]}
    item |= enable_when(question, questions_by_key)
    item["required"] = not question.optional
    if question.kind == "multi":
        item["repeats"] = True
    if question.choices:
        item["answerOption"] = answer_options(question)
    if children := display_items(question):
        item["item"] = children
    return item


def questionnaire():
    """The screening questionnaire as a FHIR Questionnaire resource."""
    return {
        "resourceType": "Questionnaire",
        "id": "kypho-screening",
        "url": questionnaire_url(),
        "version": RULESET_VERSION,
        "name": "KyphoScreening",
        "title": "Kyphoplasty candidacy screening",
        "status": "active",
        "subjectType": ["Patient"],
        "item": [question_item(question) for question in form_questions()],
    }


def answer_values(question, value):
    """The FHIR `answer` list of one stored answer (empty when there is none)."""
    if value is None:
        return []
    if question.kind != "multi":
        value_type, fhir_value = typed_value(question, value)
        return [{f"value{value_type}": fhir_value}]
    codes = list(value) or ([NONE_OF_THESE[0]] if question.offers_none else [])
    return [{"valueCoding": coding(question, code)} for code in codes]


def response_item(question, value):
    item = {"linkId": question.key, "text": question.text}
    if answers := answer_values(question, value):
        item["answer"] = answers
    return item


def authored(submission):
    """When the patient sent the questionnaire, as a FHIR dateTime."""
    return submission.created_at.astimezone(datetime.UTC).isoformat()


def questionnaire_response(submission, *, subject):
    """A submission's answers as a FHIR QuestionnaireResponse about `subject` (a reference
    to the patient, who is also its source: patients answer for themselves)."""
    values, thresholds = submission.answer_values(), Thresholds.from_settings()
    asked = [
        question
        for question in form_questions()
        if question.asked(values, submission.as_of, thresholds)
    ]
    return {
        "resourceType": "QuestionnaireResponse",
        "id": resource_uuid("QuestionnaireResponse", submission.reference),
        "identifier": reference_identifier(submission.reference),
        "questionnaire": f"{questionnaire_url()}|{submission.ruleset}",
        "status": "completed",
        "subject": {"reference": subject},
        "authored": authored(submission),
        "source": {"reference": subject},
        "item": [response_item(question, values[question.key]) for question in asked],
    }
