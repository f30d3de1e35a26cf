"""The screening rules engine (ruleset 2027.01): answers in, an explained result out.

Pure Python by design: no database, request or form code, so the questionnaire, the
`screen` command, the synthetic data loaders and the tests all call the same function
and get the same answer. The only Django touch is `Thresholds.from_settings()`, read
when evaluating.
The clinical contract is docs/screening-contract.md; every name here is spelled as it is
there, and tests/screening/test_contract.py holds the two together.
"""

from .answers import Answers, Thresholds
from .criteria import CORE_CRITERIA_IDS
from .dates import age_on, days_since_onset, fracture_age_weeks
from .engine import FINDING_READS, FINDING_TAGS, evaluate, outcome_of, urgent_findings
from .flags import FLAG_IDS
from .parsing import AnswerError, answers_to_dict, parse_record
from .questions import (
    ANSWER_KEYS,
    NONE_OF_THESE,
    QUESTIONS,
    QUESTIONS_BY_KEY,
    Question,
    When,
    asked_values,
    questions_on,
)
from .results import EARLIER_RULESETS, RULESET_VERSION, Finding, Result

__all__ = [
    "ANSWER_KEYS",
    "CORE_CRITERIA_IDS",
    "EARLIER_RULESETS",
    "FINDING_READS",
    "FINDING_TAGS",
    "FLAG_IDS",
    "NONE_OF_THESE",
    "QUESTIONS",
    "QUESTIONS_BY_KEY",
    "RULESET_VERSION",
    "AnswerError",
    "Answers",
    "Finding",
    "Question",
    "Result",
    "Thresholds",
    "When",
    "age_on",
    "answers_to_dict",
    "asked_values",
    "days_since_onset",
    "evaluate",
    "fracture_age_weeks",
    "outcome_of",
    "parse_record",
    "questions_on",
    "urgent_findings",
]
