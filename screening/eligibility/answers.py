"""The inputs of the rules: one patient's answers and the clinic's thresholds.

Both are frozen so an evaluation can never change what it was given. Thresholds are read
from Django settings only when asked (`Thresholds.from_settings()`), which keeps the
engine importable and testable without a configured project.
"""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Answers:
    """One patient's answers, one field per key of SCREENING.md section 1, in table order."""

    pain_onset_date: date | None
    onset_event: str
    pain_score: int
    pain_trend: str
    hospitalised_or_unable_to_walk: bool
    imaging: tuple[str, ...]
    imaging_result: str
    treatments_tried: tuple[str, ...]
    treatment_weeks: int
    osteoporosis: str
    cancer_history: bool
    long_term_steroids: bool
    other_spine_diagnoses: tuple[str, ...]
    neuro_symptoms: str
    bladder_bowel_changes: bool
    fever: bool
    active_infection: bool
    blood_thinners: bool
    bleeding_disorder: bool
    cement_or_contrast_allergy: bool
    pregnant: bool
    date_of_birth: date


# Setting name -> default, as SCREENING.md section 2 fixes them.
THRESHOLD_DEFAULTS = {
    "FRACTURE_RECENT_WEEKS": 8,
    "FRACTURE_MAX_WEEKS": 12,
    "MIN_CONSERVATIVE_CARE_WEEKS": 4,
    "MIN_PAIN_SCORE": 5,
    "SEVERE_PAIN_SCORE": 8,
    "ADULT_AGE": 18,
}


@dataclass(frozen=True)
class Thresholds:
    """The numbers the rules compare answers against (the clinic's settings)."""

    fracture_recent_weeks: int = 8
    fracture_max_weeks: int = 12
    min_conservative_care_weeks: int = 4
    min_pain_score: int = 5
    severe_pain_score: int = 8
    adult_age: int = 18

    @classmethod
    def from_settings(cls) -> "Thresholds":
        """Read the thresholds from Django settings, falling back to the contract defaults."""
        from django.conf import settings

        return cls(
            **{
                name.lower(): getattr(settings, name, default)
                for name, default in THRESHOLD_DEFAULTS.items()
            }
        )

    @property
    def recent_days(self):
        """The last day of the recent window (7 * FRACTURE_RECENT_WEEKS)."""
        return 7 * self.fracture_recent_weeks

    @property
    def max_days(self):
        """The last day of the borderline window (7 * FRACTURE_MAX_WEEKS)."""
        return 7 * self.fracture_max_weeks
