"""What an evaluation returns: findings that explain themselves, and one outcome.

The dictionary shapes here are the `screen` command's output (SCREENING.md section 3) and
what a submission stores, so they change only with the contract and RULESET_VERSION.
"""

from dataclasses import dataclass

RULESET_VERSION = "2026.11"


@dataclass(frozen=True)
class Finding:
    """One criterion's or flag's verdict, in words for the patient and for the clinician."""

    id: str
    effect: str
    patient_text: str
    clinician_text: str

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
