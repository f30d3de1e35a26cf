"""When a question is asked, declared as data.

A question's `asked` is `always` or a `When`: asked only when an earlier answer (or the
patient's age on the day) says so. Being data, the same declaration drives the
questionnaire's pages, the stored record and the FHIR Questionnaire's `enableWhen`, so
they cannot disagree.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from .dates import age_on

OPERATORS = ("checked", "=", "younger_than")


def always(answers: Mapping, as_of: date, thresholds) -> bool:
    """The question is asked of everyone."""
    return True


@dataclass(frozen=True)
class When:
    """Asked only when an earlier answer says so.

    `When(key, "checked")`: at least one box of the check-box question `key` is checked.
    `When(key, "=", value)`: the answer to `key` is `value`.
    `When(key, "younger_than", threshold)`: the age on `as_of`, from the date answer
    `key`, is below the `Thresholds` field named `threshold`.
    Calling it raises KeyError while the answer it reads is not given yet.
    """

    key: str
    operator: str
    value: object = None

    def __post_init__(self):
        if self.operator not in OPERATORS:
            raise ValueError(f"{self.key}: unknown operator {self.operator!r}")

    def __call__(self, answers: Mapping, as_of: date, thresholds) -> bool:
        if self.operator == "checked":
            return bool(answers[self.key])
        if self.operator == "younger_than":
            return age_on(answers[self.key], as_of) < getattr(thresholds, self.value)
        return answers[self.key] == self.value
