"""FHIR exports for the clinician workspace: the screening `Questionnaire`, and for each
submission a `Bundle` of its `Patient`, `QuestionnaireResponse` and `RiskAssessment`.

The resources are FHIR R4B (4.3.0), declared by the `fhirVersion` parameter of the
download's media type; for these five resources R4B has the same shape as R4 (4.0.1).
They are plain dicts built from the answer registry and the stored submission, so the
app needs no FHIR library at run time; the tests validate every resource with the R4B
models of `fhir.resources`. Contact details go only in the Patient of a submission's
Bundle, which only clinicians download, and every download is audited by the views.
"""

from .codes import LOINC
from .questionnaire import answer_values, question_item, questionnaire, questionnaire_response
from .record import patient, risk_assessment, submission_bundle

FHIR_VERSION = "4.3.0"
MEDIA_TYPE = "application/fhir+json; fhirVersion=4.3"

__all__ = [
    "FHIR_VERSION",
    "LOINC",
    "MEDIA_TYPE",
    "answer_values",
    "patient",
    "question_item",
    "questionnaire",
    "questionnaire_response",
    "risk_assessment",
    "submission_bundle",
]
