"""The patient questionnaire: start, one page per step, a red-flag interrupt, check, result.

Views are thin: the session-backed `Questionnaire` decides which step comes next, the
forms validate, `services.submission_create` stores, and templates show.
"""

import math
import time

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from kypho import ratelimit
from screening import forms, presenters
from screening.models import Submission
from screening.services import submission_create
from screening.summary import grouped_answers
from screening.wizard import RED_FLAG_STEP, STEPS, STEPS_BY_SLUG, Questionnaire, has_red_flag

RESULTS_SESSION_KEY = "screening_results"


def step_url(step, change=False):
    url = reverse("screening:step", kwargs={"slug": step.slug})
    return f"{url}?change=1" if change else url


def where_next(questionnaire, step, change):
    """The page after a saved step: the next unanswered one, or back to the check page."""
    if change:
        pending = questionnaire.first_incomplete()
        return step_url(pending, change=True) if pending else reverse("screening:check")
    following = questionnaire.step_after(step)
    return step_url(following) if following else reverse("screening:check")


@require_http_methods(["GET", "POST"])
def start(request):
    """What the questionnaire asks and why; POST begins a new one."""
    if request.method == "POST":
        Questionnaire.start(request.session)
        return redirect(step_url(STEPS[0]))
    in_progress = Questionnaire(request.session).exists
    return render(request, "screening/start_page.html", {"in_progress": in_progress})


@never_cache
@require_http_methods(["GET", "POST"])
def step(request, slug):
    """One step: show it with the stored answers, or validate, keep and move on."""
    questionnaire = Questionnaire(request.session)
    current = STEPS_BY_SLUG.get(slug)
    if current is None:
        raise Http404("No such step")
    if not questionnaire.exists:
        return redirect("screening:start")
    steps, pending = questionnaire.visible_steps(), questionnaire.first_incomplete()
    if current not in steps or (pending and steps.index(current) > steps.index(pending)):
        return redirect(step_url(pending) if pending else reverse("screening:check"))
    change = request.GET.get("change") == "1"
    form = questionnaire.form_for(current, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        questionnaire.save_step(current, request.POST)
        if current.slug == RED_FLAG_STEP and has_red_flag(form.cleaned_data):
            return redirect(presenters.urgent_advice_url(change))
        return redirect(where_next(questionnaire, current, change))
    context = presenters.step_context(questionnaire, current, form, change)
    return render(request, "screening/step_form.html", context)


@never_cache
@require_GET
def urgent_advice(request):
    """Shown straight after a red flag is answered: seek care now, then carry on."""
    questionnaire = Questionnaire(request.session)
    if not questionnaire.exists:
        return redirect("screening:start")
    change = request.GET.get("change") == "1"
    continue_url = where_next(questionnaire, STEPS_BY_SLUG[RED_FLAG_STEP], change)
    return render(request, "screening/urgent_advice.html", {"continue_url": continue_url})


@never_cache
@require_http_methods(["GET", "POST"])
def check(request):
    """Every answer with a change link; POST stores the submission once."""
    questionnaire = Questionnaire(request.session)
    if not questionnaire.exists:
        return redirect("screening:start")
    if questionnaire.submitted_reference:
        return redirect("screening:result", reference=questionnaire.submitted_reference)
    pending = questionnaire.first_incomplete()
    if pending:
        return redirect(step_url(pending))
    if request.method == "POST":
        return send(request, questionnaire)
    number, total = questionnaire.position()
    context = {
        "groups": grouped_answers(questionnaire.cleaned(), questionnaire.visible_steps()),
        "step_number": number,
        "step_total": total,
    }
    return render(request, "screening/check_page.html", context)


def send(request, questionnaire):
    """Store the finished questionnaire once, unless it is a bot or over the rate limit."""
    if request.POST.get(presenters.HONEYPOT_FIELD):
        return render(request, "screening/not_accepted.html", status=400)
    wait = ratelimit.hit(
        request,
        scope="submission",
        limit=settings.SUBMISSION_RATE_LIMIT,
        window=settings.SUBMISSION_RATE_WINDOW,
    )
    if wait:
        return render(request, "429.html", {"retry_minutes": math.ceil(wait / 60)}, status=429)
    submission, _created = submission_create(
        answers=questionnaire.answers(),
        contact=questionnaire.contact(),
        idempotency_key=questionnaire.key,
        consent_version=forms.CONSENT_VERSION,
    )
    questionnaire.mark_submitted(submission.reference)
    results = request.session.get(RESULTS_SESSION_KEY, {})
    results[submission.reference] = int(time.time())
    request.session[RESULTS_SESSION_KEY] = dict(list(results.items())[-10:])
    return redirect("screening:result", reference=submission.reference)


@never_cache
@require_GET
def result(request, reference):
    """The patient's result: only in the session that submitted it, and only for a while."""
    submitted_at = request.session.get(RESULTS_SESSION_KEY, {}).get(reference)
    if submitted_at is None:
        raise Http404("Not this session's result")
    if time.time() - submitted_at > settings.RESULT_PAGE_TTL_MINUTES * 60:
        return render(request, "screening/result_expired.html", status=410)
    submission = get_object_or_404(Submission, reference=reference)
    return render(request, "screening/result_page.html", presenters.result_context(submission))
