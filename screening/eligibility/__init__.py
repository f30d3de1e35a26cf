"""The screening rules engine (ruleset 2026.11): answers in, an explained result out.

Pure Python by design: no database, request or form code, so the questionnaire, the
`screen` command, the exports and the tests all call the same function and get the same
answer. The only Django touch is `Thresholds.from_settings()`, read when evaluating.
The clinical contract is SCREENING.md; every name here is spelled as it is there.
"""

from .answers import Answers, Thresholds
from .criteria import CORE_CRITERIA_IDS
from .dates import age_on, days_since_onset, fracture_age_weeks
from .engine import evaluate, outcome_of
from .flags import FLAG_IDS
from .parsing import AnswerError, answers_to_dict, parse_record
from .results import RULESET_VERSION, Finding, Result

__all__ = [
    "CORE_CRITERIA_IDS",
    "FLAG_IDS",
    "RULESET_VERSION",
    "AnswerError",
    "Answers",
    "Finding",
    "Result",
    "Thresholds",
    "age_on",
    "answers_to_dict",
    "days_since_onset",
    "evaluate",
    "fracture_age_weeks",
    "outcome_of",
    "parse_record",
]
