"""The evaluation: run every criterion and flag, then pick one outcome.

Outcome precedence is fixed by docs/screening-contract.md section 3 (first match wins): an urgent
finding beats an excluding one, which beats one needing review; only when every core
criterion supports is a submission a likely candidate.
"""

from collections.abc import Mapping
from datetime import date

from .answers import Answers, Thresholds
from .criteria import CORE_CRITERIA
from .flags import FLAGS
from .questions import QUESTIONS
from .results import RULESET_VERSION, Finding, Result

# Finding id -> the short tag clinicians read, declared on each criterion and flag.
FINDING_TAGS = {rule.__name__: rule.tag for rule in CORE_CRITERIA + FLAGS}
# Flag id -> the answer keys it reads (what the urgent advice names as its reason).
FINDING_READS = {flag.__name__: flag.reads for flag in FLAGS}

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


def urgent_findings(
    answered: Mapping, as_of: date, thresholds: Thresholds | None = None
) -> tuple[Finding, ...]:
    """The urgent findings the answers given so far already raise.

    The questionnaire asks this after each page, so the advice to get help now comes as
    soon as a red flag is answered, by the same rule as the final result. A question
    already known to be skipped counts as its stored value (no scan ticked: the result
    is `not_done`). A flag is checked once any key it reads is known; keys not known yet
    count as None.
    """
    if thresholds is None:
        thresholds = Thresholds.from_settings()
    known = {**skipped_so_far(answered, as_of, thresholds), **answered}
    partial = Answers(**{key: known.get(key) for key in Answers.__dataclass_fields__})
    raised = [
        flag(partial, as_of, thresholds)
        for flag in FLAGS
        if any(key in known for key in flag.reads)
    ]
    return tuple(finding for finding in raised if finding and finding.effect == "urgent")


def skipped_so_far(answered: Mapping, as_of: date, thresholds: Thresholds) -> dict:
    """The stored values of the questions the answers given so far already skip."""
    skipped = {}
    for question in QUESTIONS:
        try:
            if question.key not in answered and not question.asked(answered, as_of, thresholds):
                skipped[question.key] = question.skipped
        except KeyError:  # it depends on an answer not given yet
            continue
    return skipped


def outcome_of(findings: tuple[Finding, ...]) -> str:
    """The outcome the strongest finding decides (urgent, excludes, review), else likely."""
    effects = {finding.effect for finding in findings}
    for effect, outcome in OUTCOME_BY_EFFECT:
        if effect in effects:
            return outcome
    return "likely_candidate"
