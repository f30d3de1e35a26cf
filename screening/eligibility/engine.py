"""The evaluation: run every criterion and flag, then pick one outcome.

Outcome precedence is fixed by SCREENING.md section 2 (first match wins): an urgent
finding beats an excluding one, which beats one needing review; only when every core
criterion supports is a submission a likely candidate.
"""

from datetime import date

from .answers import Answers, Thresholds
from .criteria import CORE_CRITERIA
from .flags import FLAGS
from .results import RULESET_VERSION, Finding, Result

OUTCOME_BY_EFFECT = (
    ("urgent", "urgent"),
    ("excludes", "unlikely_candidate"),
    ("review", "needs_review"),
)


def evaluate(answers: Answers, as_of: date, thresholds: Thresholds | None = None) -> Result:
    """Screen one set of answers on `as_of`: core criteria first, then flags, then outcome."""
    if thresholds is None:
        thresholds = Thresholds.from_settings()
    core = [criterion(answers, as_of, thresholds) for criterion in CORE_CRITERIA]
    raised = [flag(answers, as_of, thresholds) for flag in FLAGS]
    findings = tuple(core + [finding for finding in raised if finding is not None])
    return Result(outcome_of(findings), RULESET_VERSION, findings)


def outcome_of(findings: tuple[Finding, ...]) -> str:
    """The outcome the strongest finding decides (urgent, excludes, review), else likely."""
    effects = {finding.effect for finding in findings}
    for effect, outcome in OUTCOME_BY_EFFECT:
        if effect in effects:
            return outcome
    return "likely_candidate"
