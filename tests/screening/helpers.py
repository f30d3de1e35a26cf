"""Helpers of the rules-engine tests: screen the baseline patient with some answers changed."""

from screening.eligibility import Thresholds, evaluate
from tests.screening.factories import AS_OF, make_answers

DEFAULTS = Thresholds()


def screen(**overrides):
    """Evaluate the baseline answers with `overrides` on AS_OF, default thresholds."""
    return evaluate(make_answers(**overrides), AS_OF, DEFAULTS)


def effect_of(result, finding_id):
    """The effect of the one finding with `finding_id`, or None if it was not reported."""
    matches = [f for f in result.findings if f.id == finding_id]
    assert len(matches) <= 1
    return matches[0].effect if matches else None


def finding(result, finding_id):
    """The one finding with `finding_id`."""
    return next(f for f in result.findings if f.id == finding_id)
