"""The workflow's POST actions: assign, change status, decide, add a note, override.

Each validates its form and calls one service; on invalid input the submission page is
shown again with that form's message and what was typed, with status 400.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from clinic import forms, services
from clinic.access import clinician_required
from clinic.presenters import detail_context
from clinic.views.submission import get_submission
from clinic.workflow import allowed_statuses, effective_outcome
from kypho.net import client_ip


def act(request, submission, form_name, form, apply, done):
    """Run `apply(cleaned_data)` if `form` is valid, else show the page with its errors."""
    if form.is_valid():
        try:
            apply(form.cleaned_data)
        except services.WorkflowError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, done)
            return redirect("clinic:submission-detail", reference=submission.reference)
    context = detail_context(submission, request.user, bound={form_name: form})
    context["failed_form"] = form_name
    return render(request, "clinic/submission_detail.html", context, status=400)


def who(request):
    return {"actor": request.user, "ip_address": client_ip(request)}


@clinician_required
@require_POST
def submission_assign(request, reference):
    """Assign the submission to a clinician, or to nobody."""
    submission = get_submission(reference)
    form = forms.AssignForm(request.POST)

    def apply(data):
        services.submission_assign(submission=submission, assignee=data["assignee"], **who(request))

    return act(request, submission, "assign_form", form, apply, "Assignment saved.")


@clinician_required
@require_POST
def submission_status(request, reference):
    """Move the submission along the workflow (or close or reopen it)."""
    submission = get_submission(reference)
    form = forms.StatusForm(request.POST, allowed=allowed_statuses(submission.status))

    def apply(data):
        services.submission_set_status(submission=submission, status=data["status"], **who(request))

    return act(request, submission, "status_form", form, apply, "Status changed.")


@clinician_required
@require_POST
def submission_decision(request, reference):
    """Record a decision with its note."""
    submission = get_submission(reference)
    form = forms.DecisionForm(request.POST)

    def apply(data):
        services.submission_record_decision(
            submission=submission, decision=data["decision"], note=data["note"], **who(request)
        )

    return act(request, submission, "decision_form", form, apply, "Decision recorded.")


@clinician_required
@require_POST
def submission_note(request, reference):
    """Add a note."""
    submission = get_submission(reference)
    form = forms.NoteForm(request.POST)

    def apply(data):
        services.submission_add_note(submission=submission, text=data["text"], **who(request))

    return act(request, submission, "note_form", form, apply, "Note added.")


@clinician_required
@require_POST
def submission_override(request, reference):
    """Override the screen's outcome with a reason (the screen's own result is kept)."""
    submission = get_submission(reference)
    form = forms.OverrideForm(request.POST, current=effective_outcome(submission))

    def apply(data):
        services.submission_override_outcome(
            submission=submission, outcome=data["outcome"], reason=data["reason"], **who(request)
        )

    return act(request, submission, "override_form", form, apply, "Outcome overridden.")
