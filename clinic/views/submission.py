"""One submission: the review page, its printable summary and its FHIR exports."""

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from clinic import fhir
from clinic.access import clinician_required
from clinic.audit import Action, audit_request
from clinic.kept_text import take_kept_form
from clinic.presenters import detail_context
from screening.models import Submission


def get_submission(reference):
    """The submission with its location and assignee, or 404."""
    queryset = Submission.objects.select_related("location", "assigned_to")
    return get_object_or_404(queryset, reference=reference)


@clinician_required
@require_GET
def submission_detail(request, reference):
    """Everything about one submission, and the forms to act on it; the view is audited.

    Text typed before an idle sign-out comes back in its form, unsaved, with a message.
    """
    submission = get_submission(reference)
    audit_request(request, Action.VIEW, reference=submission.reference)
    bound = {}
    kept = take_kept_form(request, submission)
    if kept:
        form_name, form, message = kept
        bound[form_name] = form
        messages.warning(request, message)
    context = detail_context(submission, request.user, bound=bound)
    return render(request, "clinic/submission_detail.html", context)


@clinician_required
@require_GET
def submission_print(request, reference):
    """A printable summary for the clinic's paper or scanned record; audited."""
    submission = get_submission(reference)
    audit_request(request, Action.PRINT, reference=submission.reference)
    return render(request, "clinic/submission_print.html", detail_context(submission, request.user))


@clinician_required
@require_GET
def submission_fhir(request, reference):
    """The submission as a FHIR Bundle: Patient, answers and the screen's result; audited."""
    submission = get_submission(reference)
    audit_request(request, Action.EXPORT_FHIR, reference=submission.reference)
    return fhir_response(fhir.submission_bundle(submission), f"{reference}.fhir.json")


@clinician_required
@require_GET
def questionnaire_fhir(request):
    """The questionnaire itself as a FHIR Questionnaire (no patient data); audited."""
    audit_request(request, Action.EXPORT_FHIR, detail={"resource": "Questionnaire"})
    return fhir_response(fhir.questionnaire(), "questionnaire.fhir.json")


def fhir_response(resource, filename):
    """A FHIR resource as a JSON download, its FHIR version named in the media type."""
    response = JsonResponse(resource, content_type=fhir.MEDIA_TYPE, json_dumps_params={"indent": 2})
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
