"""Date arithmetic the rules and the clinician queue share: fracture age and patient age.

Kept apart so the queue can show "11 weeks" with exactly the numbers the rules used, and
so the answer registry can ask the pregnancy question by age without importing the rules.
"""

from datetime import date


def days_since_onset(answers, as_of: date) -> int | None:
    """Whole days from the pain onset date of `answers` to `as_of`; None when unknown."""
    if answers.pain_onset_date is None:
        return None
    return (as_of - answers.pain_onset_date).days


def fracture_age_weeks(answers, as_of: date) -> int | None:
    """Whole weeks (rounded down) from onset to `as_of`; None when the date is unknown."""
    days = days_since_onset(answers, as_of)
    return None if days is None else days // 7


def age_on(date_of_birth: date, as_of: date) -> int:
    """Age in whole years on `as_of`; a 29 February birthday falls on 1 March in other years."""
    before_birthday = (as_of.month, as_of.day) < (date_of_birth.month, date_of_birth.day)
    return as_of.year - date_of_birth.year - int(before_birthday)
