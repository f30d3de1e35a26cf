"""The review workflow's rules: which status may follow which, and the effective outcome.

A submission goes `new` -> `in_review` -> `decided`, and may be `closed` from any of
them; a decided or closed one can be reopened (back to `in_review`). `decided` is reached
only by recording a decision, so every decided submission has one.
The effective outcome is read from the stored priority, which is one-to-one with the
outcomes and follows overrides, so showing or filtering it costs no extra query.
"""

from screening.eligibility import vocabulary
from screening.eligibility.vocabulary import PRIORITY

OUTCOME_BY_PRIORITY = {priority: outcome for outcome, priority in PRIORITY.items()}
OUTCOME_LABELS = dict(vocabulary.OUTCOMES)

STATUS_MOVES = {
    "new": ("in_review", "closed"),
    "in_review": ("closed",),
    "decided": ("in_review", "closed"),
    "closed": ("in_review",),
}


def allowed_statuses(status):
    """The statuses a clinician may move a submission to from `status`."""
    return STATUS_MOVES.get(status, ())


def effective_outcome(submission):
    """The outcome the clinic works from: the latest override, else the screen's."""
    return OUTCOME_BY_PRIORITY[submission.priority]


def is_overridden(submission):
    """True when a clinician's outcome stands in place of the screen's."""
    return effective_outcome(submission) != submission.outcome
