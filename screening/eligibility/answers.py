"""The inputs of the rules: one patient's answers and the clinic's thresholds.

Both are frozen so an evaluation can never change what it was given. Thresholds are read
from Django settings only when asked (`Thresholds.from_settings()`), which keeps the
engine importable and testable without a configured project; `Thresholds.problems()`
says which settings lie outside the contract's ranges (the app's start-up check refuses
them). `Answers` is made from the answer registry (`questions.py`), so its fields are
the registry's keys and kinds.
"""

from dataclasses import dataclass, fields, make_dataclass

from .questions import QUESTIONS


def answers_class(questions=QUESTIONS):
    """A frozen dataclass with one field per question, in registry order."""
    made = make_dataclass("Answers", [(q.key, q.python_type) for q in questions], frozen=True)
    made.__module__ = __name__
    made.__doc__ = "One patient's answers: a field per question of the registry, in its order."
    return made


Answers = answers_class()


@dataclass(frozen=True)
class Thresholds:
    """The numbers the rules compare answers against (the clinic's settings)."""

    fracture_recent_weeks: int = 8  # the contract's section 2 defaults, declared once
    fracture_max_weeks: int = 12
    min_conservative_care_weeks: int = 4
    min_pain_score: int = 5
    severe_pain_score: int = 8
    adult_age: int = 18
    pregnancy_question_max_age: int = 60

    @classmethod
    def defaults(cls) -> dict:
        """Setting name -> default, e.g. {"FRACTURE_RECENT_WEEKS": 8, ...}."""
        return {field.name.upper(): field.default for field in fields(cls)}

    @classmethod
    def from_settings(cls) -> "Thresholds":
        """Read the thresholds from Django settings, falling back to the contract defaults."""
        from django.conf import settings

        return cls(
            **{
                name.lower(): getattr(settings, name, default)
                for name, default in cls.defaults().items()
            }
        )

    def problems(self) -> list[tuple[str, str]]:
        """(setting, what is wrong) for each threshold outside the contract's ranges."""
        values = {name: getattr(self, name.lower()) for name in self.defaults()}
        wrong_type = [
            (name, f"must be a whole number, not {value!r}")
            for name, value in values.items()
            if type(value) is not int
        ]
        if wrong_type:
            return wrong_type
        found = []
        for chain in RANGES:
            found += _outside(chain, values)
        return found

    @property
    def recent_days(self):
        """The last day of the recent window (7 * FRACTURE_RECENT_WEEKS)."""
        return 7 * self.fracture_recent_weeks

    @property
    def max_days(self):
        """The last day of the borderline window (7 * FRACTURE_MAX_WEEKS)."""
        return 7 * self.fracture_max_weeks


# The contract's ranges (section 2): each chain must hold in order, low to high; a name
# stands for that setting's value.
RANGES = (
    (1, "FRACTURE_RECENT_WEEKS", "FRACTURE_MAX_WEEKS", 52),
    (0, "MIN_CONSERVATIVE_CARE_WEEKS", 52),
    (1, "MIN_PAIN_SCORE", "SEVERE_PAIN_SCORE", 10),
    (1, "ADULT_AGE", 21),
    (0, "PREGNANCY_QUESTION_MAX_AGE", 120),
)


def _outside(chain, values):
    """(setting, message) for each setting of one chain that is not between its neighbours."""
    number = {item: values[item] if isinstance(item, str) else item for item in chain}
    named = {
        item: f"{item} ({values[item]})" if isinstance(item, str) else str(item) for item in chain
    }
    found = []
    for place in range(1, len(chain) - 1):
        low, name, high = chain[place - 1], chain[place], chain[place + 1]
        if not number[low] <= values[name] <= number[high]:
            found.append((name, f"must be from {named[low]} to {named[high]}, not {values[name]}"))
    return found


# Setting name -> default (docs/screening-contract.md section 2); settings.py reads it.
THRESHOLD_DEFAULTS = Thresholds.defaults()
