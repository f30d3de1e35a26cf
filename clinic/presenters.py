"""Ready-made values for the clinician templates, so the templates hold no logic.

A queue row and the submission page read findings and fracture age exactly as the
engine produced them (`findings`, `fracture_age_weeks`), with short tags whose text,
not only their color, says what each one is.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from clinic import forms
from clinic.models import AuditEntry
from clinic.workflow import OUTCOME_LABELS, allowed_statuses, effective_outcome, is_overridden
from screening.eligibility import (
    EARLIER_RULESETS,
    FINDING_TAGS,
    RULESET_VERSION,
    Thresholds,
    fracture_age_weeks,
    vocabulary,
)
from screening.models import Submission
from screening.summary import question_rows

EFFECT_LABELS = dict(vocabulary.EFFECTS)


def finding_view(finding):
    """A finding with its short tag and effect label."""
    return {
        **finding,
        "tag": FINDING_TAGS.get(finding["id"], finding["id"]),
        "effect_label": EFFECT_LABELS.get(finding["effect"], finding["effect"]),
    }


def outcome_view(submission):
    outcome = effective_outcome(submission)
    return {
        "value": outcome,
        "label": OUTCOME_LABELS[outcome],
        "overridden": is_overridden(submission),
        "screen_label": OUTCOME_LABELS.get(submission.outcome, submission.outcome),
    }


def fracture_weeks(submission, as_of=None):
    """Whole weeks from onset to `as_of` (default: the screening date); None if unknown."""
    return fracture_age_weeks(submission.to_answers(), as_of or submission.as_of)


def queue_row(submission):
    """One row of the queue: everything shown, computed without a query."""
    assignee = submission.assigned_to
    return {
        "reference": submission.reference,
        "created_at": submission.created_at,
        "outcome": outcome_view(submission),
        "tags": [finding_view(f) for f in submission.findings if f["effect"] != "supports"],
        "fracture_weeks": fracture_weeks(submission),
        "status": submission.get_status_display(),
        "assignee": (assignee.get_full_name() or assignee.get_username()) if assignee else "",
        "location": submission.location.name if submission.location else "",
        "language": submission.get_language_display(),
        "needs_interpreter": submission.needs_interpreter,
    }


def interpreter_language(submission):
    """The patient's language in English ("Spanish") when it is not English, else ""."""
    return submission.get_language_display() if submission.needs_interpreter else ""


def ruleset_note(ruleset):
    """Which ruleset scored a submission, and what differs when it is not the current one."""
    if ruleset == RULESET_VERSION:
        return _("Scored by ruleset %(ruleset)s, the current one.") % {"ruleset": ruleset}
    earlier = EARLIER_RULESETS.get(ruleset, "")
    kept = _(
        "Scored by ruleset %(ruleset)s; the current one is %(current)s. Its outcome and "
        "findings are kept as they were."
    ) % {"ruleset": ruleset, "current": RULESET_VERSION}
    return f"{kept} {earlier}".strip()


def action_forms(submission, bound=None):
    """The workflow forms, unbound unless one of them is the `bound` one with errors."""
    outcome = effective_outcome(submission)
    current = submission.assigned_to
    available = {
        "assign_form": forms.AssignForm(initial={"assignee": current}),
        "status_form": forms.StatusForm(allowed=allowed_statuses(submission.status)),
        "decision_form": forms.DecisionForm(),
        "note_form": forms.NoteForm(),
        "override_form": forms.OverrideForm(current=outcome),
    }
    available.update(bound or {})
    return available


def detail_context(submission, user, bound=None):
    """Everything the submission page shows."""
    findings = [finding_view(f) for f in submission.findings]
    overrides = list(submission.overrides.select_related("overridden_by"))
    decisions = list(submission.decisions.select_related("decided_by"))
    notes = list(submission.notes.select_related("author"))
    return {
        "submission": submission,
        "outcome": outcome_view(submission),
        "red_flags": [f for f in findings if f["effect"] == "urgent"],
        "findings": findings,
        "ruleset_note": ruleset_note(submission.ruleset),
        "fracture_weeks": fracture_weeks(submission),
        "fracture_weeks_today": fracture_weeks(submission, timezone.localdate()),
        "answers": question_rows(
            submission.answer_values(), submission.as_of, Thresholds.from_settings()
        ),
        "override": overrides[0] if overrides else None,
        "decision": decisions[0] if decisions else None,
        "timeline": timeline(submission, notes, decisions, overrides),
        "assigned_to_me": submission.assigned_to_id == user.pk,
        "interpreter_language": interpreter_language(submission),
        **action_forms(submission, bound),
    }


def person(user):
    return (user.get_full_name() or user.get_username()) if user else _("A former user")


def event(when, who, what, text=""):
    return {"when": when, "who": who, "what": what, "text": text}


TIMELINE_ACTIONS = {
    AuditEntry.Action.ASSIGN,
    AuditEntry.Action.STATUS,
    AuditEntry.Action.EXPORT_FHIR,
    AuditEntry.Action.PRINT,
}


def timeline(submission, notes, decisions, overrides):
    """What happened to the submission, newest first."""
    events = [event(submission.created_at, _("Patient"), _("Submitted the questionnaire"))]
    events += [event(n.created_at, person(n.author), _("Note"), n.text) for n in notes]
    for row in decisions:
        what = _("Decision: %(decision)s") % {"decision": row.get_decision_display()}
        events.append(event(row.created_at, person(row.decided_by), what, row.note))
    for row in overrides:
        change = {"from": OUTCOME_LABELS[row.previous_outcome], "to": OUTCOME_LABELS[row.outcome]}
        what = _("Outcome overridden: %(from)s to %(to)s") % change
        events.append(event(row.created_at, person(row.overridden_by), what, row.reason))
    for entry in AuditEntry.objects.for_reference(submission.reference):
        if entry.action in TIMELINE_ACTIONS:
            events.append(event(entry.created_at, entry.actor_username, audit_summary(entry)))
    return sorted(events, key=lambda item: item["when"], reverse=True)


def audit_summary(entry):
    """An audit entry in words, from its action and ids (no health data is stored there)."""
    detail = entry.detail
    if entry.action == AuditEntry.Action.STATUS:
        labels = dict(Submission.Status.choices)
        change = {"from": labels.get(detail.get("from")), "to": labels.get(detail.get("to"))}
        return _("Status: %(from)s to %(to)s") % change
    if entry.action == AuditEntry.Action.ASSIGN:
        name = detail.get("to_username")
        return _("Assigned to %(name)s") % {"name": name} if name else _("Unassigned")
    return entry.get_action_display()
