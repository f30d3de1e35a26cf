"""Handing back what a clinician typed when the idle sign-out came.

`kypho.middleware.StaffIdleTimeoutMiddleware` keeps a late POST's fields in the new
session (never in a URL, a log or the database) for a few minutes. After sign-in the
submission page takes them once, for the same user only, and shows them in the form
they came from, unsaved, with a message saying so.
"""

import time

from django.urls import Resolver404, resolve
from django.utils.translation import gettext_lazy

from clinic import forms
from clinic.workflow import effective_outcome
from kypho.middleware import StaffIdleTimeoutMiddleware

KEPT_KEY = StaffIdleTimeoutMiddleware.KEPT_KEY

# The action (route name) a kept POST was sent to -> its form on the submission page.
KEPT_FORMS = {
    "submission-note": (
        "note_form",
        gettext_lazy(
            "You were signed out, so your note was not saved yet. Check it and save it again."
        ),
    ),
    "submission-decision": (
        "decision_form",
        gettext_lazy(
            "You were signed out, so your decision was not saved yet. Check it and save it again."
        ),
    ),
    "submission-override": (
        "override_form",
        gettext_lazy(
            "You were signed out, so your change of outcome was not saved yet. Check it and save "
            "it again."
        ),
    ),
}


def build_form(form_name, initial, submission):
    """The submission page's `form_name`, filled with `initial` and not yet checked."""
    if form_name == "override_form":
        return forms.OverrideForm(initial=initial, current=effective_outcome(submission))
    form_class = {"note_form": forms.NoteForm, "decision_form": forms.DecisionForm}[form_name]
    return form_class(initial=initial)


def action_of(path, submission):
    """The route name of a kept POST's action on this submission, or None."""
    try:
        match = resolve(path.split("?")[0])
    except Resolver404:
        return None
    if match.namespace != "clinic" or match.kwargs.get("reference") != submission.reference:
        return None
    return match.url_name if match.url_name in KEPT_FORMS else None


def take_kept_form(request, submission):
    """(form name, form, message) for text kept for this user and submission, else None.

    Text kept for someone else, or kept too long, is dropped; it is shown only once.
    """
    kept = request.session.get(KEPT_KEY)
    if not kept:
        return None
    if kept["user"] != request.user.pk or kept["until"] < time.time():
        del request.session[KEPT_KEY]
        return None
    url_name = action_of(kept["path"], submission)
    if url_name is None:
        return None  # another submission's: it waits for that page
    del request.session[KEPT_KEY]
    form_name, message = KEPT_FORMS[url_name]
    initial = {name: values[-1] for name, values in kept["fields"].items() if values}
    return form_name, build_form(form_name, initial, submission), message
