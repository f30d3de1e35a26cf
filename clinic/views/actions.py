"""The workflow's POST actions: assign, change status, decide, add a note, override.

Each validates its form and calls one service; on invalid input the submission page is
shown again with that form's message and what was typed, with status 400. A GET of an
action's URL shows the submission page. What was typed into a decision, note or override
that arrives after the idle sign-out is kept for after sign-in (`clinic.kept_text`).
The page shown after a refused action holds the patient's record, so it is audited as a
view like any other.
"""

from functools import wraps

from django.contrib import messages
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from clinic import forms, services
from clinic.access import clinician_required
from clinic.audit import Action, audit_request
from clinic.presenters import detail_context
from clinic.views.submission import get_submission
from clinic.workflow import allowed_statuses, effective_outcome
from kypho.middleware import keeps_typed_text
from kypho.net import client_ip


def post_only(view):
    """POST only; a GET (a bookmark, or the way back from sign-in) shows the submission."""

    @wraps(view)
    def only_post(request, reference):
        if request.method in {"GET", "HEAD"}:
            return redirect("clinic:submission-detail", reference=reference)
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return view(request, reference)

    return only_post


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
    audit_request(request, Action.VIEW, reference=submission.reference, detail={"form": form_name})
    context = detail_context(submission, request.user, bound={form_name: form})
    context["failed_form"] = form_name
    return render(request, "clinic/submission_detail.html", context, status=400)


def who(request):
    return {"actor": request.user, "ip_address": client_ip(request)}


@clinician_required
@post_only
def submission_assign(request, reference):
    """Assign the submission to a clinician, or to nobody."""
    submission = get_submission(reference)
    form = forms.AssignForm(request.POST)

    def apply(data):
        services.submission_assign(submission=submission, assignee=data["assignee"], **who(request))

    return act(request, submission, "assign_form", form, apply, _("Assignment saved."))


@clinician_required
@post_only
def submission_status(request, reference):
    """Move the submission along the workflow (or close or reopen it)."""
    submission = get_submission(reference)
    form = forms.StatusForm(request.POST, allowed=allowed_statuses(submission.status))

    def apply(data):
        services.submission_set_status(submission=submission, status=data["status"], **who(request))

    return act(request, submission, "status_form", form, apply, _("Status changed."))


@keeps_typed_text
@clinician_required
@post_only
def submission_decision(request, reference):
    """Record a decision with its note."""
    submission = get_submission(reference)
    form = forms.DecisionForm(request.POST)

    def apply(data):
        services.submission_record_decision(
            submission=submission, decision=data["decision"], note=data["note"], **who(request)
        )

    return act(request, submission, "decision_form", form, apply, _("Decision recorded."))


@keeps_typed_text
@clinician_required
@post_only
def submission_note(request, reference):
    """Add a note."""
    submission = get_submission(reference)
    form = forms.NoteForm(request.POST)

    def apply(data):
        services.submission_add_note(submission=submission, text=data["text"], **who(request))

    return act(request, submission, "note_form", form, apply, _("Note added."))


@keeps_typed_text
@clinician_required
@post_only
def submission_override(request, reference):
    """Override the screen's outcome with a reason (the screen's own result is kept)."""
    submission = get_submission(reference)
    form = forms.OverrideForm(request.POST, current=effective_outcome(submission))

    def apply(data):
        services.submission_override_outcome(
            submission=submission, outcome=data["outcome"], reason=data["reason"], **who(request)
        )

    return act(request, submission, "override_form", form, apply, _("Outcome overridden."))
