"""The names the FHIR exports use: canonical URLs, code systems, standard codes, ids.

Every URL the project mints starts with `settings.FHIR_CANONICAL_BASE`, a stable name
rather than the site's address, so a receiving system's mappings survive a move of host
or port. Standard codes are used where one plainly exists for a question: LOINC for
the pain score, the birth date and pregnancy status (`LOINC`, the only place answer keys
are named outside the registry). Everything else is coded in the project's own systems,
named after the answer key, with the stored value as the code.
"""

import uuid

from django.conf import settings

LOINC_SYSTEM = "http://loinc.org"
# Answer key: (LOINC code, its display name).
LOINC = {
    "pain_score": ("72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported"),
    "date_of_birth": ("21112-8", "Birth date"),
    "pregnant": ("82810-3", "Pregnancy status"),
}
EXTENSION = "http://hl7.org/fhir/StructureDefinition/"
ITEM_CONTROL_SYSTEM = "http://hl7.org/fhir/questionnaire-item-control"


def canonical_base():
    return settings.FHIR_CANONICAL_BASE


def questionnaire_url():
    return f"{canonical_base()}/Questionnaire/kypho-screening"


def code_system(name):
    """The project's code system for an answer key (or another coded field) `name`."""
    return f"{canonical_base()}/CodeSystem/kypho-{name.replace('_', '-')}"


def reference_identifier(reference):
    """The submission's public reference as a FHIR Identifier."""
    return {"system": f"{canonical_base()}/submission-reference", "value": reference}


def resource_uuid(resource_type, reference):
    """A stable id for one resource of one submission: the same on every download."""
    name = f"{canonical_base()}/{resource_type}/{reference}"
    return str(uuid.uuid5(uuid.NAMESPACE_URL, name))


def urn(resource):
    """The `fullUrl` a Bundle entry has, and the reference other entries point it by."""
    return f"urn:uuid:{resource['id']}"


def loinc_codes(key):
    """The item `code` of an answer key with a LOINC code, else an empty list."""
    if key not in LOINC:
        return []
    code, display = LOINC[key]
    return [{"system": LOINC_SYSTEM, "code": code, "display": display}]


def extension(name, value_type, value):
    """One core FHIR extension, e.g. extension("minValue", "Integer", 0)."""
    return {"url": EXTENSION + name, f"value{value_type}": value}


def item_control(code):
    """How a renderer should show an item ("radio-button", "check-box", "help"...)."""
    concept = {"coding": [{"system": ITEM_CONTROL_SYSTEM, "code": code}]}
    return extension("questionnaire-itemControl", "CodeableConcept", concept)
