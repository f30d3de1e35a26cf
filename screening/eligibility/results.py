"""What an evaluation returns: findings that explain themselves, and one outcome.

The dictionary shapes here are the `screen` command's output (docs/screening-contract.md
section 4) and what a submission stores, so they change only with the contract and RULESET_VERSION.
"""

from dataclasses import dataclass

from .words import Words

RULESET_VERSION = "2027.01"
# What a clinician reading a submission scored by an earlier ruleset should know.
EARLIER_RULESETS = {
    "2026.11": "Its answers to the weeks of treatment were the weeks of all treatments "
    "added up, not the weeks since the first began, and its yes/no questions had no "
    '"not sure".',
}


def rule(*, tag: str, reads: tuple[str, ...] = ()):
    """Declare a criterion or flag: its finding id is the function's name, `tag` the short
    label clinicians see on it (the queue's tags, the submission page), `reads` the answer
    keys it looks at (so it can be checked while the questionnaire is still going)."""

    def declare(function):
        function.tag = tag
        function.reads = reads
        return function

    return declare


@dataclass(frozen=True)
class Finding:
    """One criterion's or flag's verdict, in words for the patient and for the clinician.

    `patient` is `Words`, so the patient reads it in their language; `patient_text` is
    its English, as the contract gives it. Clinician words are English only.
    """

    id: str
    effect: str
    patient: Words
    clinician_text: str

    def __post_init__(self):
        if not isinstance(self.patient, Words):
            raise TypeError(f"{self.id}: patient words must be Words (say(...)), so they translate")

    @property
    def patient_text(self) -> str:
        return str(self.patient)

    def to_dict(self) -> dict:
        """Return the finding as a JSON-friendly dict."""
        return {
            "id": self.id,
            "effect": self.effect,
            "patient_text": self.patient_text,
            "clinician_text": self.clinician_text,
        }


@dataclass(frozen=True)
class Result:
    """The outcome of one evaluation, the ruleset that produced it and every finding."""

    outcome: str
    ruleset: str
    findings: tuple[Finding, ...]

    def to_dict(self) -> dict:
        """Return the result as a JSON-friendly dict, in the `screen` command's shape."""
        return {
            "outcome": self.outcome,
            "ruleset": self.ruleset,
            "findings": [finding.to_dict() for finding in self.findings],
        }
